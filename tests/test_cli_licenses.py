"""``pcinsights licenses deployment|usage``, the installed console script against real emulators: one grouped query
gives the per-customer figures of ``customer deployment --all`` in a fraction of the calls, every format prints
the service's rows, bad input and failures get the shared exit codes, and ``--emulator`` needs no credentials."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage
from rich.console import Console

from pcinsights.cli.progress import PageProgress
from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background
from tests._support import token_for

PCINSIGHTS = Path(sys.executable).parent / "pcinsights"
Row = dict[str, Any]


def pcinsights(*args: str, token: str | None) -> subprocess.CompletedProcess[str]:
    """The console script with ``token`` in PARTNER_CENTER_TOKEN (or none at all), its output captured."""
    env = {key: value for key, value in os.environ.items() if key != "PARTNER_CENTER_TOKEN"}
    env["COLUMNS"] = "200"
    if token is not None:
        env["PARTNER_CENTER_TOKEN"] = token
    return subprocess.run([str(PCINSIGHTS), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.fixture(scope="module")
def tenant() -> Iterator[RunningEmulator]:
    with run_in_background(EmulatorConfig(seed=3, customers=30)) as running:
        yield running


def licenses(tenant: RunningEmulator, *args: str) -> subprocess.CompletedProcess[str]:
    return pcinsights("licenses", *args, "--base-url", tenant.base_url, token=token_for(tenant))


def every_row(tenant: RunningEmulator, kind: str) -> list[Row]:
    operation = get_licenses_deployment if kind == "deployment" else get_licenses_usage
    with AuthenticatedClient(base_url=tenant.base_url, token=token_for(tenant)) as client:
        return [row.to_dict() for row in operation.iter_rows(client=client)]


# Each kind's metrics: the part, then the whole the chart ranks by.
METRICS = {"deployment": ("licensesDeployed", "licensesSold"), "usage": ("licensesActive", "licensesQualified")}


def one_error_line(result: subprocess.CompletedProcess[str], status: int) -> str:
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_grouped_query_gives_the_fan_outs_per_customer_figures_in_far_fewer_calls(tenant: RunningEmulator) -> None:
    before = tenant.stats.snapshot().requests
    grouped = licenses(tenant, "deployment", "--group-by", "customerTenantId", "--top", "7", "--format", "json")
    grouped_calls = tenant.stats.snapshot().requests - before
    before = tenant.stats.snapshot().requests
    fanned = pcinsights(
        "customer", "deployment", "--all", "--base-url", tenant.base_url, "--format", "json", token=token_for(tenant)
    )
    fanned_calls = tenant.stats.snapshot().requests - before
    assert grouped.returncode == 0, grouped.stderr
    assert fanned.returncode == 0, fanned.stderr
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in json.loads(fanned.stdout):
        totals[row["customerId"].upper()][0] += row["licensesDeployed"]
        totals[row["customerId"].upper()][1] += row["licensesSold"]
    by_customer = {
        row["customerTenantId"]: [row["licensesDeployed"], row["licensesSold"]] for row in json.loads(grouped.stdout)
    }
    assert by_customer == dict(totals)
    assert grouped_calls == math.ceil(len(by_customer) / 7) < fanned_calls
    assert fanned_calls >= len(tenant.world.customers)  # one per customer, plus the listing


@pytest.mark.parametrize("kind", ["deployment", "usage"])
def test_json_ndjson_and_csv_print_every_row_of_the_query(tenant: RunningEmulator, kind: str) -> None:
    expected = every_row(tenant, kind)
    as_json = licenses(tenant, kind, "--top", "40", "--format", "json")
    as_ndjson = licenses(tenant, kind, "--format", "ndjson")
    as_csv = licenses(tenant, kind, "--top", "1000")  # piped: csv by default
    for result in (as_json, as_ndjson, as_csv):
        assert result.returncode == 0, result.stderr
    assert json.loads(as_json.stdout) == expected
    assert [json.loads(line) for line in as_ndjson.stdout.splitlines()] == expected
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    metric = "licensesSold" if kind == "deployment" else "licensesQualified"
    assert [(row["customerTenantId"], row["productId"], int(row[metric])) for row in rows] == [
        (row["customerTenantId"], row["productId"], row[metric]) for row in expected
    ]


def test_filter_and_group_by_reach_the_service(tenant: RunningEmulator) -> None:
    result = licenses(
        tenant,
        "usage",
        "--filter",
        "channel eq 'reseller' and workloadCode ne 'EXO'",
        "--group-by",
        "workloadName",
        "-f",
        "json",
    )
    assert result.returncode == 0, result.stderr
    sums: dict[str, int] = defaultdict(int)
    for row in every_row(tenant, "usage"):
        if row["channel"] == "reseller" and row["workloadCode"] != "EXO":
            sums[row["workloadName"]] += row["licensesQualified"]
    assert {row["workloadName"]: row["licensesQualified"] for row in json.loads(result.stdout)} == dict(sums)


def test_table_and_chart(tenant: RunningEmulator) -> None:
    table = licenses(tenant, "deployment", "--group-by", "serviceCode,channel", "--format", "table")
    chart = licenses(tenant, "deployment", "--group-by", "serviceCode,channel", "--format", "chart", "--bars", "3")
    assert table.returncode == chart.returncode == 0, table.stderr + chart.stderr
    groups = json.loads(licenses(tenant, "deployment", "--group-by", "serviceCode,channel", "-f", "json").stdout)
    assert f"{len(groups)} rows" in table.stdout
    for row in groups:
        assert f"{row['licensesSold']:,}" in table.stdout
    # Grouped by the code alone, the table keeps it: without it the rows could not be told apart.
    assert "service code" in table.stdout and {row["serviceCode"] for row in groups} <= set(table.stdout.split())
    bars = [line for line in chart.stdout.splitlines() if "%" in line]
    largest = sorted(groups, key=lambda row: -row["licensesSold"])[:3]
    assert len(bars) == 3
    names = {row["serviceCode"]: row["serviceName"] for row in every_row(tenant, "deployment")}
    for bar, row in zip(bars, largest, strict=True):
        assert bar.startswith(f"{names[row['serviceCode']]} · {row['channel']} ")  # the chart names what it can
        assert bar.endswith(f"{row['licensesDeployed']:,} of {row['licensesSold']:,} deployed")


@pytest.mark.parametrize("kind", ["deployment", "usage"])
def test_a_chart_grouped_by_ids_is_labelled_by_names(tenant: RunningEmulator, kind: str) -> None:
    chart = licenses(tenant, kind, "--group-by", "customerTenantId", "--format", "chart", "--bars", "5")
    assert chart.returncode == 0, chart.stderr
    names = {row["customerTenantId"]: row["customerName"] for row in every_row(tenant, kind)}
    grouped = json.loads(licenses(tenant, kind, "--group-by", "customerTenantId", "-f", "json").stdout)
    assert all(set(row) <= {"processedDateTime", "customerTenantId"} | set(METRICS[kind]) for row in grouped)
    largest = sorted(grouped, key=lambda row: -row[METRICS[kind][1]])[:5]
    bars = [line for line in chart.stdout.splitlines() if "%" in line]
    assert len(bars) == 5
    for bar, row in zip(bars, largest, strict=True):
        assert bar.startswith(names[row["customerTenantId"]] + " "), bar
        assert row["customerTenantId"] not in chart.stdout


def test_a_filter_the_service_cannot_parse_is_one_line_and_exit_1(tenant: RunningEmulator) -> None:
    line = one_error_line(licenses(tenant, "deployment", "--filter", "channel eq reseller"), 1)
    assert "HTTP 400" in line
    assert "at character 12" in line


def test_past_max_pages_is_one_line_and_exit_1(tenant: RunningEmulator) -> None:
    line = one_error_line(licenses(tenant, "deployment", "--top", "5", "--max-pages", "2"), 1)
    assert "more than 2 pages" in line


def test_a_token_the_service_refuses_exits_3(tenant: RunningEmulator) -> None:
    result = pcinsights("licenses", "usage", "--base-url", tenant.base_url, token="not-a-token-it-knows")
    assert "HTTP 401" in one_error_line(result, 3)


def test_top_outside_the_apis_range_is_a_usage_error() -> None:
    result = pcinsights("licenses", "deployment", "--emulator", "--top", "10001", token=None)
    assert result.returncode == 2
    assert "--top" in result.stderr


def test_emulator_needs_no_credentials() -> None:
    result = pcinsights(
        "licenses",
        "usage",
        "--emulator",
        "--customers",
        "4",
        "--group-by",
        "customerTenantId",
        "-f",
        "json",
        token=None,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert 0 < len(rows) <= 4
    assert all(
        set(row) == {"processedDateTime", "customerTenantId", "licensesActive", "licensesQualified"} for row in rows
    )


def test_the_progress_bar_counts_pages_of_the_total_the_first_page_implies() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="unused")
    with PageProgress(console, client, top=10) as progress:
        for rows in (10, 10, 5):
            progress.page(rows, 25)
    assert "3/3" in screen.getvalue()
    assert "rows 25" in screen.getvalue()
