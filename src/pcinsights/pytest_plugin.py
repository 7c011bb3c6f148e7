"""pytest fixtures for an app that calls Partner Center through the generated client: the emulator, for real.

Installing pcinsights enables this plugin (its ``pytest11`` entry point); with plugin autoloading off, one line
in the app's ``conftest.py`` does: ``pytest_plugins = ["pcinsights.pytest_plugin"]``. Nothing starts until a test
asks for a fixture, and importing this module imports neither the emulator nor the client:

- ``pcinsights_emulator``: the session's emulator on loopback (``RunningEmulator``), with real auth; its tenant
  from the ``pcinsights_customers`` and ``pcinsights_seed`` ini options or the ``--pcinsights-*`` flags.
- ``pcinsights_start_emulator``: more emulators for one test, each with its own settings, stopped after it.
- ``pcinsights_token``: a valid App+User token from the emulator's token endpoint (with ``mfa`` in ``amr``: the
  emulator, like Partner Center since April 2026, refuses App+User tokens without it).
- ``pcinsights_client`` and ``pcinsights_async_client``: a ready ``AuthenticatedClient`` for the sync and the
  ``asyncio`` operations, fetching and refreshing its token from the token endpoint as an app's credential does.
- ``pcinsights_faults``: fault switches for one test (``fail_503()``, ``rate_limit(2)``, ``latency(0.2)``,
  ``html_pages()``, ``drop_bodies()``...), reset after it; ``@pytest.mark.pcinsights_faults(fail_503=1.0)`` sets
  them for a test that uses any of the function fixtures above.
- ``pcinsights_clock``: the reports API's clock, over the emulator's control API (``POST /_emulator/clock``):
  ``advance(seconds)`` moves it forward (a scheduled report due in 4 hours runs after ``advance(4 * 3600)``,
  at once), ``now()`` reads it.

Like the faults, the reports API's state (user queries, reports, executions, their files, the clock) is the
emulator's from a clean start in every test that uses ``pcinsights_clock`` or a fixture client, and is reset
after it.
"""

from __future__ import annotations

import datetime
import os
import re
import ssl
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import httpx
    from partner_center_analytics import AuthenticatedClient, RetryPolicy

    from pcinsights.emulator import EmulatorConfig, RunningEmulator
    from pcinsights.emulator.faults import FaultSwitches
    from pcinsights.emulator.tokens import IssuedToken
    from pcinsights.replay import ReplayApp

MARKER = "pcinsights_faults"
_TENANT_OPTIONS = (("customers", "number of customers in the emulated tenant"), ("seed", "seed of the emulated tenant"))
# The function fixtures that honour the marker (they all depend on ``pcinsights_faults``).
_FAULT_FIXTURES = frozenset({"pcinsights_faults", "pcinsights_client", "pcinsights_async_client"})


# What the fixture clients talk to: the emulator; a live URL or the emulator, keeping one HAR per test; those HARs.
MODES = ("emulator", "record", "replay", "live")
LIVE_URL, LIVE_TOKEN = "PCINSIGHTS_LIVE_URL", "PCINSIGHTS_LIVE_TOKEN"  # environment only: no token on a command line


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pcinsights", "Partner Center emulator (pcinsights)")
    for name, help in _TENANT_OPTIONS:
        parser.addini(f"pcinsights_{name}", f"{help} (an integer; default: the emulator's)")
        group.addoption(f"--pcinsights-{name}", type=int, default=None, help=f"{help} (overrides the ini option)")
    mode_help = (
        "what the fixture clients call: emulator (default); record (the live URL in $PCINSIGHTS_LIVE_URL with the token"
        " in $PCINSIGHTS_LIVE_TOKEN, else the emulator, keeping one redacted HAR per test); replay (those HARs,"
        " nothing else running); live (the live URL, nothing kept)"
    )
    parser.addini("pcinsights_mode", mode_help)
    group.addoption("--pcinsights-mode", choices=MODES, default=None, help=mode_help)
    recordings_help = "folder of the per-test recordings (default: recordings/, beside the ini file)"
    parser.addini("pcinsights_recordings", recordings_help)
    group.addoption("--pcinsights-recordings", default=None, help=recordings_help)


