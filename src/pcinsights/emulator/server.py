"""Run the emulator on a free loopback port in a background thread, for tests, benchmarks and the CLI."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import uvicorn
from starlette.applications import Starlette
from starlette.types import ASGIApp

from pcinsights.emulator.app import create_app
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.faults import FaultSwitches
from pcinsights.emulator.protocol import Limits, protocol_class
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.world import World

try:
    import resource
except ImportError:  # not on Windows: no descriptor limit to stay under
    resource = None  # type: ignore[assignment]

STARTUP_TIMEOUT = 15.0
SHUTDOWN_TIMEOUT = 10.0
_ACCEPT_FAILED = "socket.accept() out of system resource"
_ACCEPT_LOG_EVERY = 10.0
_log = logging.getLogger("uvicorn.error")


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

    @property
    def faults(self) -> FaultSwitches:
        """Its faults, switched while it runs: ``faults.set(fail_503=1.0)``, then ``faults.reset()``."""
        switches: FaultSwitches = self.app.state.faults
        return switches


def listening_socket(host: str, port: int = 0) -> socket.socket:
    """A socket listening on ``host:port`` for uvicorn to serve on; port 0 (one the OS picks) keeps parallel runs apart.

    It listens at once, so a client that connects before the server runs is queued, never refused. The protocol
    must be IPPROTO_TCP: asyncio turns Nagle off only for sockets that say so, and with Nagle on every response
    waits ~40 ms for a delayed ACK between its header and body writes. A given port is bound with SO_REUSEADDR,
    so a restart need not wait for the last run's connections to leave TIME_WAIT.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock


def _backlog_and_cap(max_connections: int) -> tuple[int, int]:
    """The accept backlog and the connection cap, both kept below the process's file-descriptor limit.

    asyncio accepts up to ``backlog`` connections per loop tick before any closed one frees its descriptor
    (so the backlog is small against the limit: a sixteenth),
    and an aborted connection gives its descriptor back only on a later tick: so the cap leaves room for two
    backlogs (one being accepted, one being closed) and a few descriptors of the process's own.
    """
    if resource is None:
        return 128, max_connections
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft == resource.RLIM_INFINITY:
        return 128, max_connections
    backlog = max(8, min(128, soft // 16))
    return backlog, max(1, min(max_connections, soft - 2 * backlog - 16))


class _AcceptErrors:
    """A loop exception handler: a failed accept (out of descriptors) is one line every few seconds, no traceback.

    asyncio logs a traceback per failed accept and retries a second later; under a flood that was hundreds
    of thousands of tracebacks. Everything else goes to the loop's default handler.
    """

    def __init__(self) -> None:
        self.failures = 0
        self._logged_at: float | None = None

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != _ACCEPT_FAILED:
            loop.default_exception_handler(context)
            return
        self.failures += 1
        now = time.monotonic()
        if self._logged_at is None or now - self._logged_at >= _ACCEPT_LOG_EVERY:
            self._logged_at = now
            _log.warning("cannot accept connections (%s); %d failed so far", context.get("exception"), self.failures)


class _Server(uvicorn.Server):
    """uvicorn's server with the quiet accept-error handler on its loop."""

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        asyncio.get_running_loop().set_exception_handler(_AcceptErrors())
        await super().serve(sockets)


def build_server(app: ASGIApp, config: EmulatorConfig, **options: Any) -> uvicorn.Server:
    """A uvicorn server for the app with the hardened h11 protocol (``protocol``) and the config's limits."""
    backlog, cap = _backlog_and_cap(config.max_connections)
    limits = Limits(config.request_timeout, cap, config.max_head_bytes)
    return _Server(
        uvicorn.Config(
            app,
            http=protocol_class(limits),
            backlog=backlog,
            log_level="warning",
            access_log=False,
            lifespan="auto",  # the emulator's report scheduler runs in its app's lifespan
            **options,
        )
    )


@contextmanager
def serve_in_background(
    app: ASGIApp, limits: EmulatorConfig, *, host: str = "127.0.0.1", name: str = "pc-emulator"
) -> Iterator[tuple[str, int]]:
    """Serve any ASGI app on a free loopback port, with the emulator's hardened server and ``limits``' limits, until
    the block ends; yields its base URL and port. Quiet: warnings only, no access log."""
    sock = listening_socket(host)
    port = int(sock.getsockname()[1])
    server = build_server(app, limits, log_config=None, timeout_graceful_shutdown=3)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"{name}:{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise EmulatorStartError(f"the server on {host}:{port} did not start within {STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.005)
        yield f"http://{host}:{port}", port
    finally:
        server.should_exit = True
        thread.join(SHUTDOWN_TIMEOUT)
        sock.close()


@contextmanager
def run_in_background(
    config: EmulatorConfig | None = None,
    *,
    host: str = "127.0.0.1",
    app: Starlette | None = None,
    clock: Callable[[], float] | None = None,
) -> Iterator[RunningEmulator]:
    """Serve an emulator until the block ends; quiet (warnings only, no access log).

    A new one from ``config`` (its throttle on ``clock``, as ``create_app`` takes it), or ``app``, one that
    ``create_app`` made already (so its issuer could mint a token before it listens, as a test parametrized at
    collection needs).
    """
    if app is None:
        app = create_app(config or EmulatorConfig(), clock=clock)
    elif config is not None or clock is not None:
        raise TypeError("pass the config (and clock) or the app create_app made with them, not both")
    config = app.state.config
    assert isinstance(config, EmulatorConfig), "the app is not one create_app made"
    with serve_in_background(app, config, host=host) as (base_url, port):
        yield RunningEmulator(
            base_url=base_url, port=port, config=config, world=app.state.world, stats=app.state.stats, app=app
        )
