"""Run the emulator on a free loopback port in a background thread, for tests, benchmarks and the CLI."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import attrs
import uvicorn
from starlette.applications import Starlette

from pcinsights.emulator.app import create_app
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.tenant import World

STARTUP_TIMEOUT = 15.0
SHUTDOWN_TIMEOUT = 10.0


class EmulatorStartError(RuntimeError):
    """The emulator's server did not come up."""


@attrs.frozen
class RunningEmulator:
    """A live emulator: where it listens and what it serves."""

    base_url: str
    port: int
    config: EmulatorConfig
    world: World
    stats: EmulatorStats
    app: Starlette = attrs.field(repr=False)


def _bind(host: str) -> socket.socket:
    """A socket on a port the OS picks, so parallel runs never collide; uvicorn listens on it.

    The protocol must be IPPROTO_TCP: asyncio turns Nagle off only for sockets that say so, and with
    Nagle on every response waits ~40 ms for a delayed ACK between its header and body writes.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.bind((host, 0))
    except OSError:
        sock.close()
        raise
    return sock


@contextmanager
def run_in_background(config: EmulatorConfig | None = None, *, host: str = "127.0.0.1") -> Iterator[RunningEmulator]:
    """Serve an emulator until the block ends; quiet (warnings only, no access log)."""
    config = config or EmulatorConfig()
    app = create_app(config)
    sock = _bind(host)
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="warning",
            log_config=None,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=3,
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"pc-emulator:{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise EmulatorStartError(f"the emulator on {host}:{port} did not start within {STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.005)
        yield RunningEmulator(
            base_url=f"http://{host}:{port}",
            port=port,
            config=config,
            world=app.state.world,
            stats=app.state.stats,
            app=app,
        )
    finally:
        server.should_exit = True
        thread.join(SHUTDOWN_TIMEOUT)
        sock.close()
