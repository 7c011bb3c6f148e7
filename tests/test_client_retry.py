"""The retrying transport on its own, with a fake clock and sleep so that no test waits: which failures are
retried, how long it waits, when it gives up, what it logs, and the ids each attempt carries."""

from __future__ import annotations

import email.utils
import logging
from collections.abc import AsyncIterator, Callable, Iterator

import attrs
import httpx
import pytest
from partner_center_analytics import (
    AuthenticatedClient,
    ConnectionFailedError,
    RetryPolicy,
    ServerError,
    ThrottledError,
)
from partner_center_analytics._retry import retry_after_seconds
from partner_center_analytics.api.analytics import get_partner_licenses_deployment

from tests._client import call

OK_BODY = b'{"totalCount": 0, "items": []}'
NOW = 1_700_000_000.0

Reply = Callable[[httpx.Request], httpx.Response]


class Script:
    """Answers attempt n with replies[n] (the last one repeats) and records every request's headers."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = replies
        self.seen: list[httpx.Headers] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(httpx.Headers(request.headers))
        return self.replies[min(len(self.seen), len(self.replies)) - 1](request)


def status(code: int, **headers: str) -> Reply:
    return lambda request: httpx.Response(code, headers=headers, json={"code": code, "description": "x"})


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "application/json"}, content=OK_BODY)


def fail(error: type[httpx.TransportError]) -> Reply:
    def raise_(request: httpx.Request) -> httpx.Response:
        raise error("boom", request=request)

    return raise_


class _CutSync(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield OK_BODY[:10]
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


class _CutAsync(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield OK_BODY[:10]
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def truncated(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "application/json"}, stream=_CutSync())


def truncated_async(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "application/json"}, stream=_CutAsync())


class Harness:
    """A client whose retry policy runs on recorded sleeps and a fixed clock, over a scripted mock transport, in
    sync or async mode: the seams an app's own tests have too."""

    def __init__(self, mode: str, script: Script, policy: RetryPolicy, jitter: float = 0.5) -> None:
        self.mode = mode
        self.script = script
        self.sleeps: list[float] = []

        async def async_sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        policy = attrs.evolve(
            policy, sleep=self.sleeps.append, async_sleep=async_sleep, now=lambda: NOW, jitter=lambda: jitter
        )
        self.client = AuthenticatedClient(
            base_url="https://pc.test", token="t", retry=policy, httpx_args={"transport": httpx.MockTransport(script)}
        )
        self.stats = self.client.stats

    async def get(self, method: str = "GET", **headers: str) -> httpx.Response:
        url = "/v1/analytics/licenses/deployment"
        if self.mode == "sync":
            http = self.client.get_httpx_client()
            return http.send(http.build_request(method, url, headers=headers))
        async_http = self.client.get_async_httpx_client()
        return await async_http.send(async_http.build_request(method, url, headers=headers))


FAST = RetryPolicy(max_attempts=4, base_delay=1.0, max_delay=8.0, max_total_wait=100.0)


@pytest.mark.parametrize("code", [429, 502, 503, 504])
async def test_transient_statuses_are_retried_until_success(mode: str, code: int) -> None:
    harness = Harness(mode, Script(status(code), status(code), ok), FAST)
    response = await harness.get()
    assert response.status_code == 200
    assert response.content == OK_BODY
    assert (harness.stats.requests, harness.stats.retries) == (3, 2)


@pytest.mark.parametrize("code", [400, 401, 403, 404, 500, 501])
async def test_other_statuses_are_not_retried(mode: str, code: int) -> None:
    harness = Harness(mode, Script(status(code), ok), FAST)
    assert (await harness.get()).status_code == code
    assert harness.stats.requests == 1
    assert harness.sleeps == []


@pytest.mark.parametrize(
    "error", [httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError]
)
async def test_connection_errors_are_retried(mode: str, error: type[httpx.TransportError]) -> None:
    harness = Harness(mode, Script(fail(error), ok), FAST)
    assert (await harness.get()).status_code == 200
    assert harness.stats.retries == 1


