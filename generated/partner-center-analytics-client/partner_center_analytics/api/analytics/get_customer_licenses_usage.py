from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_licenses_usage_insights_collection import CustomerLicensesUsageInsightsCollection
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: UUID,
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
        "url": "/v1/customers/{customer_id}/analytics/licenses/usage".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerLicensesUsageInsightsCollection | Error | None:
    if response.status_code == 200:
        response_200 = CustomerLicensesUsageInsightsCollection.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[CustomerLicensesUsageInsightsCollection | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerLicensesUsageInsightsCollection | Error]:
    """Customer licenses usage

     Qualified and active licenses for one customer, one row per product and workload.

    Args:
        customer_id (UUID):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerLicensesUsageInsightsCollection | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerLicensesUsageInsightsCollection | Error | None:
    """Customer licenses usage

     Qualified and active licenses for one customer, one row per product and workload.

    Args:
        customer_id (UUID):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerLicensesUsageInsightsCollection | Error
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    ).parsed


async def asyncio_detailed(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerLicensesUsageInsightsCollection | Error]:
    """Customer licenses usage

     Qualified and active licenses for one customer, one row per product and workload.

    Args:
        customer_id (UUID):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerLicensesUsageInsightsCollection | Error]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerLicensesUsageInsightsCollection | Error | None:
    """Customer licenses usage

     Qualified and active licenses for one customer, one row per product and workload.

    Args:
        customer_id (UUID):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerLicensesUsageInsightsCollection | Error
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        )
    ).parsed
