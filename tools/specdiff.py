"""The spec diff, as the wire sees it: what changed in the contract for a caller, operation by operation.

Requests and responses are judged the other way round. What a caller sends, parameters and JSON request bodies
alike, may only be accepted more widely: a lower maximum, a higher minimum, a new or changed pattern, a removed enum
value, a new format, a narrower type, a new required input or body property, a removed body property or body, a
body made required or a changed default breaks a call that worked (a schema only requests use is judged so and
never as a response). What a caller reads may only grow: a removed, renamed or retyped
field, a field that may now be missing or null, a removed success status or media type, a required header that may
now be missing breaks a reader. What the generated client knows is used too: an enum used as ``anyOf: [Enum,
string]`` is open (a new value decodes as a plain string, so it breaks no one), a path parameter's name is not on
the wire (only its place in the URL), header names are case-insensitive. Every change names its JSON pointer (in
the new spec; in the old one for what was removed) and what a caller would see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from openapi_python_client.strings import PythonIdentifier

from tools.change import Change
from tools.specdoc import Parts, locate, located_properties, operations, pointer, resolve_ref

Spec = Mapping[str, Any]

# Keywords that bound a value from above or below: lowering an upper bound (or raising a lower one) on an input
# rejects requests that passed; the same keyword added where there was none is a tightening too.
_UPPER = ("maximum", "maxLength", "maxItems", "maxProperties")
_LOWER = ("minimum", "minLength", "minItems", "minProperties")
# Keywords whose every addition or change may reject a value that passed before; their removal loosens.
_OTHER = ("pattern", "multipleOf", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum")


def _is_named_type(schema: Any) -> bool:
    """Component schemas that become a class of their own (objects and enums)."""
    return isinstance(schema, Mapping) and bool(
        {"properties", "allOf", "enum"} & schema.keys() or schema.get("type") == "object"
    )


def _variants(spec: Spec, schema: Any) -> frozenset[str]:
    """The types a value may take, as names: ``integer/int64``, ``Customer``, ``array[string]``, ``null``."""
    if not isinstance(schema, Mapping):
        return frozenset({"any"})
    if "$ref" in schema:
        target = resolve_ref(spec, schema)
        if _is_named_type(target):
            return frozenset({schema["$ref"].rsplit("/", 1)[-1]})
        return _variants(spec, target)
    found: set[str] = {"null"} if schema.get("nullable") is True else set()
    union = [*(schema.get("anyOf") or ()), *(schema.get("oneOf") or ())]
    parts: list[Any] = list(schema.get("allOf") or [])
    if union:
        for sub in union:
            found |= _variants(spec, sub)
    elif len(parts) == 1:
        found |= _variants(spec, parts[0])
    elif parts or "properties" in schema or schema.get("type") == "object":
        found.add("object")
    elif schema.get("type") == "array":
        found.add(f"array[{_signature(spec, schema.get('items'))}]")
    elif "type" in schema:
        found.add(schema["type"] + (f"/{schema['format']}" if "format" in schema else ""))
    else:
        found.add("any")
    return frozenset(found)


def _signature(spec: Spec, schema: Any) -> str:
    return " | ".join(sorted(_variants(spec, schema)))


def _covers(wide: str, narrow: str) -> bool:
    """Whether every value of type ``narrow`` is a value of type ``wide`` (``string`` covers ``string/uuid``)."""
    base = narrow.split("/", 1)[0]
    return wide in (narrow, base, "any") or (wide.split("/", 1)[0] == "number" and base == "integer")


def _widens(old: frozenset[str], new: frozenset[str]) -> bool:
    return all(any(_covers(wide, narrow) for wide in new) for narrow in old)


def _enum_values(spec: Spec, schema: Any) -> set[str]:
    schema = resolve_ref(spec, schema)
    return {repr(value) for value in schema.get("enum") or ()} if isinstance(schema, Mapping) else set()


def _at(parts: Parts) -> str:
    return "#" + pointer(parts)


def _pair_renames(
    removed: list[str], added: list[str], old_sig: Mapping[str, str], new_sig: Mapping[str, str]
) -> dict[str, str]:
    """A removed and an added name with the same type, each the only candidate of the other: a rename."""
    pairs = {}
    for old_name in removed:
        candidates = [name for name in added if new_sig[name] == old_sig[old_name]]
        rivals = [name for name in removed if candidates and old_sig[name] == new_sig[candidates[0]]]
        if len(candidates) == 1 and rivals == [old_name]:
            pairs[old_name] = candidates[0]
    return pairs


_INLINE_OBJECT = ("object", "null | object")  # signatures of objects without a name of their own


def _is_open_union(spec: Spec, schema: Mapping[str, Any]) -> bool:
    """``anyOf``/``oneOf`` of an enum and a plain string: the generated client decodes any other value as a str."""
    members = [*(schema.get("anyOf") or ()), *(schema.get("oneOf") or ())]
    return any(
        isinstance(member, Mapping) and "$ref" not in member and member.get("type") == "string" and "enum" not in member
        for member in members
    )


def closed_response_enums(spec: Spec) -> set[str]:
    """Enum components a response uses closed (not as ``anyOf: [Enum, string]``): a new value fails old readers."""
    closed: set[str] = set()
    seen: set[str] = set()

    def visit(schema: Any, is_open: bool = False) -> None:
        if not isinstance(schema, Mapping):
            return
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = resolve_ref(spec, schema)
            if isinstance(target, Mapping) and "enum" in target and not is_open and ref.startswith("#/components/"):
                closed.add(ref.rsplit("/", 1)[-1])
            if ref not in seen:
                seen.add(ref)
                visit(target)
            return
        union_open = _is_open_union(spec, schema)
        for key in ("anyOf", "oneOf"):
            for member in schema.get(key) or ():
                visit(member, union_open)
        for member in schema.get("allOf") or ():
            visit(member)
        for key in ("items", "additionalProperties", "not"):
            visit(schema.get(key))
        for sub in (schema.get("properties") or {}).values():
            visit(sub)

    for _path, _method, _item, operation in operations(spec):
        for response in (operation.get("responses") or {}).values():
            response = resolve_ref(spec, response)
            for content in (response.get("content") or {}).values():
                visit(content.get("schema"))
            for header in (response.get("headers") or {}).values():
                visit(resolve_ref(spec, header).get("schema"))
    return closed


def _diff_fields(
    old_spec: Spec, new_spec: Spec, old: Any, new: Any, where: str, parts: tuple[Parts, Parts]
) -> Iterator[Change]:
    """Response-side semantics: a reader loses a field, gets a new type, or may now find a field missing or null."""
    old_props = located_properties(old_spec, old, parts[0])
    new_props = located_properties(new_spec, new, parts[1])
    old_required = _required(old_spec, old)
    new_required = _required(new_spec, new)
    old_sig = {name: _signature(old_spec, schema) for name, (schema, _) in old_props.items()}
    new_sig = {name: _signature(new_spec, schema) for name, (schema, _) in new_props.items()}
    removed = [name for name in old_props if name not in new_props]
    added = [name for name in new_props if name not in old_props]
    renames = _pair_renames(removed, added, old_sig, new_sig)
    for name in removed:
        at = _at(old_props[name][1])
        if name in renames:
            yield Change(
                "field renamed",
                f"{where}.{name} -> {renames[name]}",
                old_sig[name],
                pointer=_at(new_props[renames[name]][1]),
                impact=f"a reader of `{name}` finds it missing; the value now arrives as `{renames[name]}`",
            )
        else:
            yield Change(
                "field removed",
                f"{where}.{name}",
                old_sig[name],
                pointer=at,
                impact=f"a reader of `{name}` finds it missing",
            )
    for name in added:
        if name not in renames.values():
            at = _at(new_props[name][1])
            yield Change("field added", f"{where}.{name}", new_sig[name], breaking=False, pointer=at)
    for name in [name for name in old_props if name in new_props]:
        field, at = f"{where}.{name}", _at(new_props[name][1])
        if name in old_required and name not in new_required:
            impact = f"a reader that relies on `{name}` may find it missing"
            yield Change("response field made optional", field, "was required", pointer=at, impact=impact)
        if name in new_required and name not in old_required:
            yield Change("field made required", field, breaking=False, pointer=at)
        old_variants, new_variants = _variants(old_spec, old_props[name][0]), _variants(new_spec, new_props[name][0])
        if old_variants != new_variants:
            if new_variants == old_variants | {"null"}:
                impact = f"a reader of `{name}` may now get null (None)"
                yield Change("response field made nullable", field, new_sig[name], pointer=at, impact=impact)
            else:
                impact = f"a reader of `{name}` gets a {new_sig[name]} where it expects {old_sig[name]}"
                yield Change(
                    "field type changed", field, f"{old_sig[name]} -> {new_sig[name]}", pointer=at, impact=impact
                )
            continue
        yield from _diff_enum(old_spec, new_spec, old_props[name][0], new_props[name][0], field, at, inline_only=True)
        pair = (old_props[name][1], new_props[name][1])
        if old_sig[name] in _INLINE_OBJECT:
            yield from _diff_fields(old_spec, new_spec, old_props[name][0], new_props[name][0], field, pair)
        elif old_sig[name].startswith("array["):
            old_items = resolve_ref(old_spec, old_props[name][0]).get("items")
            if _signature(old_spec, old_items) in _INLINE_OBJECT:
                new_items = resolve_ref(new_spec, new_props[name][0]).get("items")
                items_parts = ((*pair[0], "items"), (*pair[1], "items"))
                yield from _diff_fields(old_spec, new_spec, old_items, new_items, f"{field}[]", items_parts)


def _required(spec: Spec, schema: Any, depth: int = 0) -> set[str]:
    schema = resolve_ref(spec, schema)
    if not isinstance(schema, Mapping) or depth > 20:
        return set()
    required = set(schema.get("required") or ())
    for part in schema.get("allOf") or ():
        required |= _required(spec, part, depth + 1)
    return required


def _diff_enum(
    old_spec: Spec,
    new_spec: Spec,
    old: Any,
    new: Any,
    where: str,
    at: str,
    *,
    inline_only: bool = False,
    closed_in_response: bool = True,
) -> Iterator[Change]:
    if inline_only and isinstance(old, Mapping) and "$ref" in old:
        return  # a named enum is compared once, as a component
    old_values, new_values = _enum_values(old_spec, old), _enum_values(new_spec, new)
    for value in sorted(old_values - new_values):
        impact = f"the generated enum loses the member for {value} (AttributeError); a request sending it is rejected"
        yield Change("enum value removed", where, value, pointer=f"{at}/enum", impact=impact)
    for value in sorted(new_values - old_values):
        if closed_in_response:
            impact = f"a client built from the old spec fails to decode a response carrying {value}"
            yield Change("enum value added", where, value, pointer=f"{at}/enum", impact=impact)
        else:
            impact = "open enum: a client built from the old spec decodes the new value as a plain string"
            yield Change("enum value added", where, value, breaking=False, pointer=f"{at}/enum", impact=impact)


def _component_refs(spec: Spec, roots: list[Any]) -> set[str]:
    """The component schemas ``roots`` reach through ``$ref``s, at any depth."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        node = todo.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
                seen.add(ref)
                todo.append(resolve_ref(spec, node))
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    prefix = "#/components/schemas/"
    return {ref[len(prefix) :] for ref in seen if ref.startswith(prefix) and "/" not in ref[len(prefix) :]}