async def test_a_body_cut_off_mid_way_is_retried(mode: str) -> None:
    harness = Harness(mode, Script(truncated if mode == "sync" else truncated_async, ok), FAST)
    response = await harness.get()
    assert response.content == OK_BODY
    assert harness.stats.retries == 1


async def test_only_idempotent_requests_are_retried(mode: str) -> None:
    harness = Harness(mode, Script(status(503), ok), FAST)
    assert (await harness.get("POST")).status_code == 503
    harness = Harness(mode, Script(fail(httpx.ConnectError), ok), FAST)
    with pytest.raises(httpx.ConnectError):
        await harness.get("POST")
    assert harness.stats.requests == 1


async def test_gives_up_after_max_attempts_and_returns_the_last_answer(mode: str) -> None:
    harness = Harness(mode, Script(status(503)), FAST)
    assert (await harness.get()).status_code == 503
    assert (harness.stats.requests, harness.stats.retries) == (4, 3)
    assert len(harness.sleeps) == 3


async def test_connection_error_after_max_attempts_is_raised(mode: str) -> None:
    harness = Harness(mode, Script(fail(httpx.ConnectError)), FAST)
    with pytest.raises(httpx.ConnectError):
        await harness.get()
    assert harness.stats.requests == 4


async def test_exponential_backoff_with_full_jitter(mode: str) -> None:
    harness = Harness(mode, Script(status(503)), RetryPolicy(max_attempts=6, base_delay=1.0, max_delay=5.0), 0.5)
    await harness.get()
    # jitter 0.5 of min(max_delay, base * 2**n): 1, 2, 4, 8 -> 5, 16 -> 5
    assert harness.sleeps == [0.5, 1.0, 2.0, 2.5, 2.5]


async def test_retry_after_seconds_is_honoured(mode: str) -> None:
    harness = Harness(mode, Script(status(429, **{"Retry-After": "7"}), ok), FAST)
    await harness.get()
    assert harness.sleeps == [7.0]


async def test_retry_after_http_date_is_honoured(mode: str) -> None:
    date = email.utils.formatdate(NOW + 12, usegmt=True)
    harness = Harness(mode, Script(status(503, **{"Retry-After": date}), ok), FAST)
    await harness.get()
    assert harness.sleeps == [12.0]


async def test_retry_after_beyond_the_budget_ends_retrying(mode: str) -> None:
    policy = RetryPolicy(max_attempts=5, base_delay=1.0, max_total_wait=30.0)
    harness = Harness(mode, Script(status(429, **{"Retry-After": "57"}), ok), policy)
    response = await harness.get()
    assert response.status_code == 429
    assert harness.sleeps == []


async def test_max_total_wait_bounds_the_sum_of_waits(mode: str) -> None:
    policy = RetryPolicy(max_attempts=10, base_delay=4.0, max_delay=4.0, max_total_wait=10.0)
    harness = Harness(mode, Script(status(503)), policy, jitter=1.0)
    assert (await harness.get()).status_code == 503
    assert harness.sleeps == [4.0, 4.0]


async def test_max_attempts_one_disables_retrying(mode: str) -> None:
    harness = Harness(mode, Script(status(503), ok), RetryPolicy(max_attempts=1))
    assert (await harness.get()).status_code == 503
    assert harness.stats.requests == 1


async def test_a_new_request_id_after_an_answer_the_same_after_none_and_one_correlation_id(mode: str) -> None:
    script = Script(status(503), fail(httpx.ReadError), ok)
    harness = Harness(mode, script, FAST)
    await harness.get(**{"MS-RequestId": "caller-id", "MS-CorrelationId": "corr"})
    ids = [headers["MS-RequestId"] for headers in script.seen]
    assert ids[0] == "caller-id"
    assert ids[1] != ids[0]  # the 503 was an answer
    assert ids[2] == ids[1]  # the ReadError was none
    assert [headers["MS-CorrelationId"] for headers in script.seen] == ["corr"] * 3


async def test_a_request_without_an_id_gets_one(mode: str) -> None:
    script = Script(ok)
    await Harness(mode, script, FAST).get()
    assert len(script.seen[0]["MS-RequestId"]) == 36


