"""The scheduler: one worker thread that runs reports' executions as they fall due on the emulator's clock.

A due ``Pending`` execution becomes ``Running`` (committed), its query is evaluated as of its due time and the
file written, then in one transaction it becomes ``Completed`` and the report's next occurrence (StartTime +
k·RecurrenceInterval) is recorded ``Pending`` (``Paused`` if the report is), or the report becomes ``Inactive``
when its RecurrenceCount runs are done (an ExecuteNow report after its one run). Completed executions older than
90 days are forgotten with their files. Then the callback, if any, goes out in the background.

Catch-up after a big clock advance: each due occurrence runs at most once, and only the latest ``MAX_CATCH_UP``
missed occurrences of a report run at all (the older ones are skipped), so a year's advance costs a few runs.
The thread waits on a condition, woken by a new report, a resume or a clock advance, and at least once a second
(the wall clock moves too). A run whose query fails is logged and completed with an empty file (no status says
failed); one whose file cannot be written is logged and Pending again a minute later.
"""

from __future__ import annotations

import logging
import math
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

import attrs

from pcinsights.emulator.reports.callbacks import CallbackSender
from pcinsights.emulator.reports.clock import ReportClock, to_datetime
from pcinsights.emulator.reports.engine import Engine
from pcinsights.emulator.reports.files import remove_files, write_report
from pcinsights.emulator.reports.store import (
    COMPLETED,
    INACTIVE,
    PAUSED,
    PENDING,
    RUNNING,
    ExecutionRecord,
    ReportRecord,
    ReportStore,
)

MAX_CATCH_UP = 3
MAX_WAIT = 1.0
HISTORY = 90 * 86400  # completed executions are kept (and listed) this long
STOP_TIMEOUT = 10.0
RETRY_AFTER = 60  # emulator seconds before a run whose file could not be written is tried again
_log = logging.getLogger("pcinsights.emulator.reports")


def next_occurrence(report: ReportRecord, after: float, now: float) -> int:
    """The report's first occurrence (StartTime + k·interval, k ≥ 0) after ``after``, skipping all but the latest
    ``MAX_CATCH_UP`` of those already due at ``now``."""
    period = (report.interval or 0) * 3600
    if period <= 0:
        return int(max(after, now))
    k = max(0, math.floor((after - report.start) / period) + 1)
    due = report.start + k * period
    if due <= now:
        behind = math.floor((now - due) / period) + 1
        if behind > MAX_CATCH_UP:
            due += (behind - MAX_CATCH_UP) * period
    return int(due)


def first_after(report: ReportRecord, now: float) -> int:
    """The report's first occurrence after ``now`` (a resumed report's next run; an ExecuteNow one's is now)."""
    if report.execute_now or not report.interval:
        return int(now)
    period = report.interval * 3600
    k = max(0, math.floor((now - report.start) / period) + 1)
    return int(report.start + k * period)


def new_execution(report: ReportRecord, status: str, due: int) -> ExecutionRecord:
    return ExecutionRecord(str(uuid.uuid4()), report.report_id, status, due, report.format)


