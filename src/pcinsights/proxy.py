"""The validating proxy: every exchange passes to the upstream and back unchanged, and each is judged against the
spec by the drift checker (``pcinsights.spec.drift``) as it passes.

The upstream is Partner Center or anything that claims to be it. Requests go upstream as sent, any method, body and
all (up to ``MAX_REQUEST_BYTES``); a JSON body is judged against the operation's request schema (findings at
``request $.Field``). A response is read as the client reads one: raw chunks, inflated in bounded steps, at most
``max_body`` bytes (the client's ``max_response_size``); a bigger body is streamed on unbuffered, its status and
headers still checked. The app's bytes reach the app as the upstream sent them (``Content-Encoding`` and all). In
strict mode an exchange with any finding (in its request body or its response) is answered instead with a 502
problem body naming them, so a CI run fails at the call that drifted. Report file downloads (the signed links under
``/_files/``, a storage service's, not in the spec) stream through as they come, neither checked nor held: a file
can be hundreds of megabytes. The bearer token goes upstream and nowhere else: the HAR recorder redacts it, and
every logged or reported text has it struck out.
"""

from __future__ import annotations

import json
import ssl
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from partner_center_analytics import HarRecorder, UnexpectedResponseError
from partner_center_analytics._body import DEFAULT_MAX_RESPONSE_SIZE, BoundedBody  # the client's own bounded read
from partner_center_analytics._har import REDACTED  # the recorder's marker, in the log and report too
from starlette.types import Message, Receive, Scope, Send

from pcinsights.emulator.reports.links import FILES_PATH
from pcinsights.har import Exchange, unkept_body_comment
from pcinsights.spec.accepted import Acceptance
from pcinsights.spec.drift import Finding, Tally

# Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection, never forwarded; Host is the upstream's.
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host"}
)
MAX_REQUEST_BYTES = 16 * 1024 * 1024  # Partner Center's bodies are a report's settings or a query (4,000 chars)
UPSTREAM_TIMEOUT = httpx.Timeout(120.0, connect=15.0)  # its commercial queries can take a minute
_MAX_TOKENS = 32  # tokens remembered to strike from texts (a token lives an hour; a run sees few)


class Secrets:
    """The bearer tokens seen in requests, struck out of every text the proxy writes."""

    def __init__(self) -> None:
        self._tokens: OrderedDict[str, None] = OrderedDict()

    def note(self, headers: Iterable[tuple[str, str]]) -> None:
        for name, value in headers:
            if name.lower() in ("authorization", "proxy-authorization"):
                for token in {value.strip(), value.partition(" ")[2].strip()}:
                    if len(token) >= 8:
                        self._tokens[token] = None
                        self._tokens.move_to_end(token)
        while len(self._tokens) > _MAX_TOKENS:
            self._tokens.popitem(last=False)

    def scrub(self, text: str) -> str:
        for token in sorted(self._tokens, key=len, reverse=True):
            text = text.replace(token, REDACTED)
        return text


def finding_row(finding: Finding, secrets: Secrets, accepted: Acceptance | None = None) -> dict[str, Any]:
    """A finding as JSON data (as ``make drift --json`` writes it), any token struck out."""
    row = {
        "kind": finding.kind,
        "operation": finding.operation,
        "location": finding.location,
        "example": finding.example,
        "count": finding.count,
        "spec_pointer": finding.spec_pointer,
        "suggestion": finding.suggestion,
        "accepted": accepted is not None,
        **({"reason": accepted.reason} if accepted is not None else {}),
    }
    scrubbed: dict[str, Any] = json.loads(secrets.scrub(json.dumps(row, ensure_ascii=False)))
    return scrubbed


def describe(finding: Finding, secrets: Secrets) -> str:
    """One line: kind, operation, where, an example (struck out before it is cut short, so no part of a token
    survives)."""
    example = secrets.scrub(json.dumps(finding.example, ensure_ascii=False))
    example = example if len(example) <= 80 else example[:77] + "..."
    return f"{finding.kind}: {finding.operation} {finding.location} (e.g. {example})"