def request_only_schemas(spec: Spec) -> set[str]:
    """Component schemas only requests use (bodies, parameters): callers write them and never read them, so their
    changes are judged as inputs (``_diff_body``), not as fields a reader may miss."""
    sent: list[Any] = []
    read: list[Any] = [spec.get("x-pcinsights-report-rows")]
    for _path, _method, item, operation in operations(spec):
        sent += [item.get("parameters"), operation.get("parameters"), operation.get("requestBody")]
        read += [operation.get("responses")]
    return _component_refs(spec, sent) - _component_refs(spec, read)


def _diff_components(old: Spec, new: Spec) -> Iterator[Change]:
    old_schemas = (old.get("components") or {}).get("schemas") or {}
    new_schemas = (new.get("components") or {}).get("schemas") or {}
    closed = closed_response_enums(old)  # the readers that break are the old spec's clients
    inputs = request_only_schemas(old) & request_only_schemas(new)
    for name, schema in old_schemas.items():
        parts = ("components", "schemas", name)
        if name not in new_schemas:
            yield Change("schema removed", name, pointer=_at(parts), impact=f"the generated model {name} is gone")
        elif _is_named_type(schema) or _is_named_type(new_schemas[name]):
            if name not in inputs:
                yield from _diff_fields(old, new, schema, new_schemas[name], name, (parts, parts))
            yield from _diff_enum(
                old, new, schema, new_schemas[name], name, _at(parts), closed_in_response=name in closed
            )
    for name in [name for name in new_schemas if name not in old_schemas]:
        yield Change("schema added", name, breaking=False, pointer=_at(("components", "schemas", name)))


