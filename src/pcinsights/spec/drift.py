"""The drift checker: each exchange (recorded, or passing the proxy) against the strict view of the spec, findings
counted by place. ``tools.drift`` (``make drift``) and ``pcinsights proxy`` both use it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from pcinsights.har import Exchange
from pcinsights.spec.strictview import AT, OPEN_ENUM, strict_view
from pcinsights.spec.walk import locate, operations, pointer

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


def json_path(parts: Any, *, indices: bool = False) -> str:
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
        yield from self._check_request_body(exchange, operation)
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

    def _check_request_body(self, exchange: Exchange, operation: _Operation) -> Iterator[_Seen]:
        """The body the caller sent against the operation's ``requestBody`` (a recording without one shows nothing):
        what the server would refuse or ignore is drift of the caller's, or of the spec's if the server took it."""
        text = exchange.request_body
        if text is None or not text.strip():
            return
        declared = self.strict["paths"][operation.template][operation.method.lower()]
        sent = next((value for name, value in exchange.request_headers if name.lower() == "content-type"), "")
        mime = sent.split(";", 1)[0].strip().lower()
        if "requestBody" not in declared:
            parsed = _parsed_json(text)
            schema = infer_schema(parsed) if parsed is not None else {}
            yield _Seen(
                ("request body", operation.op_id),
                "undocumented request body",
                operation.op_id,
                "request body",
                parsed if parsed is not None else text[:200],
                "#" + pointer(operation.parts),
                {"requestBody": {"content": {mime or "application/json": {"schema": schema}}}},
            )
            return
        body, parts = locate(self.strict, declared["requestBody"], (*operation.parts, "requestBody"))
        content = (body.get("content") if isinstance(body, Mapping) else None) or {}
        if not mime and len(content) == 1:  # a recorder that kept no headers: the one media type the spec names
            mime = next(iter(content)).lower()
        media = next((name for name in content if name.lower() == mime), None)
        if media is None:
            yield _Seen(
                ("request media", operation.op_id, mime),
                "undocumented request media type",
                operation.op_id,
                f"request {mime or '(no Content-Type)'}",
                text[:200],
                "#" + pointer((*parts, "content")),
                {mime or "application/octet-stream": {"schema": {}}},
            )
            return
        if not (mime == "application/json" or mime.endswith("+json")):
            return
        parsed = _parsed_json(text)
        if parsed is None and text.strip() != "null":
            yield _Seen(
                ("request not json", operation.op_id),
                "request body is not JSON",
                operation.op_id,
                "request body",
                text[:200],
                "#" + pointer((*parts, "content", media)),
                "fix the caller or the recording",
            )
            return
        schema_parts = (*parts, "content", media, "schema")
        for error in self._errors(content[media].get("schema"), schema_parts, parsed):
            yield from self._seen(operation, "", tuple(error.absolute_path), error, side="request ")

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
    def _seen(
        operation: _Operation, prefix: str, where: tuple[Any, ...], error: Any, side: str = ""
    ) -> Iterator[_Seen]:
        """What one validation error of the strict view means as drift (``side``: "request " for a request body)."""
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        at = str(schema.get(AT, ""))
        instance = error.instance
        location = prefix or side + json_path(where)
        if error.validator == "additionalProperties" and isinstance(instance, Mapping):
            for name in sorted(set(instance) - set(schema.get("properties") or {})):  # one error names them all
                field_path = side + json_path((*where, name))
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
    return None if exchange.body is None else _parsed_json(exchange.body)


def _parsed_json(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None


class Tally:
    """Findings counted as exchanges come in, one per kind and place: ``make drift`` feeds a recording, the proxy
    each exchange as it passes."""

    def __init__(self, spec: Mapping[str, Any]):
        self.checker = Checker(spec)
        self._counted: dict[tuple[str, ...], tuple[_Seen, int]] = {}

    def add(self, exchange: Exchange) -> list[Finding]:
        """Count what ``exchange`` shows; returns its findings (their counts so far), first sightings included."""
        found = []
        for seen in self.checker.check(exchange):
            first, count = self._counted.get(seen.key, (seen, 0))
            self._counted[seen.key] = (first, count + 1)
            found.append(_finding(first, count + 1))
        return found

    def findings(self) -> list[Finding]:
        """Every finding so far, in the order first seen."""
        return [_finding(seen, count) for seen, count in self._counted.values()]


def _finding(seen: _Seen, count: int) -> Finding:
    suggestion = seen.suggestion if isinstance(seen.suggestion, str) else _flow(seen.suggestion)
    return Finding(seen.kind, seen.operation, seen.location, seen.example, count, seen.spec_pointer, suggestion)


def find_drift(spec: Mapping[str, Any], exchanges: list[Exchange]) -> list[Finding]:
    """Every drift in ``exchanges``, one finding per kind and place, with counts."""
    tally = Tally(spec)
    for exchange in exchanges:
        tally.add(exchange)
    return tally.findings()
