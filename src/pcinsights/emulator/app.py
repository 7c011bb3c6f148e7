"""The emulator's HTTP face: the spec's analytics operations over one world, the reports API (``reports``), the
spec itself, and beside them the token endpoint, report file links and the control API.

Each operation checks, in order: bearer auth (``gate``: 401, or 403 for a forbidden token or an App-only one on
an App+User-only operation), the id and locale headers (400), its own inputs (400), then the customer (404).
Unknown paths answer 404 and other methods 405 with ``Allow``, all with Partner Center's error body; nothing but
an injected fault answers 5xx. The token endpoint, discovery document and keys (``entra``) sit beside them.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Awaitable, Callable
from importlib import resources

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pcinsights.emulator import entra
from pcinsights.emulator.commercial import CommercialData, PageRequest, QueryError, Table
from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.faults import FaultInjector, FaultSwitches
from pcinsights.emulator.gate import Gate
from pcinsights.emulator.guid import is_guid
from pcinsights.emulator.paging import MAX_PAGE_SIZE, Cursor, InvalidTokenError, decode_token, encode_token
from pcinsights.emulator.reports.control import control_routes
from pcinsights.emulator.reports.engine import Engine
from pcinsights.emulator.reports.envelope import ReportError
from pcinsights.emulator.reports.routes import report_routes, token_user
from pcinsights.emulator.reports.service import ReportsService
from pcinsights.emulator.stats import EmulatorStats
from pcinsights.emulator.tokens import Issuer
from pcinsights.emulator.wire import (
    JSON_MEDIA_TYPE,
    LOCALE_PATTERN,
    ApiError,
    RequestIds,
    bad_request,
    json_response,
    to_json,
)
from pcinsights.emulator.world import World

_DIGITS = re.compile(r"[0-9]{1,9}")
DEFAULT_PAGE_SIZE = 100
Handler = Callable[[Request], object]


@functools.cache
def spec_json() -> bytes:
    """The spec as JSON, read once per process from the generated package (``make generate`` puts it there)."""
    return resources.files("partner_center_analytics").joinpath("openapi.json").read_bytes()


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise bad_request(f"{name} must be given at most once.")
    return values[0] if values else None


def _check_headers(headers: Headers) -> None:
    """The optional id and locale headers, when sent, must be well formed."""
    for name in ("MS-RequestId", "MS-CorrelationId"):
        value = _single(headers.getlist(name), name)
        if value is not None and not is_guid(value):
            raise bad_request(f"{name} must be a GUID.")
    locale = _single(headers.getlist("X-Locale"), "X-Locale")
    if locale is not None and LOCALE_PATTERN.fullmatch(locale) is None:
        raise bad_request("X-Locale must be a locale such as en-US.")


class _Operations:
    """The operations' logic; each returns the JSON body of a 200 or raises ApiError."""

    def __init__(self, world: World, gate: Gate) -> None:
        self.world = world
        self.gate = gate
        self.commercial = CommercialData(world)

    def admits(self, headers: Headers) -> bool:
        """Whether the bearer check lets the token through: faults are injected only then (auth comes first).

        At the token level (as for an operation that takes App-only tokens too), so an App-only token may meet a
        fault on an App+User-only operation before its 403.
        """
        try:
            self.gate.admit(headers, app_only_allowed=True)
        except ApiError:
            return False
        return True

    def partner_deployment(self, request: Request) -> object:
        return _collection([to_json(row) for row in self.world.partner_deployment()])

    def partner_usage(self, request: Request) -> object:
        return _collection([to_json(row) for row in self.world.partner_usage()])

    def customer_deployment(self, request: Request) -> object:
        customer_id = self._known_customer(request)
        return _collection([to_json(row) for row in self.world.customer_deployment(customer_id)])

    def customer_usage(self, request: Request) -> object:
        customer_id = self._known_customer(request)
        return _collection([to_json(row) for row in self.world.customer_usage(customer_id)])

    def licenses_deployment(self, request: Request) -> object:
        return _commercial_page(request, self.commercial.tables().deployment)

    def licenses_usage(self, request: Request) -> object:
        return _commercial_page(request, self.commercial.tables().usage)

    def _known_customer(self, request: Request) -> str:
        customer_id = str(request.path_params["customer_id"])
        if not is_guid(customer_id):
            raise bad_request("customer-id must be a GUID.")
        if self.world.find(customer_id) is None:
            raise ApiError(404, 60003, "Tenant not found.")
        return customer_id

    def list_customers(self, request: Request) -> object:
        size = _page_size(_single(request.query_params.getlist("size"), "size"))
        seek = _single(request.query_params.getlist("seekOperation"), "seekOperation")
        token = _single(request.headers.getlist("MS-ContinuationToken"), "MS-ContinuationToken")
        if seek is not None and seek != "Next":
            raise bad_request("seekOperation must be Next.")
        if (seek is None) != (token is None):
            raise bad_request("seekOperation=Next and MS-ContinuationToken go together.")
        if token is None:
            cursor = Cursor(0, size or DEFAULT_PAGE_SIZE)
            self_link = _link(f"/v1/customers?size={cursor.size}")
        else:
            try:
                cursor = decode_token(token, self.world.seed, self.world.size)
            except InvalidTokenError as error:
                raise bad_request(f"MS-ContinuationToken is {error}.") from error
            cursor = Cursor(cursor.offset, size or cursor.size)
            self_link = _link(_seek_uri(size), token)
        customers = self.world.customer_page(cursor.offset, cursor.size)
        body: dict[str, object] = {
            "totalCount": len(customers),
            "items": [to_json(customer) for customer in customers],
            "links": {"self": self_link},
            "attributes": {"objectType": "Collection"},
        }
        following = cursor.offset + len(customers)
        if following < self.world.size:
            next_token = encode_token(self.world.seed, self.world.size, Cursor(following, cursor.size))
            body["continuationToken"] = next_token
            body["links"] = {"self": self_link, "next": _link(_seek_uri(None), next_token)}
        return body


