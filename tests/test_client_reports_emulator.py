"""run_report and iter_report_rows against the emulator, sync and async: a run-now OfficeUsage report from query to
typed rows, the TSV twin, a link that expired on the emulator's clock renewed, a deleted report's file gone, and
throttled operations waited out. Real time only for the emulator's run-now moments (polls back off from 20 ms)."""

from __future__ import annotations

from typing import Any

import pytest
from partner_center_analytics import (
    AuthenticatedClient,
    ReportDownloadError,
    RetryPolicy,
    aiter_report_rows,
    arun_report,
    iter_report_rows,
    run_report,
)
from partner_center_analytics.api.reports import delete_report
from partner_center_analytics.models.office_usage_row import OfficeUsageRow
from partner_center_analytics.models.report_execution import ReportExecution

from pcinsights.emulator import RunningEmulator
from pcinsights.pytest_plugin import Clock, Faults
from tests._support import GENERATED_PROJECT_DIR, call, token_for

QUERY = (
    "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits, MonthlyActiveUsers FROM OfficeUsage TIMESPAN LAST_MONTH"
)
FAST = RetryPolicy(base_delay=0.02, max_delay=0.2)


def _client(emulator: RunningEmulator) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator), retry=FAST)


async def run(mode: str, client: AuthenticatedClient, query: str = QUERY, **options: Any) -> ReportExecution:
    options.setdefault("deadline", 30.0)
    if mode == "sync":
        return run_report(client, query, **options)
    return await arun_report(client, query, **options)


async def rows(mode: str, client: AuthenticatedClient, execution: ReportExecution, **options: Any) -> list[Any]:
    if mode == "sync":
        return list(iter_report_rows(client, execution, **options))
    return [row async for row in aiter_report_rows(client, execution, **options)]


async def test_a_license_query_runs_to_typed_rows(
    mode: str, emulator: RunningEmulator, pcinsights_clock: Clock
) -> None:
    client = _client(emulator)
    execution = await run(mode, client)
    assert str(execution.execution_status) == "Completed" and str(execution.format_).lower() == "csv"
    typed = await rows(mode, client, execution, dataset="OfficeUsage")
    assert typed and all(type(row) is OfficeUsageRow for row in typed)
    assert all(isinstance(row.paid_available_units, int) and isinstance(row.monthly_active_users, int) for row in typed)
    assert all(row.paid_available_units >= row.monthly_active_users >= 0 for row in typed)
    plain = await rows(mode, client, execution)
    assert [row["CustomerTenantId"] for row in plain] == [row.customer_tenant_id for row in typed]
    assert list(plain[0]) == ["CustomerTenantId", "WorkloadName", "PaidAvailableUnits", "MonthlyActiveUsers"]

    again = await run(mode, client, format="TSV")  # the same text: the query is reused
    assert str(again.format_).lower() == "tsv" and again.report_id != execution.report_id
    assert await rows(mode, client, again, dataset="officeusage") == typed


async def test_an_expired_link_is_renewed_and_a_deleted_reports_file_is_gone(
    mode: str, emulator: RunningEmulator, pcinsights_clock: Clock
) -> None:
    client = _client(emulator)
    execution = await run(mode, client)
    expected = await rows(mode, client, execution)
    pcinsights_clock.advance(2 * 3600)  # past the link's hour on the emulator's clock: 403
    assert await rows(mode, client, execution) == expected
    assert isinstance(execution.report_id, str)
    await call(mode, delete_report, execution.report_id, client=client)
    with pytest.raises(ReportDownloadError, match="the report file is gone") as caught:
        await rows(mode, client, execution)  # the expired link refused, the execution read again: no more
    assert caught.value.status_code == 404


async def test_throttled_operations_are_waited_out(
    mode: str, emulator: RunningEmulator, pcinsights_clock: Clock, pcinsights_faults: Faults
) -> None:
    pcinsights_faults.fail_429(0.5, retry_after=0)
    client = _client(emulator)
    execution = await run(mode, client, name="throttled")
    assert str(execution.execution_status) == "Completed"
    pcinsights_faults.reset()
    assert await rows(mode, client, execution)


def test_the_readme_reports_example_runs(emulator: RunningEmulator, pcinsights_clock: Clock) -> None:
    readme = (GENERATED_PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    example = next(block.split("```", 1)[0] for block in readme.split("```python\n") if "run_report(" in block)
    printed: list[tuple[Any, ...]] = []
    namespace: dict[str, Any] = {"client": _client(emulator), "print": lambda *values: printed.append(values)}
    exec(compile(example, "README", "exec"), namespace)
    assert printed and all(isinstance(units, int) for _, _, units in printed)