def _diff_input(
    old_spec: Spec, new_spec: Spec, old: Any, new: Any, where: str, parts: tuple[Parts, Parts], depth: int = 0
) -> Iterator[Change]:
    """Request-side semantics: every value a caller could send before must still be accepted."""
    old_named = isinstance(old, Mapping) and "$ref" in old and _is_named_type(resolve_ref(old_spec, old))
    old_variants, new_variants = _variants(old_spec, old), _variants(new_spec, new)
    old_sig, new_sig = _signature(old_spec, old), _signature(new_spec, new)
    old, old_parts = locate(old_spec, old, parts[0])
    new, new_parts = locate(new_spec, new, parts[1])
    if not isinstance(old, Mapping) or not isinstance(new, Mapping) or depth > 20:
        return
    at = _at(new_parts)
    if old_variants != new_variants:
        if _widens(old_variants, new_variants):
            yield Change("input type widened", where, f"{old_sig} -> {new_sig}", breaking=False, pointer=at)
        else:
            impact = f"a request sending a {old_sig} value may now be rejected (400)"
            yield Change("parameter type changed", where, f"{old_sig} -> {new_sig}", pointer=at, impact=impact)
        return
    if old.get("default") != new.get("default"):
        impact = f"a caller that leaves it out now gets {new.get('default')!r} instead of {old.get('default')!r}"
        yield Change(
            "default changed",
            where,
            f"{old.get('default')!r} -> {new.get('default')!r}",
            pointer=f"{at}/default",
            impact=impact,
        )
    yield from _diff_bounds(old, new, where, at)
    if not old_named:  # a named enum is compared once, as a component
        old_values, new_values = _enum_values(old_spec, old), _enum_values(new_spec, new)
        if new_values and not old_values:
            impact = "a request sending any other value is now rejected (400)"
            yield Change("enum added", where, ", ".join(sorted(new_values)), pointer=f"{at}/enum", impact=impact)
        elif old_values and not new_values:
            yield Change("enum dropped", where, breaking=False, pointer=f"{at}/enum")
        elif old_values:
            yield from _diff_enum(old_spec, new_spec, old, new, where, at, closed_in_response=False)
    if old_sig.startswith("array["):
        yield from _diff_input(
            old_spec,
            new_spec,
            old.get("items"),
            new.get("items"),
            f"{where}[]",
            ((*old_parts, "items"), (*new_parts, "items")),
            depth + 1,
        )
    old_props = located_properties(old_spec, old, old_parts)
    new_props = located_properties(new_spec, new, new_parts)
    old_required = _required(old_spec, old)
    required_at = _at((*new_parts, "required"))  # what makes a property required (Redocly points there too)
    for name, (schema, sub_parts) in new_props.items():
        if name not in old_props:
            if name in _required(new_spec, new):
                impact = f"a request without `{name}` is now rejected (400)"
                yield Change("new required input", f"{where}.{name}", pointer=required_at, impact=impact)
            else:
                yield Change("optional input added", f"{where}.{name}", breaking=False, pointer=_at(sub_parts))
        else:
            if name in _required(new_spec, new) and name not in old_required:
                impact = f"a request without `{name}` is now rejected (400)"
                yield Change("input made required", f"{where}.{name}", pointer=required_at, impact=impact)
            elif name in old_required and name not in _required(new_spec, new):
                yield Change("input made optional", f"{where}.{name}", breaking=False, pointer=required_at)
            pair = (old_props[name][1], sub_parts)
            yield from _diff_input(old_spec, new_spec, old_props[name][0], schema, f"{where}.{name}", pair, depth + 1)
    for name, (_schema, sub_parts) in old_props.items():
        if name not in new_props:
            impact = f"a request still sending `{name}` may be rejected; the generated model loses the field"
            yield Change("input removed", f"{where}.{name}", pointer=_at(sub_parts), impact=impact)


