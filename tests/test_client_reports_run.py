"""run_report / arun_report over real HTTP on loopback, on a fake clock: the query reused or created, the run-now
report, the wait through both readings of the docs (404 before the first completed run, or a 200 that is still
Pending or Running), Retry-After on the POSTs and the polls, the deadline, typed errors; and iter_report_rows
renewing an expired link through the generated executions call.

The server is a small scripted stand-in for the reports API (http.server in a thread), so each test states the
answers it needs; the emulator's own reports tests cover the real service's behaviour.
"""

from __future__ import annotations

import datetime
import http.server
import json
import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from partner_center_analytics import (
    AuthenticatedClient,
    BadRequestError,
    ReportDownloadError,
    ReportError,
    ReportTimeoutError,
    RetryPolicy,
    ThrottledError,
    aiter_report_rows,
    arun_report,
    iter_report_rows,
    run_report,
)
from partner_center_analytics.models.office_usage_row import OfficeUsageRow
from partner_center_analytics.models.report_execution import ReportExecution

from tests._support import FakeClock

TOKEN = "run-report-bearer-token"
BASE = "/insights/v1/mpn"
QUERY = "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH"
FILE = b"CustomerTenantId,WorkloadName,PaidAvailableUnits\r\nc1,Exchange,12\r\nc2,Teams,\r\n"


def _envelope(value: list[dict[str, Any]], status: int = 200, message: str | None = None) -> dict[str, Any]:
    return {
        "value": value,
        "nextLink": None,
        "totalCount": len(value),
        "message": message,
        "statusCode": status,
        "dataRedacted": False,
    }


