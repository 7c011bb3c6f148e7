"""One report end to end through the emulator: a scheduled report of 1,000,000 OfficeUsage rows (every column,
LIFETIME, LIMIT to make it exact) written on a fast clock, then downloaded and parsed by the client.

The emulator runs in its own process (``emulator_process``), so its scheduler and file server never compete for
the measuring process's GIL. The query and a report due 4 hours ahead are created through the client; the clock is
advanced 4 hours through the control API, and the write is timed from that advance until the execution reads
``Completed`` (polled every ``POLL`` seconds). Its baseline is a copy of the same file through the ``csv`` module
(``csv.reader`` into ``csv.writer`` into gzip at the emulator's level): what writing these rows costs when they
already exist. A second report of 100,000 rows is written the same way, for the memory figure.

The file is downloaded once (gzip, as served) and decompressed to disk. The client's rate is ``iter_report_rows``
from the emulator (download, inflate, split, a dict or an ``OfficeUsageRow`` per row) against ``csv.reader`` over
the decompressed bytes (the floor any reader of the file pays), paired round by round (``paired``) on this process's
CPU time, the wall clock's ratio beside it (``_rate_paired`` says why). Memory is the peak RSS (``VmHWM``) of a
fresh process that only streams a file into dicts, at 100,000 and at 1,000,000 rows.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import gzip
import itertools
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import httpx
from figures import Figure, Goal
from paired import Paired, paired
from partner_center_analytics import AuthenticatedClient, iter_report_rows
from partner_center_analytics.api.reports import (
    create_report,
    create_report_query,
    get_report_datasets,
    get_report_executions,
)
from partner_center_analytics.models.report_create import ReportCreate
from partner_center_analytics.models.report_execution import ReportExecution
from partner_center_analytics.models.report_execution_list import ReportExecutionList
from partner_center_analytics.models.report_query_create import ReportQueryCreate

MB = 1_000_000
DATASET = "OfficeUsage"

LEAD = 4 * 3600 + 120  # StartTime: the 4-hour rule, with room for the seconds the clock moves meanwhile
ADVANCE = LEAD + 120  # the clock moves past StartTime
POLL = 0.1  # seconds between reads of the execution while the emulator writes
WRITE_BUDGET = 60.0  # seconds: a write slower than this is worth a profile
WRITE_TIMEOUT = 600.0
COMPRESS_LEVEL = 1  # the emulator's (reports/files.py): the baseline copy compresses the same way
RATE = Goal("<=", 1.5)
MEMORY_FLAT = Goal("<=", 1.1)
MEMORY_LIMIT = 100 * MB


@dataclass(frozen=True)
class Setup:
    """A world of ``customers`` (enough LIFETIME OfficeUsage rows for ``rows``); the second report's ``small_rows``;
    ``rounds`` paired rounds per rate."""

    customers: int = 27_000
    rows: int = 1_000_000
    small_rows: int = 100_000
    rounds: int = 5


@dataclass(frozen=True)
class Written:
    """A report the emulator wrote: its id, and the seconds from the clock's advance to ``Completed``."""

    report_id: str
    seconds: float


@dataclass(frozen=True)
class Peak:
    """One file streamed in a fresh process: peak RSS at the end, peak RSS before the call, seconds."""

    peak: int
    before: int
    seconds: float


@dataclass(frozen=True)
class Dataset:
    """What the emulator's datasets call says of ``DATASET``: its columns and the shortest recurrence allowed."""

    columns: tuple[str, ...]
    recurrence: int

    @classmethod
    def read(cls, client: AuthenticatedClient) -> Dataset:
        found = get_report_datasets.sync(client=client, dataset_name=DATASET).value[0]
        if not isinstance(found.selectable_columns, list) or not isinstance(found.minimum_recurrence_interval, int):
            raise RuntimeError(f"the emulator lists {DATASET} without its columns or minimumRecurrenceInterval")
        return cls(tuple(found.selectable_columns), found.minimum_recurrence_interval)

    def query(self, rows: int) -> str:
        """Every column, every month kept (LIFETIME), exactly ``rows`` rows (when the world has that many)."""
        return f"SELECT {', '.join(self.columns)} FROM {DATASET} LIMIT {rows} TIMESPAN LIFETIME"


