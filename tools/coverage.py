"""Which documented responses the contract run exercised, from schemathesis's own event stream (its NDJSON report).

Per operation of the spec: each documented status, whether a response with it was seen and whether it passed the
response checks (status, content type, headers, schema); each documented response header, whether it was seen
and validated; each parameter, whether a test case sent it. Per link of the spec: how often the stateful phase
followed it and how often the step it led to was answered with a 2xx; and the walks (chains of links) the stateful
phase took with every answer a 2xx. Written as JSON and as a table. A documented status never seen, or a link never
followed, fails the run unless ``contract-coverage.toml`` lists it with a reason (say, a 500 only a real bug
produces); so does a walk that file requires and the run never took. Several NDJSON files (the contract run's
passes) add up. The stateful phase's steps count for the operation each one called.
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


@attrs.define
class LinkCoverage:
    """One link of the spec: how often the stateful phase followed it, and how often the step answered 2xx."""

    source: str  # operationId
    status: str  # the response of the source that declares the link
    name: str
    target: str  # operationId
    followed: int = 0
    succeeded: int = 0

    @property
    def key(self) -> str:
        """How the report and contract-coverage.toml name it: ``createReport 200 GetReportExecutions``."""
        return f"{self.source} {self.status} {self.name}"


@attrs.define
class Measured:
    """What the NDJSON reports add up to: per operation (by schemathesis's label), per link (by transition id), and
    every walk the stateful phase took through applied links with each step answered 2xx (as operationIds, each
    part of a longer walk included)."""

    operations: dict[str, OperationCoverage]
    links: dict[str, LinkCoverage]
    walks: set[tuple[str, ...]] = attrs.field(factory=set)


@attrs.frozen
class Allowance:
    """A documented status (or, with ``link``, a link) the run may leave unexercised, and why."""

    operation: str  # operationId or "*"; for a link, its key
    status: str
    reason: str

    def covers(self, operation_id: str, status: str) -> bool:
        return self.operation in ("*", operation_id) and self.status == status


@attrs.frozen
class Expectations:
    """contract-coverage.toml: the statuses and links that may go unexercised, and the walks that must be taken."""

    unexercised: list[Allowance] = attrs.field(factory=list)
    unfollowed: dict[str, str] = attrs.field(factory=dict)  # link key -> reason
    walks: list[tuple[str, ...]] = attrs.field(factory=list)


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


def documented_links(spec: Mapping[str, Any]) -> dict[str, LinkCoverage]:
    """An empty record per link the spec declares (to an operationId), keyed by schemathesis's transition id:
    ``POST /a -> [200] Name -> GET /b``."""
    labels = {
        str(operation["operationId"]): f"{method.upper()} {path}"
        for path, method, _, operation in operations(spec)
        if "operationId" in operation
    }
    found = {}
    for path, method, _, operation in operations(spec):
        source = f"{method.upper()} {path}"
        for status, response in (operation.get("responses") or {}).items():
            for name, link in ((resolve_ref(spec, response) or {}).get("links") or {}).items():
                link = resolve_ref(spec, link) or {}
                target = link.get("operationId")
                if target in labels:
                    transition = f"{source} -> [{status}] {name} -> {labels[target]}"
                    source_id = str(operation.get("operationId", source))
                    found[transition] = LinkCoverage(source_id, str(status), name, target)
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


def _case_label(case: Mapping[str, Any], default: str) -> str:
    """The operation a case called: its method and path template (a stateful scenario's label names no operation)."""
    value = case.get("value") or {}
    method, path = value.get("method"), value.get("path")
    return f"{method.upper()} {path}" if isinstance(method, str) and isinstance(path, str) else default


def _status_code(interaction: Any) -> int | None:
    response = interaction.get("response") if isinstance(interaction, Mapping) else None
    if isinstance(response, Mapping) and isinstance(response.get("status_code"), int):
        return int(response["status_code"])
    return None


def add_events(measured: Measured, scenarios: Iterable[Mapping[str, Any]]) -> None:
    """Fold schemathesis scenarios into ``measured``."""
    coverage = measured.operations
    for scenario in scenarios:
        recorder = scenario.get("recorder") or {}
        label = str(recorder.get("label", ""))
        cases = recorder.get("cases") or {}
        for case in cases.values():
            record = coverage.get(_case_label(case, label))
            if record is None:
                continue
            by_lower = {key.lower() if key.startswith("header:") else key: key for key in record.parameters}
            for sent in _sent(case.get("value") or {}):
                if sent in by_lower:
                    record.parameters[by_lower[sent]] += 1
        checks = recorder.get("checks") or {}
        interactions = recorder.get("interactions") or {}
        for case_id, interaction in interactions.items():
            record = coverage.get(_case_label(cases.get(case_id) or {}, label))
            code = _status_code(interaction)
            if record is None or code is None:
                continue
            ran = [check for check in checks.get(case_id) or [] if check.get("name") in RESPONSE_CHECKS]
            valid = bool(ran) and all(check.get("status") == "success" for check in ran)
            key = _status_key(record.statuses, code)
            if key is None:
                record.undocumented[str(code)] = record.undocumented.get(str(code), 0) + 1
                continue
            record.statuses[key].add(valid=valid)
            present = {name.lower() for name in interaction["response"].get("headers") or {}}
            for name, seen in record.headers[key].items():
                if name in present:
                    seen.add(valid=valid)
        _add_links(measured, cases, interactions)


def _add_links(measured: Measured, cases: Mapping[str, Any], interactions: Mapping[str, Any]) -> None:
    """Count the links the scenario's steps took, and the walks it made with every step answered 2xx."""
    succeeded: dict[str, str] = {}  # case id -> operationId, for steps answered 2xx
    ids = {record.label: record.operation_id for record in measured.operations.values()}
    for case_id, case in cases.items():
        code = _status_code(interactions.get(case_id))
        if code is not None and 200 <= code < 300 and _case_label(case, "") in ids:
            succeeded[case_id] = ids[_case_label(case, "")]
    for case_id, case in cases.items():
        transition = case.get("transition")
        if not (case.get("is_transition_applied") and isinstance(transition, Mapping)):
            continue
        link = measured.links.get(str(transition.get("id")))
        if link is not None:
            link.followed += 1
            link.succeeded += case_id in succeeded
    for case_id in succeeded:  # each 2xx step, back through the applied links whose steps were 2xx too
        walk, current = [case_id], cases[case_id]
        while current.get("is_transition_applied") and current.get("parent_id") in succeeded:
            if current["parent_id"] in walk:
                break
            walk.append(current["parent_id"])
            current = cases[current["parent_id"]]
        steps = tuple(succeeded[step] for step in reversed(walk))
        measured.walks |= {steps[start:] for start in range(len(steps))}


def _strings(entry: Any, keys: Iterable[str]) -> bool:
    return isinstance(entry, Mapping) and all(isinstance(entry.get(key), str) and entry[key] for key in keys)


def load_expectations(path: Path) -> Expectations:
    """``[[unexercised]]`` entries: operation (operationId or "*"), status, reason; ``[[unfollowed]]``: link (its
    key, ``<operationId> <status> <name>``), reason; ``[[walk]]``: steps (operationIds, each reached from the one
    before through a link) and reason. Every field required."""
    if not path.is_file():
        return Expectations()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CoverageError(f"{path}: {error}") from None
    allowances = []
    for position, entry in enumerate(document.get("unexercised") or []):
        if not _strings(entry, ("operation", "status", "reason")):
            raise CoverageError(f"{path}: unexercised[{position}] needs operation, status and reason (strings)")
        allowances.append(Allowance(entry["operation"], entry["status"], entry["reason"]))
    unfollowed = {}
    for position, entry in enumerate(document.get("unfollowed") or []):
        if not _strings(entry, ("link", "reason")):
            raise CoverageError(f"{path}: unfollowed[{position}] needs link and reason (strings)")
        unfollowed[entry["link"]] = entry["reason"]
    walks = []
    for position, entry in enumerate(document.get("walk") or []):
        steps = entry.get("steps") if isinstance(entry, Mapping) else None
        if not (
            _strings(entry, ("reason",))
            and isinstance(steps, list)
            and len(steps) >= 2
            and all(isinstance(step, str) and step for step in steps)
        ):
            raise CoverageError(f"{path}: walk[{position}] needs steps (two operationIds or more) and reason")
        walks.append(tuple(steps))
    return Expectations(allowances, unfollowed, walks)


def load_allowances(path: Path) -> list[Allowance]:
    """The ``[[unexercised]]`` entries of ``path``."""
    return load_expectations(path).unexercised


def measure(spec: Mapping[str, Any], reports: Iterable[Path]) -> Measured:
    measured = Measured(documented(spec), documented_links(spec))
    for report in reports:
        add_events(measured, events(report))
    return measured


def summary(measured: Measured, expected: Expectations) -> dict[str, Any]:
    """The JSON report: per operation, per link, the required walks, and the totals that decide the verdict."""
    allowances = expected.unexercised
    coverage = measured.operations
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
    links_out = []
    for link in measured.links.values():
        reason = expected.unfollowed.get(link.key)
        links_out.append({**attrs.asdict(link), "link": link.key, "allowed": reason if not link.followed else None})
        if not link.followed and reason is None:
            failures.append(f"link {link.key}")
    walks_out = []
    for steps in expected.walks:
        taken = steps in measured.walks
        walks_out.append({"steps": list(steps), "taken": taken})
        if not taken:
            failures.append("walk " + " -> ".join(steps))
    headers = [s for r in coverage.values() for v in r.headers.values() for s in v.values()]
    parameters = [n for r in coverage.values() for n in r.parameters.values()]
    return {
        "operations": operations_out,
        "links": links_out,
        "walks": walks_out,
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
            "links": len(links_out),
            "links_followed": sum(1 for link in links_out if link["followed"]),
            "links_succeeded": sum(1 for link in links_out if link["succeeded"]),
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
    if report["links"]:
        lines.append(f"{'link (stateful phase)':<60} {'followed':>8} {'2xx':>6}  note")
    for link in report["links"]:
        note = "" if link["followed"] else ("allowed: " + link["allowed"] if link["allowed"] else "NEVER FOLLOWED")
        lines.append(f"{link['link']:<60} {link['followed']:>8} {link['succeeded']:>6}  {note}".rstrip())
    for walk in report["walks"]:
        lines.append(f"walk {' -> '.join(walk['steps'])}: {'taken, every step 2xx' if walk['taken'] else 'NOT TAKEN'}")
    totals = report["totals"]
    lines.append(
        f"{totals['operations']} operations: {totals['statuses_seen']}/{totals['statuses']} documented statuses seen, "
        f"{totals['statuses_validated']} validated; response headers {totals['headers_seen']}/{totals['headers']} "
        f"seen, {totals['headers_validated']} validated; parameters {totals['parameters_exercised']}/"
        f"{totals['parameters']} exercised; links {totals['links_followed']}/{totals['links']} followed, "
        f"{totals['links_succeeded']} to a 2xx"
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
    """Measure, write, print the table; 1 when a documented status went unseen or a link was never followed without
    an allowance, or a required walk was not taken."""
    try:
        report = summary(measure(load_spec(spec_path), reports), load_expectations(config))
    except CoverageError as error:
        print(f"coverage: {error}", file=sys.stderr)
        return 2
    as_json, as_text = write(report, out)
    print(table(report))
    print(f"coverage report: {as_json}, {as_text}")
    if report["unexercised_not_allowed"]:
        print(
            f"coverage FAILED: documented but never seen: {', '.join(report['unexercised_not_allowed'])} "
            f"(exercise them, or list them with a reason in {config.name}; a required walk cannot be excused)"
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
