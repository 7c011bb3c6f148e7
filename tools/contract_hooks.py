"""Schemathesis hooks for `make contract`'s main pass against the emulator (``SCHEMATHESIS_HOOKS``, set by
tools/contract.py): let the stateful phase walk from a query to a report to its executions.

Half of the drawn cases go out as drawn; the other half (listed first, so they are what Hypothesis starts from
and shrinks towards) are changed only in ways that keep a schema-valid case valid and an invalid one invalid (a
field left out or added where the schema does not require it, never a value replaced), so the checks judge them
alike:

- createReport: without ``ExecuteNow``, ``StartTime`` and ``RecurrenceInterval`` are required, a rule beyond the
  schema that random bodies nearly always break (a 400). Missing ones are filled in with a start far ahead and a
  daily interval, so reports get created and the links from them are followed.
- updateReport: ``StartTime`` is required and must be 4 hours ahead; a drawn date-time almost never is. A
  well-formed one is moved to the same far start (a valid value for a valid one; a malformed one stays).
- getReports: the link from createReport names the report; the optional ``reportName`` and ``queryId`` filters
  drawn beside it nearly always match nothing (a 404). Well-formed ones are left out, so the link finds its report.
- getReportExecutions: the link from createReport names the report and asks for every status; schemathesis fills
  the optional ``executionId`` filter too, nearly always, with a made-up id (or the spec's example), and a filter
  matching nothing is rightly a 404; once such 404s come back it also stops applying the link's status list, and
  the default (Completed only) is a 404 for a new report too. So a well-formed ``executionId`` is left out and a
  missing ``executionStatus`` is the spec's example, every status, as the link means. An ``executionId`` that
  breaks the schema stays: it may be what makes a negative case negative.
"""

from __future__ import annotations

import re
from typing import Any

import schemathesis
from hypothesis import strategies as st

OPERATION = "getReportExecutions"
PARAMETER = "executionId"
STATUSES = "executionStatus"  # absent: Completed only, so a new report's executions are a 404
CREATE = "createReport"
UPDATE = "updateReport"
REPORTS = "getReports"
REPORT_FILTERS = ("reportName", "queryId")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
SCHEDULE = {"StartTime": "2099-01-01T00:00:00Z", "RecurrenceInterval": 24}  # always ahead; every dataset allows 24


def _schema(operation: Any, name: str) -> dict[str, Any]:
    """The spec's schema of the operation's query parameter ``name``."""
    for parameter in operation.definition.raw.get("parameters") or []:
        if parameter.get("name") == name and parameter.get("in") == "query":
            return dict(parameter.get("schema") or {})
    return {}


def _well_formed(schema: dict[str, Any], value: object) -> bool:
    """Whether ``value`` meets the parameter's pattern and length."""
    return (
        isinstance(value, str)
        and len(value) <= schema.get("maxLength", len(value))
        and re.search(schema.get("pattern", ""), value) is not None
    )


@schemathesis.hook
def flatmap_query(context: Any, query: dict[str, Any] | None) -> Any:
    """The executions query asking for the report's executions in any status, or, as often, as drawn."""
    operation = context.operation
    operation_id = None if operation is None else operation.definition.raw.get("operationId")
    if operation_id == REPORTS:
        kept = {
            name: value
            for name, value in (query or {}).items()
            if name not in REPORT_FILTERS or not _well_formed(_schema(operation, name), value)
        }
        return st.sampled_from([kept, query])
    if operation is None or operation_id != OPERATION:
        return st.just(query)
    drawn = dict(query or {})
    if _well_formed(_schema(operation, PARAMETER), drawn.get(PARAMETER)):
        del drawn[PARAMETER]
    drawn.setdefault(STATUSES, _schema(operation, STATUSES).get("example", ""))
    return st.sampled_from([drawn, query])


@schemathesis.hook
def flatmap_body(context: Any, body: Any) -> Any:
    """createReport's body with a schedule where it has none, updateReport's with a start far ahead, or, as often,
    as drawn."""
    operation = context.operation
    operation_id = None if operation is None else operation.definition.raw.get("operationId")
    if not isinstance(body, dict):
        return st.just(body)
    if operation_id == CREATE:
        return st.sampled_from([{**SCHEDULE, **body}, body])
    start = body.get("StartTime")
    if operation_id == UPDATE and isinstance(start, str) and _DATE_TIME.fullmatch(start):
        return st.sampled_from([{**body, "StartTime": SCHEDULE["StartTime"]}, body])
    return st.just(body)
