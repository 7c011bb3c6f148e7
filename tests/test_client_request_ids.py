"""MS-RequestId as Partner Center's headers page defines it, an idempotency key, over a real loopback socket.

A retry after no answer (the connection dropped, the read timed out, the body was cut off) repeats the request
the server may have seen, so it keeps the id; a retry after an answer (429, 503) is a new request with a new id.
MS-CorrelationId stays the client's throughout. The server is a raw socket so it can misbehave on purpose.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient, RetryPolicy
from partner_center_analytics.api.analytics import get_partner_licenses_deployment

from tests._client import TOKEN, call

OK_BODY = b'{"totalCount": 0, "items": []}'
READ_TIMEOUT = 0.3  # how long the client waits for a stalled answer before retrying
_HOLD = 10.0  # the most a stalled connection is held open, waiting for the client to give up


def _reply(status: str, body: bytes, *, length: int | None = None, retry_after: bool = False) -> bytes:
    head = [f"HTTP/1.1 {status}", "Content-Type: application/json", "Connection: close"]
    head.append(f"Content-Length: {len(body) if length is None else length}")
    if retry_after:
        head.append("Retry-After: 0")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


ERROR_BODY = b'{"code": 503, "description": "try again"}'
ANSWERS = {
    "200": _reply("200 OK", OK_BODY),
    "429": _reply("429 Too Many Requests", ERROR_BODY, retry_after=True),
    "503": _reply("503 Service Unavailable", ERROR_BODY, retry_after=True),
    # The head and half the body promised, then the connection closes.
    "cut": _reply("200 OK", OK_BODY[: len(OK_BODY) // 2], length=len(OK_BODY)),
}


class IdServer:
    """Answers its n-th connection as ``script[n]`` says and records the headers of each request.

    ``drop`` closes without a byte of answer, ``stall`` holds the connection until the client gives up;
    the other steps are the canned answers above. Every answer closes its connection, so an attempt is a connection.
    """

    def __init__(self, *script: str) -> None:
        self.script = script
        self.seen: list[dict[str, str]] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(_HOLD)
        self.base_url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        for step in self.script:
            try:
                conn, _ = self._sock.accept()
            except OSError:  # closed by the test, or no client came
                return
            with conn:
                conn.settimeout(_HOLD)
                self.seen.append(_read_head(conn))
                if step == "stall":
                    while conn.recv(1024):
                        pass
                elif step != "drop":
                    conn.sendall(ANSWERS[step])

    def close(self) -> None:
        self._sock.close()
        self._thread.join(_HOLD)

    def ids(self, header: str) -> list[str]:
        return [headers[header.lower()] for headers in self.seen]


def _read_head(conn: socket.socket) -> dict[str, str]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


@pytest.fixture
def serve() -> Iterator[type[IdServer]]:
    servers: list[IdServer] = []

    class Started(IdServer):
        def __init__(self, *script: str) -> None:
            super().__init__(*script)
            servers.append(self)

    yield Started
    for server in servers:
        server.close()


def client_for(server: IdServer) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=server.base_url,
        token=TOKEN,
        retry=RetryPolicy(base_delay=0),
        timeout=httpx.Timeout(5.0, read=READ_TIMEOUT),
    )


async def fetch(mode: str, client: AuthenticatedClient, **kwargs: str) -> int:
    response = await call(mode, get_partner_licenses_deployment, client=client, detailed=True, **kwargs)
    return int(response.status_code)


@pytest.mark.parametrize("no_answer", ["drop", "stall", "cut"])
async def test_a_retry_after_no_answer_keeps_the_request_id(mode: str, serve: type[IdServer], no_answer: str) -> None:
    server = serve(no_answer, "200")
    client = client_for(server)
    assert await fetch(mode, client) == 200
    first, retry = server.ids("MS-RequestId")
    assert first == retry
    assert server.ids("MS-CorrelationId") == [client.correlation_id] * 2


@pytest.mark.parametrize("answer", ["429", "503"])
async def test_a_retry_after_an_answer_gets_a_new_request_id(mode: str, serve: type[IdServer], answer: str) -> None:
    server = serve(answer, "200")
    client = client_for(server)
    assert await fetch(mode, client) == 200
    first, retry = server.ids("MS-RequestId")
    assert first != retry
    assert len(retry) == 36
    assert server.ids("MS-CorrelationId") == [client.correlation_id] * 2


async def test_the_callers_id_is_kept_until_an_answer_comes(mode: str, serve: type[IdServer]) -> None:
    server = serve("drop", "503", "200", "200")
    client = client_for(server)
    caller_id = "7d0c6f52-0d8e-4d7a-9d55-3f3c1b6c2a10"
    assert await fetch(mode, client, ms_request_id=caller_id) == 200
    assert await fetch(mode, client) == 200
    ids = server.ids("MS-RequestId")
    assert ids[:2] == [caller_id, caller_id]
    assert len({caller_id, ids[2], ids[3]}) == 3  # after the 503, and for the next call: new ids
    assert set(server.ids("MS-CorrelationId")) == {client.correlation_id}