@dataclass
class Reports:
    """The stand-in's state and script: queries; per operation, answers to give first ("429:7" is a 429 with
    Retry-After 7, "503", "400"); the executions' statuses in turn ("404" for none yet; the last repeats)."""

    url: str = ""
    queries: list[dict[str, Any]] = field(default_factory=list)
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    first: dict[str, list[str]] = field(default_factory=dict)
    statuses: list[str] = field(default_factory=lambda: ["Completed"])
    seen: list[tuple[str, str, dict[str, Any] | None, dict[str, str]]] = field(default_factory=list)
    links: int = 0  # links handed out; only the latest is honoured
    files: int = 0  # file downloads answered 200

    def calls(self, method: str, part: str) -> list[tuple[str, dict[str, Any] | None, dict[str, str]]]:
        """The requests of ``method`` whose path and query contain ``part``: (path and query, body, headers)."""
        return [(path, body, headers) for m, path, body, headers in self.seen if m == method and part in path]

    def execution(self, report_id: str, status: str) -> dict[str, Any]:
        completed = status == "Completed"
        if completed:
            self.links += 1
        link = f"{self.url}/files/{report_id}?se=x&sig=link{self.links}" if completed else None
        return {
            "executionId": report_id[:-1] + "e",
            "reportId": report_id,
            "format": self.reports[report_id]["format"],
            "executionStatus": status,
            "reportAccessSecureLink": link,
            "reportGeneratedTime": "2026-12-06T08:00:00Z" if completed else None,
        }


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: Reports

    def _send(
        self, status: int, payload: Any, *headers: tuple[str, str], content_type: str = "application/json"
    ) -> None:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _scripted(self, operation: str) -> bool:
        script = self.state.first.get(operation) or []
        if not script:
            return False
        answer = script.pop(0)
        code, _, after = answer.partition(":")
        headers = [("Retry-After", after)] if after else []
        if code == "400":
            self._send(400, _envelope([], 400, "Invalid table name"))
        else:
            self._send(int(code), {"statusCode": int(code), "message": "try later"}, *headers)
        return True

    def _record(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        self.state.seen.append((self.command, self.path, body, {k.lower(): v for k, v in self.headers.items()}))
        return body

    def do_GET(self) -> None:
        self._record()
        path, _, query = self.path.partition("?")
        state = self.state
        if path == f"{BASE}/ScheduledQueries":
            if not self._scripted("queries"):
                self._send(200, _envelope(state.queries))
        elif match := re.fullmatch(f"{BASE}/ScheduledReport/execution/([0-9a-f-]+)", path):
            if self._scripted("executions"):
                return
            report_id = match[1]
            if report_id not in state.reports:
                self._send(404, _envelope([], 404, "No item found with given filters."))
                return
            status = state.statuses.pop(0) if len(state.statuses) > 1 else state.statuses[0]
            if status == "404":
                self._send(404, _envelope([], 404, "There are no executions ..."))
            else:
                self._send(200, _envelope([state.execution(report_id, status)]))
        elif path.startswith("/files/"):
            if f"sig=link{state.links}" not in query:
                self._send(403, b"AuthenticationFailed: link expired", content_type="text/plain")
            else:
                state.files += 1
                self._send(200, FILE, content_type="text/csv; charset=utf-8")
        else:
            self._send(404, _envelope([], 404, "No item found with given filters."))

    def do_POST(self) -> None:
        body = self._record() or {}
        state = self.state
        if self.path == f"{BASE}/ScheduledQueries":
            if self._scripted("create_query"):
                return
            query = {"queryId": str(uuid.uuid4()), "name": body["Name"], "query": body["Query"], "type": "userDefined"}
            state.queries.append(query)
            self._send(200, _envelope([query]))
        elif self.path == f"{BASE}/ScheduledReport":
            if self._scripted("create_report"):
                return
            report_id = str(uuid.uuid4())
            state.reports[report_id] = {"reportId": report_id, "format": body.get("Format", "CSV").lower()}
            self._send(200, _envelope([{**state.reports[report_id], "queryId": body["QueryId"]}]))
        else:
            self._send(404, _envelope([], 404, "No item found with given filters."))

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up on a kept-alive connection is no server error


@contextmanager
def reports_server(state: Reports) -> Iterator[Reports]:
    server = _Server(("127.0.0.1", 0), type("Handler", (_Handler,), {"state": state}))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def reports() -> Iterator[Reports]:
    with reports_server(Reports()) as state:
        yield state


def _policy(clock: FakeClock, **fields: Any) -> RetryPolicy:
    fields.setdefault("base_delay", 1.0)
    fields.setdefault("max_delay", 8.0)
    return clock.policy(**fields, jitter=lambda: 0.5)


def _client(reports: Reports, clock: FakeClock) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=reports.url, token=TOKEN, retry=_policy(clock))


async def run(mode: str, client: AuthenticatedClient, query: str = QUERY, **options: Any) -> ReportExecution:
    if mode == "sync":
        return run_report(client, query, **options)
    return await arun_report(client, query, **options)


async def rows(mode: str, client: AuthenticatedClient, execution: ReportExecution, **options: Any) -> list[Any]:
    if mode == "sync":
        return list(iter_report_rows(client, execution, **options))
    return [row async for row in aiter_report_rows(client, execution, **options)]


