"""The insight kinds, one descriptor each: the one place that knows what a kind is.

A kind (deployment, usage) is fetched at four scopes: the partner's totals, one customer's, every customer's (a
fan-out of the customer call) and the commercial query (``pcinsights licenses``). Its descriptor names the
generated operation for each, the fields its commercial rows are filtered and grouped by (the spec's, from the
generated package), the two counts its figures are a share of, the titles, the chart and the CLI's help.
Fan-out and the CLI read everything kind-specific from here, so a new kind is one member of ``InsightKind``
(with the spec, the emulator and tests); CONTRIBUTING.md walks through it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from enum import Enum, StrEnum
from typing import Any, Protocol
from uuid import UUID

import attrs
from partner_center_analytics import AuthenticatedClient, Unset, query_fields
from partner_center_analytics.api.analytics import (
    get_customer_licenses_deployment,
    get_customer_licenses_usage,
    get_licenses_deployment,
    get_licenses_usage,
    get_partner_licenses_deployment,
    get_partner_licenses_usage,
)


class Scope(StrEnum):
    """Whose figures a report holds."""

    PARTNER = "partner"
    CUSTOMER = "customer"
    EVERY_CUSTOMER = "every customer"
    LICENSES = "licenses"  # the commercial query: every row, filtered and grouped as asked


class Item(Protocol):
    """A row of any insight, as a generated model holds it."""

    def to_dict(self) -> dict[str, Any]: ...


class Insights(Protocol):
    """A partner's or a customer's insights: a collection whose rows are ``items``."""

    @property
    def items(self) -> Sequence[Item]: ...


class Page(Protocol):
    """One page of a commercial query."""

    @property
    def value(self) -> Sequence[Item]: ...

    @property
    def total_count(self) -> int | Unset: ...


class PartnerCall(Protocol):
    def __call__(self, *, client: AuthenticatedClient) -> Awaitable[Insights]: ...


class CustomerCall(Protocol):
    def __call__(self, customer_id: UUID | str, *, client: AuthenticatedClient) -> Awaitable[Insights]: ...


class LicensesPages(Protocol):
    def __call__(
        self,
        *,
        client: AuthenticatedClient,
        top: int | Unset = ...,
        filter_: str | Unset = ...,
        groupby: str | Unset = ...,
        max_pages: int = ...,
    ) -> AsyncIterator[Page]: ...


@attrs.frozen
class Metrics:
    """The share a kind's figures measure: of the ``whole`` licenses, how many are ``part``."""

    part: str
    whole: str
    verb: str  # a bar's note: "3 of 5 deployed"
    measure: str  # a chart's heading and legend: "percent of licenses deployed"


@attrs.frozen
class Chart:
    """Where a chart finds its bars in the partner's and one customer's rows (the other scopes sum the metrics)."""

    partner_labels: tuple[str, ...]  # the columns that name a partner row's bar
    partner_percent: str
    partner_weight: str | None  # the count that ranks partner rows and its note's word; None: the rows have none
    partner_weight_word: str
    customer_detail: str  # the column after the product in a customer row's label
    customer_percent: str


@attrs.frozen
class Command:
    """A CLI command's help and its examples."""

    help: str
    examples: tuple[str, ...]


def _every_scope(instance: Insight, attribute: attrs.Attribute[Any], value: Mapping[Scope, Any]) -> None:
    if set(value) != set(Scope):
        raise TypeError(f"{attribute.name} must hold every scope: {', '.join(Scope)}")


def _command_scopes(instance: Insight, attribute: attrs.Attribute[Any], value: Mapping[Scope, Any]) -> None:
    """Every scope but every customer, which is ``customer --all``."""
    if set(value) != set(Scope) - {Scope.EVERY_CUSTOMER}:
        raise TypeError(f"{attribute.name} must hold the partner, customer and licenses commands")


@attrs.frozen
class Insight:
    """Everything the tools know of one kind of insight."""

    command: str  # the word in every command that fetches it: ``pcinsights deployment``, ``licenses deployment``
    partner: PartnerCall
    customer: CustomerCall
    licenses: LicensesPages
    fields: tuple[str, ...]  # what the commercial query's filter and groupby accept
    metrics: Metrics
    chart: Chart
    titles: Mapping[Scope, str] = attrs.field(validator=_every_scope)
    commands: Mapping[Scope, Command] = attrs.field(validator=_command_scopes)  # customer: --customer ID or --all


