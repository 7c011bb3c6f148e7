"""The reports API's JSON: the camelCase envelope every 200 and the operations' own 400s and 404s answer in, and
its items (datasets, queries, reports, executions), as the real examples and working clients read them.

``{"value": [...], "nextLink": null, "totalCount": n, "message": ..., "statusCode": ..., "dataRedacted": false}``;
an error has ``value: []``, ``totalCount: 0`` and the documented message. Auth, throttling and injected faults
answer with Partner Center's usual error body instead (``wire``), as for the other operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.responses import Response

from pcinsights.emulator.reports.clock import format_time
from pcinsights.emulator.reports.engine import DatasetInfo, SystemQueryInfo
from pcinsights.emulator.reports.store import ExecutionRecord, QueryRecord, ReportRecord
from pcinsights.emulator.wire import ApiError, RequestIds, json_response

JsonObject = dict[str, object]

# The documented messages (FAQ), and the 404s'.
INVALID_TABLE = "Invalid table name"
MISSING = "Null or missing value"
BAD_INTERVAL = "Recurrence Interval must be between 4 and 2160"
START_TOO_SOON = (
    "Invalid report parameters for creation - Start time of report should at least be 4 hours from current UTC time"
)
INVALID_QUERY_ID = "Invalid QueryId"
INVALID_PARAMETERS = "Invalid report parameters"
NOT_FOUND = "No item found with given filters."
NO_EXECUTIONS = (
    "There are no executions that have occurred for the given filter conditions. Double check the reportId or"
    " executionId and retry the API after the report's scheduled execution time"
)
SYSTEM_CREATED = 1626220800  # 2021-07-14, the system queries page's date
SYSTEM_USER = "system"


def not_found_value(value: object) -> str:
    """The 400 for a value outside an enum (Format, CallbackMethod, executionStatus)."""
    return f"Requested value '{value}' not found"


def envelope(value: Sequence[object], message: str | None, status: int = 200) -> JsonObject:
    return {
        "value": list(value),
        "nextLink": None,
        "totalCount": len(value),
        "message": message,
        "statusCode": status,
        "dataRedacted": False,
    }


class ReportError(ApiError):
    """A 400 or 404 of a reports operation itself: answered in the envelope, with the documented message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, status, message)

    def response(self, ids: RequestIds) -> Response:
        return json_response(self.status, envelope([], self.description, self.status), ids, self.headers)


def bad(message: str) -> ReportError:
    return ReportError(400, message)


def dataset_json(dataset: DatasetInfo) -> JsonObject:
    return {
        "datasetName": dataset.name,
        "selectableColumns": list(dataset.columns),
        "availableMetrics": list(dataset.metrics),
        "availableDateRanges": list(dataset.date_ranges),
        "minimumRecurrenceInterval": dataset.minimum_recurrence_interval,
    }


def query_json(query: QueryRecord) -> JsonObject:
    return {
        "queryId": query.query_id,
        "name": query.name,
        "description": query.description,
        "query": query.query,
        "type": "userDefined",
        "user": query.user,
        "createdTime": format_time(query.created),
    }


def system_query_json(query: SystemQueryInfo) -> JsonObject:
    return {
        "queryId": query.query_id,
        "name": query.name,
        "description": query.description,
        "query": query.query,
        "type": "system",
        "user": SYSTEM_USER,
        "createdTime": format_time(SYSTEM_CREATED),
    }


def _schedule(report: ReportRecord) -> JsonObject:
    return {
        "recurrenceInterval": report.interval,
        "recurrenceCount": report.count,
        "callbackUrl": report.callback_url,
        "callbackMethod": report.callback_method if report.callback_url else None,
    }


def report_json(report: ReportRecord) -> JsonObject:
    return {
        "reportId": report.report_id,
        "reportName": report.name,
        "description": report.description,
        "queryId": report.query_id,
        "query": report.query,
        "user": report.user,
        "createdTime": format_time(report.created),
        "modifiedTime": None if report.modified is None else format_time(report.modified),
        "executeNow": report.execute_now,
        "startTime": format_time(report.start),
        "reportStatus": report.status,
        **_schedule(report),
        "format": report.format,
    }


def execution_json(execution: ExecutionRecord, report: ReportRecord, link: tuple[str, str] | None) -> JsonObject:
    """An execution; ``link`` (its URL and expiry) when it is Completed."""
    return {
        "executionId": execution.execution_id,
        "reportId": execution.report_id,
        **_schedule(report),
        "format": execution.format,
        "executionStatus": execution.status,
        "reportLocation": None,
        "reportAccessSecureLink": None if link is None else link[0],
        "reportExpiryTime": None if link is None else link[1],
        "reportGeneratedTime": None if execution.generated is None else format_time(execution.generated),
    }


def row_json(columns: Sequence[str], row: Sequence[object]) -> Mapping[str, object]:
    """A try row: an object keyed by the selected columns, its values as JSON has them (others as text)."""
    return {
        column: value if value is None or isinstance(value, bool | int | float | str) else str(value)
        for column, value in zip(columns, row, strict=False)
    }
