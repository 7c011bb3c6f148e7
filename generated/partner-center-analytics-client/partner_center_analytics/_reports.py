# Copied from overrides/runtime/_reports.py by `make generate`; edit it there.
"""Run a report query to completion: create or reuse the query, create a run-now report, wait for its execution.

What an integrator would otherwise write badly. The waiting is one flow for sync and async: a generator that asks
for calls and sleeps (``_Call``, ``_Sleep``) and is driven by ``run_report`` or ``arun_report``, so the same rules
hold for both and a test drives it with a fake clock. The rules:

- Time is the ``RetryPolicy``'s (``clock``, ``sleep``/``async_sleep``, ``jitter``, ``now``): a test hands in a fake
  one. ``deadline`` seconds bound the whole run; past it, ``ReportTimeoutError`` names the report and the status
  last seen (the report is left in place: poll it later or delete it).
- Polls back off from ``base_delay`` doubling to ``max_delay`` (the policy's), with jitter in the upper half so no
  poll comes at once; a ``Retry-After`` (429, or 503 once the transport's retries ran out) is honoured.
- The executions call is made with every status (``Pending;Running;Paused;Completed``), so a run in progress is
  seen with its status. Both readings of the docs are tolerated: a 404 before the first completed run, and a 200
  whose latest execution is ``Pending`` or ``Running``. 502, 503 and 504 while waiting are waited out too.
- The POSTs are not retried by the transport (not idempotent); their 429 is waited out here (the server refused, so
  nothing was created). Before creating the query again, the lookup is repeated.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Generator
from datetime import datetime
from types import ModuleType
from typing import Any

from attrs import frozen

from ._client import AuthenticatedClient
from ._errors import ReportError, ReportTimeoutError, UnexpectedResponseError
from ._retry import RetryPolicy, retry_after_seconds
from ._runtime import unwrap
from ._types import UNSET, Response, Unset
from .api.reports import create_report, create_report_query, get_report_executions, get_report_queries
from .models.report_create import ReportCreate
from .models.report_execution import ReportExecution
from .models.report_execution_list import ReportExecutionList
from .models.report_list import ReportList
from .models.report_query_create import ReportQueryCreate
from .models.report_query_list import ReportQueryList
from .models.report_request_format import ReportRequestFormat

ALL_STATUSES = "Pending;Running;Paused;Completed"
COMPLETED = "completed"
# The shortest wait between tries, whatever the policy says: a policy without backoff must not poll in a tight loop.
MIN_WAIT = 0.05
_THROTTLED = frozenset({429})
_WAIT_OUT = frozenset({429, 502, 503, 504})  # while polling: transient, however long they last


@frozen
class _Call:
    """Call ``operation``'s ``sync_detailed`` (or ``asyncio_detailed``) with ``kwargs``; the flow gets the response."""

    operation: ModuleType
    kwargs: dict[str, Any]


@frozen
class _Sleep:
    """Wait ``seconds`` on the policy's sleep."""

    seconds: float


Flow = Generator[_Call | _Sleep, Any, ReportExecution]


class _Budget:
    """The run's deadline and backoff, on the policy's clock."""

    def __init__(self, policy: RetryPolicy, deadline: float) -> None:
        self.policy = policy
        self.deadline = deadline
        self.ends = policy.clock() + deadline
        self.attempt = 0

    def left(self) -> float:
        return self.ends - self.policy.clock()

    def wait(self, response: Response[Any] | None) -> float | None:
        """The wait before the next try (``response``'s ``Retry-After`` honoured), or None when the deadline leaves
        no time for one. A wait that would end past the deadline is cut to end at it, for one last try."""
        self.attempt += 1
        retry_after = None
        if response is not None:
            retry_after = retry_after_seconds(response.headers.get("Retry-After"), self.policy.now())
        growing = min(self.policy.max_delay, self.policy.base_delay * 2.0 ** (self.attempt - 1))
        wait = max(MIN_WAIT, growing * (0.5 + self.policy.jitter() / 2))
        if retry_after is not None:
            wait = max(wait, retry_after)
        left = self.left()
        if left <= 0:
            return None
        return min(wait, left)


