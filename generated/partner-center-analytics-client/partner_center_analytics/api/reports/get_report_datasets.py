from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.report_dataset_list import ReportDatasetList


def _get_kwargs(
    *,
    dataset_name: str | Unset = UNSET,
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

    params["datasetName"] = dataset_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/v1/mpn/ScheduledDataset",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | ReportDatasetList | None:
    if response.status_code == 200:
        return parse_success(response, ReportDatasetList.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 404, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | ReportDatasetList]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dataset_name: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportDatasetList]:
    """Report datasets

     The datasets a report query can read, each with its selectable
    columns, its metrics, the TIMESPAN values it accepts and the smallest
    `RecurrenceInterval` a report on it may use.

    Choices made where the docs are unclear: the envelope is camelCase,
    as in the docs' real example (the skeleton's `Value`, `"DatasetName "`
    with a trailing space and `TotalCount` are documentation artifacts;
    clients read them too, see `x-pcinsights-keys`). An unknown
    `datasetName` is a 404 "No item found with given filters."; an empty
    one is the same as none. The license datasets' columns and metrics are
    the row schemas of `x-pcinsights-report-rows`.

    Args:
        dataset_name (str | Unset):  Example: OfficeUsage.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportDatasetList]
    """

    kwargs = _get_kwargs(
        dataset_name=dataset_name,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    dataset_name: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportDatasetList:
    """Report datasets

     The datasets a report query can read, each with its selectable
    columns, its metrics, the TIMESPAN values it accepts and the smallest
    `RecurrenceInterval` a report on it may use.

    Choices made where the docs are unclear: the envelope is camelCase,
    as in the docs' real example (the skeleton's `Value`, `"DatasetName "`
    with a trailing space and `TotalCount` are documentation artifacts;
    clients read them too, see `x-pcinsights-keys`). An unknown
    `datasetName` is a 404 "No item found with given filters."; an empty
    one is the same as none. The license datasets' columns and metrics are
    the row schemas of `x-pcinsights-report-rows`.

    Args:
        dataset_name (str | Unset):  Example: OfficeUsage.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportDatasetList
    """

    return unwrap(
        sync_detailed(
            client=client,
            dataset_name=dataset_name,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportDatasetList,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dataset_name: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | ReportDatasetList]:
    """Report datasets

     The datasets a report query can read, each with its selectable
    columns, its metrics, the TIMESPAN values it accepts and the smallest
    `RecurrenceInterval` a report on it may use.

    Choices made where the docs are unclear: the envelope is camelCase,
    as in the docs' real example (the skeleton's `Value`, `"DatasetName "`
    with a trailing space and `TotalCount` are documentation artifacts;
    clients read them too, see `x-pcinsights-keys`). An unknown
    `datasetName` is a 404 "No item found with given filters."; an empty
    one is the same as none. The license datasets' columns and metrics are
    the row schemas of `x-pcinsights-report-rows`.

    Args:
        dataset_name (str | Unset):  Example: OfficeUsage.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | ReportDatasetList]
    """

    kwargs = _get_kwargs(
        dataset_name=dataset_name,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    dataset_name: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> ReportDatasetList:
    """Report datasets

     The datasets a report query can read, each with its selectable
    columns, its metrics, the TIMESPAN values it accepts and the smallest
    `RecurrenceInterval` a report on it may use.

    Choices made where the docs are unclear: the envelope is camelCase,
    as in the docs' real example (the skeleton's `Value`, `"DatasetName "`
    with a trailing space and `TotalCount` are documentation artifacts;
    clients read them too, see `x-pcinsights-keys`). An unknown
    `datasetName` is a 404 "No item found with given filters."; an empty
    one is the same as none. The license datasets' columns and metrics are
    the row schemas of `x-pcinsights-report-rows`.

    Args:
        dataset_name (str | Unset):  Example: OfficeUsage.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        ReportDatasetList
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            dataset_name=dataset_name,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (ReportDatasetList,),
    )
