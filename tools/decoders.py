"""The spec's ``x-pcinsights-decode`` extensions, checked and handed to the model template.

Like the pagers (tools/pagers.py says why), the generator shows no template a schema's vendor extensions, and
it drops a string's ``format`` unless it is one it knows. So codegen finds each object schema's property whose
schema (itself or through a ``$ref``) carries the extension and lists it, by schema and JSON name, in the
template of data that ``model.py.jinja`` imports.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tools.specdoc import resolve_ref

EXTENSION = "x-pcinsights-decode"
# What each decoding needs the schema to be (the templates know these and no others).
KINDS = {"utc-date-time": "string"}


class DecodeError(Exception):
    """An ``x-pcinsights-decode`` extension the templates cannot honour."""


def decoders(spec: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """``{"/components/schemas/<name>": {property: kind}}`` (how the generator names a model) for every property
    of a component schema whose schema has the extension."""
    found: dict[str, dict[str, str]] = {}
    schemas = (spec.get("components") or {}).get("schemas") or {}
    for name, schema in sorted(schemas.items()):
        kind = schema.get(EXTENSION)
        if kind is not None and KINDS.get(kind) != schema.get("type"):
            raise DecodeError(f"{name}: {EXTENSION} must be one of {sorted(KINDS)} on a schema of the type it needs")
        for prop, node in (schema.get("properties") or {}).items():
            kind = resolve_ref(spec, node).get(EXTENSION)
            if kind is not None:
                found.setdefault(f"/components/schemas/{name}", {})[prop] = kind
    return found


def template(spec: Mapping[str, Any]) -> str:
    """The Jinja set statement the model template imports (JSON of names is a valid Jinja literal)."""
    data = json.dumps(decoders(spec), sort_keys=True, indent=1)
    return (
        "{# Written by tools/codegen.py from the spec's x-pcinsights-decode extensions (see tools/decoders.py). #}\n"
        f"{{% set decoders = {data} %}}\n"
    )