def client_mode(config: pytest.Config) -> str:
    """The session's mode: the command line's, else the ini file's, else ``emulator``."""
    mode = config.getoption("pcinsights_mode") or str(config.getini("pcinsights_mode") or "").strip() or "emulator"
    if mode not in MODES:
        raise pytest.UsageError(f"pcinsights_mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def recording_path(request: pytest.FixtureRequest) -> Path:
    """Where this test's recording lives: the recordings folder, the test file's path, the test's name."""
    config = request.config
    folder = config.getoption("pcinsights_recordings") or str(config.getini("pcinsights_recordings") or "").strip()
    root = Path(folder) if folder else config.rootpath / "recordings"
    module, _, name = request.node.nodeid.partition("::")
    safe = re.sub(r"[^A-Za-z0-9._\[\]-]+", "_", name)
    return (root if root.is_absolute() else config.rootpath / root) / Path(module).with_suffix("") / f"{safe}.har"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**settings): the emulator's faults for this test (EmulatorConfig fault fields, e.g. fail_503=1.0)",
    )


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Remember whether the test itself failed, so replay adds no second report of the request it failed on."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A marker no fixture would apply is an error, not a test that silently runs without its faults."""
    if item.get_closest_marker(MARKER) is not None and not _FAULT_FIXTURES & set(getattr(item, "fixturenames", ())):
        pytest.fail(f"@pytest.mark.{MARKER} needs one of the fixtures {', '.join(sorted(_FAULT_FIXTURES))}", False)


def emulator_config(config: pytest.Config) -> EmulatorConfig:
    """The session emulator's settings: the command line's tenant, else the ini file's, else the defaults."""
    from pcinsights.emulator import EmulatorConfig

    fields: dict[str, Any] = {}
    for name, _ in _TENANT_OPTIONS:
        value = config.getoption(f"pcinsights_{name}")
        if value is None:
            text = str(config.getini(f"pcinsights_{name}") or "").strip()
            if not text:
                continue
            try:
                value = int(text)
            except ValueError:
                raise pytest.UsageError(f"ini option pcinsights_{name} must be an integer, not {text!r}") from None
        fields[name] = value
    try:
        return EmulatorConfig(**fields)
    except ValueError as exc:
        raise pytest.UsageError(f"pcinsights emulator settings refused: {exc}") from None


class Tokens:
    """App+User tokens from an emulator's own token endpoint (the one place this plugin gets one).

    One is kept while it has ``FRESH_FOR`` seconds left (half its lifetime for short-lived ones), longer than the
    client's refresh margin, so the session fetches about once an hour (a fetch is a request and two signatures,
    ~30 ms). Call it for the token; ``http`` is the client to fetch with (a new one per fetch without).
    """

    FRESH_FOR = 600.0

    def __init__(self, emulator: RunningEmulator, http: httpx.Client | None = None) -> None:
        self._emulator = emulator
        self._http = http
        self._issued: IssuedToken | None = None
        self._lock = threading.Lock()

    def __call__(self) -> IssuedToken:
        from pcinsights.emulator.auth import fetch_token

        fresh_for = min(self.FRESH_FOR, self._emulator.config.token_lifetime / 2)
        with self._lock:
            if self._issued is None or self._issued.expires_on - time.time() < fresh_for:
                self._issued = fetch_token(self._emulator, http=self._http)
            return self._issued

    def __repr__(self) -> str:
        return f"Tokens({self._emulator.base_url!r})"


class Clock:
    """The reports API's clock of the emulator, moved through its control API (as a test in any language would).

    ``http`` is a client for the emulator's base URL; None in replay mode, where the recording already holds what
    the moved clock made happen: ``advance`` then changes nothing and ``now`` is the wall clock.
    """

    def __init__(self, http: httpx.Client | None) -> None:
        self._http = http

    def now(self) -> datetime.datetime:
        """The emulator's now (UTC), what scheduled reports fall due by."""
        if self._http is None:
            return datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        return self._answer(self._http.get("/_emulator/clock"))

    def advance(self, seconds: float) -> datetime.datetime:
        """Move the clock ``seconds`` forward (never back): due runs start at once. The new now."""
        if self._http is None:
            return self.now()
        return self._answer(self._http.post("/_emulator/clock", json={"advance": seconds}))

    @staticmethod
    def _answer(response: httpx.Response) -> datetime.datetime:
        if response.status_code != 200:
            raise ValueError(f"the emulator refused: {response.json().get('message', response.text)}")
        moment = datetime.datetime.strptime(response.json()["now"], "%Y-%m-%dT%H:%M:%SZ")
        return moment.replace(tzinfo=datetime.UTC)

    def __repr__(self) -> str:
        return "Clock(replayed)" if self._http is None else f"Clock({str(self._http.base_url)!r})"


