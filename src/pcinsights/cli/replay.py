"""``pcinsights replay FILE.har``: serve a recording over HTTP, for an app's tests in any language."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pcinsights.cli.serving import listen_or_exit, serve


def replay(
    recordings: Annotated[
        list[Path], typer.Argument(help="HAR 1.2 files (the plugin's, the CLI's --record, any recorder's).")
    ],
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0 picks a free one).")] = 0,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
) -> None:
    """Answer every request as the recordings do (matched by method, path, query and body; headers ignored); a
    request with no recording gets a JSON 404 that names it. Runs until interrupted."""
    from pcinsights.har import HarError
    from pcinsights.replay import Recording, ReplayApp

    try:
        recording = Recording.read(*recordings)
    except HarError as error:
        print(f"pcinsights: {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    sock, base_url = listen_or_exit(host, port)
    print(f"replaying {len(recording)} recorded requests on {base_url}", flush=True)
    serve(ReplayApp(recording), sock)
