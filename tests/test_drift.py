"""Drift reports: traffic recorded from the emulator over real HTTP has none; planted drift is found, exactly.

The HAR 1.2 files are written here from real httpx exchanges with the emulator (and one by schemathesis's own
``--report har``), so the reading side is tested on any HAR, not on one recorder's output.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from partner_center_analytics import AuthenticatedClient, HarRecorder

from pcinsights.emulator import RunningEmulator
from pcinsights.har import HarError, parse_har, read_har
from tests._codegen_fixture import THINGS, fixture_spec
from tests._reports_flow import reports_flow
from tests._support import PROJECT, SPEC_PATH, token_for
from tools import drift
from tools.specdoc import load_spec, operations

NODE = shutil.which("npx") is not None and shutil.which("node") is not None


def har_entry(response: httpx.Response) -> dict[str, Any]:
    """One HAR 1.2 entry for a real exchange (the Authorization header redacted, as any recorder must)."""
    request = response.request
    headers = [
        {"name": name, "value": "[redacted]" if name.lower() == "authorization" else value}
        for name, value in request.headers.items()
    ]
    return {
        "startedDateTime": datetime.now(UTC).isoformat(),
        "time": response.elapsed.total_seconds() * 1000,
        "request": {
            "method": request.method,
            "url": str(request.url),
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers,
            "queryString": [{"name": k, "value": v} for k, v in request.url.params.multi_items()],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": response.status_code,
            "statusText": response.reason_phrase,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": k, "value": v} for k, v in response.headers.items()],
            "content": {
                "size": len(response.content),
                "mimeType": response.headers.get("content-type", ""),
                "text": response.text,
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(response.content),
        },
        "cache": {},
        "timings": {"send": 0, "wait": response.elapsed.total_seconds() * 1000, "receive": 0},
    }


def har(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"log": {"version": "1.2", "creator": {"name": "tests/test_drift.py", "version": "1"}, "entries": entries}}


def _calls(emulator: RunningEmulator) -> Iterator[httpx.Response]:
    """Every operation of the spec once (customer ones for a listed customer), a 404 and a 401."""
    auth = {"Authorization": f"Bearer {token_for(emulator)}", "Accept": "application/json"}
    with httpx.Client(base_url=emulator.base_url, headers=auth, timeout=30) as client:
        customers = client.get("/v1/customers", params={"size": 3})
        yield customers
        customer = customers.json()["items"][0]["id"]
        for path, method, _item, _operation in operations(load_spec(SPEC_PATH)):
            # The analytics operations; the reports ones (/insights/...) need state first: a query, a report.
            if method == "get" and path.startswith("/v1/") and path != "/v1/customers":
                yield client.get(path.replace("{customer-id}", customer))
        yield client.get("/v1/customers/00000000-0000-4000-8000-000000000000/analytics/licenses/usage")
        yield client.get("/v1/analytics/licenses/usage", headers={"Authorization": "Bearer not-a-token"})


@pytest.fixture(scope="module")
def recorded(emulator: RunningEmulator) -> dict[str, Any]:
    """A HAR of real traffic with the emulator."""
    return har([har_entry(response) for response in _calls(emulator)])


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _accepted() -> list[drift.Acceptance]:
    return drift.load_acceptances(PROJECT.root / "drift.toml")


def _open(findings: list[drift.Finding]) -> list[drift.Finding]:
    return [finding for finding in findings if not any(accept.covers(finding) for accept in _accepted())]


def test_traffic_recorded_from_the_emulator_has_no_drift(recorded: dict[str, Any], tmp_path: Path) -> None:
    statuses = {entry["response"]["status"] for entry in recorded["log"]["entries"]}
    assert {200, 401, 404} <= statuses

    findings = drift.find_drift(load_spec(SPEC_PATH), parse_har(recorded))

    assert _open(findings) == []
    # What drift.toml accepts is narrow: the serviceName the emulator sends on purpose, nothing else.
    assert {(finding.kind, finding.location, finding.example) for finding in findings} <= {
        ("new value of an open enum", "$.items[].serviceName", "intune")
    }
    assert drift.main([str(_write(tmp_path / "emulator.har", recorded)), "--no-redocly"]) == 0


def _plant(recorded: dict[str, Any]) -> dict[str, Any]:
    """The recording with five kinds of drift planted, one of each."""
    planted = copy.deepcopy(recorded)
    entries = planted["log"]["entries"]

    def entry(path: str) -> dict[str, Any]:
        """The 200 exchange of the operation at ``path`` (``{customer-id}`` for any customer)."""
        head, _, tail = path.partition("{customer-id}")
        found: dict[str, Any] = next(
            e
            for e in entries
            if e["response"]["status"] == 200
            and (url := e["request"]["url"].split("?")[0].split("/v1/", 1)[-1])
            and (url == head[4:] if not tail else url.startswith(head[4:]) and url.endswith(tail))
        )
        return found

    def edit_body(path_end: str, change: Any) -> None:
        content = entry(path_end)["response"]["content"]
        body = json.loads(content["text"])
        change(body)
        content["text"] = json.dumps(body)

    edit_body("/v1/analytics/licenses/deployment", lambda body: body["items"][0].update(licensesAssigned=5))
    edit_body(
        "/v1/customers/{customer-id}/analytics/licenses/deployment", lambda b: b["items"][0].update(customerName=42)
    )
    edit_body("/v1/analytics/licenses/usage", lambda body: body["items"][0].update(serviceName="dynamics"))
    conflict = copy.deepcopy(entries[0])
    conflict["response"].update(status=409, statusText="Conflict")
    conflict["response"]["content"]["text"] = json.dumps({"code": 409, "description": "Conflict"})
    entries.append(conflict)
    trace = {"name": "X-Partner-Trace", "value": "abc"}
    entry("/v1/customers/{customer-id}/analytics/licenses/usage")["response"]["headers"].append(trace)
    return planted


PLANTED = [  # (kind, operation, location, example)
    ("undocumented field", "getPartnerLicensesDeployment", "$.items[].licensesAssigned", 5),
    ("type mismatch", "getCustomerLicensesDeployment", "$.items[].customerName", 42),
    ("new value of an open enum", "getPartnerLicensesUsage", "$.items[].serviceName", "dynamics"),
    ("undocumented status", "listCustomers", "status 409", {"code": 409, "description": "Conflict"}),
    ("undocumented header", "getCustomerLicensesUsage", "status 200 header X-Partner-Trace", "abc"),
]


def test_planted_drift_is_found_exactly(recorded: dict[str, Any]) -> None:
    findings = _open(drift.find_drift(load_spec(SPEC_PATH), parse_har(_plant(recorded))))

    assert {(f.kind, f.operation, f.location, json.dumps(f.example)) for f in findings} == {
        (kind, operation, location, json.dumps(example)) for kind, operation, location, example in PLANTED
    }
    by_kind = {finding.kind: finding for finding in findings}
    assert all(finding.count == 1 for finding in findings)
    field = by_kind["undocumented field"]
    assert field.spec_pointer == "#/components/schemas/PartnerLicensesDeploymentInsights/allOf/1/properties"
    assert field.suggestion == "{licensesAssigned: {type: integer}}"
    assert by_kind["new value of an open enum"].suggestion.endswith(", dynamics]")
    assert by_kind["new value of an open enum"].spec_pointer == "#/components/schemas/ServiceName/enum"
    assert "$ref: '#/components/schemas/Error'" in by_kind["undocumented status"].suggestion
    assert by_kind["type mismatch"].suggestion == "{anyOf: [{type: string, nullable: true}, {type: integer}]}"


@pytest.mark.skipif(not NODE, reason="Node.js/npx not found: Redocly's drift is skipped")
def test_make_drift_on_the_planted_har_with_redocly(recorded: dict[str, Any], tmp_path: Path) -> None:
    traffic = _write(tmp_path / "planted.har", _plant(recorded))

    completed = subprocess.run(
        [sys.executable, "-m", "tools.drift", str(traffic), "--json", str(tmp_path / "drift.json")],
        cwd=PROJECT.root,
        env={**os.environ, "PYTHONPATH": str(PROJECT.root)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Findings (5):" in completed.stdout
    assert "Result: DRIFT: 5 finding(s)" in completed.stdout
    # Redocly's drift on the strict view finds the body drift too, and nothing this tool misses.
    assert ", 0 added" in completed.stdout, completed.stdout
    rows = json.loads((tmp_path / "drift.json").read_text(encoding="utf-8"))
    assert {(row["kind"], row["location"]) for row in rows if not row["accepted"]} == {
        (kind, location) for kind, _, location, _ in PLANTED
    }


def _exchange_with(recorded: dict[str, Any], change: Any) -> list[drift.Finding]:
    document = copy.deepcopy(recorded)
    entry = document["log"]["entries"][0]
    change(entry)
    return _open(drift.find_drift(load_spec(SPEC_PATH), parse_har(har([entry]))))


def _body(entry: dict[str, Any], change: Any) -> None:
    body = json.loads(entry["response"]["content"]["text"])
    change(body)
    entry["response"]["content"]["text"] = json.dumps(body)


def test_drift_at_any_depth_and_in_headers(recorded: dict[str, Any]) -> None:
    def deep(entry: dict[str, Any]) -> None:
        _body(entry, lambda body: body["items"][0]["companyProfile"]["attributes"].update(region="EU"))
        headers = entry["response"]["headers"]
        entry["response"]["headers"] = [h for h in headers if h["name"].lower() != "ms-cv"]
        for header in entry["response"]["headers"]:
            if header["name"].lower() == "ms-requestid":
                header["value"] = "not-a-guid"

    found = {(f.kind, f.location) for f in _exchange_with(recorded, deep)}

    assert found == {
        ("undocumented field", "$.items[].companyProfile.attributes.region"),
        ("required header missing", "status 200 header MS-CV"),
        ("format mismatch", "status 200 header ms-requestid"),
    }


def test_a_call_the_spec_lacks_and_a_body_in_base64(recorded: dict[str, Any]) -> None:
    import base64

    def unknown(entry: dict[str, Any]) -> None:
        entry["request"]["url"] = entry["request"]["url"].split("/v1/")[0] + "/v1/invoices"

    def encoded(entry: dict[str, Any]) -> None:
        content = entry["response"]["content"]
        body = json.loads(content["text"])
        body["items"][0]["vip"] = True
        content.update(text=base64.b64encode(json.dumps(body).encode()).decode(), encoding="base64")

    assert [(f.kind, f.operation) for f in _exchange_with(recorded, unknown)] == [
        ("undocumented operation", "GET /v1/invoices")
    ]
    assert [(f.kind, f.location) for f in _exchange_with(recorded, encoded)] == [
        ("undocumented field", "$.items[].vip")
    ]


def test_counts_and_examples_add_up_over_exchanges(recorded: dict[str, Any]) -> None:
    entries = []
    for value in (7, 8, 9):
        entry = copy.deepcopy(recorded["log"]["entries"][0])
        _body(entry, lambda body, value=value: [item.update(score=value) for item in body["items"]])
        entries.append(entry)

    findings = _open(drift.find_drift(load_spec(SPEC_PATH), parse_har(har(entries))))

    items = len(json.loads(recorded["log"]["entries"][0]["response"]["content"]["text"])["items"])
    assert [(f.kind, f.location, f.count, f.example) for f in findings] == [
        ("undocumented field", "$.items[].score", 3 * items, 7)
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "HAR: no 'log'"),
        ({"log": {"entries": {}}}, "log.entries: expected list"),
        ({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/"}}]}}, "log.entries[0]: no 'response'"),
        (har([{"request": {"method": "GET"}, "response": {"status": 200}}]), "log.entries[0].request: no 'url'"),
        (
            har([{"request": {"method": "GET", "url": "http://x/"}, "response": {"status": "200"}}]),
            "log.entries[0].response.status: expected int",
        ),
    ],
)
def test_a_malformed_har_is_a_clear_error(document: Any, message: str, tmp_path: Path) -> None:
    with pytest.raises(HarError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_har(document)
    assert drift.main([str(_write(tmp_path / "bad.har", {"x": document})), "--no-redocly"]) == 2


def test_unreadable_traffic_and_config_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "not.har").write_text("{", encoding="utf-8")
    with pytest.raises(HarError, match="not JSON"):
        read_har(tmp_path / "not.har")
    assert drift.main([str(tmp_path / "missing.har"), "--no-redocly"]) == 2

    traffic = _write(tmp_path / "empty.har", har([]))
    (tmp_path / "drift.toml").write_text('[[accept]]\nkind = "undocumented field"\n', encoding="utf-8")
    assert drift.main([str(traffic), "--accept", str(tmp_path / "drift.toml"), "--no-redocly"]) == 2
    assert "needs a kind and a reason" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("schemathesis", path=str(Path(sys.executable).parent)) is None, reason="no CLI")
def test_a_har_written_by_schemathesis_reads_and_has_no_drift(emulator: RunningEmulator, tmp_path: Path) -> None:
    traffic = tmp_path / "schemathesis.har"
    command = [str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(PROJECT.schemathesis_config)]
    command += ["run", str(SPEC_PATH), "--url", emulator.base_url, "--phases", "examples", "--mode", "positive"]
    command += ["--max-examples", "1", "--report", "har", "--report-har-path", str(traffic)]
    env = {**os.environ, "PCINSIGHTS_CONTRACT_TOKEN": token_for(emulator)}
    subprocess.run(command, env=env, capture_output=True, check=False, timeout=300)

    exchanges = read_har(traffic)

    assert len(exchanges) >= len(list(operations(load_spec(SPEC_PATH))))
    assert all(exchange.response_header("ms-requestid") for exchange in exchanges)
    assert _open(drift.find_drift(load_spec(SPEC_PATH), exchanges)) == []


def test_without_nodejs_redocly_drift_is_skipped_visibly(
    recorded: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tools.redocly.shutil.which", lambda name: None)  # as if Node.js were not installed

    assert drift.main([str(_write(tmp_path / "planted.har", _plant(recorded)))]) == 1
    output = capsys.readouterr().out
    assert "against the strict view: skipped: Node.js not found" in output
    assert "Findings (5):" in output


def _run_drift(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.drift", *args],
        cwd=PROJECT.root,
        env={**os.environ, "PYTHONPATH": str(PROJECT.root)},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(not NODE, reason="Node.js/npx not found: Redocly's drift is skipped")
def test_a_header_a_recorder_added_to_requests_is_no_drift_unless_asked(
    recorded: dict[str, Any], tmp_path: Path
) -> None:
    """schemathesis's ``--report har`` adds ``X-Schemathesis-TestCaseId`` to every request: not Partner Center's
    drift. The recording comes in two files, as one built up over several runs would."""
    tagged = copy.deepcopy(recorded)
    for entry in tagged["log"]["entries"]:
        entry["request"]["headers"].append({"name": "X-Schemathesis-TestCaseId", "value": "abc123"})
    entries = tagged["log"]["entries"]
    first = _write(tmp_path / "first.har", har(entries[:3]))
    second = _write(tmp_path / "second.har", har(entries[3:]))

    declared = _run_drift(tmp_path, str(first), str(second), "--accept", str(PROJECT.root / "drift.toml"))
    assert declared.returncode == 0, declared.stdout + declared.stderr
    assert f"Drift: {len(entries)} exchange(s) in {first}, {second}" in declared.stdout
    assert "undeclared request header(s) ignored" in declared.stdout
    assert "Result: no drift" in declared.stdout

    strict = _run_drift(tmp_path, str(first), str(second), "--requests", "strict")
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert 'Undocumented header in traffic: "x-schemathesis-testcaseid"' in strict.stdout


def _post(body: str | None, content_type: str = "application/json", method: str = "POST") -> dict[str, Any]:
    """A recorded call of the fixture spec's things operations (tests/_codegen_fixture.py), ``body`` as postData."""
    envelope: dict[str, Any] = {"value": [], "nextLink": None, "totalCount": 0, "message": None, "statusCode": 200}
    request: dict[str, Any] = {
        "method": method,
        "url": f"https://api.partnercenter.microsoft.com{THINGS}",
        "headers": [{"name": "Content-Type", "value": content_type}] if content_type else [],
    }
    if body is not None:
        request["postData"] = {"mimeType": content_type, "text": body}
    response = {
        "status": 200,
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "content": {"mimeType": "application/json", "text": json.dumps(envelope)},
    }
    return {"request": request, "response": response}


