"""Report files streamed into rows over real HTTP on loopback, sync and async: CSV and TSV, gzip by header and by
magic bytes, byte-order marks, CRLF, RFC 4180 quoting; no token or cookie on the download; a refused link renewed
once; truncated, malformed and cut-off files as typed errors; and memory that stays flat as the file grows."""

from __future__ import annotations

import csv
import gzip
import http.server
import io
import threading
import tracemalloc
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_center_analytics import (
    UNSET,
    AuthenticatedClient,
    ReportDownloadError,
    ReportError,
    ReportFormatError,
    Unset,
    aiter_report_rows,
    iter_report_rows,
)
from partner_center_analytics._report_parse import Column, ReportParser, dict_rows, typed_rows
from partner_center_analytics._report_rows import ReportLink, arows_at, rows_at
from partner_center_analytics.models.report_execution import ReportExecution

TOKEN = "secret-bearer-token-for-reports"
SIG = "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw"


@dataclass
class Reply:
    """One answer: status, headers, the body in chunks; ``cut`` stops after that many bytes and drops the line."""

    body: Iterable[bytes] = ()
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = False  # send Content-Length (else chunked)
    cut: int | None = None


@dataclass
class Files:
    """A file server on loopback: path -> the replies it gives in turn (the last repeats); what each request sent."""

    url: str
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    seen: list[dict[str, str]] = field(default_factory=list)

    def link(self, path: str) -> str:
        return f"{self.url}{path}?se=2030-01-01T00%3A00%3A00Z&sig={SIG}"


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    files: Files

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.files.seen.append({k.lower(): v for k, v in self.headers.items()})
        replies = self.files.routes.get(path) or [Reply(status=404, body=[b"no such file"], length=True)]
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        body = b"".join(reply.body) if reply.length else None
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = 0
        for chunk in [body] if body is not None else reply.body:
            if not chunk:
                continue  # an empty chunk would end a chunked body
            if reply.cut is not None and sent + len(chunk) > reply.cut:
                self.wfile.write(chunk[: reply.cut - sent] if body is not None else b"")
                self.wfile.flush()
                self.close_connection = True
                return
            sent += len(chunk)
            self.wfile.write(chunk if body is not None else b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if body is None:
            self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up mid-file (as a cut-off test makes it) is no server error


@contextmanager
def file_server() -> Iterator[Files]:
    server = _Server(("127.0.0.1", 0), _Handler)
    files = Files(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = type("Handler", (_Handler,), {"files": files})
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield files
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def files() -> Iterator[Files]:
    with file_server() as served:
        yield served


def _client(files: Files) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=files.url, token=TOKEN, cookies={"session": "cookie-value-not-to-send"})


async def rows(mode: str, client: AuthenticatedClient, source: ReportExecution | str, **options: Any) -> list[Any]:
    if mode == "sync":
        return list(iter_report_rows(client, source, **options))
    return [row async for row in aiter_report_rows(client, source, **options)]


async def failure(mode: str, client: AuthenticatedClient, source: ReportExecution | str, **options: Any) -> ReportError:
    with pytest.raises(ReportError) as caught:
        await rows(mode, client, source, **options)
    assert TOKEN not in repr(caught.value) and SIG not in str(caught.value)
    error = caught.value  # no httpx error (its request holds the link) chained to it
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    return caught.value


def execution(link: str | Unset | None, fmt: str | Unset = UNSET, status: str = "Completed") -> ReportExecution:
    return ReportExecution(
        execution_id="6f0c5d5e-0000-4000-8000-000000000002",
        report_id="6f0c5d5e-0000-4000-8000-000000000001",
        format_=fmt,
        execution_status=status,
        report_access_secure_link=link,
    )


QUOTED = b'\xef\xbb\xbfCustomerTenantId,Name,Note\r\nc1,"Contoso, Ltd","line one\r\nline ""two"""\r\nc2,Fabrikam,\r\n'
QUOTED_ROWS = [
    {"CustomerTenantId": "c1", "Name": "Contoso, Ltd", "Note": 'line one\r\nline "two"'},
    {"CustomerTenantId": "c2", "Name": "Fabrikam", "Note": ""},
]


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.mark.parametrize("size", [1, 3, 64 * 1024])
@pytest.mark.parametrize(
    ("encoding", "headers"),
    [
        ("plain", {"Content-Type": "text/csv; charset=utf-8"}),
        ("gzip header", {"Content-Type": "text/csv", "Content-Encoding": "gzip"}),
        ("gzip body", {"Content-Type": "application/octet-stream"}),
        ("gzip both", {"Content-Encoding": "gzip"}),
    ],
)
async def test_quoted_csv_in_every_encoding_and_chunking(
    mode: str, files: Files, encoding: str, headers: dict[str, str], size: int
) -> None:
    body = {"plain": QUOTED, "gzip both": gzip.compress(gzip.compress(QUOTED))}.get(encoding, gzip.compress(QUOTED))
    files.routes["/f"] = [Reply(_chunks(body, size), headers=headers)]
    assert await rows(mode, _client(files), files.link("/f")) == QUOTED_ROWS
    sent = files.seen[-1]
    assert "authorization" not in sent and "cookie" not in sent
    assert TOKEN not in str(sent) and sent["accept-encoding"] == "gzip"


@pytest.mark.parametrize(
    ("fmt", "content_type", "body"),
    [
        ("tsv", "application/octet-stream", b"A\tB,C\n1\t2,3\n"),  # the format says tab, the header has a comma
        (UNSET, "text/tab-separated-values", b"A\tB,C\n1\t2,3\n"),
        (UNSET, "text/plain", b"A\tB\n1\t2,3\n"),  # sniffed: more tabs than commas in the header
        ("csv", "text/tab-separated-values", b"A\tB,C\n1\t2,3\n"),  # the execution's format wins
    ],
)
async def test_the_delimiter_comes_from_format_then_content_type_then_header(
    mode: str, files: Files, fmt: str | Unset, content_type: str, body: bytes
) -> None:
    files.routes["/f"] = [Reply([body], headers={"Content-Type": content_type})]
    found = await rows(mode, _client(files), execution(files.link("/f"), fmt))
    expected = {"A\tB": "1\t2", "C": "3"} if fmt == "csv" else {"A": "1", "B,C": "2,3"}
    if content_type == "text/plain":
        expected = {"A": "1", "B": "2,3"}
    assert found == [expected]


async def test_lf_endings_and_a_last_line_without_one(mode: str, files: Files) -> None:
    files.routes["/f"] = [Reply([b"A,B\n1,2\n\n3,4"], headers={"Content-Type": "text/csv"})]
    assert await rows(mode, _client(files), files.link("/f")) == [{"A": "1", "B": "2"}, {"A": "3", "B": "4"}]


async def test_an_empty_file_has_no_rows(mode: str, files: Files) -> None:
    files.routes["/f"] = [Reply([], headers={"Content-Type": "text/csv"}, length=True)]
    assert await rows(mode, _client(files), files.link("/f")) == []


@pytest.mark.parametrize("status", [403, 404])
async def test_a_refused_link_is_renewed_once(mode: str, files: Files, status: int) -> None:
    files.routes["/old"] = [Reply([b"expired"], status=status, length=True)]
    files.routes["/new"] = [Reply([QUOTED], headers={"Content-Type": "text/csv"})]
    renewed: list[ReportLink] = []

    def refresh(link: ReportLink) -> ReportLink:
        renewed.append(link)
        return attrs.evolve(link, url=files.link("/new"))

    async def arefresh(link: ReportLink) -> ReportLink:
        return refresh(link)

    client = _client(files)
    link = ReportLink(files.link("/old"), ",", "r", "e")
    if mode == "sync":
        found = list(rows_at(client, link, dict_rows, refresh))
    else:
        found = [row async for row in arows_at(client, link, dict_rows, arefresh)]
    assert found == QUOTED_ROWS
    assert renewed == [link]

    files.routes["/new"] = [Reply([b"still refused"], status=403, length=True)]
    with pytest.raises(ReportDownloadError, match="refused even after a fresh link: HTTP 403") as caught:
        if mode == "sync":
            list(rows_at(client, link, dict_rows, refresh))
        else:
            [row async for row in arows_at(client, link, dict_rows, arefresh)]
    assert caught.value.status_code == 403 and SIG not in str(caught.value)


async def test_a_bare_link_refused_is_a_download_error(mode: str, files: Files) -> None:
    files.routes["/f"] = [Reply([b"AuthenticationFailed"], status=403, length=True)]
    error = await failure(mode, _client(files), files.link("/f"))
    assert type(error) is ReportDownloadError and error.status_code == 403
    assert "/f" in str(error)


@pytest.mark.parametrize(
    ("reply", "error", "message"),
    [
        (Reply([gzip.compress(QUOTED)[:-12]], length=True), ReportDownloadError, "truncated"),
        (Reply([gzip.compress(QUOTED)[:-8] + b"\xff" * 8], length=True), ReportFormatError, "corrupt"),
        (Reply([b'A,B\n1,"2"x\n']), ReportFormatError, "not well-formed CSV at row 1"),
        (Reply([b"A,B\n1,2,3\n"]), ReportFormatError, "row 1: 3 cells where the header has 2"),
        (Reply([b"A,A\n1,2\n"]), ReportFormatError, "names the column 'A' twice"),
        (Reply([b'A,B\n1,"never closed\n']), ReportFormatError, "not well-formed CSV at row 1"),
        (Reply([b"A,B\n1,\xff\xfe\n"]), ReportFormatError, "not UTF-8 text (byte 6"),
        (Reply([b"A,B\n1,2\n"], headers={"Content-Type": "text/csv; charset=no-such"}), ReportFormatError, "charset"),
        (Reply([b"A,B\n1,2\n"], headers={"Content-Encoding": "br"}), ReportDownloadError, "did not ask for"),
        (Reply([b"A,B\n" + b"1,2\n" * 5000], length=True, cut=9000), ReportDownloadError, "RemoteProtocolError"),
        (Reply([b"A,B\n", b"1,2\n" * 5000], cut=9000), ReportDownloadError, "failed"),
        (Reply([b"gone"], status=500, length=True), ReportDownloadError, "HTTP 500"),
    ],
    ids=[
        "truncated gzip",
        "corrupt gzip",
        "bad quoting",
        "too many cells",
        "duplicate column",
        "open quote at the end",
        "not utf-8",
        "unknown charset",
        "unasked encoding",
        "dropped (content-length)",
        "dropped (chunked)",
        "server error",
    ],
)
async def test_bad_files_are_typed_errors(
    mode: str, files: Files, reply: Reply, error: type[ReportError], message: str
) -> None:
    files.routes["/f"] = [reply]
    caught = await failure(mode, _client(files), files.link("/f"))
    assert type(caught) is error
    assert message in str(caught)


async def test_rows_before_a_dropped_connection_are_yielded_then_the_error(mode: str, files: Files) -> None:
    files.routes["/f"] = [Reply([b"A,B\n" + b"1,2\n" * 50_000], length=True, cut=150_000)]
    got = 0
    with pytest.raises(ReportDownloadError):
        if mode == "sync":
            for _ in iter_report_rows(_client(files), files.link("/f")):
                got += 1
        else:
            async for _ in aiter_report_rows(_client(files), files.link("/f")):
                got += 1
    assert 0 < got < 50_000


async def test_an_unreachable_link_is_a_download_error(mode: str) -> None:
    with file_server() as gone:
        link = gone.link("/f")
    error = await failure(mode, AuthenticatedClient(base_url=gone.url, token=TOKEN), link)
    assert type(error) is ReportDownloadError and "ConnectError" in str(error)


@pytest.mark.parametrize("link", ["ftp://host/f", "not a url", "/relative/path"])
async def test_a_link_that_is_no_http_url_is_refused(mode: str, link: str) -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=TOKEN)
    assert "not an http(s) URL" in str(await failure(mode, client, link))