class Faults:
    """One test's fault switches on the session's emulator; reset after the test.

    A share is the fraction of Partner Center requests (``/v1``, ``/insights``) it hits (1.0: every one).
    Injected 429s and 503s say ``Retry-After: 0`` unless told otherwise, so the client's retries do not slow the
    test down.
    """

    def __init__(self, switches: FaultSwitches | None) -> None:
        self._switches = switches  # None in replay mode: the recording holds the faults' answers already

    def set(self, **settings: Any) -> None:
        """Any fault setting by its ``EmulatorConfig`` name and unit (``latency`` in seconds); they add up."""
        if self._switches is not None:
            self._switches.set(**settings)

    def reset(self) -> None:
        """Back to the emulator's configured faults (none, by default)."""
        if self._switches is not None:
            self._switches.reset()

    def fail_503(self, share: float = 1.0, *, retry_after: int = 0) -> None:
        self.set(fail_503=share, retry_after=retry_after)

    def fail_429(self, share: float = 1.0, *, retry_after: int = 0) -> None:
        self.set(fail_429=share, retry_after=retry_after)

    def fail_500(self, share: float = 1.0) -> None:
        self.set(fail_500=share)

    def rate_limit(self, per_second: float) -> None:
        """Partner Center's throttle: past ``per_second`` requests a second per token, 429 with Retry-After."""
        self.set(rate_limit=per_second)

    def latency(self, seconds: float) -> None:
        self.set(latency=seconds)

    def html_pages(self, share: float = 1.0, *, status: int = 502) -> None:
        """A gateway's HTML error page instead of JSON."""
        self.set(html_rate=share, html_status=status)

    def garbage_bodies(self, share: float = 1.0) -> None:
        """2xx JSON bodies whose every top-level value has the wrong type: what does the app do with garbage?"""
        self.set(garbage_rate=share)

    def drop_bodies(self, share: float = 1.0) -> None:
        """Responses cut off after half the body (the connection closes)."""
        self.set(drop_rate=share)

    def __repr__(self) -> str:
        return "Faults(replayed)" if self._switches is None else f"Faults({self._switches.current!r})"


@pytest.fixture(scope="session")
def pcinsights_emulator(pytestconfig: pytest.Config) -> Iterator[RunningEmulator]:
    """The emulator for the session, on a free loopback port; stopped when the session ends."""
    from pcinsights.emulator import run_in_background

    with run_in_background(emulator_config(pytestconfig)) as running:
        yield running


@pytest.fixture
def pcinsights_start_emulator() -> Iterator[Callable[..., RunningEmulator]]:
    """Start more emulators, each with its own ``EmulatorConfig`` fields (``start(customers=5, fail_503=1.0)``)
    and, with ``clock=``, a monotonic clock of the test's for its throttle; every one is stopped after the test."""
    from pcinsights.emulator import EmulatorConfig, run_in_background

    with ExitStack() as stack:

        def start(*, clock: Callable[[], float] | None = None, **fields: Any) -> RunningEmulator:
            return stack.enter_context(run_in_background(EmulatorConfig(**fields), clock=clock))

        yield start


@pytest.fixture
def pcinsights_faults(request: pytest.FixtureRequest) -> Iterator[Faults]:
    """This test's fault switches, set from the ``pcinsights_faults`` marker if it has one; reset afterwards.

    In replay mode they switch nothing (the recording answers as the faults made it); against a live URL a test
    that sets faults is skipped, since only the emulator has them.
    """
    mode = client_mode(request.config)
    if mode in ("record", "live") and _live(mode) is not None:
        pytest.skip("faults are the emulator's: this test needs it, not a live URL")
    faults = Faults(None if mode == "replay" else request.getfixturevalue("pcinsights_emulator").faults)
    faults.reset()
    marker = request.node.get_closest_marker(MARKER)
    try:
        if marker is not None:
            if marker.args:
                pytest.fail(f"@pytest.mark.{MARKER} takes settings by name, e.g. fail_503=1.0", False)
            faults.set(**marker.kwargs)
        yield faults
    finally:
        faults.reset()


@pytest.fixture
def _pcinsights_fresh_reports(pcinsights_emulator: RunningEmulator) -> Iterator[None]:
    """The reports API's state from a clean start for this test, and reset after it (as faults are)."""
    pcinsights_emulator.app.state.reports.reset()
    try:
        yield
    finally:
        pcinsights_emulator.app.state.reports.reset()


@pytest.fixture
def pcinsights_clock(request: pytest.FixtureRequest) -> Iterator[Clock]:
    """The reports API's clock for this test (``advance(seconds)``, ``now()``), over the emulator's control API.

    In replay mode it moves nothing (the recording answers as the moved clock made it); against a live URL a test
    that uses it is skipped, since only the emulator's clock can be moved.
    """
    import httpx

    mode = client_mode(request.config)
    if mode in ("record", "live") and _live(mode) is not None:
        pytest.skip("the clock is the emulator's: this test needs it, not a live URL")
    if mode == "replay":
        yield Clock(None)
        return
    emulator = request.getfixturevalue("pcinsights_emulator")
    request.getfixturevalue("_pcinsights_fresh_reports")
    with httpx.Client(base_url=emulator.base_url, trust_env=False) as http:
        yield Clock(http)


