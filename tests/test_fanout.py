"""The fan-out helper against a real emulator over loopback: throttled, complete, exactly once."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from partner_center_analytics import AuthenticatedClient, NotFoundError, RetryPolicy
from partner_center_analytics.models import Customer, CustomerLicensesDeploymentInsightsCollection

from pcinsights import fanout
from pcinsights.emulator import RunningEmulator
from pcinsights.fanout import CustomerResult, fan_out, fan_out_sync, iter_customers
from pcinsights.insights import InsightKind
from tests._support import token_for

PATIENT = RetryPolicy(max_attempts=12, base_delay=0.05, max_delay=2.0, max_total_wait=120.0)


def _client(emulator: RunningEmulator) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator), retry=PATIENT)


@pytest.mark.slow
@pytest.mark.xdist_group("fanout")
async def test_many_customers_through_a_throttle_arrive_exactly_once(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    # A bucket of R tokens refilled at R/s engages for N requests once the client sends faster than R*N/(N-R):
    # 46 requests/s here, well below what even a loaded 2-core machine sends over loopback (60-80/s seen).
    emulator = pcinsights_start_emulator(customers=300, rate_limit=40.0, retry_after=1)
    client = _client(emulator)
    async with client:
        seen = Counter[str]()
        async for result in fan_out(client, InsightKind.DEPLOYMENT, concurrency=32, page_size=200):
            assert result.error is None, result.error
            assert isinstance(result.insights, CustomerLicensesDeploymentInsightsCollection)
            assert {item.customer_id for item in result.insights.items} <= {str(result.customer.id)}
            seen[str(result.customer.id)] += 1
    expected = {str(customer.id) for customer in emulator.world.customers}
    assert set(seen) == expected
    assert max(seen.values()) == 1
    assert emulator.stats.by_status.get(429, 0) > 0, "the throttle never engaged"
    assert client.stats.retries >= emulator.stats.by_status[429]


async def test_listing_pages_through_every_customer(pcinsights_start_emulator: Callable[..., RunningEmulator]) -> None:
    emulator = pcinsights_start_emulator(customers=57)
    async with _client(emulator) as client:
        ids = [str(customer.id) async for customer in iter_customers(client, page_size=10)]
    assert sorted(ids) == sorted(str(customer.id) for customer in emulator.world.customers)


async def test_a_failing_customer_is_reported_not_raised(emulator: RunningEmulator) -> None:
    known = list(emulator.world.customers)[:5]
    ghost = Customer(id=uuid.UUID("00000000-0000-4000-8000-000000000000"))
    customers = [Customer(id=uuid.UUID(str(c.id))) for c in known] + [ghost]
    async with _client(emulator) as client:
        results = [result async for result in fan_out(client, InsightKind.USAGE, customers=customers, concurrency=3)]
    assert len(results) == 6
    failed = [result for result in results if not result.ok]
    assert [result.customer.id for result in failed] == [ghost.id]
    assert isinstance(failed[0].error, NotFoundError)
    assert all(result.insights is not None for result in results if result.ok)


def test_sync_wrapper_streams_every_customer(pcinsights_start_emulator: Callable[..., RunningEmulator]) -> None:
    emulator = pcinsights_start_emulator(customers=30)
    with _client(emulator) as client:
        results = list(fan_out_sync(client, InsightKind.USAGE, concurrency=4, page_size=7))
        again = list(fan_out_sync(client, InsightKind.DEPLOYMENT, concurrency=2, page_size=50))
    for run in (results, again):
        assert sorted(str(r.customer.id) for r in run) == sorted(str(c.id) for c in emulator.world.customers)
        assert all(r.ok for r in run)


def test_sync_wrapper_can_stop_early(pcinsights_start_emulator: Callable[..., RunningEmulator]) -> None:
    emulator = pcinsights_start_emulator(customers=40)
    with _client(emulator) as client:
        stream = fan_out_sync(client, concurrency=2, page_size=5)
        first = next(stream)
        stream.close()
    assert first.ok


async def test_stopping_early_with_every_queue_full_ends_promptly(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    emulator = pcinsights_start_emulator(customers=200, latency=0.02)
    async with _client(emulator) as client:
        stream = fan_out(client, concurrency=2)
        first = await anext(stream)
        await asyncio.wait_for(stream.aclose(), timeout=10)  # used to hang: cancelled tasks waited on full queues
    assert first.ok


def test_sync_wrapper_stopping_early_with_slow_calls_ends_promptly(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    emulator = pcinsights_start_emulator(customers=300, latency=0.05)
    with _client(emulator) as client:
        stream = fan_out_sync(client, concurrency=1)
        first = next(stream)
        closer = threading.Thread(target=stream.close)
        closer.start()
        closer.join(timeout=10)
        assert not closer.is_alive(), "closing the stream hung"
    assert first.ok
    assert client.stats.requests >= 2, "the wrapper's calls count on the caller's client"


async def test_a_bug_in_a_worker_is_raised_not_hung(emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(*args: object) -> CustomerResult:
        raise RuntimeError("bug")

    monkeypatch.setattr(fanout, "_fetch", broken)
    async with _client(emulator) as client:
        with pytest.raises(RuntimeError, match="bug"):
            await asyncio.wait_for(_drain(fan_out(client, concurrency=3)), timeout=10)


async def test_a_failing_customer_source_is_raised(emulator: RunningEmulator) -> None:
    def customers() -> Iterator[Customer]:
        yield Customer(id=uuid.UUID(str(next(iter(emulator.world.customers)).id)))
        raise ValueError("source broke")

    async with _client(emulator) as client:
        with pytest.raises(ValueError, match="source broke"):
            await asyncio.wait_for(_drain(fan_out(client, customers=customers())), timeout=10)


async def _drain(stream: AsyncIterator[CustomerResult]) -> int:
    return len([result async for result in stream])
