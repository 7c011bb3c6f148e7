"""The options every data command shares, declared once: the output options and the Connection they build."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import attrs
import typer
from typer.models import OptionInfo

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
# --bars in every command that charts; --top is only ever the API's page size (``licenses``).
BarsOpt = Annotated[
    int,
    typer.Option("--bars", min=1, help="How many bars a chart shows: the largest by licenses.", rich_help_panel=OUTPUT),
]


def _option(*names: str, **settings: Any) -> Mapping[str, OptionInfo]:
    """Field metadata: the typer option a Connection field becomes (``with_connection`` reads it)."""
    settings.setdefault("rich_help_panel", CONNECTION)
    return {"option": typer.Option(*names, **settings)}


@attrs.frozen
class Connection:
    """Where to send requests and with which credentials; each field is also the option that sets it."""

    base_url: str = attrs.field(
        default=LIVE_BASE_URL, metadata=_option("--base-url", help="The Partner Center API root.")
    )
    emulator: bool = attrs.field(
        default=False,
        metadata=_option(
            "--emulator",
            help="Start an emulator in-process and query it instead of --base-url (no credentials needed).",
        ),
    )
    emulator_customers: int | None = attrs.field(
        default=None,
        metadata=_option(
            "--customers", min=0, help="How many customers the --emulator tenant has (default: the emulator's)."
        ),
    )
    token_file: Path | None = attrs.field(
        default=None,
        metadata=_option(
            "--token-file",
            help="A file holding a bearer token (else PARTNER_CENTER_TOKEN, else azure-identity).",
            # Not click's checks (exit 2 and a box): the CLI reads the file and reports any failure as exit 3.
            readable=False,
            show_default=False,
        ),
    )
    tenant_id: str | None = attrs.field(
        default=None,
        metadata=_option(
            "--tenant-id",
            envvar="PARTNER_CENTER_TENANT_ID",
            help="Entra tenant for the azure-identity device-code sign-in.",
            show_default=False,
        ),
    )
    client_id: str | None = attrs.field(
        default=None,
        metadata=_option(
            "--client-id",
            envvar="PARTNER_CENTER_CLIENT_ID",
            help="App registration for the azure-identity device-code sign-in (App+User).",
            show_default=False,
        ),
    )
    record: Path | None = attrs.field(
        default=None,
        metadata=_option(
            "--record",
            help="Add every request and answer to this HAR 1.2 file (credentials redacted), for `make drift`:"
            " appended to a recording already there, so several commands build up one file.",
            dir_okay=False,
            writable=True,
            show_default=False,
        ),
    )
    fresh: bool = attrs.field(
        default=False,
        metadata=_option("--fresh", help="With --record: start the file anew instead of appending to it."),
    )
    max_attempts: int = attrs.field(
        default=5,
        metadata=_option("--max-attempts", min=1, help="Tries per request on throttling and outages (1: no retries)."),
    )
    verbose: int = attrs.field(
        default=0,
        metadata=_option(
            "--verbose",
            "-v",
            count=True,
            metavar="",  # a counter takes no value: typer's help would otherwise show its type (<int>)
            help="Log requests, retries, sign-in attempts and timings to stderr (-vv for more).",
            show_default=False,
            rich_help_panel=None,
        ),
    )


attrs.resolve_types(Connection)


def with_connection(command: Callable[..., None]) -> Callable[..., None]:
    """The command, taking ``connection: Connection``, as typer sees it: one option per Connection field.

    Typer reads a command's parameters from its signature, so the wrapper's signature lists the command's
    own options followed by the connection's; click passes every value by keyword, and the wrapper
    gathers the connection's into one Connection.
    """
    own = inspect.signature(command, eval_str=True)
    fields = attrs.fields(Connection)
    shared = [
        inspect.Parameter(
            field.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=field.default,
            annotation=Annotated[field.type, field.metadata["option"]],
        )
        for field in fields
    ]

    def run(**values: Any) -> None:
        connection = Connection(**{field.name: values.pop(field.name) for field in fields})
        command(connection=connection, **values)

    kept = [parameter for name, parameter in own.parameters.items() if name != "connection"]
    run.__signature__ = own.replace(parameters=[*kept, *shared])  # type: ignore[attr-defined]
    run.__doc__ = command.__doc__
    return run


def examples(*commands: str) -> str:
    """A command's epilog of example commands, one per line (rich help joins single newlines)."""
    return "\n\n".join(("Examples:", *commands))


def resolve_format(chosen: OutputFormat | None) -> OutputFormat:
    """A person at a terminal gets a table; a pipe gets csv."""
    if chosen is not None:
        return chosen
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.CSV
