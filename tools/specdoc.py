"""Reading the OpenAPI document as JSON sees it, and following its local references.

Shared by the emulator (which serves the spec), the spec linter and the breaking-change gate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

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


def resolve_ref(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` chains (``#/...``) to the object they name."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        ref = node["$ref"]
        if ref in seen:
            break
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any], Mapping[str, Any]]]:
    """Every operation as (path, method, its path item, the operation)."""
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, Mapping) and isinstance(item.get(method), Mapping):
                yield path, method, item, item[method]
