"""The emulator under hostile traffic, over raw sockets on loopback: slow and idle clients, a flood past the
descriptor limit, malformed HTTP, oversized heads however they are split, a token per request, a big world,
and faults that must not come before auth."""

from __future__ import annotations

import json
import logging
import os
import re
import resource
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from pcinsights.emulator import RunningEmulator
from pcinsights.emulator.__main__ import LARGE_WORLD
from tests._support import FakeClock, token_for

JSON_TYPE = "application/json; charset=utf-8"
GET_HEAD = b"GET /v1/customers HTTP/1.1\r\nHost: emulator\r\nAccept: application/json\r\n\r\n"


@contextmanager
def _connection(port: int, timeout: float = 5.0) -> Iterator[socket.socket]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        yield sock
    finally:
        sock.close()


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (or resets) the connection."""
    received = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk


def _send(sock: socket.socket, data: bytes, segment: int | None) -> None:
    """``data`` in one write, or in writes of ``segment`` bytes (each its own TCP segment: Nagle is off)."""
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        if segment is None:
            sock.sendall(data)
            return
        for start in range(0, len(data), segment):
            sock.sendall(data[start : start + segment])
            time.sleep(0.0005)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered early and stopped reading; its answer is still there to read


def _parse(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of the first response in ``raw``."""
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return status, headers, rest[: int(headers.get("content-length", len(rest)))]


def _assert_error_body(raw: bytes, status: int) -> None:
    """Partner Center's JSON error body and id headers, and the connection closed."""
    got, headers, body = _parse(raw)
    assert got == status, raw[:300]
    assert headers["content-type"] == JSON_TYPE
    assert headers["connection"] == "close"
    for name in ("ms-requestid", "ms-correlationid"):
        uuid.UUID(headers[name])
    parsed = json.loads(body)
    assert set(parsed) == {"code", "description", "data", "source"}
    assert parsed["source"] == "PartnerFD"


def _no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logged = [record for record in caplog.records if record.exc_info or record.levelno >= logging.ERROR]
    assert not logged, [record.getMessage() for record in logged]


# --- 5. slow and idle clients, the connection cap, a flood past the descriptor limit -------------------------


def test_slow_clients_are_closed_while_a_normal_client_is_served(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client
) -> None:
    running = pcinsights_start_emulator(request_timeout=0.5)
    with ExitStack() as stack:
        slow = [stack.enter_context(_connection(running.port)) for _ in range(20)]
        for sock in slow:
            sock.setblocking(False)
        started = time.monotonic()
        closed_after: dict[int, float] = {}
        served = 0
        sent = 0
        while len(closed_after) < len(slow) and time.monotonic() - started < 5.0:
            for number, sock in enumerate(slow):
                if number in closed_after:
                    continue
                try:
                    sock.send(GET_HEAD[sent % 40 : sent % 40 + 1])  # one byte of a head that never ends
                    if sock.recv(65536) == b"":
                        closed_after[number] = time.monotonic() - started
                except BlockingIOError:
                    pass
                except OSError:
                    closed_after[number] = time.monotonic() - started
            sent += 1
            served += plain_http.get(running.base_url + "/openapi.json", timeout=2.0).status_code == 200
            time.sleep(0.05)
    assert len(closed_after) == len(slow), f"{len(slow) - len(closed_after)} slow clients still open after 5 s"
    assert max(closed_after.values()) < 2.0
    assert served >= 5


