"""The validating proxy over real HTTP: in front of the emulator it finds nothing and changes no byte; in front of an
upstream with planted drift it finds exactly what was planted, ``--strict`` makes each a 502, and the bearer token
reaches the upstream and no log, report or recording."""

from __future__ import annotations

import copy
import datetime
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient, HarRecorder
from partner_center_analytics.api.analytics import get_partner_licenses_deployment, get_partner_licenses_usage
from partner_center_analytics.api.customers import list_customers
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from pcinsights.emulator import RunningEmulator
from pcinsights.emulator.app import spec_json
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.server import serve_in_background
from pcinsights.har import BODY_NOT_KEPT, read_har
from pcinsights.proxy import ProxyApp
from pcinsights.spec.accepted import load_acceptances
from pcinsights.spec.drift import Tally
from tests._reports import OFFICE_QUERY, PREFIX, Reports, stamp
from tests._support import PROJECT, announced, token_for

PCINSIGHTS = Path(sys.executable).parent / "pcinsights"  # the installed console script
SPEC: dict[str, Any] = json.loads(spec_json())
DEPLOYMENT = "/v1/analytics/licenses/deployment"
USAGE = "/v1/analytics/licenses/usage"
TOKEN = "planted-upstream-bearer-token-0123456789"
IDS = {
    "MS-RequestId": "6f1c2a8e-3d4b-4c5a-9e7f-0a1b2c3d4e5f",
    "MS-CorrelationId": "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d",
    "MS-CV": "cv.1",
}
# Each planted drift, asked for by the X-Plant request header, and the one finding it must give (header names as
# the upstream sent them: Starlette's, lower-case).
PLANTED = {
    "field": ("undocumented field", "getPartnerLicensesDeployment", "$.items[].region"),
    "number": ("type mismatch", "getPartnerLicensesUsage", "$.items[].workloadName"),
    "enum": ("new value of an open enum", "getPartnerLicensesDeployment", "$.items[].serviceName"),
    "409": ("undocumented status", "getPartnerLicensesDeployment", "status 409"),
    "header": ("undocumented header", "getPartnerLicensesDeployment", "status 200 header x-partner-trace"),
}


def _example(path: str, method: str = "get") -> dict[str, Any]:
    """The spec's own example of the operation's 200 body: conforming by construction (spec first)."""
    operation = SPEC["paths"][path][method]
    example: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["example"]
    return copy.deepcopy(example)


QUERIES, REPORT = f"{PREFIX}/ScheduledQueries", f"{PREFIX}/ScheduledReport/{{reportId}}"
FILE_CHUNK = b"CustomerTenantId,WorkloadName\r\n" + b"x" * 65_000 + b"\r\n"
FILE_CHUNKS = 40  # ~2.6 MB, in a response with no Content-Length


class Upstream:
    """What the planted upstream saw: Authorization headers, and each reports call's method, media type and raw body;
    ``first_chunk_read`` is set by a test once the first chunk of a file came through the proxy."""

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.bodies: list[tuple[str, str, bytes]] = []
        self.first_chunk_read = threading.Event()
        self.streamed_before_the_end: list[bool] = []