@pytest.mark.parametrize(
    "statuses",
    [["404", "404", "Completed"], ["Pending", "Running", "Completed"], ["404", "Pending", "Running", "Completed"]],
    ids=["404 until completed", "pending and running", "both readings"],
)
async def test_a_query_runs_to_completion_and_its_rows_stream(
    mode: str, reports: Reports, fake_clock: FakeClock, statuses: list[str]
) -> None:
    reports.statuses = list(statuses)
    client = _client(reports, fake_clock)
    execution = await run(mode, client, deadline=60.0)
    assert str(execution.execution_status) == "Completed"
    assert execution.report_id in reports.reports
    created = reports.calls("POST", "/ScheduledQueries")
    assert [body for _, body, _ in created] == [{"Name": created[0][1]["Name"], "Query": QUERY}]  # type: ignore[index]
    [(_, report, _)] = reports.calls("POST", "/ScheduledReport")
    assert report is not None and report["ExecuteNow"] is True and report["Format"] == "CSV"
    assert report["QueryId"] == reports.queries[0]["queryId"] and report["ReportName"] == created[0][1]["Name"]  # type: ignore[index]
    polls = reports.calls("GET", "/ScheduledReport/execution/")
    assert len(polls) == len(statuses)
    assert all("executionStatus=Pending%3BRunning%3BPaused%3BCompleted" in path for path, _, _ in polls)
    assert fake_clock.sleeps == [0.75, 1.5, 3.0][: len(statuses) - 1]  # base 1 s doubling, jitter 0.5: 3/4 of each
    typed = await rows(mode, client, execution, dataset="OfficeUsage")
    assert typed == [
        OfficeUsageRow(customer_tenant_id="c1", workload_name="Exchange", paid_available_units=12),
        OfficeUsageRow(customer_tenant_id="c2", workload_name="Teams", paid_available_units=None),
    ]
    plain = await rows(mode, client, execution)
    assert plain == [
        {"CustomerTenantId": "c1", "WorkloadName": "Exchange", "PaidAvailableUnits": "12"},
        {"CustomerTenantId": "c2", "WorkloadName": "Teams", "PaidAvailableUnits": ""},
    ]
    downloads = [headers for path, _, headers in reports.calls("GET", "/files/")]
    assert downloads and all("authorization" not in headers for headers in downloads)
    assert all(TOKEN not in str(headers) for headers in downloads)


async def test_a_user_query_with_the_same_text_is_reused(mode: str, reports: Reports, fake_clock: FakeClock) -> None:
    system = {"queryId": str(uuid.uuid4()), "name": "sys", "query": QUERY, "type": "system"}
    mine = {"queryId": str(uuid.uuid4()), "name": "mine", "query": f"  {QUERY}\n", "type": "userDefined"}
    reports.queries = [system, mine]
    await run(mode, _client(reports, fake_clock), name="monthly")
    assert reports.calls("POST", "/ScheduledQueries") == []
    [(_, report, _)] = reports.calls("POST", "/ScheduledReport")
    assert report is not None and report["QueryId"] == mine["queryId"] and report["ReportName"] == "monthly"
    [(path, _, _)] = reports.calls("GET", "/ScheduledQueries")
    assert "includeSystemQueries=false" in path


async def test_the_report_takes_the_window_and_format(mode: str, reports: Reports, fake_clock: FakeClock) -> None:
    start = datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    execution = await run(mode, _client(reports, fake_clock), query_start=start, query_end=end, format="tsv")
    [(_, report, _)] = reports.calls("POST", "/ScheduledReport")
    assert report is not None and report["Format"] == "TSV"
    assert datetime.datetime.fromisoformat(report["QueryStartTime"]) == start
    assert datetime.datetime.fromisoformat(report["QueryEndTime"]) == end
    assert str(execution.format_) == "tsv"


async def test_a_throttled_post_is_retried_after_retry_after(
    mode: str, reports: Reports, fake_clock: FakeClock
) -> None:
    reports.first = {"create_query": ["429:7"], "create_report": ["429:11", "429:2"]}
    execution = await run(mode, _client(reports, fake_clock))
    assert execution.report_id in reports.reports
    assert fake_clock.sleeps[:3] == [7.0, 11.0, 3.0]  # Retry-After, or the backoff when that is longer
    assert len(reports.calls("GET", "/ScheduledQueries")) == 2  # looked up again before creating again
    assert len(reports.calls("POST", "/ScheduledQueries")) == 2
    assert len(reports.queries) == 1


async def test_throttling_past_the_deadline_is_the_throttled_error(
    mode: str, reports: Reports, fake_clock: FakeClock
) -> None:
    reports.first = {"create_report": ["429:100", "429:100"]}
    with pytest.raises(ThrottledError) as caught:
        await run(mode, _client(reports, fake_clock), deadline=50.0)
    assert caught.value.retry_after == 100.0
    assert fake_clock.now == pytest.approx(50.0)  # waited up to the deadline, tried once more, then gave up


