"""Drift: recorded traffic (HAR 1.2) against the spec; what Partner Center sends that the spec does not say.

``python -m tools.drift TRAFFIC.har`` (``make drift TRAFFIC=...``) matches every recorded call to an operation and
checks its response against a strict view of the spec (``tools.strictview``: no properties beyond the described
ones, open enums closed to their known values): fields the spec does not describe at any depth, type and format
mismatches, new values of open enums, statuses, media types and headers the spec does not list, required headers
missing, and calls to operations the spec lacks. Each finding gives the operation, the JSON path, an example value,
how often it was seen, and a spec fragment to add. Redocly CLI's ``drift`` (pinned, through npx; skipped with a
message where Node.js is absent) runs against the same strict view as a second opinion: what it finds that this
tool does not is added. Exit 1 on any drift, 2 when the traffic or spec cannot be read, else 0.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tools.har import Exchange, HarError, read_har
from tools.project import add_project_argument, project_from
from tools.redocly import REDOCLY_PACKAGE, run_redocly
from tools.specdoc import load_spec, locate, operations, pointer
from tools.strictview import AT, OPEN_ENUM, strict_view

# Headers every HTTP stack adds; a spec does not list them.
TRANSPORT_HEADERS = frozenset(
    {
        "date",
        "server",
        "content-type",
        "content-length",
        "content-encoding",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "vary",
        "via",
        "alt-svc",
    }
)
# Redocly's drift rules run here; "security-baseline" is left out because every recorder redacts the bearer token,
# so no recorded request can show that it satisfied the spec's security requirement.
REDOCLY_RULES = "undocumented-endpoint,schema-consistency"
_SPEC_URI = "https://spec.invalid/strict.json"  # only so "#/..." references resolve in the registry; never fetched


@attrs.frozen
class Finding:
    """One kind of drift at one place, however often it was seen."""

    kind: str
    operation: str  # the operationId, or "METHOD /path" for a call the spec lacks
    location: str  # a JSON path into the body ($.items[].name), "header NAME", "status 409", ...
    example: Any
    count: int
    spec_pointer: str  # where in the spec to make the change ("#/..."), "" for a new path
    suggestion: str  # a spec fragment to add there (YAML, flow style)
    source: str = "drift"  # "drift", or "redocly" for what only Redocly's drift found

    def __str__(self) -> str:
        example = json.dumps(self.example, ensure_ascii=False)
        example = example if len(example) <= 80 else example[:77] + "..."
        head = f"  {self.kind}: {self.operation} {self.location}  (seen {self.count}x, e.g. {example})"
        where = f" at {self.spec_pointer}" if self.spec_pointer else ""
        origin = " [found by Redocly]" if self.source == "redocly" else ""
        return f"{head}{origin}\n      suggest{where}: {self.suggestion}"


@attrs.frozen
class _Seen:
    """One observation before counting: its identity and what to say about it."""

    key: tuple[str, ...]
    kind: str
    operation: str
    location: str
    example: Any
    spec_pointer: str
    suggestion: Any  # a fragment (data), rendered once


def _flow(fragment: Any) -> str:
    text: str = yaml.safe_dump(fragment, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10_000)
    return text.strip().removesuffix("...").strip()


def infer_schema(value: Any, depth: int = 0) -> dict[str, Any]:
    """A schema a spec author could start from for ``value`` (what the suggestion shows)."""
    if value is None:
        return {"nullable": True}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        for format_name in ("uuid", "date-time"):
            if OAS30Validator.FORMAT_CHECKER.conforms(value, format_name):
                return {"type": "string", "format": format_name}
        return {"type": "string"}
    if isinstance(value, list):
        return {"type": "array", "items": infer_schema(value[0], depth + 1) if value and depth < 8 else {}}
    if isinstance(value, Mapping) and depth < 8:
        return {"type": "object", "properties": {str(k): infer_schema(v, depth + 1) for k, v in value.items()}}
    return {}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _json_path(parts: Any, *, indices: bool = False) -> str:
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]" if indices else "[]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(part)):
            path += f".{part}"
        else:
            path += f"[{json.dumps(str(part))}]"
    return path


@attrs.frozen
class _Operation:
    op_id: str
    method: str
    template: str
    pattern: re.Pattern[str]
    parts: tuple[str, ...]


def _operations(spec: Mapping[str, Any]) -> list[_Operation]:
    found = []
    for path, method, _item, operation in operations(spec):
        regex = "".join(
            "[^/]+" if piece.startswith("{") else re.escape(piece) for piece in re.split(r"(\{[^}]*\})", path)
        )
        op_id = str(operation.get("operationId") or f"{method.upper()} {path}")
        found.append(_Operation(op_id, method.upper(), path, re.compile(regex), ("paths", path, method)))
    return sorted(found, key=lambda operation: operation.template.count("{"))  # a literal segment wins


def _server_prefixes(spec: Mapping[str, Any]) -> list[str]:
    """The path part of each server URL (``/api`` of ``https://host/api``), longest first."""
    prefixes = {""}
    for server in spec.get("servers") or ():
        url = str(server.get("url", "")) if isinstance(server, Mapping) else ""
        path = re.sub(r"^[a-z]+://[^/]*", "", url).rstrip("/")
        prefixes.add(path)
    return sorted(prefixes, key=len, reverse=True)


class Checker:
    """The spec, its strict view and its operations, ready to check exchanges."""

    def __init__(self, spec: Mapping[str, Any]):
        self.spec = spec
        self.strict = strict_view(spec)
        self.operations = _operations(spec)
        self.prefixes = _server_prefixes(spec)
        self.registry: Registry[Any] = Registry().with_resource(
            _SPEC_URI, Resource.from_contents(self.strict, default_specification=DRAFT4)
        )

    def match(self, exchange: Exchange) -> _Operation | None:
        for prefix in self.prefixes:
            if not exchange.path.startswith(prefix):
                continue
            rest = exchange.path[len(prefix) :] or "/"
            for operation in self.operations:
                if operation.method == exchange.method and operation.pattern.fullmatch(rest):
                    return operation
        return None

    def check(self, exchange: Exchange) -> Iterator[_Seen]:
        operation = self.match(exchange)
        if operation is None:
            label = f"{exchange.method} {exchange.path}"
            new_path = {exchange.path: {exchange.method.lower(): {"responses": {str(exchange.status): "..."}}}}
            yield _Seen(
                ("operation", label), "undocumented operation", label, "call", exchange.url, "#/paths", new_path
            )
            return
        responses = self.strict["paths"][operation.template][operation.method.lower()].get("responses") or {}
        code = str(exchange.status)
        key = code if code in responses else f"{code[0]}XX" if f"{code[0]}XX" in responses else "default"
        response_parts = (*operation.parts, "responses")
        if key not in responses:
            body = _parsed_body(exchange)
            fragment = {code: {"description": "...", **self._content_fragment(exchange, body)}}
            yield _Seen(
                ("status", operation.op_id, code),
                "undocumented status",
                operation.op_id,
                f"status {code}",
                body if body is not None else exchange.body,
                "#" + pointer(response_parts),
                fragment,
            )
            return
        response, parts = locate(self.strict, responses[key], (*response_parts, key))
        yield from self._check_headers(exchange, operation, response, parts)
        yield from self._check_body(exchange, operation, response, parts)

    def _content_fragment(self, exchange: Exchange, body: Any) -> dict[str, Any]:
        """The ``content`` of a new response: a component the body fits (such as Error), else an inferred schema."""
        if exchange.body is None or not exchange.body.strip():
            return {}
        mime = exchange.mime_type.split(";", 1)[0].strip() or "application/octet-stream"
        schema = infer_schema(body) if body is not None else {}
        if isinstance(body, Mapping) and body:
            for name, component in ((self.strict.get("components") or {}).get("schemas") or {}).items():
                parts = ("components", "schemas", name)
                if component.get("type") == "object" and not any(self._errors(component, parts, body)):
                    schema = {"$ref": "#" + pointer(parts)}
                    break
        return {"content": {mime: {"schema": schema}}}

    def _check_headers(
        self, exchange: Exchange, operation: _Operation, response: Mapping[str, Any], parts: tuple[str, ...]
    ) -> Iterator[_Seen]:
        documented = {}
        for name, header in (response.get("headers") or {}).items():
            documented[name.lower()] = (name, *locate(self.strict, header, (*parts, "headers", name)))
        seen = {name.lower() for name, _ in exchange.response_headers}
        status = f"status {exchange.status}"
        for name, value in exchange.response_headers:
            lower = name.lower()
            if lower in TRANSPORT_HEADERS:
                continue
            if lower not in documented:
                yield _Seen(
                    ("header", operation.op_id, str(exchange.status), lower),
                    "undocumented header",
                    operation.op_id,
                    f"{status} header {name}",
                    value,
                    "#" + pointer((*parts, "headers")),
                    {name: {"description": "...", "schema": infer_schema(value)}},
                )
                continue
            _, header, header_parts = documented[lower]
            schema = header.get("schema") if isinstance(header, Mapping) else None
            typed = _header_value(locate(self.strict, schema, ())[0], value)
            for error in self._errors(schema, (*header_parts, "schema"), typed):
                yield from self._seen(operation, f"{status} header {name}", (), error)
        for lower, (name, header, header_parts) in documented.items():
            if isinstance(header, Mapping) and header.get("required") and lower not in seen:
                yield _Seen(
                    ("missing header", operation.op_id, str(exchange.status), lower),
                    "required header missing",
                    operation.op_id,
                    f"{status} header {name}",
                    None,
                    "#" + pointer((*header_parts, "required")),
                    {"required": False},
                )

    def _check_body(
        self, exchange: Exchange, operation: _Operation, response: Mapping[str, Any], parts: tuple[str, ...]
    ) -> Iterator[_Seen]:
        content = response.get("content") or {}
        if not content or exchange.body is None or not exchange.body.strip():
            return
        mime = exchange.mime_type.split(";", 1)[0].strip().lower() or "application/octet-stream"
        media = next((name for name in content if name.lower() == mime), None)
        status = f"status {exchange.status}"
        if media is None:
            yield _Seen(
                ("media", operation.op_id, str(exchange.status), mime),
                "undocumented media type",
                operation.op_id,
                f"{status} {mime}",
                exchange.body[:200],
                "#" + pointer((*parts, "content")),
                {mime: {"schema": {}}},
            )
            return
        if not (mime == "application/json" or mime.endswith("+json")):
            return
        body = _parsed_body(exchange)
        if body is None:
            yield _Seen(
                ("not json", operation.op_id, str(exchange.status)),
                "body is not JSON",
                operation.op_id,
                status,
                exchange.body[:200],
                "#" + pointer((*parts, "content", media)),
                "fix the server or the recording",
            )
            return
        schema_parts = (*parts, "content", media, "schema")
        for error in self._errors(content[media].get("schema"), schema_parts, body):
            yield from self._seen(operation, "", tuple(error.absolute_path), error)

    def _errors(self, schema: Any, parts: tuple[str, ...], value: Any) -> Iterator[Any]:
        if not isinstance(schema, Mapping):
            return
        validator = OAS30Validator(
            {"$ref": f"{_SPEC_URI}#{pointer(parts)}"},
            registry=self.registry,
            format_checker=OAS30Validator.FORMAT_CHECKER,
        )
        yield from validator.iter_errors(value)

    @staticmethod
    def _seen(operation: _Operation, prefix: str, where: tuple[Any, ...], error: Any) -> Iterator[_Seen]:
        """What one validation error of the strict view means as drift."""
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        at = str(schema.get(AT, ""))
        instance = error.instance
        location = prefix or _json_path(where)
        if error.validator == "additionalProperties" and isinstance(instance, Mapping):
            for name in sorted(set(instance) - set(schema.get("properties") or {})):  # one error names them all
                field_path = _json_path((*where, name))
                yield _Seen(
                    ("field", operation.op_id, field_path),
                    "undocumented field",
                    operation.op_id,
                    field_path,
                    instance[name],
                    f"{at}/properties",
                    {name: infer_schema(instance[name])},
                )
            return
        if error.validator == "enum" and schema.get(OPEN_ENUM):
            known = [value for value in schema.get("enum") or () if value is not None]
            yield _Seen(
                ("enum", operation.op_id, location, json.dumps(instance)),
                "new value of an open enum",
                operation.op_id,
                location,
                instance,
                f"{schema[OPEN_ENUM]}/enum",
                [*known, instance],
            )
            return
        if error.validator in ("type", "anyOf", "oneOf", "format"):
            kind = "format mismatch" if error.validator == "format" else "type mismatch"
            documented = {key: schema[key] for key in ("type", "format", "nullable") if key in schema}
            yield _Seen(
                (kind, operation.op_id, location, _json_type(instance)),
                kind,
                operation.op_id,
                location,
                instance,
                at,
                {"anyOf": [documented or {"description": "as documented"}, infer_schema(instance)]},
            )
            return
        yield _Seen(
            (str(error.validator), operation.op_id, location),
            f"schema violation ({error.validator})",
            operation.op_id,
            location,
            instance,
            f"{at}/{error.validator}",
            error.message,
        )


def _header_value(schema: Any, value: str) -> Any:
    """A header's text as the type its schema names (headers are text on the wire; ``simple`` style)."""
    kind = schema.get("type") if isinstance(schema, Mapping) else None
    try:
        if kind == "integer" and re.fullmatch(r"-?[0-9]+", value.strip()):
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean" and value.strip() in ("true", "false"):
        return value.strip() == "true"
    return value


def _parsed_body(exchange: Exchange) -> Any:
    if exchange.body is None:
        return None
    try:
        return json.loads(exchange.body)
    except (json.JSONDecodeError, RecursionError):
        return None


def find_drift(spec: Mapping[str, Any], exchanges: list[Exchange]) -> list[Finding]:
    """Every drift in ``exchanges``, one finding per kind and place, with counts."""
    checker = Checker(spec)
    counted: dict[tuple[str, ...], tuple[_Seen, int]] = {}
    for exchange in exchanges:
        for seen in checker.check(exchange):
            first, count = counted.get(seen.key, (seen, 0))
            counted[seen.key] = (first, count + 1)
    return [
        Finding(
            seen.kind,
            seen.operation,
            seen.location,
            seen.example,
            count,
            seen.spec_pointer,
            seen.suggestion if isinstance(seen.suggestion, str) else _flow(seen.suggestion),
        )
        for seen, count in counted.values()
    ]


def _normalized(data_path: str) -> str:
    """Redocly's ``/items/0/name`` as this tool's ``$.items[].name``."""
    parts = [part.replace("~1", "/").replace("~0", "~") for part in data_path.split("/")[1:]]
    return _json_path([int(part) if part.isdigit() else part for part in parts])


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


@attrs.frozen
class Acceptance:
    """Drift the project knows about and accepts for now, with the reason (from drift.toml)."""

    kind: str
    reason: str
    operation: str = "*"
    location: str = "*"
    value: Any = None

    def covers(self, finding: Finding) -> bool:
        return (
            finding.kind == self.kind
            and fnmatch.fnmatchcase(finding.operation, self.operation)
            and fnmatch.fnmatchcase(finding.location, self.location)
            and (self.value is None or finding.example == self.value)
        )


class DriftConfigError(Exception):
    """drift.toml is malformed (a list of [[accept]] tables, each with a kind and a reason)."""


def load_acceptances(path: Path) -> list[Acceptance]:
    """The ``[[accept]]`` entries of ``path`` (none when it does not exist)."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DriftConfigError(f"{path}: {error}") from None
    entries = data.get("accept", [])
    if not isinstance(entries, list):
        raise DriftConfigError(f"{path}: 'accept' must be a list of [[accept]] tables")
    accepted = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("kind") or not str(entry.get("reason", "")).strip():
            raise DriftConfigError(f"{path}: accept[{index}] needs a kind and a reason")
        unknown = set(entry) - {"kind", "reason", "operation", "location", "value"}
        if unknown:
            raise DriftConfigError(f"{path}: accept[{index}] has unknown keys {sorted(unknown)}")
        accepted.append(Acceptance(**{key: entry[key] for key in entry}))
    return accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.drift", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("traffic", type=Path, help="a HAR 1.2 file")
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--accept", type=Path, help="accepted drift (default: the project's drift.toml)")
    parser.add_argument("--json", type=Path, help="also write the findings here as JSON")
    parser.add_argument("--no-redocly", action="store_true", help="skip Redocly's drift")
    args = parser.parse_args(argv)
    project = project_from(args)
    spec_path = args.spec or project.spec
    accept_path = args.accept or project.root / "drift.toml"
    try:
        exchanges = read_har(args.traffic)
        spec = load_spec(spec_path)
        acceptances = load_acceptances(accept_path)
    except (HarError, DriftConfigError, OSError, ValueError) as error:
        print(f"drift: {error}", file=sys.stderr)
        return 2
    findings = find_drift(spec, exchanges)
    redocly_status = "skipped (--no-redocly)"
    if not args.no_redocly:
        added, redocly_status = redocly_findings(args.traffic, strict_view(spec), exchanges, findings)
        findings += added or []
    accepted = [
        (f, next(a for a in acceptances if a.covers(f))) for f in findings if any(a.covers(f) for a in acceptances)
    ]
    drift = [finding for finding in findings if not any(finding is f for f, _ in accepted)]
    print(f"Drift: {len(exchanges)} exchange(s) in {args.traffic} against {spec_path}")
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


if __name__ == "__main__":
    raise SystemExit(main())