def _planted_app(seen: Upstream) -> Starlette:
    """An upstream that claims to be Partner Center: the spec's examples, with the drift the request asks for; report
    calls echo nothing (their example), file links stream a file that waits for its first chunk to be read."""

    async def answer(request: Request) -> Response:
        seen.tokens.append(request.headers.get("authorization", ""))
        plant = request.headers.get("x-plant", "")
        body = _example(request.url.path)
        headers = dict(IDS)
        if plant == "field":
            body["items"][0]["region"] = "emea"
        elif plant == "number":
            body["items"][0]["workloadName"] = 7
        elif plant == "enum":
            body["items"][0]["serviceName"] = "copilot"
        elif plant == "409":  # its body echoes the credential: the report must not
            conflict = {"code": 409, "description": f"conflict for {request.headers.get('authorization')}"}
            return JSONResponse(conflict, status_code=409, headers=headers)
        elif plant == "header":
            headers["X-Partner-Trace"] = "abc"
        elif plant in ("big", "chunked"):  # over the proxy's body limit: passed on unread, its planted field unseen
            body["items"] = [{**body["items"][0], "region": "emea"} for _ in range(2000)]
            if plant == "chunked":  # no Content-Length: the limit is found mid-stream
                text = json.dumps(body).encode()
                pieces = (text[start : start + 1000] for start in range(0, len(text), 1000))
                return StreamingResponse(pieces, media_type="application/json", headers=headers)
        return JSONResponse(body, headers=headers)

    async def report_call(request: Request) -> Response:
        seen.bodies.append((request.method, request.headers.get("content-type", ""), await request.body()))
        template = QUERIES if request.url.path == QUERIES else REPORT
        return JSONResponse(_example(template, request.method.lower()), headers=IDS)

    def file_chunks() -> Iterator[bytes]:
        yield FILE_CHUNK
        # Only a proxy that sends the first chunk on before the file ends lets the test read it and set this.
        seen.streamed_before_the_end.append(seen.first_chunk_read.wait(timeout=5))
        for _ in range(FILE_CHUNKS - 1):
            yield FILE_CHUNK

    async def report_file(request: Request) -> Response:
        return StreamingResponse(file_chunks(), media_type="text/csv; charset=utf-8")

    return Starlette(
        routes=[
            Route(DEPLOYMENT, answer),
            Route(USAGE, answer),
            Route(QUERIES, report_call, methods=["POST"]),
            Route(REPORT.replace("{reportId}", "{report_id}"), report_call, methods=["PUT", "DELETE"]),
            Route("/_files/{execution_id}", report_file),
        ]
    )


@pytest.fixture(scope="module")
def upstream() -> Iterator[tuple[str, Upstream]]:
    """The planted upstream's base URL, and what it saw."""
    seen = Upstream()
    with serve_in_background(_planted_app(seen), EmulatorConfig(), name="planted") as (base_url, _):
        yield base_url, seen


@pytest.fixture
def planted(upstream: tuple[str, Upstream]) -> tuple[str, list[str]]:
    """The planted upstream's base URL, and the Authorization headers it received."""
    return upstream[0], upstream[1].tokens


@contextmanager
def _proxy(
    upstream: str, *, strict: bool = False, max_body: int = 1024 * 1024, recorder: HarRecorder | None = None
) -> Iterator[tuple[ProxyApp, str, list[str]]]:
    """A proxy in front of ``upstream`` accepting the project's drift.toml: the app, its base URL, its log lines."""
    lines: list[str] = []
    accepted = load_acceptances(PROJECT.root / "drift.toml")
    app = ProxyApp(
        upstream,
        Tally(SPEC),
        strict=strict,
        accepted=accepted,
        log=lines.append,
        max_body=max_body,
        recorder=recorder,
    )
    with serve_in_background(app, EmulatorConfig(), name="proxy") as (base_url, _):
        yield app, base_url, lines


def _get(http: httpx.Client, base_url: str, path: str, plant: str = "") -> httpx.Response:
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept-Encoding": "identity"}
    return http.get(base_url + path, headers={**headers, "X-Plant": plant} if plant else headers)


def _path(plant: str) -> str:
    return USAGE if plant == "number" else DEPLOYMENT


