"""Replay: answer from a HAR recording as the server answered when it was made, for tests that must not call it.

A request is matched to a recorded one by method, path, query (in any order) and body; headers are ignored (the
token, request ids and dates differ every run). Requests recorded more than once are answered in their recorded
order, the last answer repeating. A request with no recording gets a JSON 404 that names it, and is remembered in
``ReplayApp.unmatched``. ``pcinsights replay FILE.har`` serves a recording for apps in any language; the pytest
plugin's ``--pcinsights-mode=replay`` serves each test its own.
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
Key = tuple[str, str, tuple[tuple[str, str], ...], str]


def request_key(method: str, path: str, query: Iterable[tuple[str, str]], body: str | None) -> Key:
    """What makes two requests the same one for replay: method, path, query in any order, and body."""
    return method.upper(), path, tuple(sorted(query)), body or ""


def describe(key: Key) -> str:
    """A request as a person reads it: ``GET /v1/customers?size=5`` (and its body, when it has one)."""
    method, path, query, body = key
    text = f"{method} {path}" + ("?" + "&".join(f"{name}={value}" for name, value in query) if query else "")
    return f"{text} with body {body[:200]!r}" if body else text


@attrs.frozen
class Answer:
    """A recorded response: what the replay sends back."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class Recording:
    """The answers of one or more HAR files, by request; ``answer`` takes them in recorded order."""

    def __init__(self, exchanges: Sequence[Exchange]) -> None:
        self._answers: dict[Key, list[Answer]] = defaultdict(list)
        for exchange in exchanges:
            key = request_key(exchange.method, exchange.path, exchange.query, exchange.request_body)
            headers = tuple((k, v) for k, v in exchange.response_headers if k.lower() not in _TRANSFER_HEADERS)
            self._answers[key].append(Answer(exchange.status, headers, (exchange.body or "").encode("utf-8")))
        self._served: dict[Key, int] = defaultdict(int)

    @classmethod
    def read(cls, *paths: Path) -> Recording:
        """The recordings in these HAR files (``HarError`` when one cannot be read)."""
        return cls([exchange for path in paths for exchange in read_har(path)])

    def __len__(self) -> int:
        """How many requests it has answers for."""
        return len(self._answers)

    def answer(self, key: Key) -> Answer | None:
        """The next recorded answer to the request, the last one again once they are used up; None if unrecorded."""
        answers = self._answers.get(key)
        if not answers:
            return None
        served = self._served[key]
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
        request = Request(scope, receive)
        body = (await request.body()).decode("utf-8", errors="replace")
        query = parse_qsl(request.url.query, keep_blank_values=True)
        key = request_key(request.method, request.url.path, query, body)
        answer = self.recording.answer(key)
        if answer is None:
            self.unmatched.append(describe(key))
            text = json.dumps({"code": 404, "description": f"no recording for {describe(key)}"})
            response = Response(text, status_code=404, media_type="application/json; charset=utf-8")
        else:
            response = Response(answer.body, status_code=answer.status, headers=dict(answer.headers))
        await response(scope, receive, send)


@contextmanager
def serve_replay(app: ReplayApp, *, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``app`` on a free loopback port until the block ends; yields its base URL."""
    from pcinsights.emulator.config import EmulatorConfig
    from pcinsights.emulator.server import serve_in_background

    with serve_in_background(app, EmulatorConfig(), host=host, name="pc-replay") as (base_url, _):
        yield base_url


__all__ = ["Answer", "Recording", "ReplayApp", "describe", "request_key", "serve_replay"]