def _request_findings(*entries: dict[str, Any]) -> set[tuple[str, str, str]]:
    findings = drift.find_drift(fixture_spec(), parse_har(har(list(entries))))
    return {(finding.kind, finding.operation, finding.location) for finding in findings}


GOOD_BODY = {"ThingName": "Monthly", "QueryId": "6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c01", "Format": "CSV"}


def test_a_request_body_the_spec_describes_is_no_drift_and_an_unrecorded_one_shows_nothing() -> None:
    assert _request_findings(_post(json.dumps(GOOD_BODY)), _post(None), _post(None, content_type="")) == set()


def test_a_request_body_is_checked_against_the_operations_request_schema() -> None:
    drifted = {**GOOD_BODY, "ThingName": 42, "Extra": True, "Format": "XML"}
    del drifted["QueryId"]

    findings = drift.find_drift(fixture_spec(), parse_har(har([_post(json.dumps(drifted))])))

    assert {(f.kind, f.location, json.dumps(f.example)) for f in findings} == {
        ("undocumented field", "request $.Extra", "true"),
        ("type mismatch", "request $.ThingName", "42"),
        ("schema violation (enum)", "request $.Format", '"XML"'),
        ("schema violation (required)", "request $", json.dumps(drifted)),
    }
    by_location = {finding.location: finding for finding in findings}
    assert by_location["request $.Extra"].spec_pointer == "#/components/schemas/ThingCreate/properties"
    assert by_location["request $.Extra"].suggestion == "{Extra: {type: boolean}}"
    assert all(finding.operation == "createThing" for finding in findings)