def test_an_execution_without_a_link_says_so() -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=TOKEN)
    for link in (None, UNSET, ""):
        with pytest.raises(ReportDownloadError, match=r"no reportAccessSecureLink \(status Pending\)"):
            iter_report_rows(client, execution(link, status="Pending"))


_CELL = st.text(alphabet=st.sampled_from('ab,"\t\r\n é\u2028'), max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    header=st.lists(st.text(alphabet="ABCxyz", min_size=1, max_size=4), min_size=1, max_size=4, unique=True),
    cells=st.lists(st.lists(_CELL, min_size=4, max_size=4), max_size=12),
    tab=st.booleans(),
    compressed=st.booleans(),
    bom=st.booleans(),
    cuts=st.lists(st.integers(min_value=1, max_value=40), max_size=30),
)
def test_any_file_csv_writes_reads_back_at_any_chunking(
    header: list[str], cells: list[list[str]], tab: bool, compressed: bool, bom: bool, cuts: list[int]
) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="\t" if tab else ",", lineterminator="\r\n")
    writer.writerow(header)
    records = [row[: len(header)] for row in cells]
    writer.writerows(records)
    data = ("\ufeff" if bom else "").encode() + out.getvalue().encode()
    data = gzip.compress(data) if compressed else data
    # Guessed from a header of several columns; one column's header cannot tell (the file says so elsewhere).
    delimiter = None if len(header) > 1 else "\t" if tab else ","
    parser = ReportParser(gzip=False, delimiter=delimiter, charset=None, row_plan=dict_rows)
    found: list[Any] = []  # a batch is any iterable of rows
    at = 0
    for size in [*cuts, len(data)]:
        for batch in parser.feed(data[at : at + size]):
            found += batch
        at += size
    found += [row for batch in parser.close() for row in batch]
    assert found == [dict(zip(header, row, strict=True)) for row in records]


