from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._pager import DEFAULT_MAX_PAGES, ContinuationToken, apages, pages
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.customer import Customer
from ...models.customer_collection import CustomerCollection
from ...models.error import Error
from ...models.list_customers_seek_operation import ListCustomersSeekOperation


def _get_kwargs(
    *,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(ms_continuation_token, Unset):
        headers["MS-ContinuationToken"] = ms_continuation_token

    if not isinstance(ms_request_id, Unset):
        headers["MS-RequestId"] = str(ms_request_id)

    if not isinstance(ms_correlation_id, Unset):
        headers["MS-CorrelationId"] = str(ms_correlation_id)

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


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> CustomerCollection | Error | None:
    if response.status_code == 200:
        return parse_success(response, CustomerCollection.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 429, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[CustomerCollection | Error]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerCollection | Error]:
    """List customers

     One page of the partner's customers. Pass the previous page's
    `continuationToken` back in the `MS-ContinuationToken` header with
    `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.

    Choices made here: `totalCount` is the number of items on this page
    (the .NET SDK derives it from `items`); the token travels both in the
    body and in `links.next.headers`; `size` is 1 to 500 (Partner Center
    publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

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

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerCollection:
    """List customers

     One page of the partner's customers. Pass the previous page's
    `continuationToken` back in the `MS-ContinuationToken` header with
    `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.

    Choices made here: `totalCount` is the number of items on this page
    (the .NET SDK derives it from `items`); the token travels both in the
    body and in `links.next.headers`; `size` is 1 to 500 (Partner Center
    publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        CustomerCollection
    """

    return unwrap(
        sync_detailed(
            client=client,
            size=size,
            seek_operation=seek_operation,
            ms_continuation_token=ms_continuation_token,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (CustomerCollection,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[CustomerCollection | Error]:
    """List customers

     One page of the partner's customers. Pass the previous page's
    `continuationToken` back in the `MS-ContinuationToken` header with
    `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.

    Choices made here: `totalCount` is the number of items on this page
    (the .NET SDK derives it from `items`); the token travels both in the
    body and in `links.next.headers`; `size` is 1 to 500 (Partner Center
    publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

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

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    seek_operation: ListCustomersSeekOperation | Unset = UNSET,
    ms_continuation_token: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> CustomerCollection:
    """List customers

     One page of the partner's customers. Pass the previous page's
    `continuationToken` back in the `MS-ContinuationToken` header with
    `seekOperation=Next` to get the next page; the last page has no
    `links.next` and no `continuationToken`.

    Choices made here: `totalCount` is the number of items on this page
    (the .NET SDK derives it from `items`); the token travels both in the
    body and in `links.next.headers`; `size` is 1 to 500 (Partner Center
    publishes no maximum).

    Args:
        size (int | Unset):  Default: 100.
        seek_operation (ListCustomersSeekOperation | Unset):
        ms_continuation_token (str | Unset):
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        CustomerCollection
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            size=size,
            seek_operation=seek_operation,
            ms_continuation_token=ms_continuation_token,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (CustomerCollection,),
    )


def _parse_page(client: AuthenticatedClient, response: httpx.Response) -> CustomerCollection:
    return unwrap(_build_response(client=client, response=response), (CustomerCollection,))


_FOLLOW = ContinuationToken(
    "continuation_token",
    header="MS-ContinuationToken",
    query={
        "seekOperation": "Next",
    },
)


def iter_pages(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Iterator[CustomerCollection]:
    """List customers: every page, sending each page's `continuationToken` back in `MS-ContinuationToken`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[CustomerCollection]
    """

    kwargs = _get_kwargs(
        size=size,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )
    return pages(client, kwargs, _parse_page, _FOLLOW, max_pages)


def aiter_pages(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncIterator[CustomerCollection]:
    """List customers: every page, asynchronously, sending each page's `continuationToken` back in `MS-
    ContinuationToken`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[CustomerCollection]
    """

    kwargs = _get_kwargs(
        size=size,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )
    return apages(client, kwargs, _parse_page, _FOLLOW, max_pages)


def iter_rows(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Iterator[Customer]:
    """List customers: the `items` of every page, one by one, sending each page's `continuationToken` back
    in `MS-ContinuationToken`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[Customer]
    """

    for page in iter_pages(
        client=client,
        size=size,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
        max_pages=max_pages,
    ):
        yield from page.items


async def aiter_rows(
    *,
    client: AuthenticatedClient,
    size: int | Unset = 100,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncIterator[Customer]:
    """List customers: the `items` of every page, one by one, asynchronously, sending each page's
    `continuationToken` back in `MS-ContinuationToken`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[Customer]
    """

    async for page in aiter_pages(
        client=client,
        size=size,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
        max_pages=max_pages,
    ):
        for row in page.items:
            yield row
