"""``python -m pcinsights.emulator``: serve the emulator in the foreground until interrupted (flags: ``flags``)."""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence

from pcinsights.emulator.app import create_app
from pcinsights.emulator.flags import parse
from pcinsights.emulator.server import build_server


def main(argv: Sequence[str] | None = None) -> int:
    listen, config = parse(argv)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # IPPROTO_TCP: see server._bind
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((listen.host, listen.port))
    except OSError as error:
        sock.close()
        print(f"cannot listen on {listen.host}:{listen.port}: {error.strerror}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    server = build_server(create_app(config), config)
    print(f"Partner Center emulator on http://{host}:{port} (seed {config.seed}, {config.customers} customers)")
    sys.stdout.flush()
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
