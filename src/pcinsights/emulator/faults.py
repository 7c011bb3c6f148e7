"""Fault injection as pure ASGI middleware, so it can also cut a response off mid-body.

Only Partner Center's requests (``/v1/``, and the reports API's ``/insights/``) are touched. In order: added
latency; then, only for a request the app's bearer check admits (Partner Center checks auth before it
throttles, so a bad token always gets its 401 or 403), the per-token throttle (429 + Retry-After) and one
seeded draw choosing an injected 429, 500, 503 or HTML error page by their fractions; otherwise the app
answers, a seeded fraction of its 2xx JSON bodies made to break the spec (``garbage_rate``), its JSON body
optionally prefixed with a UTF-8 BOM, and a seeded fraction of those answers dropped after half the body.
Every request, status and fault is counted in the stats.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import time
from collections.abc import Callable
from random import Random
from typing import Any

import attrs
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pcinsights.emulator.config import EmulatorConfig, option_of
from pcinsights.emulator.gate import bearer_token
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.wire import JSON_MEDIA_TYPE, RequestIds, encode_json, error_body

BOM = b"\xef\xbb\xbf"
FAULTED_PATHS = ("/v1/", "/insights/")
_DROP_LOG = "ASGI callable returned without completing response."


class TokenBuckets:
    """One token bucket per bearer token: capacity max(1, rate), refilled continuously at ``rate`` per second.

    O(1) per request and no background task: a bucket is topped up from the clock when it is next used.
    A refused request takes nothing from its bucket, so a client that waits Retry-After gets through, and
    one token's burst never eats another token's allowance.

    Memory is bounded (a new token per request grew it by ~290 bytes a token, forever): at most ``max_tokens``
    buckets, the least recently seen forgotten first, and once per refill time every full bucket is dropped
    (a full bucket is the same as none), so the table holds about the tokens seen in the last refill time.
    """

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic, *, max_tokens: int = 10_000) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.max_tokens = max_tokens
        self._clock = clock
        self._refill_time = self.capacity / rate
        self._buckets: dict[str, tuple[float, float]] = {}  # in the order last seen, oldest first
        self._swept_at = clock()

    def __len__(self) -> int:
        """How many tokens hold a bucket."""
        return len(self._buckets)

    def take(self, key: str) -> int | None:
        """None when the request may pass, else the whole seconds (at least 1) until a token is available."""
        now = self._clock()
        level, stamp = self._buckets.pop(key, (self.capacity, now))
        level = min(self.capacity, level + (now - stamp) * self.rate)
        passes = level >= 1.0
        self._buckets[key] = (level - 1.0 if passes else level, now)
        while len(self._buckets) > self.max_tokens:
            del self._buckets[next(iter(self._buckets))]
        if now - self._swept_at >= self._refill_time:
            self._forget_full(now)
        return None if passes else max(1, math.ceil((1.0 - level) / self.rate))

    def _forget_full(self, now: float) -> None:
        self._swept_at = now
        for key, (level, stamp) in list(self._buckets.items()):
            if level + (now - stamp) * self.rate >= self.capacity:
                del self._buckets[key]


class _DropFilter(logging.Filter):
    """Hide uvicorn's complaint about the responses this middleware cuts off on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != _DROP_LOG


def _quiet_drops() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(existing, _DropFilter) for existing in logger.filters):
        logger.addFilter(_DropFilter())


def _bucket_key(headers: Headers) -> str:
    """Buckets are keyed by a digest of the token (one bucket per token), so this middleware keeps no token."""
    token = bearer_token(headers)
    return "" if token is None else hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _html_page(status: int) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{status} Error</title></head>"
        f"<body><h1>{status} Error</h1><p>The gateway could not complete the request.</p></body></html>"
    ).encode()


# The settings that ``FaultSwitches`` may change while the emulator runs: those marked ``option(fault=True)``.
FAULT_SETTINGS = frozenset(field.name for field in attrs.fields(EmulatorConfig) if option_of(field).fault)


class FaultSettingError(ValueError):
    """A fault switched to a setting that is not a fault's, or to a value its setting refuses."""


class FaultSwitches:
    """A running emulator's faults, changed without a restart (for per-test fault controls) and reset.

    Changes add up until ``reset`` goes back to the configuration's faults; each one gives the injector a fresh
    seeded draw and throttle, so what a test sees does not depend on the tests before it. Meant for between
    requests: a request in flight may see the old setting or the new one.
    """

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.current = config
        self._injectors: list[FaultInjector] = []

    def attach(self, injector: FaultInjector) -> None:
        """Switch ``injector`` along (the app builds its middleware on its first request, maybe after a change)."""
        self._injectors.append(injector)
        injector.configure(self.current)

    def set(self, **settings: Any) -> EmulatorConfig:
        """Change the named fault settings (``EmulatorConfig`` fields, in its units); the settings now in force."""
        unknown = sorted(set(settings) - FAULT_SETTINGS)
        if unknown:
            raise FaultSettingError(
                f"not a fault setting: {', '.join(unknown)} (they are {', '.join(sorted(FAULT_SETTINGS))})"
            )
        try:
            changed = attrs.evolve(self.current, **settings)
        except (TypeError, ValueError) as exc:
            raise FaultSettingError(f"refused fault setting: {exc}") from None
        self._switch(changed)
        return changed

    def reset(self) -> None:
        """Back to the configuration's faults."""
        self._switch(self.config)

    def _switch(self, config: EmulatorConfig) -> None:
        self.current = config
        for injector in self._injectors:
            injector.configure(config)


class FaultInjector:
    """ASGI middleware answering a configured share of /v1 requests with faults, and counting everything."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        config: EmulatorConfig,
        stats: EmulatorStats,
        admits: Callable[[Headers], bool] | None = None,
        switches: FaultSwitches | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.app = app
        self.stats = stats
        self.admits = admits
        self.clock = clock
        self.configure(config)
        if switches is not None:
            switches.attach(self)

    def configure(self, config: EmulatorConfig) -> None:
        """Inject ``config``'s faults from the next request on, with a fresh seeded draw and throttle."""
        self.config = config
        self.rng = Random(f"{config.seed}:faults")
        self.throttles = 0  # 429s answered, for alternating body shapes
        self.buckets = self._throttle(config)
        if config.drop_rate > 0:
            _quiet_drops()

    def _throttle(self, config: EmulatorConfig) -> TokenBuckets | None:
        """The per-token buckets on the clock handed in (``TokenBuckets``' own when none was); None when off."""
        if config.rate_limit <= 0:
            return None
        if self.clock is None:
            return TokenBuckets(config.rate_limit, max_tokens=config.rate_limit_tokens)
        return TokenBuckets(config.rate_limit, self.clock, max_tokens=config.rate_limit_tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.stats.requests += 1
        if not scope["path"].startswith(FAULTED_PATHS):
            await self.app(scope, receive, self._counting(send))
            return
        headers = Headers(scope=scope)
        if self.config.latency > 0:
            self.stats.count_fault("latency")
            await asyncio.sleep(self.config.latency)
        admitted = self.admits is None or self.admits(headers)
        injected = self._injected(headers) if admitted else None
        if injected is not None:
            status, extra, body = injected
            await self._reply(send, status, extra, body)
            return
        await self._serve(scope, receive, send)

    def _injected(self, headers: Headers) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """The fault to answer with instead of the app, if any (one seeded draw per request)."""
        config = self.config
        ids = RequestIds.for_request(headers)
        if self.buckets is not None:
            wait = self.buckets.take(_bucket_key(headers))
            if wait is not None:
                self.stats.count_fault("rate_limit")
                return self._throttled(ids, wait)
        draw = self.rng.random()
        for kind, share in (
            ("fail_429", config.fail_429),
            ("fail_500", config.fail_500),
            ("fail_503", config.fail_503),
        ):
            if draw < share:
                self.stats.count_fault(kind)
                return self._failure(kind, ids)
            draw -= share
        if draw < config.html_rate:
            self.stats.count_fault("html")
            extra = [*_id_headers(ids), (b"content-type", b"text/html; charset=utf-8")]
            return config.html_status, extra, _html_page(config.html_status)
        return None

    def _throttled(self, ids: RequestIds, wait: int) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        message = f"Rate limit is exceeded. Try again in {wait} seconds."
        shape = self.config.throttle_body
        if shape == "both":
            self.throttles += 1
            shape = "code" if self.throttles % 2 == 0 else "statusCode"
        body = {"statusCode": 429, "message": message} if shape == "statusCode" else error_body(429, message)
        return 429, [*_json_headers(ids), (b"retry-after", str(wait).encode())], self._json(body)

    def _failure(self, kind: str, ids: RequestIds) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        retry = (b"retry-after", str(self.config.retry_after).encode())
        if kind == "fail_429":
            return self._throttled(ids, self.config.retry_after)
        if kind == "fail_503":
            body = error_body(503, "The service is temporarily unavailable.")
            return 503, [*_json_headers(ids), retry], self._json(body)
        return 500, _json_headers(ids), self._json(error_body(800003, "Unexpected service error."))

    def _json(self, body: object) -> bytes:
        encoded = encode_json(body)
        if self.config.bom:
            self.stats.count_fault("bom")
            return BOM + encoded
        return encoded

    async def _reply(self, send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.stats.count_status(status)
        headers = [*headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Let the app answer, then pass its response on: with a BOM, cut short, or as it is."""
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        status = int(start["status"])
        headers = [(name, value) for name, value in start.get("headers", []) if name.lower() != b"content-length"]
        body = b"".join(chunks)
        garbled = 200 <= status < 300 and self.config.garbage_rate > 0 and _is_json(headers)
        if garbled and self.rng.random() < self.config.garbage_rate:
            self.stats.count_fault("garbage")
            body = encode_json(garbage(json.loads(body)))
        if self.config.bom and _is_json(headers):
            self.stats.count_fault("bom")
            body = BOM + body
        headers.append((b"content-length", str(len(body)).encode()))
        drop = self.config.drop_rate > 0 and len(body) > 1 and self.rng.random() < self.config.drop_rate
        # Counted before sending, so a client that has its answer also sees it counted.
        self.stats.count_status(status)
        if drop:
            self.stats.count_fault("drop")
        elif 200 <= status < 300:
            self.stats.count_served(scope["path"])
        await send({"type": "http.response.start", "status": status, "headers": headers})
        if drop:
            # Returning with the body incomplete makes the server close the connection mid-body.
            await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
            return
        await send({"type": "http.response.body", "body": body})

    def _counting(self, send: Send) -> Send:
        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.stats.count_status(int(message["status"]))
            await send(message)

        return counting


def garbage(body: object) -> object:
    """``body`` with every top-level value swapped for one of another JSON type: still JSON, no longer the spec's.

    A string or a null becomes ``5``, anything else ``"broken"``; a body that is not an object becomes ``[body]``.
    """
    if not isinstance(body, dict):
        return [body]
    return {key: 5 if value is None or isinstance(value, str) else "broken" for key, value in body.items()}


def _id_headers(ids: RequestIds) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode(), value.encode()) for name, value in ids.headers().items()]


def _json_headers(ids: RequestIds) -> list[tuple[bytes, bytes]]:
    return [*_id_headers(ids), (b"content-type", JSON_MEDIA_TYPE.encode())]


def _is_json(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(name.lower() == b"content-type" and value.startswith(b"application/json") for name, value in headers)
