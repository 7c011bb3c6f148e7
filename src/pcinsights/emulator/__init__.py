"""A local Partner Center analytics server: one deterministic tenant, the spec's operations, injectable faults."""

from pcinsights.emulator.app import create_app
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.server import EmulatorStartError, RunningEmulator, run_in_background
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.tenant import World

__all__ = [
    "EmulatorConfig",
    "EmulatorStartError",
    "EmulatorStats",
    "RunningEmulator",
    "World",
    "create_app",
    "run_in_background",
]
