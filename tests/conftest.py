"""Shared fixtures, beside the plugin's (``pcinsights_emulator``, ``pcinsights_start_emulator``, ...): the session
emulator by its short name, the sync or async mode of a client test, a shared plain HTTP client, a fake clock; and
the rule that no two collected items share a node id."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from pcinsights.emulator import RunningEmulator
from tests._client import mode as mode  # the client's own tests share it, with or without this file
from tests._support import FakeClock


@pytest.fixture(scope="session")
def emulator(pcinsights_emulator: RunningEmulator) -> RunningEmulator:
    """The plugin's session emulator (the suite uses its own plugin, as an app does), by the suite's short name."""
    return pcinsights_emulator


@pytest.fixture(scope="session")
def plain_http() -> Iterator[httpx.Client]:
    """One plain httpx client for the session: building one (its TLS context) costs more than a request."""
    with httpx.Client() as client:
        yield client


@pytest.fixture
def fake_clock() -> FakeClock:
    """One fake clock for the test, handed in where time matters: ``fake_clock.policy()`` to a client, and
    ``pcinsights_start_emulator(..., clock=fake_clock)`` to an emulator's throttle."""
    return FakeClock()


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
