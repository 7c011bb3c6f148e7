"""One deterministic emulated tenant: customers, their licenses, and the insights every endpoint answers from.

The products come from ``catalogue``; ``wire`` turns customers and rows into the spec's JSON.

Customer ``i`` of seed ``s`` comes from ``random.Random(f"{s}:{i}")`` alone, so a customer is built on demand
(and cached), a world of 100,000 customers costs nothing until it is read, and a larger world with the same
seed extends a smaller one. A customer's ``id`` is its ``companyProfile.tenantId``.

Aggregation rule (the partner-level figures are exactly the aggregation of the customer-level ones):

- Customer deployment: one row per license (product) of the customer, with ``licensesSold``,
  ``licensesDeployed`` (never more than sold) and ``deploymentPercent = licensesDeployed / licensesSold``.
- Customer usage: one row per (product, workload) of the customer, with ``licensesQualified`` (equal to the
  license's ``licensesSold``), ``licensesActive`` (never more than qualified) and
  ``usagePercent = licensesActive / licensesQualified``.
- Partner deployment: one row per (``serviceName``, ``channel``) over all customers, with
  ``licensesSold = sum(licensesSold)`` and ``proratedDeploymentPercent = sum(licensesDeployed) / sum(licensesSold)``.
- Partner usage: one row per (``serviceName``, ``channel``, ``workloadName``) over all customers, with
  ``proratedLicensesUsagePercent = sum(licensesActive) / sum(licensesQualified)``.
- Every percent is a fraction from 0 to 1, and 0.0 when its denominator is 0.

``processedDateTime`` is derived from the seed; rows cycle through several valid RFC 3339 spellings
(``+00:00`` or ``Z``; 0, 2 or 7 fractional digits) so that clients meet all of them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from random import Random
from typing import overload

import attrs

from pcinsights.emulator.catalogue import (
    BRANDS,
    CATALOGUE,
    CHANNELS,
    RELATIONSHIPS,
    SECTORS,
    SUFFIXES,
    Product,
    Workload,
)


@attrs.frozen
class WorkloadUse:
    """Qualified and active licenses of one workload of one license."""

    workload: Workload
    qualified: int
    active: int


@attrs.frozen
class License:
    """One product a customer bought through one channel."""

    product: Product
    channel: str
    sold: int
    deployed: int
    usage: tuple[WorkloadUse, ...]


@attrs.frozen
class Customer:
    """A customer tenant of the partner."""

    index: int
    id: str
    commerce_id: str
    name: str
    domain: str
    relationship: str
    licenses: tuple[License, ...]


@attrs.frozen
class PartnerDeploymentRow:
    """Partner deployment for one (service, channel)."""

    service_name: str
    channel: str
    licenses_sold: int
    prorated_deployment_percent: float
    processed: str


@attrs.frozen
class PartnerUsageRow:
    """Partner usage for one (service, channel, workload)."""

    service_name: str
    channel: str
    workload_name: str
    prorated_licenses_usage_percent: float
    processed: str


@attrs.frozen
class CustomerDeploymentRow:
    """One customer's deployment of one product."""

    customer_id: str
    customer_name: str
    product_name: str
    service_code: str
    service_name: str
    channel: str
    licenses_sold: int
    licenses_deployed: int
    deployment_percent: float
    processed: str


@attrs.frozen
class CustomerUsageRow:
    """One customer's usage of one workload of one product."""

    customer_id: str
    customer_name: str
    product_name: str
    service_code: str
    service_name: str
    channel: str
    workload_code: str
    workload_name: str
    licenses_qualified: int
    licenses_active: int
    usage_percent: float
    processed: str


class UnknownCustomerError(KeyError):
    """The id is not one of this world's customers."""


def ratio(part: int, whole: int) -> float:
    """A fraction from 0 to 1; 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


@attrs.frozen
class ProcessedTime:
    """One aggregation instant, to 100 ns like Partner Center's own timestamps."""

    moment: datetime
    ticks: int

    @classmethod
    def derive(cls, seed: int, salt: str) -> ProcessedTime:
        rng = Random(f"{seed}:processed:{salt}")
        start = datetime(2017, 3, 1, tzinfo=UTC)
        moment = start + timedelta(days=rng.randrange(3000), seconds=rng.randrange(86_400))
        return cls(moment, rng.randrange(10_000_000))

    def spelling(self, variant: int) -> str:
        """The instant in one of five valid RFC 3339 spellings, chosen by ``variant``."""
        base = self.moment.strftime("%Y-%m-%dT%H:%M:%S")
        fraction = f"{self.ticks:07d}"
        forms = (
            f"{base}+00:00",
            f"{base}Z",
            f"{base}.{fraction[:2]}+00:00",
            f"{base}.{fraction}Z",
            f"{base}.{fraction}+00:00",
        )
        return forms[variant % len(forms)]


def _new_uuid(rng: Random) -> str:
    """A version 4 UUID from the RNG (formatted by hand: ``uuid.UUID`` is slow at 100,000 customers)."""
    bits = (rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC << 60)) | (0x4000 << 64) | (0x8 << 60)
    text = f"{bits:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