def default_name(query: str) -> str:
    """The name of a query (and its report) that the caller did not name: stable for the same text."""
    return "pcinsights-" + hashlib.sha256(query.encode("utf-8")).hexdigest()[:16]


def _text(value: object) -> str | None:
    if value is None or isinstance(value, Unset):
        return None
    return str(getattr(value, "value", value))


def _find_query(page: ReportQueryList, query: str) -> str | None:
    """The id of a user-defined query whose text is ``query`` (surrounding whitespace aside)."""
    wanted = query.strip()
    for item in page.value:
        if (_text(item.type_) or "").lower() == "system":
            continue
        if isinstance(item.query, str) and item.query.strip() == wanted:
            return item.query_id
    return None


def _first(values: list[Any], what: str, response: Response[Any]) -> Any:
    if not values:
        raise UnexpectedResponseError(f"HTTP {int(response.status_code)} response names no {what}")
    return values[0]


def _query_flow(query: str, name: str, budget: _Budget) -> Generator[_Call | _Sleep, Any, str]:
    """The id of a user query with this text: an existing one, else a new one."""
    while True:
        found: Response[Any] = yield _Call(get_report_queries, {"include_system_queries": False})
        if found.status_code == 200:
            query_id = _find_query(unwrap(found, ReportQueryList), query)
            if query_id is not None:
                return query_id
        elif found.status_code != 404:  # 404: no user query at all
            if found.status_code in _THROTTLED and (wait := budget.wait(found)) is not None:
                yield _Sleep(wait)
                continue
            unwrap(found, ReportQueryList)
        created: Response[Any] = yield _Call(create_report_query, {"body": ReportQueryCreate(name=name, query=query)})
        if created.status_code in _THROTTLED and (wait := budget.wait(created)) is not None:
            yield _Sleep(wait)
            continue  # looked up again first: a refused request created nothing, but who knows what else did
        item = _first(unwrap(created, ReportQueryList).value, "query", created)
        return str(item.query_id)


def _report_flow(body: ReportCreate, budget: _Budget) -> Generator[_Call | _Sleep, Any, str]:
    while True:
        created: Response[Any] = yield _Call(create_report, {"body": body})
        if created.status_code in _THROTTLED and (wait := budget.wait(created)) is not None:
            yield _Sleep(wait)
            continue
        return str(_first(unwrap(created, ReportList).value, "report", created).report_id)


def _latest(page: ReportExecutionList, report_id: str) -> ReportExecution | None:
    """This report's execution in the answer (the latest of it, as asked), or None."""
    mine = [item for item in page.value if (_text(item.report_id) or report_id).lower() == report_id.lower()]
    return mine[0] if mine else None


def wait_flow(report_id: str, budget: _Budget) -> Flow:
    """Poll the report's executions until one is Completed with a link; ``ReportTimeoutError`` at the deadline."""
    budget.attempt = 0
    last_status: str | None = None
    while True:
        answer: Response[Any] = yield _Call(
            get_report_executions, {"report_id": report_id, "execution_status": ALL_STATUSES}
        )
        if answer.status_code == 200:
            execution = _latest(unwrap(answer, ReportExecutionList), report_id)
            if execution is not None:
                last_status = _text(execution.execution_status) or last_status
                link = execution.report_access_secure_link
                if (last_status or "").lower() == COMPLETED and isinstance(link, str) and link:
                    return execution
        elif answer.status_code not in _WAIT_OUT and answer.status_code != 404:  # 404: no run yet, one reading
            unwrap(answer, ReportExecutionList)
        wait = budget.wait(answer)
        if wait is None:
            raise ReportTimeoutError(
                f"report {report_id} did not complete within {budget.deadline:g} s "
                f"(last status: {last_status or 'no execution yet'})",
                report_id=report_id,
                last_status=last_status,
                deadline=budget.deadline,
            )
        yield _Sleep(wait)


