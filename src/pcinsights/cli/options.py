"""The options every data command shares, declared once so the commands stay short."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import attrs
import typer

LIVE_BASE_URL = "https://api.partnercenter.microsoft.com"
CONNECTION = "Connection"
OUTPUT = "Output"


class OutputFormat(StrEnum):
    """How results reach stdout."""

    TABLE = "table"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"
    CHART = "chart"


FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json, ndjson, csv or chart. Default: table on a terminal, csv when piped.",
        rich_help_panel=OUTPUT,
        show_default=False,
    ),
]
BaseUrlOpt = Annotated[str, typer.Option("--base-url", help="The Partner Center API root.", rich_help_panel=CONNECTION)]
EmulatorOpt = Annotated[
    bool,
    typer.Option(
        "--emulator",
        help="Start an emulator in-process and query it instead of --base-url (no credentials needed).",
        rich_help_panel=CONNECTION,
    ),
]
EmulatorCustomersOpt = Annotated[
    int,
    typer.Option(
        "--customers", min=0, help="How many customers the --emulator tenant has.", rich_help_panel=CONNECTION
    ),
]
TokenFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--token-file",
        help="A file holding a bearer token (else PARTNER_CENTER_TOKEN, else azure-identity).",
        rich_help_panel=CONNECTION,
        dir_okay=False,
        show_default=False,
    ),
]
TenantIdOpt = Annotated[
    str | None,
    typer.Option(
        "--tenant-id",
        envvar="PARTNER_CENTER_TENANT_ID",
        help="Entra tenant for the azure-identity device-code sign-in.",
        rich_help_panel=CONNECTION,
        show_default=False,
    ),
]
ClientIdOpt = Annotated[
    str | None,
    typer.Option(
        "--client-id",
        envvar="PARTNER_CENTER_CLIENT_ID",
        help="App registration for the azure-identity device-code sign-in (App+User).",
        rich_help_panel=CONNECTION,
        show_default=False,
    ),
]
VerboseOpt = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        help="Log requests, retries and timings to stderr (-vv for more).",
        show_default=False,
    ),
]
AttemptsOpt = Annotated[
    int,
    typer.Option(
        "--max-attempts",
        min=1,
        help="Tries per request on throttling and outages (1: no retries).",
        rich_help_panel=CONNECTION,
    ),
]
TopOpt = Annotated[
    int,
    typer.Option("--top", min=1, help="How many bars a chart shows: the largest by licenses.", rich_help_panel=OUTPUT),
]


@attrs.frozen
class Connection:
    """Where to send requests and with which credentials."""

    base_url: str = LIVE_BASE_URL
    emulator: bool = False
    emulator_customers: int = 40
    token_file: Path | None = None
    tenant_id: str | None = None
    client_id: str | None = None
    max_attempts: int = 5
    verbose: int = 0


def resolve_format(chosen: OutputFormat | None) -> OutputFormat:
    """A person at a terminal gets a table; a pipe gets csv."""
    if chosen is not None:
        return chosen
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.CSV
