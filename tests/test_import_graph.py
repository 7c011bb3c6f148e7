"""No import circle in ``src/pcinsights`` or ``tools/``: every import counts, type-only and function-local ones too.

The graph is read from the source with ``ast`` (nothing is imported) and sorted with the standard library's
``graphlib``, whose ``CycleError`` carries the circle; the failure names it.
"""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREES = (ROOT / "src", ROOT)  # where each tree's top package lives: src/pcinsights, tools
PACKAGES = ("pcinsights", "tools")


def _modules(base: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every module of ``package`` under ``base``."""
    found = {}
    for path in sorted((base / package).rglob("*.py")):
        parts = path.relative_to(base).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _known(name: str, modules: Iterable[str]) -> str | None:
    """``name`` or its longest prefix that is one of ``modules``."""
    known = set(modules)
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ``modules`` that ``name`` imports anywhere in its file."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            module = _known(target, modules)
            if module is not None and module != name:
                found.add(module)
    return found


def import_graph(trees: Iterable[tuple[Path, str]]) -> dict[str, set[str]]:
    """Module -> the project modules it imports, for the packages at ``(base, package)``."""
    modules: dict[str, Path] = {}
    for base, package in trees:
        modules |= _modules(base, package)
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def circle(graph: dict[str, set[str]]) -> list[str] | None:
    """An import circle (its first module repeated at the end), or None when the graph has none."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return None


def test_the_project_has_no_import_circle() -> None:
    graph = import_graph(zip(TREES, PACKAGES, strict=True))
    assert "pcinsights.emulator.server" in graph["pcinsights.emulator.auth"]  # type-only imports are read
    found = circle(graph)
    assert found is None, "import circle: " + " -> ".join(found or [])


def test_a_type_only_circle_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.high import High\n"
    )
    (package / "high.py").write_text("from . import low\n")
    (package / "apart.py").write_text("def late():\n    import pkg.low\n")
    graph = import_graph([(tmp_path, "pkg")])
    assert graph["pkg.apart"] == {"pkg.low"}
    found = circle(graph)
    assert found is not None and set(found) == {"pkg.low", "pkg.high"}


def test_the_emulator_module_map_names_every_module() -> None:
    """The package docstring's map stays whole: a new module is named there, with its job."""
    package = ROOT / "src" / "pcinsights" / "emulator"
    text = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    modules = [path.stem for path in sorted(package.glob("*.py")) if path.stem != "__init__"]
    assert [name for name in modules if f"``{name}``" not in text] == []