_UNDECOMPOSABLE = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss"})


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower().translate(_UNDECOMPOSABLE))
    ascii_name = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", ascii_name.lower())


_SLUGS = {name: _slug(name) for name in (*BRANDS, *SECTORS)}
_RELATIONSHIP_WEIGHTS = list(itertools.accumulate((8, 2, 1)))
_COUNT_WEIGHTS = list(itertools.accumulate((1, 5, 6, 4, 2)))
_CHANNEL_WEIGHTS = list(itertools.accumulate((6, 2, 2)))

# A license as drawn: (product, channel, sold, deployed, active count per workload of the product).
_LicenseDraft = tuple[Product, str, int, int, tuple[int, ...]]


def _pick(rng: Random, options: Sequence[str], cumulative: list[int]) -> str:
    return options[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def _draw_licenses(rng: Random) -> list[_LicenseDraft]:
    random = rng.random
    count = bisect.bisect(_COUNT_WEIGHTS, random() * _COUNT_WEIGHTS[-1])
    order = list(range(len(CATALOGUE)))
    drafts: list[_LicenseDraft] = []
    for slot in range(count):
        # A partial Fisher-Yates shuffle: ``count`` distinct products, cheaper than ``rng.sample``.
        pick = slot + int(random() * (len(order) - slot))
        order[slot], order[pick] = order[pick], order[slot]
        product = CATALOGUE[order[slot]]
        channel = _pick(rng, CHANNELS, _CHANNEL_WEIGHTS)
        sold = 0 if random() < 0.05 else 1 + int(random() * 250)
        deployed = int(random() * (sold + 1))
        drafts.append((product, channel, sold, deployed, tuple(int(random() * (sold + 1)) for _ in product.workloads)))
    return drafts


_Header = tuple[str, str, str, str, str, str]


def _draw_header(rng: Random) -> _Header:
    """Id (always the first draw), commerce id, brand, sector, suffix, relationship."""
    customer_id = _new_uuid(rng)
    commerce_id = _new_uuid(rng)
    brand = BRANDS[int(rng.random() * len(BRANDS))]
    sector = SECTORS[int(rng.random() * len(SECTORS))]
    suffix = SUFFIXES[int(rng.random() * len(SUFFIXES))]
    return customer_id, commerce_id, brand, sector, suffix, _pick(rng, RELATIONSHIPS, _RELATIONSHIP_WEIGHTS)


def generate_customer(seed: int, index: int) -> Customer:
    """Customer ``index`` of the world with this seed, from its own RNG."""
    rng = Random(f"{seed}:{index}")
    customer_id, commerce_id, brand, sector, suffix, relationship = _draw_header(rng)
    licenses = tuple(
        License(
            product,
            channel,
            sold,
            deployed,
            tuple(WorkloadUse(w, sold, a) for w, a in zip(product.workloads, actives, strict=True)),
        )
        for product, channel, sold, deployed, actives in _draw_licenses(rng)
    )
    return Customer(
        index=index,
        id=customer_id,
        commerce_id=commerce_id,
        name=f"{brand} {sector} {suffix}",
        domain=f"{_SLUGS[brand]}{_SLUGS[sector]}{index:06d}.onmicrosoft.com",
        relationship=relationship,
        licenses=licenses,
    )


@functools.lru_cache(maxsize=8192)
def _cached_customer(seed: int, index: int) -> Customer:
    return generate_customer(seed, index)


class CustomerList(Sequence[Customer]):
    """The world's customers as a lazy sequence: indexing builds (or reuses, from a cache) one customer."""

    def __init__(self, seed: int, size: int) -> None:
        self._seed = seed
        self._size = size

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> Customer: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Customer]: ...

    def __getitem__(self, index: int | slice) -> Customer | Sequence[Customer]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._size))]
        position = index + self._size if index < 0 else index
        if not 0 <= position < self._size:
            raise IndexError(index)
        return _cached_customer(self._seed, position)

    def __iter__(self) -> Iterator[Customer]:
        """The world's one walk over its customers (the commercial tables are built from it).

        Each is built afresh, not cached: a walk of 100,000 would only evict the customers that lookups reuse.
        """
        for position in range(self._size):
            yield generate_customer(self._seed, position)


@attrs.frozen
class _Summary:
    """What needs a pass over every customer: the id index and the partner-level aggregates."""

    index: dict[str, int]
    deployment: tuple[PartnerDeploymentRow, ...]
    usage: tuple[PartnerUsageRow, ...]


PROGRESS_EVERY = 100_000  # customers between two calls of ``World.prepare``'s progress callback


