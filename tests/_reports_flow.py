"""A short reports flow through the generated client, as an app runs one: create a query, create an ExecuteNow
report, poll its executions until the run completes (the 404 before it, as documented), read the report, delete it,
read it again (now a 404). Record and replay (tests/test_replay.py) and drift (tests/test_drift.py) run it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

from partner_center_analytics import AuthenticatedClient, NotFoundError
from partner_center_analytics.api.reports import (
    create_report,
    create_report_query,
    delete_report,
    get_report_executions,
    get_reports,
)
from partner_center_analytics.models import ReportCreate, ReportQueryCreate

QUERY = "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH"
ALL_STATUSES = "Pending;Running;Paused;Completed"
POLLS = 250  # with 20 ms between them: an ExecuteNow run completes within a second or two


def reports_flow(client: AuthenticatedClient, sleep: Callable[[float], None] = time.sleep) -> list[Any]:
    """Every answer the flow got, as JSON data (a 404 as its status and message), in order."""
    answers: list[Any] = []
    query = create_report_query.sync(client=client, body=ReportQueryCreate(name="flow", query=QUERY))
    answers.append(query.to_dict())
    settings = ReportCreate(report_name="flow", query_id=UUID(query.value[0].query_id), execute_now=True)
    report = create_report.sync(client=client, body=settings)
    answers.append(report.to_dict())
    report_id = str(report.value[0].report_id)
    answers.append(get_report_executions.sync(report_id, client=client, execution_status=ALL_STATUSES).to_dict())
    for _ in range(POLLS):
        try:
            answers.append(get_report_executions.sync(report_id, client=client).to_dict())
            break
        except NotFoundError as error:  # not completed yet
            answers.append([404, str(error)])
            sleep(0.02)
    answers.append(get_reports.sync(client=client, report_id=report_id).to_dict())
    answers.append(delete_report.sync(report_id, client=client).to_dict())
    try:
        get_reports.sync(client=client, report_id=report_id)
    except NotFoundError as error:
        answers.append([404, str(error)])
    return answers
