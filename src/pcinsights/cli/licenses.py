"""``pcinsights licenses deployment|usage``: the commercial analytics operations, every page, as rows.

One query replaces the legacy fan-out: ``--group-by customerTenantId`` gives each customer's totals in a page or
two, where ``customer deployment --all`` makes one call per customer. The pages come from the generated pager,
so they are retried like any call and bounded by ``--max-pages``.
"""

from __future__ import annotations

import time

from partner_center_analytics import UNSET, AuthenticatedClient

from pcinsights.cli.fetch import InsightView, Report, Row
from pcinsights.cli.logs import log
from pcinsights.cli.progress import PageProgress
from pcinsights.insights import InsightKind, Scope

# 10 million rows at the default 10,000 a page: far past any real tenant, short of paging for ever.
MAX_PAGES = 1000


async def fetch(
    client: AuthenticatedClient,
    kind: InsightKind,
    *,
    filter_text: str | None,
    group_by: str | None,
    top: int,
    max_pages: int,
    progress: PageProgress,
) -> Report:
    """Every row of the query, in the service's order; a failing page fails the command."""
    started = time.perf_counter()
    rows: list[Row] = []
    pages = 0
    async with client:
        walk = kind.value.licenses(
            client=client,
            top=top,
            filter_=UNSET if filter_text is None else filter_text,
            groupby=UNSET if group_by is None else group_by,
            max_pages=max_pages,
        )
        async for page in walk:
            pages += 1
            rows.extend(row.to_dict() for row in page.value)
            progress.page(len(page.value), page.total_count)
    log.info(
        "licenses %s: %d rows in %d pages, %d requests (%d retries) in %.3fs",
        kind,
        len(rows),
        pages,
        client.stats.requests,
        client.stats.retries,
        time.perf_counter() - started,
    )
    return Report(InsightView(kind, Scope.LICENSES), rows)