def run_flow(
    query: str,
    *,
    name: str | None,
    query_start: datetime | None,
    query_end: datetime | None,
    format: str,
    deadline: float,
    policy: RetryPolicy,
) -> Flow:
    """The whole run: the query, the report, the wait."""
    if format.upper() not in ("CSV", "TSV"):
        raise ReportError(f"format must be CSV or TSV, not {format[:20]!r}")
    if not deadline > 0:
        raise ReportError("deadline must be a positive number of seconds")
    budget = _Budget(policy, deadline)
    name = name or default_name(query)
    query_id = yield from _query_flow(query, name, budget)
    try:
        guid = uuid.UUID(query_id)
    except ValueError:
        raise UnexpectedResponseError("the query's id is not a GUID") from None
    body = ReportCreate(
        report_name=name,
        query_id=guid,
        execute_now=True,
        query_start_time=query_start if query_start is not None else UNSET,
        query_end_time=query_end if query_end is not None else UNSET,
        format_=ReportRequestFormat(format.upper()),
    )
    report_id = yield from _report_flow(body, budget)
    return (yield from wait_flow(report_id, budget))


def drive(client: AuthenticatedClient, flow: Flow, policy: RetryPolicy) -> ReportExecution:
    """Run ``flow`` with the sync operations and ``policy.sleep``."""
    answer: Any = None
    try:
        while True:
            step = flow.send(answer)
            if isinstance(step, _Sleep):
                policy.sleep(step.seconds)
                answer = None
            else:
                answer = step.operation.sync_detailed(client=client, **step.kwargs)
    except StopIteration as done:
        result: ReportExecution = done.value
        return result


async def adrive(client: AuthenticatedClient, flow: Flow, policy: RetryPolicy) -> ReportExecution:
    """Run ``flow`` with the async operations and ``policy.async_sleep``."""
    answer: Any = None
    try:
        while True:
            step = flow.send(answer)
            if isinstance(step, _Sleep):
                await policy.async_sleep(step.seconds)
                answer = None
            else:
                answer = await step.operation.asyncio_detailed(client=client, **step.kwargs)
    except StopIteration as done:
        result: ReportExecution = done.value
        return result


def run_report(
    client: AuthenticatedClient,
    query: str,
    *,
    name: str | None = None,
    query_start: datetime | None = None,
    query_end: datetime | None = None,
    format: str = "CSV",
    deadline: float = 600.0,
    policy: RetryPolicy | None = None,
) -> ReportExecution:
    """Run ``query`` (the reports query language) now and wait for its file: the completed ``ReportExecution``,
    whose rows ``iter_report_rows(client, execution, dataset=...)`` streams.

    The query is reused when a user query with the same text exists, else created as ``name`` (default: a name
    derived from the text); a report of the same name is created with ``ExecuteNow``, over ``query_start`` to
    ``query_end`` when given (else the query's TIMESPAN), as ``format`` (CSV or TSV). The wait backs off, honours
    ``Retry-After`` and ends within ``deadline`` seconds in ``ReportTimeoutError``; ``policy`` (default: the
    client's ``retry``) supplies the clock, sleeps and backoff bounds. Other failures raise the operations' typed
    errors (a query the service refuses: ``BadRequestError`` with its message).
    """
    policy = policy or client.retry
    flow = run_flow(
        query,
        name=name,
        query_start=query_start,
        query_end=query_end,
        format=format,
        deadline=deadline,
        policy=policy,
    )
    return drive(client, flow, policy)


async def arun_report(
    client: AuthenticatedClient,
    query: str,
    *,
    name: str | None = None,
    query_start: datetime | None = None,
    query_end: datetime | None = None,
    format: str = "CSV",
    deadline: float = 600.0,
    policy: RetryPolicy | None = None,
) -> ReportExecution:
    """The async twin of ``run_report``."""
    policy = policy or client.retry
    flow = run_flow(
        query,
        name=name,
        query_start=query_start,
        query_end=query_end,
        format=format,
        deadline=deadline,
        policy=policy,
    )
    return await adrive(client, flow, policy)


__all__ = ["arun_report", "run_report"]
