"""Regenerate the typed client from the spec and ``overrides/``, reproducibly.

The generator runs into a scratch folder, from ``overrides/templates`` plus a template of the spec's
``x-pcinsights-pager``, ``x-pcinsights-decode`` and ``x-pcinsights-keys`` extensions (tools/pagers.py,
tools/decoders.py, tools/lenientkeys.py: the generator shows templates no vendor extension); the files of its
own that the hand-written runtime from ``overrides/runtime`` supersedes are deleted (and their absence is an
error: the pinned generator changed), the runtime modules are copied in with a first line naming their source,
the ``query_fields`` and ``report_rows`` modules are rendered from the spec (tools/queryfields.py,
tools/reportrows.py), models nothing reaches are dropped, the pinned ruff formats the lot once, and only then
is the result swapped into place.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tools import decoders, lenientkeys, pagers, queryfields, reportrows
from tools.project import PACKAGE_NAME, add_project_argument, project_from
from tools.specdoc import load_spec, object_view, operations, resolve_ref

# Files the generator writes into the package that the runtime replaces (by a private module of its own).
SUPERSEDED = {
    "client.py": "_client.py",
    "errors.py": "_errors.py",
    "types.py": "_types.py",
}


class CodegenError(Exception):
    """The spec needs something the templates do not handle, or the generator's output is not what codegen expects."""


def _is_json(media: str) -> bool:
    media = media.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _body_problems(spec: Mapping[str, Any], where: str, operation: Mapping[str, Any]) -> list[str]:
    """What the templates cannot send of the operation's request body: they send one JSON object, a model's
    ``to_dict()``, and nothing else (no form, multipart, raw bytes, or a choice of media types)."""
    content = resolve_ref(spec, operation["requestBody"]).get("content") or {}
    if len(content) != 1:
        kinds = ", ".join(sorted(content)) or "none"
        return [f"{where} has a request body in {len(content)} media types ({kinds}; the templates send one JSON body)"]
    [(media, entry)] = content.items()
    if not _is_json(media):
        return [f"{where} has a {media} request body (the templates send JSON bodies only)"]
    properties, _ = object_view(spec, entry.get("schema"))
    schema = resolve_ref(spec, entry.get("schema"))
    if not isinstance(schema, Mapping) or not (properties or schema.get("type") == "object"):
        return [f"{where} has a JSON request body that is no object (the templates send a model's to_dict())"]
    if pagers.EXTENSION in operation:
        return [f"{where} has a request body and {pagers.EXTENSION} (a pager sends no body)"]
    return []


def check_spec(spec: Mapping[str, Any]) -> None:
    """Refuse what the templates in ``overrides/`` deliberately do not handle, rather than generate it wrong."""
    problems = []
    for path, method, item, operation in operations(spec):
        where = f"{method.upper()} {path}"
        if "requestBody" in operation:
            problems += _body_problems(spec, where, operation)
        if "security" in operation:
            problems.append(f"{where} sets its own security (operations take AuthenticatedClient: the global one)")
        for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
            if resolve_ref(spec, parameter).get("in") == "cookie":
                problems.append(f"{where} has a cookie parameter (the templates handle no cookies)")
    if problems:
        raise CodegenError("the spec needs templates overrides/ does not have:\n  " + "\n  ".join(problems))


def _replace_superseded(package: Path, runtime: Path) -> None:
    """Delete the generator's files the runtime supersedes; fail when the generator did not write one."""
    for generated, replacement in sorted(SUPERSEDED.items()):
        if not (package / generated).is_file():
            raise CodegenError(
                f"the generator no longer writes {generated}: check what replaces it in overrides/runtime"
                " and update SUPERSEDED in tools/codegen.py"
            )
        if not (runtime / replacement).is_file():
            raise CodegenError(f"overrides/runtime/{replacement} is missing: it supersedes the generator's {generated}")
        (package / generated).unlink()


def _copy_runtime(package: Path, runtime: Path) -> None:
    """Copy each runtime module in, its first line saying where it comes from."""
    for module in sorted(runtime.glob("*.py")):
        if (package / module.name).exists():
            raise CodegenError(f"the generator writes {module.name} too: add it to SUPERSEDED or rename the module")
        origin = f"# Copied from overrides/runtime/{module.name} by `make generate`; edit it there.\n"
        (package / module.name).write_text(origin + module.read_text(encoding="utf-8"), encoding="utf-8")


