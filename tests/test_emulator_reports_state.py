"""The reports API's state over time: the scheduler on a moved clock, pause and resume, update, delete, a restart
with --state, signed links, callbacks, and the control API. No real waiting beyond an ExecuteNow run's moments."""

from __future__ import annotations

import datetime
import logging
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import attrs
import httpcore  # noqa: F401  (as in test_pytest_plugin: an in-process run must not be the first to import it)
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pcinsights.emulator import EmulatorConfig, RunningEmulator, create_app, run_in_background
from pcinsights.emulator.__main__ import main
from pcinsights.emulator.reports.engine import Rows
from pcinsights.emulator.reports.envelope import INVALID_PARAMETERS, NOT_FOUND, START_TOO_SOON
from pcinsights.emulator.reports.scheduler import MAX_CATCH_UP
from pcinsights.emulator.reports.store import RUNNING, ReportStore
from pcinsights.emulator.server import serve_in_background
from pcinsights.pytest_plugin import Clock
from tests._reports import OFFICE_QUERY, POLL_TIMEOUT, PREFIX, Reports, stamp
from tests._support import announced

HOUR = 3600
pytest_plugins = ["pytester"]


@pytest.fixture
def start(plain_http: httpx.Client) -> Iterator[Callable[..., Reports]]:
    """Start emulators of this test's own (``EmulatorConfig`` fields), each stopped after it."""
    with ExitStack() as stack:

        def started(**fields: object) -> Reports:
            config = EmulatorConfig(customers=3, **fields)  # type: ignore[arg-type]
            return Reports(stack.enter_context(run_in_background(config)), plain_http)

        yield started


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + POLL_TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.02)


def _statuses(reports: Reports, report_id: str) -> list[str]:
    return [item["executionStatus"] for item in reports.executions(report_id, getLatestExecution="false")]


def _status(reports: Reports, report_id: str) -> str:
    return str(reports.ok("GET", "/ScheduledReport", params={"reportId": report_id})[0]["reportStatus"])


def test_a_scheduled_report_runs_when_the_clock_reaches_it_then_recurs_until_its_count(
    start: Callable[..., Reports],
) -> None:
    reports = start()
    report = reports.scheduled(reports.query(), RecurrenceCount=2)
    report_id = report["reportId"]
    assert reports.call("GET", f"/ScheduledReport/execution/{report_id}").status_code == 404
    reports.advance(4 * HOUR)
    first = reports.completed(report_id)
    assert first["reportGeneratedTime"] >= report["startTime"]
    _until(lambda: _statuses(reports, report_id) == ["Pending", "Completed"])
    (pending,) = reports.executions(report_id, "Pending")
    assert pending["executionId"] != first["executionId"]
    reports.advance(24 * HOUR)
    _until(lambda: _statuses(reports, report_id) == ["Completed", "Completed"])
    assert _status(reports, report_id) == "Inactive"


def test_a_big_advance_runs_only_the_latest_missed_occurrences(start: Callable[..., Reports]) -> None:
    reports = start()
    report_id = reports.scheduled(reports.query())["reportId"]
    before = reports.now()
    now = reports.advance(365 * 24 * HOUR)
    _until(lambda: _statuses(reports, report_id) == ["Pending"] + ["Completed"] * MAX_CATCH_UP)
    assert len(reports.executions(report_id, "Pending")) == 1
    assert now - before >= datetime.timedelta(days=365)


def test_pause_holds_a_run_and_resume_rolls_it_past_now(start: Callable[..., Reports]) -> None:
    reports = start()
    report_id = reports.scheduled(reports.query())["reportId"]
    assert reports.ok("PUT", f"/ScheduledReport/pause/{report_id}")[0]["reportStatus"] == "Paused"
    assert reports.ok("PUT", f"/ScheduledReport/pause/{report_id}")[0]["reportStatus"] == "Paused"  # idempotent
    assert _statuses(reports, report_id) == ["Paused"]
    reports.advance(5 * HOUR)
    time.sleep(0.1)  # the scheduler had its chance
    assert _statuses(reports, report_id) == ["Paused"]
    assert reports.ok("PUT", f"/ScheduledReport/resume/{report_id}")[0]["reportStatus"] == "Active"
    assert _statuses(reports, report_id) == ["Pending"]
    reports.advance(24 * HOUR)
    assert reports.completed(report_id)["executionStatus"] == "Completed"


