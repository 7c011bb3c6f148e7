"""Reading the OpenAPI document as JSON sees it, and following its local references.

Shared by the code generator, the spec linter, the spec diff and the tests: the one walker of operations and
schemas, so every tool sees the same spec the same way.
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


def pointer(parts: tuple[str, ...]) -> str:
    """A JSON pointer (RFC 6901) to ``parts``."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def schema_nodes(node: Any, parts: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Mapping[str, Any]]]:
    """Every schema object inside ``node`` (itself a schema), with its path; ``$ref``s are not followed."""
    if not isinstance(node, Mapping):
        return
    yield parts, node
    for key in ("items", "not", "additionalProperties"):
        yield from schema_nodes(node.get(key), (*parts, key))
    for key in ("allOf", "anyOf", "oneOf"):
        for index, sub in enumerate(node.get(key) or ()):
            yield from schema_nodes(sub, (*parts, key, str(index)))
    for name, sub in (node.get("properties") or {}).items():
        yield from schema_nodes(sub, (*parts, "properties", name))


def object_view(spec: Mapping[str, Any], schema: Any, depth: int = 0) -> tuple[dict[str, Any], set[str]]:
    """An object schema's properties and required names, with ``$ref`` and ``allOf`` merged in."""
    schema = resolve_ref(spec, schema)
    if not isinstance(schema, Mapping) or depth > 20:
        return {}, set()
    properties = dict(schema.get("properties") or {})
    required = set(schema.get("required") or ())
    for part in schema.get("allOf") or ():
        more, more_required = object_view(spec, part, depth + 1)
        properties.update(more)
        required |= more_required
    return properties, required


Parts = tuple[str, ...]


def locate(spec: Mapping[str, Any], node: Any, parts: Parts) -> tuple[Any, Parts]:
    """``node`` (found at ``parts``) with local ``$ref`` chains followed, and the parts of where it is defined."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        ref = node["$ref"]
        if ref in seen:
            break
        seen.add(ref)
        parts = tuple(part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/"))
        node = resolve_ref(spec, {"$ref": ref})
    return node, parts


def located_properties(
    spec: Mapping[str, Any], schema: Any, parts: Parts, depth: int = 0
) -> dict[str, tuple[Any, Parts]]:
    """Like ``object_view``'s properties, each with the parts of where it is defined (through ``$ref``/``allOf``)."""
    schema, parts = locate(spec, schema, parts)
    if not isinstance(schema, Mapping) or depth > 20:
        return {}
    found = {name: (sub, (*parts, "properties", name)) for name, sub in (schema.get("properties") or {}).items()}
    for index, part in enumerate(schema.get("allOf") or ()):
        found.update(located_properties(spec, part, (*parts, "allOf", str(index)), depth + 1))
    return found
