"""Replay over real HTTP: a recording made by the client's HarRecorder against the emulator, answered again by
``pcinsights replay`` with the emulator gone; requests matched by method, path, query and body, headers ignored."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient, HarRecorder
from partner_center_analytics.api.customers import list_customers

from pcinsights.emulator import EmulatorConfig, RunningEmulator, create_app
from pcinsights.emulator.recording import RecordingMiddleware
from pcinsights.emulator.server import serve_in_background
from pcinsights.har import BODY_NOT_KEPT, parse_har, unkept_body_comment
from pcinsights.replay import MAX_REQUEST_BYTES, Recording, ReplayApp, request_key, serve_replay
from tests._reports import Reports
from tests._support import announced, token_for

pytest_plugins = ["pytester"]
PCINSIGHTS = Path(sys.executable).parent / "pcinsights"  # the installed console script


@pytest.fixture
def recording(pcinsights_emulator: RunningEmulator, tmp_path: Path) -> Path:
    """Three listing calls (two alike) and a 404, recorded by the client as an app records them."""
    path = tmp_path / "traffic.har"
    with HarRecorder(path) as recorder:
        client = AuthenticatedClient(
            base_url=pcinsights_emulator.base_url, token=token_for(pcinsights_emulator), recorder=recorder
        )
        with client:
            for size in (2, 3, 2):
                list_customers.sync(client=client, size=size)
            client.get_httpx_client().get("/v1/customers/00000000-0000-4000-8000-000000000000")
    return path


@pytest.fixture
def replayed(recording: Path) -> Iterator[tuple[ReplayApp, str]]:
    app = ReplayApp(Recording.read(recording))
    with serve_replay(app) as base_url:
        yield app, base_url


def test_recorded_requests_are_answered_as_recorded_whatever_their_headers(
    replayed: tuple[ReplayApp, str], pcinsights_emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    app, base_url = replayed
    auth = {"Authorization": f"Bearer {token_for(pcinsights_emulator)}"}
    live = plain_http.get(pcinsights_emulator.base_url + "/v1/customers", params={"size": 3}, headers=auth)
    again = plain_http.get(base_url + "/v1/customers", params={"size": 3}, headers={"Authorization": "Bearer x"})
    assert again.status_code == 200
    assert again.json()["items"] == live.json()["items"]
    assert again.headers["content-type"].startswith("application/json")
    missing = plain_http.get(base_url + "/v1/customers/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert app.unmatched == []


def test_an_unrecorded_request_is_a_404_naming_it(replayed: tuple[ReplayApp, str], plain_http: httpx.Client) -> None:
    app, base_url = replayed
    response = plain_http.get(base_url + "/v1/customers", params={"size": "7", "seekOperation": "Next"})
    assert response.status_code == 404
    assert response.json() == {
        "code": 404,
        "description": "no recording for GET /v1/customers?seekOperation=Next&size=7",
    }
    assert app.unmatched == ["GET /v1/customers?seekOperation=Next&size=7"]


def test_answers_come_in_recorded_order_and_the_last_repeats(recording: Path) -> None:
    data = Recording.read(recording)
    key = request_key("GET", "/v1/customers", [("size", "2")], None)
    first, second, third = (data.answer(key) for _ in range(3))
    assert first is not None and second is not None and third == second
    assert data.answer(request_key("GET", "/v1/customers", [("size", "9")], None)) is None
    assert len(data) == 3  # size=2, size=3 and the unknown customer


def test_the_command_serves_a_recording_with_the_emulator_gone(recording: Path, plain_http: httpx.Client) -> None:
    command = [str(PCINSIGHTS), "replay", str(recording)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base_url = announced(process, r"replaying \d+ recorded requests on (http://\S+)").group(1)
        assert plain_http.get(base_url + "/v1/customers", params={"size": 2}).json()["totalCount"] == 2
        assert plain_http.get(base_url + "/v1/nowhere").status_code == 404
    finally:
        process.terminate()
        process.wait(10)


def test_the_command_refuses_a_file_that_is_no_har_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.har"
    bad.write_text('{"log": {"entries": [{"request": {}}]}}', encoding="utf-8")
    done = subprocess.run([str(PCINSIGHTS), "replay", str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["pcinsights: log.entries[0]: no 'response'"]


FLOW_TEST = """
import json
from pathlib import Path