# Typed rows: the conversion the license datasets' row models get, on a model of the same shape.


@attrs.define
class SeatsRow:
    customer_tenant_id: str | Unset | None = UNSET
    month: Any = UNSET
    total_sold_seats: int | Unset | None = UNSET
    ratio: float | Unset | None = UNSET
    active: bool | Unset | None = UNSET
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)


SEATS_COLUMNS = {
    "CustomerTenantId": Column("customer_tenant_id", "string"),
    "Month": Column("month", "date"),
    "TotalSoldSeats": Column("total_sold_seats", "integer"),
    "Ratio": Column("ratio", "number", nullable=False),
    "Active": Column("active", "boolean", nullable=False),
}


def _typed(data: bytes, chunk: int = 5) -> list[Any]:
    parser = ReportParser(gzip=False, delimiter=",", charset=None, row_plan=typed_rows(SeatsRow, SEATS_COLUMNS))
    batches = [batch for piece in _chunks(data, chunk) for batch in parser.feed(piece)] + list(parser.close())
    return [row for batch in batches for row in batch]


def test_typed_rows_convert_each_column_and_keep_unknown_ones() -> None:
    import datetime

    found = _typed(
        b"TotalSoldSeats,Extra,month,CustomerTenantId\r\n12,x,2026-11-01,c1\r\n,y,,\r\n3.0,z,2026-10-01,c2\r\n"
    )
    assert [row.additional_properties for row in found] == [{"Extra": "x"}, {"Extra": "y"}, {"Extra": "z"}]
    for row in found:
        row.additional_properties = {}
    assert found == [
        SeatsRow("c1", datetime.date(2026, 11, 1), 12),
        SeatsRow(None, None, None),
        SeatsRow("c2", datetime.date(2026, 10, 1), 3),
    ]
    assert all(row.ratio is UNSET and row.active is UNSET for row in found)
    assert _typed(b"Active,Ratio\ntrue,0.25\nFALSE,1e3\n,\n") == [
        SeatsRow(ratio=0.25, active=True),
        SeatsRow(ratio=1000.0, active=False),
        SeatsRow(ratio=UNSET, active=UNSET),  # not nullable: an empty cell leaves the attribute unset
    ]


