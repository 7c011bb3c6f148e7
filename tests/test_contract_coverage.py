"""The coverage report of `make contract`: built from schemathesis's NDJSON event stream (the stateful phase's steps
counted for the operations they called, the links they followed and the walks they took); the fault and 403 passes
against a real emulator produce and validate every documented 403, 429 (both body shapes), 431, 500 and 503; the
stateful pass walks from a query to a report to its executions; a documented status never seen, a link never
followed or a required walk not taken fails unless contract-coverage.toml allows it; the emulator's 429 body
switch."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background
from pcinsights.emulator.auth import fetch_token
from tests._support import PROJECT, SPEC_PATH, token_for
from tools import contract, coverage
from tools.specdoc import load_spec, operations

WALK_EXAMPLES = 40  # make contract runs 100 over every operation; these, over the reports ones, take ~15 s
OPERATIONS = {str(operation["operationId"]) for _, _, _, operation in operations(load_spec(SPEC_PATH))}
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/v1/things/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {"name": "size", "in": "query", "schema": {"type": "integer"}},
                    {"name": "MS-RequestId", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {"description": "ok", "headers": {"MS-CV": {"schema": {"type": "string"}}}},
                    "4XX": {"description": "client error"},
                    "503": {
                        "description": "down",
                        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                    },
                },
            },
        }
    },
}


def _scenario(*interactions: tuple[dict[str, Any], int, dict[str, list[str]], str]) -> str:
    """One ScenarioFinished event as schemathesis writes it: cases, checks and interactions by case id."""
    cases, checks, exchanges = {}, {}, {}
    for number, (case, status, headers, verdict) in enumerate(interactions):
        case_id = f"c{number}"
        cases[case_id] = {"value": {"method": "GET", "id": case_id, **case}}
        checks[case_id] = [
            {"name": "status_code_conformance", "status": verdict},
            {"name": "not_a_server_error", "status": "failure"},  # not a response check: ignored
        ]
        exchanges[case_id] = {"request": {}, "response": {"status_code": status, "headers": headers}}
    recorder = {"label": "GET /v1/things/{id}", "cases": cases, "checks": checks, "interactions": exchanges}
    return json.dumps({"ScenarioFinished": {"status": "success", "recorder": recorder}})


def _stream(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "run.ndjson"
    path.write_text("\n".join([json.dumps({"Initialize": {}}), *lines]) + "\n", encoding="utf-8")
    return path


def test_statuses_headers_and_parameters_come_from_the_event_stream(tmp_path: Path) -> None:
    stream = _stream(
        tmp_path,
        _scenario(
            ({"path_parameters": {"id": "a"}, "query": {"size": 1}}, 200, {"ms-cv": ["x"]}, "success"),
            ({"path_parameters": {"id": "b"}, "headers": {"ms-requestid": "r"}}, 404, {}, "success"),
            ({"path_parameters": {"id": "c"}}, 200, {}, "failure"),
            ({"path_parameters": {"id": "d"}}, 302, {}, "failure"),
        ),
    )
    report = coverage.summary(coverage.measure(SPEC, [stream]), coverage.Expectations())
    (thing,) = report["operations"]
    assert thing["statuses"] == {
        "200": {"seen": 2, "validated": 1},
        "4XX": {"seen": 1, "validated": 1},  # a 404 falls under the documented 4XX
        "503": {"seen": 0, "validated": 0},
    }
    assert thing["headers"] == {
        "200": {"ms-cv": {"seen": 1, "validated": 1}},
        "503": {"retry-after": {"seen": 0, "validated": 0}},
    }
    assert thing["parameters"] == {"path:id": 4, "query:size": 1, "header:MS-RequestId": 1}
    assert thing["undocumented_statuses"] == {"302": 1}
    assert report["unexercised_not_allowed"] == ["getThing 503"]
    assert report["totals"]["statuses_seen"] == 2 and report["totals"]["parameters_exercised"] == 3


def test_an_unseen_status_fails_unless_allowed_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = _stream(tmp_path, _scenario(({"path_parameters": {"id": "a"}}, 200, {}, "success")))
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    config = tmp_path / "allow.toml"
    config.write_text('[[unexercised]]\noperation = "getThing"\nstatus = "503"\nreason = "only a real outage"\n')
    assert coverage.check(spec, [stream], tmp_path / "none.toml", tmp_path / "out") == 1
    assert "NEVER SEEN" in capsys.readouterr().out

    config.write_text(config.read_text() + '[[unexercised]]\noperation = "*"\nstatus = "4XX"\nreason = "none sent"\n')
    assert coverage.check(spec, [stream], config, tmp_path / "out") == 0
    table = (tmp_path / "out" / "coverage.txt").read_text(encoding="utf-8")
    assert "allowed: only a real outage" in table and "allowed: none sent" in table
    written = json.loads((tmp_path / "out" / "coverage.json").read_text(encoding="utf-8"))
    assert written["unexercised_not_allowed"] == []


@pytest.mark.parametrize(
    ("writes", "message"),
    [
        (lambda p: (p / "run.ndjson").write_text('{"ScenarioFinished": \n'), "run.ndjson:1: not JSON"),
        (lambda p: (p / "allow.toml").write_text('[[unexercised]]\nstatus = "503"\n'), "needs operation, status"),
        (lambda p: (p / "allow.toml").write_text("[[unexercised"), "allow.toml"),
        (lambda p: (p / "allow.toml").write_text('[[unfollowed]]\nlink = "a 200 B"\n'), "needs link and reason"),
        (lambda p: (p / "allow.toml").write_text('[[walk]]\nsteps = ["a"]\nreason = "r"\n'), "two operationIds"),
    ],
)
def test_unreadable_reports_and_configs_are_clear_errors(
    tmp_path: Path, writes: Callable[[Path], object], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "run.ndjson").write_text("")
    writes(tmp_path)
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    code = coverage.check(spec, [tmp_path / "run.ndjson"], tmp_path / "allow.toml", tmp_path / "out")
    assert code == 2
    assert message in capsys.readouterr().err


def test_the_project_config_gives_a_reason_for_each_allowance() -> None:
    expected = coverage.load_expectations(PROJECT.root / coverage.CONFIG_NAME)
    assert all(allowance.reason for allowance in expected.unexercised)
    assert {a.operation for a in expected.unexercised} <= OPERATIONS | {"*"}
    links = {link.key for link in coverage.documented_links(load_spec(SPEC_PATH)).values()}
    assert set(expected.unfollowed) <= links
    assert ("createReportQuery", "createReport", "getReportExecutions") in expected.walks
    assert {step for walk in expected.walks for step in walk} <= OPERATIONS


LINKED = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/v1/things": {
            "post": {
                "operationId": "createThing",
                "responses": {
                    "201": {
                        "description": "made",
                        "links": {"GetThing": {"operationId": "getThing", "parameters": {"id": "$response.body#/id"}}},
                    },
                    "400": {"description": "bad"},
                },
            }
        },
        "/v1/things/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": {
                "operationId": "getThing",
                "responses": {
                    "200": {
                        "description": "ok",
                        "links": {"Again": {"operationId": "getThing", "parameters": {"id": "$response.body#/id"}}},
                    },
                    "404": {"description": "none"},
                },
            },
        },
    },
}
CREATE, GET = "POST /v1/things", "GET /v1/things/{id}"


def _stateful(*steps: tuple[str, str, str | None, str | None, int]) -> str:
    """One stateful ScenarioFinished event: (case id, operation label, parent id, link name, status) per step."""
    cases, checks, exchanges = {}, {}, {}
    for case_id, label, parent, link, status in steps:
        method, path = label.split(" ")
        case: dict[str, Any] = {"value": {"method": method, "path": path, "id": case_id}}
        if parent is not None:
            source = next(step[1] for step in steps if step[0] == parent)
            source_status = next(step[4] for step in steps if step[0] == parent)
            transition = f"{source} -> [{source_status}] {link} -> {label}"
            case |= {"parent_id": parent, "transition": {"id": transition}, "is_transition_applied": link != "unused"}
        cases[case_id] = case
        checks[case_id] = [{"name": "status_code_conformance", "status": "success"}]
        exchanges[case_id] = {"request": {}, "response": {"status_code": status, "headers": {}}}
    recorder = {"label": "Stateful tests", "cases": cases, "checks": checks, "interactions": exchanges}
    return json.dumps({"ScenarioFinished": {"phase": "stateful", "status": "success", "recorder": recorder}})


def test_stateful_steps_count_for_their_operations_links_and_walks(tmp_path: Path) -> None:
    stream = _stream(
        tmp_path,
        _stateful(
            ("a", CREATE, None, None, 201),
            ("b", GET, "a", "GetThing", 200),
            ("c", GET, "b", "Again", 404),
            ("d", CREATE, None, None, 400),
            ("e", GET, "a", "unused", 200),  # a step whose link was not applied: no link, no walk
        ),
    )
    measured = coverage.measure(LINKED, [stream])
    assert measured.operations[CREATE].statuses["201"].seen == 1 and measured.operations[CREATE].statuses["400"].seen
    assert {status: seen.seen for status, seen in measured.operations[GET].statuses.items()} == {"200": 2, "404": 1}
    links = {link.key: (link.followed, link.succeeded) for link in measured.links.values()}
    assert links == {"createThing 201 GetThing": (1, 1), "getThing 200 Again": (1, 0)}
    assert measured.walks == {("createThing",), ("getThing",), ("createThing", "getThing")}

    walked = coverage.Expectations(walks=[("createThing", "getThing")])
    report = coverage.summary(measured, walked)
    assert report["walks"] == [{"steps": ["createThing", "getThing"], "taken": True}]
    assert report["unexercised_not_allowed"] == []
    assert report["totals"]["links_followed"] == 2 and report["totals"]["links_succeeded"] == 1

    further = coverage.Expectations(walks=[("createThing", "getThing", "getThing")])
    failures = coverage.summary(measured, further)["unexercised_not_allowed"]
    assert failures == ["walk createThing -> getThing -> getThing"]


def test_a_link_never_followed_fails_unless_allowed(tmp_path: Path) -> None:
    stream = _stream(tmp_path, _stateful(("a", CREATE, None, None, 201)))
    measured = coverage.measure(LINKED, [stream])
    failures = coverage.summary(measured, coverage.Expectations())["unexercised_not_allowed"]
    assert "link createThing 201 GetThing" in failures and "link getThing 200 Again" in failures
    allowed = coverage.Expectations(unfollowed={"createThing 201 GetThing": "why", "getThing 200 Again": "why"})
    report = coverage.summary(measured, allowed)
    assert not [failure for failure in report["unexercised_not_allowed"] if failure.startswith("link")]
    assert "allowed: why" in coverage.table(report)


def _bodies(stream: Path, status: int) -> list[dict[str, Any]]:
    found = []
    for scenario in coverage.events(stream):
        for interaction in scenario["recorder"]["interactions"].values():
            response = interaction["response"]
            if response and response["status_code"] == status:
                content = response.get("content") or {}
                raw = base64.b64decode(content["$base64"]) if "$base64" in content else content.get("text", "")
                found.append(json.loads(raw))
    return found


@pytest.fixture(scope="module")
def response_passes(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[Path]]:
    """The fault, 403 and 431 passes of `make contract`, for real: schemathesis against an emulator."""
    reports = tmp_path_factory.mktemp("contract")
    return contract.response_passes(SPEC_PATH, reports, PROJECT.schemathesis_config, seed=20261126)


@pytest.mark.slow
@pytest.mark.xdist_group("contract-runner")
def test_the_fault_403_and_431_passes_produce_and_validate_every_documented_fault(
    response_passes: tuple[int, list[Path]],
) -> None:
    code, streams = response_passes
    assert code == 0  # every answer, faults included, conforms to the spec
    records = coverage.measure(load_spec(SPEC_PATH), streams).operations
    assert {record.operation_id for record in records.values()} == OPERATIONS
    for record in records.values():
        assert {"403", "429", "500", "503"} <= set(record.statuses)
        for status in {"403", "429", "431", "500", "503"} & set(record.statuses):
            seen = record.statuses[status]
            assert seen.seen > 0 and seen.validated == seen.seen, (record.operation_id, status, seen)
        assert record.headers["429"]["retry-after"].validated > 0, record.operation_id
        assert record.headers["503"]["retry-after"].validated > 0, record.operation_id
    shapes = {tuple(sorted(body)) for body in _bodies(streams[0], 429)}
    assert shapes == {("message", "statusCode"), ("code", "data", "description", "source")}


@pytest.mark.parametrize(("setting", "shapes"), [("statusCode", ["statusCode"] * 2), ("both", ["statusCode", "code"])])
def test_the_emulator_throttles_in_either_documented_body_shape(
    pcinsights_start_emulator: Callable[..., RunningEmulator], setting: str, shapes: list[str]
) -> None:
    emulator = pcinsights_start_emulator(fail_429=1.0, throttle_body=setting)
    auth = {"Authorization": f"Bearer {token_for(emulator)}"}
    with httpx.Client(base_url=emulator.base_url, headers=auth) as http:
        answers = [http.get("/v1/analytics/licenses/deployment") for _ in shapes]
    assert [answer.status_code for answer in answers] == [429, 429]
    assert all(answer.headers["Retry-After"].isdigit() for answer in answers)
    assert [next(iter(answer.json())) for answer in answers] == shapes


@pytest.mark.slow
@pytest.mark.xdist_group("contract-runner")
def test_the_stateful_pass_walks_from_a_query_to_a_report_to_its_executions(tmp_path: Path) -> None:
    """`make contract`'s stateful pass, for real (fewer examples): the NDJSON shows the spec's links followed and
    the flow answered 200 at every step, which is what the coverage check requires of the full run."""
    with run_in_background(EmulatorConfig()) as emulator:
        command = contract.stateful_pass_command(
            SPEC_PATH, emulator.base_url, tmp_path, max_examples=WALK_EXAMPLES, seed=20261126
        )
        command += ["--include-tag", "reports"]  # the reports flow only: fewer scenarios reach it
        code = contract.run_schemathesis(
            command, fetch_token(emulator).token, PROJECT.schemathesis_config, hooks=contract.CONTRACT_HOOKS
        )
    assert code == 0
    measured = coverage.measure(load_spec(SPEC_PATH), [tmp_path / "stateful.ndjson"])
    assert ("createReportQuery", "createReport", "getReportExecutions") in measured.walks
    followed = {link.key for link in measured.links.values() if link.succeeded}
    assert {"createReportQuery 200 CreateReport", "createReport 200 GetReportExecutions"} <= followed
    assert measured.operations["GET /insights/v1/mpn/ScheduledReport/execution/{reportId}"].statuses["200"].validated