def _diff_bounds(old: Mapping[str, Any], new: Mapping[str, Any], where: str, at: str) -> Iterator[Change]:
    """The bounds of an input: tightened ones break, loosened ones are reported as such."""
    for keyword in (*_UPPER, *_LOWER, *_OTHER):
        before, after = old.get(keyword), new.get(keyword)
        if before == after:
            continue
        detail = f"{before!r} -> {after!r}"
        here = f"{at}/{keyword}"
        if keyword in _OTHER:
            tightened, kind = after is not None, f"{keyword} {'changed' if before is not None else 'added'}"
            if after is None:
                kind = f"{keyword} removed"
        elif before is None or after is None:
            tightened, kind = after is not None, f"{keyword} {'added' if after is not None else 'removed'}"
        else:
            tightened = after < before if keyword in _UPPER else after > before
            kind = f"{keyword} {'lowered' if after < before else 'raised'}"
        if tightened:
            impact = f"a request that satisfied {keyword}={before!r} may now be rejected (400)"
            if keyword == "pattern" and before is not None:
                impact += "; patterns are not compared, so any change counts as a tightening"
            yield Change(kind, where, detail, pointer=here, impact=impact)
        else:
            yield Change(kind, where, detail, breaking=False, pointer=here, impact="loosened: every old request passes")


