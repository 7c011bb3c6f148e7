"""A local Partner Center analytics server: one deterministic tenant, the spec's operations, injectable faults.

``catalogue`` (products, names) feeds ``tenant`` (the ``World``: customers and the aggregated insights), which
``commercial`` turns into the commercial tables (``odata_filter`` parses their ``filter``); ``wire`` writes the
JSON, ``app`` answers HTTP with ``faults`` and ``paging``; ``config`` holds the settings, ``flags`` their command
line, ``server`` a background runner.
"""

from pcinsights.emulator.app import create_app
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.server import EmulatorStartError, RunningEmulator, run_in_background
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.world import World

__all__ = [
    "EmulatorConfig",
    "EmulatorStartError",
    "EmulatorStats",
    "RunningEmulator",
    "World",
    "create_app",
    "run_in_background",
]
