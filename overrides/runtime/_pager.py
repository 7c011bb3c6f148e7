"""Walk every page of an operation that pages, as its ``x-pcinsights-pager`` extension in the spec says.

The generated ``iter_pages``/``aiter_pages`` (and ``iter_rows``/``aiter_rows``) of such an operation call
``pages``/``apages`` with the first request and how to find the next one: a link the page carries
(``NextLink``), or a continuation token sent back in a header (``ContinuationToken``). Each page is one request
through the client's own transport, so it is retried, counted and authenticated like any call. The walk ends on
a page with nothing to follow, or one that points back at a request already made (the same page again would
add nothing); it raises ``TooManyPagesError`` rather than fetch more than ``max_pages`` pages.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
import httpx

from ._client import AuthenticatedClient
from ._errors import PartnerCenterError, UnexpectedResponseError
from ._runtime import asend, send

P = TypeVar("P")

# 10,000 pages: a million customers at the listing's 100 a page, 100 million commercial rows at 10,000.
DEFAULT_MAX_PAGES = 10_000

ParsePage = Callable[[AuthenticatedClient, httpx.Response], P]


class TooManyPagesError(PartnerCenterError):
    """The results go on past ``max_pages`` pages: the walk stopped instead of paging without end.

    ``pages`` is how many were fetched (and yielded). Raise ``max_pages`` if the results really are that long.
    """

    def __init__(self, pages: int) -> None:
        self.pages = pages
        super().__init__(f"more than {pages} pages: stopped paging (raise max_pages if the results are that long)")


AnyClient = httpx.Client | httpx.AsyncClient


@attrs.frozen
class NextLink:
    """The page's ``attribute`` holds the next page's URL (null, empty or absent on the last page).

    An absolute link must be on the client's own origin (scheme, host and port): the bearer token goes with it.
    A relative one is relative to the base URL. The link carries the whole query, so no parameters are added.
    """

    attribute: str

    def follow(self, http: AnyClient, kwargs: dict[str, Any], page: object) -> PageRequest | None:
        link = getattr(page, self.attribute, None)
        if not isinstance(link, str) or not link:
            return None
        url = httpx.URL(link)
        if url.is_absolute_url and _origin(url) != _origin(http.base_url):
            raise UnexpectedResponseError(
                f"the next page's link points at another origin ({_origin(url)}): not followed, it would get the token"
            )
        following: dict[str, Any] = {"method": kwargs["method"], "url": link}
        if "headers" in kwargs:
            following["headers"] = kwargs["headers"]
        return PageRequest(following, _key(http.build_request(**following).url))


@attrs.frozen
class ContinuationToken:
    """The page's ``attribute`` holds an opaque token (absent on the last page); the next request repeats this one
    with the token in the ``header`` and the ``query`` parameters added."""

    attribute: str
    header: str
    query: Mapping[str, str] = attrs.field(factory=dict)

    def follow(self, http: AnyClient, kwargs: dict[str, Any], page: object) -> PageRequest | None:
        token = getattr(page, self.attribute, None)
        if not isinstance(token, str) or not token:
            return None
        following: dict[str, Any] = {
            **kwargs,
            "params": {**kwargs.get("params", {}), **self.query},
            "headers": {**kwargs.get("headers", {}), self.header: token},
        }
        return PageRequest(following, "token:" + token)


Follow = NextLink | ContinuationToken


@attrs.frozen
class PageRequest:
    """The keyword arguments of one page's request, and what makes it the same request as another."""

    kwargs: dict[str, Any]
    key: str


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def _key(url: httpx.URL) -> str:
    """The URL with its query parameters in order: a link that only reorders them is the same request."""
    return str(url.copy_with(params=httpx.QueryParams(sorted(url.params.multi_items()))))


class _Walk:
    """The bookkeeping both walks share: the requests already made and the page bound."""

    def __init__(self, http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any], follow: Follow, max_pages: int):
        if type(max_pages) is not int or max_pages < 1:
            raise ValueError("max_pages must be a whole number of at least 1")
        self.http = http
        self.kwargs = kwargs
        self.follow = follow
        self.max_pages = max_pages
        self.pages = 0
        self.seen = {_key(http.build_request(**kwargs).url)}

    def next(self, page: object) -> bool:
        """Move on to the page after ``page``; False when there is none (or it would repeat a request)."""
        self.pages += 1
        request = self.follow.follow(self.http, self.kwargs, page)
        if request is None or request.key in self.seen:
            return False
        if self.pages >= self.max_pages:
            raise TooManyPagesError(self.pages)
        self.seen.add(request.key)
        self.kwargs = request.kwargs
        return True


def pages(
    client: AuthenticatedClient, kwargs: dict[str, Any], parse: ParsePage[P], follow: Follow, max_pages: int
) -> Iterator[P]:
    """Every page, starting with the request ``kwargs``; ``parse`` turns a response into the page or raises."""
    walk = _Walk(client.get_httpx_client(), kwargs, follow, max_pages)
    while True:
        page = parse(client, send(client, walk.kwargs))
        yield page
        if not walk.next(page):
            return


async def apages(
    client: AuthenticatedClient, kwargs: dict[str, Any], parse: ParsePage[P], follow: Follow, max_pages: int
) -> AsyncIterator[P]:
    """The async twin of ``pages``."""
    walk = _Walk(client.get_async_httpx_client(), kwargs, follow, max_pages)
    while True:
        page = parse(client, await asend(client, walk.kwargs))
        yield page
        if not walk.next(page):
            return


__all__ = ["DEFAULT_MAX_PAGES", "ContinuationToken", "NextLink", "TooManyPagesError", "apages", "pages"]
