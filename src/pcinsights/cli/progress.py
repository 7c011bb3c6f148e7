"""The progress bars on stderr, drawn only when it is a terminal: customers of ``--all``, pages of ``licenses``,
the wait for a report and the rows read of its file (``reports``).

They read the retry count from the client's counters, so a throttled run shows why it slows down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from partner_center_analytics import AuthenticatedClient
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Customers per second, as rich estimates it."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")


class _Bar:
    """One task on a rich progress display that starts and stops with the ``with`` block."""

    def __init__(
        self, console: Console, client: AuthenticatedClient, *columns: ProgressColumn, redirect_stdout: bool = True
    ) -> None:
        self._client = client
        self._progress = Progress(
            *columns, console=console, disable=not console.is_terminal, redirect_stdout=redirect_stdout
        )
        self._task = TaskID(-1)

    def _start(self, description: str, **fields: Any) -> None:
        self._progress.start()
        self._task = self._progress.add_task(description, total=None, retries=0, **fields)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._progress.stop()


class FanOutProgress(_Bar):
    """Customers done of the customers listed, their rate, and the retries and errors so far."""

    def __init__(self, console: Console, client: AuthenticatedClient) -> None:
        super().__init__(
            console,
            client,
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("retries {task.fields[retries]}  errors {task.fields[errors]}"),
            TimeElapsedColumn(),
        )
        self._errors = 0

    def __enter__(self) -> FanOutProgress:
        self._start("listing customers", errors=0)
        return self

    def start(self, total: int) -> None:
        """The listing is done: from here on the total is known."""
        self._progress.update(self._task, description="customers", total=total, retries=self._client.stats.retries)

    def advance(self, *, failed: bool) -> None:
        self._errors += failed
        self._progress.update(self._task, advance=1, retries=self._client.stats.retries, errors=self._errors)


class PageProgress(_Bar):
    """Pages fetched of the pages ``TotalCount`` implies at ``top`` rows a page, and the rows so far."""

    def __init__(self, console: Console, client: AuthenticatedClient, top: int) -> None:
        super().__init__(
            console,
            client,
            SpinnerColumn(),
            TextColumn("pages"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("rows {task.fields[rows]:,}  retries {task.fields[retries]}"),
            TimeElapsedColumn(),
        )
        self._top = top
        self._rows = 0

    def __enter__(self) -> PageProgress:
        self._start("pages", rows=0)
        return self

    def page(self, rows: int, total_count: object) -> None:
        """One more page of ``rows`` rows; ``total_count`` (all matching rows, as the spec reads it) sets the total."""
        self._rows += rows
        total = math.ceil(total_count / self._top) if isinstance(total_count, int) and total_count > 0 else None
        self._progress.update(self._task, advance=1, total=total, rows=self._rows, retries=self._client.stats.retries)


class ReportProgress(_Bar):
    """A spinner with the time taken while a report runs, then the rows of its file read so far.

    Rows may reach stdout while it spins (a file piped on), so stdout is left alone: rich would otherwise send
    what is printed to stdout through the display's console, on stderr.
    """

    EVERY = 1000  # rows between redraws: rich's update costs far more than a row

    def __init__(self, console: Console, client: AuthenticatedClient, description: str) -> None:
        super().__init__(
            console,
            client,
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[rows]}  retries {task.fields[retries]}"),
            TimeElapsedColumn(),
            redirect_stdout=False,
        )
        self._description = description

    def __enter__(self) -> ReportProgress:
        self._start(self._description, rows="")
        return self

    def counted(self, rows: Iterable[Any]) -> Iterator[Any]:
        """``rows`` as they come, counted on the display."""
        self._progress.update(self._task, description="reading the file", rows="rows 0")
        count = 0
        for count, row in enumerate(rows, 1):
            if count % self.EVERY == 0:
                self._progress.update(self._task, rows=f"rows {count:,}", retries=self._client.stats.retries)
            yield row
        self._progress.update(self._task, rows=f"rows {count:,}", retries=self._client.stats.retries)

    def stop(self) -> None:
        """Take the display away before rows are printed where it is drawn (both on a terminal)."""
        self._progress.stop()
