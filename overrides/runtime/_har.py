"""An opt-in recorder of the client's traffic as HAR 1.2 (HTTP Archive), for ``make drift`` and for bug reports.

``AuthenticatedClient(..., recorder=HarRecorder("traffic.har"))`` records every call's request and final answer
(a retried 429 or 503 is not an entry; the answer the call ends with is). Bodies are kept; credentials are not:
``Authorization`` (and the client's own auth header), cookies, JWT-looking strings anywhere, the values of JSON
and form fields and query parameters named like a token (bar paging cursors and token_type), secret, password
or assertion, and the bearer token itself wherever it appears, all become ``[redacted]``.

The file is valid HAR after every entry (the closing brackets are rewritten in place), so a crash keeps what was
recorded, and writing stays linear in the traffic. ``HarRecorder(path, append=True)`` adds to a recording that a
recorder wrote before (another run's, another process's), so one file can gather several runs; any other file is a
``HarFileError`` rather than being overwritten or corrupted.
"""

from __future__ import annotations

import base64
import datetime
import json
import re
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qsl, quote, urlencode

import anyio.to_thread
import httpx

from ._secrets import secret_headers

REDACTED = "[redacted]"
_SECRET_NAME = re.compile(r"token|secret|password|passwd|assertion|api[-_]?key|signature", re.IGNORECASE)
# Named like a secret but not one: a paging cursor (continuationToken, $skipToken) is an opaque position the server
# issued, kept so a recording shows how paging went; token_type and expires_in describe a token, they are not one.
_NOT_A_SECRET = re.compile(r"continuation|skip|seek|next|page|type$|expire", re.IGNORECASE)
# Three base64url parts, the first a JSON object's start ({" is eyJ): a JWT, signed or not, wherever it is.
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*")
_TRAILER = "\n]}}\n"
_CREATOR = "partner_center_analytics"


class HarFileError(Exception):
    """The file to append to is not a HAR this recorder wrote, so entries cannot be added to it in place."""


