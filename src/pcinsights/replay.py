"""Replay: answer from a HAR recording as the server answered when it was made, for tests that must not call it.

A request is matched to a recorded one by method, path, query (in any order) and body (JSON compared as data, so
key order and spacing do not matter); headers are ignored (the token, request ids and dates differ every run).
Requests recorded more than once are answered in their recorded order: so a reports flow replays as it ran, each
poll of an execution getting the next recorded state. A request asked more often than recorded gets its last
answer again, except a write (POST, PUT, PATCH, DELETE) that succeeded: that is answered at most as often as it
was recorded, since the server would have changed state again (a refused write changed nothing, so it repeats).
A request with no recording left gets a JSON 404 that names it, and is remembered in ``ReplayApp.unmatched``, as
is one whose recorded body was left out (a report file download). ``pcinsights replay FILE.har`` serves a
recording for apps in any language; the pytest plugin's ``--pcinsights-mode=replay`` serves each test its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl

import attrs
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from pcinsights.har import Exchange, read_har

# Headers that describe the recorded transfer, not the answer: the replayed body is sent whole and plain.
_TRANSFER_HEADERS = frozenset({"content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"})
MAX_REQUEST_BYTES = 16 * 1024 * 1024  # a report's settings or a query are a few KB; bodies are held to match them
_READS = frozenset({"GET", "HEAD", "OPTIONS"})  # safe methods: asking again changes nothing on the server
Key = tuple[str, str, tuple[tuple[str, str], ...], str]


def request_key(method: str, path: str, query: Iterable[tuple[str, str]], body: str | None) -> Key:
    """What makes two requests the same one for replay: method, path, query in any order, and body (a JSON body
    as its data: written again with sorted keys and no spaces)."""
    return method.upper(), path, tuple(sorted(query)), _canonical(body or "")


def _canonical(body: str) -> str:
    """A JSON object or array as one spelling of its data; any other body as it is."""
    if not body.lstrip().startswith(("{", "[")):
        return body
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, RecursionError):
        return body
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def describe(key: Key) -> str:
    """A request as a person reads it: ``GET /v1/customers?size=5`` (and its body, when it has one)."""
    method, path, query, body = key
    text = f"{method} {path}" + ("?" + "&".join(f"{name}={value}" for name, value in query) if query else "")
    return f"{text} with body {body[:200]!r}" if body else text


@attrs.frozen
class Answer:
    """A recorded response: what the replay sends back (``kept`` False when the recorder left its body out)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    kept: bool = True


class Recording:
    """The answers of one or more HAR files, by request; ``answer`` takes them in recorded order."""

    def __init__(self, exchanges: Sequence[Exchange]) -> None:
        self._answers: dict[Key, list[Answer]] = defaultdict(list)
        for exchange in exchanges:
            key = request_key(exchange.method, exchange.path, exchange.query, exchange.request_body)
            headers = tuple((k, v) for k, v in exchange.response_headers if k.lower() not in _TRANSFER_HEADERS)
            body = (exchange.body or "").encode("utf-8")
            self._answers[key].append(Answer(exchange.status, headers, body, exchange.body_kept))
        self._served: dict[Key, int] = defaultdict(int)

    @classmethod
    def read(cls, *paths: Path) -> Recording:
        """The recordings in these HAR files (``HarError`` when one cannot be read)."""
        return cls([exchange for path in paths for exchange in read_har(path)])

    def __len__(self) -> int:
        """How many requests it has answers for."""
        return len(self._answers)

    def answer(self, key: Key) -> Answer | None:
        """The next recorded answer to the request; once they are used up, the last one again, unless it is a
        write's success (asked again, the server would have changed state again). None if there is none."""
        answers = self._answers.get(key)
        served = self._served[key]
        if not answers or (served >= len(answers) and key[0] not in _READS and answers[-1].status < 400):
            return None
        self._served[key] = served + 1
        return answers[min(served, len(answers) - 1)]


class ReplayApp:
    """An ASGI app answering every request from a ``Recording``; ``load`` swaps the recording (one per test)."""

    def __init__(self, recording: Recording | None = None) -> None:
        self.recording = recording or Recording([])
        self.unmatched: list[str] = []

    def load(self, recording: Recording) -> None:
        """Answer from ``recording`` from now on, with nothing unmatched yet."""
        self.recording = recording
        self.unmatched = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        response = await self._response(Request(scope, receive))
        await response(scope, receive, send)

    async def _response(self, request: Request) -> Response:
        raw = await _bounded_body(request)
        if raw is None:
            return _refusal(413, f"request bodies over {MAX_REQUEST_BYTES} bytes are refused")
        query = parse_qsl(request.url.query, keep_blank_values=True)
        key = request_key(request.method, request.url.path, query, raw.decode("utf-8", errors="replace"))
        answer = self.recording.answer(key)
        if answer is None:
            self.unmatched.append(describe(key))
            return _refusal(404, f"no recording for {describe(key)}")
        if not answer.kept:
            self.unmatched.append(f"{describe(key)} (recorded without its body)")
            return _refusal(404, f"recorded without its body: {describe(key)}")
        return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))


def _refusal(status: int, description: str) -> Response:
    """The replay's own answer, JSON as Partner Center's errors are."""
    text = json.dumps({"code": status, "description": description})
    return Response(text, status_code=status, media_type="application/json; charset=utf-8")


async def _bounded_body(request: Request) -> bytes | None:
    """The request's body, or None once it is over ``MAX_REQUEST_BYTES`` (what a recorded request could hold)."""
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            return None
        parts.append(chunk)
    return b"".join(parts)


@contextmanager
def serve_replay(app: ReplayApp, *, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``app`` on a free loopback port until the block ends; yields its base URL."""
    from pcinsights.emulator.config import EmulatorConfig
    from pcinsights.emulator.server import serve_in_background

    with serve_in_background(app, EmulatorConfig(), host=host, name="pc-replay") as (base_url, _):
        yield base_url


__all__ = ["MAX_REQUEST_BYTES", "Answer", "Recording", "ReplayApp", "describe", "request_key", "serve_replay"]
