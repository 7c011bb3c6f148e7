"""The HAR recorder: the generated client's calls against the emulator, sync and async, written as HAR 1.2 with
bodies kept and no credential anywhere in the file's bytes; the recording passes ``make drift``'s checks; the CLI's
``--record``, which appends across commands; and the redaction rules on real token-endpoint traffic (form and JSON
secrets, cookies, query)."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]
import pytest
from partner_center_analytics import AuthenticatedClient, HarFileError, HarRecorder, api
from partner_center_analytics._har import REDACTED, RecordingTransport
from partner_center_analytics.models import ListCustomersSeekOperation
from typer.testing import CliRunner

from pcinsights.cli.app import app as cli_app
from pcinsights.emulator import RunningEmulator
from pcinsights.emulator.auth import AppRegistration, issuer_of, request_token
from pcinsights.har import parse_har, read_har
from tests import _hostile
from tests._hostile import hostile_server
from tests._support import call, opened, token_for
from tools import drift

JWT = rb"eyJ[\w-]+\.[\w-]+\."  # a JWT's header and payload (the continuation tokens are one base64 part)
NEXT = ListCustomersSeekOperation.NEXT
UNKNOWN_CUSTOMER = "00000000-0000-4000-8000-000000000000"
_PAIRS = {"type": "array", "items": {"type": "object", "required": ["name", "value"]}}
_NUMBER = {"type": "number"}
# HAR 1.2's required fields (http://www.softwareishard.com/blog/har-12-spec/), as a JSON Schema.
HAR_12 = {
    "type": "object",
    "required": ["log"],
    "properties": {
        "log": {
            "type": "object",
            "required": ["version", "creator", "entries"],
            "properties": {
                "version": {"const": "1.2"},
                "creator": {"type": "object", "required": ["name", "version"]},
                "entries": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["startedDateTime", "time", "request", "response", "cache", "timings"],
                        "properties": {
                            "startedDateTime": {"type": "string", "format": "date-time"},
                            "time": _NUMBER,
                            "request": {
                                "type": "object",
                                "required": [
                                    "method",
                                    "url",
                                    "httpVersion",
                                    "cookies",
                                    "headers",
                                    "queryString",
                                    "headersSize",
                                    "bodySize",
                                ],
                                "properties": {"cookies": _PAIRS, "headers": _PAIRS, "queryString": _PAIRS},
                            },
                            "response": {
                                "type": "object",
                                "required": [
                                    "status",
                                    "statusText",
                                    "httpVersion",
                                    "cookies",
                                    "headers",
                                    "content",
                                    "redirectURL",
                                    "headersSize",
                                    "bodySize",
                                ],
                                "properties": {
                                    "status": {"type": "integer"},
                                    "cookies": _PAIRS,
                                    "headers": _PAIRS,
                                    "content": {"type": "object", "required": ["size", "mimeType"]},
                                },
                            },
                            "timings": {
                                "type": "object",
                                "required": ["send", "wait", "receive"],
                                "properties": {"send": _NUMBER, "wait": _NUMBER, "receive": _NUMBER},
                            },
                        },
                    },
                },
            },
        }
    },
}


def _operations() -> list[ModuleType]:
    """Every generated operation module."""
    found = []
    for group in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"{api.__name__}.{group.name}")
        for module in pkgutil.iter_modules(package.__path__):
            found.append(importlib.import_module(f"{package.__name__}.{module.name}"))
    return found


def _required(operation: ModuleType) -> list[str]:
    parameters = inspect.signature(operation.sync_detailed).parameters.values()
    return [p.name for p in parameters if p.default is inspect.Parameter.empty and p.name != "client"]


async def _record(mode: str, emulator: RunningEmulator, path: Path) -> tuple[list[Any], str]:
    """Every operation the client can call with at most a customer id, a second page, and a 404; the token."""
    token = token_for(emulator)
    recorder = HarRecorder(path)
    client = AuthenticatedClient(base_url=emulator.base_url, token=token, recorder=recorder)
    customers = next(op for op in _operations() if op.__name__.endswith(".list_customers"))
    answers = []
    async with opened(mode, client):
        first = await call(mode, customers, client=client, size=2, detailed=True)
        answers.append(first)
        cursor = first.parsed.continuation_token
        answers.append(
            await call(
                mode, customers, client=client, size=2, seek_operation=NEXT, ms_continuation_token=cursor, detailed=True
            )
        )
        customer = first.parsed.items[0].id
        for operation in _operations():
            required = _required(operation)
            if operation is not customers and set(required) <= {"customer_id"}:
                args = [customer] if required else []
                answers.append(await call(mode, operation, *args, client=client, detailed=True))
        answers.append(
            await call(
                mode, operation_named("get_customer_licenses_usage"), UNKNOWN_CUSTOMER, client=client, detailed=True
            )
        )
    recorder.close()
    return answers, token


def operation_named(name: str) -> ModuleType:
    return next(op for op in _operations() if op.__name__.endswith("." + name))


@pytest.fixture
def recorded(mode: str, emulator: RunningEmulator, tmp_path: Path) -> tuple[Path, list[Any], str]:
    import asyncio

    path = tmp_path / f"{mode}.har"
    answers, token = asyncio.run(_record(mode, emulator, path))
    return path, answers, token


def test_the_recording_is_har_1_2_with_every_call_and_its_body(recorded: tuple[Path, list[Any], str]) -> None:
    path, answers, _ = recorded
    document = json.loads(path.read_bytes())
    jsonschema.validate(document, HAR_12, format_checker=jsonschema.FormatChecker())
    entries = document["log"]["entries"]
    assert len(entries) == len(answers) >= 9
    for entry, answer in zip(entries, answers, strict=True):
        assert entry["response"]["status"] == answer.status_code
        assert json.loads(entry["response"]["content"]["text"]) == json.loads(answer.content)
        sent = {h["name"].lower(): h["value"] for h in entry["request"]["headers"]}
        assert sent["authorization"] == REDACTED
        assert sent["ms-requestid"] == answer.headers["MS-RequestId"]
    tried = [entry["response"]["status"] for entry in entries if "/testQueryResult" in entry["request"]["url"]]
    others = {entry["response"]["status"] for entry in entries if "/testQueryResult" not in entry["request"]["url"]}
    assert tried == [400]  # a try with neither a query nor a query id: "Null or missing value", the spec's choice
    assert others == {200, 404}
    assert len(parse_har(document)) == len(entries)  # the drift tool's reader takes it as it is


def test_no_token_anywhere_in_the_file(recorded: tuple[Path, list[Any], str]) -> None:
    path, _, token = recorded
    raw = path.read_bytes()
    for part in [token, *token.split(".")]:
        assert part.encode() not in raw
    assert re.search(JWT, raw) is None


def test_the_recording_has_no_drift(recorded: tuple[Path, list[Any], str]) -> None:
    path, _, _ = recorded
    assert drift.main([str(path), "--no-redocly"]) == 0


def test_the_cli_records_with_record(tmp_path: Path) -> None:
    path = tmp_path / "cli.har"
    result = CliRunner().invoke(
        cli_app,
        ["customer", "usage", "--all", "--emulator", "--customers", "2", "--format", "json", "--record", str(path)],
    )
    assert result.exit_code == 0, result.output
    entries = json.loads(path.read_bytes())["log"]["entries"]
    assert len(entries) >= 3  # the customer list and each customer's usage
    assert all(entry["response"]["content"]["text"] for entry in entries)
    assert re.search(JWT, path.read_bytes()) is None
    assert drift.main([str(path), "--no-redocly"]) == 0


def test_cli_recordings_build_up_across_commands_until_fresh(tmp_path: Path) -> None:
    path = tmp_path / "tenant.har"
    usage = ["customer", "usage", "--all", "--emulator", "--customers", "2", "--format", "json", "--record", str(path)]
    deployment = ["deployment", "--emulator", "--format", "json", "--record", str(path)]
    assert CliRunner().invoke(cli_app, usage).exit_code == 0
    first = [exchange.path for exchange in read_har(path)]
    assert CliRunner().invoke(cli_app, deployment).exit_code == 0
    both = [exchange.path for exchange in read_har(path)]
    assert both[: len(first)] == first  # the first command's entries, kept as they were
    assert both[len(first) :] == ["/v1/analytics/licenses/deployment"]
    assert "/v1/customers" in first and any(p.endswith("/analytics/licenses/usage") for p in first)
    jsonschema.validate(json.loads(path.read_bytes()), HAR_12)
    assert drift.main([str(path), "--no-redocly"]) == 0

    assert CliRunner().invoke(cli_app, [*deployment, "--fresh"]).exit_code == 0
    assert [exchange.path for exchange in read_har(path)] == ["/v1/analytics/licenses/deployment"]


def test_the_cli_refuses_to_append_to_a_file_it_did_not_record(tmp_path: Path) -> None:
    path = tmp_path / "notes.har"
    path.write_text('{"log": {"entries": []}, "comment": "written by hand"}', encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["deployment", "--emulator", "--record", str(path)])
    assert result.exit_code == 1
    assert "not a HAR recording this recorder wrote, so nothing can be appended to it; --fresh replaces it" in (
        " ".join(result.output.split())
    )
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == '{"log": {"entries": []}, "comment": "written by hand"}'


def test_appending_resumes_a_recording_and_leaves_it_alone_without_traffic(tmp_path: Path) -> None:
    path = tmp_path / "resumed.har"
    with hostile_server(_hostile.reply("200 OK")) as server:
        for status in range(3):  # a run that records, one that records nothing, one that records again
            with HarRecorder(path, append=True) as recorder:
                if status != 1:
                    with httpx.Client(transport=RecordingTransport(httpx.HTTPTransport(), recorder)) as http:
                        http.get(f"{server.url}/v1/x", params={"run": str(status)})
            jsonschema.validate(json.loads(path.read_bytes()), HAR_12)  # valid after every run
    assert [entry["request"]["queryString"] for entry in json.loads(path.read_bytes())["log"]["entries"]] == [
        [{"name": "run", "value": "0"}],
        [{"name": "run", "value": "2"}],
    ]
    other = tmp_path / "other.har"  # valid HAR, but not laid out as the recorder writes it
    other.write_bytes(b'{"log": {"entries": []}}')
    with pytest.raises(HarFileError, match="not a HAR recording"):
        HarRecorder(other, append=True)
    assert other.read_bytes() == b'{"log": {"entries": []}}'


def test_token_endpoint_traffic_keeps_no_secret(emulator: RunningEmulator, tmp_path: Path) -> None:
    """The richest secrets there are: a form with client_secret and refresh_token, an answer with tokens."""
    path = tmp_path / "token.har"
    app = AppRegistration.of(emulator.config)
    refresh = issuer_of(emulator).refresh_token(mfa=True)
    with (
        HarRecorder(path) as recorder,
        httpx.Client(transport=RecordingTransport(httpx.HTTPTransport(), recorder)) as http,
    ):
        issued = request_token(emulator.base_url, app, refresh_token=refresh, http=http)
    raw = path.read_bytes()
    for secret in (app.client_secret, refresh, issued.token):
        assert secret.encode() not in raw
    (entry,) = json.loads(raw)["log"]["entries"]
    form = dict(pair.split("=", 1) for pair in entry["request"]["postData"]["text"].split("&"))
    assert form["client_secret"] == form["refresh_token"] == REDACTED
    assert form["client_id"] == app.client_id  # not a secret: kept
    answer = json.loads(entry["response"]["content"]["text"])
    assert answer["access_token"] == REDACTED
    assert answer["token_type"] == "Bearer"


def test_cookies_query_secrets_and_jwts_in_bodies_are_redacted(tmp_path: Path) -> None:
    jwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
    body = json.dumps({"items": [], "note": f"see {jwt}", "client_secret": "s3cr3t-value", "totalCount": 0}).encode()
    reply = _hostile.reply("200 OK", "Set-Cookie: session=cookie-secret-1; HttpOnly", body=body)
    path = tmp_path / "loopback.har"
    with (
        hostile_server(reply) as server,
        HarRecorder(path) as recorder,
        httpx.Client(transport=RecordingTransport(httpx.HTTPTransport(), recorder, "X-Api-Auth")) as http,
    ):
        http.get(
            f"{server.url}/v1/x",
            params={"api_token": "query-secret-1", "size": "5", "filter": jwt},
            headers={"Cookie": "auth=cookie-secret-2", "X-Other": f"Bearer {jwt}", "X-Api-Auth": "custom-secret-3"},
        )
    raw = path.read_bytes()
    for secret in ("cookie-secret-1", "cookie-secret-2", "custom-secret-3", "query-secret-1", "s3cr3t-value", jwt):
        assert secret.encode() not in raw
    (entry,) = json.loads(raw)["log"]["entries"]
    assert entry["request"]["queryString"] == [
        {"name": "api_token", "value": REDACTED},
        {"name": "size", "value": "5"},
        {"name": "filter", "value": REDACTED},
    ]
    assert entry["request"]["cookies"] == [{"name": "auth", "value": REDACTED}]
    assert entry["response"]["cookies"] == [{"name": "session", "value": REDACTED}]
    kept = json.loads(entry["response"]["content"]["text"])
    assert kept == {"items": [], "note": f"see {REDACTED}", "client_secret": REDACTED, "totalCount": 0}


def test_an_unused_recorder_leaves_an_empty_har(tmp_path: Path) -> None:
    HarRecorder(tmp_path / "empty.har").close()
    document = json.loads((tmp_path / "empty.har").read_bytes())
    jsonschema.validate(document, HAR_12)
    assert document["log"]["entries"] == []


def test_recording_after_close_appends(tmp_path: Path) -> None:
    with hostile_server(_hostile.reply("200 OK")) as server:
        recorder = HarRecorder(tmp_path / "twice.har")
        for _ in range(2):
            with httpx.Client(transport=RecordingTransport(httpx.HTTPTransport(), recorder)) as http:
                http.get(f"{server.url}/v1/x")
            recorder.close()
    document = json.loads((tmp_path / "twice.har").read_bytes())
    jsonschema.validate(document, HAR_12)
    assert [entry["response"]["status"] for entry in document["log"]["entries"]] == [200, 200]