class _Operation:
    """One operation of one spec, with its parameters keyed as the wire sees them."""

    def __init__(self, spec: Spec, path: str, method: str, item: Mapping[str, Any], operation: Mapping[str, Any]):
        self.path, self.method, self.operation = path, method, operation
        self.op_id = str(operation.get("operationId", ""))
        self.parts: Parts = ("paths", path, method)
        self.label = self.op_id or f"{method.upper()} {path}"
        placeholders = re.findall(r"\{([^}]*)\}", path)
        self.parameters: dict[str, tuple[Mapping[str, Any], Parts]] = {}
        sources = [(item.get("parameters") or (), ("paths", path)), (operation.get("parameters") or (), self.parts)]
        for params, at in sources:
            for index, param in enumerate(params):
                param, where = locate(spec, param, (*at, "parameters", str(index)))
                if isinstance(param, Mapping):
                    self.parameters[_wire_key(param, placeholders)] = (param, where)

    @property
    def key(self) -> str:
        """``GET /v1/items/{}``: what identifies the operation on the wire (path parameters are unnamed)."""
        return f"{self.method.upper()} {re.sub(r'{[^}]*}', '{}', self.path)}"


def _wire_key(param: Mapping[str, Any], placeholders: list[str]) -> str:
    """Path parameters by their place in the URL, header names case-folded, the rest by location and name."""
    location, name = str(param.get("in")), str(param.get("name"))
    if location == "path" and name in placeholders:
        return f"path #{placeholders.index(name) + 1}"
    return f"{location} {name.lower() if location == 'header' else name}"


def _python_name(name: str) -> str:
    """The argument name openapi-python-client gives a parameter."""
    return str(PythonIdentifier(name, prefix="field_"))


def _param_label(param: Mapping[str, Any]) -> str:
    return f"{param.get('in')} {param.get('name')}"


def _diff_parameters(old_spec: Spec, new_spec: Spec, old: _Operation, new: _Operation) -> Iterator[Change]:
    before, after = old.parameters, new.parameters
    old_sig = {key: _signature(old_spec, param.get("schema")) for key, (param, _) in before.items()}
    new_sig = {key: _signature(new_spec, param.get("schema")) for key, (param, _) in after.items()}
    removed = [key for key in before if key not in after]
    added = [key for key in after if key not in before]
    renames = _pair_renames(removed, added, old_sig, new_sig)
    where = new.label
    for key in removed:
        param, parts = before[key]
        if key in renames:
            new_param, new_parts = after[renames[key]]
            impact = f"the server no longer reads `{param.get('name')}`; the Python argument is renamed"
            yield Change(
                "parameter renamed",
                f"{where}: {_param_label(param)} -> {new_param.get('name')}",
                pointer=_at(new_parts),
                impact=impact,
            )
        else:
            impact = f"the generated function loses `{_python_name(str(param.get('name')))}`; the server ignores it"
            yield Change("parameter removed", f"{where}: {_param_label(param)}", pointer=_at(parts), impact=impact)
    for key in added:
        if key in renames.values():
            continue
        param, parts = after[key]
        if param.get("required"):
            impact = "every call without it is rejected (400); the generated function gains a required argument"
            yield Change(
                "new required parameter",
                f"{where}: {_param_label(param)}",
                new_sig[key],
                pointer=_at(parts),
                impact=impact,
            )
        else:
            yield Change(
                "optional parameter added",
                f"{where}: {_param_label(param)}",
                new_sig[key],
                breaking=False,
                pointer=_at(parts),
            )
    for key in [key for key in before if key in after]:
        (old_param, old_parts), (new_param, new_parts) = before[key], after[key]
        label = f"{where}: {_param_label(new_param)}"
        if old_param.get("name") != new_param.get("name"):
            old_python, new_python = _python_name(str(old_param.get("name"))), _python_name(str(new_param.get("name")))
            same = "the same Python argument" if old_python == new_python else "Python argument"
            detail = f"not on the wire; {same} {old_python}" + ("" if old_python == new_python else f" -> {new_python}")
            yield Change(
                "path parameter renamed" if key.startswith("path") else "parameter name case changed",
                f"{where}: {_param_label(old_param)} -> {new_param.get('name')}",
                detail,
                breaking=False,
                pointer=_at((*new_parts, "name")),
            )
        if new_param.get("required") and not old_param.get("required"):
            impact = "a call without it is now rejected (400)"
            yield Change("parameter made required", label, pointer=_at((*new_parts, "required")), impact=impact)
        elif old_param.get("required") and not new_param.get("required"):
            yield Change("parameter made optional", label, breaking=False, pointer=_at((*new_parts, "required")))
        pair = ((*old_parts, "schema"), (*new_parts, "schema"))
        yield from _diff_input(old_spec, new_spec, old_param.get("schema"), new_param.get("schema"), label, pair)