def _commercial_page(request: Request, table: Table) -> object:
    """One page of a commercial query; ``@nextLink`` repeats the request's own URL with the next ``skip``."""

    def next_url(top: int, skip: int) -> str:
        return str(request.url.include_query_params(top=top, skip=skip))

    try:
        page_request = PageRequest.parse(lambda name: _single(request.query_params.getlist(name), name))
        return table.page(page_request, next_url)
    except QueryError as error:
        raise bad_request(str(error)) from None


def _page_size(raw: str | None) -> int | None:
    if raw is None:
        return None
    if _DIGITS.fullmatch(raw) is None or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise bad_request(f"size must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    return int(raw)


def _seek_uri(size: int | None) -> str:
    return "/v1/customers?seekOperation=Next" + ("" if size is None else f"&size={size}")


def _link(uri: str, token: str | None = None) -> dict[str, object]:
    headers = [] if token is None else [{"key": "MS-ContinuationToken", "value": token}]
    return {"uri": uri, "method": "GET", "headers": headers}


def _collection(items: list[dict[str, object]]) -> dict[str, object]:
    return {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}}


def _endpoint(
    operations: _Operations, handler: Handler, *, app_only_allowed: bool = False
) -> Callable[[Request], Awaitable[Response]]:
    """Wrap an operation with the checks every operation shares and the id headers every answer carries.

    Analytics operations accept App+User tokens only, as their pages say; ``app_only_allowed`` is for the rest.
    """

    async def endpoint(request: Request) -> Response:
        ids = RequestIds.for_request(request.headers)
        try:
            operations.gate.admit(request.headers, app_only_allowed=app_only_allowed)
            _check_headers(request.headers)
            # Off the event loop: a first call may wait seconds for a big world's aggregates or tables, and
            # /openapi.json, the token endpoint and every other request must not wait with it.
            body = await run_in_threadpool(handler, request)
        except ApiError as error:
            return error.response(ids)
        return json_response(200, body, ids)

    return endpoint


async def _openapi(request: Request) -> Response:
    return Response(spec_json(), media_type=JSON_MEDIA_TYPE)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Routing errors (unknown path, wrong method) in Partner Center's error shape."""
    ids = RequestIds.for_request(request.headers)
    if isinstance(exc, HTTPException) and exc.status_code == 405:
        allow = dict(exc.headers or {})
        return ApiError(405, 405, "The method is not allowed for this resource.", allow).response(ids)
    if isinstance(exc, HTTPException) and exc.status_code == 404:
        return ApiError(404, 1000, "Not found.").response(ids)
    return ApiError(400, 3000, "Invalid request.").response(ids)


