"""The spec's ``x-pcinsights-keys: lenient`` marks, checked and handed to the model template.

Like the pagers and decoders (tools/pagers.py says why), the generator shows no template a schema's vendor
extensions, so codegen lists the marked component schemas in the template of data ``model.py.jinja`` imports;
their ``from_dict`` reads keys through the runtime's ``_keys.lenient_keys``. A mark the template could not honour
(another value, a schema that is no object, one not among the components, two names one spelling) fails
``make generate``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from tools.specdoc import object_view, operations, schema_nodes

EXTENSION = "x-pcinsights-keys"
VALUE = "lenient"


class LenientKeysError(Exception):
    """An ``x-pcinsights-keys`` mark the templates cannot honour."""


def _normalized(key: str) -> str:  # as overrides/runtime/_keys.py's normalized
    key = key.strip()
    return key[:1].lower() + key[1:]


def _inline_schemas(spec: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every schema node that is not a component schema itself (nested in one, or in an operation)."""
    for name, schema in ((spec.get("components") or {}).get("schemas") or {}).items():
        for parts, node in schema_nodes(schema):
            if parts:
                yield f"#/components/schemas/{name}/" + "/".join(parts), node
    for path, method, _item, operation in operations(spec):
        places = [*(operation.get("responses") or {}).values(), operation.get("requestBody") or {}]
        for place in places:
            for media, content in ((place.get("content") or {}) if isinstance(place, Mapping) else {}).items():
                for _parts, node in schema_nodes(content.get("schema") if isinstance(content, Mapping) else None):
                    yield f"{method.upper()} {path} {media}", node


def lenient(spec: Mapping[str, Any]) -> list[str]:
    """The marked component schemas, named as the generator names a model (``/components/schemas/<name>``)."""
    found = []
    for name, schema in sorted(((spec.get("components") or {}).get("schemas") or {}).items()):
        if EXTENSION not in schema:
            continue
        properties, _ = object_view(spec, schema)
        if schema[EXTENSION] != VALUE:
            raise LenientKeysError(f"{name}: {EXTENSION} must be {VALUE!r} ({schema[EXTENSION]!r})")
        if not properties:
            raise LenientKeysError(f"{name}: {EXTENSION} is for object schemas with properties")
        spelt: dict[str, str] = {}
        for prop in properties:
            other = spelt.setdefault(_normalized(prop), prop)
            if other != prop:
                raise LenientKeysError(f"{name}: {EXTENSION}: properties {other!r} and {prop!r} read as one key")
        found.append(f"/components/schemas/{name}")
    for where, node in _inline_schemas(spec):
        if EXTENSION in node:
            raise LenientKeysError(f"{where}: {EXTENSION} is honoured on component schemas only (use a $ref)")
    return found


def template(spec: Mapping[str, Any]) -> str:
    """The Jinja set statement the model template imports (JSON of names is a valid Jinja literal)."""
    data = json.dumps(lenient(spec), indent=1)
    return (
        f"{{# Written by tools/codegen.py from the spec's {EXTENSION} marks (see tools/lenientkeys.py). #}}\n"
        f"{{% set lenient = {data} %}}\n"
    )
