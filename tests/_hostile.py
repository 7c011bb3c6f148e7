"""A hostile HTTP server on loopback for client tests: every connection gets one scripted misbehaviour.

Threads, not the test's event loop: the sync client blocks the loop it is called from. Each connection
is served by ``behaviour(connection, stop)`` once its request head has arrived (or at once when the
behaviour reads nothing); ``stop`` is set at exit so that stalling behaviours end with the test.
"""

from __future__ import annotations

import gzip
import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Behaviour = Callable[[socket.socket, threading.Event], None]
JSON_OK = b'{"totalCount": 0, "items": []}'


@dataclass
class Hostile:
    """A running server: its base URL and the request heads it received."""

    url: str
    heads: list[bytes] = field(default_factory=list)


def read_head(connection: socket.socket) -> bytes:
    head = b""
    while b"\r\n\r\n" not in head and (data := connection.recv(65536)):
        head += data
    return head


def head(status: str, *headers: str) -> bytes:
    return ("\r\n".join([f"HTTP/1.1 {status}", *headers]) + "\r\n\r\n").encode()


@contextmanager
def hostile_server(behaviour: Behaviour) -> Iterator[Hostile]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    server = Hostile(f"http://127.0.0.1:{listener.getsockname()[1]}")
    stop = threading.Event()
    connections: list[socket.socket] = []

    def serve(connection: socket.socket) -> None:
        with connection:
            try:
                server.heads.append(read_head(connection))
                behaviour(connection, stop)
            except OSError:
                pass  # the client hung up: what a bounded client does to a hostile server

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connection.settimeout(None)
            connections.append(connection)
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield server
    finally:
        stop.set()
        acceptor.join()
        listener.close()
        for connection in connections:
            connection.close()


def reply(status: str, *headers: str, body: bytes = JSON_OK) -> Behaviour:
    """A well-formed answer, headers as given. It says ``Connection: close`` because the server closes every
    connection after one answer: without it the client may send its retry down a connection the server is
    closing, and a test of Retry-After would fail on a ReadError instead (seen under load)."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        length = f"Content-Length: {len(body)}"
        framing = ("Content-Type: application/json", length, "Connection: close")
        connection.sendall(head(status, *framing, *headers) + body)

    return behave


def gzip_bomb(inflated: int) -> Behaviour:
    """A small gzip body that inflates to ``inflated`` zero bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    body = b"".join([*(packer.compress(block) for _ in range(inflated >> 20)), packer.flush()])
    return reply("200 OK", "Content-Encoding: gzip", body=body)


def gzipped(body: bytes) -> Behaviour:
    return reply("200 OK", "Content-Encoding: gzip", body=gzip.compress(body))


def endless_body(*, declared: int | None) -> Behaviour:
    """A body streamed as fast as the client takes it, with a Content-Length of ``declared`` or chunked and endless."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        framing = "Transfer-Encoding: chunked" if declared is None else f"Content-Length: {declared}"
        connection.sendall(head("200 OK", "Content-Type: application/json", framing))
        block = b" " * 65536
        chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n" if declared is None else block
        sent = 0
        while not stop.is_set() and (declared is None or sent < declared):
            connection.sendall(chunk)
            sent += len(block)

    return behave


def stall_after_headers(connection: socket.socket, stop: threading.Event) -> None:
    connection.sendall(head("200 OK", "Content-Type: application/json", "Content-Length: 1000"))
    stop.wait()


def trickle(interval: float, *, in_head: bool = False) -> Behaviour:
    """One byte every ``interval`` seconds, forever: of the body, or of a head that never ends."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        if in_head:
            connection.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        else:
            connection.sendall(head("200 OK", "Content-Type: application/json", "Content-Length: 1000000"))
        while not stop.wait(interval):
            connection.sendall(b"a" if in_head else b" ")

    return behave


def drop_connection(connection: socket.socket, stop: threading.Event) -> None:
    """Read the request, answer nothing, close."""