async def _server_error(request: Request, exc: Exception) -> Response:
    """A last resort that should never run: still the documented error body and ids."""
    return ApiError(500, 800003, "Unexpected service error.").response(RequestIds.for_request(request.headers))


def _commercial_routes(name: str, endpoint: Callable[[Request], Awaitable[Response]]) -> list[Route]:
    """The spec's path (request-syntax table: no ``/partner/``, trailing slash) and the docs' other spellings."""
    return [
        Route(f"{prefix}/v1/analytics/commercial/{name}/license{slash}", endpoint)
        for prefix in ("", "/partner")
        for slash in ("/", "")
    ]


def create_app(
    config: EmulatorConfig | None = None,
    *,
    stats: EmulatorStats | None = None,
    clock: Callable[[], float] | None = None,
    wall_clock: Callable[[], float] | None = None,
    reports_engine: Engine | None = None,
) -> Starlette:
    """A fresh emulator app; its world, config, stats, faults and reports service are on ``app.state``.

    ``clock`` (monotonic seconds; ``time.monotonic`` when None) is what the throttle refills by: a test hands in
    a fake one, so waiting out a 429's Retry-After takes no real time. ``wall_clock`` (Unix seconds; ``time.time``
    when None) is what tokens are issued and expire by, so a test can let one expire without waiting for it;
    the reports' clock is it plus the offset ``POST /_emulator/clock`` moves. ``reports_engine`` replaces the
    reports' query language and datasets (the standard ones by default). The reports' scheduler runs during the
    app's lifespan (the server's start to its stop).
    """
    config = config or EmulatorConfig()
    stats = stats or EmulatorStats()
    world = World(config.seed, config.customers)
    issuer = Issuer(config) if wall_clock is None else Issuer(config, clock=wall_clock)
    operations = _Operations(world, Gate(issuer))
    reports = ReportsService(config, world, wall_clock or time.time, reports_engine)

    def guard(headers: Headers) -> None:
        """The reports operations' shared checks: App+User auth, then the headers, whose 400 is their envelope."""
        operations.gate.admit(headers, app_only_allowed=False)
        try:
            _check_headers(headers)
        except ApiError as error:
            raise ReportError(error.status, error.description) from None

    routes = [
        Route("/openapi.json", _openapi, methods=["GET"]),
        Route("/v1/analytics/licenses/deployment", _endpoint(operations, operations.partner_deployment)),
        Route("/v1/analytics/licenses/usage", _endpoint(operations, operations.partner_usage)),
        Route("/v1/customers", _endpoint(operations, operations.list_customers, app_only_allowed=True)),
        Route(
            "/v1/customers/{customer_id}/analytics/licenses/deployment",
            _endpoint(operations, operations.customer_deployment),
        ),
        Route("/v1/customers/{customer_id}/analytics/licenses/usage", _endpoint(operations, operations.customer_usage)),
        *_commercial_routes("deployment", _endpoint(operations, operations.licenses_deployment)),
        *_commercial_routes("usage", _endpoint(operations, operations.licenses_usage)),
        *report_routes(reports.operations, guard, lambda headers: token_user(headers, issuer.user_object_id)),
    ]
    switches = FaultSwitches(config)
    api = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                FaultInjector, config=config, stats=stats, admits=operations.admits, switches=switches, clock=clock
            )
        ],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    api.router.redirect_slashes = False
    # Entra's endpoints stand for another service (login.microsoftonline.com), report file links for a storage
    # service, and the control API for none: outside Partner Center's faults and stats, so a client's token fetch
    # or download never shows in the request counts.
    app = Starlette(
        routes=[
            *entra.routes(issuer),
            Route("/_files/{execution_id}", reports.files.serve, methods=["GET", "HEAD"]),
            *control_routes(reports, switches),
        ],
        lifespan=reports.lifespan,
    )
    app.router.redirect_slashes = False
    # Everything else is Partner Center's, whatever the path holds (a Mount's pattern stops at a newline).
    app.router.default = api
    app.state.config = config
    app.state.world = world
    app.state.stats = stats
    app.state.issuer = issuer
    app.state.faults = switches
    app.state.reports = reports
    return app
