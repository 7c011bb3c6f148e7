"""What the commands that serve HTTP in the foreground share (``replay``, ``proxy``): the socket, and the server."""

from __future__ import annotations

import socket
import sys
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # the commands import the server only when they serve
    from starlette.types import ASGIApp


def listen_or_exit(host: str, port: int) -> tuple[socket.socket, str]:
    """A socket listening on ``host:port`` and its base URL; one line on stderr and exit 2 when it cannot be had."""
    from pcinsights.emulator.server import listening_socket

    try:
        sock = listening_socket(host, port)
    except OSError as error:
        print(f"pcinsights: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        raise typer.Exit(2) from None
    bound_host, bound_port = sock.getsockname()[:2]
    return sock, f"http://{bound_host}:{bound_port}"


def serve(app: ASGIApp, sock: socket.socket) -> None:
    """Serve ``app`` on ``sock`` with the emulator's hardened server and default limits, until interrupted."""
    from pcinsights.emulator.config import EmulatorConfig
    from pcinsights.emulator.server import build_server

    build_server(app, EmulatorConfig()).run(sockets=[sock])
