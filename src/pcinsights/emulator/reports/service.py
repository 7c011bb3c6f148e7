"""The reports side of one emulator: its store, clock, link signer, callbacks, files folder, scheduler and
operations, built by ``create_app``; the scheduler runs between the app's lifespan start and end.

Files live beside the state file (``FILE.files/``) with ``--state FILE``, else in a temporary folder made on
first use and removed when the app stops. The query engine is built on first use (it reads the world).
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread

from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.reports.callbacks import CallbackSender
from pcinsights.emulator.reports.clock import ReportClock
from pcinsights.emulator.reports.engine import Engine, standard_engine
from pcinsights.emulator.reports.files import FileServer, remove_files
from pcinsights.emulator.reports.links import LinkSigner
from pcinsights.emulator.reports.operations import ReportOperations
from pcinsights.emulator.reports.scheduler import Scheduler
from pcinsights.emulator.reports.store import ReportStore
from pcinsights.emulator.world import World


class ReportsService:
    """Everything the reports API keeps for one emulator; ``engine`` replaces the standard query engine."""

    def __init__(
        self, config: EmulatorConfig, world: World, wall_clock: Callable[[], float], engine: Engine | None = None
    ) -> None:
        self.world = world
        self._engine = engine
        self._lock = threading.Lock()
        self.store = ReportStore(config.state or None)
        self._state_folder = Path(config.state + ".files") if config.state else None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        if self._state_folder is not None:
            self._state_folder.mkdir(exist_ok=True)
        self.clock = ReportClock(wall_clock, self.store)
        self.signer = LinkSigner(config.link_lifetime)
        self.callbacks = CallbackSender(config.callback_hosts)
        self.scheduler = Scheduler(self.store, self.clock, self.engine, self.folder, self.callbacks)
        self.clock.on_advance(self.scheduler.wake)
        self.operations = ReportOperations(
            self.store, self.clock, self.engine, self.signer, self.scheduler.wake, self.remove_files
        )
        self.files = FileServer(self.store, self.signer, self.clock.now, self.folder)

    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = standard_engine(self.world)
            return self._engine

    def folder(self) -> Path:
        """Where report files are written: beside the state file, else a temporary folder made on first use."""
        with self._lock:
            if self._state_folder is not None:
                self._state_folder.mkdir(exist_ok=True)  # again, should someone have removed it
                return self._state_folder
            if self._temporary is None or not Path(self._temporary.name).is_dir():
                self._temporary = tempfile.TemporaryDirectory(prefix="pc-emulator-reports-")
            return Path(self._temporary.name)

    def remove_files(self, names: list[str]) -> None:
        if names:
            remove_files(self.folder(), names)

    def reset(self) -> None:
        """Forget every user query, report, execution and file, and put the clock back to the wall clock."""
        with self.store.transaction() as tx:
            files = tx.clear()
        self.clock.reset()
        self.remove_files(files)
        self.scheduler.wake()

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        """Stop the scheduler and the callbacks; a temporary files folder goes too."""
        self.scheduler.stop()
        self.callbacks.close()
        with self._lock:
            temporary, self._temporary = self._temporary, None
        if temporary is not None:
            temporary.cleanup()

    @asynccontextmanager
    async def lifespan(self, app: object) -> AsyncIterator[None]:
        """The app's lifespan: the scheduler runs while the server serves."""
        self.start()
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(self.stop)
