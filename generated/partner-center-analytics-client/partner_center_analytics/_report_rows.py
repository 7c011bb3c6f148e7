# Copied from overrides/runtime/_report_rows.py by `make generate`; edit it there.
"""Stream the rows of a completed report execution's file, sync and async.

The file sits behind ``reportAccessSecureLink``, a pre-signed link (a SAS-like URL that is its own credential), so
it is fetched by a plain httpx client of its own: no bearer token, no cookies, no headers of the API client, only
its TLS and proxy settings, with bounded timeouts and redirects followed. The body is streamed and parsed chunk by
chunk (``_report_parse``), never held whole. A link that expired or was refused (403), or whose file is gone (404),
is replaced once by a fresh one: the execution is read again. Errors name the link without its query string,
which holds the signature.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from enum import Enum
from typing import Any

import attrs
import httpx
from attrs import frozen

from ._client import _TRANSPORT_ARGS, DEFAULT_TIMEOUT, AuthenticatedClient
from ._errors import ReportDownloadError
from ._report_parse import DELIMITERS, Column, ReportParser, Row, RowPlan, dict_rows, media_delimiter, typed_rows
from ._runtime import unwrap
from ._types import Response, Unset
from .api.reports import get_report_executions
from .models.report_execution import ReportExecution
from .models.report_execution_list import ReportExecutionList
from .report_rows import report_rows

# Refused or vanished links: worth one fresh link from the execution, which is signed anew on every read.
_STALE_LINK = frozenset({403, 404})
_GZIP = frozenset({"gzip", "x-gzip"})


@frozen
class ReportLink:
    """Where a report file is and what it is said to be: ``url`` (the signed link), ``delimiter`` from the
    execution's ``format`` (None: unknown), and the execution's ids, which get a fresh link (None for a bare URL)."""

    url: str
    delimiter: str | None = None
    report_id: str | None = None
    execution_id: str | None = None

    @property
    def shown(self) -> str:
        """The link without its query (the signature): what errors may quote."""
        try:
            return str(httpx.URL(self.url).copy_with(query=None, fragment=None))
        except (httpx.InvalidURL, ValueError, TypeError):
            return "(a link that is not a URL)"


def report_link(execution_or_link: ReportExecution | str) -> ReportLink:
    """The ``ReportLink`` of a ``ReportExecution`` (or anything with its attributes), or of a link as a str."""
    if isinstance(execution_or_link, str):
        return ReportLink(execution_or_link)
    link = getattr(execution_or_link, "report_access_secure_link", None)
    report_id = _text(getattr(execution_or_link, "report_id", None))
    execution_id = _text(getattr(execution_or_link, "execution_id", None))
    if not isinstance(link, str) or not link:
        status = _text(getattr(execution_or_link, "execution_status", None))
        raise ReportDownloadError(
            f"execution {execution_id or '(no id)'} has no reportAccessSecureLink (status {status or 'unknown'}): "
            "only a Completed execution has a file"
        )
    fmt = _text(getattr(execution_or_link, "format_", getattr(execution_or_link, "format", None)))
    delimiter = DELIMITERS.get(fmt.strip().lower()) if fmt else None
    return ReportLink(link, delimiter, report_id, execution_id)


def _text(value: object) -> str | None:
    """A model's value (a str, a str enum, a UUID) as text; None for absent, UNSET or null."""
    if value is None or isinstance(value, Unset):
        return None
    return str(value.value) if isinstance(value, Enum) else str(value)


@functools.lru_cache(maxsize=8)
def _ssl_context(verify: bool | str, trust_env: bool) -> ssl.SSLContext:
    """httpx's context for these settings, made once: loading the CA bundle costs tens of milliseconds a download."""
    return httpx.create_ssl_context(verify=verify, trust_env=trust_env)


def _download_args(client: AuthenticatedClient) -> tuple[dict[str, Any], dict[str, Any]]:
    """The plain client's arguments and its transport's: the API client's connection settings, nothing else."""
    transport_args = {name: client._httpx_args[name] for name in _TRANSPORT_ARGS if name in client._httpx_args}
    verify = client._verify_ssl
    if isinstance(verify, bool | str) and transport_args.get("cert") is None:
        verify = _ssl_context(verify, bool(transport_args.get("trust_env", True)))
    transport_args["verify"] = verify
    client_args = {"timeout": DEFAULT_TIMEOUT, "follow_redirects": True, "headers": {"Accept-Encoding": "gzip"}}
    return client_args, transport_args


