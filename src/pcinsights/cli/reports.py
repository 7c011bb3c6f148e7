"""``pcinsights reports ...``: Partner Center's partner insights reports API (license and seat data per customer and
month): its datasets and queries, a query tried or run to completion, the reports and their executions, a file.

Each command is options, a call in ``report_calls`` and the rows it gives, printed in the chosen format. A report's
rows are streamed from its file to stdout; a spinner on stderr (a terminal only) shows the wait and the rows read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.models import ReportExecutionStatus, ReportFileFormat
from rich.console import Console

from pcinsights.cli import output, report_calls
from pcinsights.cli.failures import EXPECTED, fail_with
from pcinsights.cli.fetch import Row
from pcinsights.cli.options import (
    Connection,
    FormatOpt,
    OutputFormat,
    examples,
    resolve_format,
    with_connection,
)
from pcinsights.cli.progress import ReportProgress
from pcinsights.cli.report_calls import SystemQueries
from pcinsights.cli.session import open_client

NO_CHART = "reports rows have no chart; use table, json, ndjson or csv"
OFFICE_USAGE = (
    "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits, MonthlyActiveUsers FROM OfficeUsage TIMESPAN LAST_MONTH"
)
QUERY_HELP = "A query: SELECT columns, metrics FROM dataset [WHERE ...] [ORDER BY ...] [LIMIT n] [TIMESPAN ...]."
stderr = Console(stderr=True)
# What a listing's table shows (json, ndjson and csv have every field): enough to tell the items apart and act.
QUERY_COLUMNS = ("queryId", "name", "type", "query")
REPORT_COLUMNS = ("reportId", "reportName", "reportStatus", "startTime", "recurrenceInterval", "format", "query")
EXECUTION_COLUMNS = ("executionId", "reportId", "executionStatus", "format", "reportGeneratedTime", "reportExpiryTime")
# A command's rows: a listing (printed whole), a report file's (streamed) or none (a file saved); the progress shows
# the wait.
Rows = list[Row] | Iterator[Row] | None
Produce = Callable[[AuthenticatedClient, ReportProgress], Rows]


reports_app = typer.Typer(
    help="Partner insights reports: license and seat data per customer and month (OfficeUsage, DynamicsUsage,"
    " EMSUsage, SeatsSubscriptionsAndRevenue, ...), queried in Partner Center's report query language.",
    epilog=examples(
        f'pcinsights reports run "{OFFICE_USAGE}" --emulator --format table   (no credentials: an in-process emulator)',
        "pcinsights reports datasets --format table",
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _utc(text: str) -> datetime:
    """An RFC 3339 / ISO 8601 time; one without an offset is taken as UTC, as the service reads it."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is no time; write it as 2026-01-31T00:00:00Z") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


StartOpt = Annotated[
    datetime | None,
    typer.Option(
        "--start", parser=_utc, metavar="TIME", help="Start of the rows' window (UTC), instead of the query's TIMESPAN."
    ),
]
EndOpt = Annotated[
    datetime | None,
    typer.Option("--end", parser=_utc, metavar="TIME", help="End of the rows' window (UTC), with --start."),
]


def _serve(
    connection: Connection,
    chosen: OutputFormat | None,
    title: str,
    produce: Produce,
    waiting: str,
    shown: tuple[str, ...] = (),
) -> None:
    """Connect, produce the rows with a spinner, print them (a table only the ``shown`` columns, when named); an
    expected failure is one stderr line and its exit status (rows already printed stay printed: a file cut off)."""
    if chosen is OutputFormat.CHART:
        raise typer.BadParameter(NO_CHART, param_hint="--format")
    fmt = resolve_format(chosen)
    try:
        with open_client(connection) as client, client, ReportProgress(stderr, client, waiting) as progress:
            _print(produce(client, progress), fmt, title, progress, shown)
    except EXPECTED as error:
        fail_with(error, connection.base_url)


def _print(rows: Rows, fmt: OutputFormat, title: str, progress: ReportProgress, shown: tuple[str, ...]) -> None:
    if rows is None:
        return
    if isinstance(rows, list):
        progress.stop()
        if fmt is OutputFormat.JSON:
            output.write_json(rows)
        elif fmt is OutputFormat.NDJSON:
            output.write_ndjson(rows)
        elif fmt is OutputFormat.CSV:
            output.write_csv(rows)
        else:
            output.write_table([_readable(row, shown) for row in rows], title, Console())
        return
    if fmt is OutputFormat.TABLE:
        first, total = output.first_rows(progress.counted(rows))
        progress.stop()
        output.write_table(first, title, Console(), total)
        return
    if sys.stdout.isatty():
        progress.stop()  # rows and the spinner would share the terminal
    else:
        rows = progress.counted(rows)
    if fmt is OutputFormat.JSON:
        output.stream_json(rows)
    elif fmt is OutputFormat.NDJSON:
        output.write_ndjson(rows)
    else:
        output.stream_csv(rows)