class World:
    """The tenant every endpoint answers from; cheap to build, computed piece by piece on first use.

    The aggregates (id index, partner figures) take one pass over every customer, about 14 s at 1,000,000:
    ``prepare`` builds them ahead, from a thread, and the app calls the operations off the event loop, so a
    big world never stalls the server.
    """

    def __init__(self, seed: int, size: int) -> None:
        if size < 0:
            raise ValueError("customers must be >= 0")
        self.seed = seed
        self.size = size
        self.customers = CustomerList(seed, size)
        self.deployment_time = ProcessedTime.derive(seed, "deployment")
        self.usage_time = ProcessedTime.derive(seed, "usage")
        self._lock = threading.Lock()
        self._summary_cache: _Summary | None = None

    def __repr__(self) -> str:
        return f"World(seed={self.seed}, customers={self.size})"

    @property
    def prepared(self) -> bool:
        """Whether the aggregates are built (so no call waits for them)."""
        return self._summary_cache is not None

    def prepare(self, progress: Callable[[int], None] | None = None, *, every: int = PROGRESS_EVERY) -> None:
        """Build the aggregates now, calling ``progress(customers_done)`` every ``every`` customers.

        Blocks until they are built, here or by another thread; meant for a thread of its own at start-up.
        """
        self._summary(progress, every)

    def find(self, customer_id: str) -> Customer | None:
        """The customer with this tenant id (any letter case), or None."""
        index = self._summary().index.get(customer_id.lower())
        return None if index is None else self.customers[index]

    def customer(self, customer_id: str) -> Customer:
        found = self.find(customer_id)
        if found is None:
            raise UnknownCustomerError(customer_id)
        return found

    def customer_page(self, offset: int, size: int) -> list[Customer]:
        """Customers ``offset`` to ``offset + size - 1`` (fewer at the end)."""
        return list(self.customers[offset : offset + size])

    def customer_deployment(self, customer_id: str) -> list[CustomerDeploymentRow]:
        return self._deployment_rows(self.customer(customer_id))

    def customer_usage(self, customer_id: str) -> list[CustomerUsageRow]:
        return self._usage_rows(self.customer(customer_id))

    def partner_deployment(self) -> list[PartnerDeploymentRow]:
        return list(self._summary().deployment)

    def partner_usage(self) -> list[PartnerUsageRow]:
        return list(self._summary().usage)

    def _deployment_rows(self, customer: Customer) -> list[CustomerDeploymentRow]:
        return [
            CustomerDeploymentRow(
                customer_id=customer.id,
                customer_name=customer.name,
                product_name=lic.product.name,
                service_code=lic.product.service_code,
                service_name=lic.product.service_name,
                channel=lic.channel,
                licenses_sold=lic.sold,
                licenses_deployed=lic.deployed,
                deployment_percent=ratio(lic.deployed, lic.sold),
                processed=self.deployment_time.spelling(customer.index + row),
            )
            for row, lic in enumerate(customer.licenses)
        ]

    def _usage_rows(self, customer: Customer) -> list[CustomerUsageRow]:
        rows: list[CustomerUsageRow] = []
        for lic in customer.licenses:
            for use in lic.usage:
                rows.append(
                    CustomerUsageRow(
                        customer_id=customer.id,
                        customer_name=customer.name,
                        product_name=lic.product.name,
                        service_code=lic.product.service_code,
                        service_name=lic.product.service_name,
                        channel=lic.channel,
                        workload_code=use.workload.code,
                        workload_name=use.workload.name,
                        licenses_qualified=use.qualified,
                        licenses_active=use.active,
                        usage_percent=ratio(use.active, use.qualified),
                        processed=self.usage_time.spelling(customer.index + len(rows)),
                    )
                )
        return rows

    def _summary(self, progress: Callable[[int], None] | None = None, every: int = PROGRESS_EVERY) -> _Summary:
        cached = self._summary_cache
        if cached is not None:
            return cached
        with self._lock:
            if self._summary_cache is None:
                self._summary_cache = self._scan(progress, every)
            return self._summary_cache

    def _scan(self, progress: Callable[[int], None] | None, every: int) -> _Summary:
        """One pass over every customer's draws, building no objects, so 100,000 customers stay cheap."""
        index: dict[str, int] = {}
        deployment: dict[tuple[str, str], list[int]] = {}
        usage: dict[tuple[str, str, str], list[int]] = {}
        for position in range(self.size):
            if progress is not None and position and position % every == 0:
                progress(position)
            rng = Random(f"{self.seed}:{position}")
            index[_draw_header(rng)[0]] = position
            for product, channel, sold, deployed, actives in _draw_licenses(rng):
                sums = deployment.setdefault((product.service_name, channel), [0, 0])
                sums[0] += sold
                sums[1] += deployed
                for workload, active in zip(product.workloads, actives, strict=True):
                    totals = usage.setdefault((product.service_name, channel, workload.name), [0, 0])
                    totals[0] += sold
                    totals[1] += active
        return _Summary(
            index=index,
            deployment=tuple(
                PartnerDeploymentRow(service, channel, sold, ratio(deployed, sold), self.deployment_time.spelling(row))
                for row, ((service, channel), (sold, deployed)) in enumerate(sorted(deployment.items()))
            ),
            usage=tuple(
                PartnerUsageRow(service, channel, workload, ratio(active, qualified), self.usage_time.spelling(row))
                for row, ((service, channel, workload), (qualified, active)) in enumerate(sorted(usage.items()))
            ),
        )