from partner_center_analytics import iter_report_rows, run_report

from tests._reports_flow import QUERY, reports_flow


def test_flow(pcinsights_client, request):
    answers = reports_flow(pcinsights_client)
    mode = request.config.getoption("pcinsights_mode")
    Path(f"answers-{mode}.json").write_text(json.dumps(answers), encoding="utf-8")


def test_run_report(pcinsights_client, request):
    execution = run_report(pcinsights_client, QUERY)
    mode = request.config.getoption("pcinsights_mode")
    Path(f"execution-{mode}.json").write_text(json.dumps(execution.to_dict()), encoding="utf-8")
    if mode == "record":  # the file's link is the recording emulator's: downloaded while it runs
        assert len(list(iter_report_rows(pcinsights_client, execution))) > 0
"""
LEAN = ("-p", "no:cacheprovider", "-p", "no:schemathesis", "-p", "no:hypothesispytest", "-p", "no:xdist")
NO_ASYNC = (*LEAN, "-p", "no:asyncio", "-p", "no:anyio")


def test_a_reports_flow_recorded_by_the_plugin_replays_offline_with_the_same_answers(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_flow=FLOW_TEST)
    pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=record").assert_outcomes(passed=2)
    run = json.loads((pytester.path / "recordings" / "test_flow" / "test_run_report.har").read_text(encoding="utf-8"))
    assert [entry["request"]["method"] for entry in run["log"]["entries"]][:2] == ["GET", "POST"]
    assert not any("/_files/" in entry["request"]["url"] for entry in run["log"]["entries"])  # the file not kept
    har = pytester.path / "recordings" / "test_flow" / "test_flow.har"
    entries = json.loads(har.read_text(encoding="utf-8"))["log"]["entries"]
    calls = [(entry["request"]["method"], entry["request"]["url"].split("/mpn/")[1]) for entry in entries]
    assert [method for method, _ in calls][:2] == ["POST", "POST"] and calls[-2][0] == "DELETE"
    assert [entry["response"]["status"] for entry in entries][-3:] == [200, 200, 404]  # the same GET, then gone
    assert calls[-3] == calls[-1]

    # An emulator with -1 customers cannot start: replay must not need one.
    replayed = pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=replay", "--pcinsights-customers=-1")
    replayed.assert_outcomes(passed=2)
    for name in ("answers", "execution"):
        recorded, again = (pytester.path / f"{name}-{mode}.json" for mode in ("record", "replay"))
        assert json.loads(again.read_text(encoding="utf-8")) == json.loads(recorded.read_text(encoding="utf-8"))


def _entry(method: str, path: str, body: Any, status: int, answer: Any, comment: str = "") -> dict[str, Any]:
    request: dict[str, Any] = {"method": method, "url": f"https://pc.invalid{path}", "headers": []}
    if body is not None:
        request["postData"] = {"mimeType": "application/json", "text": body}
    content = {"mimeType": "application/json", "text": json.dumps(answer)}
    entry = {"request": request, "response": {"status": status, "headers": [], "content": content}}
    return {**entry, "comment": comment} if comment else entry


def test_successful_writes_are_answered_as_often_as_recorded_and_json_bodies_match_as_data() -> None:
    body = '{"Name": "q", "Query": "SELECT a FROM b"}'
    data = Recording(
        parse_har(
            {
                "log": {
                    "entries": [
                        _entry("POST", "/q", body, 200, {"id": 1}),
                        _entry("POST", "/q", body, 200, {"id": 2}),
                        _entry("GET", "/q/2", None, 200, {"state": "Running"}),
                        _entry("GET", "/q/2", None, 200, {"state": "Completed"}),
                        _entry("DELETE", "/q/2", None, 200, {}),
                        _entry("GET", "/q/2", None, 404, {}),
                        _entry("PUT", "/q/2", "{}", 429, {}),
                    ]
                }
            }
        )
    )
    same = '{\n  "Query":"SELECT a FROM b" ,"Name":"q"}'  # other key order and spacing: the same data
    first, second, third = (data.answer(request_key("POST", "/q", [], same)) for _ in range(3))
    assert (first and first.body, second and second.body, third) == (b'{"id": 1}', b'{"id": 2}', None)
    assert data.answer(request_key("POST", "/q", [], '{"Name": "other", "Query": "SELECT a FROM b"}')) is None
    gets = [data.answer(request_key("GET", "/q/2", [], None)) for _ in range(4)]
    assert [answer.status for answer in gets if answer is not None] == [200, 200, 404, 404]  # a read's last repeats
    assert [answer.body for answer in gets[:2] if answer is not None] == [
        b'{"state": "Running"}',
        b'{"state": "Completed"}',
    ]
    assert data.answer(request_key("DELETE", "/q/2", [], None)) is not None
    assert data.answer(request_key("DELETE", "/q/2", [], None)) is None
    refused = request_key("PUT", "/q/2", [], "{}")  # a refused write changed nothing: asked again, refused again
    assert [answer and answer.status for answer in (data.answer(refused), data.answer(refused))] == [429, 429]


def test_a_request_whose_recorded_answer_has_no_body_is_refused_by_name(plain_http: httpx.Client) -> None:
    link = "/_files/906931dc-4f2f-4195-bbb2-d7295c7550d3"
    entry = _entry("GET", link + "?se=x&sig=y", None, 200, "", comment=f"{BODY_NOT_KEPT}: a report file of 9 bytes")
    app = ReplayApp(Recording(parse_har({"log": {"entries": [entry]}})))
    with serve_replay(app) as base_url:
        response = plain_http.get(base_url + link, params={"se": "x", "sig": "y"})
    assert response.status_code == 404
    assert response.json()["description"] == f"recorded without its body: GET {link}?se=x&sig=y"
    assert app.unmatched == [f"GET {link}?se=x&sig=y (recorded without its body)"]


def test_the_emulators_recording_keeps_a_report_file_download_without_its_body(
    plain_http: httpx.Client, tmp_path: Path
) -> None:
    """What ``python -m pcinsights.emulator --record`` serves: the emulator inside the recording middleware."""
    app = create_app(EmulatorConfig())
    path = tmp_path / "received.har"
    recorded = RecordingMiddleware(app, HarRecorder(path))
    with serve_in_background(recorded, app.state.config) as (base_url, port):
        state = app.state
        running = RunningEmulator(base_url, port, state.config, state.world, state.stats, app)
        reports = Reports(running, plain_http)
        report = reports.report(reports.query(), ExecuteNow=True)
        link = reports.completed(report["reportId"])["reportAccessSecureLink"]
        plain = plain_http.get(link, headers={"Accept-Encoding": "identity"})
        packed = plain_http.get(link, headers={"Accept-Encoding": "gzip"})
    recorded.recorder.close()
    assert plain.status_code == packed.status_code == 200 and plain.text.startswith("CustomerTenantId,")
    entries = json.loads(path.read_text(encoding="utf-8"))["log"]["entries"]
    files = [entry for entry in entries if "/_files/" in entry["request"]["url"]]
    assert len(files) == 2
    for entry, sent in zip(files, (len(plain.content), int(packed.headers["content-length"])), strict=True):
        assert entry["comment"] == unkept_body_comment(sent) and entry["comment"].startswith(BODY_NOT_KEPT)
        assert entry["response"]["content"]["size"] == 0 and entry["response"]["bodySize"] == 0
    calls = [entry for entry in entries if entry not in files]
    assert all("comment" not in entry and entry["response"]["content"]["text"] for entry in calls)
    replayed = Recording.read(path)
    key = request_key("GET", urlsplit(link).path, parse_qsl(urlsplit(link).query), None)
    answer = replayed.answer(key)
    assert answer is not None and not answer.kept


def test_a_request_body_over_the_limit_is_refused_before_it_is_held(plain_http: httpx.Client) -> None:
    app = ReplayApp()
    with serve_replay(app) as base_url:
        response = plain_http.post(base_url + "/q", content=b"x" * (MAX_REQUEST_BYTES + 1))
    assert response.status_code == 413
    assert response.json()["description"] == f"request bodies over {MAX_REQUEST_BYTES} bytes are refused"
