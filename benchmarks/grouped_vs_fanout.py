"""Per-customer figures two ways through a throttled, slow emulator (100 req/s, 50 ms): the legacy fan-out (the
customer listing, then one call per customer) vs one commercial query grouped by ``customerTenantId`` (its pages
through the generated pager). Both are measured at N customers, and their figures checked equal; the fan-out is
extrapolated to 100,000 customers (its requests at its measured rate), the grouped query measured there too.
Each ratio is the fan-out's time over the grouped query's: how many times faster one query is.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass

from emulator_process import emulator_process, token_for
from figures import Figure, Goal
from partner_center_analytics import AuthenticatedClient, RetryPolicy
from partner_center_analytics.api.analytics import get_licenses_deployment
from partner_center_analytics.models import CustomerLicensesDeploymentInsightsCollection

from pcinsights.fanout import fan_out
from pcinsights.insights import InsightKind

PATIENT = RetryPolicy(max_attempts=20, base_delay=0.05, max_delay=2.0, max_total_wait=300.0, deadline=600.0)
GOAL = Goal(">=", 100.0)  # the grouped query at least 100x faster


@dataclass(frozen=True)
class Setup:
    customers: int
    target: int = 100_000
    latency_ms: float = 50
    rate_limit: float = 100
    concurrency: int = 32
    page_size: int = 500

    def flags(self, customers: int) -> tuple[str, ...]:
        return (
            f"--customers={customers}",
            f"--latency-ms={self.latency_ms:g}",
            f"--rate-limit={self.rate_limit:g}",
        )


@dataclass(frozen=True)
class Run:
    wall: float
    requests: int
    figures: dict[str, tuple[int, int]]  # upper-case tenant id: (licensesDeployed, licensesSold)


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


async def _fan_out(base_url: str, setup: Setup) -> Run:
    figures: dict[str, tuple[int, int]] = {}
    async with AuthenticatedClient(base_url=base_url, token=token_for(base_url), retry=PATIENT) as client:
        start = time.perf_counter()
        async for result in fan_out(
            client, InsightKind.DEPLOYMENT, concurrency=setup.concurrency, page_size=setup.page_size
        ):
            if not isinstance(result.insights, CustomerLicensesDeploymentInsightsCollection):
                raise RuntimeError(f"the fan-out failed for a customer: {result.error}")
            items = result.insights.items
            if items:
                figures[str(result.customer.id).upper()] = (
                    sum(_count(item.licenses_deployed) for item in items),
                    sum(_count(item.licenses_sold) for item in items),
                )
        return Run(time.perf_counter() - start, client.stats.requests, figures)


def _grouped(base_url: str) -> Run:
    with AuthenticatedClient(base_url=base_url, token=token_for(base_url), retry=PATIENT, timeout=None) as client:
        # A moment before any processing: the emulator builds its tables (once, excluded) and answers no rows.
        get_licenses_deployment.sync(client=client, processed_date_time="2000-01-01")
        before = client.stats.requests
        start = time.perf_counter()
        figures = {
            str(row.customer_tenant_id).upper(): (_count(row.licenses_deployed), _count(row.licenses_sold))
            for row in get_licenses_deployment.iter_rows(client=client, groupby="customerTenantId")
        }
        return Run(time.perf_counter() - start, client.stats.requests - before, figures)


def run(setup: Setup) -> list[Figure]:
    with emulator_process(*setup.flags(setup.customers)) as base_url:
        fanned = asyncio.run(_fan_out(base_url, setup))
        grouped = _grouped(base_url)
    with emulator_process(*setup.flags(setup.target)) as base_url:
        at_target = _grouped(base_url)
    same = fanned.figures == grouped.figures
    rate = fanned.requests / fanned.wall
    target_requests = setup.target + math.ceil(setup.target / setup.page_size)
    extrapolated = target_requests / rate
    where = f"{setup.latency_ms:.0f} ms latency, {setup.rate_limit:.0f} req/s throttle"
    return [
        Figure(
            "fan-out vs grouped query (measured)",
            f"fan-out {fanned.wall:.2f} s, {fanned.requests} requests",
            f"groupby=customerTenantId {grouped.wall:.2f} s, {grouped.requests} requests",
            fanned.wall / grouped.wall,
            also_required=same,
            detail=f"{setup.customers} customers, both measured; {where}; concurrency {setup.concurrency}; "
            f"per-customer figures equal: {same} ({len(grouped.figures)} customers with licenses)",
        ),
        Figure(
            "fan-out vs grouped query (extrapolated)",
            f"fan-out {extrapolated:.0f} s, {target_requests} requests (extrapolated)",
            f"groupby=customerTenantId {at_target.wall:.2f} s, {at_target.requests} requests (measured)",
            extrapolated / at_target.wall,
            GOAL,
            also_required=same,
            detail=f"{setup.target:,} customers; fan-out: one request per customer + listing pages of "
            f"{setup.page_size}, at its measured {rate:.1f} req/s; grouped: {len(at_target.figures)} customers' "
            f"rows, tenant build excluded; {where}; goal also needs equal figures at {setup.customers}",
        ),
    ]
