"""What each ``pcinsights reports`` command asks of the partner insights reports API, as rows to print.

The calls are synchronous: ``run_report`` does the waiting (backoff, ``Retry-After``, a deadline) and
``iter_report_rows`` streams a report file, so its rows reach stdout as they are read and the file is never held
whole. Rows keep the API's names: the JSON names of the listings, the file's header for report rows.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import httpx
from partner_center_analytics import (
    UNSET,
    AuthenticatedClient,
    NotFoundError,
    ReportDownloadError,
    Unset,
    iter_report_rows,
    run_report,
)
from partner_center_analytics.api.reports import (
    get_report_datasets,
    get_report_executions,
    get_report_queries,
    get_reports,
    try_report_query,
)
from partner_center_analytics.models import ReportExecution, ReportExecutionStatus, ReportFileFormat

from pcinsights.cli.fetch import Row
from pcinsights.cli.logs import log

# The documented statuses (the spec's); the service may add others, which --status cannot ask for but listings show.
STATUSES = tuple(status.value for status in ReportExecutionStatus)
COMPLETED = ReportExecutionStatus.COMPLETED.value
# FROM and the dataset's name: what a query reads decides whether its rows are typed (the service checks the rest).
_FROM = re.compile(r"\bFROM\s+([A-Za-z_]\w*)", re.IGNORECASE)
# A report file is written by the service as it runs: a slow first byte is no failure, a stalled transfer is.
_DOWNLOAD_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
_STALE_LINK = frozenset({403, 404})  # an expired or vanished link: the execution gives a fresh one, once


class SystemQueries(StrEnum):
    """Which queries ``reports queries`` lists: yours and the system ones, the system ones only, or yours only."""

    WITH = "with"
    ONLY = "only"
    WITHOUT = "without"


class OutputFileError(Exception):
    """``--output`` could not be written; the message names the file and why."""


def _given(value: Any) -> Any:
    """None (an option not given) as UNSET, which the generated operations leave out of the request."""
    return UNSET if value is None else value


def row_of(item: Any) -> Row:
    """A row as printed: a model's JSON names (``to_dict``), or a file row's mapping as it is."""
    to_dict = getattr(item, "to_dict", None)
    return to_dict() if callable(to_dict) else dict(item)


def dataset_of(query: str) -> str | None:
    """The dataset ``query`` reads (its FROM), so that a license dataset's rows come typed; None when it names none."""
    found = _FROM.search(query)
    return found.group(1) if found else None


def datasets(client: AuthenticatedClient, *, name: str | None) -> list[Row]:
    answer = get_report_datasets.sync(client=client, dataset_name=_given(name))
    return [row_of(item) for item in answer.value]


def queries(client: AuthenticatedClient, *, query_id: str | None, name: str | None, system: SystemQueries) -> list[Row]:
    answer = get_report_queries.sync(
        client=client,
        query_id=_given(query_id),
        query_name=_given(name),
        include_system_queries=system is not SystemQueries.WITHOUT,
        include_only_system_queries=system is SystemQueries.ONLY,
    )
    return [row_of(item) for item in answer.value]


def try_query(
    client: AuthenticatedClient,
    *,
    query: str | None,
    query_id: str | None,
    start: datetime | None,
    end: datetime | None,
) -> list[Row]:
    """The first rows of a query (the service returns at most 100), by its text or a saved query's id."""
    answer = try_report_query.sync(
        client=client,
        export_query=_given(query),
        query_id=_given(query_id),
        start_time=_given(start),
        end_time=_given(end),
    )
    return [row_of(item) for item in answer.value]


def reports(client: AuthenticatedClient, *, report_id: str | None, name: str | None, query_id: str | None) -> list[Row]:
    answer = get_reports.sync(
        client=client, report_id=_given(report_id), report_name=_given(name), query_id=_given(query_id)
    )
    return [row_of(item) for item in answer.value]


def executions(
    client: AuthenticatedClient,
    report_id: str,
    *,
    statuses: tuple[str, ...],
    every: bool,
    execution_id: str | None = None,
) -> list[ReportExecution]:
    """The report's executions in these statuses: the latest one, or (``every``) all of the last 90 days."""
    answer = get_report_executions.sync(
        report_id,
        client=client,
        execution_id=_given(execution_id),
        execution_status=";".join(statuses),
        get_latest_execution=not every,
    )
    return list(answer.value)


