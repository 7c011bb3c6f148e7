"""Report rows: ``iter_report_rows`` over a report file served on loopback vs ``csv.reader`` over the same bytes in
memory, and the peak memory of streaming 100,000 and 1,000,000 rows, each in a fresh process.

The server is a process of its own that sends the file from one small block (chunked, as storage links and the
emulator do), so it neither competes for the measuring process's GIL nor adds to its peak. The rate compares whole
runs, paired round by round (``paired``): the subject fetches, decodes, splits and builds a dict per row; the
baseline ``csv.reader`` only decodes and splits bytes already in memory into lists (the floor any reader of the
file pays), the second one, ``csv.DictReader``, is what a caller wanting dicts would write; typed rows (the
OfficeUsage row model) are compared with dict rows. Memory is the peak RSS of a fresh process that only streams
the file (``VmHWM``: interpreter, httpx and all), against a goal of 100 MB, and flat: the million-row peak over the
100,000-row one.
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
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _server(rows: int, gzipped: bool) -> Iterator[str]:
    """A server process for the file; the link to it (signed like a real one, though nothing checks it)."""
    command = [sys.executable, __file__, "serve", str(rows), "gzip" if gzipped else "plain"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            yield f"{process.stdout.readline().strip()}/file.csv?se=2030-01-01T00%3A00%3A00Z&sig=bench"
        finally:
            process.terminate()


def _listen(rows: int, gzipped: bool) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    print(f"http://127.0.0.1:{listener.getsockname()[1]}", flush=True)
    _serve(listener, rows, gzipped)


def _client() -> AuthenticatedClient:
    return AuthenticatedClient(base_url="http://127.0.0.1:9", token="bench-token")


def _subject(link: str, rows: int, dataset: str | None = None) -> float:
    client = _client()
    start = time.perf_counter()
    count = sum(1 for _ in iter_report_rows(client, link, dataset=dataset))
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


def _peak_rss() -> int:
    """This process's peak RSS in bytes: ``VmHWM``, which (unlike ``ru_maxrss``) starts afresh at exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass(frozen=True)
class Peak:
    """One streamed file in a fresh process: peak RSS at the end, peak RSS before the call, seconds."""

    peak: int
    before: int
    seconds: float


def _child(link: str, rows: int) -> Peak:
    _client()  # built once before, as the measured call's own client is
    before = _peak_rss()
    seconds = _subject(link, rows)
    return Peak(_peak_rss(), before, seconds)


def _measure(rows: int) -> Peak:
    with _server(rows, gzipped=True) as link:
        command = [sys.executable, __file__, "stream", link, str(rows)]
        run = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    return Peak(**json.loads(run.stdout))


def run(setup: Setup) -> list[Figure]:
    small_rows, large_rows = setup.memory_rows
    small, large = _measure(small_rows), _measure(large_rows)
    rows = setup.rate_rows
    data = b"".join(_file(rows))
    with _server(rows, gzipped=False) as link:
        lists = paired(setup.rounds, lambda: _subject(link, rows), lambda: _baseline(data, rows))
        dicts = paired(setup.rounds, lambda: _subject(link, rows), lambda: _baseline(data, rows, dicts=True), 0)
        typed = paired(setup.rounds, lambda: _subject(link, rows, "OfficeUsage"), lambda: _subject(link, rows), 0)
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
            "report rows typed vs dicts",
            f"{rows / typed.subject_s / 1000:.0f}k rows/s",
            f"{rows / typed.baseline_s / 1000:.0f}k rows/s",
            typed.ratio,
            detail=(
                f"the same file as OfficeUsageRow models (two integer columns converted) vs dicts, both through "
                f"iter_report_rows; {typed.spread()}"
            ),
        ),
        Figure(
            "report rows peak memory",
            f"peak RSS {large.peak / MB:.0f} MB at {large_rows:,} rows",
            f"{small.peak / MB:.0f} MB at {small_rows:,} rows",
            large.peak / small.peak,
            Goal("<=", 1.1),
            also_required=large.peak < 100 * MB,
            detail=(
                f"gzip over the wire, in a process that only streams the file ({large.before / MB:.0f} MB before the "
                f"call: interpreter, httpx, the client); goal also < 100 MB; {large_rows:,} rows in "
                f"{large.seconds:.1f} s"
            ),
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        _listen(int(sys.argv[2]), sys.argv[3] == "gzip")
    else:
        print(json.dumps(dataclasses.asdict(_child(sys.argv[2], int(sys.argv[3])))))
