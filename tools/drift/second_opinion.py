"""Redocly CLI's ``drift`` as a second opinion: run against the same strict view, what it finds that the checker
does not is added as findings of its own."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from pcinsights.har import Exchange
from pcinsights.spec.drift import Finding, json_path
from tools.redocly import run_redocly

# Redocly's drift rules run here; "security-baseline" is left out because every recorder redacts the bearer token,
# so no recorded request can show that it satisfied the spec's security requirement.
REDOCLY_RULES = "undocumented-endpoint,schema-consistency"


def _normalized(data_path: str) -> str:
    """Redocly's ``/items/0/name`` as this tool's ``$.items[].name``."""
    parts = [part.replace("~1", "/").replace("~0", "~") for part in data_path.split("/")[1:]]
    return json_path([int(part) if part.isdigit() else part for part in parts])


def _added_request_header(problem: Mapping[str, Any]) -> bool:
    """Whether the problem is a request header the spec does not declare: what a recorder or proxy adds (as
    schemathesis's ``X-Schemathesis-TestCaseId``), not Partner Center drifting."""
    return problem.get("target") == "request" and str(problem.get("message", "")).startswith("Undocumented header")


def _one_har(hars: list[Path], folder: Path) -> Path:
    """The recordings as one HAR for Redocly, which reads one: the first as it is, else their entries together."""
    if len(hars) == 1:
        return hars[0].resolve()
    logs = [json.loads(har.read_text(encoding="utf-8"))["log"] for har in hars]
    merged = {"log": {**logs[0], "entries": [entry for log in logs for entry in log.get("entries", [])]}}
    path = folder / "traffic.har"
    path.write_text(json.dumps(merged), encoding="utf-8")
    return path


def redocly_findings(
    hars: list[Path],
    strict: Mapping[str, Any],
    exchanges: list[Exchange],
    known: list[Finding],
    *,
    strict_requests: bool = False,
) -> tuple[list[Finding] | None, str]:
    """Redocly's ``drift`` against the strict view: the findings it adds to ``known`` (None when skipped), a status.

    On requests only what the spec declares is judged: an undeclared request header counts only with
    ``strict_requests``.
    """
    origins = [exchange.origin for exchange in exchanges]
    if not origins:
        return [], "no traffic"
    server = max(set(origins), key=origins.count)
    with tempfile.TemporaryDirectory(prefix="pc-drift-") as scratch:
        folder = Path(scratch)
        (folder / "strict.json").write_text(json.dumps(strict), encoding="utf-8")
        har = _one_har(hars, folder)
        args = ["drift", str(har), "--api", "strict.json", "--server", server, "--format", "json"]
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
    ignored = 0
    for problem in problems:
        if not strict_requests and _added_request_header(problem):
            ignored += 1
            continue
        operation = str(problem.get("operationId") or problem.get("operationPathTemplate") or "?")
        data_path = str(problem.get("dataPath") or "")
        location = _normalized(data_path) if data_path.startswith("/") else str(problem.get("target") or "")
        if data_path.startswith("/") and problem.get("target") == "request":  # a request body, as the checker says
            location = f"request {location}"
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
    status = f"{len(problems)} problem(s): {len(matched)} place(s) also found here, {len(added)} added"
    if ignored:
        status += f", {ignored} undeclared request header(s) ignored (--requests strict counts them)"
    return list(added.values()), f"{status}; {len(places - matched)} finding(s) here that Redocly does not report"
