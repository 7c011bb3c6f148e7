"""``pcinsights replay FILE.har``: serve a recording over HTTP, for an app's tests in any language."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pcinsights.har import HarError
from pcinsights.replay import Recording, ReplayApp


def replay(
    recordings: Annotated[
        list[Path], typer.Argument(help="HAR 1.2 files (the plugin's, the CLI's --record, any recorder's).")
    ],
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0 picks a free one).")] = 0,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
) -> None:
    """Answer every request as the recordings do (matched by method, path, query and body; headers ignored); a
    request with no recording gets a JSON 404 that names it. Runs until interrupted."""
    from pcinsights.emulator.config import EmulatorConfig
    from pcinsights.emulator.server import build_server, listening_socket

    try:
        recording = Recording.read(*recordings)
    except HarError as error:
        print(f"pcinsights: {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        print(f"pcinsights: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        raise typer.Exit(2) from None
    bound_host, bound_port = sock.getsockname()[:2]
    print(f"replaying {len(recording)} recorded requests on http://{bound_host}:{bound_port}", flush=True)
    build_server(ReplayApp(recording), EmulatorConfig()).run(sockets=[sock])
