"""The pytest plugin as an app uses it: a small sample app tested against the emulator by pytester's inner runs.

In-process runs keep this fast; the one subprocess run checks what only a fresh interpreter shows, that the
auto-enabled plugin loads neither the emulator nor the client until a test asks for them.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpcore  # noqa: F401  (see below)
import httpx
import pytest

from pcinsights.emulator import RunningEmulator
from pcinsights.emulator.faults import FaultSettingError
from tests._support import token_for

pytest_plugins = ["pytester"]
# httpx imports httpcore on first use and maps httpcore's exception classes once per process; an in-process run
# forgets the modules it imported, so without httpcore imported above a second run would raise unmapped errors.

APP = '''
"""A sample app: what it does with Partner Center is what its tests check."""

from partner_center_analytics import AuthenticatedClient, ServerError
from partner_center_analytics.api.customers import list_customers


def customer_names(client: AuthenticatedClient) -> list[str]:
    return sorted(customer.company_profile.company_name for customer in list_customers.sync(client=client).items)


def customer_count_or_none(client: AuthenticatedClient) -> int | None:
    """The app's own outage handling: None while Partner Center is down."""
    try:
        return len(list_customers.sync(client=client).items)
    except ServerError:
        return None


async def customer_count(client: AuthenticatedClient) -> int:
    return len((await list_customers.asyncio(client=client)).items)
