"""Which documented responses the contract run exercised, from schemathesis's own event stream (its NDJSON report).

Per operation of the spec: each documented status, whether a response with it was seen and whether it passed the
response checks (status, content type, headers, schema); each documented response header, whether it was seen
and validated; each parameter, whether a test case sent it. Written as JSON and as a table. A documented status
never seen fails the run unless ``contract-coverage.toml`` lists it with a reason (say, a 500 only a real bug
produces). Several NDJSON files (the contract run's passes) add up.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from tools.project import add_project_argument, project_from
from tools.specdoc import load_spec, operations, resolve_ref

# The checks that judge a response against the spec; a status is "validated" when a response with it passed all
# of them that ran (and at least one ran).
RESPONSE_CHECKS = frozenset(
    {
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    }
)
CONFIG_NAME = "contract-coverage.toml"


class CoverageError(Exception):
    """An NDJSON report or the config cannot be read; the message says which and where."""


@attrs.define
class Seen:
    """How often something was seen, and how often it passed the response checks."""

    seen: int = 0
    validated: int = 0

    def add(self, *, valid: bool) -> None:
        self.seen += 1
        self.validated += valid


@attrs.define
class OperationCoverage:
    operation_id: str
    label: str  # "GET /v1/customers", as schemathesis names it
    statuses: dict[str, Seen]  # documented status -> seen
    headers: dict[str, dict[str, Seen]]  # documented status -> header name -> seen
    parameters: dict[str, int]  # "in:name" -> test cases sending it
    undocumented: dict[str, int] = attrs.field(factory=dict)  # statuses seen that the spec does not list

    def missing(self) -> list[str]:
        return [status for status, seen in self.statuses.items() if not seen.seen]


@attrs.frozen
class Allowance:
    """A documented status the run may leave unexercised, and why."""

    operation: str  # operationId or "*"
    status: str
    reason: str

    def covers(self, operation_id: str, status: str) -> bool:
        return self.operation in ("*", operation_id) and self.status == status


def documented(spec: Mapping[str, Any]) -> dict[str, OperationCoverage]:
    """An empty coverage record per operation, keyed by schemathesis's label."""
    found = {}
    for path, method, item, operation in operations(spec):
        label = f"{method.upper()} {path}"
        statuses: dict[str, Seen] = {}
        headers: dict[str, dict[str, Seen]] = {}
        for status, response in (operation.get("responses") or {}).items():
            statuses[str(status)] = Seen()
            names = (resolve_ref(spec, response) or {}).get("headers") or {}
            headers[str(status)] = {name.lower(): Seen() for name in names}
        parameters = {}
        for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
            resolved = resolve_ref(spec, parameter)
            parameters[f"{resolved['in']}:{resolved['name']}"] = 0
        found[label] = OperationCoverage(str(operation.get("operationId", label)), label, statuses, headers, parameters)
    return found


