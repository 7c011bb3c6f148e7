"""Breaking-change gate: the working tree's spec against the spec at a git ref.

Both specs are turned into clients with the current ``overrides/`` (so only the spec's effect is
compared), griffe compares the two public Python APIs, and a diff of the two specs names the causes.
Exit 1 on any breaking change, or when the public API changed and CHANGELOG.md did not; else 0.

The default base is the last tag, else ``main``. On ``main`` itself with everything committed that
compares HEAD with HEAD (no change): pass ``--base HEAD~1`` (``make breaking BASE=HEAD~1``) to check
the last commit.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any

import attrs
import griffe

from pcinsights.codegen import generate
from pcinsights.paths import OVERRIDES_DIR, PACKAGE_NAME, PROJECT_NAME, REPO_ROOT, SPEC_PATH
from pcinsights.specdoc import operations, parse_spec, resolve_ref

SPEC_FILE = SPEC_PATH.relative_to(REPO_ROOT).as_posix()
CHANGELOG_FILE = "CHANGELOG.md"

Spec = Mapping[str, Any]


@attrs.frozen
class Change:
    """One difference, in the spec or in the generated Python API."""

    kind: str
    where: str
    detail: str = ""
    breaking: bool = True

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "ok"
        return f"  {label:<9} {self.kind}: {self.where}" + (f"  [{self.detail}]" if self.detail else "")


# --- The spec diff: what changed in the contract ---------------------------------------------------


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


def _object_view(spec: Spec, schema: Any, depth: int = 0) -> tuple[dict[str, Any], set[str]]:
    """Properties and required names of a schema, with ``allOf`` and ``$ref`` merged in."""
    schema = resolve_ref(spec, schema)
    if not isinstance(schema, Mapping) or depth > 20:
        return {}, set()
    properties = dict(schema.get("properties") or {})
    required = set(schema.get("required") or ())
    for part in schema.get("allOf") or ():
        more, more_required = _object_view(spec, part, depth + 1)
        properties.update(more)
        required |= more_required
    return properties, required


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
    old_props, old_required = _object_view(old_spec, old)
    new_props, new_required = _object_view(new_spec, new)
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


# --- The Python API diff: what changed for code that imports the client ----------------------------


def load_api(project: Path) -> griffe.Object:
    """The generated package in ``project``, read statically (never imported)."""
    loaded = griffe.load(PACKAGE_NAME, search_paths=[project], allow_inspection=False)
    if not isinstance(loaded, griffe.Object):
        raise TypeError(f"{PACKAGE_NAME} in {project} loaded as an alias")
    return loaded


def _public_objects(obj: griffe.Object) -> Iterator[griffe.Object | griffe.Alias]:
    for member in obj.members.values():
        if not member.is_public:
            continue
        yield member
        if not member.is_alias and isinstance(member, griffe.Object) and (member.is_module or member.is_class):
            yield from _public_objects(member)


def _describe_breakage(breakage: griffe.Breakage) -> Change:
    subject = breakage.obj.path
    parameter = next((v for v in (breakage.old_value, breakage.new_value) if isinstance(v, griffe.Parameter)), None)
    if parameter is not None:
        subject += f"({parameter.name})"
    return Change(breakage.kind.value.lower(), subject)


def _signature_changes(old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias) -> Iterator[Change]:
    """Annotation and value changes, which griffe 2.4 does not check yet."""
    if isinstance(old, griffe.Attribute) and isinstance(new, griffe.Attribute):
        if str(old.annotation) != str(new.annotation):
            yield Change("type changed", old.path, f"{old.annotation} -> {new.annotation}")
        elif str(old.value) != str(new.value):
            yield Change("value changed", old.path, f"{old.value} -> {new.value}")
    elif isinstance(old, griffe.Function) and isinstance(new, griffe.Function):
        if str(old.returns) != str(new.returns):
            yield Change("return type changed", old.path, f"{old.returns} -> {new.returns}")
        new_params = {param.name: param for param in new.parameters}
        for param in old.parameters:
            if param.name in new_params and str(param.annotation) != str(new_params[param.name].annotation):
                detail = f"{param.annotation} -> {new_params[param.name].annotation}"
                yield Change("parameter type changed", f"{old.path}({param.name})", detail)
        for name in new_params.keys() - {param.name for param in old.parameters}:
            if not new_params[name].required:
                yield Change("optional parameter added", f"{new.path}({name})", breaking=False)


def diff_apis(old: griffe.Object, new: griffe.Object) -> list[Change]:
    """griffe's breakages, plus signature changes and additions (which the changelog rule needs)."""
    changes = [_describe_breakage(breakage) for breakage in griffe.find_breaking_changes(old, new)]
    old_objects = {obj.path: obj for obj in _public_objects(old)}
    new_objects = {obj.path: obj for obj in _public_objects(new)}
    for path, obj in old_objects.items():
        if path in new_objects:
            changes += _signature_changes(obj, new_objects[path])
    changes += [Change("added", path, breaking=False) for path in new_objects if path not in old_objects]
    return changes


# --- Git, generation and the gate -----------------------------------------------------------------


def _git(repo: Path, *args: str) -> str | None:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    return completed.stdout if completed.returncode == 0 else None


def default_base(repo: Path) -> str:
    """The last tag reachable from HEAD, else ``main``."""
    tag = _git(repo, "describe", "--tags", "--abbrev=0")
    return tag.strip() if tag else "main"


