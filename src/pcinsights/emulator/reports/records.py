"""The license datasets' records, month by month, drawn from the emulated tenant (``World``).

The latest month (the month before the emulator's now) carries the world's own figures, so the reports agree with
the commercial endpoints (reports-design.md):

- OfficeUsage: one record per (customer, workload of its o365 products): PaidAvailableUnits = sum of the
  licenses' qualified units, MonthlyActiveUsers = sum of their active ones.
- DynamicsUsage (crm products), EMSUsage (intune products), PowerBIUsage (no Power BI product: no records),
  SeatsSubscriptionsAndRevenue and CustomersAndTenants (every product): one record per (customer, license), with
  seats from the license (sold, deployed, the active count of its workload).

Earlier months are history drawn from the seed: each license started ``start`` months before the latest (no
record before that) and shrinks by ``rate`` per mille per month going back, so no earlier figure exceeds the
latest and deployed never exceeds sold, active never exceeds qualified. Records stream customer by customer (each
customer built once), newest month first within a customer; nothing is kept.

CustomerTenantId is the world's tenant id as it is (lower case, like the docs' examples; the commercial tables
write it upper case). Values no part of the world holds are derived from the seed (the partner) or the
customer's id (market, segment, TPID): stable for a world. The tenant has no prices: revenue is 0.0.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from random import Random

import attrs

from pcinsights.emulator.catalogue import BRANDS, SERVICE_DISPLAY_NAMES
from pcinsights.emulator.commercial import product_id
from pcinsights.emulator.reports.definitions import LICENSE_DATASETS, Dataset
from pcinsights.emulator.world import Customer, License, World

MONTHS_KEPT = 24  # LIFETIME: the latest month and 23 before it
_START_SPREAD = 72  # a license started 0 to 71 months before the latest month
_MAX_RATE = 30  # per mille per month
_SUBSCRIPTIONS = uuid.UUID("2b0b6f5e-8d0c-4b43-9a53-5a0f3d7c1e27")

MARKETS = ("United States", "Germany", "United Kingdom", "France", "Japan", "Australia", "Switzerland", "Denmark")
SEGMENTS = (
    ("Small, Medium & Corporate Commercial", "SMC"),
    ("Major Commercial", "Enterprise"),
    ("Major Public Sector", "Public Sector"),
)
_ATTRIBUTION_BY_RELATIONSHIP = {"reseller": "CSP Indirect Reseller", "advisor": "Advisor", "none": "Partner of Record"}
_ATTRIBUTION_BY_CHANNEL = {"reseller": "CSP Indirect Reseller", "direct": "CSP Direct Bill", "advisor": "Advisor"}
_SALES_CHANNEL = {"reseller": "Indirect/CSP", "direct": "Direct/CSP", "advisor": "Advisor"}
_SALES_MODEL = {"reseller": "CSP", "direct": "CSP", "advisor": "Advisor"}
_PRODUCT = {"o365": "Microsoft 365", "crm": "Dynamics 365", "intune": "Enterprise Mobility + Security"}
_DIVISION = {"o365": "Office 365", "crm": "Dynamics", "intune": "EMS"}
_CATEGORY = {"o365": "Office 365 Commercial", "crm": "Dynamics 365", "intune": "Enterprise Mobility"}
_SOLUTION_AREA = {"o365": "Modern Work", "crm": "Business Applications", "intune": "Security"}


@attrs.frozen
class Month:
    """A month of data: ``back`` months before the latest, ``text`` its first day as ``yyyy-MM-dd``."""

    back: int
    first_day: date
    text: str = attrs.field(init=False)

    @text.default
    def _text(self) -> str:
        return self.first_day.isoformat()


def shift(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month`` (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_kept(latest: date) -> tuple[Month, ...]:
    """The months with data, newest first."""
    return tuple(Month(back, shift(latest, -back)) for back in range(MONTHS_KEPT))


# _FACTORS[rate][back]: what is left, per mille, ``back`` months before the latest at ``rate`` per mille a month.
_FACTORS = tuple(tuple(max(0, 1000 - rate * back) for back in range(MONTHS_KEPT)) for rate in range(_MAX_RATE))


@attrs.frozen
class _History:
    start: int  # months before the latest month the license started
    rate: int  # per mille lost per month going back
    auto_renew: bool

    @property
    def factors(self) -> tuple[int, ...]:
        return _FACTORS[self.rate]

    def scale(self, value: int, back: int) -> int:
        return value * _FACTORS[self.rate][back] // 1000


def _histories(seed: int, customer: Customer) -> list[_History]:
    rng = Random(f"{seed}:reports:{customer.index}")
    return [
        _History(int(rng.random() * _START_SPREAD), int(rng.random() * _MAX_RATE), rng.random() < 0.7)
        for _ in customer.licenses
    ]


@attrs.frozen
class _Partner:
    """The partner every record names (one per world)."""

    mpn_id: str
    name: str
    location_id: str
    location: str

    @classmethod
    def of(cls, seed: int) -> _Partner:
        rng = Random(f"{seed}:partner")
        mpn = rng.randrange(1_000_000, 9_000_000)
        return cls(str(mpn), f"{rng.choice(BRANDS)} Cloud Solutions", str(mpn + 1), rng.choice(MARKETS))


def _customer_values(customer: Customer, partner: _Partner) -> dict[str, object]:
    """The customer's and partner's columns, by case-folded name."""
    bits = int(customer.id.replace("-", ""), 16)
    market = MARKETS[bits % len(MARKETS)]
    segment, top_segment = SEGMENTS[(bits >> 8) % len(SEGMENTS)]
    return {
        "customertenantid": customer.id,
        "customertpid": str(10_000_000 + (bits >> 16) % 90_000_000),
        "customername": customer.name,
        "customertenantname": customer.name,
        "customermarket": market,
        "customertenantcountry": market,
        "customersegment": segment,
        "topsegment": top_segment,
        "dunsnumber": f"{(bits >> 48) % 1_000_000_000:09d}",
        "customerstatus": "Active",
        "tenantdomainname": customer.domain,
        "mpnid": partner.mpn_id,
        "pgampnid": partner.mpn_id,
        "partnername": partner.name,
        "partnerlocationid": partner.location_id,
        "partnerlocation": partner.location,
        "partnerhierarchy": "HeadQuarters",
        "partnerattributiontype": _ATTRIBUTION_BY_RELATIONSHIP.get(customer.relationship, "Partner of Record"),
        "isduplicaterowforpga": "0",
    }


def _license_values(customer: Customer, lic: License, history: _History, latest: date) -> dict[str, object]:
    """One license's columns, by case-folded name (its seats are per month, not here)."""
    service = lic.product.service_name
    start = shift(latest, -history.start)
    terms = history.start // 12 + 1  # yearly terms, the current one running past the latest month
    sku_id = product_id(lic.product.name)
    return {
        "subscriptionid": str(uuid.uuid5(_SUBSCRIPTIONS, f"{customer.id}:{lic.product.name}")),
        "subscriptionstartdate": start.isoformat(),
        "subscriptionstartmonth": start.isoformat(),
        "subscriptionenddate": date.fromordinal(shift(start, 12 * terms).toordinal() - 1).isoformat(),
        "subscriptionstatus": "Active",
        "subscriptionstate": "Active",
        "isautorenew": "Yes" if history.auto_renew else "No",
        "product": _PRODUCT.get(service, service),
        "productfamily": SERVICE_DISPLAY_NAMES.get(service, service),
        "reportingproductname": lic.product.name,
        "rawproductname": lic.product.name,
        "sku": lic.product.name,
        "skuid": sku_id,
        "productpartnumber": f"{lic.product.service_code}-{sku_id[:8]}",
        "freevspaidsku": "Paid",
        "salesmodel": _SALES_MODEL.get(lic.channel, lic.channel),
        "detailedsalesmodel": _SALES_CHANNEL.get(lic.channel, lic.channel),
        "saleschannel": _SALES_CHANNEL.get(lic.channel, lic.channel),
        "partnerattachtype": _ATTRIBUTION_BY_CHANNEL.get(lic.channel, lic.channel),
        "partnerattributiontype": _ATTRIBUTION_BY_CHANNEL.get(lic.channel, lic.channel),
        "pricinglevel": "Commercial",
        "enrollmentnumber": "",
        "revsumdivisionname": _DIVISION.get(service, service),
        "revsumcategoryname": _CATEGORY.get(service, service),
        "solutionarea": _SOLUTION_AREA.get(service, service),
        "billedrevenueusd": 0.0,
        "azureconsumedrevenueusd": 0.0,
        "aadppaidavailableunits": 0,
        "azippaidavailableunits": 0,
        "aadpmonthlyactiveusers": 0,
        "azipmonthlyactiveusers": 0,
    }


