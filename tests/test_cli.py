"""The installed ``pcinsights`` console script, run in a subprocess against real emulators over loopback."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from partner_center_analytics import AuthenticatedClient
from rich.console import Console
from typer.testing import CliRunner

from pcinsights.cli import app
from pcinsights.cli.progress import FanOutProgress
from pcinsights.emulator import RunningEmulator, World
from pcinsights.emulator.wire import to_json
from tests._support import token_for

PCINSIGHTS = Path(sys.executable).parent / "pcinsights"
SECRET = "s3cret-bearer-value-0123456789"
UNKNOWN_CUSTOMER = "00000000-0000-4000-8000-000000000000"


def pcinsights(
    *args: str, token: str | None = None, pythonpath: Path | None = None, more_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console script with ``token`` in PARTNER_CENTER_TOKEN and its output captured (stdout a pipe)."""
    env = {key: value for key, value in os.environ.items() if key != "PARTNER_CENTER_TOKEN"}
    env["COLUMNS"] = "200"
    env.update(more_env or {})
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    if token is not None:
        env["PARTNER_CENTER_TOKEN"] = token
    return subprocess.run([str(PCINSIGHTS), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def _normalised(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with the timestamp in one spelling: the emulator varies it, the models re-serialise it."""
    return [
        {**row, "processedDateTime": datetime.fromisoformat(str(row["processedDateTime"])).isoformat()} for row in rows
    ]


def _one_line_error(result: subprocess.CompletedProcess[str], status: int) -> str:
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_partner_deployment_json_is_the_worlds_rows(emulator: RunningEmulator) -> None:
    result = pcinsights("deployment", "--base-url", emulator.base_url, "--format", "json", token=token_for(emulator))
    assert result.returncode == 0, result.stderr
    expected = [to_json(row) for row in emulator.world.partner_deployment()]
    assert json.loads(result.stdout) == _normalised(expected)


def test_partner_usage_ndjson_is_the_worlds_rows(emulator: RunningEmulator, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(token_for(emulator) + "\n")
    result = pcinsights(
        "usage", "--base-url", emulator.base_url, "-f", "ndjson", "--token-file", str(token_file), token=None
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = [to_json(row) for row in emulator.world.partner_usage()]
    assert [json.loads(line) for line in lines] == _normalised(expected)


def test_piped_output_defaults_to_csv_with_the_worlds_figures(emulator: RunningEmulator) -> None:
    customer = emulator.world.customers[3]
    result = pcinsights(
        "customer", "usage", "--customer", customer.id, "--base-url", emulator.base_url, token=token_for(emulator)
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = emulator.world.customer_usage(customer.id)
    assert [
        (
            row["customerId"],
            row["productName"],
            row["workloadName"],
            int(row["licensesActive"]),
            float(row["usagePercent"]),
        )
        for row in rows
    ] == [(e.customer_id, e.product_name, e.workload_name, e.licenses_active, e.usage_percent) for e in expected]
    assert "attributes" not in rows[0]


def test_table_lists_customers_and_formats_percentages(emulator: RunningEmulator) -> None:
    listing = pcinsights(
        "customers", "--base-url", emulator.base_url, "--format", "table", "--page-size", "7", token=token_for(emulator)
    )
    assert listing.returncode == 0, listing.stderr
    for customer in emulator.world.customers:
        assert customer.id in listing.stdout
    assert f"{len(emulator.world.customers)} rows" in listing.stdout

    table = pcinsights("deployment", "--base-url", emulator.base_url, "--format", "table", token=token_for(emulator))
    assert table.returncode == 0, table.stderr
    for row in emulator.world.partner_deployment():
        assert f"{row.prorated_deployment_percent * 100:.1f}%" in table.stdout
        assert f"{row.licenses_sold:,}" in table.stdout


def test_chart_draws_a_bar_per_service(emulator: RunningEmulator) -> None:
    result = pcinsights(
        "deployment", "--base-url", emulator.base_url, "--format", "chart", "--bars", "50", token=token_for(emulator)
    )
    assert result.returncode == 0, result.stderr
    bars = [line for line in result.stdout.splitlines() if "%" in line]
    rows = sorted(emulator.world.partner_deployment(), key=lambda row: -row.licenses_sold)
    assert len(bars) == len(rows)
    for bar, row in zip(bars, rows, strict=True):
        assert bar.startswith(f"{row.service_name} · {row.channel} ")
        assert re.search(rf" {row.prorated_deployment_percent * 100:.1f}% +{row.licenses_sold:,} sold$", bar), bar


@pytest.mark.slow
def test_every_customer_through_a_throttle_arrives_exactly_once(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    # A token bucket plus a seeded share of 429s: the throttle engages however slow the machine is.
    emulator = pcinsights_start_emulator(customers=200, rate_limit=100.0, fail_429=0.1, retry_after=0)
    result = pcinsights(
        "customer",
        "deployment",
        "--all",
        "--base-url",
        emulator.base_url,
        "-f",
        "ndjson",
        "--max-attempts",
        "8",
        token=token_for(emulator),
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [
        to_json(row) for customer in emulator.world.customers for row in emulator.world.customer_deployment(customer.id)
    ]
    assert Counter(json.dumps(row, sort_keys=True) for row in rows) == Counter(
        json.dumps(row, sort_keys=True) for row in _normalised(expected)
    )
    assert emulator.stats.by_status.get(429, 0) > 0, "the throttle never engaged"


def test_all_customers_chart_shows_the_top_customers_by_licenses(emulator: RunningEmulator) -> None:
    result = pcinsights(
        "customer",
        "deployment",
        "--all",
        "--base-url",
        emulator.base_url,
        "-f",
        "chart",
        "--bars",
        "3",
        token=token_for(emulator),
    )
    assert result.returncode == 0, result.stderr
    bars = [line for line in result.stdout.splitlines() if "%" in line]
    sold = {
        customer.name: sum(row.licenses_sold for row in emulator.world.customer_deployment(customer.id))
        for customer in emulator.world.customers
    }
    top = sorted(sold, key=lambda name: -sold[name])[:3]
    assert len(bars) == 3
    for bar, name in zip(bars, top, strict=True):
        assert bar.startswith(name[:20])
        assert f"of {sold[name]:,} deployed" in bar


def test_failed_customers_are_reported_after_the_others_print(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    # Seed 4's first fault draw spares the listing; a quarter of the customer calls then get a 500.
    emulator = pcinsights_start_emulator(seed=4, customers=30, fail_500=0.25)
    result = pcinsights(
        "customer",
        "usage",
        "--all",
        "--base-url",
        emulator.base_url,
        "-f",
        "ndjson",
        "--max-attempts",
        "1",
        token=token_for(emulator),
    )
    assert result.returncode == 5, result.stderr
    printed = {json.loads(line)["customerId"] for line in result.stdout.splitlines()}
    failed = {line.split()[2] for line in result.stderr.splitlines() if line.startswith("pcinsights: customer ")}
    with_rows = {customer.id for customer in emulator.world.customers if emulator.world.customer_usage(customer.id)}
    assert printed and failed
    assert printed | failed >= with_rows
    assert printed <= with_rows
    assert not printed & failed
    assert result.stderr.strip().splitlines()[-1] == f"pcinsights: {len(failed)} customers failed; printed the rest"
    assert "HTTP 500" in result.stderr


def test_no_token_is_a_clear_error(emulator: RunningEmulator, tmp_path: Path) -> None:
    # The dev environment has azure-identity, which the tool would fall back to: hide it, as on a bare install.
    hidden = tmp_path / "azure" / "identity"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text('raise ImportError("azure-identity hidden by the test")\n', encoding="utf-8")
    result = pcinsights("deployment", "--base-url", emulator.base_url, token=None, pythonpath=tmp_path)
    line = _one_line_error(result, 3)
    assert line == "pcinsights: no token: use --token-file, PARTNER_CENTER_TOKEN, or install pcinsights[azure]"


def test_azure_identity_finding_no_sign_in_is_one_line_and_its_log_only_with_verbose(tmp_path: Path) -> None:
    # The real azure-identity with its developer credentials only (no managed-identity probe off the machine),
    # an empty HOME (no token cache) and a PATH without az, pwsh or azd: every one of them fails, locally.
    alone = {"AZURE_TOKEN_CREDENTIALS": "dev", "HOME": str(tmp_path), "PATH": str(tmp_path)}
    quiet = pcinsights("deployment", "--base-url", "http://127.0.0.1:9", more_env=alone)
    line = _one_line_error(quiet, 3)
    assert line.startswith("pcinsights: ")
    assert "sign-in failed: DefaultAzureCredential failed to retrieve a token" in line
    verbose = pcinsights("deployment", "--base-url", "http://127.0.0.1:9", "-v", more_env=alone)
    assert verbose.returncode == 3
    assert "azure.identity" in verbose.stderr
    assert "AzureCliCredential" in verbose.stderr  # the credentials it tried, as azure-identity logs them
    assert verbose.stderr.strip().splitlines()[-1] == line


def _unreadable(path: Path) -> Path:
    path.write_text(SECRET)
    path.chmod(0)
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda folder: folder / "missing", "cannot read --token-file {path}: No such file or directory"),
        (lambda folder: folder, "cannot read --token-file {path}: Is a directory"),
        (lambda folder: _written(folder / "blank", b" \n"), "--token-file {path} is empty"),
        (lambda folder: _written(folder / "latin1", b"caf\xe9"), "--token-file {path} is not UTF-8 text"),
        (lambda folder: _written(folder / "big", b"x" * 70_000), "--token-file {path} is larger than 64 KiB"),
        pytest.param(
            lambda folder: _unreadable(folder / "locked"),
            "cannot read --token-file {path}: Permission denied",
            marks=pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file"),
        ),
    ],
    ids=["missing", "directory", "empty", "not-utf8", "too-large", "unreadable"],
)
def test_a_token_file_that_gives_no_token_is_one_line_and_exit_3(
    tmp_path: Path, make: Callable[[Path], Path], says: str
) -> None:
    path = make(tmp_path)
    line = _one_line_error(pcinsights("deployment", "--base-url", "http://127.0.0.1:9", "--token-file", str(path)), 3)
    assert line.startswith("pcinsights: " + says.format(path=path))


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_rejected_tokens_exit_3_without_echoing_them(pcinsights_start_emulator: Callable[..., RunningEmulator]) -> None:
    emulator = pcinsights_start_emulator(
        accepted_tokens=frozenset({"good", SECRET}), forbidden_tokens=frozenset({SECRET})
    )
    unauthorised = _one_line_error(pcinsights("usage", "--base-url", emulator.base_url, token=SECRET + "x"), 3)
    assert "HTTP 401" in unauthorised
    assert "request id" in unauthorised
    forbidden = _one_line_error(pcinsights("deployment", "--base-url", emulator.base_url, token=SECRET), 3)
    assert "HTTP 403" in forbidden
    assert forbidden.endswith("App+User tokens only")
    assert SECRET not in unauthorised + forbidden


def test_unknown_customer_exits_4_with_the_request_id(emulator: RunningEmulator) -> None:
    result = pcinsights(
        "customer",
        "deployment",
        "--customer",
        UNKNOWN_CUSTOMER,
        "--base-url",
        emulator.base_url,
        token=token_for(emulator),
    )
    line = _one_line_error(result, 4)
    assert "HTTP 404" in line
    assert "request id" in line


def test_server_down_exits_5(tmp_path: Path) -> None:
    with socket.socket() as held:  # bound and held but never listening: connections are refused, no one can take it
        held.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{held.getsockname()[1]}"
        result = pcinsights("deployment", "--base-url", base_url, "--max-attempts", "2", token=SECRET)
    line = _one_line_error(result, 5)
    assert line.startswith(f"pcinsights: cannot reach {base_url}: ")


def test_verbose_logs_requests_retries_and_timings_never_the_token(
    pcinsights_start_emulator: Callable[..., RunningEmulator],
) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens=frozenset({SECRET}), fail_503=1.0, retry_after=0)
    failed = pcinsights("deployment", "--base-url", emulator.base_url, "-vv", "--max-attempts", "3", token=SECRET)
    assert failed.returncode == 5
    assert failed.stderr.count("Retrying GET /v1/analytics/licenses/deployment") == 2
    assert "HTTP 503" in failed.stderr.strip().splitlines()[-1]

    ok = pcinsights_start_emulator(accepted_tokens=frozenset({SECRET}))
    worked = pcinsights("customers", "--base-url", ok.base_url, "-vv", "-f", "json", token=SECRET)
    assert worked.returncode == 0, worked.stderr
    assert "HTTP Request: GET" in worked.stderr
    assert "customers: 40 in" in worked.stderr
    for output in (failed.stdout, failed.stderr, worked.stdout, worked.stderr):
        assert SECRET not in output


def test_emulator_mode_needs_no_token() -> None:
    result = pcinsights("deployment", "--emulator", "--customers", "12", "--format", "json", token=None)
    assert result.returncode == 0, result.stderr
    expected = [to_json(row) for row in World(seed=42, size=12).partner_deployment()]
    assert json.loads(result.stdout) == _normalised(expected)


@pytest.mark.parametrize(
    "command", [["deployment"], ["usage"], ["customers"], ["customer", "deployment"], ["customer", "usage"]]
)
def test_every_command_has_an_example_in_its_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"pcinsights {' '.join(command)} " in result.output.split("Examples:")[1]


@pytest.mark.parametrize("command", [["deployment"], ["customer", "usage"], ["licenses", "deployment"]])
def test_verbose_is_shown_as_the_counter_it_is(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    (line,) = [line for line in result.output.splitlines() if "--verbose" in line]
    assert re.search(r"--verbose\s+-v\s+Log requests", line), line  # no value column: -v, -vv, ...


@pytest.mark.parametrize("command", [["deployment"], ["customer", "usage", "--all"]])
def test_top_is_only_the_apis_page_size_so_a_chart_command_refuses_it(command: list[str]) -> None:
    result = pcinsights(*command, "--emulator", "--format", "chart", "--top", "3")
    assert result.returncode == 2
    assert "No such option: --top" in result.stderr
    assert "--bars" in CliRunner().invoke(app, [*command[:2], "--help"], env={"COLUMNS": "200"}).output


def test_usage_errors_exit_2() -> None:
    both = pcinsights("customer", "usage", "--emulator", "--all", "--customer", UNKNOWN_CUSTOMER)
    assert both.returncode == 2
    assert "--customer ID or --all" in both.stderr
    chart = pcinsights("customers", "--emulator", "--format", "chart")
    assert chart.returncode == 2
    assert "Traceback" not in both.stderr + chart.stderr


def test_the_all_progress_bar_counts_customers_and_errors_once_the_listing_is_done() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token="unused")
    with FanOutProgress(console, client) as progress:
        progress.start(3)
        for failed in (False, True, False):
            progress.advance(failed=failed)
    assert "listing customers" in screen.getvalue()
    assert "3/3" in screen.getvalue()
    assert "errors 1" in screen.getvalue()