def _check_url(link: ReportLink) -> httpx.URL:
    try:
        url = httpx.URL(link.url)
    except (httpx.InvalidURL, ValueError, TypeError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ReportDownloadError(f"the report link is not an http(s) URL: {link.shown}")
    return url


def _refused(link: ReportLink, response: httpx.Response, fresh: bool) -> ReportDownloadError:
    status = response.status_code
    why = " even after a fresh link" if fresh else ""
    return ReportDownloadError(f"the report file at {link.shown} was refused{why}: HTTP {status}", status_code=status)


def _failed(link: ReportLink, exc: httpx.HTTPError) -> ReportDownloadError:
    """A transport failure, named by its class: its message may quote the URL (the signature)."""
    what = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
    return ReportDownloadError(f"the download of the report file at {link.shown} {what} ({type(exc).__name__})")


def _parser(link: ReportLink, response: httpx.Response, plan: RowPlan) -> ReportParser:
    codings = [c.strip().lower() for c in response.headers.get("Content-Encoding", "").split(",")]
    codings = [c for c in codings if c not in ("", "identity")]
    if len(codings) > 1 or (codings and codings[0] not in _GZIP):
        raise ReportDownloadError(f"the report file came in a content encoding the client did not ask for: {codings}")
    media, charset = media_delimiter(response.headers.get("Content-Type"))
    return ReportParser(gzip=bool(codings), delimiter=link.delimiter or media, charset=charset, row_plan=plan)


Refresh = Callable[[ReportLink], ReportLink]
AsyncRefresh = Callable[[ReportLink], Awaitable[ReportLink]]


def rows_at(client: AuthenticatedClient, link: ReportLink, plan: RowPlan, refresh: Refresh | None) -> Iterator[Row]:
    """The rows of the file at ``link``; ``refresh`` (None: none) gets a fresh link after a 403 or 404."""
    client_args, transport_args = _download_args(client)
    with httpx.Client(transport=httpx.HTTPTransport(**transport_args), **client_args) as http:
        fresh = False
        while True:
            request = http.build_request("GET", _check_url(link))
            try:
                response = http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise _failed(link, exc) from None
            try:
                if response.status_code in _STALE_LINK and refresh is not None and not fresh:
                    fresh = True
                    link = refresh(link)
                    continue
                if response.status_code != 200:
                    raise _refused(link, response, fresh)
                parser = _parser(link, response, plan)
                try:
                    for chunk in response.iter_raw():
                        for batch in parser.feed(chunk):
                            yield from batch
                except httpx.HTTPError as exc:
                    raise _failed(link, exc) from None
                for batch in parser.close():
                    yield from batch
                return
            finally:
                response.close()


async def arows_at(
    client: AuthenticatedClient, link: ReportLink, plan: RowPlan, refresh: AsyncRefresh | None
) -> AsyncIterator[Row]:
    """The async twin of ``rows_at``."""
    client_args, transport_args = _download_args(client)
    async with httpx.AsyncClient(transport=httpx.AsyncHTTPTransport(**transport_args), **client_args) as http:
        fresh = False
        while True:
            request = http.build_request("GET", _check_url(link))
            try:
                response = await http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise _failed(link, exc) from None
            try:
                if response.status_code in _STALE_LINK and refresh is not None and not fresh:
                    fresh = True
                    link = await refresh(link)
                    continue
                if response.status_code != 200:
                    raise _refused(link, response, fresh)
                parser = _parser(link, response, plan)
                try:
                    async for chunk in response.aiter_raw():
                        for batch in parser.feed(chunk):
                            for row in batch:
                                yield row
                except httpx.HTTPError as exc:
                    raise _failed(link, exc) from None
                for batch in parser.close():
                    for row in batch:
                        yield row
                return
            finally:
                await response.aclose()


def _ids(link: ReportLink) -> tuple[str, str] | None:
    """The report and execution ids to get a fresh link with, or None (a bare link cannot be renewed)."""
    return None if link.report_id is None or link.execution_id is None else (link.report_id, link.execution_id)


def _fresh(link: ReportLink, response: Response[Any]) -> ReportLink:
    """The renewed link from the execution read again; a 404 there means the file is gone for good."""
    if response.status_code == 404:
        raise ReportDownloadError(
            f"the report file is gone: execution {link.execution_id} of report {link.report_id} no longer exists",
            status_code=404,
        )
    page = unwrap(response, ReportExecutionList)
    wanted = (link.execution_id or "").lower()
    for execution in page.value:
        if str(execution.execution_id).lower() == wanted:
            return report_link(execution)
    raise ReportDownloadError(f"execution {link.execution_id} is no longer among its report's executions")


def _refresh(client: AuthenticatedClient, link: ReportLink) -> Refresh | None:
    ids = _ids(link)
    if ids is None:
        return None

    def refresh(stale: ReportLink) -> ReportLink:
        response = get_report_executions.sync_detailed(ids[0], client=client, execution_id=ids[1])
        return _fresh(stale, response)

    return refresh


def _arefresh(client: AuthenticatedClient, link: ReportLink) -> AsyncRefresh | None:
    ids = _ids(link)
    if ids is None:
        return None

    async def refresh(stale: ReportLink) -> ReportLink:
        response = await get_report_executions.asyncio_detailed(ids[0], client=client, execution_id=ids[1])
        return _fresh(stale, response)

    return refresh


_PLANS: dict[str, RowPlan] = {}


def _squeeze(name: str) -> str:
    """A column's or attribute's name without case or separators: ``MPNId`` and ``mpn_id`` are one."""
    return "".join(char for char in name.lower() if char.isalnum())


def row_plan(dataset: str | None) -> RowPlan:
    """How the rows of ``dataset`` are built: its row model for a license dataset, else ``dict[str, str]``."""
    schema = report_rows(dataset) if dataset is not None else None
    if schema is None:
        return dict_rows
    plan = _PLANS.get(schema.dataset)
    if plan is None:
        attributes = {_squeeze(a.name): a.name for a in attrs.fields(schema.model) if a.init}
        columns = {
            column: Column(attributes[_squeeze(column)], kind, column in schema.nullable)
            for column, kind in schema.types.items()
            if _squeeze(column) in attributes
        }
        plan = _PLANS[schema.dataset] = typed_rows(schema.model, columns)
    return plan


def iter_report_rows(
    client: AuthenticatedClient, execution_or_link: ReportExecution | str, *, dataset: str | None = None
) -> Iterator[Row]:
    """The rows of a completed report execution's file, streamed: nothing is fetched until the first row is asked
    for, and the file is never held whole.

    ``execution_or_link`` is a ``ReportExecution`` (from ``run_report`` or ``get_report_executions``) or its
    ``reportAccessSecureLink`` as a str. The file is fetched without the client's token or cookies (the link is
    its own credential), with the client's TLS and proxy settings; with an execution, a refused (403) or vanished
    (404) link is replaced once by a fresh one. CSV or TSV (the execution's ``format``, else the ``Content-Type``,
    else the header line says which), gzip or not, with or without a byte-order mark, CRLF or LF.

    Rows are dicts of the header's column names to the cells' text, or, for a license dataset named by
    ``dataset`` (``OfficeUsage``, ...: the FROM of the query; ``report_rows`` lists them), that dataset's row model
    with typed values (an empty cell is None); another dataset's rows stay dicts.
    Raises ``ReportDownloadError`` (refused, cut off, timed out) or ``ReportFormatError`` (not a readable file,
    a cell that is not its column's type: ``row`` and ``column`` say where), both ``ReportError``.
    """
    link = report_link(execution_or_link)
    return rows_at(client, link, row_plan(dataset), _refresh(client, link))


def aiter_report_rows(
    client: AuthenticatedClient, execution_or_link: ReportExecution | str, *, dataset: str | None = None
) -> AsyncIterator[Row]:
    """The async twin of ``iter_report_rows``: ``async for row in aiter_report_rows(client, execution)``."""
    link = report_link(execution_or_link)
    return arows_at(client, link, row_plan(dataset), _arefresh(client, link))


__all__ = ["ReportLink", "aiter_report_rows", "iter_report_rows", "report_link"]