@pytest.fixture(scope="session")
def _pcinsights_tokens(pcinsights_emulator: RunningEmulator, _pcinsights_tls: ssl.SSLContext) -> Iterator[Tokens]:
    import httpx

    with httpx.Client(verify=_pcinsights_tls) as http:
        yield Tokens(pcinsights_emulator, http)


@pytest.fixture(scope="session")
def _pcinsights_tls() -> ssl.SSLContext:
    """One TLS context for every fixture client: each would otherwise build its own (~0.2 s), loopback or not."""
    return ssl.create_default_context()


@pytest.fixture
def pcinsights_token(_pcinsights_tokens: Tokens) -> str:
    """A valid App+User token for the session's emulator."""
    return _pcinsights_tokens().token


@pytest.fixture
def pcinsights_retry_policy() -> RetryPolicy:
    """The fixture clients' retrying: the client's own, with backoff in milliseconds (override to change it)."""
    from partner_center_analytics import RetryPolicy

    return RetryPolicy(base_delay=0.01, max_delay=0.1, deadline=30.0)


@pytest.fixture(scope="session")
def _pcinsights_replay() -> Iterator[tuple[ReplayApp, str]]:
    """One replay server for the session; each test loads its own recording into it."""
    from pcinsights.replay import ReplayApp, serve_replay

    app = ReplayApp()
    with serve_replay(app) as base_url:
        yield app, base_url


def _live(mode: str) -> tuple[str, str] | None:
    """The live URL and token from the environment; None when record mode goes to the emulator instead."""
    url, token = os.environ.get(LIVE_URL, "").strip(), os.environ.get(LIVE_TOKEN, "").strip()
    if url and token:
        return url, token
    if mode == "live":
        pytest.skip(f"live mode: set {LIVE_URL} and {LIVE_TOKEN}")
    return None


@pytest.fixture
def _pcinsights_client_options(
    request: pytest.FixtureRequest, _pcinsights_tls: ssl.SSLContext, pcinsights_retry_policy: RetryPolicy
) -> Iterator[dict[str, Any]]:
    """What both fixture clients are built from, by mode (in emulator mode, after this test's faults are set)."""
    from partner_center_analytics import HarRecorder

    from pcinsights.replay import Recording

    mode = client_mode(request.config)
    options: dict[str, Any] = {"retry": pcinsights_retry_policy, "verify_ssl": _pcinsights_tls}
    if mode == "replay":
        path = recording_path(request)
        if not path.is_file():
            pytest.fail(f"no recording of this test at {path}: record it with --pcinsights-mode=record", False)
        app, base_url = request.getfixturevalue("_pcinsights_replay")
        app.load(Recording.read(path))
        yield {**options, "base_url": base_url, "token": "replayed"}
        if app.unmatched and not request.node.stash.get(_CALL_FAILED, False):  # else the failure says it already
            pytest.fail(f"requests with no recording in {path.name}: {'; '.join(app.unmatched)}", False)
        return
    live = _live(mode)
    if live is None:
        request.getfixturevalue("pcinsights_faults")
        request.getfixturevalue("_pcinsights_fresh_reports")
        options |= {
            "base_url": request.getfixturevalue("pcinsights_emulator").base_url,
            "token": request.getfixturevalue("_pcinsights_tokens"),
        }
    else:
        options |= {"base_url": live[0], "token": live[1]}
    if mode != "record":
        yield options
        return
    path = recording_path(request)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # one recording per test, made anew
    with HarRecorder(path) as recorder:
        yield {**options, "recorder": recorder}


@pytest.fixture
def pcinsights_client(_pcinsights_client_options: dict[str, Any]) -> Iterator[AuthenticatedClient]:
    """A client for the sync operations, its connections closed after the test."""
    from partner_center_analytics import AuthenticatedClient

    with AuthenticatedClient(**_pcinsights_client_options) as client:
        yield client


@pytest.fixture
def pcinsights_async_client(_pcinsights_client_options: dict[str, Any]) -> AuthenticatedClient:
    """A client for the ``asyncio`` operations under any async runner (pytest-asyncio, anyio).

    It keeps no connection open between requests, so nothing is left bound to the test's event loop and no async
    fixture (whose spelling depends on the runner) is needed to close it.
    """
    import httpx
    from partner_center_analytics import AuthenticatedClient

    no_keepalive = httpx.Limits(max_keepalive_connections=0)
    return AuthenticatedClient(**_pcinsights_client_options, httpx_args={"limits": no_keepalive})