def test_a_slow_client_gets_408_and_an_idle_one_is_closed(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    running = pcinsights_start_emulator(request_timeout=0.3)
    with _connection(running.port) as slow, _connection(running.port) as idle:
        slow.sendall(GET_HEAD[:20])
        started = time.monotonic()
        _assert_error_body(_read_all(slow), 408)
        assert _read_all(idle) == b""
        assert time.monotonic() - started < 2.0


def test_keep_alive_gives_each_request_its_own_time(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    """The timer restarts after each response, so a client sending whole requests is never cut off."""
    running = pcinsights_start_emulator(request_timeout=0.3)
    with _connection(running.port) as sock:
        for _ in range(4):
            sock.sendall(GET_HEAD)
            time.sleep(0.2)
            assert sock.recv(65536).startswith(b"HTTP/1.1 401 ")


def test_past_the_cap_the_longest_waiting_connection_makes_way(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client
) -> None:
    running = pcinsights_start_emulator(max_connections=5, request_timeout=30.0)
    with ExitStack() as stack:
        idle = [stack.enter_context(_connection(running.port)) for _ in range(5)]
        time.sleep(0.1)
        assert plain_http.get(running.base_url + "/openapi.json", timeout=2.0).status_code == 200
        assert _read_all(idle[0]) == b""  # the oldest waiting one was closed for it
        idle[1].settimeout(0.2)
        with pytest.raises(TimeoutError):
            idle[1].recv(1)  # the others are still open


def _descriptor_limit(limit: int) -> Callable[[], None]:
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    return lower


@contextmanager
def _logging_process(
    command: list[str], preexec_fn: Callable[[], None] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], Callable[[], bytes]]]:
    """``command`` running with its output in a file, and a function giving all it has written so far.

    The child writes through one open file and this process reads through another: with one shared file offset,
    a seek to read could land between two of the child's writes and have the next one overwrite the banner.
    """
    with tempfile.TemporaryDirectory(prefix="pc-emulator-log-") as folder:
        path = Path(folder) / "output.log"
        with path.open("wb") as output, path.open("rb") as log:
            environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
            process = subprocess.Popen(
                command, stdout=output, stderr=subprocess.STDOUT, env=environment, preexec_fn=preexec_fn
            )

            def written() -> bytes:
                log.seek(0)
                text: bytes = log.read()
                return text

            try:
                yield process, written
            finally:
                process.terminate()
                process.wait(10)


def _announced(written: Callable[[], bytes], process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 30.0
    while time.monotonic() < deadline:
        assert process.poll() is None, "the emulator exited"
        match = re.search(rb"Partner Center emulator on (http://\S+)", written())
        if match is not None:
            return match.group(1).decode()
        time.sleep(0.02)
    raise AssertionError("the emulator did not say where it listens")


@contextmanager
def _emulator_process(
    limit: int | None = None, request_timeout: float = 1.0
) -> Iterator[tuple[str, subprocess.Popen[bytes], Callable[[], str]]]:
    """``python -m pcinsights.emulator``, optionally under a descriptor limit, answering; with a function giving
    what it has logged since its start-up banner."""
    command = [sys.executable, "-m", "pcinsights.emulator", "--port", "0", "--customers", "3"]
    command += ["--request-timeout", str(request_timeout)]
    preexec = None if limit is None else _descriptor_limit(limit)
    with _logging_process(command, preexec_fn=preexec) as (process, written):
        base_url = _announced(written, process)
        httpx.get(base_url + "/openapi.json", timeout=10.0).raise_for_status()
        banner_end = len(written())

        def logged() -> str:
            return written()[banner_end:].decode("utf-8", "replace")

        yield base_url, process, logged


@contextmanager
def _flood(base_url: str, connections: int) -> Iterator[None]:
    """``connections`` clients that each send one byte of a request and nothing more."""
    port = int(base_url.rsplit(":", 1)[1])
    with ExitStack() as stack:
        for _ in range(connections):
            stack.enter_context(_connection(port)).sendall(b"G")
        yield


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="descriptor limits: Linux only")


@linux_only
def test_under_a_descriptor_limit_of_128_a_flood_of_150_leaves_room_for_a_normal_client() -> None:
    """The issue's case: the cap stays below the limit, so accept never fails and the newcomer is served.

    The flood's clients may wait 60 s for their requests, and the newcomer is given 20 s: answered, it was served
    while the flood held its connections (the cap made way), not after they timed out, however loaded the machine.
    """
    with _emulator_process(limit=128, request_timeout=60.0) as (base_url, _, logged):
        with _flood(base_url, 150):
            answered = httpx.get(base_url + "/openapi.json", timeout=20.0)
        output = logged()
    assert answered.status_code == 200
    assert "Traceback" not in output
    assert output == "", output[:2000]