def _readable(row: Row, shown: tuple[str, ...]) -> Row:
    """A listing's row for a table: the ``shown`` columns (all when none are named), lists (a dataset's columns) as
    comma-separated text."""
    kept = {name: row.get(name) for name in shown} if shown else row
    return {key: ", ".join(map(str, value)) if isinstance(value, list) else value for key, value in kept.items()}


def _text(value: UUID | None) -> str | None:
    return None if value is None else str(value)


@reports_app.command(
    "datasets",
    help="The datasets a query can read (FROM), with their columns, metrics, TIMESPAN ranges and shortest recurrence.",
    epilog=examples(
        "pcinsights reports datasets --emulator --format table",
        "pcinsights reports datasets --name OfficeUsage --format json",
    ),
)
@with_connection
def datasets(
    connection: Connection,
    name: Annotated[str | None, typer.Option("--name", help="One dataset, by name.", show_default=False)] = None,
    output_format: FormatOpt = None,
) -> None:
    _serve(
        connection,
        output_format,
        "Report datasets",
        lambda client, _: report_calls.datasets(client, name=name),
        "listing datasets",
    )


@reports_app.command(
    "queries",
    help="Saved report queries: yours and, unless --no-system, the system queries Partner Center provides.",
    epilog=examples(
        "pcinsights reports queries --system-only --emulator --format table",
        "pcinsights reports queries --no-system --format json",
        "pcinsights reports queries --name Customers --format ndjson",
    ),
)
@with_connection
def queries(
    connection: Connection,
    query_id: Annotated[UUID | None, typer.Option("--id", help="One query, by id.", show_default=False)] = None,
    name: Annotated[str | None, typer.Option("--name", help="Queries of this name.", show_default=False)] = None,
    system_only: Annotated[bool, typer.Option("--system-only", help="Only the system queries.")] = False,
    no_system: Annotated[bool, typer.Option("--no-system", help="Only your own queries.")] = False,
    output_format: FormatOpt = None,
) -> None:
    if system_only and no_system:
        raise typer.BadParameter("give --system-only or --no-system, not both")
    system = SystemQueries.ONLY if system_only else SystemQueries.WITHOUT if no_system else SystemQueries.WITH
    _serve(
        connection,
        output_format,
        "Report queries",
        lambda client, _: report_calls.queries(client, query_id=_text(query_id), name=name, system=system),
        "listing queries",
        QUERY_COLUMNS,
    )


@reports_app.command(
    "try",
    help="Run a query at once and print its first rows (the service returns at most 100): check it before a report"
    " uses it. The query's text, or --query-id for a saved one.",
    epilog=examples(
        f'pcinsights reports try "{OFFICE_USAGE}" --emulator --format table',
        "pcinsights reports try --query-id d8349f7b-a7d1-467e-b26d-434d4a50f26a --emulator --format json"
        "   (a system query)",
    ),
)
@with_connection
def try_query(
    connection: Connection,
    query: Annotated[
        str | None,
        typer.Argument(help=QUERY_HELP, show_default=False),
    ] = None,
    query_id: Annotated[UUID | None, typer.Option("--query-id", help="A saved query.", show_default=False)] = None,
    start: StartOpt = None,
    end: EndOpt = None,
    output_format: FormatOpt = None,
) -> None:
    if (query is None) == (query_id is None):
        raise typer.BadParameter("give either a QUERY or --query-id")
    _serve(
        connection,
        output_format,
        "Query rows (the first the service returns)",
        lambda client, _: report_calls.try_query(client, query=query, query_id=_text(query_id), start=start, end=end),
        "trying the query",
    )


@reports_app.command(
    "run",
    help="Run a query to completion and print its rows: the query is saved (or reused), a run-now report created and"
    " waited for with backoff until --deadline, and its file streamed. License datasets' figures come as numbers.",
    epilog=examples(
        f'pcinsights reports run "{OFFICE_USAGE}" --emulator --format table',
        'pcinsights reports run "SELECT CustomerTenantId, Product, TotalSoldSeats, TotalAssignedSeats'
        ' FROM SeatsSubscriptionsAndRevenue TIMESPAN LAST_3_MONTHS" --format csv > seats.csv',
        'pcinsights reports run "SELECT CustomerName, MonthlyActiveUsers FROM OfficeUsage" --start 2026-01-01'
        " --end 2026-04-01 --name q1-usage --format ndjson",
    ),
)
@with_connection
def run(
    connection: Connection,
    query: Annotated[str, typer.Argument(help=QUERY_HELP)],
    name: Annotated[
        str | None,
        typer.Option(
            "--name", help="Name of the query and report (default: derived from the text).", show_default=False
        ),
    ] = None,
    start: StartOpt = None,
    end: EndOpt = None,
    file_format: Annotated[
        ReportFileFormat, typer.Option("--format-file", case_sensitive=False, help="The file the report writes.")
    ] = ReportFileFormat.CSV,
    deadline: Annotated[
        float, typer.Option("--deadline", min=0.001, metavar="SECONDS", help="Give up waiting after this long.")
    ] = 600.0,
    output_format: FormatOpt = None,
) -> None:
    def produce(client: AuthenticatedClient, progress: ReportProgress) -> Iterator[Row]:
        execution = report_calls.run(
            client, query, name=name, start=start, end=end, file_format=file_format, deadline=deadline
        )
        return report_calls.file_rows(client, execution, report_calls.dataset_of(query))

    title = f"{report_calls.dataset_of(query) or 'Report'} rows"
    _serve(connection, output_format, title, produce, "running the report")