def _request_body(spec: Spec, operation: _Operation) -> tuple[Mapping[str, Any] | None, Parts]:
    body = operation.operation.get("requestBody")
    if body is None:
        return None, (*operation.parts, "requestBody")
    found, parts = locate(spec, body, (*operation.parts, "requestBody"))
    return (found if isinstance(found, Mapping) else None), parts


def _diff_body(old_spec: Spec, new_spec: Spec, old: _Operation, new: _Operation) -> Iterator[Change]:
    """What a caller sends as the body: it must still be accepted, and the generated ``body`` argument still fit."""
    (before, old_parts), (after, new_parts) = _request_body(old_spec, old), _request_body(new_spec, new)
    where = f"{new.label}: body"
    if before is None or after is None:
        if before is not None:
            impact = "the server no longer reads it; the generated function loses `body` (a call passing it fails)"
            yield Change("request body removed", where, pointer=_at(old_parts), impact=impact)
        elif after is not None and after.get("required"):
            impact = "every call without it is rejected (400); the generated function gains a required `body`"
            yield Change("new required request body", where, pointer=_at(new_parts), impact=impact)
        elif after is not None:
            yield Change("optional request body added", where, breaking=False, pointer=_at(new_parts))
        return
    if after.get("required") and not before.get("required"):
        impact = "a call without a body is now rejected (400); the generated `body` argument becomes required"
        yield Change("request body made required", where, pointer=_at((*new_parts, "required")), impact=impact)
    elif before.get("required") and not after.get("required"):
        yield Change("request body made optional", where, breaking=False, pointer=_at((*new_parts, "required")))
    old_content, new_content = before.get("content") or {}, after.get("content") or {}
    for media, content in old_content.items():
        label = where if media == "application/json" else f"{where} {media}"
        if media not in new_content:
            impact = f"a call sending {media} is rejected (415)"
            yield Change(
                "request media type removed", label, pointer=_at((*old_parts, "content", media)), impact=impact
            )
            continue
        pair = ((*old_parts, "content", media, "schema"), (*new_parts, "content", media, "schema"))
        old_schema, new_schema = content.get("schema"), new_content[media].get("schema")
        yield from _diff_input(old_spec, new_spec, old_schema, new_schema, label, pair)
    for media in [media for media in new_content if media not in old_content]:
        label = where if media == "application/json" else f"{where} {media}"
        pointer = _at((*new_parts, "content", media))
        yield Change("request media type added", label, breaking=False, pointer=pointer)


def _is_success(code: str) -> bool:
    return code.startswith("2")


def _headers(spec: Spec, response: Mapping[str, Any], parts: Parts) -> dict[str, tuple[Mapping[str, Any], Parts, str]]:
    found = {}
    for name, header in (response.get("headers") or {}).items():
        header, at = locate(spec, header, (*parts, "headers", name))
        if isinstance(header, Mapping):
            found[name.lower()] = (header, at, name)
    return found


