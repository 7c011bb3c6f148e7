from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._pager import DEFAULT_MAX_PAGES, NextLink, apages, pages
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.licenses_deployment_page import LicensesDeploymentPage
from ...models.licenses_deployment_row import LicensesDeploymentRow


def _get_kwargs(
    *,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
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

    params["top"] = top

    params["skip"] = skip

    params["filter"] = filter_

    params["groupby"] = groupby

    params["processedDateTime"] = processed_date_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/commercial/deployment/license/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | LicensesDeploymentPage | None:
    if response.status_code == 200:
        return parse_success(response, LicensesDeploymentPage.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(
    *, client: AuthenticatedClient, response: httpx.Response
) -> Response[Error | LicensesDeploymentPage]:
    return build_response(response, _parse_response(client=client, response=response))


def sync_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | LicensesDeploymentPage]:
    """Licenses deployment

     Licenses sold and deployed, one row per customer and product, or, with `groupby`, one row per
    distinct combination of the listed fields with the metrics summed. The successor of the partner and
    customer deployment operations: `groupby=customerTenantId` gives each customer's totals over its
    customer deployment rows, and `groupby=serviceCode,channel` the partner deployment rows
    (`licensesSold`, and `licensesDeployed / licensesSold` as the prorated percent).

    Choices made where the docs are unclear: the path is the request-syntax table's (`/v1/...`, trailing
    slash). The docs' request example adds `/partner/` and drops the slash; the only public client known
    to have received rows used this form, and it matches every other path here (no `/partner/`). Whether
    Partner Center also answers the example's spellings is not known; the emulator does. `TotalCount`
    counts every row the query matches, over all pages (in every published example it equals the rows
    shown, which cannot tell the two readings apart); clients page by `@nextLink`, never by
    `TotalCount`. Grouped rows keep `processedDateTime`, and their metrics are sums. Filter values
    compare case-insensitively.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: serviceCode eq 'o365' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | LicensesDeploymentPage]
    """

    kwargs = _get_kwargs(
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = send(client, kwargs)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> LicensesDeploymentPage:
    """Licenses deployment

     Licenses sold and deployed, one row per customer and product, or, with `groupby`, one row per
    distinct combination of the listed fields with the metrics summed. The successor of the partner and
    customer deployment operations: `groupby=customerTenantId` gives each customer's totals over its
    customer deployment rows, and `groupby=serviceCode,channel` the partner deployment rows
    (`licensesSold`, and `licensesDeployed / licensesSold` as the prorated percent).

    Choices made where the docs are unclear: the path is the request-syntax table's (`/v1/...`, trailing
    slash). The docs' request example adds `/partner/` and drops the slash; the only public client known
    to have received rows used this form, and it matches every other path here (no `/partner/`). Whether
    Partner Center also answers the example's spellings is not known; the emulator does. `TotalCount`
    counts every row the query matches, over all pages (in every published example it equals the rows
    shown, which cannot tell the two readings apart); clients page by `@nextLink`, never by
    `TotalCount`. Grouped rows keep `processedDateTime`, and their metrics are sums. Filter values
    compare case-insensitively.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: serviceCode eq 'o365' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        LicensesDeploymentPage
    """

    return unwrap(
        sync_detailed(
            client=client,
            top=top,
            skip=skip,
            filter_=filter_,
            groupby=groupby,
            processed_date_time=processed_date_time,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (LicensesDeploymentPage,),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> Response[Error | LicensesDeploymentPage]:
    """Licenses deployment

     Licenses sold and deployed, one row per customer and product, or, with `groupby`, one row per
    distinct combination of the listed fields with the metrics summed. The successor of the partner and
    customer deployment operations: `groupby=customerTenantId` gives each customer's totals over its
    customer deployment rows, and `groupby=serviceCode,channel` the partner deployment rows
    (`licensesSold`, and `licensesDeployed / licensesSold` as the prorated percent).

    Choices made where the docs are unclear: the path is the request-syntax table's (`/v1/...`, trailing
    slash). The docs' request example adds `/partner/` and drops the slash; the only public client known
    to have received rows used this form, and it matches every other path here (no `/partner/`). Whether
    Partner Center also answers the example's spellings is not known; the emulator does. `TotalCount`
    counts every row the query matches, over all pages (in every published example it equals the rows
    shown, which cannot tell the two readings apart); clients page by `@nextLink`, never by
    `TotalCount`. Grouped rows keep `processedDateTime`, and their metrics are sums. Filter values
    compare case-insensitively.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: serviceCode eq 'o365' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | LicensesDeploymentPage]
    """

    kwargs = _get_kwargs(
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_request_id=ms_request_id,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )

    response = await asend(client, kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_request_id: UUID | str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
) -> LicensesDeploymentPage:
    """Licenses deployment

     Licenses sold and deployed, one row per customer and product, or, with `groupby`, one row per
    distinct combination of the listed fields with the metrics summed. The successor of the partner and
    customer deployment operations: `groupby=customerTenantId` gives each customer's totals over its
    customer deployment rows, and `groupby=serviceCode,channel` the partner deployment rows
    (`licensesSold`, and `licensesDeployed / licensesSold` as the prorated percent).

    Choices made where the docs are unclear: the path is the request-syntax table's (`/v1/...`, trailing
    slash). The docs' request example adds `/partner/` and drops the slash; the only public client known
    to have received rows used this form, and it matches every other path here (no `/partner/`). Whether
    Partner Center also answers the example's spellings is not known; the emulator does. `TotalCount`
    counts every row the query matches, over all pages (in every published example it equals the rows
    shown, which cannot tell the two readings apart); clients page by `@nextLink`, never by
    `TotalCount`. Grouped rows keep `processedDateTime`, and their metrics are sums. Filter values
    compare case-insensitively.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: serviceCode eq 'o365' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        LicensesDeploymentPage
    """

    return unwrap(
        await asyncio_detailed(
            client=client,
            top=top,
            skip=skip,
            filter_=filter_,
            groupby=groupby,
            processed_date_time=processed_date_time,
            ms_request_id=ms_request_id,
            ms_correlation_id=ms_correlation_id,
            x_locale=x_locale,
        ),
        (LicensesDeploymentPage,),
    )


def _parse_page(client: AuthenticatedClient, response: httpx.Response) -> LicensesDeploymentPage:
    return unwrap(_build_response(client=client, response=response), (LicensesDeploymentPage,))


_FOLLOW = NextLink("next_link")


def iter_pages(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Iterator[LicensesDeploymentPage]:
    """Licenses deployment: every page, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[LicensesDeploymentPage]
    """

    kwargs = _get_kwargs(
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )
    return pages(client, kwargs, _parse_page, _FOLLOW, max_pages)


def aiter_pages(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncIterator[LicensesDeploymentPage]:
    """Licenses deployment: every page, asynchronously, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[LicensesDeploymentPage]
    """

    kwargs = _get_kwargs(
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
    )
    return apages(client, kwargs, _parse_page, _FOLLOW, max_pages)


def iter_rows(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Iterator[LicensesDeploymentRow]:
    """Licenses deployment: the `Value` of every page, one by one, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[LicensesDeploymentRow]
    """

    for page in iter_pages(
        client=client,
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
        max_pages=max_pages,
    ):
        yield from page.value


async def aiter_rows(
    *,
    client: AuthenticatedClient,
    top: int | Unset = 10000,
    skip: int | Unset = 0,
    filter_: str | Unset = UNSET,
    groupby: str | Unset = UNSET,
    processed_date_time: str | Unset = UNSET,
    ms_correlation_id: UUID | str | Unset = UNSET,
    x_locale: str | Unset = UNSET,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> AsyncIterator[LicensesDeploymentRow]:
    """Licenses deployment: the `Value` of every page, one by one, asynchronously, following each page's
    `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[LicensesDeploymentRow]
    """

    async for page in aiter_pages(
        client=client,
        top=top,
        skip=skip,
        filter_=filter_,
        groupby=groupby,
        processed_date_time=processed_date_time,
        ms_correlation_id=ms_correlation_id,
        x_locale=x_locale,
        max_pages=max_pages,
    ):
        for row in page.value:
            yield row
