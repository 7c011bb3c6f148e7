"""uvicorn's h11 protocol, hardened against hostile clients (uvicorn 0.54 has no option for any of this).

- A client has ``request_timeout`` seconds, from connecting or from the end of its previous response, to send
  a whole request; then it gets a 408 (if it had started one) and the connection is closed. uvicorn's own
  keep-alive timer starts only after a first response and stops at the first byte, so one byte a second
  held a connection forever.
- At most ``max_connections`` at once: a new connection past the cap aborts the one that has waited longest
  for its request (no 408: its descriptor is needed now), else one lingering after a refusal (it has had its
  answer); when there is neither, the newcomer is closed instead.
- A request head (request line and headers) over ``max_head_bytes`` gets a 431 however it was split into
  TCP segments: h11 checks its limit only while a head is incomplete, so one large write got through.
- Malformed HTTP gets Partner Center's JSON error body with the id headers (uvicorn sends ``text/plain``),
  and if a request was already running its app is told the client left, so nothing logs a traceback.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import attrs
import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from pcinsights.emulator.wire import JSON_MEDIA_TYPE, encode_json, error_body

_LINGER = 1.0  # seconds a refused client has to read its answer before the connection closes
_REASONS = {400: b"Bad Request", 408: b"Request Timeout", 431: b"Request Header Fields Too Large"}
_DESCRIPTIONS = {
    400: "The request is not valid HTTP.",
    408: "The request was not received in time.",
    431: "The request's header fields are too large.",
}


@attrs.define
class Limits:
    """One server's limits, the connections still waiting for a whole request and those lingering after a
    refusal (each oldest first)."""

    request_timeout: float
    max_connections: int
    max_head_bytes: int
    waiting: dict[GuardedProtocol, None] = attrs.field(factory=dict, repr=False)
    lingering: dict[GuardedProtocol, None] = attrs.field(factory=dict, repr=False)

    def evict_oldest_waiting(self) -> bool:
        """Close the connection that has waited longest for its request, else the oldest lingering one;
        False when there is neither."""
        oldest = next(iter(self.waiting), None) or next(iter(self.lingering), None)
        if oldest is None:
            return False
        oldest.evict()
        return True


class _Connection(h11.Connection):
    """h11's server side, also refusing a complete head over the limit, and remembering why it failed."""

    def __init__(self, max_head_bytes: int) -> None:
        super().__init__(h11.SERVER, max_incomplete_event_size=max_head_bytes)
        self.max_head_bytes = max_head_bytes
        self.failure: h11.RemoteProtocolError | None = None
        self._received = 0  # bytes fed in, over the connection's life
        self._head_start = 0  # where in that stream the current request began

    def receive_data(self, data: bytes) -> None:
        self._received += len(data)
        super().receive_data(data)

    def next_event(self) -> Any:  # h11's own return type is a private union
        try:
            event = super().next_event()
            if isinstance(event, h11.Request) and self._consumed() - self._head_start > self.max_head_bytes:
                raise h11.RemoteProtocolError("request head too large", error_status_hint=431)
        except h11.RemoteProtocolError as error:
            self.failure = error
            raise
        if isinstance(event, h11.EndOfMessage):
            self._head_start = self._consumed()
        return event

    def _consumed(self) -> int:
        """Bytes h11 has parsed so far: everything fed in but what is still buffered."""
        return self._received - len(self.trailing_data[0])


class GuardedProtocol(H11Protocol):
    """uvicorn's H11Protocol with the limits above; ``protocol_class`` binds it to one server's ``Limits``."""

    limits: Limits

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.conn = self._guarded = _Connection(self.limits.max_head_bytes)
        self._refused = False
        self._discarding = False
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        if len(self.connections) >= self.limits.max_connections and not self.limits.evict_oldest_waiting():
            self._refused = True
            transport.abort()
            return
        super().connection_made(transport)
        self._await_request()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._refused:
            return
        self._stop_waiting()
        self.limits.lingering.pop(self, None)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._discarding:
            return
        super().data_received(data)
        if self._timer is not None and self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._stop_waiting()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._await_request()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to malformed HTTP, in Partner Center's shape (431 for a head over the limit)."""
        failure = self._guarded.failure
        status = failure.error_status_hint if failure is not None and failure.error_status_hint in _REASONS else 400
        self._refuse(status)

    def evict(self) -> None:
        """Make way for a newcomer: closed at once, with no answer to linger over (its descriptor is needed)."""
        self._stop_waiting()
        self.limits.lingering.pop(self, None)
        self.transport.abort()

    def time_out(self) -> None:
        """The client did not send a whole request in time: 408 if it had started one, then close."""
        self._stop_waiting()
        if self.transport.is_closing():
            return
        started = self.cycle is not None and not self.cycle.response_complete
        if started or self.conn.trailing_data[0]:
            self._refuse(408)
        else:
            self.transport.close()

    def _refuse(self, status: int) -> None:
        """Answer ``status`` with the JSON error body and close; a running request's app sees a disconnect."""
        self._stop_waiting()
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True
            cycle.message_event.set()
            if cycle.response_started:  # too late to answer
                self.transport.close()
                return
        body = encode_json(error_body(status, _DESCRIPTIONS[status]))
        head = [
            b"HTTP/1.1 %d %s" % (status, _REASONS[status]),
            b"content-type: " + JSON_MEDIA_TYPE.encode(),
            b"content-length: %d" % len(body),
            b"connection: close",
            b"ms-requestid: " + str(uuid.uuid4()).encode(),
            b"ms-correlationid: " + str(uuid.uuid4()).encode(),
        ]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)
        self._close_softly()

    def _close_softly(self) -> None:
        """Close once the client has read the answer: what it still sends is read and dropped meanwhile.

        Closing with its bytes unread would reset the connection, and a reset can destroy the answer in transit.
        """
        self._discarding = True
        self.limits.lingering[self] = None
        self.transport.resume_reading()
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(_LINGER, self.transport.close)

    def _await_request(self) -> None:
        self._stop_waiting()
        self.limits.waiting[self] = None
        self._timer = self.loop.call_later(self.limits.request_timeout, self.time_out)

    def _stop_waiting(self) -> None:
        self.limits.waiting.pop(self, None)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def protocol_class(limits: Limits) -> type[GuardedProtocol]:
    """A protocol class for one server (uvicorn builds each connection's protocol from a class)."""

    class Bound(GuardedProtocol):
        pass

    Bound.limits = limits
    return Bound
