"""The emulator's commercial deployment pages at scale: first page, a walk of every page, and the per-customer
grouping, each against the budget issue 11 sets (1 s, 10 s, 3 s at 100,000 customers on two cores).

Timed from this process over loopback (request, body, ``json.loads``), after the tenant's one-off build, which is
reported beside. The grouped figures are checked against the legacy partner rows at the same scale.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from emulator_process import token_for
from figures import Figure, Goal

PATH = "/v1/analytics/commercial/deployment/license/"
FIRST_PAGE_BUDGET = 1.0
WALK_BUDGET = 10.0
GROUPBY_BUDGET = 3.0
UNDER_BUDGET = Goal("<", 1.0)


@dataclass(frozen=True)
class Walk:
    seconds: float
    first_page: float
    pages: int
    rows: list[dict[str, Any]]
    total: int


def _walk(client: httpx.Client, params: dict[str, str]) -> Walk:
    """Every page of one query, following ``@nextLink``."""
    start = time.perf_counter()
    body = client.get(PATH, params=params).raise_for_status().json()
    first_page = time.perf_counter() - start
    rows, pages = list(body["Value"]), 1
    while body["@nextLink"]:
        body = client.get(body["@nextLink"]).raise_for_status().json()
        rows += body["Value"]
        pages += 1
    return Walk(time.perf_counter() - start, first_page, pages, rows, body["TotalCount"])


def run(base_url: str, customers: int) -> list[Figure]:
    with httpx.Client(
        base_url=base_url, headers={"Authorization": f"Bearer {token_for(base_url)}"}, timeout=300.0
    ) as client:
        start = time.perf_counter()
        # A moment before any processing: builds the tables, answers no rows, caches no query.
        client.get(PATH, params={"processedDateTime": "2000-01-01"}).raise_for_status()
        build = time.perf_counter() - start
        walk = _walk(client, {})
        grouped = _walk(client, {"groupby": "customerTenantId"})
        partner = client.get("/v1/analytics/licenses/deployment").raise_for_status().json()["items"]
    sold = sum(row["licensesSold"] for row in grouped.rows)
    agrees = (
        len(walk.rows) == walk.total
        and sold == sum(row["licensesSold"] for row in walk.rows) == sum(row["licensesSold"] for row in partner)
        and len({row["customerTenantId"] for row in grouped.rows}) == grouped.total
    )
    setup = f"{customers} customers, tenant build {build:.1f} s once (excluded)"
    return [
        Figure(
            "emulator commercial first page",
            f"first page {walk.first_page:.2f} s",
            f"budget {FIRST_PAGE_BUDGET:.2f} s",
            walk.first_page / FIRST_PAGE_BUDGET,
            UNDER_BUDGET,
            detail=f"{setup}; {min(walk.total, 10_000)} of {walk.total} rows, ungrouped",
        ),
        Figure(
            "emulator commercial page walk",
            f"{walk.pages} pages {walk.seconds:.2f} s",
            f"budget {WALK_BUDGET:.2f} s",
            walk.seconds / WALK_BUDGET,
            UNDER_BUDGET,
            also_required=agrees,
            detail=f"{setup}; {walk.total} rows, each once; goal also needs the grouped and partner sums to agree",
        ),
        Figure(
            "emulator commercial groupby customerTenantId",
            f"{grouped.pages} pages {grouped.seconds:.2f} s",
            f"budget {GROUPBY_BUDGET:.2f} s",
            grouped.seconds / GROUPBY_BUDGET,
            UNDER_BUDGET,
            also_required=agrees,
            detail=f"{setup}; {grouped.total} customers with licenses, first page {grouped.first_page:.2f} s; "
            f"licensesSold {sold} = ungrouped sum = legacy partner sum: {agrees}",
        ),
    ]
