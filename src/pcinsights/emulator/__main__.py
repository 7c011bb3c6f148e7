"""``python -m pcinsights.emulator``: serve the emulator in the foreground until interrupted (flags: ``flags``).

The banner's first line says where it listens (scripts read it); the next ones give what a first request needs:
the token endpoint and app registration, a ready App+User token, a refresh token for more, and a ``curl`` line.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence

from pcinsights.emulator.app import create_app, spec_json
from pcinsights.emulator.auth import issuer_of_app, token_endpoint
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.flags import parse
from pcinsights.emulator.server import build_server, listening_socket
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


def main(argv: Sequence[str] | None = None) -> int:
    listen, config = parse(argv)
    try:
        # Listening before the banner: a client that read it is queued until the server accepts, never refused.
        sock = listening_socket(listen.host, listen.port)
    except OSError as error:
        print(f"cannot listen on {listen.host}:{listen.port}: {error.strerror}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    app = create_app(config)
    server = build_server(app, config)
    print(banner(f"http://{host}:{port}", config, issuer_of_app(app)))
    sys.stdout.flush()
    spec_json()  # now, not in the first /openapi.json request (it imports the generated package)
    prepare_in_background(app.state.world)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
