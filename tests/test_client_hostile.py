"""The generated client against a hostile server on loopback: bounded memory (a gzip bomb, endless bodies),
bounded time (a stall after the headers, a trickled body or head), unreadable Retry-After values, and the
token out of reach of every error, over real HTTP, sync and async."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from types import FunctionType, ModuleType
from typing import Any

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from partner_center_analytics import (
    AuthenticatedClient,
    ConnectionFailedError,
    DeadlineExceededError,
    PartnerCenterError,
    RetryPolicy,
    ServerError,
    ThrottledError,
    UnexpectedResponseError,
)
from partner_center_analytics._retry import retry_after_seconds
from partner_center_analytics.api.analytics import get_partner_licenses_deployment

from tests import _hostile
from tests._client import TOKEN, call
from tests._hostile import Hostile, hostile_server

MIB = 1 << 20
FAST = RetryPolicy(base_delay=0.01, max_delay=0.02)
# An HTTP date whose hour has twenty digits: email.utils parses it, datetime overflows.
HUGE_HOUR = "Sun, 06 Nov 1994 99999999999999999999:49:37 GMT"


def _client(server: Hostile, **options: Any) -> AuthenticatedClient:
    options.setdefault("retry", FAST)
    return AuthenticatedClient(base_url=server.url, token=TOKEN, **options)


async def _fails(mode: str, server: Hostile, **options: Any) -> PartnerCenterError:
    with pytest.raises(PartnerCenterError) as caught:
        await call(mode, get_partner_licenses_deployment, client=_client(server, **options))
    return caught.value


# 1. Bounded memory.


async def test_a_gzip_bomb_is_refused_within_a_few_times_the_limit(mode: str) -> None:
    with hostile_server(_hostile.gzip_bomb(64 * MIB)) as server:
        tracemalloc.start()
        try:
            error = await _fails(mode, server, max_response_size=MIB)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert type(error) is UnexpectedResponseError
    assert "once inflated" in str(error) and "max_response_size" in str(error)
    assert error.status_code == 200 and error.request_id
    assert peak < 4 * MIB, f"{peak:,} bytes held for a body limited to {MIB:,}"
    assert len(server.heads) == 1  # a body that is too large is not retried


@pytest.mark.parametrize("declared", [300_000_000, None], ids=["content-length", "chunked"])
async def test_a_body_over_the_limit_is_refused(mode: str, declared: int | None) -> None:
    with hostile_server(_hostile.endless_body(declared=declared)) as server:
        error = await _fails(mode, server, max_response_size=MIB)
    assert type(error) is UnexpectedResponseError
    assert ("Content-Length 300,000,000" if declared else "on the wire") in str(error)


@pytest.mark.parametrize("over", [0, 1])
async def test_the_limit_counts_the_inflated_body(mode: str, over: int) -> None:
    body = _hostile.JSON_OK[:-1] + b" " * (MIB - len(_hostile.JSON_OK)) + b"}"
    assert len(body) == MIB
    with hostile_server(_hostile.gzipped(body)) as server:
        client = _client(server, max_response_size=MIB - over)
        if over:
            with pytest.raises(UnexpectedResponseError, match="once inflated"):
                await call(mode, get_partner_licenses_deployment, client=client)
        else:
            assert (await call(mode, get_partner_licenses_deployment, client=client)).total_count == 0


# 2. Retry-After the client cannot read: ignored, backoff applies, never an exception.


@pytest.mark.parametrize("value", ["²", HUGE_HOUR])
@pytest.mark.parametrize(("status", "error"), [("429 Too Many Requests", ThrottledError), ("503 No", ServerError)])
@pytest.mark.parametrize("attempts", [1, 3], ids=["decoder", "retry layer"])
async def test_an_unreadable_retry_after_is_ignored(
    mode: str, value: str, status: str, error: type[PartnerCenterError], attempts: int
) -> None:
    behaviour = _hostile.reply(status, f"Retry-After: {value}", body=b'{"code": 1, "description": "busy"}')
    with hostile_server(behaviour) as server:
        caught = await _fails(mode, server, retry=RetryPolicy(max_attempts=attempts, base_delay=0.01))
    assert type(caught) is error
    assert len(server.heads) == attempts
    if isinstance(caught, ThrottledError):
        assert caught.retry_after is None


@given(
    st.text()
    | st.from_regex(r"\A[A-Za-z]{3}, \d{1,3} [A-Za-z]{3} \d{1,30} \d{1,30}:\d{1,30}:\d{1,30} [A-Z+\-0-9]{1,5}\Z")
)
@example("²")
@example(HUGE_HOUR)
@example("9" * 400)
def test_retry_after_of_any_text_is_seconds_or_none(value: str) -> None:
    seconds = retry_after_seconds(value, 1_700_000_000.0)
    assert seconds is None or seconds >= 0


# 3. One deadline per call.


@pytest.mark.parametrize("where", ["policy", "client"])
@pytest.mark.parametrize(
    "behaviour",
    [_hostile.stall_after_headers, _hostile.trickle(0.05), _hostile.trickle(0.05, in_head=True)],
    ids=["stall after headers", "trickled body", "trickled head"],
)
async def test_a_call_ends_at_its_deadline(mode: str, where: str, behaviour: _hostile.Behaviour) -> None:
    deadline = 0.6
    options: dict[str, Any] = {"retry": RetryPolicy(deadline=deadline, base_delay=0.01)}
    if where == "client":
        options = {"retry": RetryPolicy(base_delay=0.01), "deadline": deadline}
    with hostile_server(behaviour) as server:
        started = time.monotonic()
        error = await _fails(mode, server, **options)
        elapsed = time.monotonic() - started
    assert type(error) is DeadlineExceededError
    assert error.deadline == deadline and "deadline of 0.6 s passed" in str(error)
    assert error.request_id and error.correlation_id
    # The deadline's promise (the defaults would take 155 s, or for ever): over at the deadline, give or take.
    assert elapsed < deadline + 2.0, elapsed


async def test_the_deadline_stops_the_retrying_of_a_dropped_connection(mode: str) -> None:
    deadline = 0.5
    with hostile_server(_hostile.drop_connection) as server:
        started = time.monotonic()
        error = await _fails(mode, server, retry=RetryPolicy(max_attempts=1000, base_delay=0.05, deadline=deadline))
        elapsed = time.monotonic() - started
    # The last attempt's error (a wait past the deadline is not taken), or the deadline's if it passed mid-attempt.
    assert isinstance(error, ConnectionFailedError)
    assert 1 < len(server.heads) < 1000
    assert elapsed < deadline + 2.0, elapsed


# 4. The token out of reach of every error.


def _reachable_text(root: BaseException) -> Iterator[str]:
    """Every str and bytes reachable from ``root`` through causes, contexts, args and attributes (no frames)."""
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        obj = stack.pop()
        if obj is None or id(obj) in seen or isinstance(obj, type | ModuleType | FunctionType | int | float):
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            yield obj
        elif isinstance(obj, bytes | bytearray | memoryview):
            yield bytes(obj).decode("latin-1")
        elif isinstance(obj, dict):
            stack += [*obj.keys(), *obj.values()]
        elif isinstance(obj, list | tuple | set | frozenset):
            stack += list(obj)
        else:
            if isinstance(obj, BaseException):
                stack += [obj.__cause__, obj.__context__, *obj.args]
            if isinstance(obj, httpx.Headers):
                stack += list(obj.raw)
            stack += list(getattr(obj, "__dict__", {}).values())
            stack += [getattr(obj, name, None) for name in getattr(type(obj), "__slots__", ())]


def _chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


@pytest.mark.parametrize(
    ("behaviour", "options", "expected"),
    [
        (_hostile.drop_connection, {}, ConnectionFailedError),
        (_hostile.stall_after_headers, {"timeout": httpx.Timeout(0.2)}, ConnectionFailedError),
        (_hostile.stall_after_headers, {"deadline": 0.3}, DeadlineExceededError),
        (_hostile.gzip_bomb(4 * MIB), {"max_response_size": MIB}, UnexpectedResponseError),
    ],
    ids=["dropped", "read timeout", "deadline", "too large"],
)
async def test_no_error_reaches_the_token(
    mode: str, behaviour: _hostile.Behaviour, options: dict[str, Any], expected: type[PartnerCenterError]
) -> None:
    with hostile_server(behaviour) as server:
        error = await _fails(mode, server, retry=RetryPolicy(max_attempts=2, base_delay=0.01), **options)
    assert type(error) is expected
    assert all(f"Bearer {TOKEN}".encode() in head for head in server.heads)  # it was sent, so it could leak
    leaks = [text for text in _reachable_text(error) if TOKEN in text]
    assert not leaks, [type(e).__name__ for e in _chain(error)]


async def test_a_chained_network_error_keeps_its_request_redacted(mode: str) -> None:
    with hostile_server(_hostile.stall_after_headers) as server:
        error = await _fails(mode, server, retry=RetryPolicy(max_attempts=1), timeout=httpx.Timeout(0.2))
    cause = error.__cause__
    assert isinstance(cause, httpx.ReadTimeout) and error.__context__ is None
    assert cause.request.headers["Authorization"] == "[redacted]"
    assert cause.request.url.path == "/v1/analytics/licenses/deployment"


async def test_a_token_refused_as_a_header_value_is_not_reachable_either(mode: str) -> None:
    # httpx refuses the header before sending, quoting it in its LocalProtocolError: no cause, no context.
    bad = f"{TOKEN}\r\nX-Evil: 1"
    with hostile_server(_hostile.reply("200 OK")) as server:
        client = AuthenticatedClient(base_url=server.url, token=lambda: bad, retry=RetryPolicy(max_attempts=1))
        with pytest.raises(PartnerCenterError) as caught:
            await call(mode, get_partner_licenses_deployment, client=client)
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert not [text for text in _reachable_text(caught.value) if TOKEN in text]