def events(path: Path) -> Iterator[dict[str, Any]]:
    """The ``ScenarioFinished`` events of one NDJSON report."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CoverageError(f"{path}: {error.strerror or error}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except ValueError:
            raise CoverageError(f"{path}:{number}: not JSON") from None
        if isinstance(event, dict) and isinstance(event.get("ScenarioFinished"), dict):
            yield event["ScenarioFinished"]


def _status_key(statuses: Iterable[str], code: int) -> str | None:
    """The documented key a status code falls under: exact, then ``4XX``-style, then ``default``."""
    keys = set(statuses)
    for key in (str(code), f"{str(code)[0]}XX", "default"):
        if key in keys:
            return key
    return None


def _sent(case: Mapping[str, Any]) -> set[str]:
    sent = set()
    for location, field in (
        ("header", "headers"),
        ("query", "query"),
        ("path", "path_parameters"),
        ("cookie", "cookies"),
    ):
        values = case.get(field)
        if isinstance(values, Mapping):
            sent |= {f"{location}:{name.lower() if location == 'header' else name}" for name in values}
    return sent


def add_events(coverage: dict[str, OperationCoverage], scenarios: Iterable[Mapping[str, Any]]) -> None:
    """Fold schemathesis scenarios into ``coverage``."""
    for scenario in scenarios:
        recorder = scenario.get("recorder") or {}
        record = coverage.get(str(recorder.get("label", "")))
        if record is None:
            continue
        by_lower = {key.lower() if key.startswith("header:") else key: key for key in record.parameters}
        for case in (recorder.get("cases") or {}).values():
            for sent in _sent(case.get("value") or {}):
                if sent in by_lower:
                    record.parameters[by_lower[sent]] += 1
        checks = recorder.get("checks") or {}
        for case_id, interaction in (recorder.get("interactions") or {}).items():
            response = interaction.get("response") if isinstance(interaction, Mapping) else None
            if not isinstance(response, Mapping) or not isinstance(response.get("status_code"), int):
                continue
            code = response["status_code"]
            ran = [check for check in checks.get(case_id) or [] if check.get("name") in RESPONSE_CHECKS]
            valid = bool(ran) and all(check.get("status") == "success" for check in ran)
            key = _status_key(record.statuses, code)
            if key is None:
                record.undocumented[str(code)] = record.undocumented.get(str(code), 0) + 1
                continue
            record.statuses[key].add(valid=valid)
            present = {name.lower() for name in response.get("headers") or {}}
            for name, seen in record.headers[key].items():
                if name in present:
                    seen.add(valid=valid)


def load_allowances(path: Path) -> list[Allowance]:
    """``[[unexercised]]`` entries: operation (operationId or "*"), status, reason (required)."""
    if not path.is_file():
        return []
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CoverageError(f"{path}: {error}") from None
    allowances = []
    for position, entry in enumerate(document.get("unexercised") or []):
        if not all(isinstance(entry.get(key), str) and entry[key] for key in ("operation", "status", "reason")):
            raise CoverageError(f"{path}: unexercised[{position}] needs operation, status and reason (strings)")
        allowances.append(Allowance(entry["operation"], entry["status"], entry["reason"]))
    return allowances


def measure(spec: Mapping[str, Any], reports: Iterable[Path]) -> dict[str, OperationCoverage]:
    coverage = documented(spec)
    for report in reports:
        add_events(coverage, events(report))
    return coverage


def summary(coverage: Mapping[str, OperationCoverage], allowances: list[Allowance]) -> dict[str, Any]:
    """The JSON report: per operation, and the totals that decide the verdict."""
    operations_out = []
    documented_total = seen_total = validated_total = 0
    failures = []
    for record in coverage.values():
        documented_total += len(record.statuses)
        seen_total += sum(1 for s in record.statuses.values() if s.seen)
        validated_total += sum(1 for s in record.statuses.values() if s.validated)
        missing = []
        for status in record.missing():
            allowed = next((a for a in allowances if a.covers(record.operation_id, status)), None)
            missing.append({"status": status, "allowed": allowed.reason if allowed else None})
            if allowed is None:
                failures.append(f"{record.operation_id} {status}")
        operations_out.append(
            {
                "operation": record.operation_id,
                "label": record.label,
                "statuses": {k: attrs.asdict(v) for k, v in record.statuses.items()},
                "headers": {k: {n: attrs.asdict(s) for n, s in v.items()} for k, v in record.headers.items() if v},
                "parameters": record.parameters,
                "undocumented_statuses": record.undocumented,
                "missing": missing,
            }
        )
    headers = [s for r in coverage.values() for v in r.headers.values() for s in v.values()]
    parameters = [n for r in coverage.values() for n in r.parameters.values()]
    return {
        "operations": operations_out,
        "totals": {
            "operations": len(coverage),
            "statuses": documented_total,
            "statuses_seen": seen_total,
            "statuses_validated": validated_total,
            "headers": len(headers),
            "headers_seen": sum(1 for s in headers if s.seen),
            "headers_validated": sum(1 for s in headers if s.validated),
            "parameters": len(parameters),
            "parameters_exercised": sum(1 for n in parameters if n),
        },
        "unexercised_not_allowed": failures,
    }


def table(report: Mapping[str, Any]) -> str:
    """The readable report: one line per operation and status."""
    lines = [f"{'operation':<34} {'status':>6} {'seen':>6} {'valid':>6}  headers seen/documented  note"]
    for operation in report["operations"]:
        for status, seen in operation["statuses"].items():
            headers = operation["headers"].get(status, {})
            header_seen = sum(1 for h in headers.values() if h["seen"])
            note = next((m for m in operation["missing"] if m["status"] == status), None)
            text = "" if note is None else ("allowed: " + note["allowed"] if note["allowed"] else "NEVER SEEN")
            lines.append(
                f"{operation['operation']:<34} {status:>6} {seen['seen']:>6} {seen['validated']:>6}"
                f"  {header_seen:>3}/{len(headers):<3}                  {text}".rstrip()
            )
        sent = sum(1 for n in operation["parameters"].values() if n)
        extra = (
            f"; undocumented statuses seen: {operation['undocumented_statuses']}"
            if operation["undocumented_statuses"]
            else ""
        )
        lines.append(f"{'':<34} parameters exercised {sent}/{len(operation['parameters'])}{extra}")
    totals = report["totals"]
    lines.append(
        f"{totals['operations']} operations: {totals['statuses_seen']}/{totals['statuses']} documented statuses seen, "
        f"{totals['statuses_validated']} validated; response headers {totals['headers_seen']}/{totals['headers']} "
        f"seen, {totals['headers_validated']} validated; parameters {totals['parameters_exercised']}/"
        f"{totals['parameters']} exercised"
    )
    return "\n".join(lines)


def write(report: Mapping[str, Any], directory: Path) -> tuple[Path, Path]:
    """``coverage.json`` and ``coverage.txt`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    as_json, as_text = directory / "coverage.json", directory / "coverage.txt"
    as_json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    as_text.write_text(table(report) + "\n", encoding="utf-8")
    return as_json, as_text


def check(spec_path: Path, reports: list[Path], config: Path, out: Path) -> int:
    """Measure, write, print the table; 1 when a documented status went unseen without an allowance."""
    try:
        allowances = load_allowances(config)
        report = summary(measure(load_spec(spec_path), reports), allowances)
    except CoverageError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    as_json, as_text = write(report, out)
    print(table(report))
    print(f"coverage report: {as_json}, {as_text}")
    if report["unexercised_not_allowed"]:
        print(
            f"coverage FAILED: documented but never seen: {', '.join(report['unexercised_not_allowed'])} "
            f"(exercise them, or list them with a reason in {config.name})"
        )
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.coverage", description=__doc__.splitlines()[0])
    parser.add_argument("reports", type=Path, nargs="+", help="schemathesis NDJSON reports (--report ndjson)")
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--config", type=Path, help=f"allowed gaps (default: the project's {CONFIG_NAME})")
    parser.add_argument("--out", type=Path, help="directory for coverage.json and coverage.txt (default: reports/)")
    args = parser.parse_args(argv)
    project = project_from(args)
    return check(
        args.spec or project.spec,
        args.reports,
        args.config or project.root / CONFIG_NAME,
        args.out or args.reports[0].parent,
    )


if __name__ == "__main__":
    raise SystemExit(main())
