import datetime
from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_query_try_result import ReportQueryTryResult


def _get_kwargs(
    *,
    export_query: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
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

    params["exportQuery"] = export_query

    json_query_id: str | Unset = UNSET
    if not isinstance(query_id, Unset):
        json_query_id = str(query_id)
    params["queryId"] = json_query_id

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["startTime"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["endTime"] = json_end_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/v1/mpn/ScheduledQueries/testQueryResult",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportQueryTryResult | None:
    if response.status_code == 200:
        return parse_success(response, ReportQueryTryResult.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 404, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportQueryTryResult]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    export_query: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryTryResult]:
    """Try report query

     Runs a query at once and answers with its first rows, to check it
    before a report uses it. Give the query's text in `exportQuery` or a
    saved query's `queryId`, exactly one of them: neither is a 400 "Null
    or missing value", both a 400 "Invalid report parameters". The query
    is checked as `createReportQuery` checks it (same 400s); an unknown
    `queryId` is a 404 "No item found with given filters.".

    Choices made where the docs disagree: at most 100 rows (the try page
    says 100 and the docs' example has a `totalCount` of 100; the
    overview page and the Japanese try page say 10); clients assume
    neither and read `value`. `totalCount` is the number of rows in
    `value`. Rows are objects keyed by the selected columns and metrics,
    in the dataset's spelling (see `ReportQueryTryResult`). Partner
    Center may take up to 100 seconds to answer. An empty result is a
    200, not an error.

    Args:
        export_query (str | Unset):  Example: SELECT CustomerTenantId, WorkloadName,
            PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH.
        query_id (UUID | str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryTryResult]
    """

    kwargs = _get_kwargs(
        export_query=export_query,
        query_id=query_id,
        start_time=start_time,
        end_time=end_time,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    export_query: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryTryResult:
    """Try report query

     Runs a query at once and answers with its first rows, to check it
    before a report uses it. Give the query's text in `exportQuery` or a
    saved query's `queryId`, exactly one of them: neither is a 400 "Null
    or missing value", both a 400 "Invalid report parameters". The query
    is checked as `createReportQuery` checks it (same 400s); an unknown
    `queryId` is a 404 "No item found with given filters.".

    Choices made where the docs disagree: at most 100 rows (the try page
    says 100 and the docs' example has a `totalCount` of 100; the
    overview page and the Japanese try page say 10); clients assume
    neither and read `value`. `totalCount` is the number of rows in
    `value`. Rows are objects keyed by the selected columns and metrics,
    in the dataset's spelling (see `ReportQueryTryResult`). Partner
    Center may take up to 100 seconds to answer. An empty result is a
    200, not an error.

    Args:
        export_query (str | Unset):  Example: SELECT CustomerTenantId, WorkloadName,
            PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH.
        query_id (UUID | str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryTryResult
    """

    return unwrap(
        sync_detailed(
            client=client,
            export_query=export_query,
            query_id=query_id,
            start_time=start_time,
            end_time=end_time,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryTryResult,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    export_query: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportQueryTryResult]:
    """Try report query

     Runs a query at once and answers with its first rows, to check it
    before a report uses it. Give the query's text in `exportQuery` or a
    saved query's `queryId`, exactly one of them: neither is a 400 "Null
    or missing value", both a 400 "Invalid report parameters". The query
    is checked as `createReportQuery` checks it (same 400s); an unknown
    `queryId` is a 404 "No item found with given filters.".

    Choices made where the docs disagree: at most 100 rows (the try page
    says 100 and the docs' example has a `totalCount` of 100; the
    overview page and the Japanese try page say 10); clients assume
    neither and read `value`. `totalCount` is the number of rows in
    `value`. Rows are objects keyed by the selected columns and metrics,
    in the dataset's spelling (see `ReportQueryTryResult`). Partner
    Center may take up to 100 seconds to answer. An empty result is a
    200, not an error.

    Args:
        export_query (str | Unset):  Example: SELECT CustomerTenantId, WorkloadName,
            PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH.
        query_id (UUID | str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportQueryTryResult]
    """

    kwargs = _get_kwargs(
        export_query=export_query,
        query_id=query_id,
        start_time=start_time,
        end_time=end_time,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    export_query: str | Unset = UNSET,
    query_id: UUID | str | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportQueryTryResult:
    """Try report query

     Runs a query at once and answers with its first rows, to check it
    before a report uses it. Give the query's text in `exportQuery` or a
    saved query's `queryId`, exactly one of them: neither is a 400 "Null
    or missing value", both a 400 "Invalid report parameters". The query
    is checked as `createReportQuery` checks it (same 400s); an unknown
    `queryId` is a 404 "No item found with given filters.".

    Choices made where the docs disagree: at most 100 rows (the try page
    says 100 and the docs' example has a `totalCount` of 100; the
    overview page and the Japanese try page say 10); clients assume
    neither and read `value`. `totalCount` is the number of rows in
    `value`. Rows are objects keyed by the selected columns and metrics,
    in the dataset's spelling (see `ReportQueryTryResult`). Partner
    Center may take up to 100 seconds to answer. An empty result is a
    200, not an error.

    Args:
        export_query (str | Unset):  Example: SELECT CustomerTenantId, WorkloadName,
            PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH.
        query_id (UUID | str | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportQueryTryResult
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            export_query=export_query,
            query_id=query_id,
            start_time=start_time,
            end_time=end_time,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportQueryTryResult,),
    )