def _diff_headers(
    old_spec: Spec,
    new_spec: Spec,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    where: str,
    parts: tuple[Parts, Parts],
) -> Iterator[Change]:
    before, after = _headers(old_spec, old, parts[0]), _headers(new_spec, new, parts[1])
    for key, (header, at, name) in before.items():
        label = f"{where} header {name}"
        if key not in after:
            if header.get("required"):
                impact = f"a caller reading `{name}` finds it missing"
                yield Change("required response header removed", label, pointer=_at(at), impact=impact)
            else:
                yield Change("response header removed", label, "was optional", breaking=False, pointer=_at(at))
            continue
        new_header, new_at, _ = after[key]
        if header.get("required") and not new_header.get("required"):
            impact = f"a caller reading `{name}` may find it missing"
            yield Change("response header made optional", label, pointer=_at((*new_at, "required")), impact=impact)
        elif new_header.get("required") and not header.get("required"):
            yield Change("response header made required", label, breaking=False, pointer=_at((*new_at, "required")))
        old_sig, new_sig = _signature(old_spec, header.get("schema")), _signature(new_spec, new_header.get("schema"))
        if old_sig != new_sig:
            impact = f"a caller parsing `{name}` as {old_sig} gets {new_sig}"
            yield Change(
                "response header type changed", label, f"{old_sig} -> {new_sig}", pointer=_at(new_at), impact=impact
            )
    for key, (_header, at, name) in after.items():
        if key not in before:
            yield Change("response header added", f"{where} header {name}", breaking=False, pointer=_at(at))


def _diff_responses(old_spec: Spec, new_spec: Spec, old: _Operation, new: _Operation) -> Iterator[Change]:
    old_responses = old.operation.get("responses") or {}
    new_responses = new.operation.get("responses") or {}
    for code, response in old_responses.items():
        code = str(code)
        old_parts: Parts = (*old.parts, "responses", code)
        where = f"{new.label}: {code}"
        if code not in {str(key) for key in new_responses}:
            if _is_success(code):
                impact = f"a caller expecting {code} gets an undocumented status"
                yield Change("success response removed", where, pointer=_at(old_parts), impact=impact)
            else:
                impact = "the status can still arrive; the client reports it as an error, as before"
                yield Change("error response removed", where, breaking=False, pointer=_at(old_parts), impact=impact)
            continue
        response, old_parts = locate(old_spec, response, old_parts)
        new_response, new_parts = locate(new_spec, new_responses[code], (*new.parts, "responses", code))
        yield from _diff_headers(old_spec, new_spec, response, new_response, where, (old_parts, new_parts))
        old_content, new_content = response.get("content") or {}, new_response.get("content") or {}
        for media, content in old_content.items():
            media_parts = (*old_parts, "content", media)
            if media not in new_content:
                if _is_success(code):
                    impact = f"a caller that accepts only {media} gets another media type"
                    yield Change(
                        "success media type removed", f"{where} {media}", pointer=_at(media_parts), impact=impact
                    )
                continue
            if not _is_success(code):
                continue
            schema, new_schema = content.get("schema"), new_content[media].get("schema")
            old_sig, new_sig = _signature(old_spec, schema), _signature(new_spec, new_schema)
            new_media_parts = (*new_parts, "content", media)
            if old_sig != new_sig:
                impact = f"a reader expecting {old_sig} gets {new_sig}"
                yield Change(
                    "response type changed",
                    f"{where} {media}",
                    f"{old_sig} -> {new_sig}",
                    pointer=_at((*new_media_parts, "schema")),
                    impact=impact,
                )
            elif "$ref" not in (schema or {}):
                pair = ((*media_parts, "schema"), (*new_media_parts, "schema"))
                yield from _diff_fields(old_spec, new_spec, schema, new_schema, f"{where} {media}", pair)
        for media in [media for media in new_content if media not in old_content]:
            yield Change(
                "media type added", f"{where} {media}", breaking=False, pointer=_at((*new_parts, "content", media))
            )
    for code in [str(key) for key in new_responses if str(key) not in {str(old) for old in old_responses}]:
        yield Change(
            "response added", f"{new.label}: {code}", breaking=False, pointer=_at((*new.parts, "responses", code))
        )


def _merge(changes: list[Change]) -> list[Change]:
    """A change made once in a shared component (a parameter, a header) is reported once, naming every use."""
    groups: dict[tuple[str, ...], list[tuple[Change, str, str]]] = {}
    for change in changes:
        operation, _, rest = change.where.partition(": ")
        status, _, tail = rest.partition(" ")
        if not (status.isdigit() or status == "default"):
            status, tail = "", rest
        if change.pointer.startswith("#/components/") and rest:
            key: tuple[str, ...] = (change.kind, change.detail, str(change.breaking), change.pointer, tail)
        else:
            key = (change.kind, change.detail, str(change.breaking), change.where)
        groups.setdefault(key, []).append((change, operation, status))
    merged = []
    for group in groups.values():
        first = group[0][0]
        if len(group) > 1:
            names = ", ".join(dict.fromkeys(operation for _, operation, _ in group))
            statuses = ", ".join(sorted({status for _, _, status in group if status}))
            tail = first.where.partition(": ")[2].partition(" ")[2] if statuses else first.where.partition(": ")[2]
            first = attrs.evolve(first, where=f"{names}: {statuses + ' ' if statuses else ''}{tail}")
        merged.append(first)
    return merged