def test_a_finished_report_cannot_be_paused_or_resumed(start: Callable[..., Reports]) -> None:
    reports = start()
    report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
    reports.completed(report_id)
    _until(lambda: _status(reports, report_id) == "Inactive")
    for action in ("pause", "resume"):
        response = reports.call("PUT", f"/ScheduledReport/{action}/{report_id}")
        assert response.status_code == 400 and response.json()["message"] == INVALID_PARAMETERS


def test_an_update_changes_the_schedule_and_the_format(start: Callable[..., Reports]) -> None:
    reports = start()
    report = reports.scheduled(reports.query(), CallbackUrl="http://127.0.0.1:9/x")
    report_id = report["reportId"]
    later = stamp(reports.now() + datetime.timedelta(hours=10))
    body = {"ReportName": "renamed", "StartTime": later, "RecurrenceInterval": 48, "Format": "tsv", "CallbackUrl": None}
    updated = reports.ok("PUT", f"/ScheduledReport/{report_id}", json=body)[0]
    assert (updated["reportName"], updated["startTime"], updated["recurrenceInterval"]) == ("renamed", later, 48)
    assert (updated["format"], updated["callbackUrl"], updated["queryId"]) == ("tsv", None, report["queryId"])
    assert updated["modifiedTime"] is not None and updated["createdTime"] == report["createdTime"]
    assert reports.executions(report_id)[0]["format"] == "tsv"
    reports.advance(5 * HOUR)  # the old start: nothing due now
    time.sleep(0.1)
    assert _statuses(reports, report_id) == ["Pending"]
    reports.advance(5 * HOUR)
    execution = reports.completed(report_id)
    assert "\t" in reports.http.get(execution["reportAccessSecureLink"]).text.splitlines()[0]
    soon = {"ReportName": "r", "StartTime": stamp(reports.now())}
    refused = reports.call("PUT", f"/ScheduledReport/{report_id}", json=soon)
    assert refused.status_code == 400 and refused.json()["message"] == START_TOO_SOON
    ahead = {**soon, "StartTime": stamp(reports.now() + datetime.timedelta(hours=5))}
    missing = reports.call("PUT", f"/ScheduledReport/{uuid.uuid4()}", json=ahead)
    assert missing.status_code == 404 and missing.json()["message"] == NOT_FOUND


def test_a_deleted_report_is_gone_with_its_executions_and_files(start: Callable[..., Reports]) -> None:
    reports = start()
    report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
    link = reports.completed(report_id)["reportAccessSecureLink"]
    assert reports.http.get(link).status_code == 200
    assert reports.ok("DELETE", f"/ScheduledReport/{report_id}")[0]["reportId"] == report_id
    assert reports.call("GET", "/ScheduledReport", params={"reportId": report_id}).status_code == 404
    assert reports.call("GET", f"/ScheduledReport/execution/{report_id}").status_code == 404
    assert reports.call("DELETE", f"/ScheduledReport/{report_id}").status_code == 404
    gone = reports.http.get(link)
    assert gone.status_code == 404 and "eyJ" not in gone.text


