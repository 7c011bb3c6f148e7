from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_list import ReportList


def _get_kwargs(
    report_id: UUID | str,
    *,
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
        "method": "delete",
        "url": "/insights/v1/mpn/ScheduledReport/{report_id}".format(
            report_id=quote(str(report_id), safe=""),
        ),
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
    report_id: UUID | str,
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Delete report

     Deletes a report with all its executions and their files, and answers
    with the report; afterwards each of them is a 404.

    The docs mark the path's `reportId` "Required: No"; a path parameter
    is required. An unknown report is a 404 "No item found with given
    filters.".

    Args:
        report_id (UUID | str):
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
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    report_id: UUID | str,
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Delete report

     Deletes a report with all its executions and their files, and answers
    with the report; afterwards each of them is a 404.

    The docs mark the path's `reportId` "Required: No"; a path parameter
    is required. An unknown report is a 404 "No item found with given
    filters.".

    Args:
        report_id (UUID | str):
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
            report_id=report_id,
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )


async def asyncio_detailed(
    report_id: UUID | str,
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportList]:
    """Delete report

     Deletes a report with all its executions and their files, and answers
    with the report; afterwards each of them is a 404.

    The docs mark the path's `reportId` "Required: No"; a path parameter
    is required. An unknown report is a 404 "No item found with given
    filters.".

    Args:
        report_id (UUID | str):
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
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    report_id: UUID | str,
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportList:
    """Delete report

     Deletes a report with all its executions and their files, and answers
    with the report; afterwards each of them is a 404.

    The docs mark the path's `reportId` "Required: No"; a path parameter
    is required. An unknown report is a 404 "No item found with given
    filters.".

    Args:
        report_id (UUID | str):
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
            report_id=report_id,
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportList,),
    )
