"""Shared fixtures: real emulator servers on loopback, started and stopped per test or per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background

TOKEN = "test-token"


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
