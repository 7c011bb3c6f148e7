"""The ``pcinsights`` commands: thin wrappers that fetch a report and print it in the chosen format."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from uuid import UUID

import typer
from partner_center_analytics import AuthenticatedClient
from rich.console import Console

from pcinsights.cli import chart, fetch, licenses, output
from pcinsights.cli.failures import EXPECTED, common_exit_code, describe, fail, fail_with
from pcinsights.cli.options import (
    BarsOpt,
    Connection,
    FormatOpt,
    OutputFormat,
    examples,
    resolve_format,
    with_connection,
)
from pcinsights.cli.progress import FanOutProgress, PageProgress
from pcinsights.cli.proxy import proxy
from pcinsights.cli.replay import replay
from pcinsights.cli.reports import reports_app
from pcinsights.cli.session import open_client
from pcinsights.fanout import DEFAULT_CONCURRENCY, DEFAULT_PAGE_SIZE
from pcinsights.insights import InsightKind, Scope

Load = Callable[[AuthenticatedClient], Coroutine[Any, Any, fetch.Report]]


app = typer.Typer(
    name="pcinsights",
    help="Partner Center license insights: how much of what you sold is deployed and used.",
    epilog=examples(
        "pcinsights deployment --emulator --format chart   (no credentials: an in-process emulator)",
        "pcinsights customer usage --all --format csv > usage.csv",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)
customer_app = typer.Typer(
    help="One customer's insights (--customer ID), or every customer's (--all).",
    epilog=examples("pcinsights customer deployment --all --emulator --format chart"),
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(customer_app, name="customer")
licenses_app = typer.Typer(
    help="Today's license analytics: every row, or rows grouped by the fields you name, in one paged query.",
    epilog=examples("pcinsights licenses deployment --emulator --group-by customerTenantId --format chart"),
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(licenses_app, name="licenses")
app.add_typer(reports_app, name="reports")

stderr = Console(stderr=True)
NO_CHART = "a customer list has no chart; use table, json, ndjson or csv"


def _run(connection: Connection, chosen: OutputFormat | None, bars: int, load: Load) -> None:
    """Fetch, print, and map failures to one stderr line and an exit status."""
    fmt = resolve_format(chosen)
    try:
        with open_client(connection) as client:
            report = asyncio.run(load(client))
    except EXPECTED as error:
        fail_with(error, connection.base_url)
    _print(report, fmt, bars)
    if report.failures:
        for failure in report.failures:
            name = getattr(failure.customer.company_profile, "company_name", None)
            who = f"{failure.customer.id} ({name})" if isinstance(name, str) else str(failure.customer.id)
            print(f"pcinsights: customer {who}: {describe(failure.error)}", file=sys.stderr)
        fail(
            f"{len(report.failures)} customers failed; printed the rest",
            common_exit_code(failure.error for failure in report.failures),
        )


def _print(report: fetch.Report, fmt: OutputFormat, bars: int) -> None:
    if fmt is OutputFormat.JSON:
        output.write_json(report.rows)
    elif fmt is OutputFormat.NDJSON:
        output.write_ndjson(report.rows)
    elif fmt is OutputFormat.CSV:
        output.write_csv(report.rows)
    elif fmt is OutputFormat.TABLE:
        output.write_table(report.rows, report.view.title, Console())
    elif isinstance(report.view, fetch.InsightView):
        chart.render(report.view, chart.bars(report.view, report.rows, bars), Console())
    else:  # the commands of other rows refuse --format chart before they fetch
        raise typer.BadParameter(NO_CHART, param_hint="--format")


def _partner(kind: InsightKind) -> Callable[..., None]:
    @with_connection
    def command(
        connection: Connection,
        output_format: FormatOpt = None,
        bars: BarsOpt = 10,
    ) -> None:
        _run(connection, output_format, bars, lambda client: fetch.partner(client, kind))

    return command


def _customer(kind: InsightKind) -> Callable[..., None]:
    @with_connection
    def command(
        connection: Connection,
        customer: Annotated[
            UUID | None, typer.Option("--customer", "-c", help="The customer's tenant id.", show_default=False)
        ] = None,
        every: Annotated[bool, typer.Option("--all", help="Every customer, fetched concurrently.")] = False,
        concurrency: Annotated[int, typer.Option(min=1, help="Requests in flight with --all.")] = DEFAULT_CONCURRENCY,
        page_size: Annotated[int, typer.Option(min=1, max=500, help="Customers per listing page.")] = DEFAULT_PAGE_SIZE,
        output_format: FormatOpt = None,
        bars: BarsOpt = 10,
    ) -> None:
        if (customer is None) == (not every):
            raise typer.BadParameter("give either --customer ID or --all")

        async def load(client: AuthenticatedClient) -> fetch.Report:
            if customer is not None:
                return await fetch.customer(client, kind, customer)
            with FanOutProgress(stderr, client) as progress:
                return await fetch.every_customer(
                    client, kind, concurrency=concurrency, page_size=page_size, progress=progress
                )

        _run(connection, output_format, bars, load)

    return command


def _licenses(kind: InsightKind) -> Callable[..., None]:
    @with_connection
    def command(
        connection: Connection,
        filter_text: Annotated[
            str | None,
            typer.Option(
                "--filter",
                help="field eq|ne 'value', joined by and/or, parentheses allowed, a ' in a value doubled.",
                show_default=False,
            ),
        ] = None,
        group_by: Annotated[
            str | None,
            typer.Option(
                "--group-by",
                help="Comma-separated fields: one row per combination, the figures summed.",
                show_default=False,
            ),
        ] = None,
        page_rows: Annotated[
            int, typer.Option("--top", min=1, max=10_000, help="Rows per page (the API's top); every page is fetched.")
        ] = 10_000,
        max_pages: Annotated[
            int, typer.Option(min=1, help="Stop with an error rather than fetch more pages.")
        ] = licenses.MAX_PAGES,
        output_format: FormatOpt = None,
        bars: BarsOpt = 10,
    ) -> None:
        if group_by is not None and output_format is OutputFormat.CHART:
            group_by = chart.named_groups(group_by, kind.value.fields)

        async def load(client: AuthenticatedClient) -> fetch.Report:
            with PageProgress(stderr, client, page_rows) as progress:
                return await licenses.fetch(
                    client,
                    kind,
                    filter_text=filter_text,
                    group_by=group_by,
                    top=page_rows,
                    max_pages=max_pages,
                    progress=progress,
                )

        _run(connection, output_format, bars, load)

    return command


@app.command(
    "customers",
    help="List the partner's customers (id, company name, domain, relationship).",
    epilog=examples(
        "pcinsights customers --emulator --format table", "pcinsights customers --format csv > customers.csv"
    ),
)
@with_connection
def list_customers(
    connection: Connection,
    page_size: Annotated[int, typer.Option(min=1, max=500, help="Customers per listing page.")] = DEFAULT_PAGE_SIZE,
    output_format: FormatOpt = None,
) -> None:
    if output_format is OutputFormat.CHART:
        raise typer.BadParameter(NO_CHART, param_hint="--format")
    _run(connection, output_format, 0, lambda client: fetch.customers(client, page_size=page_size))


def _register(
    group: typer.Typer, kind: InsightKind, scope: Scope, command: Callable[..., None], more: str = ""
) -> None:
    """Add a kind's command to ``group``, named after the kind, with the help and examples of its descriptor."""
    described = kind.value.commands[scope]
    group.command(str(kind), help=described.help + more, epilog=examples(*described.examples))(command)


def _add_insight_commands() -> None:
    """Each kind's commands: ``pcinsights KIND``, ``customer KIND`` and ``licenses KIND``."""
    for kind in InsightKind:
        _register(app, kind, Scope.PARTNER, _partner(kind))
        _register(customer_app, kind, Scope.CUSTOMER, _customer(kind))
        fields = f" Fields for --filter and --group-by: {', '.join(kind.value.fields)}."
        _register(licenses_app, kind, Scope.LICENSES, _licenses(kind), fields)


_add_insight_commands()
app.command(
    "replay",
    epilog=examples("pcinsights replay recordings/test_app/test_names.har --port 9000"),
)(replay)
app.command(
    "proxy",
    epilog=examples(
        "pcinsights proxy --upstream https://api.partnercenter.microsoft.com --port 8080 --report drift.json",
        "pcinsights proxy --upstream http://127.0.0.1:8000 --strict   (CI: a drifting response becomes a 502)",
    ),
)(proxy)
