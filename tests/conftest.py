"""Shared fixtures: real emulator servers on loopback, started and stopped per test or per session; the sync or
async mode of a client test; a shared plain HTTP client; and a fake clock for the client and the emulator."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest

from pcinsights.emulator import EmulatorConfig, RunningEmulator, faults, run_in_background
from tests._client import mode as mode  # the client's own tests share it, with or without this file
from tests._support import FakeClock


@pytest.fixture(scope="session")
def emulator() -> Iterator[RunningEmulator]:
    """One emulator with the default configuration, shared by the session."""
    with run_in_background(EmulatorConfig()) as running:
        yield running


@pytest.fixture
def start_emulator() -> Iterator[Callable[..., RunningEmulator]]:
    """Start an emulator with the given EmulatorConfig fields; every one started is stopped at teardown."""
    with ExitStack() as stack:

        def start(**fields: Any) -> RunningEmulator:
            return stack.enter_context(run_in_background(EmulatorConfig(**fields)))

        yield start


@pytest.fixture(scope="session")
def plain_http() -> Iterator[httpx.Client]:
    """One plain httpx client for the session: building one (its TLS context) costs more than a request."""
    with httpx.Client() as client:
        yield client


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """One fake clock for the test: clients take it through ``fake_clock.policy()``; every emulator started in the
    test throttles on it (through the hook that exists for this: the throttle takes a ``clock``)."""
    clock = FakeClock()
    monkeypatch.setattr(faults, "TokenBuckets", functools.partial(faults.TokenBuckets, clock=clock))
    return clock


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse a collection in which two items share a node id.

    xdist schedules and reports by node id, so items that share one are run once between them and the rest are
    silently dropped: pytest 9.2 named every schemathesis-generated contract item after its function alone, and
    under ``make test`` six of every seven operations went unchecked while the run still passed.
    """
    seen: dict[str, int] = {}
    for item in items:
        seen[item.nodeid] = seen.get(item.nodeid, 0) + 1
    duplicated = sorted(nodeid for nodeid, count in seen.items() if count > 1)
    if duplicated:
        raise pytest.UsageError("items share a node id (xdist would run only one of each): " + ", ".join(duplicated))