class Scheduler:
    """Runs due executions in a thread of its own between ``start`` and ``stop``; ``wake`` after any change."""

    def __init__(
        self,
        store: ReportStore,
        clock: ReportClock,
        engine: Callable[[], Engine],
        folder: Callable[[], Path],
        callbacks: CallbackSender,
    ) -> None:
        self.store = store
        self.clock = clock
        self.engine = engine
        self.folder = folder
        self.callbacks = callbacks
        self._condition = threading.Condition()
        self._woken = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._condition:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._loop, name="pc-emulator-scheduler", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop after the run under way, if any (a run not finished is ``Pending`` again at the next start)."""
        with self._condition:
            thread, self._thread = self._thread, None
            self._stopping = True
            self._condition.notify_all()
        if thread is not None:
            thread.join(STOP_TIMEOUT)

    def wake(self) -> None:
        with self._condition:
            self._woken = True
            self._condition.notify_all()

    def _loop(self) -> None:
        while True:
            with self._condition:
                if self._stopping:
                    return
                self._woken = False
            try:
                if self.run_due():
                    continue
            except Exception:  # the scheduler must outlive any one run; the run stays for the next try
                _log.exception("the report scheduler failed a round")
            with self._condition:
                if not self._stopping and not self._woken:
                    self._condition.wait(self._wait())

    def _wait(self) -> float:
        with self.store.transaction() as tx:
            due = tx.next_due()
        if due is None:
            return MAX_WAIT
        return min(MAX_WAIT, max(0.0, due - self.clock.now()))

    def run_due(self) -> bool:
        """Run the execution due longest ago, if any is due; whether one ran."""
        claimed = self._claim()
        if claimed is None:
            return False
        execution, report = claimed
        try:
            name, size = self._write(execution, report)
        except OSError:  # the file could not be written (a full disk, a removed folder): try again later
            _log.exception("report %s: execution %s could not be written", report.report_id, execution.execution_id)
            self._release(execution)
            return True
        self._complete(execution, name, size)
        return True

    def _release(self, execution: ExecutionRecord) -> None:
        """A run that could not write its file is Pending again, due ``RETRY_AFTER`` seconds from now."""
        with self.store.transaction() as tx:
            current = tx.execution(execution.execution_id)
            if current is not None and current.status == RUNNING:
                tx.save_execution(attrs.evolve(current, status=PENDING, due=int(self.clock.now()) + RETRY_AFTER))

    def _claim(self) -> tuple[ExecutionRecord, ReportRecord] | None:
        """The execution due longest ago, now Running; one far behind runs as the earliest occurrence the
        catch-up keeps instead."""
        now = self.clock.now()
        with self.store.transaction() as tx:
            execution = tx.first_due(now)
            if execution is None:
                return None
            report = tx.report(execution.report_id)
            if report is None:  # cannot happen (a report's deletion takes its executions): drop the orphan
                tx.delete_execution(execution.execution_id)
                return None
            due = execution.due if report.execute_now else next_occurrence(report, execution.due - 1, now)
            execution = attrs.evolve(execution, status=RUNNING, due=due)
            tx.save_execution(execution)
        return execution, report

    def _write(self, execution: ExecutionRecord, report: ReportRecord) -> tuple[str, int]:
        columns: tuple[str, ...] = ()
        rows: list[tuple[object, ...]] = []
        try:
            engine = self.engine()
            parsed, _ = engine.parse(report.query)
            start = None if report.query_start is None else to_datetime(report.query_start)
            end = None if report.query_end is None else to_datetime(report.query_end)
            found_columns, found_rows = engine.evaluate(parsed, to_datetime(execution.due), start, end)
            return write_report(self.folder(), execution.execution_id, execution.format, found_columns, found_rows)
        except Exception:
            _log.exception(
                "report %s: execution %s failed; its file is empty", report.report_id, execution.execution_id
            )
        return write_report(self.folder(), execution.execution_id, execution.format, columns, rows)

    def _complete(self, execution: ExecutionRecord, name: str, size: int) -> None:
        now = self.clock.now()
        with self.store.transaction() as tx:
            current = tx.execution(execution.execution_id)
            report = tx.report(execution.report_id)
            if current is None or report is None or current.status != RUNNING:
                gone = [name]  # deleted or reset while it ran
            else:
                tx.save_execution(
                    attrs.evolve(current, status=COMPLETED, generated=int(now), file=name, raw_bytes=size)
                )
                runs = report.runs + 1
                if report.execute_now or (report.count is not None and runs >= report.count):
                    status = INACTIVE
                else:
                    status = report.status
                    waiting = PAUSED if report.status == PAUSED else PENDING
                    tx.save_execution(new_execution(report, waiting, next_occurrence(report, current.due, now)))
                tx.save_report(attrs.evolve(report, runs=runs, status=status))
                gone = tx.prune(report.report_id, int(now) - HISTORY)
        remove_files(self.folder(), gone)
        if current is not None and report is not None and report.callback_url and name not in gone:
            self.callbacks.send(report.callback_url, report.callback_method, report.report_id)
