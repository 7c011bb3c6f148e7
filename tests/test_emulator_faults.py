"""Each fault switch of the emulator, observed over real HTTP: statuses, headers, bytes and broken connections."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import attrs
import httpx
import pytest

from pcinsights.emulator import RunningEmulator, create_app, run_in_background
from pcinsights.emulator.auth import fetch_token
from pcinsights.emulator.config import EmulatorConfig, option_of
from pcinsights.emulator.faults import FaultSettingError, FaultSwitches, TokenBuckets
from tests._support import FakeClock, token_for

# ``get``'s default: the emulator's own App+User token (from ``token_for``).
OWN = "<the emulator's own token>"
DEPLOYMENT = "/v1/analytics/licenses/deployment"
Start = Callable[..., RunningEmulator]


Get = Callable[..., httpx.Response]


@pytest.fixture
def get(plain_http: httpx.Client) -> Get:
    """GET ``path`` from an emulator with ``token`` (None: no Authorization), over the session's shared client."""

    def get(running: RunningEmulator, path: str = DEPLOYMENT, token: str | None = OWN) -> httpx.Response:
        token = token_for(running) if token is OWN else token
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        return plain_http.get(running.base_url + path, headers=headers)

    return get


def _auth(running: RunningEmulator) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(running)}"}


def _assert_ids(response: httpx.Response) -> None:
    uuid.UUID(response.headers["MS-RequestId"])
    uuid.UUID(response.headers["MS-CorrelationId"])
    assert response.headers["MS-CV"]