@pytest.mark.parametrize(
    ("data", "row", "column"),
    [
        (b"TotalSoldSeats\n1\n2.5\n", 2, "TotalSoldSeats"),
        (b"Month,Ratio\n2026-01-01,0.1\n2026-13-01,0.2\n", 2, "Month"),
        (b"Ratio\nabc\n", 1, "Ratio"),
        (b"Active\nyes\n", 1, "Active"),
        (b"TotalSoldSeats\n" + b"9" * 5000 + b"\n", 1, "TotalSoldSeats"),
    ],
)
def test_a_cell_that_does_not_convert_names_its_row_and_column(data: bytes, row: int, column: str) -> None:
    with pytest.raises(ReportFormatError) as caught:
        _typed(data)
    assert (caught.value.row, caught.value.column) == (row, column)
    assert f"row {row}, column {column}:" in str(caught.value)


def test_a_row_that_never_ends_is_refused_not_held(monkeypatch: pytest.MonkeyPatch) -> None:
    from partner_center_analytics import _report_parse

    parser = ReportParser(gzip=False, delimiter=",", charset=None, row_plan=dict_rows)
    with pytest.raises(ReportFormatError, match="longer than"):
        for _ in range(_report_parse.MAX_ROW_CHARS // 65536 + 2):
            list(parser.feed(b"x" * 65536))


# Flat memory: the peak while streaming 50,000 rows is about that of 5,000 (benchmarks/report_rows.py measures
# 100,000 and 1,000,000; tracemalloc makes every allocation slow, and tests stay fast).


def _rows_body(count: int) -> Callable[[], Iterator[bytes]]:
    line = b"6f0c5d5e-0000-4000-8000-000000000001,Exchange,2026-11-01,1234,987\r\n"

    def body() -> Iterator[bytes]:
        yield b"CustomerTenantId,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers\r\n"
        block = line * 500
        for _ in range(count // 500):
            yield block

    return body


class _Lazy:
    def __init__(self, make: Callable[[], Iterator[bytes]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[bytes]:
        return self.make()


def _gzipped(make: Callable[[], Iterator[bytes]]) -> Callable[[], Iterator[bytes]]:
    def body() -> Iterator[bytes]:
        packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        for block in make():
            yield packer.compress(block)
        yield packer.flush()

    return body


async def _peak(mode: str, files: Files, count: int, gzipped: bool) -> int:
    body, headers = _rows_body(count), {"Content-Type": "text/csv"}
    if gzipped:  # inflating 100 times over: a batch of rows must come from a bounded step of text, not a chunk
        body, headers = _gzipped(body), {**headers, "Content-Encoding": "gzip"}
    files.routes["/big"] = [Reply(_Lazy(body), headers=headers)]
    client = _client(files)
    seen = 0
    tracemalloc.start()
    try:
        if mode == "sync":
            for _ in iter_report_rows(client, files.link("/big")):
                seen += 1
        else:
            async for _ in aiter_report_rows(client, files.link("/big")):
                seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    return peak


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
async def test_memory_stays_flat_as_the_file_grows(mode: str, files: Files, gzipped: bool) -> None:
    small = await _peak(mode, files, 5_000, gzipped)
    large = await _peak(mode, files, 50_000, gzipped)
    assert large < small + 512 * 1024, f"peak {large:,} bytes for 50,000 rows against {small:,} for 5,000"
    assert large < 4 * 1024 * 1024