# Security scheme fields that change how a credential travels; any other field (bearerFormat, description) is a hint.
_SCHEME_WIRE_FIELDS = ("type", "scheme", "in", "name", "flows", "openIdConnectUrl")


def _requirements(spec: Spec) -> set[str]:
    """The global security requirement's alternatives, each as a sorted list of scheme names."""
    return {
        ",".join(sorted(alternative)) for alternative in spec.get("security") or () if isinstance(alternative, Mapping)
    }


def _diff_security(old: Spec, new: Spec) -> Iterator[Change]:
    """How a caller authenticates: a scheme sent another way, or a requirement the old credentials do not meet."""
    old_schemes = (old.get("components") or {}).get("securitySchemes") or {}
    new_schemes = (new.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in old_schemes.items():
        parts = ("components", "securitySchemes", name)
        if name not in new_schemes:
            continue  # unused once no requirement names it; a requirement that still does is judged below
        scheme, new_scheme = resolve_ref(old, scheme), resolve_ref(new, new_schemes[name])
        for field in sorted(set(scheme) | set(new_scheme)):
            if field.startswith("x-") or field == "description" or scheme.get(field) == new_scheme.get(field):
                continue
            detail = f"{field}: {scheme.get(field)!r} -> {new_scheme.get(field)!r}"
            if field in _SCHEME_WIRE_FIELDS:
                impact = "a caller's credentials are sent the old way and rejected (401)"
                yield Change("security scheme changed", name, detail, pointer=_at((*parts, field)), impact=impact)
            else:
                impact = "a hint for people and tools; the credential travels as before"
                yield Change(
                    "security scheme hint changed",
                    name,
                    detail,
                    breaking=False,
                    pointer=_at((*parts, field)),
                    impact=impact,
                )
    before, after = _requirements(old), _requirements(new)
    if before != after:
        widened = before <= after or "" in after  # more alternatives, or an anonymous one
        impact = "" if widened else "a call with the old credentials may be rejected (401/403)"
        detail = f"{sorted(before)} -> {sorted(after)}"
        yield Change("security requirement changed", "security", detail, not widened, _at(("security",)), impact)


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    """The contract changes from ``old`` to ``new``, breaking ones marked."""
    changes: list[Change] = []
    old_ops = {op.key: op for op in (_Operation(old, *found) for found in operations(old))}
    new_ops = {op.key: op for op in (_Operation(new, *found) for found in operations(new))}
    new_by_id = {op.op_id: op for op in new_ops.values() if op.op_id}
    old_ids = {op.op_id for op in old_ops.values()}
    for key, op in old_ops.items():
        if key not in new_ops:
            label = f"{op.method.upper()} {op.path}"
            if op.op_id in new_by_id:
                moved = new_by_id[op.op_id]
                impact = f"a call to {op.path} gets 404; the Python function {op.op_id} keeps its name"
                changes.append(
                    Change(
                        "operation path changed",
                        op.op_id,
                        f"{label} -> {moved.method.upper()} {moved.path}",
                        pointer=_at(moved.parts),
                        impact=impact,
                    )
                )
            else:
                impact = "a call gets 404; the generated module is gone (ImportError)"
                changes.append(
                    Change("operation removed", f"{label} ({op.op_id})", pointer=_at(op.parts), impact=impact)
                )
            continue
        new_op = new_ops[key]
        if new_op.op_id != op.op_id:
            impact = "the wire is the same; the generated module is renamed (ImportError on the old name)"
            changes.append(
                Change(
                    "operation renamed",
                    f"{op.method.upper()} {op.path}",
                    f"operationId {op.op_id} -> {new_op.op_id}",
                    pointer=_at((*new_op.parts, "operationId")),
                    impact=impact,
                )
            )
        changes += _diff_parameters(old, new, op, new_op)
        changes += _diff_body(old, new, op, new_op)
        changes += _diff_responses(old, new, op, new_op)
    for key, op in new_ops.items():
        if key not in old_ops and op.op_id not in old_ids:
            label = f"{op.method.upper()} {op.path} ({op.op_id})"
            changes.append(Change("operation added", label, breaking=False, pointer=_at(op.parts)))
    changes += _diff_components(old, new)
    changes += _diff_security(old, new)
    return _merge(changes)
