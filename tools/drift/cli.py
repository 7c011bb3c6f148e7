"""Drift: recorded traffic (HAR 1.2) against the spec; what Partner Center sends that the spec does not say.

``python -m tools.drift TRAFFIC.har`` (``make drift TRAFFIC=...``) matches every recorded call to an operation and
checks its request body (when the recording kept one) and its response against a strict view of the spec
(``pcinsights.spec.strictview``: no properties beyond the described ones, open enums closed to their known values):
fields the spec does not describe at any depth, type and format mismatches, new values of open enums, statuses,
media types and headers the spec does not list, required headers missing, and calls to operations the spec lacks.
Each finding gives the operation, the JSON path (``request $...`` in a request body), an example value, how often
it was seen, and a spec fragment to add. Redocly CLI's ``drift`` (pinned, through npx; skipped with a message where
Node.js is absent) runs against the same strict view as a second opinion: what it finds that this tool does not is
added. Exit 1 on any drift, 2 when the traffic or spec cannot be read, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import attrs

from pcinsights.har import HarError, read_har
from pcinsights.spec.accepted import DriftConfigError, load_acceptances
from pcinsights.spec.drift import find_drift
from pcinsights.spec.strictview import strict_view
from tools.drift.second_opinion import redocly_findings
from tools.project import add_project_argument, project_from
from tools.redocly import REDOCLY_PACKAGE
from tools.specdoc import load_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.drift", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("traffic", type=Path, nargs="+", help="HAR 1.2 files, judged together")
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--accept", type=Path, help="accepted drift (default: the project's drift.toml)")
    parser.add_argument("--json", type=Path, help="also write the findings here as JSON")
    parser.add_argument("--no-redocly", action="store_true", help="skip Redocly's drift")
    parser.add_argument(
        "--requests",
        choices=("declared", "strict"),
        default="declared",
        help="on requests, judge only what the spec declares (default), or also headers it does not (strict)",
    )
    args = parser.parse_args(argv)
    project = project_from(args)
    spec_path = args.spec or project.spec
    accept_path = args.accept or project.root / "drift.toml"
    try:
        exchanges = [exchange for har in args.traffic for exchange in read_har(har)]
        spec = load_spec(spec_path)
        acceptances = load_acceptances(accept_path)
    except (HarError, DriftConfigError, OSError, ValueError) as error:
        print(f"drift: {error}", file=sys.stderr)
        return 2
    findings = find_drift(spec, exchanges)
    redocly_status = "skipped (--no-redocly)"
    if not args.no_redocly:
        strict_requests = args.requests == "strict"
        added, redocly_status = redocly_findings(
            args.traffic, strict_view(spec), exchanges, findings, strict_requests=strict_requests
        )
        findings += added or []
    accepted = [
        (f, next(a for a in acceptances if a.covers(f))) for f in findings if any(a.covers(f) for a in acceptances)
    ]
    drift = [finding for finding in findings if not any(finding is f for f, _ in accepted)]
    print(f"Drift: {len(exchanges)} exchange(s) in {', '.join(map(str, args.traffic))} against {spec_path}")
    print(f"\nFindings ({len(drift)}):")
    print("\n".join(str(finding) for finding in drift) or "  none")
    if accepted:
        print(f"\nAccepted in {accept_path.name} ({len(accepted)}):")
        for finding, acceptance in accepted:
            print(f"{finding}\n      accepted: {acceptance.reason}")
    print(f"\nRedocly drift ({REDOCLY_PACKAGE}) against the strict view: {redocly_status}")
    if args.json:
        rows = [{**attrs.asdict(finding), "accepted": finding not in drift} for finding in findings]
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Result: DRIFT: {len(drift)} finding(s)" if drift else "Result: no drift")
    return 1 if drift else 0