async def test_polls_wait_out_retry_after_and_server_errors(mode: str, reports: Reports, fake_clock: FakeClock) -> None:
    reports.statuses = ["Pending", "Completed"]
    # The transport retries a GET's 503 itself (its own policy); the flow waits out what is left.
    reports.first = {"executions": ["429:20"] * 5 + ["503:3"] * 5 + ["502"] * 5}
    client = AuthenticatedClient(base_url=reports.url, token=TOKEN, retry=_policy(fake_clock))
    execution = await run(mode, client, deadline=1000.0)
    assert str(execution.execution_status) == "Completed"
    assert 20.0 in fake_clock.sleeps and 3.0 in fake_clock.sleeps


@pytest.mark.parametrize(("status", "last"), [("Pending", "Pending"), ("404", None)])
async def test_the_deadline_ends_the_wait_with_the_last_status(
    mode: str, reports: Reports, fake_clock: FakeClock, status: str, last: str | None
) -> None:
    reports.statuses = [status]
    with pytest.raises(ReportTimeoutError) as caught:
        await run(mode, _client(reports, fake_clock), deadline=30.0)
    error = caught.value
    assert error.report_id in reports.reports and error.last_status == last and error.deadline == 30.0
    assert f"did not complete within 30 s (last status: {last or 'no execution yet'})" in str(error)
    assert fake_clock.now == pytest.approx(30.0)
    assert max(fake_clock.sleeps) <= 8.0 * 0.75  # max_delay 8, jitter 0.5
    assert TOKEN not in repr(error)


async def test_a_refused_query_is_the_bad_request_error(mode: str, reports: Reports, fake_clock: FakeClock) -> None:
    reports.first = {"create_query": ["400"]}
    with pytest.raises(BadRequestError, match="Invalid table name"):
        await run(mode, _client(reports, fake_clock))
    assert reports.reports == {}


@pytest.mark.parametrize(("options", "message"), [({"format": "xml"}, "CSV or TSV"), ({"deadline": 0}, "positive")])
async def test_bad_arguments_are_report_errors(
    mode: str, reports: Reports, fake_clock: FakeClock, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ReportError, match=message):
        await run(mode, _client(reports, fake_clock), **options)
    assert reports.seen == []


async def test_an_expired_link_is_renewed_through_the_executions_call(
    mode: str, reports: Reports, fake_clock: FakeClock
) -> None:
    client = _client(reports, fake_clock)
    execution = await run(mode, client)
    reports.links += 1  # the link in hand is no longer the latest: refused with 403
    assert len(await rows(mode, client, execution)) == 2
    renewals = reports.calls("GET", "/ScheduledReport/execution/")[1:]
    assert len(renewals) == 1 and f"executionId={execution.execution_id}" in renewals[0][0]
    assert reports.files == 1

    reports.reports.clear()  # the report deleted: the renewal finds no execution
    reports.links += 1
    with pytest.raises(ReportDownloadError, match="the report file is gone") as caught:
        await rows(mode, client, execution)
    assert caught.value.status_code == 404


async def test_a_policy_without_backoff_still_waits_between_polls(mode: str, reports: Reports) -> None:
    clock = FakeClock()
    client = AuthenticatedClient(base_url=reports.url, token=TOKEN, retry=clock.policy(base_delay=0, max_delay=0))
    reports.statuses = ["Running"]
    with pytest.raises(ReportTimeoutError):
        await run(mode, client, deadline=1.0)
    polls = len(reports.calls("GET", "/ScheduledReport/execution/"))
    assert 20 <= polls <= 22  # every 0.05 s (MIN_WAIT) and once at the deadline, give or take a float's rounding
