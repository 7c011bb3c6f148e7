"""The --all progress bar on stderr: customers done of total, rate, retries and errors."""

from __future__ import annotations

from types import TracebackType

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


class FanOutProgress:
    """Drawn only when stderr is a terminal; the retry count is read from the client's counters."""

    def __init__(self, console: Console, client: AuthenticatedClient) -> None:
        self._client = client
        self._errors = 0
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("retries {task.fields[retries]}  errors {task.fields[errors]}"),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self._task = TaskID(-1)

    def __enter__(self) -> FanOutProgress:
        self._progress.start()
        self._task = self._progress.add_task("listing customers", total=None, retries=0, errors=0)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._progress.stop()

    def start(self, total: int) -> None:
        """The listing is done: from here on the total is known."""
        self._progress.update(self._task, description="customers", total=total, retries=self._client.stats.retries)

    def advance(self, *, failed: bool) -> None:
        self._errors += failed
        self._progress.update(self._task, advance=1, retries=self._client.stats.retries, errors=self._errors)