class ProxyApp:
    """An ASGI app forwarding every request to ``upstream`` and judging each response with ``tally``."""

    def __init__(
        self,
        upstream: str,
        tally: Tally,
        *,
        strict: bool = False,
        accepted: Iterable[Acceptance] = (),
        recorder: HarRecorder | None = None,
        log: Callable[[str], None] = print,
        max_body: int = DEFAULT_MAX_RESPONSE_SIZE,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        url = httpx.URL(upstream)
        if url.scheme not in ("http", "https") or not url.host:
            raise ValueError(f"the upstream must be an http(s) URL with a host, not {upstream!r}")
        self.upstream = url
        self.tally = tally
        self.strict = strict
        self.accepted = tuple(accepted)
        self.recorder = recorder
        self.secrets = Secrets()
        self.exchanges = 0
        self._log = log
        self._max_body = max_body
        # One TLS context for every request: building one reads the CA bundle.
        self._verify = ssl.create_default_context() if verify is True else verify

    def acceptance(self, finding: Finding) -> Acceptance | None:
        """The drift.toml entry that accepts ``finding``, if one does."""
        return next((acceptance for acceptance in self.accepted if acceptance.covers(finding)), None)

    def drift(self) -> list[Finding]:
        """Every finding so far that no acceptance covers."""
        return [finding for finding in self.tally.findings() if self.acceptance(finding) is None]

    def findings(self) -> list[dict[str, Any]]:
        """Every finding so far as JSON data (the ``--report``), accepted ones marked, tokens struck out."""
        return [finding_row(f, self.secrets, self.acceptance(f)) for f in self.tally.findings()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        self.secrets.note(headers)
        body = await _request_body(receive)
        if body is None:
            await _problem(send, 413, "Request too large", f"the proxy forwards bodies up to {MAX_REQUEST_BYTES} bytes")
            return
        target = self._target(scope)
        request = httpx.Request(
            scope["method"],
            target,
            headers=[(k, v) for k, v in headers if k.lower() not in _HOP_BY_HOP],
            content=body,
        )
        started = time.time()
        async with httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT, verify=self._verify, trust_env=False) as client:
            try:
                response = await client.send(request, stream=True)
            except httpx.HTTPError as error:
                detail = self.secrets.scrub(f"{type(error).__name__}: {error}")
                self._log(f"upstream {target.copy_with(query=None)} failed: {detail}")
                await _problem(send, 502, "Upstream unreachable", detail)
                return
            try:
                if _is_download(scope):
                    await self._pass(request, response, started, send)
                else:
                    await self._answer(scope, request, response, started, send)
            finally:
                await response.aclose()

    def _target(self, scope: Scope) -> httpx.URL:
        """The upstream URL of this request: the upstream's path prefix, then the request's path and query as sent."""
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        prefix = self.upstream.raw_path.split(b"?")[0].rstrip(b"/")
        return self.upstream.copy_with(raw_path=prefix + raw_path + (b"?" + query if query else b""))

    async def _pass(self, request: httpx.Request, response: httpx.Response, started: float, send: Send) -> None:
        """A download: its chunks sent on as they arrive, unchecked; recorded (if at all) without its body."""
        self.exchanges += 1
        await _send_start(send, response)
        size = 0
        async for chunk in response.aiter_raw():
            size += len(chunk)
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        if self.recorder is not None:
            head = httpx.Response(response.status_code, headers=response.headers)
            comment = unkept_body_comment(size)
            self.recorder.record(request, head, started, time.time() - started, comment=comment)

    async def _answer(
        self, scope: Scope, request: httpx.Request, response: httpx.Response, started: float, send: Send
    ) -> None:
        raw: list[bytes] = []
        chunks = response.aiter_raw()
        try:
            bounded: BoundedBody | None = BoundedBody(request, response, self._max_body)
        except UnexpectedResponseError:  # an unknown Content-Encoding, or a Content-Length over the limit
            bounded = None
        if bounded is not None:
            async for chunk in chunks:
                raw.append(chunk)
                try:
                    bounded.add(chunk)
                except UnexpectedResponseError:
                    bounded = None  # over the limit: what follows streams through unread
                    break
        checked = bounded.response() if bounded is not None else None
        exchange = Exchange(
            index=self.exchanges,
            method=request.method,
            url=str(request.url),
            # What the drift checker reads of a request: its media type and body (never its credentials).
            request_headers=tuple((k, v) for k, v in request.headers.multi_items() if k.lower() == "content-type"),
            query=tuple(request.url.params.multi_items()),
            status=response.status_code,
            response_headers=tuple(response.headers.multi_items()),
            mime_type=response.headers.get("content-type", ""),
            body=checked.content.decode("utf-8", errors="replace") if checked is not None else None,
            request_body=request.content.decode("utf-8", errors="replace") or None,
        )
        self.exchanges += 1
        findings = [finding for finding in self.tally.add(exchange) if self.acceptance(finding) is None]
        for finding in findings:
            if finding.count == 1:
                self._log(self.secrets.scrub(f"drift: {describe(finding, self.secrets)}"))
        if self.recorder is not None:
            kept = checked or httpx.Response(response.status_code, headers=_without_length(response.headers))
            self.recorder.record(request, kept, started, time.time() - started)
        if self.strict and findings:
            await _problem(
                send,
                502,
                "Response does not conform to the spec",
                self.secrets.scrub("; ".join(describe(finding, self.secrets) for finding in findings)),
                findings=[finding_row(finding, self.secrets) for finding in findings],
            )
            return
        await _send_start(send, response)
        for chunk in raw:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        raw.clear()
        if checked is None:  # the rest of a body too big to check, or in a coding the client cannot read
            async for chunk in chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def _is_download(scope: Scope) -> bool:
    """Whether the request is for a report file's signed link (``/_files/...``), not a Partner Center operation."""
    path: str = scope["path"]
    return path.startswith(FILES_PATH + "/")


async def _send_start(send: Send, response: httpx.Response) -> None:
    """The upstream's status and headers, bar the hop-by-hop ones."""
    out = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers.multi_items()]
    headers = [(k, v) for k, v in out if k.lower().decode() not in _HOP_BY_HOP]
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})


def _without_length(headers: httpx.Headers) -> httpx.Headers:
    kept = headers.copy()
    for name in ("content-length", "content-encoding"):
        kept.pop(name, None)
    return kept


async def _request_body(receive: Receive) -> bytes | None:
    """The request's body, or None when it is over ``MAX_REQUEST_BYTES``."""
    parts: list[bytes] = []
    size = 0
    while True:
        message: Message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(parts)


async def _problem(send: Send, status: int, title: str, detail: str, **more: Any) -> None:
    """An RFC 9457 problem body: what the proxy itself answers."""
    body = json.dumps({"title": title, "status": status, "detail": detail, **more}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})
