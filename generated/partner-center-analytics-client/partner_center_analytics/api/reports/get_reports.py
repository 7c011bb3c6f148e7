from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_list import ReportList


def _get_kwargs(
    *,
    report_id: UUID | str | Unset = UNSET,
    report_name: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
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

    params: dict[str, Any] = {}

    json_report_id: str | Unset = UNSET
    if not isinstance(report_id, Unset):
        json_report_id = str(report_id)
    params["reportId"] = json_report_id

    params["reportName"] = report_name

    json_query_id: str | Unset = UNSET
    if not isinstance(query_id, Unset):
        json_query_id = str(query_id)
    params["queryId"] = json_query_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/v1/mpn/ScheduledReport",
        "params": params,
    }

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
    report_id: UUID | str | Unset = UNSET,
    report_name: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Reports

     The partner's reports, each filter narrowing the list.

    Choices made where the docs are unclear: the envelope and the report
    are camelCase as in the docs' create example (the get page's skeleton
    is PascalCase with a lower-case `executeNow` and a key with a leading
    space, `" RecurrenceCount"`; clients read that too, see
    `x-pcinsights-keys`). `reportName` compares without regard to letter
    case. With no filter and nothing to list the answer is a 200 with an
    empty `value`; a filter that matches nothing is a 404 "No item found
    with given filters.". A `queryId` that is not a GUID is a 400
    "Invalid QueryId", a `reportId` that is not one a 400 "Invalid report
    parameters".

    Args:
        report_id (UUID | str | Unset):
        report_name (str | Unset):
        query_id (UUID | str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportList]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        report_name=report_name,
        query_id=query_id,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    report_id: UUID | str | Unset = UNSET,
    report_name: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Reports

     The partner's reports, each filter narrowing the list.

    Choices made where the docs are unclear: the envelope and the report
    are camelCase as in the docs' create example (the get page's skeleton
    is PascalCase with a lower-case `executeNow` and a key with a leading
    space, `" RecurrenceCount"`; clients read that too, see
    `x-pcinsights-keys`). `reportName` compares without regard to letter
    case. With no filter and nothing to list the answer is a 200 with an
    empty `value`; a filter that matches nothing is a 404 "No item found
    with given filters.". A `queryId` that is not a GUID is a 400
    "Invalid QueryId", a `reportId` that is not one a 400 "Invalid report
    parameters".

    Args:
        report_id (UUID | str | Unset):
        report_name (str | Unset):
        query_id (UUID | str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportList
    """

    return unwrap(
        sync_detailed(
            client=client,
            report_id=report_id,
            report_name=report_name,
            query_id=query_id,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    report_id: UUID | str | Unset = UNSET,
    report_name: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Reports

     The partner's reports, each filter narrowing the list.

    Choices made where the docs are unclear: the envelope and the report
    are camelCase as in the docs' create example (the get page's skeleton
    is PascalCase with a lower-case `executeNow` and a key with a leading
    space, `" RecurrenceCount"`; clients read that too, see
    `x-pcinsights-keys`). `reportName` compares without regard to letter
    case. With no filter and nothing to list the answer is a 200 with an
    empty `value`; a filter that matches nothing is a 404 "No item found
    with given filters.". A `queryId` that is not a GUID is a 400
    "Invalid QueryId", a `reportId` that is not one a 400 "Invalid report
    parameters".

    Args:
        report_id (UUID | str | Unset):
        report_name (str | Unset):
        query_id (UUID | str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportList]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        report_name=report_name,
        query_id=query_id,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    report_id: UUID | str | Unset = UNSET,
    report_name: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Reports

     The partner's reports, each filter narrowing the list.

    Choices made where the docs are unclear: the envelope and the report
    are camelCase as in the docs' create example (the get page's skeleton
    is PascalCase with a lower-case `executeNow` and a key with a leading
    space, `" RecurrenceCount"`; clients read that too, see
    `x-pcinsights-keys`). `reportName` compares without regard to letter
    case. With no filter and nothing to list the answer is a 200 with an
    empty `value`; a filter that matches nothing is a 404 "No item found
    with given filters.". A `queryId` that is not a GUID is a 400
    "Invalid QueryId", a `reportId` that is not one a 400 "Invalid report
    parameters".

    Args:
        report_id (UUID | str | Unset):
        report_name (str | Unset):
        query_id (UUID | str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportList
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            report_id=report_id,
            report_name=report_name,
            query_id=query_id,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )
