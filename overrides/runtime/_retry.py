"""Retries for transient failures, done in an httpx transport so every call gets them.

Partner Center throttles (429) and has passing outages (502, 503, 504, dropped
connections); a GET is safe to repeat, so the transport repeats it with exponential
backoff and full jitter, honouring ``Retry-After``. The body is read inside the transport,
so a connection dropped mid-body is retried like any other connection error, and read in bounded
steps (see ``_body``); one deadline covers a call's attempts, waits and body reads.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from collections.abc import Awaitable, Callable

import httpx
from attrs import define, field, validators

from ._body import DEFAULT_MAX_RESPONSE_SIZE, BoundedBody
from ._errors import DeadlineExceededError, call_ids
from ._ids import REQUEST_ID, renew_request_id
from ._network import DEADLINE
from ._stats import ClientStats

logger = logging.getLogger("partner_center_analytics")

RETRY_STATUSES = frozenset({429, 502, 503, 504})
RETRY_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.ReadTimeout,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
# Where a call's deadline travels with its request, so the auth flow's re-send after a 401 keeps it.
_DEADLINE = "partner_center_analytics.deadline"
_TIMEOUTS = ("connect", "read", "write", "pool")
DEFAULT_DEADLINE: float | None = 120.0
# A socket timeout set to what was left of the deadline may fire that much early (the poll's rounding).
_SLACK = 0.01


@define(frozen=True)
class RetryPolicy:
    """How hard to retry: at most ``max_attempts`` tries (1 disables retrying), backoff delays
    growing from ``base_delay`` up to ``max_delay`` seconds, and no more than ``max_total_wait``
    seconds of waiting in all. A ``Retry-After`` longer than what is left of that budget ends
    the retrying, so the caller sees the 429 or 503 at once.

    ``deadline`` bounds a whole call, attempts, waits and body reads together, in seconds (None: no
    bound); past it the call ends in ``DeadlineExceededError``. Its default, 120 s, is about the worst
    case of a healthy but throttling server: 60 s of waits and five attempts of up to 12 s each.

    The time it runs on is the policy's too, so a test hands in a fake clock and no call waits: ``clock``
    (monotonic seconds, for the deadline), ``now`` (a Unix time, for an HTTP-date ``Retry-After``), ``sleep``
    and ``async_sleep`` (the waits) and ``jitter`` (uniform in [0, 1))."""

    max_attempts: int = field(default=5, validator=validators.ge(1))
    base_delay: float = field(default=0.5, validator=validators.ge(0))
    max_delay: float = field(default=30.0, validator=validators.ge(0))
    max_total_wait: float = field(default=60.0, validator=validators.ge(0))
    deadline: float | None = field(default=DEFAULT_DEADLINE, validator=validators.optional(validators.gt(0.0)))
    clock: Callable[[], float] = field(default=time.monotonic, kw_only=True, eq=False, repr=False)
    now: Callable[[], float] = field(default=time.time, kw_only=True, eq=False, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, kw_only=True, eq=False, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, kw_only=True, eq=False, repr=False)
    jitter: Callable[[], float] = field(default=random.random, kw_only=True, eq=False, repr=False)

    def delay(self, attempt: int, retry_after: float | None, jitter: float) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (``jitter`` is uniform in [0, 1))."""
        backoff = jitter * min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return backoff if retry_after is None else max(backoff, retry_after)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (a Unix time): it may be whole seconds or an HTTP date.

    None for anything else, never an exception: a value the client cannot read is ignored and backoff applies.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit alone takes "²", which float() refuses
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: an hour of twenty digits
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class _Attempts:
    """The bookkeeping shared by the sync and async transports: ids, counters, budget, logging."""

    def __init__(self, request: httpx.Request, policy: RetryPolicy, stats: ClientStats) -> None:
        self.request = request
        self.policy = policy
        self.stats = stats
        self.number = 0
        self.waited = 0.0
        self.retryable = request.method in ("GET", "HEAD")
        self.answered = False  # whether the last attempt got a whole answer (see ``start``)
        self.deadline_at: float | None = None
        if policy.deadline is not None:
            self.deadline_at = float(request.extensions.setdefault(_DEADLINE, policy.clock() + policy.deadline))
        self._timeouts = dict(request.extensions.get("timeout", {}))

    def start(self) -> None:
        """Count this attempt and give it its MS-RequestId, which Partner Center's docs make an idempotency key.

        The caller's own id is kept for the first attempt. A retry after an answer (429, 5xx) is a new request,
        so it gets a new id; a retry after no whole answer (a timeout, a dropped connection or body) repeats the
        request the server may have seen, so it keeps the id.
        """
        self.number += 1
        if self.answered or REQUEST_ID not in self.request.headers:
            renew_request_id(self.request)
        self.answered = False
        self.stats.count(retry=self.number > 1)

    def wait_after(self, reason: str, retry_after: float | None, jitter: float) -> float | None:
        """The wait before the next attempt, or None when the policy says to stop."""
        if not self.retryable or self.number >= self.policy.max_attempts:
            return None
        wait = self.policy.delay(self.number, retry_after, jitter)
        left = self.remaining()
        if self.waited + wait > self.policy.max_total_wait or (left is not None and wait >= left):
            return None
        self.waited += wait
        logger.info(
            "Retrying %s %s after %s: attempt %d of %d in %.2fs",
            self.request.method,
            self.request.url.path,
            reason,
            self.number + 1,
            self.policy.max_attempts,
            wait,
        )
        return wait

    def remaining(self) -> float | None:
        """Seconds left before the deadline (None: no deadline)."""
        return None if self.deadline_at is None else self.deadline_at - self.policy.clock()

    @property
    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= _SLACK

    def deadline_error(self) -> DeadlineExceededError:
        deadline = self.policy.deadline or 0.0
        return DeadlineExceededError(
            f"the call's deadline of {deadline:g} s passed during attempt {self.number}",
            deadline=deadline,
            **call_ids(None, self.request),
        )

    def bound_timeouts(self) -> None:
        """Cap this attempt's httpx timeouts (each wait for the network) at what is left of the deadline, and
        set the deadline for the sync network backend (``_network``): every attempt sets it, so none inherits."""
        left = self.remaining()
        # The network waits in real time: its deadline is what is left on the policy's clock, counted from now.
        DEADLINE.set(None if left is None else time.monotonic() + left)
        if left is None:
            return
        if left <= 0:
            raise self.deadline_error()
        timeouts = {name: self._timeouts.get(name) for name in _TIMEOUTS}
        self.request.extensions["timeout"] = {name: left if t is None else min(t, left) for name, t in timeouts.items()}

    def wait_for(self, response: httpx.Response) -> float | None:
        """The wait before retrying after ``response``, or None when it goes to the caller as it is."""
        self.answered = True
        if response.status_code not in RETRY_STATUSES:
            return None
        retry_after = retry_after_seconds(response.headers.get("Retry-After"), self.policy.now())
        return self.wait_after(f"HTTP {response.status_code}", retry_after, self.policy.jitter())


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and retries idempotent requests per a ``RetryPolicy``; bodies over
    ``max_response_size`` bytes (before or after inflating) are refused. It waits on the policy's clock.
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        stats: ClientStats,
        *,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._stats = stats
        self._max_response_size = max_response_size

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._policy, self._stats)
        while True:
            attempts.start()
            try:
                attempts.bound_timeouts()
                response = self._inner.handle_request(request)
                if not response.is_stream_consumed:
                    response = self._read(attempts, response)
            except RETRY_ERRORS as exc:
                wait = attempts.wait_after(type(exc).__name__, None, self._policy.jitter())
                if wait is None and not attempts.expired:
                    raise
            else:
                wait = attempts.wait_for(response)
                if wait is None:
                    return response
            if wait is None:  # raised here, out of the except clause, so the httpx error is not its __context__
                raise attempts.deadline_error()
            self._policy.sleep(wait)

    def _read(self, attempts: _Attempts, streamed: httpx.Response) -> httpx.Response:
        """The body in bounded steps, checking the deadline after each (a trickle never times out a read)."""
        try:
            body = BoundedBody(attempts.request, streamed, self._max_response_size)
            for chunk in streamed.iter_raw():
                body.add(chunk)
                if attempts.expired:
                    raise attempts.deadline_error()
        finally:
            streamed.close()
        return body.response()

    def close(self) -> None:
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        stats: ClientStats,
        *,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._stats = stats
        self._max_response_size = max_response_size

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(request, self._policy, self._stats)
        while True:
            attempts.start()
            try:
                async with asyncio.timeout(attempts.remaining()):  # cancels the attempt, wherever it waits
                    response = await self._inner.handle_async_request(request)
                    if not response.is_stream_consumed:
                        response = await self._read(attempts, response)
            except TimeoutError:
                wait = None
            except RETRY_ERRORS as exc:
                wait = attempts.wait_after(type(exc).__name__, None, self._policy.jitter())
                if wait is None and not attempts.expired:
                    raise
            else:
                wait = attempts.wait_for(response)
                if wait is None:
                    return response
            if wait is None:  # raised here, out of the except clause, so no other error is its __context__
                raise attempts.deadline_error()
            await self._policy.async_sleep(wait)

    async def _read(self, attempts: _Attempts, streamed: httpx.Response) -> httpx.Response:
        try:
            body = BoundedBody(attempts.request, streamed, self._max_response_size)
            async for chunk in streamed.aiter_raw():
                body.add(chunk)
        finally:
            await streamed.aclose()
        return body.response()

    async def aclose(self) -> None:
        await self._inner.aclose()


__all__ = ["AsyncRetryTransport", "RetryPolicy", "RetryTransport", "retry_after_seconds"]
