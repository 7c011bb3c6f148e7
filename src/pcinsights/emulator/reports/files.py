"""Report files: written as gzip-compressed CSV or TSV, served at their signed links.

A file is UTF-8 text with a header row of the selected columns, CRLF line ends and RFC 4180 quoting (the ``csv``
module's; TSV quotes by the same rules with a tab for the comma). It is written row by row (never whole in
memory) to a temporary name, flushed to disk and renamed, so a file the store names is always complete.
At its link (no bearer; outside faults and stats) it is sent as stored with ``Content-Encoding: gzip`` when the
request accepts gzip, else decompressed as it streams out. A tampered or expired link is a 403, a link to an
execution the store no longer knows a 404; only files the store names by execution id are ever read.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse

from pcinsights.emulator.guid import is_guid
from pcinsights.emulator.reports.links import LinkSigner
from pcinsights.emulator.reports.store import COMPLETED, ExecutionRecord, ReportStore

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
_DELIMITERS = {"csv": ",", "tsv": "\t"}
_CHUNK = 64 * 1024
_COMPRESS_LEVEL = 1  # loopback: speed over size


def write_report(
    folder: Path, execution_id: str, fmt: str, columns: Iterable[str], rows: Iterable[Iterable[object]]
) -> tuple[str, int]:
    """Write one execution's file into ``folder``; its name there and its uncompressed size in bytes."""
    name = f"{execution_id}.{fmt}.gz"
    partial = folder / f".{name}.partial"
    with partial.open("wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=_COMPRESS_LEVEL, mtime=0) as packed:
            text = io.TextIOWrapper(packed, encoding="utf-8", newline="", write_through=False)
            writer = csv.writer(text, delimiter=_DELIMITERS[fmt], lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows(rows)  # None as an empty field, anything else as its str()
            text.flush()
            size = packed.tell()
            text.detach()
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(partial, folder / name)
    return name, size


def remove_files(folder: Path, names: Iterable[str]) -> None:
    """Remove files the store no longer names (a deleted report's, a reset's); a missing one is no error."""
    for name in names:
        (folder / Path(name).name).unlink(missing_ok=True)


def accepts_gzip(header: str) -> bool:
    """Whether an ``Accept-Encoding`` value accepts gzip (named, or by ``*``, with a q above 0)."""
    weights: dict[str, float] = {}
    for item in header.split(","):
        coding, _, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if coding:
            weights[coding.strip().lower()] = weight
    for coding in ("gzip", "x-gzip"):
        if coding in weights:
            return weights[coding] > 0
    return weights.get("*", 0.0) > 0


def _decompressed(path: Path) -> Iterator[bytes]:
    with gzip.open(path, "rb") as packed:
        while chunk := packed.read(_CHUNK):
            yield chunk


class FileServer:
    """The ``/_files/{executionId}`` endpoint (``serve``): checks the link, then sends the execution's file."""

    def __init__(
        self, store: ReportStore, signer: LinkSigner, now: Callable[[], float], folder: Callable[[], Path]
    ) -> None:
        self.store = store
        self.signer = signer
        self.now = now
        self.folder = folder

    async def serve(self, request: Request) -> Response:
        execution_id = str(request.path_params["execution_id"]).lower()
        params = request.query_params
        if not is_guid(execution_id) or not self.signer.check(
            execution_id, params.get("se"), params.get("sig"), self.now()
        ):
            return PlainTextResponse("This link is not valid, or it has expired.", status_code=403)
        execution = await run_in_threadpool(self._completed, execution_id)
        path = None if execution is None or execution.file is None else self.folder() / execution.file
        if execution is None or path is None or not path.is_file():
            return PlainTextResponse("No such report file.", status_code=404)
        media_type = MEDIA_TYPES.get(execution.format, "text/plain; charset=utf-8")
        headers = {
            "Content-Disposition": f'attachment; filename="{execution_id}.{execution.format}"',
            "Vary": "Accept-Encoding",
        }
        if accepts_gzip(request.headers.get("accept-encoding", "")):
            return FileResponse(path, media_type=media_type, headers={**headers, "Content-Encoding": "gzip"})
        if execution.raw_bytes is not None:
            headers["Content-Length"] = str(execution.raw_bytes)
        return StreamingResponse(_decompressed(path), media_type=media_type, headers=headers)

    def _completed(self, execution_id: str) -> ExecutionRecord | None:
        with self.store.transaction() as tx:
            execution = tx.execution(execution_id)
        return execution if execution is not None and execution.status == COMPLETED else None