def test_a_body_the_operation_does_not_take_or_cannot_read() -> None:
    assert _request_findings(_post('{"ThingName": "x"}', method="GET")) == {
        ("undocumented request body", "getThings", "request body")
    }
    assert _request_findings(_post("ThingName=x", content_type="application/x-www-form-urlencoded")) == {
        ("undocumented request media type", "createThing", "request application/x-www-form-urlencoded")
    }
    assert _request_findings(_post("{not json")) == {("request body is not JSON", "createThing", "request body")}


@pytest.mark.skipif(not NODE, reason="Node.js/npx not found: Redocly's drift is skipped")
def test_redocly_finds_the_same_request_body_drift_at_the_same_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = _post(json.dumps({**GOOD_BODY, "ThingName": 42, "Extra": True}))
    entry["request"].update(httpVersion="HTTP/1.1", cookies=[], queryString=[], headersSize=-1, bodySize=-1)
    entry["response"].update(statusText="OK", httpVersion="HTTP/1.1", cookies=[], redirectURL="", headersSize=-1)
    entry.update(startedDateTime="2026-12-06T00:00:00Z", time=1, cache={}, timings={"send": 0, "wait": 1, "receive": 0})
    entry["response"]["bodySize"] = -1
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(fixture_spec(), sort_keys=False), encoding="utf-8")

    assert drift.main([str(_write(tmp_path / "post.har", har([entry]))), "--spec", str(spec)]) == 1

    output = capsys.readouterr().out
    assert "Findings (2):" in output
    assert "2 problem(s): 2 place(s) also found here, 0 added; 0 finding(s) here that Redocly does not report" in output


