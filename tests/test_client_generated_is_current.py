"""generated/ is exactly what the spec and overrides/ produce: a fresh generation matches it byte for byte."""

from __future__ import annotations

import difflib
import shutil
from fnmatch import fnmatch
from pathlib import Path

from tests._support import PROJECT
from tools.codegen import generate
from tools.project import PROJECT_NAME


def _ignored(root: Path) -> list[str]:
    """What the generated package's own .gitignore (written by generation) calls build output and caches."""
    lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")]


def _files(root: Path, ignored: list[str]) -> dict[str, bytes]:
    """Every file under ``root`` but those the ignore patterns match (a pattern matches any part of the path)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not any(fnmatch(part, pattern) for part in path.relative_to(root).parts for pattern in ignored)
    }


def _diff(name: str, committed: bytes | None, fresh: bytes | None) -> str:
    def lines(data: bytes | None) -> list[str]:
        return data.decode("utf-8", "replace").splitlines(keepends=True) if data is not None else []

    return "".join(difflib.unified_diff(lines(committed), lines(fresh), f"generated/{name}", f"fresh/{name}", n=2))


def test_generated_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh_root = generate(PROJECT.spec, tmp_path / PROJECT_NAME, PROJECT.overrides)
    ignored = _ignored(fresh_root)
    fresh = _files(fresh_root, ignored)
    committed = _files(PROJECT.generated, ignored)
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    diffs = "\n".join(_diff(name, committed.get(name), fresh.get(name)) for name in stale)
    assert stale == [], f"generated/ is out of date: run `make generate` and commit it\n{diffs}"


def test_build_output_is_not_a_difference(tmp_path: Path) -> None:
    """``pip install ./generated/...`` (trying the client from a checkout) leaves build/ and *.egg-info behind;
    generation never writes them, so they do not make generated/ out of date. Any other stray file does."""
    copy = tmp_path / PROJECT_NAME
    shutil.copytree(PROJECT.generated, copy)
    leftovers = ["build/lib/partner_center_analytics/__init__.py", "partner_center_analytics_client.egg-info/PKG-INFO"]
    for name in [*leftovers, "partner_center_analytics/stray.py"]:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_text("left over\n", encoding="utf-8")

    ignored = _ignored(copy)
    assert _files(copy, ignored).keys() - _files(PROJECT.generated, ignored).keys() == {
        "partner_center_analytics/stray.py"
    }