class _Layout:
    """Where a dataset's values go: a template per record (its fixed values), slots for the monthly ones."""

    def __init__(self, dataset: Dataset, monthly: Sequence[str]) -> None:
        self.folded = [field.casefold() for field in dataset.fields]
        self.slots = tuple(self.folded.index(name.casefold()) for name in monthly)

    def template(self, *sources: Mapping[str, object]) -> list[object]:
        merged: dict[str, object] = {}
        for source in sources:
            merged |= source
        return [merged.get(name) for name in self.folded]


# A license dataset's monthly values from (sold, deployed, active) of one month: Month first, then these.
_Seats = Callable[[int, int, int], tuple[object, ...]]


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


_PER_LICENSE: dict[str, tuple[str | None, tuple[str, ...], _Seats]] = {
    # dataset: (service of its products, None = every product; monthly columns after Month; their values)
    "DynamicsUsage": (
        "crm",
        ("AvailableSeats", "AssignedSeats", "ActiveSeats", "DeploymentOpportunity", "ActiveUsagePercent"),
        lambda sold, deployed, active: (sold, deployed, active, sold - deployed, _percent(active, sold)),
    ),
    "PowerBIUsage": (
        "powerbi",
        ("AvailableSeats", "AssignedSeats", "ActiveSeats", "DeploymentOpportunity", "ActiveUsagePercent"),
        lambda sold, deployed, active: (sold, deployed, active, sold - deployed, _percent(active, sold)),
    ),
    "EMSUsage": (
        "intune",
        ("PaidAvailableUnits", "MonthlyActiveUsers", "IntunePaidAvailableUnits", "IntuneMonthlyActiveUsers"),
        lambda sold, deployed, active: (sold, active, sold, active),
    ),
    "SeatsSubscriptionsAndRevenue": (
        None,
        ("SoldSeats", "AssignedSeats"),
        lambda sold, deployed, active: (sold, deployed),
    ),
    "CustomersAndTenants": (None, ("AvailableSeats",), lambda sold, deployed, active: (sold,)),
}


