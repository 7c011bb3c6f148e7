"""Rows to stdout as a table, json, ndjson or csv (the chart lives in chart.py).

A list of rows is written as a whole; a stream of them (a report file's rows, ``stream_*``) as it comes, so memory
stays flat however long it is, and a table shows its first ``TABLE_ROWS`` rows and counts the rest.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import textwrap
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from rich.console import Console
from rich.table import Table

from pcinsights.cli.fetch import Row

# Who or what a row is about comes first, when it was processed last; the figures sit in between.
LEAD = (
    "customerId",
    "customerName",
    "id",
    "companyProfile.companyName",
    "companyProfile.domain",
    "productName",
    "serviceName",
    "serviceCode",
    "channel",
    "workloadName",
    "workloadCode",
)
TAIL = ("processedDateTime",)
KEYS = frozenset({"id", "customerId", "queryId", "reportId", "executionId", "CustomerTenantId"})  # never wrapped
HEADINGS = {
    "proratedDeploymentPercent": "deployed %",
    "deploymentPercent": "deployed %",
    "proratedLicensesUsagePercent": "in use %",
    "usagePercent": "in use %",
    "licensesSold": "sold",
    "licensesDeployed": "deployed",
    "licensesQualified": "qualified",
    "licensesActive": "active",
    "processedDateTime": "processed (UTC)",
    "relationshipToPartner": "relationship",
    "customerName": "customer",
    "companyProfile.companyName": "company",
    "productName": "product",
    "serviceName": "service",
    "workloadName": "workload",
}
# Machine-facing columns a table leaves to csv and json, each with the column that says the same for people
# (a code is shown when its name is not there, as in a query grouped by the code alone).
TABLE_HIDDEN: dict[str, str | None] = {
    "serviceCode": "serviceName",
    "workloadCode": "workloadName",
    "commerceId": None,
    "companyProfile.tenantId": None,
    "reportAccessSecureLink": None,  # a long signed URL: json and csv have it, `reports download` fetches it
    "reportLocation": None,
}
# A table is for reading: past this many rows of a stream, the rest are counted, not shown.
TABLE_ROWS = 1000


def write_json(rows: list[Row]) -> None:
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")


def write_ndjson(rows: Iterable[Row]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_csv(rows: list[Row]) -> None:
    flat = [flatten(row) for row in rows]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns(flat), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _csv_cell(value) for key, value in row.items()} for row in flat)


def stream_json(rows: Iterable[Row]) -> None:
    """The text ``write_json`` writes for the same rows, written a row at a time."""
    opened = False
    for row in rows:
        sys.stdout.write(",\n" if opened else "[\n")
        sys.stdout.write(textwrap.indent(json.dumps(row, indent=2, ensure_ascii=False, default=str), "  "))
        opened = True
    sys.stdout.write("\n]\n" if opened else "[]\n")


def stream_csv(rows: Iterable[Row]) -> None:
    """Rows that share their columns (a report file's, from its header): the header from the first row, then each
    row as it comes. Nothing at all for no rows, as ``write_csv``."""
    stream = iter(rows)
    first = next(stream, None)
    if first is None:
        return
    names = list(flatten(first))
    writer = csv.DictWriter(sys.stdout, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _csv_cell(value) for key, value in flatten(row).items()} for row in chain([first], stream))


def first_rows(rows: Iterable[Row], most: int = TABLE_ROWS) -> tuple[list[Row], int]:
    """The first ``most`` rows of a stream and how many it had in all (the rest are read and counted)."""
    stream: Iterator[Row] = iter(rows)
    kept = [row for _, row in zip(range(most), stream, strict=False)]
    return kept, len(kept) + sum(1 for _ in stream)


def write_table(rows: list[Row], title: str, console: Console, total: int | None = None) -> None:
    """A table for people: codes and duplicate ids left out, columns with one value moved to the caption (or left
    out when that value is empty). ``total``: how many rows there were when ``rows`` are the first of them."""
    flat = [flatten(row) for row in rows]
    every = columns(flat)
    names = [name for name in every if name not in TABLE_HIDDEN or TABLE_HIDDEN[name] not in (None, *every)]
    if {"customerName", "customerId"} <= set(names):
        names.remove("customerId")
    shared = {name for name in names if len(flat) > 1 and len({_table_cell(name, row.get(name)) for row in flat}) == 1}
    counted = f"{len(rows)} rows" if total is None or total <= len(rows) else f"first {len(rows):,} of {total:,} rows"
    caption = [counted] + [f"{_heading(name)}: {cell}" for name in shared if (cell := _table_cell(name, flat[0][name]))]
    table = Table(title=title, caption=", ".join(caption), header_style="bold")
    names = [name for name in names if name not in shared]
    numeric = {name for name in names if any(isinstance(row.get(name), int | float) for row in flat)}
    for name in names:
        table.add_column(_heading(name), justify="right" if name in numeric else "left", no_wrap=name in KEYS)
    for row in flat:
        table.add_row(*(_table_cell(name, row.get(name)) for name in names))
    console.print(table)


def flatten(row: Row, prefix: str = "") -> Row:
    """Nested objects become dotted columns; ``attributes`` (the resource's type name) is dropped."""
    flat: Row = {}
    for key, value in row.items():
        if key == "attributes":
            continue
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def columns(rows: Iterable[Row]) -> list[str]:
    seen = list(dict.fromkeys(key for row in rows for key in row))
    middle = [name for name in seen if name not in LEAD and name not in TAIL]
    return [name for name in LEAD if name in seen] + middle + [name for name in TAIL if name in seen]


def _minutes(value: str) -> str:
    """A timestamp to the minute, in UTC: what a person reading a table needs."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M")


def _heading(name: str) -> str:
    """Short headings for the figures; otherwise ``companyProfile.companyName`` becomes ``company name``."""
    if name in HEADINGS:
        return HEADINGS[name]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name.rsplit(".", 1)[-1]).lower()


def _csv_cell(value: Any) -> Any:
    return json.dumps(value, default=str) if isinstance(value, list) else value


def _table_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name.endswith("Percent") and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if name.endswith("Time") and isinstance(value, str):  # processedDateTime, createdTime, reportGeneratedTime...
        return _minutes(value)
    return str(_csv_cell(value))