'''

APP_TESTS = """
import time

import httpx
import pytest
from partner_center_analytics import ConnectionFailedError, PartnerCenterError
from pcinsights.emulator.faults import FaultSettingError

import app

CUSTOMERS = {customers}


def test_names(pcinsights_client, pcinsights_emulator):
    assert len(app.customer_names(pcinsights_client)) == CUSTOMERS
    assert pcinsights_emulator.config.seed == 3


def test_outage(pcinsights_client, pcinsights_faults):
    pcinsights_faults.fail_503()
    assert app.customer_count_or_none(pcinsights_client) is None
    assert (pcinsights_client.stats.requests, pcinsights_client.stats.retries) == (5, 4)


def test_faults_are_reset_after_each_test(pcinsights_client, pcinsights_emulator):
    assert app.customer_count_or_none(pcinsights_client) == CUSTOMERS
    assert pcinsights_emulator.faults.current == pcinsights_emulator.config


@pytest.mark.pcinsights_faults(html_rate=1.0, html_status=502)
def test_html_pages_by_marker(pcinsights_client):
    with pytest.raises(PartnerCenterError):
        app.customer_names(pcinsights_client)
    assert pcinsights_client.stats.requests == 5


def test_dropped_bodies(pcinsights_client, pcinsights_faults, pcinsights_emulator):
    pcinsights_faults.drop_bodies()
    with pytest.raises(ConnectionFailedError):
        app.customer_names(pcinsights_client)
    assert pcinsights_emulator.stats.faults["drop"] >= 5


def test_latency(pcinsights_client, pcinsights_faults):
    pcinsights_faults.latency(0.3)
    start = time.monotonic()
    app.customer_names(pcinsights_client)
    assert time.monotonic() - start >= 0.3


def test_rate_limit(pcinsights_client, pcinsights_faults):
    pcinsights_faults.rate_limit(1)
    app.customer_names(pcinsights_client)
    app.customer_names(pcinsights_client)  # throttled once, then through after Retry-After
    assert pcinsights_client.stats.retries == 1


def test_refused_settings(pcinsights_faults):
    with pytest.raises(FaultSettingError, match="not a fault setting: customers"):
        pcinsights_faults.set(customers=3)
    with pytest.raises(FaultSettingError, match="fail_503"):
        pcinsights_faults.fail_503(2.0)


@pytest.mark.asyncio
async def test_async(pcinsights_async_client):
    assert await app.customer_count(pcinsights_async_client) == CUSTOMERS


def test_token(pcinsights_emulator, pcinsights_token):
    url = pcinsights_emulator.base_url + "/v1/customers"
    with httpx.Client() as http:
        assert http.get(url, headers={{"Authorization": f"Bearer {{pcinsights_token}}"}}).status_code == 200
        assert http.get(url, headers={{"Authorization": f"Bearer {{pcinsights_token}}x"}}).status_code == 401
"""

# Inner runs without the plugins they do not need (the heavier ones cost seconds in a fresh interpreter).
LEAN = ("-p", "no:cacheprovider", "-p", "no:schemathesis", "-p", "no:hypothesispytest", "-p", "no:xdist")
NO_ASYNC = (*LEAN, "-p", "no:asyncio", "-p", "no:anyio")

INI = """
[pytest]
pcinsights_customers = 7
pcinsights_seed = 3
asyncio_default_fixture_loop_scope = function
"""


@pytest.mark.parametrize(("options", "customers"), [((), 7), (("--pcinsights-customers=4",), 4)])
def test_a_sample_app_tests_itself_against_the_emulator(
    pytester: pytest.Pytester, options: tuple[str, ...], customers: int
) -> None:
    pytester.makeini(INI)
    pytester.makepyfile(app=APP, test_app=APP_TESTS.format(customers=customers))
    result = pytester.runpytest_inprocess(*LEAN, *options)
    result.assert_outcomes(passed=10)


def test_a_marker_no_fixture_applies_is_an_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.pcinsights_faults(fail_503=1.0)
        def test_forgotten(pcinsights_emulator):
            pass
        """
    )
    result = pytester.runpytest_inprocess(*NO_ASYNC)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*pcinsights_faults needs one of the fixtures pcinsights_async_client*"])


def test_emulators_started_for_a_test_have_their_own_settings_and_stop_after_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import httpx

        STARTED = []


        def test_start(pcinsights_start_emulator, pcinsights_emulator):
            small, failing = pcinsights_start_emulator(customers=2), pcinsights_start_emulator(fail_503=1.0)
            STARTED.extend([small, failing])
            assert len({small.port, failing.port, pcinsights_emulator.port}) == 3
            assert (small.world.size, failing.config.fail_503) == (2, 1.0)
            assert httpx.get(small.base_url + "/openapi.json").status_code == 200


        def test_stopped_after_it():
            for running in STARTED:
                try:
                    httpx.get(running.base_url + "/openapi.json", timeout=2.0)
                except httpx.ConnectError:
                    continue
                raise AssertionError(f"{running.base_url} still answers")
        """
    )
    pytester.runpytest_inprocess(*NO_ASYNC).assert_outcomes(passed=2)


RECORDED_TESTS = """
import pytest

import app


def test_names(pcinsights_client):
    assert len(app.customer_names(pcinsights_client)) == 4


@pytest.mark.pcinsights_faults(fail_503=1.0)
def test_outage(pcinsights_client):
    assert app.customer_count_or_none(pcinsights_client) is None


@pytest.mark.asyncio
async def test_async(pcinsights_async_client):
    assert await app.customer_count(pcinsights_async_client) == 4
"""


def test_a_suite_recorded_against_the_emulator_passes_in_replay_without_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(app=APP, test_app=RECORDED_TESTS)
    recordings = pytester.path / "recordings"
    pytester.runpytest_inprocess(*LEAN, "--pcinsights-mode=record", "--pcinsights-customers=4").assert_outcomes(
        passed=3
    )
    hars = sorted(path.relative_to(recordings).as_posix() for path in recordings.rglob("*.har"))
    assert hars == ["test_app/test_async.har", "test_app/test_names.har", "test_app/test_outage.har"]
    outage = json.loads((recordings / "test_app" / "test_outage.har").read_text(encoding="utf-8"))
    assert [entry["response"]["status"] for entry in outage["log"]["entries"]] == [503]  # a call's final answer
    for har in recordings.rglob("*.har"):
        assert "eyJ" not in har.read_text(encoding="utf-8")  # no token (a JWT) kept

    # An emulator with -1 customers cannot start: replay must not need one.
    replayed = pytester.runpytest_inprocess(*LEAN, "--pcinsights-mode=replay", "--pcinsights-customers=-1")
    replayed.assert_outcomes(passed=3)


def test_replay_names_the_request_it_has_no_recording_for(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        app=APP,
        test_app="""
        from partner_center_analytics.api.customers import list_customers


        def test_listing(pcinsights_client):
            list_customers.sync(client=pcinsights_client, size=2)
        """,
    )
    pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=record").assert_outcomes(passed=1)
    pytester.makepyfile(
        test_app="""
        from partner_center_analytics.api.customers import list_customers


        def test_listing(pcinsights_client):
            list_customers.sync(client=pcinsights_client, size=3)
        """
    )
    result = pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=replay")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*NotFoundError: HTTP 404 Not Found: no recording for GET /v1/customers?size=3*"])


def test_replay_fails_a_test_whose_app_swallowed_an_unrecorded_request(pytester: pytest.Pytester) -> None:
    tests = """
        from partner_center_analytics import NotFoundError
        from partner_center_analytics.api.customers import list_customers


        def test_listing(pcinsights_client):
            try:
                list_customers.sync(client=pcinsights_client, size={size})
            except NotFoundError:
                pass
        """
    pytester.makepyfile(app=APP, test_app=tests.format(size=2))
    pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=record").assert_outcomes(passed=1)
    pytester.makepyfile(test_app=tests.format(size=3))
    result = pytester.runpytest_inprocess(*NO_ASYNC, "--pcinsights-mode=replay")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*requests with no recording in test_listing.har: GET /v1/customers?size=3*"])


def test_a_bad_ini_value_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\npcinsights_customers = many\n")
    pytester.makepyfile("def test_x(pcinsights_emulator):\n    pass\n")
    result = pytester.runpytest_inprocess(*NO_ASYNC)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*pcinsights_customers must be an integer, not 'many'*"])


def test_the_conftest_line_enables_it_without_autoload(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest('pytest_plugins = ["pcinsights.pytest_plugin"]')
    pytester.makepyfile("def test_x(pcinsights_token):\n    assert pcinsights_token.count('.') == 2\n")
    pytester.runpytest_inprocess(*NO_ASYNC).assert_outcomes(passed=1)


def test_the_conftest_line_and_the_entry_point_are_one_plugin(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["pcinsights.pytest_plugin"]')
    pytester.makepyfile(
        """
        def test_x(request):
            names = [name for name, plugin in request.config.pluginmanager.list_name_plugin() if "pcinsights" in name]
            assert names == ["pcinsights.pytest_plugin"]
        """
    )
    pytester.runpytest_inprocess(*NO_ASYNC).assert_outcomes(passed=1)


def test_installed_it_is_enabled_and_loads_nothing_until_asked(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys

        def test_x(request):
            assert request.config.pluginmanager.has_plugin("pcinsights.pytest_plugin")
            loaded = sorted(m for m in sys.modules if m.startswith(("pcinsights.emulator", "partner_center_analytics")))
            assert loaded == []
        """
    )
    pytester.runpytest_subprocess(*NO_ASYNC).assert_outcomes(passed=1)


def test_faults_switched_before_the_first_request_apply(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    emulator = pcinsights_start_emulator(customers=1)
    emulator.faults.set(fail_503=1.0)  # before the app builds its fault injector, on its first request
    token = token_for(emulator)  # only /v1 requests meet faults
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=emulator.base_url, headers=headers) as http:
        assert http.get("/v1/customers").status_code == 503
        emulator.faults.reset()
        assert http.get("/v1/customers").status_code == 200
    with pytest.raises(FaultSettingError, match="refused fault setting"):
        emulator.faults.set(latency=-1.0)