class Records:
    """One world's license records for one dataset and a set of months (newest first)."""

    def __init__(self, world: World, dataset: Dataset, months: Sequence[Month], latest: date) -> None:
        self.world = world
        self.dataset = dataset
        self.months = months
        self.latest = latest
        self.partner = _Partner.of(world.seed)

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        if self.dataset.name not in LICENSE_DATASETS or not self.months:
            return iter(())
        if self.dataset.name == "OfficeUsage":
            return self._office()
        return self._per_license(*_PER_LICENSE[self.dataset.name])

    def _office(self) -> Iterator[tuple[object, ...]]:
        layout = _Layout(self.dataset, ("Month", "WorkloadName", "PaidAvailableUnits", "MonthlyActiveUsers"))
        month_slot, workload_slot, qualified_slot, active_slot = layout.slots
        months = self.months
        for customer in self.world.customers:
            # workload name -> [(qualified, active, start, factors)] over the customer's o365 licenses
            workloads: dict[str, list[tuple[int, int, int, tuple[int, ...]]]] = {}
            histories = _histories(self.world.seed, customer)
            for lic, history in zip(customer.licenses, histories, strict=True):
                if lic.product.service_name == "o365":
                    for use in lic.usage:
                        uses = workloads.setdefault(use.workload.name, [])
                        uses.append((use.qualified, use.active, history.start, history.factors))
            if not workloads:
                continue
            template = layout.template(_customer_values(customer, self.partner))
            for month in months:
                back = month.back
                for workload, uses in workloads.items():
                    qualified = active = 0
                    present = False
                    for use_qualified, use_active, start, factors in uses:
                        if back <= start:
                            present = True
                            qualified += use_qualified * factors[back] // 1000
                            active += use_active * factors[back] // 1000
                    if present:
                        row = template.copy()
                        row[month_slot] = month.text
                        row[workload_slot] = workload
                        row[qualified_slot] = qualified
                        row[active_slot] = active
                        yield tuple(row)

    def _per_license(
        self, service: str | None, monthly: tuple[str, ...], seats: _Seats
    ) -> Iterator[tuple[object, ...]]:
        layout = _Layout(self.dataset, ("Month", *monthly))
        month_slot, *value_slots = layout.slots
        months = self.months
        for customer in self.world.customers:
            chosen = [
                (lic, history)
                for lic, history in zip(customer.licenses, _histories(self.world.seed, customer), strict=True)
                if service is None or lic.product.service_name == service
            ]
            if not chosen:
                continue
            customer_values = _customer_values(customer, self.partner)
            templates = [
                layout.template(customer_values, _license_values(customer, lic, history, self.latest))
                for lic, history in chosen
            ]
            for month in months:
                back = month.back
                for (lic, history), template in zip(chosen, templates, strict=True):
                    if back > history.start:
                        continue
                    active = max((use.active for use in lic.usage), default=0)
                    values = seats(
                        history.scale(lic.sold, back), history.scale(lic.deployed, back), history.scale(active, back)
                    )
                    row = template.copy()
                    row[month_slot] = month.text
                    for slot, value in zip(value_slots, values, strict=True):
                        row[slot] = value
                    yield tuple(row)
