"""The twelve reports operations' rules: the 404s, the rules beyond the schema, and what each changes.

Each method takes the request's parts (``Call``, read by ``inputs`` with the schema's 400s) and returns the 200's
envelope, or raises ``ReportError``. Every value breaking the spec's schema is a 400, then an unknown id a 404,
then the rules beyond the schema a 400 (StartTime's 4 hours, the dataset's minimum interval); within each, the
first failure answers. Choices the docs leave open (the spec states them): an unknown QueryId in a body is a 404
like an unknown id anywhere; StartTime has a minute's grace on the 4 hours (for the request's own transit); an
update leaves a field it does not name as it was (null clears a nullable one); pausing or resuming a finished
(Inactive) report is a 400, pausing a paused one again a 200; QueryStartTime/QueryEndTime without ExecuteNow
are ignored, as PAR says they apply to ExecuteNow only; an ExecuteNow report's recurrenceInterval is null and
its recurrenceCount 1; callbackMethod is null without a callbackUrl, as in the docs' execution example.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any

import attrs

from pcinsights.emulator.reports.clock import ReportClock, parse_time, to_datetime
from pcinsights.emulator.reports.engine import Engine, QueryRejected, SystemQueryInfo
from pcinsights.emulator.reports.envelope import (
    INVALID_PARAMETERS,
    INVALID_QUERY_ID,
    MISSING,
    NO_EXECUTIONS,
    NOT_FOUND,
    START_TOO_SOON,
    JsonObject,
    ReportError,
    bad,
    dataset_json,
    envelope,
    execution_json,
    not_found_value,
    query_json,
    report_json,
    row_json,
    system_query_json,
)
from pcinsights.emulator.reports.inputs import (
    DESCRIPTION_MAX,
    EXPORT_QUERY_MAX,
    ID_LIST_MAX,
    INTERVAL_MIN,
    NAME_MAX,
    QUERY_MAX,
    STATUS_LIST_MAX,
    Body,
    Call,
    guid_list,
    guid_param,
)
from pcinsights.emulator.reports.links import LinkSigner
from pcinsights.emulator.reports.scheduler import HISTORY, first_after, new_execution
from pcinsights.emulator.reports.store import (
    ACTIVE,
    COMPLETED,
    EXECUTION_STATUSES,
    INACTIVE,
    PAUSED,
    PENDING,
    RUNNING,
    ExecutionRecord,
    QueryRecord,
    ReportRecord,
    ReportStore,
    Transaction,
)

TRY_ROWS = 100
START_AHEAD, START_GRACE = 4 * 3600, 60
FORMATS, METHODS = ("CSV", "TSV"), ("GET", "POST")


class ReportOperations:
    """The operations over one emulator's store, clock, engine and link signer; ``wake`` tells the scheduler."""

    def __init__(
        self,
        store: ReportStore,
        clock: ReportClock,
        engine: Callable[[], Engine],
        signer: LinkSigner,
        wake: Callable[[], None],
        remove_files: Callable[[list[str]], None],
    ) -> None:
        self.store = store
        self.clock = clock
        self.engine = engine
        self.signer = signer
        self.wake = wake
        self.remove_files = remove_files

    # datasets and queries

    def get_datasets(self, call: Call) -> JsonObject:
        name = call.name_filter("datasetName")
        datasets = list(self.engine().datasets.values())
        if name is not None:
            datasets = [dataset for dataset in datasets if dataset.name.lower() == name.lower()]
            if not datasets:
                raise ReportError(404, NOT_FOUND)
        return envelope([dataset_json(dataset) for dataset in datasets], "Dataset fetched successfully")

    def _parse(self, text: str) -> Any:
        """The parsed query; its positioned error as a 400."""
        try:
            return self.engine().parse(text)[0]
        except QueryRejected as error:
            raise bad(str(error)) from None

    def create_query(self, call: Call) -> JsonObject:
        body = Body(call.body)
        name = body.text("Name", required=True, maximum=NAME_MAX)
        description = body.text("Description", required=False, maximum=DESCRIPTION_MAX)
        text = body.text("Query", required=True, maximum=QUERY_MAX)
        assert name is not None and text is not None
        self._parse(text)
        query = QueryRecord(str(uuid.uuid4()), name, description, text, call.user, int(self.clock.now()))
        with self.store.transaction() as tx:
            tx.save_query(query)
        return envelope([query_json(query)], "Query created successfully")

    def _system(self, query_id: str) -> SystemQueryInfo | None:
        return next((q for q in self.engine().system_queries if q.query_id.lower() == query_id), None)

    def get_queries(self, call: Call) -> JsonObject:
        query_id = guid_param(call.param("queryId"), INVALID_QUERY_ID)
        name = call.name_filter("queryName")
        only_system = call.flag("includeOnlySystemQueries", False)
        with_system = call.flag("includeSystemQueries", True) or only_system
        found: list[JsonObject] = []
        if with_system:
            found += [
                system_query_json(query)
                for query in self.engine().system_queries
                if (query_id is None or query.query_id.lower() == query_id)
                and (name is None or query.name.lower() == name.lower())
            ]
        if not only_system:
            with self.store.transaction() as tx:
                found += [query_json(query) for query in tx.queries(query_id=query_id, name=name)]
        if not found and (query_id is not None or name is not None):
            raise ReportError(404, NOT_FOUND)
        return envelope(found, "Queries fetched successfully")

    def delete_query(self, call: Call) -> JsonObject:
        query_id = guid_param(call.path["queryId"], INVALID_QUERY_ID)
        assert query_id is not None
        if self._system(query_id) is not None:
            raise bad(INVALID_QUERY_ID)  # system queries cannot be deleted
        with self.store.transaction() as tx:
            query = tx.query(query_id)
            if query is None:
                raise ReportError(404, NOT_FOUND)
            tx.delete_query(query_id)
        return envelope([query_json(query)], "Query deleted successfully")

    def _query_text(self, query_id: str) -> str:
        system = self._system(query_id)
        if system is not None:
            return system.query
        with self.store.transaction() as tx:
            query = tx.query(query_id)
        if query is None:
            raise ReportError(404, NOT_FOUND)
        return query.query

    def try_query(self, call: Call) -> JsonObject:
        text, query_id = (
            call.param("exportQuery", EXPORT_QUERY_MAX),
            guid_param(call.param("queryId"), INVALID_QUERY_ID),
        )
        if text is not None and query_id is not None:
            raise bad(INVALID_PARAMETERS)  # mutually exclusive
        if (text is None or not text.strip()) and query_id is None:
            raise bad(MISSING)
        start, end = (self._param_time(call, name) for name in ("startTime", "endTime"))
        if start is not None and end is not None and end < start:
            raise bad(INVALID_PARAMETERS)
        if query_id is not None:
            text = self._query_text(query_id)
        assert text is not None
        parsed = self._parse(text)
        columns, rows = self.engine().evaluate(
            parsed,
            to_datetime(self.clock.now()),
            None if start is None else to_datetime(start),
            None if end is None else to_datetime(end),
        )
        value = [row_json(columns, row) for row in itertools.islice(rows, TRY_ROWS)]
        return envelope(value, f"Top {TRY_ROWS} rows of query execution")

    @staticmethod
    def _param_time(call: Call, name: str) -> float | None:
        text = call.param(name)
        if text is None:
            return None
        seconds = parse_time(text)
        if seconds is None:
            raise bad(INVALID_PARAMETERS)
        return seconds

    # reports

    def _minimum_interval(self, query: str) -> int:
        engine = self.engine()
        try:
            dataset = engine.datasets.get(engine.parse(query)[1])
        except QueryRejected:
            return INTERVAL_MIN
        return INTERVAL_MIN if dataset is None else max(INTERVAL_MIN, dataset.minimum_recurrence_interval or 0)

    def _check_start(self, start: float, now: float) -> None:
        if start < now + START_AHEAD - START_GRACE:
            raise bad(START_TOO_SOON)

    def create_report(self, call: Call) -> JsonObject:
        body = Body(call.body)
        name = body.text("ReportName", required=True, maximum=NAME_MAX)
        assert name is not None
        if ";" in name:
            raise bad(INVALID_PARAMETERS)
        description = body.text("Description", required=False, maximum=DESCRIPTION_MAX)
        query_id = body.guid("QueryId")
        execute_now = body.flag("ExecuteNow", False)
        fmt = body.choice("Format", FORMATS, "CSV").lower()
        method = body.choice("CallbackMethod", METHODS, "POST")
        callback = body.callback_url()
        start = body.time("StartTime", required=not execute_now)
        query_start = body.time("QueryStartTime", required=False, nullable=True)
        query_end = body.time("QueryEndTime", required=False, nullable=True)
        interval = body.interval(required=not execute_now)
        count = body.count()
        query = self._query_text(query_id)  # 404 for an unknown one, once the body is known to be well formed
        now = self.clock.now()
        if execute_now:
            if query_start is not None and query_end is not None and query_end <= query_start:
                raise bad(INVALID_PARAMETERS)
            start, interval, count = now, None, 1
        else:
            assert start is not None and interval is not None
            self._check_start(start, now)
            if interval < self._minimum_interval(query):
                raise bad(INVALID_PARAMETERS)
            query_start = query_end = None  # they apply to ExecuteNow only
        report = ReportRecord(
            report_id=str(uuid.uuid4()),
            name=name,
            description=description,
            query_id=query_id,
            query=query,
            user=call.user,
            created=int(now),
            modified=None,
            execute_now=execute_now,
            start=int(start),
            status=ACTIVE,
            interval=interval,
            count=count,
            callback_url=callback,
            callback_method=method,
            format=fmt,
            query_start=None if query_start is None else int(query_start),
            query_end=None if query_end is None else int(query_end),
            runs=0,
        )
        with self.store.transaction() as tx:
            tx.save_report(report)
            tx.save_execution(new_execution(report, PENDING, report.start))
        self.wake()
        return envelope([report_json(report)], "Report created successfully")

    def get_reports(self, call: Call) -> JsonObject:
        report_id = guid_param(call.param("reportId"), INVALID_PARAMETERS)
        name = call.name_filter("reportName")
        query_id = guid_param(call.param("queryId"), INVALID_QUERY_ID)
        with self.store.transaction() as tx:
            reports = tx.reports(report_id=report_id, name=name, query_id=query_id)
        if not reports and (report_id is not None or name is not None or query_id is not None):
            raise ReportError(404, NOT_FOUND)
        return envelope([report_json(report) for report in reports], "Reports fetched successfully")

    def _report_id(self, call: Call) -> str:
        report_id = guid_param(call.path["reportId"], INVALID_PARAMETERS)
        assert report_id is not None
        return report_id

    def update_report(self, call: Call) -> JsonObject:
        report_id = self._report_id(call)
        body = Body(call.body)
        name = body.text("ReportName", required=True, maximum=NAME_MAX)
        assert name is not None
        if ";" in name:
            raise bad(INVALID_PARAMETERS)
        changes: dict[str, Any] = {"name": name}
        if body.has("Description"):
            changes["description"] = body.text("Description", required=False, maximum=DESCRIPTION_MAX)
        start = body.time("StartTime", required=True)
        assert start is not None
        interval = body.interval(required=False)
        if body.has("RecurrenceCount"):
            changes["count"] = body.count()
        if body.has("Format"):
            changes["format"] = body.choice("Format", FORMATS, "CSV").lower()
        if body.has("CallbackMethod"):
            changes["callback_method"] = body.choice("CallbackMethod", METHODS, "POST")
        if body.has("CallbackUrl"):
            changes["callback_url"] = body.callback_url()
        now = self.clock.now()
        with self.store.transaction() as tx:
            report = tx.report(report_id)
            if report is None:
                raise ReportError(404, NOT_FOUND)
            self._check_start(start, now)
            if interval is not None and interval < self._minimum_interval(report.query):
                raise bad(INVALID_PARAMETERS)
            if not report.execute_now:
                changes["start"] = int(start)
                if interval is not None:
                    changes["interval"] = interval
            else:
                changes.pop("count", None)  # an ExecuteNow report runs once
            report = attrs.evolve(report, modified=int(now), **changes)
            report = self._reschedule(tx, report)
            tx.save_report(report)
        self.wake()
        return envelope([report_json(report)], "Report updated successfully")

    @staticmethod
    def _reschedule(tx: Transaction, report: ReportRecord) -> ReportRecord:
        """After an update: the execution to come follows the new StartTime and format, or there is none (and the
        report is Inactive) when RecurrenceCount runs are done; a finished report given more runs is Active again."""
        waiting = tx.open_execution(report.report_id)
        done = (report.execute_now and report.runs >= 1) or (report.count is not None and report.runs >= report.count)
        if waiting is not None and waiting.status != RUNNING:
            if done:
                tx.delete_execution(waiting.execution_id)
                return attrs.evolve(report, status=INACTIVE)
            due = waiting.due if report.execute_now else report.start
            tx.save_execution(attrs.evolve(waiting, due=due, format=report.format))
        elif waiting is None and not done and report.status == INACTIVE:
            tx.save_execution(new_execution(report, PENDING, report.start))
            return attrs.evolve(report, status=ACTIVE)
        return report

    def delete_report(self, call: Call) -> JsonObject:
        report_id = self._report_id(call)
        with self.store.transaction() as tx:
            report = tx.report(report_id)
            if report is None:
                raise ReportError(404, NOT_FOUND)
            files = tx.delete_report(report_id)
        self.remove_files(files)
        return envelope([report_json(report)], "Report deleted successfully")

    def pause_report(self, call: Call) -> JsonObject:
        report_id = self._report_id(call)
        with self.store.transaction() as tx:
            report = tx.report(report_id)
            if report is None:
                raise ReportError(404, NOT_FOUND)
            if report.status == INACTIVE:
                raise bad(INVALID_PARAMETERS)
            if report.status == ACTIVE:
                report = attrs.evolve(report, status=PAUSED)
                tx.save_report(report)
                waiting = tx.open_execution(report_id)
                if waiting is not None and waiting.status == PENDING:
                    tx.save_execution(attrs.evolve(waiting, status=PAUSED))
        return envelope([report_json(report)], "Report paused successfully")

    def resume_report(self, call: Call) -> JsonObject:
        report_id = self._report_id(call)
        now = self.clock.now()
        with self.store.transaction() as tx:
            report = tx.report(report_id)
            if report is None:
                raise ReportError(404, NOT_FOUND)
            if report.status == INACTIVE:
                raise bad(INVALID_PARAMETERS)
            if report.status == PAUSED:
                report = attrs.evolve(report, status=ACTIVE)
                tx.save_report(report)
                waiting = tx.open_execution(report_id)
                if waiting is not None and waiting.status == PAUSED:
                    due = waiting.due if waiting.due > now else first_after(report, now)
                    tx.save_execution(attrs.evolve(waiting, status=PENDING, due=due))
        self.wake()
        return envelope([report_json(report)], "Report resumed successfully")

    def get_executions(self, call: Call) -> JsonObject:
        if len(call.path["reportId"]) > ID_LIST_MAX:
            raise bad(INVALID_PARAMETERS)
        report_ids = guid_list(call.path["reportId"], INVALID_PARAMETERS)
        executions_text = call.param("executionId", ID_LIST_MAX)
        execution_ids = [] if executions_text is None else guid_list(executions_text, INVALID_PARAMETERS)
        statuses = []
        for item in (call.param("executionStatus", STATUS_LIST_MAX) or COMPLETED).split(";"):
            status = next((known for known in EXECUTION_STATUSES if known.lower() == item.strip().lower()), None)
            if status is None:
                raise bad(not_found_value(item))
            statuses.append(status)
        latest = call.flag("getLatestExecution", True)
        now = self.clock.now()
        with self.store.transaction() as tx:
            found = tx.find_executions(report_ids, execution_ids, statuses, int(now) - HISTORY)
            reports = {report_id: tx.report(report_id) for report_id in {e.report_id for e in found}}
        if latest:  # newest first, so a report's first is its latest
            firsts: dict[str, ExecutionRecord] = {}
            for execution in found:
                firsts.setdefault(execution.report_id, execution)
            found = list(firsts.values())
        value = []
        for execution in found:
            report = reports.get(execution.report_id)
            if report is None:
                continue
            link = None
            if execution.status == COMPLETED:
                link = self.signer.sign(call.base_url, execution.execution_id, now)
            value.append(execution_json(execution, report, link))
        if not value:
            raise ReportError(404, NO_EXECUTIONS)
        return envelope(value, None)
