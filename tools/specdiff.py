"""The spec diff: what changed in the contract, operation by operation and schema by schema."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from tools.change import Change
from tools.specdoc import object_view, operations, resolve_ref

Spec = Mapping[str, Any]


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


def _enum_values(spec: Spec, schema: Any) -> set[str]:
    schema = resolve_ref(spec, schema)
    return {repr(value) for value in schema.get("enum") or ()} if isinstance(schema, Mapping) else set()


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


def _diff_fields(old_spec: Spec, new_spec: Spec, old: Any, new: Any, where: str) -> Iterator[Change]:
    """Response-side semantics: a reader loses a field, gets a new type, or may now find a field missing."""
    old_props, old_required = object_view(old_spec, old)
    new_props, new_required = object_view(new_spec, new)
    old_sig = {name: _signature(old_spec, schema) for name, schema in old_props.items()}
    new_sig = {name: _signature(new_spec, schema) for name, schema in new_props.items()}
    removed = [name for name in old_props if name not in new_props]
    added = [name for name in new_props if name not in old_props]
    renames = _pair_renames(removed, added, old_sig, new_sig)
    for name in removed:
        if name in renames:
            yield Change("field renamed", f"{where}.{name} -> {renames[name]}", old_sig[name])
        else:
            yield Change("field removed", f"{where}.{name}", old_sig[name])
    for name in added:
        if name not in renames.values():
            yield Change("field added", f"{where}.{name}", new_sig[name], breaking=False)
    for name in old_props.keys() & new_props.keys():
        field = f"{where}.{name}"
        if name in old_required and name not in new_required:
            yield Change("response field made optional", field, "was required")
        if name in new_required and name not in old_required:
            yield Change("field made required", field, breaking=False)
        if old_sig[name] != new_sig[name]:
            yield Change("field type changed", field, f"{old_sig[name]} -> {new_sig[name]}")
            continue
        yield from _diff_enum(old_spec, new_spec, old_props[name], new_props[name], field, inline_only=True)
        if old_sig[name] in _INLINE_OBJECT:
            yield from _diff_fields(old_spec, new_spec, old_props[name], new_props[name], field)
        elif old_sig[name].startswith("array["):
            old_items = resolve_ref(old_spec, old_props[name]).get("items")
            if _signature(old_spec, old_items) in _INLINE_OBJECT:
                new_items = resolve_ref(new_spec, new_props[name]).get("items")
                yield from _diff_fields(old_spec, new_spec, old_items, new_items, f"{field}[]")


def _diff_enum(
    old_spec: Spec, new_spec: Spec, old: Any, new: Any, where: str, *, inline_only: bool = False
) -> Iterator[Change]:
    if inline_only and isinstance(old, Mapping) and "$ref" in old:
        return  # a named enum is compared once, as a component
    old_values, new_values = _enum_values(old_spec, old), _enum_values(new_spec, new)
    for value in sorted(old_values - new_values):
        yield Change("enum value removed", where, value)
    for value in sorted(new_values - old_values):
        yield Change("enum value added", where, value, breaking=False)


def _diff_components(old: Spec, new: Spec) -> Iterator[Change]:
    old_schemas = (old.get("components") or {}).get("schemas") or {}
    new_schemas = (new.get("components") or {}).get("schemas") or {}
    for name, schema in old_schemas.items():
        if name not in new_schemas:
            yield Change("schema removed", name)
        elif _is_named_type(schema) or _is_named_type(new_schemas[name]):
            yield from _diff_fields(old, new, schema, new_schemas[name], name)
            yield from _diff_enum(old, new, schema, new_schemas[name], name)
    for name in new_schemas.keys() - old_schemas.keys():
        yield Change("schema added", name, breaking=False)


def _operations(spec: Spec) -> dict[str, tuple[str, Mapping[str, Any], list[Any]]]:
    """``METHOD /path`` -> (operationId, operation, parameters including the path item's)."""
    return {
        f"{method.upper()} {path}": (
            str(operation.get("operationId", "")),
            operation,
            [*(item.get("parameters") or ()), *(operation.get("parameters") or ())],
        )
        for path, method, item, operation in operations(spec)
    }


def _diff_parameters(
    old: Spec, new: Spec, old_params: list[Any], new_params: list[Any], where: str
) -> Iterator[Change]:
    def by_key(spec: Spec, params: list[Any]) -> dict[str, Mapping[str, Any]]:
        resolved = [resolve_ref(spec, param) for param in params]
        return {f"{param.get('in')} {param.get('name')}": param for param in resolved}

    before, after = by_key(old, old_params), by_key(new, new_params)
    old_sig = {key: _signature(old, param.get("schema")) for key, param in before.items()}
    new_sig = {key: _signature(new, param.get("schema")) for key, param in after.items()}
    removed = [key for key in before if key not in after]
    added = [key for key in after if key not in before]
    renames = _pair_renames(removed, added, old_sig, new_sig)
    for key in removed:
        if key in renames:
            yield Change("parameter renamed", f"{where}: {key} -> {renames[key].split(' ', 1)[1]}")
        else:
            yield Change("parameter removed", f"{where}: {key}")
    for key in added:
        if key in renames.values():
            continue
        if after[key].get("required"):
            yield Change("new required parameter", f"{where}: {key}", new_sig[key])
        else:
            yield Change("optional parameter added", f"{where}: {key}", new_sig[key], breaking=False)
    for key in before.keys() & after.keys():
        if after[key].get("required") and not before[key].get("required"):
            yield Change("parameter made required", f"{where}: {key}")
        if old_sig[key] != new_sig[key]:
            yield Change("parameter type changed", f"{where}: {key}", f"{old_sig[key]} -> {new_sig[key]}")
        else:
            yield from _diff_enum(old, new, before[key].get("schema"), after[key].get("schema"), f"{where}: {key}")


def _success_schemas(spec: Spec, operation: Mapping[str, Any]) -> dict[str, Any]:
    schemas = {}
    for code, response in (operation.get("responses") or {}).items():
        if str(code).startswith("2"):
            for media, content in (resolve_ref(spec, response).get("content") or {}).items():
                schemas[f"{code} {media}"] = content.get("schema")
    return schemas


def _diff_operation(
    old: Spec, new: Spec, old_op: Mapping[str, Any], new_op: Mapping[str, Any], where: str
) -> Iterator[Change]:
    old_body = resolve_ref(old, old_op.get("requestBody")) or {}
    new_body = resolve_ref(new, new_op.get("requestBody")) or {}
    if new_body.get("required") and not old_body.get("required"):
        yield Change("request body made required", where)
    old_responses, new_responses = _success_schemas(old, old_op), _success_schemas(new, new_op)
    for key, schema in old_responses.items():
        if key not in new_responses:
            yield Change("success response removed", f"{where}: {key}")
            continue
        old_sig, new_sig = _signature(old, schema), _signature(new, new_responses[key])
        if old_sig != new_sig:
            yield Change("response type changed", f"{where}: {key}", f"{old_sig} -> {new_sig}")
        elif "$ref" not in (schema or {}):
            yield from _diff_fields(old, new, schema, new_responses[key], f"{where}: {key}")


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    """The contract changes from ``old`` to ``new``, breaking ones marked."""
    changes: list[Change] = []
    old_ops, new_ops = _operations(old), _operations(new)
    new_by_id = {op_id: key for key, (op_id, _, _) in new_ops.items() if op_id}
    old_ids = {op_id for op_id, _, _ in old_ops.values()}
    for key, (op_id, operation, parameters) in old_ops.items():
        if key not in new_ops:
            if op_id in new_by_id:
                changes.append(Change("operation path changed", op_id, f"{key} -> {new_by_id[op_id]}"))
            else:
                changes.append(Change("operation removed", f"{key} ({op_id})"))
            continue
        new_id, new_operation, new_parameters = new_ops[key]
        if new_id != op_id:
            changes.append(Change("operation renamed", key, f"operationId {op_id} -> {new_id}"))
        where = new_id or key
        changes += _diff_parameters(old, new, parameters, new_parameters, where)
        changes += _diff_operation(old, new, operation, new_operation, where)
    for key, (op_id, _, _) in new_ops.items():
        if key not in old_ops and op_id not in old_ids:
            changes.append(Change("operation added", f"{key} ({op_id})", breaking=False))
    changes += _diff_components(old, new)
    return changes
