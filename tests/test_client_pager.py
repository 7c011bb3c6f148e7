"""The generated pagers over real HTTP, sync and async: every row once across pages (commercial ``@nextLink`` and
the customer listing's continuation token), each page retried through the client's transport, a repeated link or
token ends the walk, a link to another origin is refused, and ``max_pages`` bounds it with a typed error.

Misbehaving servers are a real loopback HTTP server in front of an emulator that rewrites its JSON bodies.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any

import httpx
import pytest
from partner_center_analytics import AuthenticatedClient, RetryPolicy, TooManyPagesError, UnexpectedResponseError
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage
from partner_center_analytics.api.customers import list_customers

from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background
from tests._support import SPEC_PATH, FakeClock, opened, operation_modules, token_for
from tools import pagers
from tools.specdoc import load_spec, operations

Body = dict[str, Any]
Rewrite = Callable[[str, Body, int], Body]


@pytest.fixture(scope="module")
def tenant() -> Iterator[RunningEmulator]:
    """60 customers: a few hundred deployment and usage rows, many pages at small page sizes."""
    with run_in_background(EmulatorConfig(seed=11, customers=60)) as running:
        yield running


class RewritingProxy:
    """A loopback HTTP server forwarding every GET to ``upstream`` and answering its JSON body as ``rewrite`` returns it
    (given the request's path and query, the body with the upstream's links made the proxy's, and the request's
    number from 0); it records each request."""

    def __init__(self, upstream: str, rewrite: Rewrite) -> None:
        self.requests: list[str] = []
        upstream_client = httpx.Client(base_url=upstream, timeout=30.0)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                number = len(proxy.requests)
                proxy.requests.append(self.path)
                forwarded = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                answer = upstream_client.get(self.path, headers=forwarded)
                content = answer.content
                if answer.status_code == 200:
                    # The emulator links to itself: as seen through the proxy, its links are the proxy's.
                    body = json.loads(answer.text.replace(upstream, proxy.base_url))
                    content = json.dumps(rewrite(self.path, body, number)).encode()
                self.send_response(answer.status_code)
                for name in ("Content-Type", "MS-RequestId", "MS-CorrelationId"):
                    if name in answer.headers:
                        self.send_header(name, answer.headers[name])
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        self._upstream = upstream_client
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> RewritingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._upstream.close()


def client(base_url: str, emulator: RunningEmulator, **settings: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url, token=token_for(emulator), **settings)


async def rows_of(mode: str, operation: ModuleType, **kwargs: Any) -> list[Any]:
    if mode == "sync":
        return list(operation.iter_rows(**kwargs))
    return [row async for row in operation.aiter_rows(**kwargs)]


async def pages_until_error(mode: str, operation: ModuleType, **kwargs: Any) -> tuple[list[Any], Exception | None]:
    """The pages yielded before the walk ended, and the error it ended with (None if it finished)."""
    found: list[Any] = []
    try:
        if mode == "sync":
            for page in operation.iter_pages(**kwargs):
                found.append(page)
        else:
            async for page in operation.aiter_pages(**kwargs):
                found.append(page)
    except Exception as error:
        return found, error
    return found, None


def key(row: Any) -> str:
    return json.dumps(row.to_dict(), sort_keys=True)


@pytest.mark.parametrize(
    ("operation", "top", "query"),
    [
        (get_licenses_deployment, 37, {}),
        (get_licenses_usage, 50, {}),
        (get_licenses_deployment, 9, {"groupby": "customerTenantId"}),
        (get_licenses_usage, 4, {"groupby": "serviceCode,channel,workloadName", "filter_": "channel ne 'direct'"}),
    ],
)
async def test_every_commercial_row_once_across_pages(
    tenant: RunningEmulator, mode: str, operation: ModuleType, top: int, query: dict[str, str]
) -> None:
    async with opened(mode, client(tenant.base_url, tenant)) as paged:
        rows = await rows_of(mode, operation, client=paged, top=top, **query)
        requests = paged.stats.requests
    whole = operation.sync(client=client(tenant.base_url, tenant), **query)  # one page holds them all
    assert len(whole.value) == whole.total_count > 2 * top
    assert Counter(map(key, rows)) == Counter(map(key, whole.value))
    assert len(rows) == len({key(row) for row in rows})  # no row twice
    assert requests == math.ceil(whole.total_count / top)


async def test_every_customer_once_across_listing_pages(tenant: RunningEmulator, mode: str) -> None:
    async with opened(mode, client(tenant.base_url, tenant)) as paged:
        customers = await rows_of(mode, list_customers, client=paged, size=7)
        requests = paged.stats.requests
    assert [str(customer.id) for customer in customers] == [item.id for item in tenant.world.customer_page(0, 60)]
    assert requests == math.ceil(60 / 7)


async def test_each_page_is_retried_like_any_call(
    pcinsights_start_emulator: Any, fake_clock: FakeClock, mode: str
) -> None:
    flaky = pcinsights_start_emulator(seed=11, customers=60, fail_503=0.3, retry_after=1, clock=fake_clock)
    async with opened(mode, client(flaky.base_url, flaky, retry=fake_clock.policy(max_attempts=20))) as paged:
        rows = await rows_of(mode, get_licenses_deployment, client=paged, top=20)
        stats = paged.stats
    expected = get_licenses_deployment.sync(client=client(flaky.base_url, flaky, retry=RetryPolicy(max_attempts=50)))
    assert Counter(map(key, rows)) == Counter(map(key, expected.value))
    assert stats.retries > 0
    assert stats.requests - stats.retries == math.ceil(len(expected.value) / 20)


async def test_a_repeated_next_link_ends_the_walk(tenant: RunningEmulator, mode: str) -> None:
    first_link: list[str] = []

    def repeat_the_first_link(path: str, body: Body, number: int) -> Body:
        if body["@nextLink"] is not None:
            first_link.append(body["@nextLink"])
            body["@nextLink"] = first_link[0]  # page 2 points at page 2 again
        return body

    with RewritingProxy(tenant.base_url, repeat_the_first_link) as proxy:
        async with opened(mode, client(proxy.base_url, tenant)) as paged:
            rows = await rows_of(mode, get_licenses_deployment, client=paged, top=10)
    whole = get_licenses_deployment.sync(client=client(tenant.base_url, tenant))
    assert len(proxy.requests) == 2
    assert [key(row) for row in rows] == [key(row) for row in whole.value[:20]]


async def test_a_link_back_to_the_first_request_ends_the_walk(tenant: RunningEmulator, mode: str) -> None:
    def back_to_the_start(path: str, body: Body, number: int) -> Body:
        # The first request's own URL with its query in another order: still the same request.
        body["@nextLink"] = f"{proxy.base_url}/v1/analytics/commercial/deployment/license/?skip=0&top=10"
        return body

    with RewritingProxy(tenant.base_url, back_to_the_start) as proxy:
        async with opened(mode, client(proxy.base_url, tenant)) as paged:
            pages, error = await pages_until_error(mode, get_licenses_deployment, client=paged, top=10)
    assert error is None
    assert len(pages) == len(proxy.requests) == 1


async def test_a_relative_next_link_is_followed_from_the_base_url(tenant: RunningEmulator, mode: str) -> None:
    def relative(path: str, body: Body, number: int) -> Body:
        if body["@nextLink"] is not None:
            body["@nextLink"] = str(httpx.URL(body["@nextLink"]).raw_path, "ascii")
        return body

    with RewritingProxy(tenant.base_url, relative) as proxy:
        async with opened(mode, client(proxy.base_url, tenant)) as paged:
            rows = await rows_of(mode, get_licenses_usage, client=paged, top=100)
    whole = get_licenses_usage.sync(client=client(tenant.base_url, tenant))
    assert Counter(map(key, rows)) == Counter(map(key, whole.value))
    assert len(proxy.requests) == math.ceil(len(whole.value) / 100) > 1


async def test_a_next_link_to_another_origin_is_refused(tenant: RunningEmulator, mode: str) -> None:
    with RewritingProxy(tenant.base_url, lambda path, body, number: body) as elsewhere:

        def to_elsewhere(path: str, body: Body, number: int) -> Body:
            body["@nextLink"] = f"{elsewhere.base_url}/v1/analytics/commercial/deployment/license/?top=10&skip=10"
            return body

        with RewritingProxy(tenant.base_url, to_elsewhere) as proxy:
            async with opened(mode, client(proxy.base_url, tenant)) as paged:
                pages, error = await pages_until_error(mode, get_licenses_deployment, client=paged, top=10)
    assert isinstance(error, UnexpectedResponseError)
    assert "another origin" in str(error)
    assert len(pages) == 1
    assert elsewhere.requests == []  # the token never went there


async def test_a_repeated_continuation_token_ends_the_walk(tenant: RunningEmulator, mode: str) -> None:
    tokens: list[str] = []

    def repeat_the_first_token(path: str, body: Body, number: int) -> Body:
        if "continuationToken" in body:
            tokens.append(body["continuationToken"])
            body["continuationToken"] = tokens[0]
        return body

    with RewritingProxy(tenant.base_url, repeat_the_first_token) as proxy:
        async with opened(mode, client(proxy.base_url, tenant)) as paged:
            customers = await rows_of(mode, list_customers, client=paged, size=5)
    assert len(proxy.requests) == 2
    assert "seekOperation=Next" in proxy.requests[1]
    assert [str(customer.id) for customer in customers] == [item.id for item in tenant.world.customer_page(0, 10)]


async def test_max_pages_bounds_the_walk_with_a_typed_error(tenant: RunningEmulator, mode: str) -> None:
    async with opened(mode, client(tenant.base_url, tenant)) as paged:
        pages, error = await pages_until_error(mode, get_licenses_deployment, client=paged, top=10, max_pages=3)
        requests = paged.stats.requests
    assert isinstance(error, TooManyPagesError)
    assert error.pages == 3
    assert len(pages) == requests == 3
    assert [page.total_count > 30 for page in pages] == [True] * 3


async def test_max_pages_equal_to_the_pages_is_no_error(tenant: RunningEmulator, mode: str) -> None:
    async with opened(mode, client(tenant.base_url, tenant)) as paged:
        exact, exact_error = await pages_until_error(mode, list_customers, client=paged, size=20, max_pages=3)
        short, short_error = await pages_until_error(mode, list_customers, client=paged, size=20, max_pages=2)
    assert exact_error is None
    assert sum(len(page.items) for page in exact) == 60
    assert isinstance(short_error, TooManyPagesError)
    assert len(short) == 2


@pytest.mark.parametrize("bound", [0, -1, 2.5])
async def test_max_pages_must_be_a_positive_whole_number(tenant: RunningEmulator, mode: str, bound: Any) -> None:
    async with opened(mode, client(tenant.base_url, tenant)) as paged:
        pages, error = await pages_until_error(mode, list_customers, client=paged, max_pages=bound)
        assert paged.stats.requests == 0
    assert isinstance(error, ValueError)
    assert pages == []


@pytest.mark.parametrize(
    ("path", "change", "message"),
    [
        ("/v1/customers", {"items": "itemz"}, "no array property"),
        ("/v1/customers", {"continuation-token": "token"}, "no property of the page"),
        ("/v1/customers", {"continuation-header": "MS-Token"}, "must be an optional parameter"),
        ("/v1/customers", {"continuation-query": {"seekOperation": "Previous"}}, "does not allow"),
        ("/v1/customers", {"next-link": "links"}, "exactly one of next-link and continuation-token"),
        ("/v1/analytics/commercial/usage/license/", {"next-link": "Value'"}, "must be a name"),
        ("/v1/analytics/commercial/usage/license/", {"pages": 3}, "keys among"),
    ],
)
def test_a_pager_extension_that_cannot_work_fails_generation(path: str, change: dict[str, Any], message: str) -> None:
    spec = load_spec(SPEC_PATH)
    assert pagers.pagers(spec).keys() == {
        "get /v1/customers",
        "get /v1/analytics/commercial/deployment/license/",
        "get /v1/analytics/commercial/usage/license/",
    }
    spec["paths"][path]["get"][pagers.EXTENSION].update(change)
    with pytest.raises(pagers.PagerError, match=message):
        pagers.template(spec)


def test_only_the_operations_that_page_get_pagers() -> None:
    modules = operation_modules()
    spec = load_spec(SPEC_PATH)
    declared = {operation["operationId"] for _, _, _, operation in operations(spec) if pagers.EXTENSION in operation}
    assert declared, "no operation of the spec pages"
    assert {operation_id for operation_id, module in modules.items() if hasattr(module, "iter_rows")} == declared
    for operation_id in declared:
        assert {"iter_pages", "aiter_pages", "aiter_rows"} <= set(dir(modules[operation_id]))