def _emulator_now(control: httpx.Client) -> datetime:
    answer = control.get("/_emulator/clock")
    answer.raise_for_status()
    return datetime.strptime(answer.json()["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _completed(client: AuthenticatedClient, report_id: str) -> ReportExecution | None:
    """The report's completed execution with a fresh link, or None before it completes (the 404 the docs note)."""
    answer = get_report_executions.sync_detailed(report_id, client=client)
    if answer.status_code == 404:
        return None
    parsed = answer.parsed
    if not isinstance(parsed, ReportExecutionList):
        raise RuntimeError(f"reading report {report_id}'s executions answered HTTP {int(answer.status_code)}")
    return parsed.value[0] if parsed.value else None


def _scheduled(client: AuthenticatedClient, control: httpx.Client, dataset: Dataset, rows: int) -> Written:
    """Create the query and a report due in 4 hours, advance the clock past it and time the write."""
    query = create_report_query.sync(
        client=client, body=ReportQueryCreate(name=f"e2e {rows}", query=dataset.query(rows))
    )
    report = create_report.sync(
        client=client,
        body=ReportCreate(
            report_name=f"e2e {rows}",
            query_id=UUID(str(query.value[0].query_id)),
            start_time=_emulator_now(control) + timedelta(seconds=LEAD),
            recurrence_interval=dataset.recurrence,
            recurrence_count=1,
        ),
    )
    report_id = str(report.value[0].report_id)
    start = time.perf_counter()
    control.post("/_emulator/clock", json={"advance": ADVANCE}).raise_for_status()
    while _completed(client, report_id) is None:
        if time.perf_counter() - start > WRITE_TIMEOUT:
            raise RuntimeError(f"the emulator did not write {rows:,} rows within {WRITE_TIMEOUT:.0f} s")
        time.sleep(POLL)
    return Written(report_id, time.perf_counter() - start)


def _download(link: str, folder: Path) -> tuple[Path, Path]:
    """The file once, as served (gzip), and decompressed beside it."""
    packed, plain = folder / "report.csv.gz", folder / "report.csv"
    with packed.open("wb") as out, httpx.stream("GET", link, headers={"Accept-Encoding": "gzip"}) as answer:
        answer.raise_for_status()
        if answer.headers.get("Content-Encoding") != "gzip":
            raise RuntimeError("the emulator did not send the file gzip-compressed")
        for chunk in answer.iter_raw():
            out.write(chunk)
    with gzip.open(packed, "rb") as source, plain.open("wb") as out:
        shutil.copyfileobj(source, out, 1024 * 1024)
    return packed, plain


def _copy(plain: Path, folder: Path) -> float:
    """Seconds to write the file's rows again as the emulator does: ``csv.writer`` into gzip, from ``csv.reader``."""
    start = time.perf_counter()
    with (
        plain.open(encoding="utf-8", newline="") as source,
        gzip.open(folder / "copy.csv.gz", "wt", COMPRESS_LEVEL, encoding="utf-8", newline="") as out,
    ):
        csv.writer(out, lineterminator="\r\n").writerows(csv.reader(source))
    return time.perf_counter() - start


def _subject(client: AuthenticatedClient, execution: ReportExecution, rows: int, dataset: str | None = None) -> None:
    count = sum(1 for _ in iter_report_rows(client, execution, dataset=dataset))
    if count != rows:
        raise RuntimeError(f"iter_report_rows gave {count:,} rows, not {rows:,}")


def _baseline(plain: Path, rows: int, dicts: bool = False) -> None:
    """``csv.reader`` over the file into lists; with ``dicts``, into a dict per row too, in C loops (the least a
    reader handing out dicts pays)."""
    with plain.open(encoding="utf-8", newline="") as text:
        reader = csv.reader(text)
        if dicts:
            header = next(reader)
            count = 1 + sum(1 for _ in map(dict, map(zip, itertools.repeat(header), reader)))
        else:
            count = sum(1 for _ in reader)
    if count != rows + 1:
        raise RuntimeError(f"csv.reader gave {count:,} lines, not {rows + 1:,}")


@dataclass(frozen=True)
class Rate:
    """Paired rounds of both sides: ``cpu``, this process's CPU seconds (the figure), and ``wall``, the same
    rounds' wall seconds (shown beside it)."""

    cpu: Paired
    wall: Paired


def _rate_paired(rounds: int, subject: Callable[[], None], baseline: Callable[[], None], warmup: int = 1) -> Rate:
    """``paired`` on this process's CPU time. On a shared two-core machine the subject waits on a second process
    (the emulator sends the file) and the baseline does not, so wall-clock rounds swing with the other jobs far
    more than CPU time does; the wall ratio is kept too."""
    walls: tuple[list[float], list[float]] = ([], [])

    def side(work: Callable[[], None], into: list[float]) -> Callable[[], float]:
        def run() -> float:
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            into.append(time.perf_counter() - wall)
            return time.process_time() - cpu

        return run

    cpu = paired(rounds, side(subject, walls[0]), side(baseline, walls[1]), warmup)
    # paired times the warm-up rounds too, first; drop them
    return Rate(cpu, Paired(walls[0][warmup:], walls[1][warmup:]))


def _peak_rss() -> int:
    """This process's peak RSS in bytes: ``VmHWM``, which (unlike ``ru_maxrss``) starts afresh at exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child(link: str, rows: int) -> Peak:
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="bench-token")  # the link needs no token
    client.get_httpx_client()
    before = _peak_rss()
    start = time.perf_counter()
    count = sum(1 for _ in iter_report_rows(client, link))
    seconds = time.perf_counter() - start
    if count != rows:
        raise RuntimeError(f"iter_report_rows gave {count:,} rows, not {rows:,}")
    return Peak(_peak_rss(), before, seconds)


def _measure(link: str, rows: int) -> Peak:
    """Stream the file at ``link`` in a fresh process (the link goes on stdin: it is a credential)."""
    command = [sys.executable, __file__, "stream", str(rows)]
    run = subprocess.run(command, input=link, capture_output=True, text=True, check=True, timeout=900)
    return Peak(**json.loads(run.stdout))


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds / 1000:.0f}k rows/s"


def _rate_figure(name: str, rows: int, rate: Rate, goal: Goal | None, what: str) -> Figure:
    cpu, wall = rate.cpu, rate.wall
    return Figure(
        name,
        f"{_rate(rows, cpu.subject_s)} (CPU)",
        _rate(rows, cpu.baseline_s),
        cpu.ratio,
        goal,
        detail=(
            f"{what}; on this process's CPU time, {cpu.spread()}; on the wall clock ratio {wall.ratio:.2f} "
            f"({_rate(rows, wall.subject_s)} vs {_rate(rows, wall.baseline_s)}, {min(wall.ratios):.2f}-"
            f"{max(wall.ratios):.2f})"
        ),
    )


def run(setup: Setup) -> list[Figure]:
    from emulator_process import emulator_process, token_for  # the emulator's side: not for the streaming child

    rows, small_rows = setup.rows, setup.small_rows
    with (
        emulator_process(f"--customers={setup.customers}") as base_url,
        httpx.Client(base_url=base_url, timeout=60.0) as control,
        tempfile.TemporaryDirectory(prefix="report-e2e-") as temporary,
    ):
        client = AuthenticatedClient(base_url=base_url, token=token_for(base_url))
        dataset = Dataset.read(client)
        large = _scheduled(client, control, dataset, rows)
        small = _scheduled(client, control, dataset, small_rows)
        # Read after the last clock move: links are signed anew on each read and expire by the emulator's clock.
        execution, small_execution = (_completed(client, written.report_id) for written in (large, small))
        if execution is None or small_execution is None:
            raise RuntimeError("a completed execution vanished")
        link, small_link = (str(e.report_access_secure_link) for e in (execution, small_execution))
        folder = Path(temporary)
        packed, plain = _download(link, folder)
        copy = _copy(plain, folder)
        small_peak, large_peak = _measure(small_link, small_rows), _measure(link, rows)
        dict_rows = functools.partial(_subject, client, execution, rows)
        lists = functools.partial(_baseline, plain, rows)
        dicts = _rate_paired(setup.rounds, dict_rows, lists)
        floor = _rate_paired(setup.rounds, dict_rows, functools.partial(_baseline, plain, rows, dicts=True), 0)
        typed = _rate_paired(setup.rounds, functools.partial(_subject, client, execution, rows, DATASET), lists, 0)
        gzip_mb, raw_mb = packed.stat().st_size / MB, plain.stat().st_size / MB
    columns = len(dataset.columns)
    what = f"{rows:,} rows, {raw_mb:.0f} MB of CSV ({gzip_mb:.0f} MB gzip) from the emulator"
    return [
        Figure(
            "report e2e emulator write",
            f"{rows:,} rows in {large.seconds:.1f} s",
            f"csv copy {copy:.1f} s",
            large.seconds / copy,
            detail=(
                f"{DATASET}, {columns} columns, LIFETIME, {setup.customers:,} customers; from the clock's advance to "
                f"Completed ({_rate(rows, large.seconds)}); file {gzip_mb:.1f} MB gzip, {raw_mb:.1f} MB raw; "
                f"{small_rows:,} rows in {small.seconds:.1f} s; one run each; "
                f"{'within' if large.seconds <= WRITE_BUDGET else 'over'} the {WRITE_BUDGET:.0f} s budget; "
                "baseline: csv.reader into csv.writer into gzip over the same file"
            ),
        ),
        _rate_figure(
            "report e2e parse (dicts) vs csv.reader",
            rows,
            dicts,
            RATE,
            f"{what}: iter_report_rows into dicts vs csv.reader into lists over the decompressed bytes on disk",
        ),
        _rate_figure(
            "report e2e parse (dicts) vs csv.reader into dicts",
            rows,
            floor,
            None,
            f"the same, against csv.reader over the same bytes with dict(zip(header, row)) for each row (the price "
            f"of a {columns}-key dict per row, which the goal's baseline leaves out)",
        ),
        _rate_figure(
            "report e2e parse (OfficeUsageRow) vs csv.reader",
            rows,
            typed,
            RATE,
            f"{what}: iter_report_rows into OfficeUsageRow models, against csv.reader into lists",
        ),
        Figure(
            "report e2e client peak memory",
            f"peak RSS {large_peak.peak / MB:.0f} MB at {rows:,} rows",
            f"{small_peak.peak / MB:.0f} MB at {small_rows:,} rows",
            large_peak.peak / small_peak.peak,
            MEMORY_FLAT,
            also_required=large_peak.peak < MEMORY_LIMIT,
            detail=(
                f"dict rows from the emulator's gzip, in a process that only streams the file "
                f"({large_peak.before / MB:.0f} MB before the call); goal also < {MEMORY_LIMIT / MB:.0f} MB; "
                f"{rows:,} rows in {large_peak.seconds:.1f} s"
            ),
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(dataclasses.asdict(_child(sys.stdin.read().strip(), int(sys.argv[2])))))