def test_latency_is_applied_to_v1_requests_only(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(latency=0.02)
    assert get(running).status_code == 200
    assert get(running, "/v1/customers").status_code == 200
    assert get(running, "/openapi.json").status_code == 200
    assert running.stats.faults == {"latency": 2}


def test_injected_429_looks_like_partner_centers(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(fail_429=1.0, retry_after=3)
    response = get(running)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3"
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json() == {"statusCode": 429, "message": "Rate limit is exceeded. Try again in 3 seconds."}
    _assert_ids(response)
    assert running.stats.faults == {"fail_429": 1}


def test_injected_503_carries_retry_after(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(fail_503=1.0, retry_after=2)
    response = get(running, "/v1/customers")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.json()["source"] == "PartnerFD"
    _assert_ids(response)


def test_injected_500_is_the_error_body_without_retry_after(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(fail_500=1.0)
    response = get(running)
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert response.json()["code"] == 800003
    _assert_ids(response)


def test_faults_leave_paths_outside_v1_alone(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(fail_500=1.0, html_rate=1.0, bom=True)
    response = get(running, "/openapi.json")
    assert response.status_code == 200
    assert not response.content.startswith(b"\xef\xbb\xbf")


def test_a_fraction_fails_and_the_draws_are_seeded(pcinsights_start_emulator: Start, get: Get) -> None:
    statuses = []
    for _ in range(2):
        running = pcinsights_start_emulator(fail_503=0.5, seed=11)
        statuses.append([get(running).status_code for _ in range(60)])
        assert running.stats.faults["fail_503"] == statuses[-1].count(503)
        assert running.stats.by_status == {200: statuses[-1].count(200), 503: statuses[-1].count(503)}
    assert statuses[0] == statuses[1]
    assert set(statuses[0]) == {200, 503}


def test_the_html_page_has_the_configured_status(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(html_rate=1.0, html_status=504)
    response = get(running)
    assert response.status_code == 504
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.startswith("<!DOCTYPE html>")
    _assert_ids(response)


@pytest.mark.parametrize(("path", "status"), [(DEPLOYMENT, 200), ("/v1/customers", 200), ("/v1/nothing", 404)])
def test_bom_prefixes_every_json_body(pcinsights_start_emulator: Start, path: str, status: int, get: Get) -> None:
    running = pcinsights_start_emulator(bom=True)
    response = get(running, path)
    assert response.status_code == status
    assert response.content.startswith(b"\xef\xbb\xbf{")
    assert int(response.headers["Content-Length"]) == len(response.content)
    json.loads(response.content.decode("utf-8-sig"))


def test_bom_prefixes_error_and_injected_bodies(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(bom=True, fail_429=1.0)
    assert get(running).content.startswith(b"\xef\xbb\xbf{")
    plain = pcinsights_start_emulator(bom=True)
    unauthorized = get(plain, token=None)
    assert unauthorized.status_code == 401
    assert unauthorized.content.startswith(b"\xef\xbb\xbf{")


@pytest.mark.parametrize("path", [DEPLOYMENT, "/v1/customers", "/v1/analytics/commercial/usage/license/"])
def test_garbage_swaps_the_type_of_every_top_level_value(pcinsights_start_emulator: Start, get: Get, path: str) -> None:
    healthy = get(pcinsights_start_emulator(), path).json()
    running = pcinsights_start_emulator(garbage_rate=1.0)
    response = get(running, path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    broken = response.json()
    assert broken.keys() == healthy.keys()
    for key, value in healthy.items():
        assert type(broken[key]) is not type(value), key
    assert running.stats.faults == {"garbage": 1}


def test_garbage_leaves_errors_alone(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(garbage_rate=1.0)
    response = get(running, "/v1/customers/not-a-guid/analytics/licenses/deployment")
    assert response.status_code == 400
    assert isinstance(response.json()["code"], int)
    unauthenticated = get(running, token=None)
    assert unauthenticated.status_code == 401
    assert isinstance(unauthenticated.json()["code"], int)
    assert running.stats.faults == {}


def test_a_dropped_response_is_an_incomplete_body(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(drop_rate=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        get(running)
    assert running.stats.faults == {"drop": 1}
    assert running.stats.served == {}


def test_some_responses_survive_a_partial_drop_rate(pcinsights_start_emulator: Start) -> None:
    running = pcinsights_start_emulator(drop_rate=0.5)
    outcomes = []
    with httpx.Client(base_url=running.base_url, headers=_auth(running)) as client:
        for _ in range(30):
            try:
                outcomes.append(client.get("/v1/customers").status_code)
            except httpx.RemoteProtocolError:
                outcomes.append(0)
    assert 200 in outcomes and 0 in outcomes
    assert running.stats.served["/v1/customers"] == outcomes.count(200)
    assert running.stats.faults["drop"] == outcomes.count(0)


def test_the_throttle_answers_429_beyond_the_rate_per_token(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator(rate_limit=2.0)
    with httpx.Client(base_url=running.base_url, headers=_auth(running)) as client:
        burst = [client.get(DEPLOYMENT) for _ in range(20)]
    statuses = [response.status_code for response in burst]
    assert statuses[:2] == [200, 200]
    assert 429 in statuses
    for response in burst:
        if response.status_code == 429:
            wait = int(response.headers["Retry-After"])
            assert wait >= 1
            assert response.json()["message"] == f"Rate limit is exceeded. Try again in {wait} seconds."
    assert get(running, token=fetch_token(running).token).status_code == 200
    assert running.stats.faults["rate_limit"] == statuses.count(429)


def test_the_throttle_runs_on_the_clock_handed_in(get: Get) -> None:
    """One request per 1000 s: only a clock that the test moves lets the second through."""
    clock = FakeClock()
    with run_in_background(EmulatorConfig(rate_limit=0.001), clock=clock) as running:
        token = token_for(running)
        assert get(running, token=token).status_code == 200
        refused = get(running, token=token)
        assert (refused.status_code, refused.headers["Retry-After"]) == (429, "1000")
        clock.sleep(999.0)
        assert get(running, token=token).status_code == 429
        clock.sleep(1.0)
        assert get(running, token=token).status_code == 200


def test_a_clock_goes_to_create_app_when_the_app_is_made_ahead() -> None:
    with pytest.raises(TypeError, match="not both"), run_in_background(app=create_app(), clock=FakeClock()):
        pass


def test_stats_count_requests_statuses_and_served_paths(pcinsights_start_emulator: Start, get: Get) -> None:
    running = pcinsights_start_emulator()
    customer = running.world.customers[0].id
    get(running)
    get(running)
    get(running, f"/v1/customers/{customer}/analytics/licenses/usage")
    get(running, token=None)
    seen = running.stats.snapshot()
    assert seen.requests == 4
    assert seen.by_status == {200: 3, 401: 1}
    assert seen.served == {DEPLOYMENT: 2, f"/v1/customers/{customer}/analytics/licenses/usage": 1}
    assert seen.faults == {}
    get(running)
    assert (running.stats.requests, seen.requests) == (5, 4)
    assert running.stats.served[DEPLOYMENT] == 3


def test_a_bucket_holds_the_rate_and_refills_continuously() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(8.0, clock)
    assert [buckets.take("a") for _ in range(8)] == [None] * 8
    assert buckets.take("a") == 1
    assert buckets.take("b") is None
    clock.now += 0.125
    assert buckets.take("a") is None
    assert buckets.take("a") == 1


def test_a_slow_bucket_says_how_long_to_wait_and_refusals_cost_nothing() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(0.25, clock)
    assert buckets.capacity == 1.0
    assert buckets.take("a") is None
    assert buckets.take("a") == 4
    clock.now += 1.0
    assert buckets.take("a") == 3
    clock.now += 3.0
    assert buckets.take("a") is None


def test_full_buckets_are_forgotten_under_many_tokens() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(1.0, clock)
    for index in range(10_001):
        buckets.take(str(index))
        buckets.take(str(index))
    clock.now += 5.0
    assert buckets.take("x") is None
    assert buckets.take("x") == 1
    assert len(buckets) == 1


def test_the_settings_marked_fault_and_only_they_switch_while_running() -> None:
    config = EmulatorConfig()
    switches = FaultSwitches(config)
    marked = [field for field in attrs.fields(EmulatorConfig) if option_of(field).fault]
    assert {"fail_503", "rate_limit", "bom"} <= {field.name for field in marked}
    for field in attrs.fields(EmulatorConfig):
        if field in marked:
            switches.set(**{field.name: getattr(config, field.name)})
        else:
            with pytest.raises(FaultSettingError, match=f"not a fault setting: {field.name}"):
                switches.set(**{field.name: getattr(config, field.name)})
