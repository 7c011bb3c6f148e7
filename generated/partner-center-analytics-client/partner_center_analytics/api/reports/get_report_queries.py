from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_query_list import ReportQueryList


def _get_kwargs(
    *,
    query_id: UUID | str | Unset = UNSET,
    query_name: str | Unset = UNSET,
    include_system_queries: bool | Unset = True,
    include_only_system_queries: bool | Unset = False,
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

    json_query_id: str | Unset = UNSET
    if not isinstance(query_id, Unset):
        json_query_id = str(query_id)
    params["queryId"] = json_query_id

    params["queryName"] = query_name

    params["includeSystemQueries"] = include_system_queries

    params["includeOnlySystemQueries"] = include_only_system_queries

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/v1/mpn/ScheduledQueries",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportQueryList | None:
    if response.status_code == 200:
        return parse_success(response, ReportQueryList.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 404, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportQueryList]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    query_id: UUID | str | Unset = UNSET,
    query_name: str | Unset = UNSET,
    include_system_queries: bool | Unset = True,
    include_only_system_queries: bool | Unset = False,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryList]:
    """Report queries

     The saved queries: the user-defined ones and, by default, the system
    queries (`type` `system`, user `system`, with the ids the docs
    publish), each filter narrowing the list.

    Choices made where the docs are unclear: the parameters are camelCase
    as in the docs' URI (their table writes `IncludeSystemQueries`);
    `includeSystemQueries` defaults to true and `includeOnlySystemQueries`
    to false, as the docs' marketplace twin states (the partner page
    gives no defaults); `includeOnlySystemQueries=true` wins over
    `includeSystemQueries=false`. `queryName` compares without regard to
    letter case. With neither `queryId` nor `queryName` and nothing to
    list the answer is a 200 with an empty `value`; a `queryId` or
    `queryName` that matches nothing is a 404 "No item found with given
    filters.". A `queryId` that is not a GUID is a 400 "Invalid
    QueryId".

    Args:
        query_id (UUID | str | Unset):
        query_name (str | Unset):
        include_system_queries (bool | Unset):  Default: True.
        include_only_system_queries (bool | Unset):  Default: False.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryList]
    """

    kwargs = _get_kwargs(
        query_id=query_id,
        query_name=query_name,
        include_system_queries=include_system_queries,
        include_only_system_queries=include_only_system_queries,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    query_id: UUID | str | Unset = UNSET,
    query_name: str | Unset = UNSET,
    include_system_queries: bool | Unset = True,
    include_only_system_queries: bool | Unset = False,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryList:
    """Report queries

     The saved queries: the user-defined ones and, by default, the system
    queries (`type` `system`, user `system`, with the ids the docs
    publish), each filter narrowing the list.

    Choices made where the docs are unclear: the parameters are camelCase
    as in the docs' URI (their table writes `IncludeSystemQueries`);
    `includeSystemQueries` defaults to true and `includeOnlySystemQueries`
    to false, as the docs' marketplace twin states (the partner page
    gives no defaults); `includeOnlySystemQueries=true` wins over
    `includeSystemQueries=false`. `queryName` compares without regard to
    letter case. With neither `queryId` nor `queryName` and nothing to
    list the answer is a 200 with an empty `value`; a `queryId` or
    `queryName` that matches nothing is a 404 "No item found with given
    filters.". A `queryId` that is not a GUID is a 400 "Invalid
    QueryId".

    Args:
        query_id (UUID | str | Unset):
        query_name (str | Unset):
        include_system_queries (bool | Unset):  Default: True.
        include_only_system_queries (bool | Unset):  Default: False.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryList
    """

    return unwrap(
        sync_detailed(
            client=client,
            query_id=query_id,
            query_name=query_name,
            include_system_queries=include_system_queries,
            include_only_system_queries=include_only_system_queries,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryList,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    query_id: UUID | str | Unset = UNSET,
    query_name: str | Unset = UNSET,
    include_system_queries: bool | Unset = True,
    include_only_system_queries: bool | Unset = False,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryList]:
    """Report queries

     The saved queries: the user-defined ones and, by default, the system
    queries (`type` `system`, user `system`, with the ids the docs
    publish), each filter narrowing the list.

    Choices made where the docs are unclear: the parameters are camelCase
    as in the docs' URI (their table writes `IncludeSystemQueries`);
    `includeSystemQueries` defaults to true and `includeOnlySystemQueries`
    to false, as the docs' marketplace twin states (the partner page
    gives no defaults); `includeOnlySystemQueries=true` wins over
    `includeSystemQueries=false`. `queryName` compares without regard to
    letter case. With neither `queryId` nor `queryName` and nothing to
    list the answer is a 200 with an empty `value`; a `queryId` or
    `queryName` that matches nothing is a 404 "No item found with given
    filters.". A `queryId` that is not a GUID is a 400 "Invalid
    QueryId".

    Args:
        query_id (UUID | str | Unset):
        query_name (str | Unset):
        include_system_queries (bool | Unset):  Default: True.
        include_only_system_queries (bool | Unset):  Default: False.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryList]
    """

    kwargs = _get_kwargs(
        query_id=query_id,
        query_name=query_name,
        include_system_queries=include_system_queries,
        include_only_system_queries=include_only_system_queries,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    query_id: UUID | str | Unset = UNSET,
    query_name: str | Unset = UNSET,
    include_system_queries: bool | Unset = True,
    include_only_system_queries: bool | Unset = False,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryList:
    """Report queries

     The saved queries: the user-defined ones and, by default, the system
    queries (`type` `system`, user `system`, with the ids the docs
    publish), each filter narrowing the list.

    Choices made where the docs are unclear: the parameters are camelCase
    as in the docs' URI (their table writes `IncludeSystemQueries`);
    `includeSystemQueries` defaults to true and `includeOnlySystemQueries`
    to false, as the docs' marketplace twin states (the partner page
    gives no defaults); `includeOnlySystemQueries=true` wins over
    `includeSystemQueries=false`. `queryName` compares without regard to
    letter case. With neither `queryId` nor `queryName` and nothing to
    list the answer is a 200 with an empty `value`; a `queryId` or
    `queryName` that matches nothing is a 404 "No item found with given
    filters.". A `queryId` that is not a GUID is a 400 "Invalid
    QueryId".

    Args:
        query_id (UUID | str | Unset):
        query_name (str | Unset):
        include_system_queries (bool | Unset):  Default: True.
        include_only_system_queries (bool | Unset):  Default: False.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryList
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            query_id=query_id,
            query_name=query_name,
            include_system_queries=include_system_queries,
            include_only_system_queries=include_only_system_queries,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryList,),
    )