def execution_to_read(client: AuthenticatedClient, report_id: str, execution_id: str | None) -> ReportExecution:
    """The execution ``download`` reads: the one named, else the report's latest completed one.

    The named one is looked up in every status, so that one not yet completed is said to be so (by
    ``iter_report_rows``, or ``save_file``) rather than not found. Each read carries a fresh link.
    """
    if execution_id is None:
        found = executions(client, report_id, statuses=(COMPLETED,), every=False)
    else:
        found = executions(client, report_id, statuses=STATUSES, every=True, execution_id=execution_id)
    if not found:  # the service answers a 404 rather than nothing; an empty answer is taken as one
        raise NotFoundError(f"report {report_id} has no such execution", status_code=404)
    execution: ReportExecution = found[0]
    return execution


def report_dataset(client: AuthenticatedClient, report_id: str) -> str | None:
    """The dataset the report's query reads, for typed rows; None when the report has no query text."""
    found = get_reports.sync(client=client, report_id=report_id).value
    query = found[0].query if found else None
    return dataset_of(query) if isinstance(query, str) else None


def run(
    client: AuthenticatedClient,
    query: str,
    *,
    name: str | None,
    start: datetime | None,
    end: datetime | None,
    file_format: ReportFileFormat,
    deadline: float,
) -> ReportExecution:
    """Run ``query`` now and wait for its file: the completed execution (its report stays, as a run-now report)."""
    started = time.perf_counter()
    execution = run_report(
        client, query, name=name, query_start=start, query_end=end, format=file_format.upper(), deadline=deadline
    )
    log.info("report %s completed in %.3fs", execution.report_id, time.perf_counter() - started)
    return execution


def file_rows(client: AuthenticatedClient, execution: ReportExecution, dataset: str | None) -> Iterator[Row]:
    """The rows of the execution's file as they are read: typed for a license dataset (numbers as numbers)."""
    rows = iter_report_rows(client, execution, dataset=dataset)  # a run with no file fails here, before a row
    return (row_of(row) for row in rows)


def save_file(execution: ReportExecution, path: Path, fresh: Callable[[], ReportExecution]) -> int:
    """Write the execution's file to ``path`` as served (CSV or TSV, uncompressed): its size in bytes.

    Streamed to a temporary file beside ``path`` that replaces it once whole, so a failed download leaves no half
    file. The link is its own credential: no bearer token goes with it, and messages leave out its query (the
    signature). A refused (403) or vanished (404) link is replaced once by ``fresh()``'s.
    """
    partial = path.with_name(f".{path.name}.part")
    try:
        with httpx.Client(timeout=_DOWNLOAD_TIMEOUT, follow_redirects=True) as http:
            size = _download(http, execution, partial, fresh)
        os.replace(partial, path)
    except OSError as error:
        raise OutputFileError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return size


def _download(
    http: httpx.Client, execution: ReportExecution, partial: Path, fresh: Callable[[], ReportExecution]
) -> int:
    link = _link(execution)
    try:
        response = http.send(http.build_request("GET", link), stream=True)
        again = ""
        if response.status_code in _STALE_LINK:
            response.close()
            link, again = _link(fresh()), " even after a fresh link"
            response = http.send(http.build_request("GET", link), stream=True)
        try:
            if response.status_code != 200:
                raise ReportDownloadError(
                    f"the report file at {_shown(link)} was refused{again}: HTTP {response.status_code}",
                    status_code=response.status_code,
                )
            size = 0
            with partial.open("wb") as out:
                for chunk in response.iter_bytes():
                    size += out.write(chunk)
            return size
        finally:
            response.close()
    except httpx.HTTPError as error:
        what = "timed out" if isinstance(error, httpx.TimeoutException) else "failed"
        raise ReportDownloadError(
            f"the download of the report file at {_shown(link)} {what} ({type(error).__name__})"
        ) from None


def _link(execution: ReportExecution) -> str:
    link = execution.report_access_secure_link
    if isinstance(link, str) and link:
        return link
    status = execution.execution_status
    shown = "unknown" if isinstance(status, Unset) else str(status)
    raise ReportDownloadError(
        f"execution {execution.execution_id} has no file yet (status {shown}): only a Completed execution has one"
    )


def _shown(link: str) -> str:
    """The link without its query string, which holds the signature."""
    try:
        return str(httpx.URL(link).copy_with(query=None, fragment=None))
    except (httpx.InvalidURL, ValueError, TypeError):
        return "(a link that is not a URL)"
