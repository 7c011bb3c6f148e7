"""A strict view of the spec, for finding drift: what the spec describes, and nothing else, validates.

The spec is tolerant on purpose (no ``additionalProperties: false``, open enums as ``anyOf: [Enum, string]``), so a
validator passes traffic that carries fields or values the spec never mentions. The strict view closes it: every
object schema, its ``allOf`` parts merged into one, forbids other properties; every open enum accepts only its
known values (and null where the field is nullable). Each schema keeps where it came from in the real spec
(``x-drift-at``, ``x-drift-open-enum``), so a finding can say where to edit.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pcinsights.spec.walk import Parts, located_properties, pointer, resolve_ref

AT = "x-drift-at"  # JSON pointer (with "#") of the schema in the real spec; for objects, where a property goes
OPEN_ENUM = "x-drift-open-enum"  # JSON pointer of the enum an open-enum field takes its known values from
_MAX_DEPTH = 40


def _object_like(spec: Mapping[str, Any], node: Any, depth: int = 0) -> bool:
    node = resolve_ref(spec, node)
    if not isinstance(node, Mapping) or depth > _MAX_DEPTH:
        return False
    if "properties" in node or node.get("type") == "object":
        return True
    parts = node.get("allOf") or ()
    return bool(parts) and all(_object_like(spec, part, depth + 1) for part in parts)


def _required(spec: Mapping[str, Any], node: Any, depth: int = 0) -> set[str]:
    node = resolve_ref(spec, node)
    if not isinstance(node, Mapping) or depth > _MAX_DEPTH:
        return set()
    required = set(node.get("required") or ())
    for part in node.get("allOf") or ():
        required |= _required(spec, part, depth + 1)
    return required


def _open_enum(spec: Mapping[str, Any], node: Mapping[str, Any], parts: Parts) -> dict[str, Any] | None:
    """``anyOf``/``oneOf`` of enums and a plain string, closed to the enums' values; None for any other union."""
    key = "anyOf" if "anyOf" in node else "oneOf"
    members = list(node.get(key) or ())
    values: list[Any] = []
    source, nullable, plain_string = "", node.get("nullable") is True, False
    for index, member in enumerate(members):
        target = resolve_ref(spec, member)
        if not isinstance(target, Mapping):
            return None
        nullable = nullable or target.get("nullable") is True
        if "enum" in target:
            values += [value for value in target["enum"] if value not in values]
            ref = member.get("$ref") if isinstance(member, Mapping) else None
            source = source or (ref if isinstance(ref, str) else "#" + pointer((*parts, key, str(index))))
        elif target.get("type") == "string" and not ({"pattern", "format", "maxLength", "minLength"} & target.keys()):
            plain_string = True
        else:
            return None
    if not (values and plain_string):
        return None
    return {
        "type": "string",
        "enum": values + ([None] if nullable else []),
        "nullable": nullable,
        AT: "#" + pointer(parts),
        OPEN_ENUM: source,
    }


def _strict(spec: Mapping[str, Any], node: Any, parts: Parts, depth: int = 0) -> Any:
    if not isinstance(node, Mapping) or depth > _MAX_DEPTH:
        return node
    if "$ref" in node:
        return dict(node)  # the component it names is made strict on its own
    if "anyOf" in node or "oneOf" in node:
        closed = _open_enum(spec, node, parts)
        if closed is not None:
            return closed
    if _object_like(spec, node) and "additionalProperties" not in node:
        own = parts
        for index, part in enumerate(node.get("allOf") or ()):
            if isinstance(part, Mapping) and "$ref" not in part and "properties" in part:
                own = (*parts, "allOf", str(index))
        properties = located_properties(spec, node, parts)
        result: dict[str, Any] = {
            "type": "object",
            "properties": {name: _strict(spec, sub, at, depth + 1) for name, (sub, at) in properties.items()},
            "additionalProperties": False,
            AT: "#" + pointer(own),
        }
        if required := sorted(_required(spec, node)):
            result["required"] = required
        if node.get("nullable") is True:
            result["nullable"] = True
        return result
    result = {key: value for key, value in node.items() if key not in ("example", "examples")}
    result[AT] = "#" + pointer(parts)
    for key in ("items", "not", "additionalProperties"):
        if isinstance(node.get(key), Mapping):
            result[key] = _strict(spec, node[key], (*parts, key), depth + 1)
    for key in ("allOf", "anyOf", "oneOf"):
        if isinstance(node.get(key), list):
            result[key] = [_strict(spec, sub, (*parts, key, str(i)), depth + 1) for i, sub in enumerate(node[key])]
    return result


def _walk(spec: Mapping[str, Any], node: Any, parts: Parts) -> Any:
    """Every ``schema`` outside components/schemas made strict; examples left out (they are not traffic)."""
    if isinstance(node, list):
        return [_walk(spec, item, (*parts, str(index))) for index, item in enumerate(node)]
    if not isinstance(node, Mapping):
        return node
    result = {}
    for key, value in node.items():
        if key in ("example", "examples"):
            continue
        if key == "schema" and isinstance(value, Mapping):
            result[key] = _strict(spec, value, (*parts, key))
        elif parts == ("components",) and key == "schemas" and isinstance(value, Mapping):
            result[key] = {name: _strict(spec, sub, (*parts, key, name)) for name, sub in value.items()}
        else:
            result[key] = _walk(spec, value, (*parts, key))
    return result


def strict_view(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The strict view of ``spec`` (a new document; ``spec`` is left as it is)."""
    result: dict[str, Any] = _walk(spec, copy.deepcopy(dict(spec)), ())
    return result
