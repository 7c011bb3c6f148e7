from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_create import ReportCreate
from ...models.report_list import ReportList


def _get_kwargs(
    *,
    body: ReportCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ms_request_id, Unset):
        headers["MS-RequestId"] = str(ms_request_id)

    if not isinstance(ms_correlation_id, Unset):
        headers["MS-CorrelationId"] = str(ms_correlation_id)

    if not isinstance(x_locale, Unset):
        headers["X-Locale"] = x_locale

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/insights/v1/mpn/ScheduledReport",
    }

    _kwargs["json"] = body.to_dict()
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportList | None:
    if response.status_code == 200:
        return parse_success(response, ReportList.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 404, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportList]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReportCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Create report

     Schedules a report on a saved or system query: one run at
    `StartTime` and then every `RecurrenceInterval` hours, `RecurrenceCount`
    times (indefinitely without it), or, with `ExecuteNow`, one run at
    once. Each run is an execution (`getReportExecutions`) that goes
    `Pending`, `Running`, `Completed` and then offers the file at a
    secure link; the callback, if any, is called when the file is ready.
    The new report is `Active`, and its first execution is recorded as
    `Pending` at once.

    Each broken rule of the body (see `ReportCreate`) is a 400 with its
    documented message. A `QueryId`
    that is not a GUID is a 400 "Invalid QueryId"; a GUID naming no query
    is a 404 "No item found with given filters." (a choice: the docs list
    a 404 here without saying what gives it).

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportList]
    """

    kwargs = _get_kwargs(
        body=body,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ReportCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Create report

     Schedules a report on a saved or system query: one run at
    `StartTime` and then every `RecurrenceInterval` hours, `RecurrenceCount`
    times (indefinitely without it), or, with `ExecuteNow`, one run at
    once. Each run is an execution (`getReportExecutions`) that goes
    `Pending`, `Running`, `Completed` and then offers the file at a
    secure link; the callback, if any, is called when the file is ready.
    The new report is `Active`, and its first execution is recorded as
    `Pending` at once.

    Each broken rule of the body (see `ReportCreate`) is a 400 with its
    documented message. A `QueryId`
    that is not a GUID is a 400 "Invalid QueryId"; a GUID naming no query
    is a 404 "No item found with given filters." (a choice: the docs list
    a 404 here without saying what gives it).

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportList
    """

    return unwrap(
        sync_detailed(
            client=client,
            body=body,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReportCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Create report

     Schedules a report on a saved or system query: one run at
    `StartTime` and then every `RecurrenceInterval` hours, `RecurrenceCount`
    times (indefinitely without it), or, with `ExecuteNow`, one run at
    once. Each run is an execution (`getReportExecutions`) that goes
    `Pending`, `Running`, `Completed` and then offers the file at a
    secure link; the callback, if any, is called when the file is ready.
    The new report is `Active`, and its first execution is recorded as
    `Pending` at once.

    Each broken rule of the body (see `ReportCreate`) is a 400 with its
    documented message. A `QueryId`
    that is not a GUID is a 400 "Invalid QueryId"; a GUID naming no query
    is a 404 "No item found with given filters." (a choice: the docs list
    a 404 here without saying what gives it).

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportList]
    """

    kwargs = _get_kwargs(
        body=body,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ReportCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Create report

     Schedules a report on a saved or system query: one run at
    `StartTime` and then every `RecurrenceInterval` hours, `RecurrenceCount`
    times (indefinitely without it), or, with `ExecuteNow`, one run at
    once. Each run is an execution (`getReportExecutions`) that goes
    `Pending`, `Running`, `Completed` and then offers the file at a
    secure link; the callback, if any, is called when the file is ready.
    The new report is `Active`, and its first execution is recorded as
    `Pending` at once.

    Each broken rule of the body (see `ReportCreate`) is a 400 with its
    documented message. A `QueryId`
    that is not a GUID is a 400 "Invalid QueryId"; a GUID naming no query
    is a 404 "No item found with given filters." (a choice: the docs list
    a 404 here without saying what gives it).

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportList
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            body=body,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )
