from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_query_create import ReportQueryCreate
from ...models.report_query_list import ReportQueryList


def _get_kwargs(
    *,
    body: ReportQueryCreate,
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
        "url": "/insights/v1/mpn/ScheduledQueries",
    }

    _kwargs["json"] = body.to_dict()
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportQueryList | None:
    if response.status_code == 200:
        return parse_success(response, ReportQueryList.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportQueryList]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReportQueryCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryList]:
    """Create report query

     Saves a query in the report query language (see `ReportQueryCreate`)
    for use by reports. Success is a 200 (not a 201) echoing the query
    with its new `queryId` and `type` `userDefined`.

    The query is checked as it is saved: an unknown dataset is a 400
    "Invalid table name", an unknown column or metric a 400 "Incorrect
    column name", a syntax error a 400 "<what> at position <n>" (1-based
    character position). The docs list no 404 here, and none is declared.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportQueryCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryList]
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
    body: ReportQueryCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryList:
    """Create report query

     Saves a query in the report query language (see `ReportQueryCreate`)
    for use by reports. Success is a 200 (not a 201) echoing the query
    with its new `queryId` and `type` `userDefined`.

    The query is checked as it is saved: an unknown dataset is a 400
    "Invalid table name", an unknown column or metric a 400 "Incorrect
    column name", a syntax error a 400 "<what> at position <n>" (1-based
    character position). The docs list no 404 here, and none is declared.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportQueryCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryList
    """

    return unwrap(
        sync_detailed(
            client=client,
            body=body,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryList,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReportQueryCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryList]:
    """Create report query

     Saves a query in the report query language (see `ReportQueryCreate`)
    for use by reports. Success is a 200 (not a 201) echoing the query
    with its new `queryId` and `type` `userDefined`.

    The query is checked as it is saved: an unknown dataset is a 400
    "Invalid table name", an unknown column or metric a 400 "Incorrect
    column name", a syntax error a 400 "<what> at position <n>" (1-based
    character position). The docs list no 404 here, and none is declared.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportQueryCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryList]
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
    body: ReportQueryCreate,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryList:
    """Create report query

     Saves a query in the report query language (see `ReportQueryCreate`)
    for use by reports. Success is a 200 (not a 201) echoing the query
    with its new `queryId` and `type` `userDefined`.

    The query is checked as it is saved: an unknown dataset is a 400
    "Invalid table name", an unknown column or metric a 400 "Incorrect
    column name", a syntax error a 400 "<what> at position <n>" (1-based
    character position). The docs list no 404 here, and none is declared.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.
        body (ReportQueryCreate): The request body, sent as JSON: its to_dict(), the spec's names,
            UNSET fields left out.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryList
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            body=body,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryList,),
    )
