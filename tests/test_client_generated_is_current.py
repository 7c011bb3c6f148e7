"""generated/ is exactly what the spec and overrides/ produce: a fresh generation matches it byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

from tests._support import PROJECT
from tools.codegen import generate
from tools.project import PROJECT_NAME

_IGNORED = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not _IGNORED.intersection(path.relative_to(root).parts) and ".egg-info" not in str(path)
    }


def _diff(name: str, committed: bytes | None, fresh: bytes | None) -> str:
    def lines(data: bytes | None) -> list[str]:
        return data.decode("utf-8", "replace").splitlines(keepends=True) if data is not None else []

    return "".join(difflib.unified_diff(lines(committed), lines(fresh), f"generated/{name}", f"fresh/{name}", n=2))


def test_generated_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = _files(generate(PROJECT.spec, tmp_path / PROJECT_NAME, PROJECT.overrides))
    committed = _files(PROJECT.generated)
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    diffs = "\n".join(_diff(name, committed.get(name), fresh.get(name)) for name in stale)
    assert stale == [], f"generated/ is out of date: run `make generate` and commit it\n{diffs}"
