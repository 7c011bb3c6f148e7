"""A local Partner Center analytics server: one deterministic tenant, the spec's operations, injectable faults.

Data: ``catalogue`` (products, names) feeds ``world`` (the ``World``: customers and the aggregated insights),
which ``commercial`` turns into the commercial tables (``odata_filter`` parses their ``filter``).
Reports: ``reports`` holds the partner insights datasets, query language and report rows (its own map).
HTTP: ``app`` answers the operations, through ``gate`` (the bearer check), ``faults`` (injected faults, the
throttle) and ``paging`` (continuation tokens), in the JSON and error bodies of ``wire``; ``guid`` is the one
GUID check; ``stats`` counts what was answered; ``recording`` writes what arrived as HAR (``--record``).
Reports (``reports``, the partner insights reports API under /insights/v1/mpn): ``reports.routes`` (HTTP) over
``reports.operations`` (the rules, on what ``reports.inputs`` read, in ``reports.envelope``'s JSON) and
``reports.store`` (SQLite, ``--state``); ``reports.scheduler`` runs executions on ``reports.clock`` (wall clock +
offset), writing ``reports.files`` (gzip CSV/TSV, served at ``reports.links``' signed links) and sending
``reports.callbacks``; ``reports.engine`` joins ``reports.query`` (the language) and ``reports.datasets``;
``reports.service`` holds one emulator's parts; ``reports.control`` is the /_emulator/ API (clock, faults, reset).
Tokens: ``tokens`` signs and checks them (the server's ``Issuer``), ``entra`` serves the token endpoint and
keys; ``auth`` holds the client's helpers (``fetch_token``, ``EmulatorCredential``).
Running: ``config`` holds the settings, ``flags`` their command line, ``protocol`` uvicorn's hardened HTTP/1.1,
``server`` the socket and background runner, ``__main__`` ``python -m pcinsights.emulator``.
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