@reports_app.command(
    "list",
    help="Your reports: each one's query, schedule, status and format.",
    epilog=examples(
        "pcinsights reports list --format table",
        "pcinsights reports list --query-id bd8ab41d-7a5c-4402-8b6c-6d8e1a5c4a3a --format json",
    ),
)
@with_connection
def list_reports(
    connection: Connection,
    report_id: Annotated[UUID | None, typer.Option("--id", help="One report, by id.", show_default=False)] = None,
    name: Annotated[str | None, typer.Option("--name", help="Reports of this name.", show_default=False)] = None,
    query_id: Annotated[
        UUID | None, typer.Option("--query-id", help="Reports of this query.", show_default=False)
    ] = None,
    output_format: FormatOpt = None,
) -> None:
    _serve(
        connection,
        output_format,
        "Reports",
        lambda client, _: report_calls.reports(client, report_id=_text(report_id), name=name, query_id=_text(query_id)),
        "listing reports",
        REPORT_COLUMNS,
    )


@reports_app.command(
    "executions",
    help="A report's runs: the latest in any status (or the --status given), or with --all every run of the last 90"
    " days, newest first. A completed run's file is what `reports download` reads.",
    epilog=examples(
        "pcinsights reports executions 2b7ed9a4-1c31-4d6a-9c4e-0f1a2b3c4d5e --all --format table",
        "pcinsights reports executions 2b7ed9a4-1c31-4d6a-9c4e-0f1a2b3c4d5e --status Pending --status Running",
    ),
)
@with_connection
def executions(
    connection: Connection,
    report_id: Annotated[UUID, typer.Argument(help="The report's id (`reports list`).", show_default=False)],
    status: Annotated[
        list[ReportExecutionStatus] | None,
        typer.Option(
            "--status", case_sensitive=False, help="Runs in this status (repeatable; default: any).", show_default=False
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every run of the last 90 days, not only the latest.")] = False,
    output_format: FormatOpt = None,
) -> None:
    statuses = tuple(dict.fromkeys(item.value for item in status)) if status else report_calls.STATUSES
    _serve(
        connection,
        output_format,
        "Report executions",
        lambda client, _: [
            report_calls.row_of(item)
            for item in report_calls.executions(client, str(report_id), statuses=statuses, every=every)
        ],
        "listing executions",
        EXECUTION_COLUMNS,
    )


@reports_app.command(
    "download",
    help="Print the rows of a report's latest completed run (or --execution-id's), streamed from its file; or save"
    " the file itself (CSV or TSV, as the report writes it) with --output.",
    epilog=examples(
        "pcinsights reports download 2b7ed9a4-1c31-4d6a-9c4e-0f1a2b3c4d5e --format table",
        "pcinsights reports download 2b7ed9a4-1c31-4d6a-9c4e-0f1a2b3c4d5e -o usage.csv",
    ),
)
@with_connection
def download(
    connection: Connection,
    report_id: Annotated[UUID, typer.Argument(help="The report's id (`reports list`).", show_default=False)],
    execution_id: Annotated[
        UUID | None,
        typer.Option("--execution-id", help="This run (`reports executions`), not the latest.", show_default=False),
    ] = None,
    save_to: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Save the file here (whole, or not at all) instead of printing rows.",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOpt = None,
) -> None:
    report, run_id = str(report_id), _text(execution_id)

    def produce(client: AuthenticatedClient, progress: ReportProgress) -> Rows:
        execution = report_calls.execution_to_read(client, report, run_id)
        if save_to is None:
            return report_calls.file_rows(client, execution, report_calls.report_dataset(client, report))
        size = report_calls.save_file(
            execution, save_to, lambda: report_calls.execution_to_read(client, report, run_id)
        )
        progress.stop()
        print(f"saved {size:,} bytes to {save_to}", file=sys.stderr)
        return None

    _serve(connection, output_format, "Report rows", produce, "fetching the report")
