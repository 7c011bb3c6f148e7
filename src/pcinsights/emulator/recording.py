"""Server-side recording: every request the emulator receives and its answer, as HAR, stamped on arrival.

A client's own recording says what it meant to send; this one says what arrived and when, so a test can judge a
client from the server's side (its rate, whether it waited out each Retry-After, what it sent). The generated
client's ``HarRecorder`` writes it, with the same redaction (the bearer token appears nowhere in the file). Report
file downloads (``/_files/``) are recorded without their body, the entry's comment saying so: a file can be hundreds
of megabytes, and held whole it would be, once per download.
"""

from __future__ import annotations

import functools
import time

import anyio.to_thread
import httpx
from partner_center_analytics import HarRecorder
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pcinsights.emulator.reports.links import FILES_PATH
from pcinsights.har import unkept_body_comment


class RecordingMiddleware:
    """ASGI middleware passing every HTTP exchange through unchanged and adding it to ``recorder``."""

    def __init__(self, app: ASGIApp, recorder: HarRecorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, clock = time.time(), time.monotonic()
        received: list[bytes] = []
        start: Message = {}
        sent: list[bytes] = []
        download = str(scope["path"]).startswith(FILES_PATH + "/")
        size = 0

        async def receiving() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                received.append(message.get("body", b""))
            return message

        async def sending(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                if not download:
                    sent.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receiving, sending)
        if not start:  # the connection went before any answer: nothing to pair the request with
            return
        request = httpx.Request(scope["method"], _url(scope), headers=scope["headers"], content=b"".join(received))
        response = httpx.Response(int(start["status"]), headers=start.get("headers", []), content=b"".join(sent))
        elapsed = time.monotonic() - clock
        comment = unkept_body_comment(size) if download else ""
        # A flush per entry: in a worker thread, not on the event loop.
        await anyio.to_thread.run_sync(
            functools.partial(self.recorder.record, request, response, started, elapsed, comment=comment)
        )


def _url(scope: Scope) -> str:
    host, port = scope.get("server") or ("127.0.0.1", 0)
    raw = scope.get("raw_path")
    path = raw.decode("latin-1") if raw else scope["path"]
    query = scope.get("query_string", b"").decode("latin-1")
    return f"{scope.get('scheme', 'http')}://{host}:{port}{path}" + (f"?{query}" if query else "")
