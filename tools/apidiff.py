"""The Python API diff: what changed for code that imports the generated client (read with griffe)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import griffe

from tools.change import Change
from tools.project import PACKAGE_NAME


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


# What code using the old client sees, per griffe breakage kind.
_IMPACT = {
    griffe.BreakageKind.PARAMETER_MOVED: "a positional call passes the value to another parameter",
    griffe.BreakageKind.PARAMETER_REMOVED: "a call passing it raises TypeError",
    griffe.BreakageKind.PARAMETER_CHANGED_KIND: "a call passing it the old way raises TypeError",
    griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT: "a call leaving it out sends a different value",
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: "a call leaving it out raises TypeError",
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: "every existing call raises TypeError",
    griffe.BreakageKind.RETURN_CHANGED_TYPE: "code using the result fails the type check, or at run time",
    griffe.BreakageKind.OBJECT_REMOVED: "an import or attribute access raises ImportError or AttributeError",
    griffe.BreakageKind.OBJECT_CHANGED_KIND: "code using it the old way fails",
    griffe.BreakageKind.ATTRIBUTE_CHANGED_TYPE: "code using the attribute fails the type check, or at run time",
    griffe.BreakageKind.CLASS_REMOVED_BASE: "isinstance checks and inherited members fail",
    griffe.BreakageKind.ATTRIBUTE_CHANGED_VALUE: "code relying on the value sees another",
}


# Generated data the wire diff judges where it comes from: report_rows is the row schemas' fields (a removed or
# retyped one breaks there), so a new dataset or column changing a constant's value breaks no one here.
_JUDGED_ON_THE_WIRE = (f"{PACKAGE_NAME}.report_rows.",)
_ON_THE_WIRE = "generated from the spec's row schemas, whose changes the wire diff judges"


def _describe_breakage(breakage: griffe.Breakage) -> Change:
    subject = breakage.obj.path
    parameter = next((v for v in (breakage.old_value, breakage.new_value) if isinstance(v, griffe.Parameter)), None)
    if parameter is not None:
        subject += f"({parameter.name})"
    if breakage.kind == griffe.BreakageKind.ATTRIBUTE_CHANGED_VALUE and subject.startswith(_JUDGED_ON_THE_WIRE):
        return Change(breakage.kind.value.lower(), subject, breaking=False, impact=_ON_THE_WIRE)
    return Change(breakage.kind.value.lower(), subject, impact=_IMPACT.get(breakage.kind, ""))


def _signature_changes(old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias) -> Iterator[Change]:
    """Annotation and value changes, which griffe 2.4 does not check yet."""
    if isinstance(old, griffe.Attribute) and isinstance(new, griffe.Attribute):
        if str(old.annotation) != str(new.annotation):
            impact = "code using the attribute fails the type check, or at run time"
            yield Change("type changed", old.path, f"{old.annotation} -> {new.annotation}", impact=impact)
        elif str(old.value) != str(new.value):
            if old.path.startswith(_JUDGED_ON_THE_WIRE):
                detail = f"{old.value} -> {new.value}"
                yield Change("value changed", old.path, detail, breaking=False, impact=_ON_THE_WIRE)
            else:
                yield Change("value changed", old.path, f"{old.value} -> {new.value}")
    elif isinstance(old, griffe.Function) and isinstance(new, griffe.Function):
        if str(old.returns) != str(new.returns):
            impact = "code using the result fails the type check, or at run time"
            yield Change("return type changed", old.path, f"{old.returns} -> {new.returns}", impact=impact)
        new_params = {param.name: param for param in new.parameters}
        for param in old.parameters:
            if param.name in new_params and str(param.annotation) != str(new_params[param.name].annotation):
                detail = f"{param.annotation} -> {new_params[param.name].annotation}"
                impact = "a call passing the old type fails the type check"
                yield Change("parameter type changed", f"{old.path}({param.name})", detail, impact=impact)
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
