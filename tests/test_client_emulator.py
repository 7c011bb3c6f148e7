"""The generated client against the real emulator over loopback, sync and async: request ids, the fault
switches (transient faults are retried away with nothing lost or duplicated, permanent ones raise the
right typed error), and the error statuses."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from partner_center_analytics import (
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    ConnectionFailedError,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
)
from partner_center_analytics.api.analytics import get_customer_licenses_deployment, get_partner_licenses_deployment
from partner_center_analytics.api.customers import list_customers
from partner_center_analytics.models import CustomerLicensesDeploymentInsightsCollection, ListCustomersSeekOperation

from pcinsights.emulator import RunningEmulator
from tests._support import TOKEN, FakeClock, call, token_for

Start = Callable[..., RunningEmulator]
# Patient enough that a 50% fault rate is ridden out, quick enough that the tests do not wait.
PATIENT = RetryPolicy(max_attempts=12, base_delay=0.001, max_delay=0.01, max_total_wait=30.0)


def client_for(emulator: RunningEmulator, token: Any = None, **options: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=emulator.base_url, token=token or token_for(emulator), **options)


async def all_customer_ids(mode: str, client: AuthenticatedClient) -> list[str]:
    """Page through the customer listing the way Partner Center pages it."""
    page = await call(mode, list_customers, client=client, size=7)
    ids = [str(customer.id) for customer in page.items]
    while page.continuation_token:
        page = await call(
            mode,
            list_customers,
            client=client,
            seek_operation=ListCustomersSeekOperation.NEXT,
            ms_continuation_token=page.continuation_token,
        )
        ids += [str(customer.id) for customer in page.items]
    return ids


async def deployment_of_every_customer(mode: str, client: AuthenticatedClient) -> dict[str, int]:
    """Each customer's deployment rows, counted; a lost or doubled row changes the counts."""
    counts: dict[str, int] = {}
    for customer_id in await all_customer_ids(mode, client):
        result: CustomerLicensesDeploymentInsightsCollection = await call(
            mode, get_customer_licenses_deployment, customer_id, client=client
        )
        assert customer_id not in counts
        counts[customer_id] = len(result.items)
        assert result.total_count == len(result.items)
    return counts


def expected_counts(emulator: RunningEmulator) -> dict[str, int]:
    world = emulator.world
    return {customer.id: len(world.customer_deployment(customer.id)) for customer in world.customers}


async def test_uuid_headers_reach_the_server(mode: str, emulator: RunningEmulator) -> None:
    request_id, correlation_id = uuid.uuid4(), uuid.uuid4()
    response = await call(
        mode,
        get_partner_licenses_deployment,
        detailed=True,
        client=client_for(emulator),
        ms_request_id=request_id,
        ms_correlation_id=correlation_id,
    )
    assert response.status_code == 200
    assert response.request_id == str(request_id)
    assert response.correlation_id == str(correlation_id)
    assert response.parsed.total_count == len(emulator.world.partner_deployment())


async def test_client_correlation_id_and_fresh_request_ids(mode: str, emulator: RunningEmulator) -> None:
    client = client_for(emulator)
    responses = [await call(mode, get_partner_licenses_deployment, detailed=True, client=client) for _ in range(3)]
    assert {r.correlation_id for r in responses} == {client.correlation_id}
    assert len({r.request_id for r in responses}) == 3
    assert all(uuid.UUID(r.request_id) for r in responses)


async def test_healthy_emulator_every_customer_exactly_once(mode: str, emulator: RunningEmulator) -> None:
    client = client_for(emulator)
    assert await deployment_of_every_customer(mode, client) == expected_counts(emulator)
    assert client.stats.retries == 0


async def test_transient_503_and_429_are_retried_nothing_lost_or_doubled(
    mode: str, pcinsights_start_emulator: Start
) -> None:
    emulator = pcinsights_start_emulator(customers=25, fail_503=0.3, fail_429=0.2, retry_after=0)
    client = client_for(emulator, retry=PATIENT)
    assert await deployment_of_every_customer(mode, client) == expected_counts(emulator)
    assert client.stats.retries > 0
    assert emulator.stats.faults["fail_503"] + emulator.stats.faults["fail_429"] == client.stats.retries
    assert client.stats.requests == emulator.stats.requests


