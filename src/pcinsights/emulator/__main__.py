"""``python -m pcinsights.emulator``: serve the emulator in the foreground until interrupted (flags: ``flags``).

The banner's first line says where it listens (scripts read it); the next ones give what a first request needs:
the token endpoint and app registration, a ready App+User token, a refresh token for more, and a ``curl`` line.
When it stops (Ctrl-C, SIGINT) its last line is ``answered: `` and its request counts as JSON (every request,
by status, faults by kind: ``faults.rate_limit`` is the throttle's 429s), so a script can judge its client.
"""

from __future__ import annotations

import json
import sqlite3
import ssl
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from partner_center_analytics import HarRecorder
from starlette.types import ASGIApp

from pcinsights.emulator.app import create_app, spec_json
from pcinsights.emulator.auth import issuer_of_app, token_endpoint
from pcinsights.emulator.config import EmulatorConfig, Listen
from pcinsights.emulator.flags import parse
from pcinsights.emulator.recording import RecordingMiddleware
from pcinsights.emulator.server import build_server, listening_socket
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.tokens import Issuer
from pcinsights.emulator.world import World

_MFA = {False: "tokens without mfa get a 401, as in Partner Center", True: "--allow-no-mfa: tokens without mfa pass"}


def banner(base_url: str, config: EmulatorConfig, issuer: Issuer) -> str:
    """What the emulator prints on start-up: its address, then how to call it (a token minted for the purpose)."""
    issued = issuer.user_token()
    return "\n".join(
        [
            f"Partner Center emulator on {base_url} (seed {config.seed}, {config.customers} customers)",
            f"token endpoint: {token_endpoint(base_url, config.tenant_id)}",
            f"  tenant {config.tenant_id}, client id {config.client_id}, client secret {config.client_secret}",
            f"App+User token (amr pwd+mfa, valid {config.token_lifetime} s; {_MFA[config.allow_no_mfa]}):",
            f"  {issued.token}",
            "refresh token (grant_type=refresh_token at the token endpoint, for more):",
            f"  {issued.refresh_token}",
            "try:",
            f'  curl -H "Authorization: Bearer {issued.token}" {base_url}/v1/analytics/licenses/deployment',
        ]
    )


LARGE_WORLD = 10_000  # from this many customers, start-up says how the aggregates' build is going


def prepare_in_background(world: World) -> threading.Thread:
    """Build the world's aggregates at start-up in a thread; requests are served meanwhile (off the event loop).

    A large world prints a line when the build starts, every ``world.PROGRESS_EVERY`` customers, and at the end.
    """

    def say(text: str) -> None:
        print(text, flush=True)

    def build() -> None:
        started = time.perf_counter()
        large = world.size >= LARGE_WORLD
        if large:
            say(f"building the aggregates of {world.size:,} customers; requests are served meanwhile")
        world.prepare((lambda done: say(f"  {done:,} of {world.size:,} customers")) if large else None)
        if large:
            say(f"aggregates ready: {world.size:,} customers in {time.perf_counter() - started:.1f} s")

    thread = threading.Thread(target=build, name="pc-emulator-aggregates", daemon=True)
    thread.start()
    return thread


def answered(stats: EmulatorStats) -> str:
    """The last line: what was answered, as JSON."""
    counts = stats.snapshot()
    return "answered: " + json.dumps(
        {"requests": counts.requests, "by_status": counts.by_status, "faults": counts.faults}, sort_keys=True
    )


def _unusable(listen: Listen) -> str | None:
    """Why the TLS certificate or the recording file cannot be used, found before the banner says all is well."""
    try:
        if listen.tls_cert:
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(listen.tls_cert)
    except (OSError, ssl.SSLError) as error:
        return f"cannot serve TLS with {listen.tls_cert}: {getattr(error, 'strerror', None) or error}"
    try:
        if listen.record:
            Path(listen.record).open("ab").close()  # only whether it can be written
    except OSError as error:
        return f"cannot record to {listen.record}: {error.strerror or error}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    listen, config = parse(argv)
    problem = _unusable(listen)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        # Listening before the banner: a client that read it is queued until the server accepts, never refused.
        sock = listening_socket(listen.host, listen.port)
    except OSError as error:
        print(f"cannot listen on {listen.host}:{listen.port}: {error.strerror}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    try:
        app = create_app(config)
    except (sqlite3.Error, OSError) as error:
        sock.close()
        print(f"cannot keep the reports' state in {config.state}: {error}", file=sys.stderr)
        return 2
    recorder = HarRecorder(listen.record) if listen.record else None
    served: ASGIApp = app if recorder is None else RecordingMiddleware(app, recorder)
    server = build_server(served, config, **({"ssl_certfile": listen.tls_cert} if listen.tls_cert else {}))
    scheme = "https" if listen.tls_cert else "http"
    print(banner(f"{scheme}://{host}:{port}", config, issuer_of_app(app)))
    sys.stdout.flush()
    spec_json()  # now, not in the first /openapi.json request (it imports the generated package)
    prepare_in_background(app.state.world)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stopped gracefully, then raised the Ctrl-C again: nothing left to report
        pass
    finally:
        if recorder is not None:
            recorder.close()
        print(answered(app.state.stats), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