def _leave_out_runtime_without_operations(package: Path, runtime: Path) -> None:
    """Leave out the runtime modules that call operations the spec does not have, and their names in the root.

    The reports helpers (``_reports``, ``_report_rows``) call the reports operations (``api.reports``): a client
    generated from a spec without them (the breaking gate's test specs, say) has neither the helpers nor their
    exports. Any other missing import of a runtime module stays an error (``_imported_modules``).
    """
    left_out: set[str] = set()
    while found := {
        module.stem
        for module in sorted(runtime.glob("*.py"))
        if module.stem not in left_out and _needs_what_is_missing(package / module.name, package, left_out)
    }:
        left_out |= found
    init = package / "__init__.py"
    text = init.read_text(encoding="utf-8")
    for stem in sorted(left_out):
        imports = re.findall(rf"^from \.{stem} import ([\w, ]+)\n", text, flags=re.MULTILINE)
        if len(imports) > 1:
            raise CodegenError(f"the package's __init__.py imports from {stem} on more than one line")
        for name in imports[0].split(", ") if imports else []:
            entry = f'    "{name}",\n'
            if text.count(entry) != 1:
                raise CodegenError(f"the package's __init__.py does not list {name} exactly once in __all__")
            text = text.replace(entry, "")
        text = re.sub(rf"^from \.{stem} import [\w, ]+\n", "", text, flags=re.MULTILINE)
        (package / f"{stem}.py").unlink()
    init.write_text(text, encoding="utf-8")


def _needs_what_is_missing(path: Path, package: Path, left_out: set[str]) -> bool:
    """Whether the module imports an operation package (``api.<tag>``) that is not there, or a left-out module."""
    with _AST_LOCK:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            if node.module in left_out:
                return True
            if node.module.startswith("api.") and not (package / node.module.replace(".", "/")).is_dir():
                return True
    return False


def _query_fields(templates: Path, document: Mapping[str, Any]) -> str:
    """The package's ``query_fields`` module: the spec's ``groupby`` fields (tools/queryfields.py)."""
    try:
        return queryfields.render(document, templates)
    except queryfields.QueryFieldsError as error:
        raise CodegenError(str(error)) from None


def _report_rows(templates: Path, document: Mapping[str, Any]) -> str:
    """The package's ``report_rows`` module: the spec's typed report rows (tools/reportrows.py)."""
    try:
        return reportrows.render(document, templates)
    except reportrows.ReportRowsError as error:
        raise CodegenError(str(error)) from None


def _write_module(package: Path, name: str, text: str) -> None:
    """Write a module codegen renders itself; the generator must not have written one of that name."""
    if (package / name).exists():
        raise CodegenError(f"the generator writes {name} too: rename the module codegen renders")
    (package / name).write_text(text, encoding="utf-8")


def _write_query_fields(package: Path, text: str) -> None:
    _write_module(package, queryfields.MODULE, text)


def _write_report_rows(package: Path, text: str) -> None:
    _write_module(package, reportrows.MODULE, text)


# CPython 3.11's ast.parse is not thread-safe ("AST constructor recursion depth mismatch", python/cpython#106905),
# and the breaking gate generates two clients in two threads.
_AST_LOCK = threading.Lock()


def _imported_modules(path: Path, package: Path) -> set[Path]:
    """The package's own modules that ``path`` imports; a relative import of a missing module is an error."""
    found: set[Path] = set()
    with _AST_LOCK:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        folder = path.parent
        for _ in range(node.level - 1):
            folder = folder.parent
        if node.module:
            target = folder.joinpath(*node.module.split("."))
            candidates = [target / "__init__.py" if target.is_dir() else target.with_suffix(".py")]
        else:
            candidates = [
                folder / f"{alias.name}.py" for alias in node.names if (folder / f"{alias.name}.py").is_file()
            ]
        for module in candidates:
            if not module.is_file() or not module.is_relative_to(package):
                where = path.relative_to(package).as_posix()
                raise CodegenError(
                    f"{where} imports {'.' * node.level}{node.module or ''}, which is not in the package"
                )
            found.add(module)
    return found