def test_links_refuse_tampering_and_expire_on_the_emulators_clock(start: Callable[..., Reports]) -> None:
    reports = start(link_lifetime=600)
    report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
    execution = reports.completed(report_id)
    link = execution["reportAccessSecureLink"]
    parts = urlsplit(link)
    params = {name: values[0] for name, values in parse_qs(parts.query).items()}
    expiry = datetime.datetime.strptime(params["se"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert execution["reportExpiryTime"] == params["se"]
    assert expiry - reports.now() <= datetime.timedelta(seconds=600)
    base = f"{parts.scheme}://{parts.netloc}{parts.path}"
    later = stamp(expiry + datetime.timedelta(days=1))
    other = str(uuid.uuid4())
    for tampered in (
        f"{base}?{urlencode({**params, 'sig': params['sig'][:-2] + 'AA'})}",
        f"{base}?{urlencode({**params, 'se': later})}",
        f"{base}?{urlencode({'se': params['se']})}",
        f"{parts.scheme}://{parts.netloc}/_files/{other}?{parts.query}",
    ):
        assert reports.http.get(tampered).status_code == 403, tampered
    escaping = reports.http.get(f"{parts.scheme}://{parts.netloc}/_files/..%2F..%2Fetc%2Fpasswd?{parts.query}")
    assert escaping.status_code in (403, 404) and "root:" not in escaping.text
    assert reports.http.get(link).status_code == 200
    reports.advance(601)
    assert reports.http.get(link).status_code == 403
    fresh = reports.completed(report_id)["reportAccessSecureLink"]
    assert fresh != link and reports.http.get(fresh).status_code == 200


class _Listener:
    """A loopback server that keeps the callbacks it receives."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, str, bytes]] = []

    async def record(self, request: Request) -> Response:
        self.received.append((request.method, request.url.path, request.url.query, await request.body()))
        return Response(status_code=204)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.record, methods=["GET", "POST"])])


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_callback_reaches_a_loopback_listener_in_the_documented_shape(
    start: Callable[..., Reports], method: str
) -> None:
    listener = _Listener()
    with serve_in_background(listener.app(), EmulatorConfig()) as (listener_url, _):
        reports = start()
        report_id = reports.report(
            reports.query(), ExecuteNow=True, CallbackUrl=listener_url + "/reportready", CallbackMethod=method
        )["reportId"]
        reports.completed(report_id)
        _until(lambda: bool(listener.received))
    if method == "POST":
        assert listener.received == [("POST", f"/reportready/{report_id}", "", b"")]
    else:
        assert listener.received == [("GET", "/reportready", f"reportId={report_id}", b"")]


def test_a_callback_to_another_host_is_not_sent_unless_allowed(
    start: Callable[..., Reports], caplog: pytest.LogCaptureFixture
) -> None:
    reports = start()
    caplog.set_level(logging.WARNING, "pcinsights.emulator.reports")
    report_id = reports.report(reports.query(), ExecuteNow=True, CallbackUrl="http://callbacks.example.test/r")[
        "reportId"
    ]
    reports.completed(report_id)
    _until(lambda: any("not sent" in record.getMessage() for record in caplog.records))
    assert start(callback_hosts=frozenset({"Callbacks.Example.Test"})).emulator.app.state.reports.callbacks.allowed(
        "http://callbacks.example.test/r"
    )


def test_state_survives_a_restart_with_the_same_state_file(tmp_path: Path, plain_http: httpx.Client) -> None:
    state = str(tmp_path / "reports.db")
    with run_in_background(EmulatorConfig(customers=3, state=state)) as first:
        reports = Reports(first, plain_http)
        query_id = reports.query(name="kept")
        scheduled = reports.scheduled(query_id)
        done = reports.report(query_id, ExecuteNow=True)
        execution = reports.completed(done["reportId"])
        moved = reports.advance(2 * HOUR)
    assert (tmp_path / "reports.db.files" / f"{execution['executionId']}.csv.gz").is_file()
    with run_in_background(EmulatorConfig(customers=3, state=state)) as second:
        reports = Reports(second, plain_http)
        assert reports.now() >= moved
        assert [item["name"] for item in reports.ok("GET", "/ScheduledQueries", params={"queryId": query_id})] == [
            "kept"
        ]
        assert {item["reportId"] for item in reports.ok("GET", "/ScheduledReport")} == {
            scheduled["reportId"],
            done["reportId"],
        }
        again = reports.completed(done["reportId"])
        assert again["executionId"] == execution["executionId"]
        assert reports.http.get(again["reportAccessSecureLink"]).status_code == 200
        reports.advance(2 * HOUR)
        assert reports.completed(scheduled["reportId"])["executionStatus"] == "Completed"


def test_the_control_api(start: Callable[..., Reports]) -> None:
    reports = start()
    now = reports.now()
    assert reports.advance(90) - now >= datetime.timedelta(seconds=90)
    bodies: list[object] = [{"advance": -1}, {"advance": "1"}, {"advance": True}, {}, [], {"advance": 1e300}]
    for body in bodies:
        refused = reports.control("POST", "/clock", json=body)
        assert refused.status_code == 400 and refused.json()["message"], body
    assert reports.control("POST", "/clock", content=b"{").status_code == 400
    assert reports.control("POST", "/faults", content=b'{"\\ud800": 1}').status_code == 400
    for body in ({"customers": 3}, {"fail_503": 2.0}, {"fail_503": "all"}, {"bom": 1}):
        refused = reports.control("POST", "/faults", json=body)
        assert refused.status_code == 400 and refused.json()["message"], body
    assert (
        reports.control("POST", "/faults", json={"fail_503": 1, "retry_after": 0}).json()["faults"]["fail_503"] == 1.0
    )
    assert reports.call("GET", "/ScheduledReport").status_code == 503
    reset = reports.control("POST", "/reset")
    assert reset.status_code == 200 and reports.now() - now < datetime.timedelta(seconds=60)
    assert reports.ok("GET", "/ScheduledReport") == []
    reports.query()
    reports.control("POST", "/reset")
    assert reports.ok("GET", "/ScheduledQueries", params={"includeSystemQueries": "false"}) == []
    assert reports.control("GET", "/reset").status_code == 405


def test_the_plugins_clock_moves_the_session_emulator(
    pcinsights_clock: Clock, pcinsights_emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    reports = Reports(pcinsights_emulator, plain_http)
    report_id = reports.scheduled(reports.query())["reportId"]
    before = pcinsights_clock.now()
    assert pcinsights_clock.advance(4 * HOUR) - before >= datetime.timedelta(hours=4)
    assert reports.completed(report_id)["executionStatus"] == "Completed"


@contextmanager
def _emulator_process(state: Path) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    """``python -m pcinsights.emulator --state`` in a child process: it, its base URL and the banner's token."""
    command = [sys.executable, "-m", "pcinsights.emulator", "--port", "0", "--customers", "3", "--state", str(state)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            base_url = announced(process, r"emulator on (http://[0-9.:]+) ").group(1)
            assert process.stdout is not None
            banner = [process.stdout.readline() for _ in range(4)]
            yield process, base_url, banner[3].strip()
        finally:
            if process.poll() is None:
                process.kill()


def test_a_killed_emulator_loses_nothing_it_acknowledged(tmp_path: Path, plain_http: httpx.Client) -> None:
    state = tmp_path / "reports.db"
    with _emulator_process(state) as (process, base_url, token):
        auth = {"Authorization": f"Bearer {token}"}
        created = plain_http.post(
            base_url + PREFIX + "/ScheduledQueries", json={"Name": "kept", "Query": OFFICE_QUERY}, headers=auth
        )
        query_id = created.json()["value"][0]["queryId"]
        start = stamp(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=5))
        body = {"ReportName": "kept", "QueryId": query_id, "StartTime": start, "RecurrenceInterval": 24}
        report = plain_http.post(base_url + PREFIX + "/ScheduledReport", json=body, headers=auth)
        assert report.status_code == 200, report.text
        process.send_signal(signal.SIGKILL)  # no shutdown at all: only what was committed remains
        process.wait(10)
    with _emulator_process(state) as (_, base_url, token):
        auth = {"Authorization": f"Bearer {token}"}
        (kept,) = plain_http.get(base_url + PREFIX + "/ScheduledReport", headers=auth).json()["value"]
        assert (kept["reportId"], kept["queryId"], kept["startTime"]) == (
            report.json()["value"][0]["reportId"],
            query_id,
            start,
        )


def test_a_run_left_running_by_a_stopped_emulator_runs_again_at_the_next_start(
    tmp_path: Path, plain_http: httpx.Client
) -> None:
    state = str(tmp_path / "reports.db")
    with run_in_background(EmulatorConfig(customers=3, state=state)) as first:
        reports = Reports(first, plain_http)
        report_id = reports.scheduled(reports.query())["reportId"]
    store = ReportStore(state)
    with store.transaction() as tx:
        execution = tx.open_execution(report_id)
        assert execution is not None
        tx.save_execution(attrs.evolve(execution, status=RUNNING, due=int(time.time())))  # as if killed mid-run
    store.close()
    with run_in_background(EmulatorConfig(customers=3, state=state)) as second:
        assert Reports(second, plain_http).completed(report_id)["executionId"] == execution.execution_id


def test_a_run_whose_query_fails_completes_with_an_empty_file(
    plain_http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(*args: object) -> Rows:
        raise RuntimeError("the dataset is broken")

    with run_in_background(app=create_app(EmulatorConfig(customers=3))) as running:
        standard = running.app.state.reports.engine()
        broken = create_app(EmulatorConfig(customers=3), reports_engine=attrs.evolve(standard, evaluate=failing))
    caplog.set_level(logging.ERROR, "pcinsights.emulator.reports")
    with run_in_background(app=broken) as running:
        reports = Reports(running, plain_http)
        execution = reports.completed(reports.report(reports.query(), ExecuteNow=True)["reportId"])
        assert reports.http.get(execution["reportAccessSecureLink"]).text == "\r\n"
    assert any("the dataset is broken" in (record.exc_text or "") for record in caplog.records)


CLOCK_TESTS = """
import datetime

import httpx

QUERIES = "/insights/v1/mpn/ScheduledQueries"


def _user_queries(emulator, token):
    answer = httpx.get(
        emulator.base_url + QUERIES,
        params={"includeSystemQueries": "false"},
        headers={"Authorization": f"Bearer {token}"},
    )
    return answer.json()["value"]


def test_one(pcinsights_clock, pcinsights_emulator, pcinsights_token):
    body = {"Name": "q", "Query": "SELECT CustomerTenantId, WorkloadName FROM OfficeUsage"}
    headers = {"Authorization": f"Bearer {pcinsights_token}"}
    assert httpx.post(pcinsights_emulator.base_url + QUERIES, json=body, headers=headers).status_code == 200
    assert len(_user_queries(pcinsights_emulator, pcinsights_token)) == 1
    before = pcinsights_clock.now()
    assert pcinsights_clock.advance(86400) - before >= datetime.timedelta(days=1)


def test_two(pcinsights_clock, pcinsights_emulator, pcinsights_token):
    assert _user_queries(pcinsights_emulator, pcinsights_token) == []
    assert pcinsights_clock.now() - datetime.datetime.now(datetime.UTC) < datetime.timedelta(hours=1)
"""


def test_the_plugins_clock_and_a_clean_reports_state_in_every_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_clock=CLOCK_TESTS)
    lean = ("-p", "no:cacheprovider", "-p", "no:schemathesis", "-p", "no:hypothesispytest", "-p", "no:xdist")
    pytester.runpytest_inprocess(*lean, "-p", "no:asyncio", "-p", "no:anyio").assert_outcomes(passed=2)


def test_a_state_file_that_cannot_be_kept_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "no-such-folder" / "reports.db"
    assert main(["--port", "0", "--state", str(state)]) == 2
    assert f"cannot keep the reports' state in {state}:" in capsys.readouterr().err
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as written:
        written.execute("CREATE TABLE reports (report_id TEXT)")
    assert main(["--port", "0", "--state", str(other)]) == 2
    assert "holds another version's reports state" in capsys.readouterr().err
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("not a database " * 100, encoding="utf-8")
    assert main(["--port", "0", "--state", str(not_sqlite)]) == 2
    assert f"cannot keep the reports' state in {not_sqlite}:" in capsys.readouterr().err
