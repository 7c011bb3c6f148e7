"""The benchmark script runs end to end on tiny sizes and prints one parseable line per figure.

No time is asserted: benchmarks report figures, they do not gate.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
FIGURES = (
    "request overhead (sync)",
    "request overhead (async)",
    "decode vs pydantic",
    "decode vs pydantic (plain str)",
    "decode vs json.loads",
    "fan-out vs throttle limit",
    "fan-out vs sequential",
    "make generate",
    "cold import",
    "cold import (all operations)",
    "emulator commercial first page",
    "emulator commercial page walk",
    "emulator commercial groupby customerTenantId",
    "fan-out vs grouped query (measured)",
    "fan-out vs grouped query (extrapolated)",
    "commercial page decode vs json.loads",
    "commercial page decode vs pydantic",
    "emulator big world first call",
    "emulator big world /openapi.json during the build",
    "client memory (large body read)",
    "client memory (large body decoded)",
    "client memory (gzip bomb)",
    "report rows parse vs csv.reader",
    "report rows parse vs csv.DictReader",
    "report rows typed vs dicts",
    "report rows peak memory",
    "report e2e emulator write",
    "report e2e parse (dicts) vs csv.reader",
    "report e2e parse (dicts) vs csv.reader into dicts",
    "report e2e parse (OfficeUsageRow) vs csv.reader",
    "report e2e client peak memory",
)
LINE = re.compile(r"^(?P<name>[^:#]+): .+ vs .+  ratio (?P<ratio>\S+)  goal (?P<goal>.+)$")
GOAL = re.compile(r"(none \(reported\)|(<=|>=|<) \d+\.\d+  (ok|missed))(  \[.+\])?")


@pytest.mark.slow
def test_quick_run_prints_one_line_per_figure() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr[-3000:]
    figures: dict[str, re.Match[str]] = {}
    for line in run.stdout.splitlines():
        if match := LINE.match(line):
            assert match["name"] not in figures, f"figure printed twice: {line}"
            figures[match["name"]] = match
    assert sorted(figures) == sorted(FIGURES), run.stdout
    for name, match in figures.items():
        ratio = float(match["ratio"])
        assert ratio > 0, f"{name}: {match.group(0)}"
        assert GOAL.fullmatch(match["goal"]), f"{name}: {match.group(0)}"


def test_only_runs_the_named_benchmark() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--only", "decode"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-3000:]
    names = [match["name"] for line in run.stdout.splitlines() if (match := LINE.match(line))]
    assert names == ["decode vs pydantic", "decode vs pydantic (plain str)", "decode vs json.loads"]