def _drop_unreachable_models(package: Path) -> None:
    """Delete the models no operation or runtime module reaches (allOf bases the generator flattens away).

    Walking every import also proves that none names a module that is not there (a superseded one, say).
    """
    models = package / "models"
    seen: set[Path] = set()
    todo = [path for path in package.rglob("*.py") if models not in path.parents]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(_imported_modules(path, package))
    init = models / "__init__.py"
    text = init.read_text(encoding="utf-8")
    for module in sorted(models.glob("*.py")):
        if module == init or module in seen:
            continue
        lines = re.findall(rf"^from \.{module.stem} import (\w+)\n", text, flags=re.MULTILINE)
        if len(lines) != 1:
            raise CodegenError(f"models/__init__.py does not import exactly one name from {module.stem}")
        text = text.replace(f"from .{module.stem} import {lines[0]}\n", "")
        entry = f'    "{lines[0]}",\n'
        if text.count(entry) != 1:
            raise CodegenError(f"models/__init__.py does not list {lines[0]} exactly once in __all__")
        text = text.replace(entry, "")
        module.unlink()
    init.write_text(text, encoding="utf-8")


def _templates(folder: Path, overrides: Path, document: Mapping[str, Any]) -> Path:
    """``overrides/templates`` plus the spec's extensions as a template of data (tools/pagers.py says why)."""
    if (overrides / "templates" / pagers.TEMPLATE).exists():
        raise CodegenError(f"overrides/templates/{pagers.TEMPLATE} would hide the one codegen writes from the spec")
    shutil.copytree(overrides / "templates", folder)
    try:
        text = pagers.template(document) + decoders.template(document) + lenientkeys.template(document)
    except (pagers.PagerError, decoders.DecodeError, lenientkeys.LenientKeysError) as error:
        raise CodegenError(str(error)) from None
    (folder / pagers.TEMPLATE).write_text(text, encoding="utf-8")
    return folder


def generate(spec: Path, output: Path, overrides: Path) -> Path:
    """Generate the client project for ``spec`` into ``output`` (replacing it) and return ``output``."""
    document = load_spec(spec)
    check_spec(document)
    with tempfile.TemporaryDirectory(prefix="pc-codegen-") as scratch:
        project = Path(scratch) / output.name
        templates = _templates(Path(scratch) / "templates", overrides, document)
        query_fields = _query_fields(templates, document)  # refused, if at all, before the generator runs
        report_rows = _report_rows(templates, document)  # likewise
        subprocess.run(
            [
                sys.executable,  # the pinned generator of this environment, never one found on PATH
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(spec),
                "--config",
                str(overrides / "config.yaml"),
                "--custom-template-path",
                str(templates),
                "--output-path",
                str(project),
                "--overwrite",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        package = project / PACKAGE_NAME
        # The spec itself ships in the package, as JSON: the emulator serves it and apps can read it.
        spec_json = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        (package / "openapi.json").write_text(spec_json, encoding="utf-8")
        runtime = overrides / "runtime"
        _replace_superseded(package, runtime)
        _copy_runtime(package, runtime)
        _leave_out_runtime_without_operations(package, runtime)
        _write_query_fields(package, query_fields)
        _write_report_rows(package, report_rows)
        _drop_unreachable_models(package)
        shutil.rmtree(project / ".ruff_cache", ignore_errors=True)
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run([*ruff, "check", ".", "--fix-only", "--quiet", "--no-cache"], cwd=project, check=True)
        subprocess.run([*ruff, "format", ".", "--quiet", "--no-cache"], cwd=project, check=True)
        _sync(project, output)
    return output


# Left alone in the output: an editable install's metadata and tool caches are not generated files.
_KEPT = ("*.egg-info", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist")


def _sync(fresh: Path, output: Path) -> None:
    """Make ``output`` hold exactly ``fresh``'s files, rewriting only those that differ.

    Unchanged files keep their bytes and modification times, so ``make`` sees no change to the package
    (no reinstall) and a test reading ``generated/`` meanwhile never finds it half-written.
    """
    wanted = {path.relative_to(fresh) for path in fresh.rglob("*") if path.is_file()}
    if output.exists():
        for path in sorted(output.rglob("*"), reverse=True):
            relative = path.relative_to(output)
            if any(part.match(pattern) for part in map(Path, relative.parts) for pattern in _KEPT):
                continue
            if path.is_file() and relative not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for relative in sorted(wanted):
        source, target = fresh / relative, output / relative
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--output", type=Path, help="project folder to write (default: the project's generated/)")
    args = parser.parse_args(argv)
    project = project_from(args)
    try:
        output = generate(args.spec or project.spec, args.output or project.generated, project.overrides)
    except CodegenError as error:
        print(f"codegen: refused: {error}", file=sys.stderr)
        return 2
    print(f"generated {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
