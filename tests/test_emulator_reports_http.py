"""The reports API over real HTTP: the whole flow, every documented 400, the 404s, auth, ids and faults."""

from __future__ import annotations

import csv
import datetime
import io
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pcinsights.emulator import EmulatorConfig, create_app, run_in_background
from pcinsights.emulator.reports.envelope import (
    BAD_INTERVAL,
    INVALID_PARAMETERS,
    INVALID_QUERY_ID,
    MISSING,
    NO_EXECUTIONS,
    NOT_FOUND,
    START_TOO_SOON,
)
from tests._reports import OFFICE_QUERY, PREFIX, Reports, stamp
from tests._support import token_for

OFFICE_USAGE_ID = "d8349f7b-a7d1-467e-b26d-434d4a50f26a"  # a system query (documented id)


@pytest.fixture(scope="module")
def reports(plain_http: httpx.Client) -> Iterator[Reports]:
    """One emulator for the module's tests; each makes its own queries and reports."""
    with run_in_background(app=create_app(EmulatorConfig(customers=5))) as running:
        yield Reports(running, plain_http)


def _refused(response: httpx.Response, status: int, message: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body == {
        "value": [],
        "nextLink": None,
        "totalCount": 0,
        "message": body["message"],
        "statusCode": status,
        "dataRedacted": False,
    }
    assert message in body["message"]
    for name in ("MS-RequestId", "MS-CorrelationId", "MS-CV"):
        assert response.headers[name]


def _rows(text: str, delimiter: str) -> list[list[str]]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize(("fmt", "delimiter", "media"), [("CSV", ",", "text/csv"), ("tsv", "\t", "text/tab-separ")])
def test_the_whole_flow_from_query_to_file(reports: Reports, fmt: str, delimiter: str, media: str) -> None:
    query_id = reports.query()
    tried = reports.ok("GET", "/ScheduledQueries/testQueryResult", params={"queryId": query_id})
    assert 0 < len(tried) <= 100
    assert set(tried[0]) == {"CustomerTenantId", "WorkloadName", "PaidAvailableUnits"}
    assert reports.ok("GET", "/ScheduledQueries/testQueryResult", params={"exportQuery": OFFICE_QUERY}) == tried

    report = reports.report(query_id, ExecuteNow=True, Format=fmt)
    assert (report["reportStatus"], report["format"], report["executeNow"]) == ("Active", fmt.lower(), True)
    execution = reports.completed(report["reportId"])
    assert execution["executionStatus"] == "Completed" and execution["format"] == fmt.lower()
    assert execution["reportGeneratedTime"] and execution["reportExpiryTime"]
    link = execution["reportAccessSecureLink"]
    assert link.startswith(reports.emulator.base_url + "/_files/" + execution["executionId"] + "?se=")

    packed = reports.http.get(link)  # httpx accepts gzip and decodes it
    assert packed.status_code == 200 and packed.headers["content-encoding"] == "gzip"
    assert packed.headers["content-type"].startswith(media) and "charset=utf-8" in packed.headers["content-type"]
    plain = reports.http.get(link, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) == len(plain.content)
    assert plain.text == packed.text
    rows = _rows(plain.text, delimiter)
    assert rows[0] == ["CustomerTenantId", "WorkloadName", "PaidAvailableUnits"]
    assert len(rows) > 1
    assert [dict(zip(rows[0], row, strict=True)) for row in rows[1:]][:2] == [
        {key: str(value) for key, value in row.items()} for row in tried[:2]
    ]
    assert reports.ok("GET", "/ScheduledReport", params={"reportId": report["reportId"]})[0]["reportStatus"] == (
        "Inactive"
    )


def test_executions_answer_404_before_the_first_completed_run_and_pending_on_request(reports: Reports) -> None:
    report = reports.scheduled(reports.query())
    response = reports.call("GET", f"/ScheduledReport/execution/{report['reportId']}")
    _refused(response, 404, NO_EXECUTIONS)
    (pending,) = reports.executions(report["reportId"], "pending")
    assert pending["executionStatus"] == "Pending" and pending["reportAccessSecureLink"] is None
    assert pending["reportGeneratedTime"] is None and pending["reportLocation"] is None
    assert (pending["recurrenceInterval"], pending["recurrenceCount"]) == (24, None)


def test_datasets_are_listed_and_filtered(reports: Reports) -> None:
    datasets = reports.ok("GET", "/ScheduledDataset")
    office = next(item for item in datasets if item["datasetName"] == "OfficeUsage")
    assert {"CustomerTenantId", "WorkloadName", "PaidAvailableUnits"} <= set(office["selectableColumns"])
    assert office["minimumRecurrenceInterval"] == 24 and "LAST_MONTH" in office["availableDateRanges"]
    assert reports.ok("GET", "/ScheduledDataset", params={"datasetName": "officeusage"}) == [office]
    assert reports.ok("GET", "/ScheduledDataset", params={"datasetName": ""}) == datasets  # the same as none
    _refused(reports.call("GET", "/ScheduledDataset", params={"datasetName": "Nothing"}), 404, NOT_FOUND)
    _refused(reports.call("GET", "/ScheduledDataset", params={"datasetName": "x" * 257}), 400, INVALID_PARAMETERS)
    repeated = reports.call("GET", "/ScheduledDataset", params=[("datasetName", "OfficeUsage")] * 2)
    _refused(repeated, 400, INVALID_PARAMETERS)


def test_queries_are_listed_with_and_without_the_system_ones(reports: Reports) -> None:
    query_id = reports.query(name="Mine")
    everything = reports.ok("GET", "/ScheduledQueries")
    assert {item["type"] for item in everything} == {"system", "userDefined"}
    assert OFFICE_USAGE_ID in {item["queryId"] for item in everything}
    system = reports.ok("GET", "/ScheduledQueries", params={"includeOnlySystemQueries": "true"})
    assert {item["type"] for item in system} == {"system"} and {item["user"] for item in system} == {"system"}
    user = reports.ok("GET", "/ScheduledQueries", params={"IncludeSystemQueries": "False"})
    assert {item["type"] for item in user} == {"userDefined"}
    (mine,) = reports.ok("GET", "/ScheduledQueries", params={"queryId": query_id.upper()})
    assert (mine["name"], mine["query"], mine["user"]) == ("Mine", OFFICE_QUERY, "admin@partner42.onmicrosoft.com")
    assert reports.ok("GET", "/ScheduledQueries", params={"queryName": "mine", "includeSystemQueries": "false"})
    _refused(reports.call("GET", "/ScheduledQueries", params={"queryId": str(uuid.uuid4())}), 404, NOT_FOUND)
    _refused(reports.call("GET", "/ScheduledQueries", params={"queryId": "42"}), 400, INVALID_QUERY_ID)


def test_a_user_query_is_deleted_and_a_system_one_is_not(reports: Reports) -> None:
    query_id = reports.query()
    report = reports.report(query_id, ExecuteNow=True)
    assert reports.ok("DELETE", f"/ScheduledQueries/{query_id}")[0]["queryId"] == query_id
    _refused(reports.call("DELETE", f"/ScheduledQueries/{query_id}"), 404, NOT_FOUND)
    _refused(reports.call("DELETE", f"/ScheduledQueries/{OFFICE_USAGE_ID}"), 400, INVALID_QUERY_ID)
    _refused(reports.call("DELETE", "/ScheduledQueries/not-a-guid"), 400, INVALID_QUERY_ID)
    assert reports.completed(report["reportId"])["executionStatus"] == "Completed"  # it keeps its query text


def test_a_system_query_makes_a_report(reports: Reports) -> None:
    report = reports.report(OFFICE_USAGE_ID, ExecuteNow=True)
    assert report["queryId"] == OFFICE_USAGE_ID and "OfficeUsage" in report["query"]
    assert reports.completed(report["reportId"])["executionStatus"] == "Completed"


def test_lists_and_filters_of_reports(reports: Reports) -> None:
    query_id = reports.query()
    report = reports.scheduled(query_id, ReportName="filtered-report", Description="d")
    assert report in reports.ok("GET", "/ScheduledReport")
    assert reports.ok("GET", "/ScheduledReport", params={"reportName": "FILTERED-report"}) == [report]
    assert reports.ok("GET", "/ScheduledReport", params={"queryId": query_id}) == [report]
    _refused(reports.call("GET", "/ScheduledReport", params={"reportId": str(uuid.uuid4())}), 404, NOT_FOUND)
    _refused(reports.call("GET", "/ScheduledReport", params={"reportId": "x"}), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", "/ScheduledReport", params={"queryId": "x"}), 400, INVALID_QUERY_ID)
    for method, path in (("PUT", "/pause/{}"), ("PUT", "/resume/{}"), ("DELETE", "/{}")):
        _refused(reports.call(method, "/ScheduledReport" + path.format(uuid.uuid4())), 404, NOT_FOUND)


def _start(reports: Reports, hours: float) -> str:
    return stamp(reports.now() + datetime.timedelta(hours=hours))


REPORT_REFUSALS: list[tuple[dict[str, Any], int, str]] = [
    ({"ReportName": None}, 400, MISSING),
    ({"ReportName": "  "}, 400, MISSING),
    ({"ReportName": "x" * 257}, 400, INVALID_PARAMETERS),
    ({"ReportName": "a;b"}, 400, INVALID_PARAMETERS),
    ({"Description": "x" * 257}, 400, INVALID_PARAMETERS),
    ({"QueryId": None}, 400, MISSING),
    ({"QueryId": "not-a-guid"}, 400, INVALID_QUERY_ID),
    ({"QueryId": str(uuid.UUID(int=7))}, 404, NOT_FOUND),
    ({"StartTime": None}, 400, MISSING),
    ({"StartTime": 3.9}, 400, START_TOO_SOON),
    ({"StartTime": "next tuesday"}, 400, INVALID_PARAMETERS),
    ({"RecurrenceInterval": None}, 400, MISSING),
    ({"RecurrenceInterval": 3}, 400, BAD_INTERVAL),
    ({"RecurrenceInterval": 2161}, 400, BAD_INTERVAL),
    ({"RecurrenceInterval": "24"}, 400, INVALID_PARAMETERS),
    ({"RecurrenceInterval": 12}, 400, INVALID_PARAMETERS),  # below OfficeUsage's minimumRecurrenceInterval (24)
    ({"RecurrenceCount": 0}, 400, INVALID_PARAMETERS),
    ({"Format": "xml"}, 400, "Requested value 'xml' not found"),
    ({"CallbackMethod": "PUT"}, 400, "Requested value 'PUT' not found"),
    ({"CallbackUrl": "not a url"}, 400, INVALID_PARAMETERS),
    ({"CallbackUrl": "http://a/" + "x" * 2048}, 400, INVALID_PARAMETERS),
    ({"Description": None}, 400, INVALID_PARAMETERS),
    ({"Format": None}, 400, INVALID_PARAMETERS),
    ({"RecurrenceCount": 2**31}, 400, INVALID_PARAMETERS),
    ({"ExecuteNow": True, "RecurrenceInterval": 3}, 400, BAD_INTERVAL),  # ignored, but the schema's limits hold
    ({"ExecuteNow": True, "StartTime": "soon"}, 400, INVALID_PARAMETERS),
    ({"QueryStartTime": "soon"}, 400, INVALID_PARAMETERS),
    ({"ExecuteNow": "yes"}, 400, INVALID_PARAMETERS),
    (
        {"ExecuteNow": True, "QueryStartTime": "2026-02-01T00:00:00Z", "QueryEndTime": "2026-01-01T00:00:00Z"},
        400,
        INVALID_PARAMETERS,
    ),
]


@pytest.mark.parametrize(("change", "status", "message"), REPORT_REFUSALS)
def test_a_report_breaking_a_documented_rule_is_refused(
    reports: Reports, change: dict[str, Any], status: int, message: str
) -> None:
    body: dict[str, Any] = {
        "ReportName": "r",
        "QueryId": reports.query(),
        "StartTime": _start(reports, 5),
        "RecurrenceInterval": 24,
    }
    if isinstance(change.get("StartTime"), float):
        change = {"StartTime": _start(reports, change["StartTime"])}
    body.update(change)
    _refused(reports.call("POST", "/ScheduledReport", json=body), status, message)
    missing = {key: value for key, value in body.items() if value is not None}
    if len(missing) < len(body) and message == MISSING:  # left out is as null for a required field
        _refused(reports.call("POST", "/ScheduledReport", json=missing), status, message)


def test_start_time_four_hours_ahead_passes_and_is_kept(reports: Reports) -> None:
    start = _start(reports, 4)
    report = reports.report(reports.query(), StartTime=start, RecurrenceInterval=2160, RecurrenceCount=3)
    assert (report["startTime"], report["recurrenceInterval"], report["recurrenceCount"]) == (start, 2160, 3)
    assert (report["callbackMethod"], report["format"], report["modifiedTime"]) == (None, "csv", None)  # no callback


QUERY_REFUSALS: list[tuple[dict[str, Any], str]] = [
    ({"Name": "q"}, MISSING),
    ({"Query": OFFICE_QUERY}, MISSING),
    ({"Name": "x" * 257, "Query": OFFICE_QUERY}, INVALID_PARAMETERS),
    ({"Name": "q", "Description": "x" * 257, "Query": OFFICE_QUERY}, INVALID_PARAMETERS),
    ({"Name": "q", "Query": OFFICE_QUERY + " " * 4000}, INVALID_PARAMETERS),
    ({"Name": "q", "Query": "SELECT CustomerName FROM NoSuchDataset"}, "Invalid table name"),
    ({"Name": "q", "Query": "SELECT NoSuchColumn FROM OfficeUsage"}, "Incorrect column name"),
    ({"Name": "q", "Query": "SELEKT CustomerName FROM OfficeUsage"}, "at position "),
]


@pytest.mark.parametrize(("body", "message"), QUERY_REFUSALS)
def test_a_query_breaking_a_documented_rule_is_refused(reports: Reports, body: dict[str, Any], message: str) -> None:
    _refused(reports.call("POST", "/ScheduledQueries", json=body), 400, message)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", MISSING),
        (b"{not json", INVALID_PARAMETERS),
        (b"[1, 2]", INVALID_PARAMETERS),
        (b'{"Name": "\\ud800", "ReportName": "\\ud800"}', INVALID_PARAMETERS),  # no text: a lone surrogate
        (b"\xff\xfe{}", INVALID_PARAMETERS),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(reports: Reports, content: bytes, message: str) -> None:
    for path in ("/ScheduledQueries", "/ScheduledReport"):
        response = reports.call("POST", path, content=content, headers={"Content-Type": "application/json"})
        _refused(response, 400, message)


def test_body_keys_match_without_case_the_documented_spelling_first(reports: Reports) -> None:
    query = reports.ok("POST", "/ScheduledQueries", json={"name": "lower", "QUERY": OFFICE_QUERY})[0]
    assert query["name"] == "lower"
    report = reports.ok(
        "POST", "/ScheduledReport", json={"reportname": "r", "queryid": query["queryId"], "executenow": True}
    )[0]
    assert report["reportName"] == "r"
    twice = b'{"name": "b", "Name": "a", "QUERY": "%s", "unknown": 1}' % OFFICE_QUERY.encode()
    assert reports.ok("POST", "/ScheduledQueries", content=twice)[0]["name"] == "a"


def test_try_rules(reports: Reports) -> None:
    path = "/ScheduledQueries/testQueryResult"
    _refused(reports.call("GET", path), 400, MISSING)
    _refused(
        reports.call("GET", path, params={"exportQuery": OFFICE_QUERY, "queryId": OFFICE_USAGE_ID}),
        400,
        INVALID_PARAMETERS,
    )
    _refused(reports.call("GET", path, params={"queryId": "nope"}), 400, INVALID_QUERY_ID)
    _refused(reports.call("GET", path, params={"queryId": str(uuid.uuid4())}), 404, NOT_FOUND)
    _refused(reports.call("GET", path, params={"exportQuery": "SELECT X FROM Nothing"}), 400, "Invalid table name")
    window = {"exportQuery": OFFICE_QUERY, "startTime": "2026-03-01T00:00:00Z", "endTime": "2026-02-01T00:00:00Z"}
    _refused(reports.call("GET", path, params=window), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", path, params={**window, "endTime": "soon"}), 400, INVALID_PARAMETERS)
    assert reports.ok("GET", path, params={**window, "endTime": window["startTime"]}) is not None  # not before
    _refused(reports.call("GET", path, params={"exportQuery": OFFICE_QUERY + " " * 1024}), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", path, params={"exportQuery": ""}), 400, MISSING)
    assert len(reports.ok("GET", path, params={"queryId": OFFICE_USAGE_ID})) <= 100


def test_execution_filters(reports: Reports) -> None:
    report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
    execution = reports.completed(report_id)
    path = f"/ScheduledReport/execution/{report_id}"
    assert (
        reports.ok("GET", path, params={"executionId": execution["executionId"]})[0]["executionId"]
        == (execution["executionId"])
    )
    everything = reports.ok("GET", path, params={"getLatestExecution": "false", "executionStatus": "completed;PENDING"})
    assert [item["executionId"] for item in everything] == [execution["executionId"]]
    other = reports.scheduled(reports.query())["reportId"]
    both = reports.executions(f"{report_id};{other}")
    assert {item["reportId"] for item in both} == {report_id, other}
    _refused(reports.call("GET", path, params={"executionStatus": "Done"}), 400, "Requested value 'Done' not found")
    _refused(reports.call("GET", path, params={"getLatestExecution": "maybe"}), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", path, params={"executionId": "x"}), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", "/ScheduledReport/execution/x;y"), 400, INVALID_PARAMETERS)
    _refused(reports.call("GET", path, params={"executionId": str(uuid.uuid4())}), 404, NO_EXECUTIONS)


def test_auth_is_app_user_only_with_partner_centers_error_body(reports: Reports) -> None:
    url = reports.emulator.base_url + PREFIX + "/ScheduledDataset"
    missing = reports.http.get(url)
    assert missing.status_code == 401 and missing.json()["source"] == "PartnerFD"
    app_only = reports.emulator.app.state.issuer.app_token().token
    refused = reports.http.get(url, headers={"Authorization": f"Bearer {app_only}"})
    assert refused.status_code == 403 and "App+User" in refused.json()["description"]
    _refused(reports.call("GET", "/ScheduledDataset", headers={"MS-RequestId": "nope"}), 400, "MS-RequestId")
    request_id = str(uuid.uuid4())
    echoed = reports.call("GET", "/ScheduledDataset", headers={"MS-RequestId": request_id})
    assert echoed.headers["MS-RequestId"] == request_id and echoed.headers["MS-CV"]
    for path, allowed in (
        ("/ScheduledReport", {"GET", "HEAD", "POST"}),
        (f"/ScheduledReport/{uuid.uuid4()}", {"PUT", "DELETE"}),
    ):
        refused = reports.call("PATCH", path)
        assert refused.status_code == 405 and set(refused.headers["Allow"].split(", ")) == allowed
    trying = reports.call("DELETE", "/ScheduledQueries/testQueryResult")  # not a query id: another resource
    assert trying.status_code == 405 and set(trying.headers["Allow"].split(", ")) == {"GET", "HEAD"}


def test_faults_reach_the_reports_operations_but_not_links_or_control(plain_http: httpx.Client) -> None:
    with run_in_background(EmulatorConfig(customers=3)) as running:
        reports = Reports(running, plain_http)
        report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
        link = reports.completed(report_id)["reportAccessSecureLink"]
        refused = reports.control("POST", "/faults", json={"fail_429": 1.0, "retry_after": 7})
        assert refused.status_code == 200 and refused.json()["faults"]["fail_429"] == 1.0
        throttled = reports.call("GET", "/ScheduledReport")
        assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "7"
        assert reports.call("POST", "/ScheduledQueries", json={"Name": "q", "Query": OFFICE_QUERY}).status_code == 429
        assert plain_http.get(link).status_code == 200
        assert reports.control("GET", "/clock").status_code == 200
        running.faults.set(fail_429=0.0, fail_503=1.0, retry_after=2)
        unavailable = reports.call("GET", "/ScheduledDataset")
        assert unavailable.status_code == 503 and unavailable.headers["Retry-After"] == "2"
        assert running.stats.faults["fail_429"] == 2 and running.stats.faults["fail_503"] == 1


def test_a_token_without_a_user_name_is_recorded_by_its_object_id(plain_http: httpx.Client) -> None:
    with run_in_background(EmulatorConfig(customers=3, accepted_tokens=frozenset({"opaque"}))) as running:
        response = plain_http.post(
            running.base_url + PREFIX + "/ScheduledQueries",
            json={"Name": "q", "Query": OFFICE_QUERY},
            headers={"Authorization": "Bearer opaque"},
        )
        assert response.status_code == 200
        assert response.json()["value"][0]["user"] == running.app.state.issuer.user_object_id
        assert token_for(running)  # signed tokens still pass beside it


@pytest.mark.parametrize(
    ("header", "gzip"),
    [
        ("gzip, deflate", True),
        ("br;q=1.0, GZIP;q=0.5", True),
        ("*", True),
        ("gzip;q=0, *", False),
        ("identity", False),
        ("deflate, *;q=0", False),
        ("", False),
    ],
)
def test_a_file_comes_compressed_only_when_gzip_is_accepted(reports: Reports, header: str, gzip: bool) -> None:
    report_id = reports.report(reports.query(), ExecuteNow=True)["reportId"]
    link = reports.completed(report_id)["reportAccessSecureLink"]
    with reports.http.stream("GET", link, headers={"Accept-Encoding": header}) as response:
        raw = b"".join(response.iter_raw())
    assert response.status_code == 200
    assert (response.headers.get("content-encoding") == "gzip") is gzip
    assert raw.startswith(b"\x1f\x8b") is gzip
    assert reports.http.head(link).status_code == 200


def _month_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    index = moment.year * 12 + moment.month - 1 - months
    return datetime.datetime(index // 12, index % 12 + 1, 1, tzinfo=datetime.UTC)


def test_a_query_window_replaces_the_timespan_for_try_and_execute_now(reports: Reports) -> None:
    month = _month_before(reports.now(), 2)  # the month before the latest one with data
    window = {"startTime": stamp(month), "endTime": stamp(month + datetime.timedelta(days=1))}
    query = "SELECT Month, CustomerTenantId FROM OfficeUsage TIMESPAN LAST_6_MONTHS"
    tried = reports.ok("GET", "/ScheduledQueries/testQueryResult", params={"exportQuery": query, **window})
    assert tried and {row["Month"] for row in tried} == {month.date().isoformat()}
    report = reports.report(
        reports.query(query), ExecuteNow=True, QueryStartTime=window["startTime"], QueryEndTime=window["endTime"]
    )
    link = reports.completed(report["reportId"])["reportAccessSecureLink"]
    rows = _rows(reports.http.get(link).text, ",")
    assert len(rows) > 1 and {row[0] for row in rows[1:]} == {month.date().isoformat()}