@linux_only
def test_when_accept_fails_the_log_stays_quiet_and_service_resumes() -> None:
    """Descriptors run out below the cap (the limit drops after start): asyncio's traceback per failed accept
    (426,000 in 30 s) becomes a line every few seconds, and the server serves again once the slow clients go."""
    with _emulator_process() as (base_url, process, logged):
        limit = len(os.listdir(f"/proc/{process.pid}/fd")) + 20
        resource.prlimit(process.pid, resource.RLIMIT_NOFILE, (limit, limit))
        with _flood(base_url, 60):
            time.sleep(1.5)
            answered = httpx.get(base_url + "/openapi.json", timeout=20.0)
        output = logged()
    assert answered.status_code == 200
    assert "Traceback" not in output
    assert "cannot accept connections" in output
    assert len(output.splitlines()) < 5, output[:2000]


# --- 9. malformed HTTP and oversized heads ------------------------------------------------------------------

MALFORMED = {
    "NUL in the request line": b"GET /v1/customers\x00 HTTP/1.1\r\nHost: emulator\r\n\r\n",
    "raw bytes in the request line": b"GET /v1/\xff\xfe HTTP/1.1\r\nHost: emulator\r\n\r\n",
    "a bad chunk size": (
        b"POST /v1/customers HTTP/1.1\r\nHost: emulator\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
    ),
    "Content-Length: -1": b"GET /v1/customers HTTP/1.1\r\nHost: emulator\r\nContent-Length: -1\r\n\r\n",
    "two Host headers": b"GET /v1/customers HTTP/1.1\r\nHost: emulator\r\nHost: other\r\n\r\n",
}


