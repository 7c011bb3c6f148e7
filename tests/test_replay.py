"""Replay over real HTTP: a recording made by the client's HarRecorder against the emulator, answered again by
``pcinsights replay`` with the emulator gone; requests matched by method, path, query and body, headers ignored."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient, HarRecorder
from partner_center_analytics.api.customers import list_customers

from pcinsights.emulator import RunningEmulator
from pcinsights.replay import Recording, ReplayApp, request_key, serve_replay
from tests._support import announced, token_for

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
