from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.partner_licenses_usage_insights_collection import PartnerLicensesUsageInsightsCollection


def _get_kwargs(
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
        "method": "get",
        "url": "/v1/analytics/licenses/usage",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient, response: httpx.Response
) -> Error | PartnerLicensesUsageInsightsCollection | None:
    if response.status_code == 200:
        return parse_success(response, PartnerLicensesUsageInsightsCollection.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 429, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient, response: httpx.Response
) -> Response[Error | PartnerLicensesUsageInsightsCollection]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | PartnerLicensesUsageInsightsCollection]:
    """Partner licenses usage

     The prorated share of qualified licenses in active use, aggregated over all customers, one row per
    service, channel and workload.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | PartnerLicensesUsageInsightsCollection]
    """

    kwargs = _get_kwargs(
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> PartnerLicensesUsageInsightsCollection:
    """Partner licenses usage

     The prorated share of qualified licenses in active use, aggregated over all customers, one row per
    service, channel and workload.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        PartnerLicensesUsageInsightsCollection
    """

    return unwrap(
        sync_detailed(
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (PartnerLicensesUsageInsightsCollection,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | PartnerLicensesUsageInsightsCollection]:
    """Partner licenses usage

     The prorated share of qualified licenses in active use, aggregated over all customers, one row per
    service, channel and workload.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | PartnerLicensesUsageInsightsCollection]
    """

    kwargs = _get_kwargs(
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> PartnerLicensesUsageInsightsCollection:
    """Partner licenses usage

     The prorated share of qualified licenses in active use, aggregated over all customers, one row per
    service, channel and workload.

    Args:
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        PartnerLicensesUsageInsightsCollection
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (PartnerLicensesUsageInsightsCollection,),
    )
