"""Fan out from the customer listing to every customer's license insights.

A workflow over many calls, so it sits above the generated client: it pages through
``GET /v1/customers`` and, while later pages are still arriving, fetches each customer's
insights of one kind (pcinsights.insights) with a bounded number of requests in flight. Throttling is left
to the client's retry layer. Results are yielded as they arrive; a customer whose call fails
is reported in its result, never raised mid-stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterable

import attrs
from partner_center_analytics import AuthenticatedClient, PartnerCenterError
from partner_center_analytics.api.customers import list_customers
from partner_center_analytics.models import Customer

from pcinsights.insights import InsightKind, Insights

DEFAULT_CONCURRENCY = 16
DEFAULT_PAGE_SIZE = 500


@attrs.frozen
class CustomerResult:
    """One customer's outcome: ``insights`` on success, ``error`` otherwise (exactly one is set)."""

    customer: Customer
    insights: Insights | None = None
    error: PartnerCenterError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def iter_customers(client: AuthenticatedClient, *, page_size: int = DEFAULT_PAGE_SIZE) -> AsyncIterator[Customer]:
    """Every customer of the partner: the listing's generated pager, which follows the continuation token."""
    return list_customers.aiter_rows(client=client, size=page_size)


async def _fetch(client: AuthenticatedClient, kind: InsightKind, customer: Customer) -> CustomerResult:
    try:
        insights = await kind.value.customer(customer.id, client=client)
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
) -> AsyncGenerator[CustomerResult, None]:
    """Yield one result per customer, in completion order, with at most ``concurrency`` calls in flight.

    ``customers`` defaults to every customer of the partner (listed as the results flow). A failure
    of that listing is raised: without it there is nothing to fan out over.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    pending: asyncio.Queue[Customer | None] = asyncio.Queue(maxsize=concurrency * 2)
    results: asyncio.Queue[CustomerResult | Exception | None] = asyncio.Queue(maxsize=concurrency * 2)

    # Only Exception is caught below: a cancellation (the consumer stopped) must end the tasks at once.
    async def produce() -> None:
        try:
            if customers is None:
                async for customer in iter_customers(client, page_size=page_size):
                    await pending.put(customer)
            else:
                for customer in customers:
                    await pending.put(customer)
        except Exception as error:  # the listing failed: surface it to the consumer
            await results.put(error)
            return
        for _ in range(concurrency):
            await pending.put(None)

    async def work() -> None:
        try:
            while (customer := await pending.get()) is not None:
                await results.put(await _fetch(client, kind, customer))
        except Exception as error:  # a bug, not a per-customer failure: stop the stream with it
            await results.put(error)
            return
        await results.put(None)

    tasks = [asyncio.create_task(produce()), *(asyncio.create_task(work()) for _ in range(concurrency))]
    try:
        finished_workers = 0
        while finished_workers < concurrency:
            item = await results.get()
            if item is None:
                finished_workers += 1
            elif isinstance(item, Exception):
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
    worker.stats = client.stats  # the caller's counters keep counting
    handoff: queue.Queue[CustomerResult | Exception | None] = queue.Queue(maxsize=concurrency * 2)

    async def pump() -> None:
        try:
            async with worker:
                async for result in fan_out(
                    worker, kind, concurrency=concurrency, page_size=page_size, customers=customers
                ):
                    await asyncio.to_thread(handoff.put, result)
        except Exception as error:
            await asyncio.to_thread(handoff.put, error)
        else:
            await asyncio.to_thread(handoff.put, None)

    loop = asyncio.new_event_loop()
    task = loop.create_task(pump())

    def run() -> None:
        try:
            loop.run_until_complete(asyncio.wait([task]))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="pcinsights-fanout", daemon=True)
    thread.start()
    try:
        while (item := handoff.get()) is not None:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        loop.call_soon_threadsafe(task.cancel)
        while thread.is_alive():  # unblock a hand-off waiting on the full queue
            with contextlib.suppress(queue.Empty):
                handoff.get(timeout=0.05)
        thread.join()
