"""Client memory on hostile bodies: the peak of one call on a large body and on a gzip bomb, each in a fresh process.

The server is a thread of the measuring process that streams its body from one small block, so it adds
nothing to the peak. The figure is tracemalloc's peak of Python allocations during the call (every byte
buffer is one); the growth of ``ru_maxrss`` over the call is shown beside it (zero when the call's peak
stays under what start-up already reached, as on small bodies).
"""

from __future__ import annotations

import dataclasses
import json
import resource
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from figures import Figure, Goal

MB = 1_000_000
MIB = 1024 * 1024
BLOCK = 64 * 1024


@dataclass(frozen=True)
class Measured:
    """One call in a fresh process: how it ended, its tracemalloc peak and ru_maxrss growth in bytes, its time."""

    outcome: str
    traced: int
    rss: int
    seconds: float


@dataclass(frozen=True)
class Setup:
    """A ``body_mb`` JSON body under a limit just above it; a bomb inflating to ``bomb_mib`` under ``limit_mib``."""

    body_mb: int = 100
    bomb_mib: int = 1024
    limit_mib: int = 64


def _json_body(size: int) -> Iterator[bytes]:
    """A valid JSON collection of ``size`` bytes: no items and one long unknown field (kept, not dropped)."""
    head, tail = b'{"totalCount": 0, "items": [], "padding": "', b'"}'
    yield head
    left = size - len(head) - len(tail)
    block = b"x" * BLOCK
    while left > 0:
        yield block[: min(left, BLOCK)]
        left -= BLOCK
    yield tail


def _bomb(inflated: int) -> bytes:
    """gzip of ``inflated`` zero bytes: about a thousandth of that on the wire."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MIB)
    parts = [packer.compress(zeros) for _ in range(inflated // MIB)]
    return b"".join([*parts, packer.flush()])


def _serve(listener: socket.socket, head: bytes, chunks: list[bytes] | None, size: int) -> None:
    while True:
        connection, _ = listener.accept()
        with connection:
            request = b""
            while b"\r\n\r\n" not in request and (data := connection.recv(65536)):
                request += data
            try:
                connection.sendall(head)
                for chunk in chunks if chunks is not None else _json_body(size):
                    connection.sendall(chunk)
            except OSError:
                pass  # the client gave up on the body: what a bounded client does


def _child(case: str, size: int, limit: int) -> Measured:
    from partner_center_analytics import AuthenticatedClient, PartnerCenterError, RetryPolicy
    from partner_center_analytics.api.analytics import get_partner_licenses_deployment

    media = "text/plain" if case == "read" else "application/json"  # text/plain: refused unparsed, once read
    if case == "bomb":
        body = _bomb(size)
        chunks: list[bytes] | None = [body[i : i + BLOCK] for i in range(0, len(body), BLOCK)]
        head = f"Content-Encoding: gzip\r\nContent-Length: {len(body)}\r\n"
    else:
        chunks, head = None, f"Content-Length: {size}\r\n"
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {media}\r\n{head}Connection: close\r\n\r\n"
    listener = socket.create_server(("127.0.0.1", 0))
    server = threading.Thread(target=_serve, args=(listener, head.encode(), chunks, size), daemon=True)
    server.start()
    client = AuthenticatedClient(
        base_url=f"http://127.0.0.1:{listener.getsockname()[1]}",
        token="bench-token",
        retry=RetryPolicy(max_attempts=1),
        max_response_size=limit,
    )
    client.get_httpx_client()
    tracemalloc.start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    try:
        get_partner_licenses_deployment.sync(client=client)
        outcome = "accepted"
    except PartnerCenterError as exc:
        outcome = type(exc).__name__
    except MemoryError:
        outcome = "MemoryError"
    seconds = time.perf_counter() - start
    _, traced = tracemalloc.get_traced_memory()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    return Measured(outcome, traced, rss, seconds)


def _measure(case: str, size: int, limit: int) -> Measured:
    command = [sys.executable, __file__, case, str(size), str(limit)]
    run = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)
    return Measured(**json.loads(run.stdout))


def run(setup: Setup) -> list[Figure]:
    size, limit, bomb_mib = setup.body_mb * MB, setup.limit_mib * MIB, setup.bomb_mib
    read = _measure("read", size, size + MIB)
    body = _measure("body", size, size + MIB)
    bomb = _measure("bomb", bomb_mib * MIB, limit)
    return [
        Figure(
            "client memory (large body read)",
            f"peak {read.traced / MB:.0f} MB",
            f"body {size / MB:.0f} MB",
            read.traced / size,
            Goal("<=", 2.5),
            also_required=read.outcome == "UnexpectedResponseError",
            detail=(
                f"the body read and buffered, then refused as text/plain, in {read.seconds:.1f} s; "
                f"peak RSS growth {read.rss / MB:.0f} MB"
            ),
        ),
        Figure(
            "client memory (large body decoded)",
            f"peak {body.traced / MB:.0f} MB",
            f"body {size / MB:.0f} MB",
            body.traced / size,
            also_required=body.outcome == "accepted",
            detail=(
                f"{body.outcome} in {body.seconds:.1f} s, peak RSS growth "
                f"{body.rss / MB:.0f} MB; json.loads holds the text and the parsed string too"
            ),
        ),
        Figure(
            "client memory (gzip bomb)",
            f"peak {bomb.traced / MB:.0f} MB",
            f"max_response_size {limit / MB:.0f} MB",
            bomb.traced / limit,
            Goal("<=", 3.0),
            also_required=bomb.outcome == "UnexpectedResponseError",
            detail=(
                f"inflates to {bomb_mib} MiB; {bomb.outcome} in {bomb.seconds:.2f} s, "
                f"peak RSS growth {bomb.rss / MB:.0f} MB"
            ),
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(dataclasses.asdict(_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))))
