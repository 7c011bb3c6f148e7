"""Walking an OpenAPI document as JSON sees it: its operations, its local references, its schemas.

The one walker of operations and schemas, so every tool (the code generator, the linter, the spec diff, the drift
checker, the validating proxy) sees the spec the same way. Reading the YAML source is ``tools.specdoc``'s job; this
module takes the parsed data, so the shipped package needs no YAML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


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