def _overrides_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(OVERRIDES_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(OVERRIDES_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _generate(spec_text: str, workdir: Path, cache: Path | None) -> Path:
    """The generated project for ``spec_text``; reused from ``cache`` when the same spec and overrides made it."""
    key = hashlib.sha256(spec_text.encode() + _overrides_digest().encode()).hexdigest()[:16]
    home = (cache or workdir) / key
    home.parent.mkdir(parents=True, exist_ok=True)
    project = home / PROJECT_NAME
    if not project.is_dir():
        scratch = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=home.parent))
        (scratch / "openapi.yaml").write_text(spec_text, encoding="utf-8")
        generate(scratch / "openapi.yaml", scratch / PROJECT_NAME)
        try:
            scratch.rename(home)
        except OSError:  # another run filled the cache first
            shutil.rmtree(scratch)
    return project


@attrs.frozen
class GateResult:
    """Everything the gate found, and its verdict."""

    base: str  # the ref and its commit, as the report shows them
    spec_changes: list[Change]
    api_changes: list[Change]
    changelog_updated: bool

    @property
    def breaking(self) -> list[Change]:
        return [change for change in (*self.spec_changes, *self.api_changes) if change.breaking]

    @property
    def changelog_missing(self) -> bool:
        return bool(self.api_changes) and not self.changelog_updated

    @property
    def exit_code(self) -> int:
        return 1 if self.breaking or self.changelog_missing else 0

    def report(self) -> str:
        lines = [f"Breaking-change gate: {SPEC_FILE} in the working tree against {self.base}"]
        if self.base.endswith(", HEAD)"):
            lines.append(
                "note: the base is HEAD, so only uncommitted edits count (--base HEAD~1 checks the last commit)"
            )
        lines.append("")
        lines.append(f"Spec changes ({len(self.spec_changes)}):")
        lines += [str(change) for change in self.spec_changes] or ["  none"]
        lines += ["", f"Public API of {PACKAGE_NAME} (griffe {version('griffe')}) ({len(self.api_changes)}):"]
        lines += [str(change) for change in self.api_changes] or ["  unchanged"]
        lines.append("")
        if not self.api_changes:
            lines.append(f"{CHANGELOG_FILE}: no entry needed (public API unchanged)")
        elif self.changelog_updated:
            lines.append(f"{CHANGELOG_FILE}: updated")
        else:
            lines.append(f"{CHANGELOG_FILE}: NOT updated. The public API changed: add an entry to {CHANGELOG_FILE}.")
        verdict = f"FAIL: {len(self.breaking)} breaking change(s)" if self.breaking else "no breaking change"
        lines.append(f"Result: {verdict}" + ("; changelog entry missing" if self.changelog_missing else ""))
        return "\n".join(lines)


class GateError(Exception):
    """The gate could not run (unknown ref, no spec at the ref, generation failed)."""


def run_gate(repo: Path, base: str, *, cache: Path | None = None) -> GateResult:
    """Compare ``repo``'s working-tree spec and changelog with those at ``base``."""
    base_commit = _git(repo, "rev-parse", "--verify", "--quiet", "--short", f"{base}^{{commit}}")
    if base_commit is None:
        raise GateError(f"unknown git ref {base!r} in {repo}")
    at_head = base_commit == _git(repo, "rev-parse", "--verify", "--quiet", "--short", "HEAD^{commit}")
    label = f"{base} ({base_commit.strip()}" + (", HEAD)" if at_head else ")")
    base_spec = _git(repo, "show", f"{base}:{SPEC_FILE}")
    if base_spec is None:
        raise GateError(f"{base} has no {SPEC_FILE}")
    head_spec = (repo / SPEC_FILE).read_text(encoding="utf-8")
    base_changelog = _git(repo, "show", f"{base}:{CHANGELOG_FILE}")
    changelog = repo / CHANGELOG_FILE
    head_changelog = changelog.read_text(encoding="utf-8") if changelog.is_file() else None
    spec_changes = diff_specs(parse_spec(base_spec, "the base spec"), parse_spec(head_spec, "the spec"))
    api_changes: list[Change] = []
    if head_spec != base_spec:
        with tempfile.TemporaryDirectory(prefix="pc-breaking-") as workdir:
            try:
                with ThreadPoolExecutor(max_workers=2) as pool:  # two generator processes at once
                    projects = pool.map(_generate, (base_spec, head_spec), (Path(workdir),) * 2, (cache,) * 2)
                    old_project, new_project = list(projects)
            except subprocess.CalledProcessError as error:
                raise GateError(f"client generation failed: {error}") from error
            api_changes = diff_apis(load_api(old_project), load_api(new_project))
    updated = head_changelog is not None and head_changelog != base_changelog
    return GateResult(label, spec_changes, api_changes, updated)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pcinsights.breaking",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--base", help="git ref to compare against (default: the last tag, else main)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: the current folder)")
    args = parser.parse_args(argv)
    toplevel = _git(args.repo, "rev-parse", "--show-toplevel")
    if toplevel is None:
        print(f"breaking: {args.repo} is not in a git repository", file=sys.stderr)
        return 2
    repo = Path(toplevel.strip())
    base = args.base or default_base(repo)
    try:
        result = run_gate(repo, base)
    except GateError as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    print(result.report())
    return result.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