async def test_each_retry_is_logged_at_info(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    harness = Harness(mode, Script(status(503), fail(httpx.ReadError), ok), FAST)
    with caplog.at_level(logging.INFO, logger="partner_center_analytics"):
        await harness.get()
    records = [r for r in caplog.records if r.name == "partner_center_analytics"]
    assert [r.levelno for r in records] == [logging.INFO, logging.INFO]
    assert "after HTTP 503: attempt 2 of 4 in 0.50s" in records[0].getMessage()
    assert "after ReadError: attempt 3 of 4 in 1.00s" in records[1].getMessage()
    assert "GET /v1/analytics/licenses/deployment" in records[0].getMessage()


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0),
        (" 120 ", 120.0),
        (email.utils.formatdate(NOW + 30, usegmt=True), 30.0),
        (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_parsing(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(base_delay=-1)


# Through a whole client: defaults need no configuration and errors come out typed.


def client_over(script: Script, **options: object) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="https://pc.test",
        token="unit-token",
        httpx_args={"transport": httpx.MockTransport(script)},
        **options,  # type: ignore[arg-type]
    )


async def test_client_defaults_send_ids_locale_and_accept(mode: str) -> None:
    script = Script(status(503, **{"Retry-After": "0"}), ok)
    client = client_over(script, retry=RetryPolicy(base_delay=0))
    await call(mode, get_partner_licenses_deployment, client=client)
    await call(mode, get_partner_licenses_deployment, client=client)
    first = script.seen[0]
    assert first["Accept"] == "application/json"
    assert first["X-Locale"] == "en-US"
    assert first["Authorization"] == "Bearer unit-token"
    assert {h["MS-CorrelationId"] for h in script.seen} == {client.correlation_id}
    assert len({h["MS-RequestId"] for h in script.seen}) == 3
    assert (client.stats.requests, client.stats.retries) == (3, 1)


async def test_client_and_call_overrides(mode: str) -> None:
    script = Script(ok)
    client = client_over(script, correlation_id="11111111-1111-1111-1111-111111111111", locale="de-DE")
    await call(mode, get_partner_licenses_deployment, client=client)
    await call(
        mode,
        get_partner_licenses_deployment,
        client=client,
        ms_correlation_id="c2",
        ms_request_id="r2",
        x_locale="fr-FR",
    )
    assert (script.seen[0]["MS-CorrelationId"], script.seen[0]["X-Locale"]) == (client.correlation_id, "de-DE")
    assert [script.seen[1][h] for h in ("MS-CorrelationId", "MS-RequestId", "X-Locale")] == ["c2", "r2", "fr-FR"]


async def test_client_raises_typed_errors_after_retries(mode: str) -> None:
    client = client_over(Script(status(503, **{"Retry-After": "0"})), retry=RetryPolicy(max_attempts=3, base_delay=0))
    with pytest.raises(ServerError):
        await call(mode, get_partner_licenses_deployment, client=client)
    assert client.stats.requests == 3
    throttled = client_over(Script(status(429, **{"Retry-After": "3600"})))
    with pytest.raises(ThrottledError) as caught:
        await call(mode, get_partner_licenses_deployment, client=throttled)
    assert caught.value.retry_after == 3600.0
    assert throttled.stats.requests == 1


async def test_connection_failure_is_typed_with_the_httpx_error_as_cause(mode: str) -> None:
    client = client_over(Script(fail(httpx.ConnectError)), retry=RetryPolicy(max_attempts=2, base_delay=0))
    with pytest.raises(ConnectionFailedError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert caught.value.status_code is None
    assert caught.value.request_id is not None
    assert caught.value.correlation_id == client.correlation_id
    assert client.stats.requests == 2


async def test_with_headers_keeps_auth_ids_and_retries(mode: str) -> None:
    script = Script(status(503, **{"Retry-After": "0"}), ok)
    client = client_over(script, retry=RetryPolicy(base_delay=0)).with_headers({"MS-PartnerCenter-Application": "app"})
    await call(mode, get_partner_licenses_deployment, client=client)
    assert [h["MS-PartnerCenter-Application"] for h in script.seen] == ["app", "app"]
    assert script.seen[1]["Authorization"] == "Bearer unit-token"
    assert client.stats.retries == 1