async def test_permanent_503_raises_server_error_after_max_attempts(
    mode: str, pcinsights_start_emulator: Start
) -> None:
    emulator = pcinsights_start_emulator(fail_503=1.0, retry_after=0)
    client = client_for(emulator, retry=RetryPolicy(max_attempts=3, base_delay=0.001))
    with pytest.raises(ServerError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    error = caught.value
    assert (error.status_code, error.code) == (503, 503)
    assert error.description == "The service is temporarily unavailable."
    assert error.correlation_id == client.correlation_id
    assert error.request_id is not None
    assert (client.stats.requests, emulator.stats.by_status[503]) == (3, 3)


async def test_500_is_not_retried(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(fail_500=1.0)
    client = client_for(emulator)
    with pytest.raises(ServerError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    assert (caught.value.status_code, caught.value.code) == (500, 800003)
    assert client.stats.requests == 1


async def test_rate_limit_throttle_is_waited_out(
    mode: str, pcinsights_start_emulator: Start, fake_clock: FakeClock
) -> None:
    # One request per second: the second call is throttled for 1 s, on the clock both sides share.
    emulator = pcinsights_start_emulator(rate_limit=1, clock=fake_clock)
    client = client_for(emulator, retry=fake_clock.policy())
    results = [await call(mode, get_partner_licenses_deployment, client=client) for _ in range(2)]
    assert [r.total_count for r in results] == [len(emulator.world.partner_deployment())] * 2
    assert emulator.stats.faults.get("rate_limit", 0) > 0
    assert client.stats.retries == emulator.stats.faults["rate_limit"]
    assert fake_clock.sleeps == [1.0]  # the throttle's Retry-After, waited on the clock both sides share


async def test_byte_order_mark_is_accepted(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(customers=8, bom=True)
    client = client_for(emulator)
    assert await deployment_of_every_customer(mode, client) == expected_counts(emulator)
    assert emulator.stats.faults["bom"] > 0


async def test_connections_dropped_mid_body_are_retried(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(customers=20, drop_rate=0.3)
    client = client_for(emulator, retry=PATIENT)
    assert await deployment_of_every_customer(mode, client) == expected_counts(emulator)
    assert emulator.stats.faults["drop"] > 0
    assert client.stats.retries >= emulator.stats.faults["drop"]


async def test_transient_html_gateway_pages_are_retried(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(customers=20, html_rate=0.3)
    client = client_for(emulator, retry=PATIENT)
    assert await deployment_of_every_customer(mode, client) == expected_counts(emulator)
    assert client.stats.retries == emulator.stats.faults["html"] > 0


async def test_permanent_html_gateway_page_raises_server_error(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(html_rate=1.0)
    client = client_for(emulator, retry=RetryPolicy(max_attempts=2, base_delay=0.001))
    with pytest.raises(ServerError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    assert (caught.value.status_code, caught.value.code) == (502, None)
    assert client.stats.requests == 2


async def test_html_page_with_a_non_retried_status(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(html_rate=1.0, html_status=404)
    with pytest.raises(NotFoundError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator))
    assert caught.value.code is None
    detailed = await call(mode, get_partner_licenses_deployment, detailed=True, client=client_for(emulator))
    assert (detailed.status_code, detailed.parsed) == (404, None)


async def test_unauthorized_token(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={"the-only-good-token"})
    client = client_for(emulator, token="some-other-token")
    with pytest.raises(AuthenticationError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    assert caught.value.status_code == 401
    assert caught.value.request_id is not None
    assert emulator.stats.requests == 1


async def test_forbidden_token(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(forbidden_tokens={TOKEN})
    with pytest.raises(PermissionDeniedError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator, token=TOKEN))
    assert caught.value.status_code == 403


async def test_unknown_customer_is_not_found(mode: str, emulator: RunningEmulator) -> None:
    with pytest.raises(NotFoundError) as caught:
        await call(mode, get_customer_licenses_deployment, uuid.uuid4(), client=client_for(emulator))
    assert caught.value.status_code == 404
    assert caught.value.code is not None
    assert caught.value.request_id is not None


async def test_customer_id_that_is_not_a_uuid_is_a_bad_request(mode: str, emulator: RunningEmulator) -> None:
    with pytest.raises(BadRequestError):
        await call(mode, get_customer_licenses_deployment, "not-a-guid", client=client_for(emulator))


async def test_server_gone_raises_connection_failed(mode: str) -> None:
    with socket.socket() as sock:  # bound and held but never listening: connections are refused, no one can take it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        gone = AuthenticatedClient(
            base_url=f"http://127.0.0.1:{port}", token=TOKEN, retry=RetryPolicy(max_attempts=2, base_delay=0.001)
        )
        with pytest.raises(ConnectionFailedError) as caught:
            await call(mode, get_partner_licenses_deployment, client=gone)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert caught.value.status_code is None
    assert gone.stats.requests == 2


def test_stats_count_every_request_from_many_threads(emulator: RunningEmulator) -> None:
    client = client_for(emulator)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: get_partner_licenses_deployment.sync(client=client), range(40)))
    assert len(results) == 40
    assert (client.stats.requests, client.stats.retries) == (40, 0)
