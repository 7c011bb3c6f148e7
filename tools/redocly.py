"""Redocly CLI at the pinned version, through npx, for the tools that use it beside the lint: diff, drift, build-docs.

Called the way ``tools.speclint`` calls it (same pin, telemetry and update notice off, the Node.js banner dropped);
where Node.js is absent a run is skipped, with a message saying so, never failed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import attrs

from tools.speclint import REDOCLY_PACKAGE

# The first run downloads the package; later ones start in about two seconds.
TIMEOUT_SECONDS = 300

__all__ = ["REDOCLY_PACKAGE", "RedoclyFinding", "RedoclyRun", "redocly_diff", "run_redocly"]


@attrs.frozen
class RedoclyRun:
    """What one Redocly command printed; ``returncode`` is None when it was skipped (``output`` says why)."""

    returncode: int | None
    output: str

    @property
    def skipped(self) -> bool:
        return self.returncode is None


def run_redocly(args: list[str], cwd: Path) -> RedoclyRun:
    """``npx @redocly/cli@<pin> <args>`` in ``cwd``; skipped where Node.js is absent or the run hangs."""
    npx = shutil.which("npx")
    if npx is None or shutil.which("node") is None:
        return RedoclyRun(None, "skipped: Node.js not found (install Node.js 20+ and npm to run Redocly CLI)")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}
    try:
        completed = subprocess.run(
            [npx, "--yes", REDOCLY_PACKAGE, *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return RedoclyRun(None, f"skipped: {REDOCLY_PACKAGE} did not finish within {TIMEOUT_SECONDS} s")
    lines = [line for line in completed.stdout.splitlines() if not any(box in line for box in "╔║╚")]
    return RedoclyRun(completed.returncode, "\n".join(line for line in lines if line.strip()))


@attrs.frozen
class RedoclyFinding:
    """One change as ``redocly diff`` rates it: ``impact`` is major, minor or patch."""

    rule: str
    impact: str
    message: str
    pointer: str  # a JSON pointer with a leading "#", in the revision (or, for what was removed, the base)


def _findings(report: Any) -> list[RedoclyFinding]:
    found = []
    for change in report.get("changes") or ():
        side = change.get("revision") or change.get("base") or {}
        default_pointer = str(side.get("pointer") or change.get("path") or "")
        verdicts = change.get("verdicts") or ()
        for verdict in verdicts:
            location = verdict.get("location") or {}
            found.append(
                RedoclyFinding(
                    str(verdict.get("ruleId", "")),
                    str(verdict.get("impact", change.get("impact", ""))),
                    str(verdict.get("message", "")),
                    str(location.get("pointer") or default_pointer),
                )
            )
        if not verdicts:
            subject = " ".join(str(part) for part in (change.get("kind"), change.get("property")) if part)
            found.append(RedoclyFinding("", str(change.get("impact", "")), subject, default_pointer))
    return found


def redocly_diff(base_text: str, revision_text: str) -> tuple[list[RedoclyFinding] | None, str]:
    """``redocly diff`` of two spec texts: its findings (None when skipped or failed) and a one-line status."""
    with tempfile.TemporaryDirectory(prefix="pc-redocly-diff-") as scratch:
        folder = Path(scratch)
        (folder / "base.yaml").write_text(base_text, encoding="utf-8")
        (folder / "revision.yaml").write_text(revision_text, encoding="utf-8")
        args = ["diff", "base.yaml", "revision.yaml", "--format", "json", "--fail-on", "none", "-o", "diff.json"]
        run = run_redocly([*args, "--lint-config", "off"], folder)
        if run.skipped:
            return None, run.output
        report_file = folder / "diff.json"
        if run.returncode != 0 or not report_file.is_file():
            return None, f"failed (exit {run.returncode}): {run.output[-500:]}"
        report = json.loads(report_file.read_text(encoding="utf-8"))
    summary = report.get("summary") or {}
    counts = ", ".join(f"{summary.get(level, 0)} {level}" for level in ("major", "minor", "patch"))
    return _findings(report), counts
