from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.partner_licenses_deployment_insights_collection import PartnerLicensesDeploymentInsightsCollection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ms_request_id, Unset):
        headers["MS-RequestId"] = ms_request_id

    if not isinstance(ms_correlation_id, Unset):
        headers["MS-CorrelationId"] = ms_correlation_id

    if not isinstance(x_locale, Unset):
        headers["X-Locale"] = x_locale

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/licenses/deployment",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PartnerLicensesDeploymentInsightsCollection | None:
    if response.status_code == 200:
        response_200 = PartnerLicensesDeploymentInsightsCollection.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PartnerLicensesDeploymentInsightsCollection]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | PartnerLicensesDeploymentInsightsCollection]:
    """Partner licenses deployment

     Licenses sold and the prorated share deployed, aggregated over all customers, one row per service
    and channel.

    Args:
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PartnerLicensesDeploymentInsightsCollection]
    """

    kwargs = _get_kwargs(
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Error | PartnerLicensesDeploymentInsightsCollection | None:
    """Partner licenses deployment

     Licenses sold and the prorated share deployed, aggregated over all customers, one row per service
    and channel.

    Args:
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PartnerLicensesDeploymentInsightsCollection
    """

    return sync_detailed(
        client=client,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | PartnerLicensesDeploymentInsightsCollection]:
    """Partner licenses deployment

     Licenses sold and the prorated share deployed, aggregated over all customers, one row per service
    and channel.

    Args:
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PartnerLicensesDeploymentInsightsCollection]
    """

    kwargs = _get_kwargs(
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Error | PartnerLicensesDeploymentInsightsCollection | None:
    """Partner licenses deployment

     Licenses sold and the prorated share deployed, aggregated over all customers, one row per service
    and channel.

    Args:
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PartnerLicensesDeploymentInsightsCollection
    """

    return (
        await asyncio_detailed(
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        )
    ).parsed