@pytest.mark.parametrize("request_bytes", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_http_gets_the_json_error_body_and_logs_no_traceback(
    emulator: RunningEmulator, request_bytes: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), _connection(emulator.port) as sock:
        sock.sendall(request_bytes)
        raw = _read_all(sock)
        time.sleep(0.05)  # the app task of a request cut short finishes after the answer
    _assert_error_body(raw, 400)
    _no_tracebacks(caplog)


def _head(size: int) -> bytes:
    """A GET of /openapi.json whose head is exactly ``size`` bytes."""
    start = b"GET /openapi.json HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\nX-Padding: "
    return start + b"a" * (size - len(start) - 4) + b"\r\n\r\n"


@pytest.mark.parametrize("segment", [None, 4096, 1000], ids=["one write", "4 KB writes", "1000-byte writes"])
def test_the_head_size_limit_does_not_depend_on_segmentation(
    pcinsights_start_emulator: Callable[..., RunningEmulator], segment: int | None
) -> None:
    running = pcinsights_start_emulator(max_head_bytes=16_384)
    for size, status in ((16_384, 200), (16_385, 431), (65_536, 431)):
        with _connection(running.port) as sock:
            _send(sock, _head(size), segment)
            raw = _read_all(sock)
        if status == 200:
            assert _parse(raw)[0] == 200, (size, raw[:200])
        else:
            _assert_error_body(raw, status)


# --- 6. the throttle's table under a new token per request ----------------------------------------------------


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_throttle_forgets_old_tokens_but_not_a_busy_throttled_one(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client, fake_clock: FakeClock
) -> None:
    """With room for 50 buckets and time standing still, a token seen before 60 newer ones is forgotten (its empty
    bucket with it: it passes again), while a throttled one that keeps trying stays throttled."""
    cold, hot, *others = [secrets.token_urlsafe(12) for _ in range(62)]
    running = pcinsights_start_emulator(
        rate_limit=0.2, rate_limit_tokens=50, accepted_tokens=[cold, hot, *others], clock=fake_clock
    )
    url = running.base_url + "/v1/customers"

    def status(token: str) -> int:
        return plain_http.get(url, headers=_bearer(token)).status_code

    assert [status(cold), status(cold), status(hot)] == [200, 429, 200]
    for number, token in enumerate(others):
        assert status(token) == 200
        if number % 10 == 0:
            assert status(hot) == 429
    assert status(cold) == 200


# --- 8. auth before faults, a throttle per token ---------------------------------------------------------------


def test_a_request_without_a_valid_token_gets_401_even_when_every_request_fails(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client
) -> None:
    running = pcinsights_start_emulator(fail_503=1.0)
    url = running.base_url + "/v1/analytics/licenses/deployment"
    assert plain_http.get(url).status_code == 401
    assert plain_http.get(url, headers={"Authorization": "Basic abc"}).status_code == 401
    assert plain_http.get(url, headers=_bearer(token_for(running))).status_code == 503


def test_unauthenticated_requests_take_nothing_from_the_throttle(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client, fake_clock: FakeClock
) -> None:
    first, second = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
    running = pcinsights_start_emulator(rate_limit=1.0, accepted_tokens=[first, second], clock=fake_clock)
    url = running.base_url + "/v1/customers"
    assert [plain_http.get(url).status_code for _ in range(3)] == [401, 401, 401]
    assert plain_http.get(url, headers=_bearer("not-accepted")).status_code == 401
    statuses = [plain_http.get(url, headers=_bearer(token)).status_code for token in (first, first, second, second)]
    assert statuses == [200, 429, 200, 429]


# --- 7. a big world ------------------------------------------------------------------------------------------

BIG_WORLD = 20_000  # held half-way through its aggregation
WAIT = 60.0  # the bound on every wait of the test that holds it: generous, since a pass never waits that long


def test_a_partner_call_waiting_for_the_aggregates_stalls_no_other_request(
    pcinsights_start_emulator: Callable[..., RunningEmulator], plain_http: httpx.Client
) -> None:
    """Told by the order of events, not by a race against the clock: the aggregation is held mid-way until the
    other requests have been answered, so on any machine they are answered while a partner call waits for it."""
    running = pcinsights_start_emulator(customers=BIG_WORLD)
    auth = _bearer(token_for(running))
    aggregating, release = threading.Event(), threading.Event()

    def hold(done: int) -> None:
        aggregating.set()
        release.wait(WAIT)

    builder = threading.Thread(target=running.world.prepare, kwargs={"progress": hold, "every": BIG_WORLD // 2})
    builder.start()
    first: list[httpx.Response] = []
    call = threading.Thread(
        target=lambda: first.append(
            plain_http.get(running.base_url + "/v1/analytics/licenses/deployment", headers=auth, timeout=WAIT)
        )
    )
    try:
        assert aggregating.wait(WAIT), "the aggregation never started"
        requests_before = running.stats.requests
        call.start()
        deadline = time.monotonic() + WAIT
        while running.stats.requests == requests_before:  # the partner call has reached the server
            assert time.monotonic() < deadline, "the partner call never arrived"
            time.sleep(0.01)
        quick = [
            plain_http.get(running.base_url + "/openapi.json", timeout=WAIT),
            plain_http.get(running.base_url + "/v1/customers", params={"size": 1}, headers=auth, timeout=WAIT),
        ]
        assert [response.status_code for response in quick] == [200, 200]
        assert not running.world.prepared and not first, "the partner call did not wait for the aggregates"
    finally:
        release.set()
        builder.join(WAIT)
        if call.ident is not None:  # started
            call.join(WAIT)
    assert first[0].status_code == 200
    assert first[0].json()["totalCount"] > 0


def test_start_up_builds_a_big_worlds_aggregates_with_progress_while_serving() -> None:
    command = [sys.executable, "-m", "pcinsights.emulator", "--port", "0", "--customers", str(LARGE_WORLD)]
    with _logging_process(command) as (process, written):
        base_url = _announced(written, process)
        spec = httpx.get(base_url + "/openapi.json", timeout=30.0)
        while b"aggregates ready" not in (text := written()):
            assert process.poll() is None, text[-2000:]
            time.sleep(0.05)
    assert spec.status_code == 200
    lines = text.decode().splitlines()
    building = next(number for number, line in enumerate(lines) if line.startswith("building the aggregates"))
    ready = next(number for number, line in enumerate(lines) if line.startswith("aggregates ready"))
    assert f"{LARGE_WORLD:,} customers" in lines[building]
    assert re.fullmatch(rf"aggregates ready: {LARGE_WORLD:,} customers in [0-9.]+ s", lines[ready])