def test_in_front_of_the_emulator_it_finds_nothing_and_changes_no_byte(
    emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    token = token_for(emulator)
    paths = [DEPLOYMENT, USAGE, "/v1/customers?size=3", "/v1/customers/not-a-guid/analytics/licenses/usage"]
    with _proxy(emulator.base_url) as (app, base_url, lines):
        with AuthenticatedClient(base_url=base_url, token=token) as client:  # gzip, ids, the real client's calls
            assert get_partner_licenses_deployment.sync(client=client) is not None
            assert get_partner_licenses_usage.sync(client=client) is not None
            customers = list_customers.sync(client=client, size=2)
            assert customers is not None and len(customers.items) == 2
        for path in paths:
            headers = {"Authorization": f"Bearer {token}", "MS-RequestId": IDS["MS-RequestId"]}
            direct = plain_http.get(emulator.base_url + path, headers=headers)
            through = plain_http.get(base_url + path, headers=headers)
            assert (through.status_code, through.content) == (direct.status_code, direct.content), path
        unauthorized = plain_http.get(base_url + DEPLOYMENT)
        assert unauthorized.status_code == 401
    assert app.exchanges == 3 + len(paths) + 1
    assert app.drift() == []
    assert lines == []
    accepted = {(row["operation"], row["location"], row["example"]) for row in app.findings() if row["accepted"]}
    assert accepted == {  # the emulator's deliberate "intune", which drift.toml accepts
        ("getPartnerLicensesDeployment", "$.items[].serviceName", "intune"),
        ("getPartnerLicensesUsage", "$.items[].serviceName", "intune"),
    }


def test_in_front_of_a_drifting_upstream_it_reports_exactly_what_was_planted(
    planted: tuple[str, list[str]], plain_http: httpx.Client
) -> None:
    upstream, seen = planted
    with _proxy(upstream) as (app, base_url, lines):
        for plant in ("", *PLANTED, *PLANTED):  # each twice: logged once, counted twice
            direct = _get(plain_http, upstream, _path(plant), plant)
            through = _get(plain_http, base_url, _path(plant), plant)
            assert (through.status_code, through.content) == (direct.status_code, direct.content), plant
            assert through.headers.get("x-partner-trace") == direct.headers.get("x-partner-trace")
    found = {(f.kind, f.operation, f.location): f.count for f in app.tally.findings()}
    assert found == {expected: 2 for expected in PLANTED.values()}  # what went direct is not the proxy's to see
    assert len(lines) == len(PLANTED)
    assert f"Bearer {TOKEN}" in seen  # the token went upstream
    assert TOKEN not in json.dumps(app.findings()) + "\n".join(lines)
    assert "[redacted]" in json.dumps(app.findings())  # the 409 body echoed it


@pytest.mark.parametrize("plant", list(PLANTED))
def test_strict_answers_each_planted_drift_with_a_502_naming_it(
    plant: str, planted: tuple[str, list[str]], plain_http: httpx.Client
) -> None:
    upstream, _ = planted
    kind, operation, location = PLANTED[plant]
    with _proxy(upstream, strict=True) as (_, base_url, _lines):
        clean = _get(plain_http, base_url, _path(plant))
        drifted = _get(plain_http, base_url, _path(plant), plant)
    assert clean.status_code == 200
    assert drifted.status_code == 502
    assert drifted.headers["content-type"] == "application/problem+json"
    problem = drifted.json()
    assert [(f["kind"], f["operation"], f["location"]) for f in problem["findings"]] == [(kind, operation, location)]
    assert f"{kind}: {operation} {location}" in problem["detail"]
    assert TOKEN not in drifted.text


@pytest.mark.parametrize("plant", ["big", "chunked"])
def test_a_body_over_the_limit_streams_through_whole_and_unread(
    plant: str, planted: tuple[str, list[str]], plain_http: httpx.Client
) -> None:
    upstream, _ = planted
    with _proxy(upstream, max_body=4096) as (app, base_url, _lines):
        direct = _get(plain_http, upstream, DEPLOYMENT, plant)
        through = _get(plain_http, base_url, DEPLOYMENT, plant)
    assert len(direct.content) > 100 * 4096
    assert ("content-length" in direct.headers) is (plant == "big")
    assert through.content == direct.content
    assert app.tally.findings() == []  # its planted field was past the limit, not read; status and headers conform


def test_the_command_reports_and_records_on_sigterm_without_the_token(
    planted: tuple[str, list[str]], plain_http: httpx.Client, tmp_path: Path
) -> None:
    upstream, _ = planted
    report, har = tmp_path / "drift.json", tmp_path / "traffic.har"
    command = [str(PCINSIGHTS), "proxy", "--upstream", upstream, "--report", str(report), "--record", str(har)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base_url = announced(process, r"proxying (http://\S+) -> ").group(1)
        for plant in ("", *PLANTED):
            assert _get(plain_http, base_url, _path(plant), plant).status_code in (200, 409)
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1, stderr
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["exchanges"] == len(PLANTED) + 1
    assert {(f["kind"], f["operation"], f["location"]) for f in document["findings"]} == set(PLANTED.values())
    assert len(read_har(har)) == len(PLANTED) + 1
    assert f"{len(PLANTED) + 1} exchange(s), {len(PLANTED)} finding(s)" in stdout
    assert stderr.count("drift: ") == len(PLANTED)
    for text in (stdout, stderr, report.read_text(encoding="utf-8"), har.read_text(encoding="utf-8")):
        assert TOKEN not in text
    print(stdout, stderr, sep="\n")  # the closing note quotes it (pytest -s)


def test_the_command_refuses_an_upstream_that_is_no_url_in_one_line() -> None:
    done = subprocess.run([str(PCINSIGHTS), "proxy", "--upstream", "ftp:/nowhere"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "pcinsights: the upstream must be an http(s) URL with a host, not 'ftp:/nowhere'"
    ]


BAD_INTERVAL = ("schema violation (minimum)", "createReport", "request $.RecurrenceInterval")


@pytest.mark.usefixtures("_pcinsights_fresh_reports")  # the plugin's: a clean reports state, reset after
def test_the_reports_flow_goes_through_with_bodies_and_a_body_breaking_the_schema_is_reported(
    emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    auth = {"Authorization": f"Bearer {token_for(emulator)}"}
    start = plain_http.get(emulator.base_url + "/_emulator/clock").json()["now"]
    start_time = stamp(datetime.datetime.fromisoformat(start) + datetime.timedelta(hours=5))
    with _proxy(emulator.base_url) as (app, base_url, lines):

        def call(method: str, path: str, **options: Any) -> httpx.Response:
            return plain_http.request(method, base_url + PREFIX + path, headers=auth, **options)

        created = call("POST", "/ScheduledQueries", json={"Name": "proxied ü", "Query": OFFICE_QUERY})
        assert created.status_code == 200, created.text
        query = created.json()["value"][0]
        assert (query["name"], query["query"]) == ("proxied ü", OFFICE_QUERY)  # the body arrived as sent
        settings = {"ReportName": "proxied", "QueryId": query["queryId"], "RecurrenceInterval": 24}
        report = call("POST", "/ScheduledReport", json={**settings, "StartTime": start_time}).json()["value"][0]
        report_id = report["reportId"]
        update = {"ReportName": "renamed", "StartTime": start_time, "RecurrenceInterval": 48}
        assert call("PUT", f"/ScheduledReport/{report_id}", json=update).json()["value"][0]["recurrenceInterval"] == 48
        assert call("PUT", f"/ScheduledReport/pause/{report_id}").json()["value"][0]["reportStatus"] == "Paused"
        executions = call("GET", f"/ScheduledReport/execution/{report_id}", params={"executionStatus": "Paused"})
        assert executions.json()["value"][0]["executionStatus"] == "Paused"
        bad = call("POST", "/ScheduledReport", json={**settings, "StartTime": start_time, "RecurrenceInterval": 2})
        assert bad.status_code == 400  # the emulator's answer, passed on
        assert call("DELETE", f"/ScheduledReport/{report_id}").status_code == 200
        assert call("DELETE", f"/ScheduledQueries/{query['queryId']}").status_code == 200
        assert call("GET", f"/ScheduledReport?reportId={report_id}").status_code == 404
    assert app.exchanges == 9
    assert [(f.kind, f.operation, f.location, f.example) for f in app.drift()] == [(*BAD_INTERVAL, 2)]
    assert lines == [f"drift: {BAD_INTERVAL[0]}: {BAD_INTERVAL[1]} {BAD_INTERVAL[2]} (e.g. 2)"]


def test_bodies_of_any_method_reach_the_upstream_byte_for_byte(
    upstream: tuple[str, Upstream], plain_http: httpx.Client
) -> None:
    url, seen = upstream
    seen.bodies.clear()
    odd = b'{ "ReportName" : "r\\u00fc",\n"StartTime": "2030-01-01T00:00:00Z"  }'  # spacing and escapes as sent
    sent = [
        ("POST", QUERIES, "application/json", b'{"Name":"q","Query":"SELECT a FROM OfficeUsage"}'),
        ("PUT", f"{PREFIX}/ScheduledReport/1d9b8e8e-0a4c-4b4e-9c9e-0e0e0e0e0e0e", "application/json", odd),
        ("DELETE", f"{PREFIX}/ScheduledReport/1d9b8e8e-0a4c-4b4e-9c9e-0e0e0e0e0e0e", "", b""),
    ]
    with _proxy(url) as (app, base_url, _lines):
        for method, path, media, body in sent:
            headers = {"Authorization": f"Bearer {TOKEN}", **({"Content-Type": media} if media else {})}
            assert plain_http.request(method, base_url + path, headers=headers, content=body).status_code == 200
    assert seen.bodies == [(method, media, body) for method, _, media, body in sent]
    assert app.drift() == []


def test_strict_answers_a_request_body_breaking_the_schema_with_a_502_naming_it(
    upstream: tuple[str, Upstream], plain_http: httpx.Client
) -> None:
    url, _ = upstream
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with _proxy(url, strict=True) as (_, base_url, _lines):
        clean = plain_http.post(base_url + QUERIES, headers=headers, json={"Name": "q", "Query": "SELECT a FROM b"})
        drifted = plain_http.post(base_url + QUERIES, headers=headers, json={"Name": "", "Query": "SELECT a FROM b"})
    assert clean.status_code == 200
    assert drifted.status_code == 502
    findings = [(f["kind"], f["operation"], f["location"]) for f in drifted.json()["findings"]]
    assert findings == [("schema violation (minLength)", "createReportQuery", "request $.Name")]


def test_a_report_file_streams_through_unchecked_and_is_recorded_without_its_body(
    upstream: tuple[str, Upstream], plain_http: httpx.Client, tmp_path: Path
) -> None:
    url, seen = upstream
    seen.first_chunk_read.clear()
    seen.streamed_before_the_end.clear()
    link = "/_files/906931dc-4f2f-4195-bbb2-d7295c7550d3?se=2030-03-31T19%3A41%3A00Z&sig=c2lnbmF0dXJl"
    received = bytearray()
    # A body limit far above the file's size: only streaming, not the limit, lets the first chunk through.
    with (
        HarRecorder(tmp_path / "proxied.har") as recorder,
        _proxy(url, recorder=recorder, max_body=64 * 1024 * 1024) as (app, base_url, _lines),
        plain_http.stream("GET", base_url + link) as response,
    ):
        for chunk in response.iter_raw():
            received += chunk
            if len(received) >= len(FILE_CHUNK):
                seen.first_chunk_read.set()
    assert seen.streamed_before_the_end == [True]
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    assert bytes(received) == FILE_CHUNK * FILE_CHUNKS
    assert app.exchanges == 1 and app.tally.findings() == []  # not in the spec, and not judged against it
    (entry,) = json.loads((tmp_path / "proxied.har").read_text(encoding="utf-8"))["log"]["entries"]
    assert entry["comment"].startswith(BODY_NOT_KEPT)
    assert f"{len(FILE_CHUNK) * FILE_CHUNKS} bytes" in entry["comment"]
    assert entry["response"]["content"]["size"] == 0 and entry["response"]["status"] == 200
    (exchange,) = read_har(tmp_path / "proxied.har")
    assert not exchange.body_kept


@pytest.mark.usefixtures("_pcinsights_fresh_reports")  # the plugin's: a clean reports state, reset after
def test_a_report_file_from_the_emulator_comes_through_byte_for_byte_gzip_or_not(
    emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    reports = Reports(emulator, plain_http)
    report = reports.report(reports.query(), ExecuteNow=True)
    link = httpx.URL(reports.completed(report["reportId"])["reportAccessSecureLink"])
    with _proxy(emulator.base_url) as (app, base_url, lines):
        proxied = httpx.URL(base_url).copy_with(raw_path=link.raw_path)  # the signed path and query, via the proxy
        for coding in ("gzip", "identity"):
            headers = {"Accept-Encoding": coding}
            direct, through = (plain_http.get(url, headers=headers) for url in (link, proxied))
            assert through.status_code == direct.status_code == 200
            assert through.headers.get("content-encoding") == direct.headers.get("content-encoding")
            assert through.content == direct.content and through.text.startswith("CustomerTenantId,")
        tampered = plain_http.get(proxied.copy_merge_params({"sig": "x"}))
    assert tampered.status_code == 403  # the emulator's refusal, passed on
    assert app.exchanges == 3 and app.tally.findings() == [] and lines == []
