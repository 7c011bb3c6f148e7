from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_collection import CustomerCollection
from ...models.error import Error
from ...models.list_customers_seek_operation import ListCustomersSeekOperation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ms_continuation_token, Unset):
        headers["MS-ContinuationToken"] = ms_continuation_token

    if not isinstance(ms_request_id, Unset):
        headers["MS-RequestId"] = ms_request_id

    if not isinstance(ms_correlation_id, Unset):
        headers["MS-CorrelationId"] = ms_correlation_id

    if not isinstance(x_locale, Unset):
        headers["X-Locale"] = x_locale

    params: dict[str, Any] = {}

    params["size"] = size

    json_seek_operation: str | Unset = UNSET
    if not isinstance(seek_operation, Unset):
        json_seek_operation = seek_operation.value

    params["seekOperation"] = json_seek_operation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/customers",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerCollection | Error | None:
    if response.status_code == 200:
        response_200 = CustomerCollection.from_dict(response.json())

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
) -> Response[CustomerCollection | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerCollection | Error]:
    """List customers

     One page of the partner's customers. Pass the previous page's `continuationToken` back in the `MS-
    ContinuationToken` header with `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.
    Choices made here: `totalCount` is the number of items on this page (the .NET SDK derives it from
    `items`); the token travels both in the body and in `links.next.headers`; `size` is 1 to 500
    (Partner Center publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerCollection | Error]
    """

    kwargs = _get_kwargs(
        size=size,
        seek_operation=seek_operation,
        ms_continuation_token=ms_continuation_token,
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
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerCollection | Error | None:
    """List customers

     One page of the partner's customers. Pass the previous page's `continuationToken` back in the `MS-
    ContinuationToken` header with `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.
    Choices made here: `totalCount` is the number of items on this page (the .NET SDK derives it from
    `items`); the token travels both in the body and in `links.next.headers`; `size` is 1 to 500
    (Partner Center publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerCollection | Error
    """

    return sync_detailed(
        client=client,
        size=size,
        seek_operation=seek_operation,
        ms_continuation_token=ms_continuation_token,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerCollection | Error]:
    """List customers

     One page of the partner's customers. Pass the previous page's `continuationToken` back in the `MS-
    ContinuationToken` header with `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.
    Choices made here: `totalCount` is the number of items on this page (the .NET SDK derives it from
    `items`); the token travels both in the body and in `links.next.headers`; `size` is 1 to 500
    (Partner Center publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerCollection | Error]
    """

    kwargs = _get_kwargs(
        size=size,
        seek_operation=seek_operation,
        ms_continuation_token=ms_continuation_token,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | Unset = UNSET,
    ms_correlation_id: UUID | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerCollection | Error | None:
    """List customers

     One page of the partner's customers. Pass the previous page's `continuationToken` back in the `MS-
    ContinuationToken` header with `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.
    Choices made here: `totalCount` is the number of items on this page (the .NET SDK derives it from
    `items`); the token travels both in the body and in `links.next.headers`; `size` is 1 to 500
    (Partner Center publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | Unset):
        ms_correlation_id (UUID | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerCollection | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            size=size,
            seek_operation=seek_operation,
            ms_continuation_token=ms_continuation_token,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        )
    ).parsed