class HarRecorder:
    """Writes each recorded exchange to ``path`` as a HAR 1.2 entry; thread-safe, shared by sync and async.

    ``extra_secret_headers`` are redacted too. ``close()`` (or leaving a ``with`` block) closes the file. With
    ``append`` an existing recording keeps its entries and gets the new ones after them (checked here, before any
    traffic: ``HarFileError`` when the file is not one a recorder wrote); without it the file is replaced.
    """

    def __init__(self, path: str | Path, *, extra_secret_headers: tuple[str, ...] = (), append: bool = False) -> None:
        self.path = Path(path)
        self._secret_headers = secret_headers(*extra_secret_headers)
        self._lock = threading.Lock()
        self._file: BinaryIO | None = None
        self._resumes = append and _has_entries(self.path)  # the first entry goes after the file's own
        self.entries = 0  # how many have been written

    def record(
        self,
        request: httpx.Request,
        response: httpx.Response,
        started: float,
        elapsed: float,
        auth_header: str = "",
        *,
        comment: str = "",
    ) -> None:
        """Add one exchange: ``started`` a Unix time, ``elapsed`` seconds, ``auth_header`` a header holding the
        credential besides the usual ones, ``comment`` the entry's HAR comment (such as why a body is not kept);
        the response body must have been read."""
        entry = self._entry(request, response, started, elapsed, auth_header.lower())
        if comment:
            entry["comment"] = comment
        with self._lock:
            if self._file is None and not self.entries and not self._resumes:
                self._file = self.path.open("wb")
                self._file.write(json.dumps(_log_head())[: -len("]}}")].encode())
            else:
                if self._file is None:  # recording again after close(), or to a recording resumed: append
                    self._file = self.path.open("r+b")
                self._file.seek(-len(_TRAILER), 2)
                self._file.write(b",")
            self._file.write(("\n" + json.dumps(entry, ensure_ascii=False) + _TRAILER).encode())
            self._file.truncate()
            self._file.flush()
            self.entries += 1

    def close(self) -> None:
        """Close the file; a recorder that saw no traffic still leaves a valid, empty HAR."""
        with self._lock:
            if self._file is None:
                if not self.entries and not self._resumes:
                    self.path.write_text(json.dumps(_log_head()) + "\n", encoding="utf-8")
            else:
                self._file.close()
                self._file = None

    def __enter__(self) -> HarRecorder:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"HarRecorder({str(self.path)!r}, entries={self.entries})"

    def _entry(
        self, request: httpx.Request, response: httpx.Response, started: float, elapsed: float, auth_header: str
    ) -> dict[str, Any]:
        secret = self._secret_headers | secret_headers(auth_header)
        secrets = _credentials(request, secret)
        scrub = _Scrubber(secrets)
        query = [(name, scrub.field(name, value)) for name, value in request.url.params.multi_items()]
        url = request.url.copy_with(query=_query(query).encode("ascii") if query else None)
        request_body = request.content if _has_content(request) else b""
        response_body = response.content
        millis = round(elapsed * 1000, 3)
        har_request: dict[str, Any] = {
            "method": request.method,
            "url": scrub.text(str(url)),
            "httpVersion": "HTTP/1.1",
            "cookies": _cookies(request.headers.get_list("cookie"), ";"),
            "headers": _headers(request.headers, secret, scrub),
            "queryString": [{"name": name, "value": value} for name, value in query],
            "headersSize": -1,
            "bodySize": len(request_body),
        }
        if request_body:
            content_type = request.headers.get("content-type", "")
            try:
                text = scrub.body(request_body, content_type)
            except UnicodeDecodeError:
                text = "[binary body not kept]"
            har_request["postData"] = {"mimeType": content_type, "text": text}
        return {
            "startedDateTime": datetime.datetime.fromtimestamp(started, datetime.UTC).isoformat(),
            "time": millis,
            "request": har_request,
            "response": {
                "status": response.status_code,
                "statusText": response.reason_phrase,
                "httpVersion": response.http_version if response.http_version.startswith("HTTP/") else "HTTP/1.1",
                "cookies": _cookies(response.headers.get_list("set-cookie"), None),
                "headers": _headers(response.headers, secret, scrub),
                "content": scrub.content(response_body, response.headers.get("content-type", "")),
                "redirectURL": scrub.text(response.headers.get("location", "")),
                "headersSize": -1,
                "bodySize": len(response_body),
            },
            "cache": {},
            "timings": {"send": 0, "wait": millis, "receive": 0},
        }


def _headers(headers: httpx.Headers, secret: frozenset[str], scrub: _Scrubber) -> list[dict[str, str]]:
    return [
        {"name": name, "value": REDACTED if name.lower() in secret else scrub.text(value)}
        for name, value in headers.multi_items()
    ]


def _log_head() -> dict[str, Any]:
    return {"log": {"version": "1.2", "creator": {"name": _CREATOR, "version": "1"}, "entries": []}}


def _has_entries(path: Path) -> bool:
    """Whether ``path`` is a recording with entries to append after; False when missing, empty or an empty HAR.

    Only the first and last bytes are read (the head and closing brackets this recorder writes), so resuming a
    large recording costs nothing; a file that does not have them could not take an entry in place.
    """
    empty = (json.dumps(_log_head()) + "\n").encode()
    head = empty[: -len("]}}\n")]
    try:
        with path.open("rb") as file:
            size = file.seek(0, 2)
            if size == 0:
                return False
            file.seek(0)
            start = file.read(len(empty))
            file.seek(max(0, size - len(_TRAILER)))
            end = file.read()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise HarFileError(f"{path}: cannot append to it ({error.strerror or error})") from None
    if start == empty and size == len(empty):
        return False
    if start.startswith(head + b"\n") and end == _TRAILER.encode():
        return True
    raise HarFileError(f"{path}: not a HAR recording this recorder wrote, so nothing can be appended to it")


def _secret_name(name: str) -> bool:
    return _SECRET_NAME.search(name) is not None and _NOT_A_SECRET.search(name) is None


def _query(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs, safe="$[]", quote_via=quote)


