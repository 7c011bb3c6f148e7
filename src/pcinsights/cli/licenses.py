"""``pcinsights licenses deployment|usage``: the commercial analytics operations, every page, as rows.

One query replaces the legacy fan-out: ``--group-by customerTenantId`` gives each customer's totals in a page or
two, where ``customer deployment --all`` makes one call per customer. The pages come from the generated pager,
so they are retried like any call and bounded by ``--max-pages``.
"""

from __future__ import annotations

import math
import time
from types import TracebackType

from partner_center_analytics import UNSET, AuthenticatedClient
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from pcinsights.cli.logs import log
from pcinsights.cli.reports import InsightView, Report, Row
from pcinsights.insights import InsightKind, Scope

# 10 million rows at the default 10,000 a page: far past any real tenant, short of paging for ever.
MAX_PAGES = 1000


class PageProgress:
    """Pages fetched of the pages ``TotalCount`` implies, on stderr when it is a terminal; retries from the client."""

    def __init__(self, console: Console, client: AuthenticatedClient, top: int) -> None:
        self._client = client
        self._top = top
        self._rows = 0
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("pages"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("rows {task.fields[rows]:,}  retries {task.fields[retries]}"),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self._task = TaskID(-1)

    def __enter__(self) -> PageProgress:
        self._progress.start()
        self._task = self._progress.add_task("pages", total=None, rows=0, retries=0)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._progress.stop()

    def page(self, rows: int, total_count: object) -> None:
        """One more page of ``rows`` rows; ``total_count`` (all matching rows, as the spec reads it) sets the total."""
        self._rows += rows
        total = math.ceil(total_count / self._top) if isinstance(total_count, int) and total_count > 0 else None
        self._progress.update(self._task, advance=1, total=total, rows=self._rows, retries=self._client.stats.retries)


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
