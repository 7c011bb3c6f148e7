"""Fan out from the customer listing to every customer's license insights.

A workflow over many calls, so it sits above the generated client: it pages through
``GET /v1/customers`` and, while later pages are still arriving, fetches each customer's
deployment or usage insights with a bounded number of requests in flight. Throttling is left
to the client's retry layer. Results are yielded as they arrive; a customer whose call fails
is reported in its result, never raised mid-stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import AsyncIterator, Generator, Iterable
from enum import StrEnum
from typing import TypeAlias

import attrs
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_customer_licenses_deployment, get_customer_licenses_usage
from partner_center_analytics.api.customers import list_customers
from partner_center_analytics.errors import PartnerCenterError
from partner_center_analytics.models import (
    Customer,
    CustomerLicensesDeploymentInsightsCollection,
    CustomerLicensesUsageInsightsCollection,
    ListCustomersSeekOperation,
)

DEFAULT_CONCURRENCY = 16
DEFAULT_PAGE_SIZE = 500

Insights: TypeAlias = CustomerLicensesDeploymentInsightsCollection | CustomerLicensesUsageInsightsCollection


class InsightKind(StrEnum):
    """Which customer-level insight to fetch."""

    DEPLOYMENT = "deployment"
    USAGE = "usage"


@attrs.frozen
class CustomerResult:
    """One customer's outcome: ``insights`` on success, ``error`` otherwise (exactly one is set)."""

    customer: Customer
    insights: Insights | None = None
    error: PartnerCenterError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def iter_customers(client: AuthenticatedClient, *, page_size: int = DEFAULT_PAGE_SIZE) -> AsyncIterator[Customer]:
    """Every customer of the partner, page by page, following the continuation token."""
    page = await list_customers.asyncio(client=client, size=page_size)
    while True:
        for customer in page.items:
            yield customer
        token = page.continuation_token
        if not isinstance(token, str) or not token:
            return
        page = await list_customers.asyncio(
            client=client, size=page_size, seek_operation=ListCustomersSeekOperation.NEXT, ms_continuation_token=token
        )


async def _fetch(client: AuthenticatedClient, kind: InsightKind, customer: Customer) -> CustomerResult:
    try:
        if kind is InsightKind.DEPLOYMENT:
            insights: Insights = await get_customer_licenses_deployment.asyncio(customer.id, client=client)
        else:
            insights = await get_customer_licenses_usage.asyncio(customer.id, client=client)
    except PartnerCenterError as error:
        return CustomerResult(customer=customer, error=error)
    return CustomerResult(customer=customer, insights=insights)


async def fan_out(
    client: AuthenticatedClient,
    kind: InsightKind = InsightKind.DEPLOYMENT,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    page_size: int = DEFAULT_PAGE_SIZE,
    customers: Iterable[Customer] | None = None,
) -> AsyncIterator[CustomerResult]:
    """Yield one result per customer, in completion order, with at most ``concurrency`` calls in flight.

    ``customers`` defaults to every customer of the partner (listed as the results flow). A failure
    of that listing is raised: without it there is nothing to fan out over.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    pending: asyncio.Queue[Customer | None] = asyncio.Queue(maxsize=concurrency * 2)
    results: asyncio.Queue[CustomerResult | BaseException | None] = asyncio.Queue()

    async def produce() -> None:
        try:
            if customers is None:
                async for customer in iter_customers(client, page_size=page_size):
                    await pending.put(customer)
            else:
                for customer in customers:
                    await pending.put(customer)
        except BaseException as error:  # the listing failed: surface it to the consumer
            await results.put(error)
        finally:
            for _ in range(concurrency):
                await pending.put(None)

    async def work() -> None:
        while (customer := await pending.get()) is not None:
            await results.put(await _fetch(client, kind, customer))
        await results.put(None)

    tasks = [asyncio.create_task(produce()), *(asyncio.create_task(work()) for _ in range(concurrency))]
    try:
        finished_workers = 0
        while finished_workers < concurrency:
            item = await results.get()
            if item is None:
                finished_workers += 1
            elif isinstance(item, BaseException):
                raise item
            else:
                yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def fan_out_sync(
    client: AuthenticatedClient,
    kind: InsightKind = InsightKind.DEPLOYMENT,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    page_size: int = DEFAULT_PAGE_SIZE,
    customers: Iterable[Customer] | None = None,
) -> Generator[CustomerResult, None, None]:
    """The same as :func:`fan_out` for synchronous callers: an event loop runs in a helper thread.

    The calls go through a copy of ``client`` (same settings, its own connection pool), because an
    httpx async pool belongs to the event loop that opened it.
    """
    worker = attrs.evolve(client)
    handoff: queue.Queue[CustomerResult | BaseException | None] = queue.Queue(maxsize=concurrency * 2)
    stop = threading.Event()

    async def pump() -> None:
        try:
            async with worker:
                async for result in fan_out(
                    worker, kind, concurrency=concurrency, page_size=page_size, customers=customers
                ):
                    if stop.is_set():
                        return
                    await asyncio.to_thread(handoff.put, result)
        except BaseException as error:
            handoff.put(error)
        else:
            handoff.put(None)

    thread = threading.Thread(target=asyncio.run, args=(pump(),), name="pcinsights-fanout", daemon=True)
    thread.start()
    try:
        while (item := handoff.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a pump waiting on a full hand-off queue
            with contextlib.suppress(queue.Empty):
                handoff.get(timeout=0.05)
        thread.join()
