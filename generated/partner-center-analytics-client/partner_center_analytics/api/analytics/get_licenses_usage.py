from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx

from ..._client import AuthenticatedClient
from ..._pager import DEFAULT_MAX_PAGES, NextLink, apages, pages
from ..._runtime import asend, build_response, parse_error, parse_success, send, unexpected_status, unwrap
from ..._types import UNSET, Response, Unset
from ...models.error import Error
from ...models.licenses_usage_page import LicensesUsagePage
from ...models.licenses_usage_row import LicensesUsageRow


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
        "url": "/v1/analytics/commercial/usage/license/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient, response: httpx.Response) -> Error | LicensesUsagePage | None:
    if response.status_code == 200:
        return parse_success(response, LicensesUsagePage.from_dict, client.stats)
    if response.status_code in {400, 401, 403, 429, 431, 500, 503}:
        return parse_error(response)
    if client.raise_on_unexpected_status:
        raise unexpected_status(response)
    return None


def _build_response(*, client: AuthenticatedClient, response: httpx.Response) -> Response[Error | LicensesUsagePage]:
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
) -> Response[Error | LicensesUsagePage]:
    """Licenses usage

     Qualified and active licenses, one row per customer, product and workload, or, with `groupby`, one
    row per distinct combination of the listed fields with the metrics summed. The successor of the
    partner and customer usage operations: `groupby=customerTenantId` gives each customer's totals over
    its customer usage rows, and `groupby=serviceCode,channel,workloadName` the partner usage rows
    (`licensesActive / licensesQualified` as the prorated percent).

    Choices made where the docs are unclear: the path, `TotalCount`, grouped rows and value comparison
    as for the deployment operation. The docs' usage example spells the metric `licenseActive`
    (singular) while its field table and `groupby` text say `licensesActive`; this spec declares
    `licensesActive`, and generated clients keep the other spelling as an unknown field. The docs'
    `groupby` list runs `channel` and `customerTenantId` together as `channelcustomerTenantId`, a
    formatting slip: they are two fields, and the merged name is not one.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: workloadCode eq 'SPO' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel,workloadName.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | LicensesUsagePage]
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
) -> LicensesUsagePage:
    """Licenses usage

     Qualified and active licenses, one row per customer, product and workload, or, with `groupby`, one
    row per distinct combination of the listed fields with the metrics summed. The successor of the
    partner and customer usage operations: `groupby=customerTenantId` gives each customer's totals over
    its customer usage rows, and `groupby=serviceCode,channel,workloadName` the partner usage rows
    (`licensesActive / licensesQualified` as the prorated percent).

    Choices made where the docs are unclear: the path, `TotalCount`, grouped rows and value comparison
    as for the deployment operation. The docs' usage example spells the metric `licenseActive`
    (singular) while its field table and `groupby` text say `licensesActive`; this spec declares
    `licensesActive`, and generated clients keep the other spelling as an unknown field. The docs'
    `groupby` list runs `channel` and `customerTenantId` together as `channelcustomerTenantId`, a
    formatting slip: they are two fields, and the merged name is not one.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: workloadCode eq 'SPO' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel,workloadName.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        LicensesUsagePage
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
        (LicensesUsagePage,),
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
) -> Response[Error | LicensesUsagePage]:
    """Licenses usage

     Qualified and active licenses, one row per customer, product and workload, or, with `groupby`, one
    row per distinct combination of the listed fields with the metrics summed. The successor of the
    partner and customer usage operations: `groupby=customerTenantId` gives each customer's totals over
    its customer usage rows, and `groupby=serviceCode,channel,workloadName` the partner usage rows
    (`licensesActive / licensesQualified` as the prorated percent).

    Choices made where the docs are unclear: the path, `TotalCount`, grouped rows and value comparison
    as for the deployment operation. The docs' usage example spells the metric `licenseActive`
    (singular) while its field table and `groupby` text say `licensesActive`; this spec declares
    `licensesActive`, and generated clients keep the other spelling as an unknown field. The docs'
    `groupby` list runs `channel` and `customerTenantId` together as `channelcustomerTenantId`, a
    formatting slip: they are two fields, and the merged name is not one.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: workloadCode eq 'SPO' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel,workloadName.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        UnexpectedResponseError: If a success response is not what the spec says.
        ConnectionFailedError: If no response arrived, even after retrying.
        UnexpectedStatus: If the status is undocumented and AuthenticatedClient.raise_on_unexpected_status is True.

    Returns:
        Response[Error | LicensesUsagePage]
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
) -> LicensesUsagePage:
    """Licenses usage

     Qualified and active licenses, one row per customer, product and workload, or, with `groupby`, one
    row per distinct combination of the listed fields with the metrics summed. The successor of the
    partner and customer usage operations: `groupby=customerTenantId` gives each customer's totals over
    its customer usage rows, and `groupby=serviceCode,channel,workloadName` the partner usage rows
    (`licensesActive / licensesQualified` as the prorated percent).

    Choices made where the docs are unclear: the path, `TotalCount`, grouped rows and value comparison
    as for the deployment operation. The docs' usage example spells the metric `licenseActive`
    (singular) while its field table and `groupby` text say `licensesActive`; this spec declares
    `licensesActive`, and generated clients keep the other spelling as an unknown field. The docs'
    `groupby` list runs `channel` and `customerTenantId` together as `channelcustomerTenantId`, a
    formatting slip: they are two fields, and the merged name is not one.

    Args:
        top (int | Unset):  Default: 10000.
        skip (int | Unset):  Default: 0.
        filter_ (str | Unset):  Example: workloadCode eq 'SPO' or (channel eq 'reseller').
        groupby (str | Unset):  Example: serviceCode,channel,workloadName.
        processed_date_time (str | Unset):  Example: 2021-05-24T00:00:00.
        ms_request_id (UUID | str | Unset):
        ms_correlation_id (UUID | str | Unset):
        x_locale (str | Unset):  Example: en-US.

    Raises:
        PartnerCenterError: A subclass for each failure: the status's typed error (NotFoundError,
            ThrottledError, ...), UnexpectedResponseError, ConnectionFailedError or UnexpectedStatus.

    Returns:
        LicensesUsagePage
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
        (LicensesUsagePage,),
    )


def _parse_page(client: AuthenticatedClient, response: httpx.Response) -> LicensesUsagePage:
    return unwrap(_build_response(client=client, response=response), (LicensesUsagePage,))


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
) -> Iterator[LicensesUsagePage]:
    """Licenses usage: every page, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[LicensesUsagePage]
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
) -> AsyncIterator[LicensesUsagePage]:
    """Licenses usage: every page, asynchronously, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[LicensesUsagePage]
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
) -> Iterator[LicensesUsageRow]:
    """Licenses usage: the `Value` of every page, one by one, following each page's `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        Iterator[LicensesUsageRow]
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
) -> AsyncIterator[LicensesUsageRow]:
    """Licenses usage: the `Value` of every page, one by one, asynchronously, following each page's
    `@nextLink`.

    Each page is one request through ``client``, retried like any other call. The walk ends on the last page, or
    on a page pointing back at a request already made; past ``max_pages`` pages it raises TooManyPagesError.

    Raises:
        PartnerCenterError: As ``sync``/``asyncio`` do, for the page that failed; TooManyPagesError past
            ``max_pages``.

    Returns:
        AsyncIterator[LicensesUsageRow]
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
