"""Redocly CLI's ``drift`` as a second opinion: run against the same strict view, what it finds that the checker
does not is added as findings of its own."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from tools.drift.check import Finding, json_path
from tools.har import Exchange
from tools.redocly import run_redocly

# so no recorded request can show that it satisfied the spec's security requirement.
REDOCLY_RULES = "undocumented-endpoint,schema-consistency"


def _normalized(data_path: str) -> str:
    """Redocly's ``/items/0/name`` as this tool's ``$.items[].name``."""
    parts = [part.replace("~1", "/").replace("~0", "~") for part in data_path.split("/")[1:]]
    return json_path([int(part) if part.isdigit() else part for part in parts])


def redocly_findings(
    har: Path, strict: Mapping[str, Any], exchanges: list[Exchange], known: list[Finding]
) -> tuple[list[Finding] | None, str]:
    """Redocly's ``drift`` against the strict view: the findings it adds to ``known`` (None when skipped), a status."""
    origins = [exchange.origin for exchange in exchanges]
    if not origins:
        return [], "no traffic"
    server = max(set(origins), key=origins.count)
    with tempfile.TemporaryDirectory(prefix="pc-drift-") as scratch:
        folder = Path(scratch)
        (folder / "strict.json").write_text(json.dumps(strict), encoding="utf-8")
        args = ["drift", str(har.resolve()), "--api", "strict.json", "--server", server, "--format", "json"]
        run = run_redocly([*args, "--rules", REDOCLY_RULES, "-o", "drift.json", "--lint-config", "off"], folder)
        if run.skipped:
            return None, run.output
        report_file = folder / "drift.json"
        if not report_file.is_file():
            return None, f"failed (exit {run.returncode}): {run.output[-500:]}"
        report = json.loads(report_file.read_text(encoding="utf-8"))
    places = {(finding.operation, finding.location) for finding in known}
    matched: set[tuple[str, str]] = set()
    added: dict[tuple[str, str, str], Finding] = {}
    problems = report.get("problems") or []
    for problem in problems:
        operation = str(problem.get("operationId") or problem.get("operationPathTemplate") or "?")
        data_path = str(problem.get("dataPath") or "")
        location = _normalized(data_path) if data_path.startswith("/") else str(problem.get("target") or "")
        if (operation, location) in places:
            matched.add((operation, location))
            continue
        key = (str(problem.get("ruleId")), operation, location)
        details = problem.get("details") or {}
        if key in added:
            added[key] = attrs.evolve(added[key], count=added[key].count + int(problem.get("occurrences") or 1))
            continue
        added[key] = Finding(
            f"redocly {problem.get('ruleId')}",
            operation,
            location,
            details.get("actual"),
            int(problem.get("occurrences") or 1),
            "",
            str(details.get("suggestion") or problem.get("message") or ""),
            source="redocly",
        )
    agreed = len(problems) - sum(finding.count for finding in added.values())
    status = f"{len(problems)} problem(s), {agreed} also found here, {len(added)} added"
    return list(added.values()), f"{status}; {len(places - matched)} finding(s) here that Redocly does not report"