class InsightKind(Enum):
    """Every kind of insight; each member's value is its descriptor."""

    _value_: Insight

    DEPLOYMENT = Insight(
        command="deployment",
        partner=get_partner_licenses_deployment.asyncio,
        customer=get_customer_licenses_deployment.asyncio,
        licenses=get_licenses_deployment.aiter_pages,
        fields=query_fields.GET_LICENSES_DEPLOYMENT_FIELDS,
        metrics=Metrics(part="licensesDeployed", whole="licensesSold", verb="deployed", measure="deployed"),
        chart=Chart(
            partner_labels=("serviceName", "channel"),
            partner_percent="proratedDeploymentPercent",
            partner_weight="licensesSold",
            partner_weight_word="sold",
            customer_detail="channel",
            customer_percent="deploymentPercent",
        ),
        titles={
            Scope.PARTNER: "Partner licenses deployment",
            Scope.CUSTOMER: "Customer licenses deployment",
            Scope.EVERY_CUSTOMER: "Licenses deployment of every customer",
            Scope.LICENSES: "Licenses deployment",
        },
        commands={
            Scope.PARTNER: Command(
                "Licenses sold and the prorated share deployed, per service and channel, over all customers.",
                (
                    "pcinsights deployment --emulator --format chart",
                    "PARTNER_CENTER_TOKEN=$(cat token) pcinsights deployment --format json",
                ),
            ),
            Scope.CUSTOMER: Command(
                "Licenses sold and deployed per product, for one customer or (--all) every customer.",
                (
                    "pcinsights customer deployment --customer 4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
                    "pcinsights customer deployment --all --format csv > deployment.csv",
                    "pcinsights customer deployment --all --emulator --customers 200 --format chart --bars 15",
                ),
            ),
            Scope.LICENSES: Command(
                "Licenses sold and deployed per customer and product, or grouped by the fields of --group-by.",
                (
                    "pcinsights licenses deployment --emulator --group-by customerTenantId --format csv",
                    "pcinsights licenses deployment --filter \"serviceCode eq 'o365' and channel eq 'reseller'\""
                    " --format json",
                    "pcinsights licenses deployment --emulator --group-by serviceCode,channel --format chart",
                ),
            ),
        },
    )
    USAGE = Insight(
        command="usage",
        partner=get_partner_licenses_usage.asyncio,
        customer=get_customer_licenses_usage.asyncio,
        licenses=get_licenses_usage.aiter_pages,
        fields=query_fields.GET_LICENSES_USAGE_FIELDS,
        metrics=Metrics(part="licensesActive", whole="licensesQualified", verb="active", measure="in use"),
        chart=Chart(
            partner_labels=("serviceName", "workloadName", "channel"),
            partner_percent="proratedLicensesUsagePercent",
            partner_weight=None,  # partner usage rows have no counts: every row is a bar, in the API's order
            partner_weight_word="",
            customer_detail="workloadName",
            customer_percent="usagePercent",
        ),
        titles={
            Scope.PARTNER: "Partner licenses usage",
            Scope.CUSTOMER: "Customer licenses usage",
            Scope.EVERY_CUSTOMER: "Licenses usage of every customer",
            Scope.LICENSES: "Licenses usage",
        },
        commands={
            Scope.PARTNER: Command(
                "The prorated share of qualified licenses in active use, per service, channel and workload.",
                (
                    "pcinsights usage --emulator --format chart",
                    "pcinsights usage --token-file token.txt --format csv",
                ),
            ),
            Scope.CUSTOMER: Command(
                "Qualified and active licenses per product and workload, for one customer or (--all) every customer.",
                (
                    "pcinsights customer usage --customer 4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04 --format json",
                    "pcinsights customer usage --all --emulator --customers 200 --format chart --bars 15",
                ),
            ),
            Scope.LICENSES: Command(
                "Qualified and active licenses per customer, product and workload, or grouped by the fields of"
                " --group-by.",
                (
                    "pcinsights licenses usage --emulator --group-by workloadName --format chart",
                    "pcinsights licenses usage --filter \"workloadCode eq 'EXO'\" --top 1000 --format ndjson",
                ),
            ),
        },
    )

    def __str__(self) -> str:
        return self.value.command

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}>"
