"""generated/ is exactly what the spec and overrides/ produce: a fresh generation matches it byte for byte."""

from __future__ import annotations

from pathlib import Path

from pcinsights.codegen import generate
from pcinsights.paths import GENERATED_PROJECT_DIR, PROJECT_NAME


def _files(root: Path) -> dict[str, bytes]:
    ignored = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not ignored.intersection(path.relative_to(root).parts) and ".egg-info" not in str(path)
    }


def test_generated_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = _files(generate(output=tmp_path / PROJECT_NAME))
    committed = _files(GENERATED_PROJECT_DIR)
    assert sorted(fresh) == sorted(committed), "files added or removed: run `make generate` and commit generated/"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], f"out of date: {stale}; run `make generate` and commit generated/"
