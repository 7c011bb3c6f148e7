"""Reading the OpenAPI document's YAML source as JSON sees it; the walkers re-exported here live in
``pcinsights.spec.walk``.

Shared by the code generator, the spec linter, the spec diff and the tests: the one reader of the source, so every
tool sees the same spec the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pcinsights.spec.walk import (
    HTTP_METHODS,
    Parts,
    locate,
    located_properties,
    object_view,
    operations,
    pointer,
    resolve_ref,
    schema_nodes,
)

__all__ = [
    "HTTP_METHODS",
    "Parts",
    "load_spec",
    "locate",
    "located_properties",
    "object_view",
    "operations",
    "parse_spec",
    "pointer",
    "resolve_ref",
    "schema_nodes",
]

# YAML as JSON sees it: an unquoted date stays a string, as it would on the wire.
_JSON_LOADER: Any = type(
    "_JsonLoader",
    (yaml.SafeLoader,),
    {
        "yaml_implicit_resolvers": {
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
    },
)


def parse_spec(text: str, source: str = "the spec") -> dict[str, Any]:
    """An OpenAPI document's text as plain JSON-compatible data."""
    data = yaml.load(text, Loader=_JSON_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{source} is not an OpenAPI document")
    return data


def load_spec(path: Path) -> dict[str, Any]:
    """The spec file as plain JSON-compatible data."""
    return parse_spec(path.read_text(encoding="utf-8"), str(path))
