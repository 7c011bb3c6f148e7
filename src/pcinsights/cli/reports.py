"""Fetch what a command asks for and turn it into rows keyed by the API's own field names."""

from __future__ import annotations

import time
from collections.abc import Sequence
from enum import StrEnum
from typing import Any
from uuid import UUID

import attrs
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import (
    get_customer_licenses_deployment,
    get_customer_licenses_usage,
    get_partner_licenses_deployment,
    get_partner_licenses_usage,
)
from partner_center_analytics.models import Customer

from pcinsights.cli.logs import log
from pcinsights.cli.progress import FanOutProgress
from pcinsights.fanout import InsightKind, Insights, fan_out, iter_customers

Row = dict[str, Any]


class View(StrEnum):
    """What the rows describe; decides the title, the columns and the chart."""

    PARTNER_DEPLOYMENT = "Partner licenses deployment"
    PARTNER_USAGE = "Partner licenses usage"
    CUSTOMER_DEPLOYMENT = "Customer licenses deployment"
    CUSTOMER_USAGE = "Customer licenses usage"
    ALL_DEPLOYMENT = "Licenses deployment of every customer"
    ALL_USAGE = "Licenses usage of every customer"
    LICENSES_DEPLOYMENT = "Licenses deployment"
    LICENSES_USAGE = "Licenses usage"
    CUSTOMERS = "Customers"

    @classmethod
    def partner(cls, kind: InsightKind) -> View:
        return cls.PARTNER_DEPLOYMENT if kind is InsightKind.DEPLOYMENT else cls.PARTNER_USAGE

    @classmethod
    def licenses(cls, kind: InsightKind) -> View:
        return cls.LICENSES_DEPLOYMENT if kind is InsightKind.DEPLOYMENT else cls.LICENSES_USAGE

    @classmethod
    def customer(cls, kind: InsightKind, *, every: bool) -> View:
        if kind is InsightKind.DEPLOYMENT:
            return cls.ALL_DEPLOYMENT if every else cls.CUSTOMER_DEPLOYMENT
        return cls.ALL_USAGE if every else cls.CUSTOMER_USAGE


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
        if kind is InsightKind.DEPLOYMENT:
            collection: Any = await get_partner_licenses_deployment.asyncio(client=client)
        else:
            collection = await get_partner_licenses_usage.asyncio(client=client)
    rows = [item.to_dict() for item in collection.items]
    log.info("partner %s: %d rows in %.3fs", kind, len(rows), time.perf_counter() - started)
    return Report(View.partner(kind), rows)


async def customer(client: AuthenticatedClient, kind: InsightKind, customer_id: UUID) -> Report:
    started = time.perf_counter()
    async with client:
        if kind is InsightKind.DEPLOYMENT:
            insights: Insights = await get_customer_licenses_deployment.asyncio(customer_id, client=client)
        else:
            insights = await get_customer_licenses_usage.asyncio(customer_id, client=client)
    rows = _customer_rows(str(customer_id), insights)
    log.info("customer %s %s: %d rows in %.3fs", customer_id, kind, len(rows), time.perf_counter() - started)
    return Report(View.customer(kind, every=False), rows)


async def customers(client: AuthenticatedClient, *, page_size: int) -> Report:
    started = time.perf_counter()
    async with client:
        rows = [item.to_dict() async for item in iter_customers(client, page_size=page_size)]
    log.info("customers: %d in %.3fs", len(rows), time.perf_counter() - started)
    return Report(View.CUSTOMERS, rows)


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
    return Report(View.customer(kind, every=True), rows, failures)


def _customer_rows(customer_id: str, insights: Insights) -> list[Row]:
    """The items, each marked with its customer (the API's examples leave ``customerId`` out)."""
    rows = []
    for item in insights.items:
        row = item.to_dict()
        if not row.get("customerId"):
            row["customerId"] = customer_id
        rows.append(row)
    return rows
