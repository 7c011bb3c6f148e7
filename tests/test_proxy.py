"""The validating proxy over real HTTP: in front of the emulator it finds nothing and changes no byte; in front of an
upstream with planted drift it finds exactly what was planted, ``--strict`` makes each a 502, and the bearer token
reaches the upstream and no log, report or recording."""

from __future__ import annotations

import copy
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient
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
from pcinsights.har import read_har
from pcinsights.proxy import ProxyApp
from pcinsights.spec.accepted import load_acceptances
from pcinsights.spec.drift import Tally
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


def _example(path: str) -> dict[str, Any]:
    """The spec's own example of the operation's 200 body: conforming by construction (spec first)."""
    example: dict[str, Any] = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    return copy.deepcopy(example)


def _planted_app(seen_tokens: list[str]) -> Starlette:
    """An upstream that claims to be Partner Center: the spec's examples, with the drift the request asks for."""

    async def answer(request: Request) -> Response:
        seen_tokens.append(request.headers.get("authorization", ""))
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

    return Starlette(routes=[Route(DEPLOYMENT, answer), Route(USAGE, answer)])


@pytest.fixture(scope="module")
def planted() -> Iterator[tuple[str, list[str]]]:
    """The planted upstream's base URL, and the Authorization headers it received."""
    seen: list[str] = []
    with serve_in_background(_planted_app(seen), EmulatorConfig(), name="planted") as (base_url, _):
        yield base_url, seen


@contextmanager
def _proxy(
    upstream: str, *, strict: bool = False, max_body: int = 1024 * 1024
) -> Iterator[tuple[ProxyApp, str, list[str]]]:
    """A proxy in front of ``upstream`` accepting the project's drift.toml: the app, its base URL, its log lines."""
    lines: list[str] = []
    accepted = load_acceptances(PROJECT.root / "drift.toml")
    app = ProxyApp(upstream, Tally(SPEC), strict=strict, accepted=accepted, log=lines.append, max_body=max_body)
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
