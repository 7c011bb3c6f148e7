"""``pcinsights reports ...`` against real emulators over loopback: a query run to completion prints the rows the
commercial endpoints agree with, every format prints the same rows, the listings show what the run created, a file
is saved whole, and failures (a refused query, a report not done by --deadline) are one line and the shared exit
codes. In-process (typer's runner) where stdout is all a test reads; the console script where stderr matters."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from partner_center_analytics import AuthenticatedClient, ReportDownloadError, ReportFormatError, ReportTimeoutError
from rich.console import Console
from typer.testing import CliRunner

from pcinsights.cli import app, output, report_calls
from pcinsights.cli.failures import describe, exit_code
from pcinsights.cli.progress import ReportProgress
from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background
from tests._support import token_for

PCINSIGHTS = Path(sys.executable).parent / "pcinsights"
OFFICE = "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits, MonthlyActiveUsers FROM OfficeUsage"
DONE_MEANS = f"{OFFICE} TIMESPAN LAST_MONTH"
FIGURES = ("PaidAvailableUnits", "MonthlyActiveUsers")
Row = dict[str, Any]


@pytest.fixture(scope="module")
def tenant() -> Iterator[RunningEmulator]:
    with run_in_background(EmulatorConfig(seed=3, customers=8)) as running:
        yield running


def cli(tenant: RunningEmulator | None, *args: str) -> str:
    """``pcinsights reports ARGS`` in-process against ``tenant`` (None: --emulator); its stdout, after exit 0."""
    where = ["--emulator", "--customers", "5"] if tenant is None else ["--base-url", tenant.base_url]
    env = {"COLUMNS": "200"} | ({} if tenant is None else {"PARTNER_CENTER_TOKEN": token_for(tenant)})
    result = CliRunner().invoke(app, [*args, *where], env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def script(*args: str, token: str | None) -> subprocess.CompletedProcess[str]:
    """The console script, stdout a pipe, ``token`` in PARTNER_CENTER_TOKEN (or none at all)."""
    env = {key: value for key, value in os.environ.items() if key != "PARTNER_CENTER_TOKEN"}
    env["COLUMNS"] = "200"
    if token is not None:
        env["PARTNER_CENTER_TOKEN"] = token
    return subprocess.run([str(PCINSIGHTS), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def one_error_line(result: subprocess.CompletedProcess[str], status: int) -> str:
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def figures(rows: list[Row]) -> list[tuple[str, str, int, int]]:
    """The rows as (tenant, workload, paid, active), however the format spelt the numbers."""
    return [
        (row["CustomerTenantId"], row["WorkloadName"], int(row["PaidAvailableUnits"]), int(row["MonthlyActiveUsers"]))
        for row in rows
    ]


def table_rows(table: str) -> list[list[str]]:
    """The body cells of a rich table, one list per row (a table of short cells: no wrapped lines)."""
    body = table.split("┡", 1)[1].split("└", 1)[0]
    return [[cell.strip() for cell in line.strip("│ ").split("│")] for line in body.splitlines() if "│" in line]


@pytest.fixture(scope="module")
def office(tenant: RunningEmulator) -> tuple[str, list[Row]]:
    """A report run through the CLI: its id (from ``reports list``) and the rows ``run`` printed as json."""
    rows = json.loads(cli(tenant, "reports", "run", DONE_MEANS, "--name", "cli-office", "--format", "json"))
    (report,) = json.loads(cli(tenant, "reports", "list", "--name", "cli-office", "--format", "json"))
    return report["reportId"], rows


def test_the_done_means_command_prints_the_rows_the_commercial_usage_endpoint_sums_up() -> None:
    result = script("reports", "run", DONE_MEANS, "--emulator", "--customers", "5", "--format", "table", token=None)
    assert result.returncode == 0, result.stderr
    assert "OfficeUsage rows" in result.stdout
    printed = {(tenant, workload): (paid, active) for tenant, workload, paid, active in table_rows(result.stdout)}
    # The same tenant's licenses usage, o365 only, summed per customer and workload: what OfficeUsage says it is.
    usage = json.loads(
        cli(
            None,
            "licenses",
            "usage",
            "--filter",
            "serviceCode eq 'o365'",
            "--group-by",
            "customerTenantId,workloadName",
            "-f",
            "json",
        )
    )
    expected = {
        (row["customerTenantId"].lower(), row["workloadName"]): (
            f"{row['licensesQualified']:,}",
            f"{row['licensesActive']:,}",
        )
        for row in usage
    }
    assert {(tenant.lower(), workload): cells for (tenant, workload), cells in printed.items()} == expected
    assert len(expected) >= 5
    assert f"{len(expected)} rows" in result.stdout


def test_run_prints_the_rows_try_shows_with_numbers_as_numbers(
    tenant: RunningEmulator, office: tuple[str, list[Row]]
) -> None:
    _, rows = office
    tried = json.loads(cli(tenant, "reports", "try", DONE_MEANS, "--format", "json"))
    assert 0 < len(rows) < 100  # so try shows them all
    assert sorted(figures(rows)) == sorted(figures(tried))
    assert all(isinstance(row[name], int) for row in rows + tried for name in FIGURES)


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_download_prints_the_runs_rows_in_every_format(
    tenant: RunningEmulator, office: tuple[str, list[Row]], fmt: str
) -> None:
    report_id, rows = office
    printed = cli(tenant, "reports", "download", report_id, "--format", fmt)
    if fmt == "json":
        found = json.loads(printed)
    elif fmt == "ndjson":
        found = [json.loads(line) for line in printed.splitlines()]
    elif fmt == "csv":
        found = list(csv.DictReader(io.StringIO(printed)))
        assert printed.splitlines()[0] == "CustomerTenantId,WorkloadName,PaidAvailableUnits,MonthlyActiveUsers"
    else:
        found = [
            dict(zip(("CustomerTenantId", "WorkloadName", *FIGURES), cells, strict=True))
            for cells in table_rows(printed)
        ]
        found = [{**row, **{name: row[name].replace(",", "") for name in FIGURES}} for row in found]
        assert f"{len(rows)} rows" in printed
    assert figures(found) == figures(rows)


def test_download_saves_the_file_as_served(
    tenant: RunningEmulator, office: tuple[str, list[Row]], tmp_path: Path
) -> None:
    report_id, rows = office
    target = tmp_path / "usage.csv"
    result = script(
        "reports", "download", report_id, "-o", str(target), "--base-url", tenant.base_url, token=token_for(tenant)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    data = target.read_bytes()
    assert result.stderr.strip() == f"saved {len(data):,} bytes to {target}"
    assert data.startswith(b"CustomerTenantId,WorkloadName,PaidAvailableUnits,MonthlyActiveUsers\r\n")
    assert figures(list(csv.DictReader(io.StringIO(data.decode("utf-8"))))) == figures(rows)
    assert [path.name for path in tmp_path.iterdir()] == ["usage.csv"]  # no partial file left beside it


def test_the_listings_show_what_the_run_created(tenant: RunningEmulator, office: tuple[str, list[Row]]) -> None:
    report_id, _ = office
    (report,) = json.loads(cli(tenant, "reports", "list", "--id", report_id, "-f", "json"))
    assert (report["reportName"], report["query"], report["executeNow"]) == ("cli-office", DONE_MEANS, True)
    mine = json.loads(cli(tenant, "reports", "queries", "--no-system", "-f", "json"))
    assert [(query["queryId"], query["type"]) for query in mine] == [(report["queryId"], "userDefined")]
    system = json.loads(cli(tenant, "reports", "queries", "--system-only", "-f", "json"))
    assert system and {query["type"] for query in system} == {"system"}
    (execution,) = json.loads(cli(tenant, "reports", "executions", report_id, "-f", "json"))
    assert execution["executionStatus"] == "Completed" and execution["reportAccessSecureLink"].startswith("http")
    every = [
        json.loads(line)
        for line in cli(tenant, "reports", "executions", report_id, "--all", "-f", "ndjson").splitlines()
    ]
    assert [item["executionId"] for item in every] == [execution["executionId"]]
    table = cli(tenant, "reports", "executions", report_id, "--status", "completed", "-f", "table")
    assert execution["executionId"] in table and "Completed" in table
    assert "_files" not in table  # the signed link is json's and csv's, not a table's


def test_datasets_lists_each_with_its_columns(tenant: RunningEmulator) -> None:
    names = [row["datasetName"] for row in json.loads(cli(tenant, "reports", "datasets", "-f", "json"))]
    assert {"OfficeUsage", "DynamicsUsage", "EMSUsage", "SeatsSubscriptionsAndRevenue"} <= set(names)
    (office,) = list(csv.DictReader(io.StringIO(cli(tenant, "reports", "datasets", "--name", "OfficeUsage"))))
    assert set(FIGURES) <= set(json.loads(office["selectableColumns"]))
    table = cli(tenant, "reports", "datasets", "--name", "OfficeUsage", "-f", "table")
    assert "PaidAvailableUnits, MonthlyActiveUsers" in " ".join(table.split())


def test_a_query_the_service_refuses_is_one_line_naming_its_message(tenant: RunningEmulator) -> None:
    result = script(
        "reports", "run", "SELECT Foo FROM OfficeUsage", "--base-url", tenant.base_url, token=token_for(tenant)
    )
    line = one_error_line(result, 1)
    assert line.startswith("pcinsights: HTTP 400 Bad Request: Incorrect column name at position 8")


def test_nothing_found_exits_4(tenant: RunningEmulator) -> None:
    unknown = script(
        "reports", "datasets", "--name", "NoSuchDataset", "--base-url", tenant.base_url, token=token_for(tenant)
    )
    assert "HTTP 404" in one_error_line(unknown, 4)
    pending = script(
        "reports",
        "executions",
        "00000000-0000-4000-8000-000000000000",
        "--base-url",
        tenant.base_url,
        token=token_for(tenant),
    )
    assert "There are no executions" in one_error_line(pending, 4)


def test_a_report_not_done_by_the_deadline_exits_5_and_says_where_it_is(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    # A throttle of 3 requests on a clock that stands still: the query and the report are created, then every
    # poll is a 429, waited out until the deadline.
    emulator = pcinsights_start_emulator(rate_limit=3.0, clock=lambda: 0.0)
    result = script(
        "reports",
        "run",
        f"{OFFICE} TIMESPAN LAST_3_MONTHS",
        "--deadline",
        "0.2",
        "--max-attempts",
        "1",
        "--base-url",
        emulator.base_url,
        token=token_for(emulator),
    )
    line = one_error_line(result, 5)
    found = re.fullmatch(
        r"pcinsights: report (\S+) did not complete within 0.2 s \(last status: no execution yet\); "
        r"the report stays: `pcinsights reports download \1` once it has completed",
        line,
    )
    assert found, line


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["run", DONE_MEANS, "--format", "chart"], "reports rows have no chart"),
        (["queries", "--system-only", "--no-system"], "--system-only or --no-system"),
        (["try"], "a QUERY or --query-id"),
        (["run", DONE_MEANS, "--start", "last tuesday"], "is no time"),
        (["executions", "not-a-guid"], "not a valid UUID"),
    ],
)
def test_usage_errors_exit_2_before_any_request(args: list[str], says: str) -> None:
    result = CliRunner().invoke(app, ["reports", *args, "--base-url", "http://127.0.0.1:9"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert says in " ".join(result.output.replace("│", " ").split())


@pytest.mark.parametrize("command", ["datasets", "queries", "try", "run", "list", "executions", "download"])
def test_every_reports_command_has_an_example_in_its_help(command: str) -> None:
    result = CliRunner().invoke(app, ["reports", command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert f"pcinsights reports {command} " in result.output.split("Examples:")[1]


def test_the_spinner_shows_the_wait_then_counts_the_rows_as_they_pass() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="unused")
    with ReportProgress(console, client, "running the report") as progress:
        passed = list(progress.counted(iter(range(2500))))
    assert passed == list(range(2500))
    assert "running the report" in screen.getvalue()
    assert "reading the file" in screen.getvalue()
    assert "rows 2,500" in screen.getvalue()


def test_no_spinner_unless_stderr_is_a_terminal() -> None:
    screen = io.StringIO()
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="unused")
    with ReportProgress(Console(file=screen, force_terminal=False), client, "running the report") as progress:
        assert list(progress.counted([{"a": 1}])) == [{"a": 1}]
    assert screen.getvalue() == ""


def test_a_streamed_table_shows_the_first_rows_and_counts_them_all() -> None:
    screen = io.StringIO()
    first, total = output.first_rows(
        ({"Month": "2026-11-01", "CustomerName": f"customer number {n:05d} of many", "Units": n} for n in range(1500)),
        1000,
    )
    output.write_table(first, "OfficeUsage rows", Console(file=screen, width=120), total)
    assert (len(first), total) == (1000, 1500)
    assert "first 1,000 of 1,500 rows, month: 2026-11-01" in " ".join(screen.getvalue().split())
    assert "│   999 │" in screen.getvalue() and "1,000" not in screen.getvalue().replace("first 1,000", "")


def test_saving_a_file_renews_a_refused_link_once(
    tenant: RunningEmulator, office: tuple[str, list[Row]], tmp_path: Path
) -> None:
    report_id, _ = office
    with AuthenticatedClient(base_url=tenant.base_url, token=token_for(tenant)) as client:
        good = report_calls.execution_to_read(client, report_id, None)
    link = str(good.report_access_secure_link)
    tampered = attrs.evolve(good, report_access_secure_link=link[:-4] + "AAAA")
    target = tmp_path / "usage.csv"
    size = report_calls.save_file(tampered, target, lambda: good)
    assert size == target.stat().st_size and target.read_bytes().startswith(b"CustomerTenantId,")
    with pytest.raises(ReportDownloadError) as refused:
        report_calls.save_file(tampered, tmp_path / "again.csv", lambda: tampered)
    assert str(refused.value).startswith("the report file at ")
    assert "refused even after a fresh link: HTTP 403" in str(refused.value)
    assert "sig=" not in str(refused.value)  # the signature stays out of messages
    assert sorted(path.name for path in tmp_path.iterdir()) == ["usage.csv"]


def test_the_report_errors_exit_5_and_a_timeout_says_how_to_fetch_the_report_later() -> None:
    timeout = ReportTimeoutError("report r1 did not complete", report_id="r1", last_status="Running", deadline=1.0)
    for error in (timeout, ReportDownloadError("cut off"), ReportFormatError("row 3: not a number", row=3)):
        assert exit_code(error) == 5
    assert describe(timeout) == (
        "report r1 did not complete; the report stays: `pcinsights reports download r1` once it has completed"
    )
    assert exit_code(report_calls.OutputFileError("cannot write x")) == 1


def test_start_and_end_choose_the_months_instead_of_the_timespan(tenant: RunningEmulator) -> None:
    today = datetime.now(UTC).date()
    month = (today.replace(day=1) - timedelta(days=70)).replace(day=1)  # two or three months back
    end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    query = "SELECT DISTINCT Month FROM OfficeUsage TIMESPAN LAST_MONTH"
    naive = cli(tenant, "reports", "try", query, "--start", month.isoformat(), "--end", f"{end}T12:00:00", "-f", "json")
    zoned = cli(tenant, "reports", "try", query, "--start", f"{month}T00:00:00Z", "--end", f"{end}T12:00:00+00:00")
    assert json.loads(naive) == [{"Month": month.isoformat()}]
    assert zoned.splitlines() == ["Month", month.isoformat()]