def _has_content(request: httpx.Request) -> bool:
    try:
        return bool(request.content)
    except httpx.RequestNotRead:  # a streamed upload: not kept
        return False


def _credentials(request: httpx.Request, secret: frozenset[str]) -> list[str]:
    """The secret values this request carries (the bearer token, cookie values), to strike from every text."""
    found = []
    for name, value in request.headers.multi_items():
        if name.lower() in secret:
            _, _, rest = value.partition(" ")
            found += [value, rest] if rest else [value]
            if name.lower() == "cookie":
                found += [v for _, _, v in (pair.partition("=") for pair in value.split(";"))]
    return sorted((secret.strip() for secret in found if len(secret.strip()) >= 8), key=len, reverse=True)


def _cookies(values: list[str], separator: str | None) -> list[dict[str, str]]:
    """Cookie names only: their values are credentials as often as not."""
    pairs = [part for value in values for part in (value.split(separator) if separator else [value.split(";")[0]])]
    return [{"name": pair.partition("=")[0].strip(), "value": REDACTED} for pair in pairs if pair.strip()]


class _Scrubber:
    """Redaction for one exchange: the request's own secrets, JWTs, and fields named like secrets."""

    def __init__(self, secrets: list[str]) -> None:
        self._secrets = secrets

    def text(self, value: str) -> str:
        for secret in self._secrets:
            value = value.replace(secret, REDACTED)
        return _JWT.sub(REDACTED, value)

    def field(self, name: str, value: str) -> str:
        return REDACTED if _secret_name(name) else self.text(value)

    def _json(self, node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: REDACTED if _secret_name(key) and node[key] is not None else self._json(node[key]) for key in node
            }
        if isinstance(node, list):
            return [self._json(item) for item in node]
        return self.text(node) if isinstance(node, str) else node

    def body(self, content: bytes, content_type: str) -> str:
        text = content.decode("utf-8")
        media = content_type.partition(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            return self.text(_query([(k, self.field(k, v)) for k, v in parse_qsl(text, keep_blank_values=True)]))
        if media == "application/json" or media.endswith("+json"):
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            redacted = self._json(parsed)
            if redacted != parsed:  # rewritten only when a field was redacted: else kept byte for byte
                return json.dumps(redacted, ensure_ascii=False)
        return self.text(text)

    def content(self, content: bytes, content_type: str) -> dict[str, Any]:
        """HAR ``content``: text when the body is UTF-8 (redacted), else base64 (kept as sent)."""
        kept: dict[str, Any] = {"size": len(content), "mimeType": content_type}
        try:
            kept["text"] = self.body(content, content_type)
        except UnicodeDecodeError:
            kept["text"], kept["encoding"] = base64.b64encode(content).decode("ascii"), "base64"
        return kept


class RecordingTransport(httpx.BaseTransport):
    """Records each answer of the transport it wraps (the retrying one, whose answers have their bodies read)."""

    def __init__(self, inner: httpx.BaseTransport, recorder: HarRecorder, auth_header: str = "") -> None:
        self._inner = inner
        self._recorder = recorder
        self._auth_header = auth_header

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started, clock = time.time(), time.monotonic()
        response = self._inner.handle_request(request)
        response.read()
        self._recorder.record(request, response, started, time.monotonic() - clock, self._auth_header)
        return response

    def close(self) -> None:
        self._inner.close()


class AsyncRecordingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RecordingTransport``."""

    def __init__(self, inner: httpx.AsyncBaseTransport, recorder: HarRecorder, auth_header: str = "") -> None:
        self._inner = inner
        self._recorder = recorder
        self._auth_header = auth_header

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started, clock = time.time(), time.monotonic()
        response = await self._inner.handle_async_request(request)
        await response.aread()
        elapsed = time.monotonic() - clock
        # The file write (a flush per entry) runs in a worker thread, not on the event loop.
        await anyio.to_thread.run_sync(self._recorder.record, request, response, started, elapsed, self._auth_header)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


__all__ = ["AsyncRecordingTransport", "HarFileError", "HarRecorder", "RecordingTransport"]
