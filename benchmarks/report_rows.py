"""Report rows: ``iter_report_rows`` over a report file served on loopback vs ``csv.reader`` over the same bytes in
memory, and the peak memory of streaming 100,000 and 1,000,000 rows, each in a fresh process.

The server is a thread of the measuring process that sends the file from one small block (chunked, as storage
links and the emulator do), so it adds nothing to the peak. The rate compares whole runs, paired round by round
(``paired``): the subject fetches, decodes, splits and builds a dict per row; the baseline ``csv.reader`` only
decodes and splits bytes already in memory into lists (the floor any reader of the file pays), the second one,
``csv.DictReader``, is what a caller wanting dicts would write. Memory is the process's peak RSS (``ru_maxrss``:
interpreter, httpx and all), against a goal of 100 MB, and flat: the million-row peak over the 100,000-row one.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import resource
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from figures import Figure, Goal
from paired import paired
from partner_center_analytics import AuthenticatedClient, iter_report_rows

MB = 1_000_000
HEADER = b"CustomerTenantId,CustomerName,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers\r\n"
LINE = b'6F0C5D5E-0000-4000-8000-0000000000%02d,"Contoso, Ltd",Exchange Online,2026-11-01,1234,987\r\n'
BLOCK_ROWS = 1000


@dataclass(frozen=True)
class Setup:
    """``rate_rows`` rows for the rate (best of ``rounds``), and the two sizes whose peak memory is compared."""

    rate_rows: int = 1_000_000
    rounds: int = 5
    memory_rows: tuple[int, int] = (100_000, 1_000_000)


def _block() -> bytes:
    return b"".join(LINE % (i % 100) for i in range(BLOCK_ROWS))


def _file(rows: int) -> Iterator[bytes]:
    yield HEADER
    block = _block()
    for _ in range(rows // BLOCK_ROWS):
        yield block


def _serve(listener: socket.socket, rows: int, gzipped: bool) -> None:
    """Answer every connection with the file, chunked (gzip on the fly when ``gzipped``)."""
    encoding = "Content-Encoding: gzip\r\n" if gzipped else ""
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n{encoding}Transfer-Encoding: chunked\r\n\r\n".encode()
    while True:
        connection, _ = listener.accept()
        with connection:
            request = b""
            while b"\r\n\r\n" not in request and (data := connection.recv(65536)):
                request += data
            try:
                connection.sendall(head)
                packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS) if gzipped else None
                for chunk in _file(rows):
                    data = packer.compress(chunk) if packer is not None else chunk
                    if data:
                        connection.sendall(b"%x\r\n%s\r\n" % (len(data), data))
                if packer is not None:
                    data = packer.flush()
                    connection.sendall(b"%x\r\n%s\r\n" % (len(data), data))
                connection.sendall(b"0\r\n\r\n")
            except OSError:
                pass


def _server(rows: int, gzipped: bool = False) -> str:
    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_serve, args=(listener, rows, gzipped), daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/file.csv?se=2030-01-01T00%3A00%3A00Z&sig=bench"


def _client() -> AuthenticatedClient:
    return AuthenticatedClient(base_url="http://127.0.0.1:9", token="bench-token")


def _subject(link: str, rows: int) -> float:
    client = _client()
    start = time.perf_counter()
    count = sum(1 for _ in iter_report_rows(client, link))
    seconds = time.perf_counter() - start
    assert count == rows, count
    return seconds


def _baseline(data: bytes, rows: int, dicts: bool = False) -> float:
    start = time.perf_counter()
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    count = sum(1 for _ in (csv.DictReader(text) if dicts else csv.reader(text)))
    seconds = time.perf_counter() - start
    assert count == rows + (not dicts), count
    return seconds


@dataclass(frozen=True)
class Peak:
    """One streamed file in a fresh process: peak RSS at the end, RSS before the call, seconds."""

    peak: int
    before: int
    seconds: float


def _child(rows: int, gzipped: bool) -> Peak:
    link = _server(rows, gzipped)
    _client()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    seconds = _subject(link, rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return Peak(peak, before, seconds)


def _measure(rows: int, gzipped: bool) -> Peak:
    command = [sys.executable, __file__, str(rows), "gzip" if gzipped else "plain"]
    run = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    return Peak(**json.loads(run.stdout))


def run(setup: Setup) -> list[Figure]:
    rows = setup.rate_rows
    link = _server(rows)
    data = b"".join(_file(rows))
    lists = paired(setup.rounds, lambda: _subject(link, rows), lambda: _baseline(data, rows))
    dicts = paired(setup.rounds, lambda: _subject(link, rows), lambda: _baseline(data, rows, dicts=True), warmup=0)
    small_rows, large_rows = setup.memory_rows
    small, large = _measure(small_rows, True), _measure(large_rows, True)
    what = f"{rows:,} rows, {len(data) / MB:.0f} MB of CSV, iter_report_rows over HTTP on loopback into dicts"
    return [
        Figure(
            "report rows parse vs csv.reader",
            f"{rows / lists.subject_s / 1000:.0f}k rows/s",
            f"{rows / lists.baseline_s / 1000:.0f}k rows/s",
            lists.ratio,
            Goal("<=", 1.5),
            detail=f"{what}, vs csv.reader into lists over the bytes in memory; {lists.spread()}",
        ),
        Figure(
            "report rows parse vs csv.DictReader",
            f"{rows / dicts.subject_s / 1000:.0f}k rows/s",
            f"{rows / dicts.baseline_s / 1000:.0f}k rows/s",
            dicts.ratio,
            detail=f"{what}, vs csv.DictReader over the bytes in memory; {dicts.spread()}",
        ),
        Figure(
            "report rows peak memory",
            f"peak RSS {large.peak / MB:.0f} MB at {large_rows:,} rows",
            f"{small.peak / MB:.0f} MB at {small_rows:,} rows",
            large.peak / small.peak,
            Goal("<=", 1.1),
            also_required=large.peak < 100 * MB,
            detail=(
                f"gzip over the wire; the whole process (interpreter, httpx: {large.before / MB:.0f} MB before the "
                f"call); goal also < 100 MB; {large_rows:,} rows in {large.seconds:.1f} s"
            ),
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(dataclasses.asdict(_child(int(sys.argv[1]), sys.argv[2] == "gzip"))))