@pytest.fixture(scope="module")
def reports_flow_har(emulator: RunningEmulator, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A HAR of the reports flow (create query, ExecuteNow report, executions, read, delete) as the client records it:
    POST, GET and DELETE, request bodies kept."""
    path = tmp_path_factory.mktemp("reports") / "reports.har"
    with (
        HarRecorder(path) as recorder,
        AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator), recorder=recorder) as client,
    ):
        try:
            reports_flow(client)
        finally:
            emulator.app.state.reports.reset()  # the session emulator's reports state as other tests expect it
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def test_make_drift_on_a_har_of_the_reports_flow_finds_none(
    reports_flow_har: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = reports_flow_har["log"]["entries"]
    assert {entry["request"]["method"] for entry in entries} == {"POST", "GET", "DELETE"}
    assert sum("postData" in entry["request"] for entry in entries) == 2  # the query's body and the report's

    assert drift.main([str(_write(tmp_path / "reports.har", reports_flow_har)), "--no-redocly"]) == 0

    output = capsys.readouterr().out
    assert f"Drift: {len(entries)} exchange(s)" in output
    assert "Findings (0):" in output and "Result: no drift" in output


def test_make_drift_reports_a_reports_request_body_that_breaks_the_schema(
    reports_flow_har: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = copy.deepcopy(reports_flow_har)
    (post,) = [e for e in document["log"]["entries"] if e["request"]["url"].endswith("/ScheduledReport")]
    body = json.loads(post["request"]["postData"]["text"])
    post["request"]["postData"]["text"] = json.dumps({**body, "RecurrenceInterval": 2, "Callback": "x"})

    findings = drift.find_drift(load_spec(SPEC_PATH), parse_har(document))

    assert {(f.kind, f.operation, f.location, json.dumps(f.example)) for f in findings} == {
        ("schema violation (minimum)", "createReport", "request $.RecurrenceInterval", "2"),
        ("undocumented field", "createReport", "request $.Callback", '"x"'),
    }
    assert drift.main([str(_write(tmp_path / "drifted.har", document)), "--no-redocly"]) == 1
    assert "schema violation (minimum): createReport request $.RecurrenceInterval" in capsys.readouterr().out
