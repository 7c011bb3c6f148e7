"""Fan-out: every customer's deployment insights through a throttled, slow emulator.

The fan-out is compared with the throttle's own limit (every call it needs, at the allowed rate)
and with the loop a person would write by hand, one call after another. The loop runs on a
sample of customers under its own token (its own throttle bucket) and is extrapolated.
"""

from __future__ import annotations

import asyncio
import math
import time
import uuid
from dataclasses import dataclass

from emulator_process import token_for
from figures import Figure, Goal
from partner_center_analytics import AuthenticatedClient, RetryPolicy
from partner_center_analytics.api.analytics import get_customer_licenses_deployment

from pcinsights.fanout import fan_out
from pcinsights.insights import InsightKind

PATIENT = RetryPolicy(max_attempts=20, base_delay=0.05, max_delay=2.0, max_total_wait=120.0)
GOAL = Goal(">=", 0.90)


@dataclass(frozen=True)
class Scenario:
    customers: int
    latency_ms: float
    rate_limit: float
    concurrency: int
    page_size: int
    sequential_sample: int

    @property
    def calls(self) -> int:
        """Requests the work needs: one per customer plus the listing pages."""
        return self.customers + math.ceil(self.customers / self.page_size)


@dataclass(frozen=True)
class FanOutRun:
    wall: float
    cpu: float
    customer_ids: list[str]
    failures: int
    requests: int
    retries: int


async def _fan_out(base_url: str, scenario: Scenario) -> FanOutRun:
    ids: list[str] = []
    failures = 0
    async with AuthenticatedClient(base_url=base_url, token=token_for(base_url), retry=PATIENT) as client:
        start, cpu = time.perf_counter(), time.process_time()
        async for result in fan_out(
            client, InsightKind.DEPLOYMENT, concurrency=scenario.concurrency, page_size=scenario.page_size
        ):
            ids.append(str(result.customer.id))
            failures += not result.ok
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return FanOutRun(wall, cpu, ids, failures, client.stats.requests, client.stats.retries)


def _sequential_per_call(base_url: str, customer_ids: list[str]) -> float:
    """Mean seconds per call of a plain loop over ``customer_ids``."""
    with AuthenticatedClient(base_url=base_url, token=token_for(base_url), retry=PATIENT) as client:
        start = time.perf_counter()
        for customer_id in customer_ids:
            get_customer_licenses_deployment.sync(uuid.UUID(customer_id), client=client)
        return (time.perf_counter() - start) / len(customer_ids)


def run(base_url: str, scenario: Scenario) -> list[Figure]:
    fanned = asyncio.run(_fan_out(base_url, scenario))
    if len(fanned.customer_ids) != scenario.customers:
        raise RuntimeError(f"the fan-out returned {len(fanned.customer_ids)} of {scenario.customers} customers")
    sample = fanned.customer_ids[: scenario.sequential_sample]
    sequential = _sequential_per_call(base_url, sample) * scenario.calls
    limit = scenario.calls / scenario.rate_limit
    throughput = scenario.calls / fanned.wall
    counts = (
        f"retries {fanned.retries}, failures {fanned.failures}, requests sent {fanned.requests}, "
        f"client CPU {fanned.cpu:.1f} s"
    )
    setup = f"{scenario.customers} customers, {scenario.latency_ms:.0f} ms latency, concurrency {scenario.concurrency}"
    return [
        Figure(
            "fan-out vs throttle limit",
            f"fan_out {throughput:.1f} req/s ({fanned.wall:.2f} s)",
            f"throttle {scenario.rate_limit:.0f} req/s (limit {limit:.2f} s for {scenario.calls} calls)",
            throughput / scenario.rate_limit,
            GOAL,
            also_required=fanned.failures == 0,
            detail=f"{setup}; {counts}; limit = calls / rate (no credit for the bucket's initial burst); "
            "goal also needs zero failures",
        ),
        Figure(
            "fan-out vs sequential",
            f"fan_out {fanned.wall:.2f} s",
            f"sequential loop {sequential:.1f} s",
            fanned.wall / sequential,
            detail=f"sequential extrapolated: mean of {len(sample)} back-to-back calls x {scenario.calls} calls; "
            f"fan-out {sequential / fanned.wall:.1f}x faster",
        ),
    ]
