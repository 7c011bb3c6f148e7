"""Fetch the insights a license command asks for (partner, customer, every customer, the customer list) and turn
them into rows keyed by the API's own field names."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, TypeAlias
from uuid import UUID

import attrs
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.models import Customer

from pcinsights.cli.logs import log
from pcinsights.cli.progress import FanOutProgress
from pcinsights.fanout import fan_out, iter_customers
from pcinsights.insights import InsightKind, Insights, Scope

Row = dict[str, Any]


@attrs.frozen
class InsightView:
    """Rows of one kind of insight at one scope: the descriptor gives the title and the chart."""

    kind: InsightKind
    scope: Scope

    @property
    def title(self) -> str:
        return self.kind.value.titles[self.scope]


@attrs.frozen
class ListView:
    """Rows that are no insight (the customer list): a title, and no chart."""

    title: str


View: TypeAlias = InsightView | ListView
CUSTOMERS = ListView("Customers")


@attrs.frozen
class Failure:
    """A customer whose insights could not be fetched."""

    customer: Customer
    error: Exception


@attrs.frozen
class Report:
    """Rows to print, and the customers that failed (only ``--all`` collects failures)."""

    view: View
    rows: list[Row]
    failures: Sequence[Failure] = ()


async def partner(client: AuthenticatedClient, kind: InsightKind) -> Report:
    started = time.perf_counter()
    async with client:
        collection = await kind.value.partner(client=client)
    rows = [item.to_dict() for item in collection.items]
    log.info("partner %s: %d rows in %.3fs", kind, len(rows), time.perf_counter() - started)
    return Report(InsightView(kind, Scope.PARTNER), rows)


async def customer(client: AuthenticatedClient, kind: InsightKind, customer_id: UUID) -> Report:
    started = time.perf_counter()
    async with client:
        insights = await kind.value.customer(customer_id, client=client)
    rows = _customer_rows(str(customer_id), insights)
    log.info("customer %s %s: %d rows in %.3fs", customer_id, kind, len(rows), time.perf_counter() - started)
    return Report(InsightView(kind, Scope.CUSTOMER), rows)


async def customers(client: AuthenticatedClient, *, page_size: int) -> Report:
    started = time.perf_counter()
    async with client:
        rows = [item.to_dict() async for item in iter_customers(client, page_size=page_size)]
    log.info("customers: %d in %.3fs", len(rows), time.perf_counter() - started)
    return Report(CUSTOMERS, rows)


async def every_customer(
    client: AuthenticatedClient, kind: InsightKind, *, concurrency: int, page_size: int, progress: FanOutProgress
) -> Report:
    """Every customer's rows in listing order; one customer's failure does not stop the others."""
    started = time.perf_counter()
    async with client:
        listed = [item async for item in iter_customers(client, page_size=page_size)]
        progress.start(len(listed))
        by_id: dict[str, list[Row]] = {}
        failures: list[Failure] = []
        async for result in fan_out(client, kind, concurrency=concurrency, page_size=page_size, customers=listed):
            if result.error is not None:
                failures.append(Failure(result.customer, result.error))
            elif result.insights is not None:
                by_id[str(result.customer.id)] = _customer_rows(str(result.customer.id), result.insights)
            progress.advance(failed=result.error is not None)
    rows = [row for item in listed for row in by_id.get(str(item.id), [])]
    log.info(
        "%s of %d customers: %d rows, %d failed, %d retries in %.3fs",
        kind,
        len(listed),
        len(rows),
        len(failures),
        client.stats.retries,
        time.perf_counter() - started,
    )
    return Report(InsightView(kind, Scope.EVERY_CUSTOMER), rows, failures)


def _customer_rows(customer_id: str, insights: Insights) -> list[Row]:
    """The items, each marked with its customer (the API's examples leave ``customerId`` out)."""
    rows = []
    for item in insights.items:
        row = item.to_dict()
        if not row.get("customerId"):
            row["customerId"] = customer_id
        rows.append(row)
    return rows
