"""The reports API's HTTP face: the twelve operations under ``/insights/v1/mpn``, each behind the shared bearer and
header checks (``guard``: App+User only, as the analytics operations), reading its JSON body (at most
``MAX_BODY`` bytes), answering the envelope with the MS-RequestId, MS-CorrelationId and MS-CV headers.

The rules are ``operations``'; the caller recorded as a query's or report's ``user`` is the token's UPN (or its
oid), read from the token the gate has just verified.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pcinsights.emulator.gate import bearer_token
from pcinsights.emulator.reports.envelope import INVALID_PARAMETERS, JsonObject, bad
from pcinsights.emulator.reports.inputs import Call
from pcinsights.emulator.reports.operations import ReportOperations
from pcinsights.emulator.wire import ApiError, RequestIds, json_response

PREFIX = "/insights/v1/mpn"
MAX_BODY = 1024 * 1024
Handler = Callable[[Call], JsonObject]


def token_user(headers: Headers, default: str) -> str:
    """The UPN (else the oid) in the request's bearer token; ``default`` for an opaque token (``--accept-token``)."""
    token = bearer_token(headers) or ""
    parts = token.split(".")
    if len(parts) == 3:
        try:
            claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        except (binascii.Error, ValueError):
            claims = None
        if isinstance(claims, dict):
            for name in ("upn", "unique_name", "oid"):
                if isinstance(claims.get(name), str) and claims[name]:
                    return str(claims[name])
    return default


async def _body(request: Request) -> object:
    """The request's JSON body; None when it has none. JSON that is not UTF-8 text once read (an escaped lone
    surrogate) is refused with the rest of what is not JSON."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise bad(INVALID_PARAMETERS)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        return None
    try:
        body = json.loads(raw.decode("utf-8-sig"))
        json.dumps(body, ensure_ascii=False).encode("utf-8")  # no lone surrogate (\ud800) anywhere
    except (UnicodeError, ValueError):
        raise bad(INVALID_PARAMETERS) from None
    return body


def _params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        params.setdefault(name.lower(), []).append(value)
    return params


def _endpoint(
    handlers: dict[str, Handler],
    guard: Callable[[Headers], None],
    user: Callable[[Headers], str],
    siblings: Mapping[str, Sequence[str]],
) -> Callable[[Request], Awaitable[Response]]:
    """One path's endpoint, answering each of its methods with that method's operation.

    ``siblings``: the literal paths its parameter would also match (``testQueryResult`` for a query id), each with
    its own methods; a method they lack is their 405, not this path's answer about a strange id.
    """

    async def endpoint(request: Request) -> Response:
        for value in request.path_params.values():
            if value in siblings:
                raise HTTPException(405, headers={"Allow": ", ".join(siblings[value])})
        ids = RequestIds.for_request(request.headers)
        method = "GET" if request.method == "HEAD" else request.method
        try:
            guard(request.headers)
            body: Any = await _body(request) if method in ("POST", "PUT") else None
            call = Call(_params(request), dict(request.path_params), body, user(request.headers), str(request.base_url))
            # Off the event loop: SQLite, and a try may evaluate a large dataset.
            result = await run_in_threadpool(handlers[method], call)
        except ApiError as error:
            return error.response(ids)
        return json_response(200, result, ids)

    return endpoint


def report_routes(
    operations: ReportOperations, guard: Callable[[Headers], None], user: Callable[[Headers], str]
) -> list[Route]:
    """The operations' routes, one per path (so a 405's ``Allow`` names every method the path has); ``guard``
    raises the shared 401/403 answers and the headers' 400, ``user`` names the caller."""
    ops = operations
    paths: dict[str, dict[str, Handler]] = {
        "/ScheduledDataset": {"GET": ops.get_datasets},
        "/ScheduledQueries": {"GET": ops.get_queries, "POST": ops.create_query},
        "/ScheduledQueries/testQueryResult": {"GET": ops.try_query},
        "/ScheduledQueries/{queryId}": {"DELETE": ops.delete_query},
        "/ScheduledReport": {"GET": ops.get_reports, "POST": ops.create_report},
        "/ScheduledReport/pause/{reportId}": {"PUT": ops.pause_report},
        "/ScheduledReport/resume/{reportId}": {"PUT": ops.resume_report},
        "/ScheduledReport/execution/{reportId}": {"GET": ops.get_executions},
        "/ScheduledReport/{reportId}": {"PUT": ops.update_report, "DELETE": ops.delete_report},
    }
    routes = []
    for path, handlers in paths.items():
        parent, _, last = path.rpartition("/")
        siblings = {
            other.rpartition("/")[2]: _allowed(methods)
            for other, methods in paths.items()
            if last.startswith("{") and other.rpartition("/")[0] == parent and "{" not in other
        }
        routes.append(Route(PREFIX + path, _endpoint(handlers, guard, user, siblings), methods=list(handlers)))
    return routes


def _allowed(handlers: Mapping[str, Handler]) -> list[str]:
    """The methods a path allows, as Starlette lists them (HEAD with GET)."""
    return sorted({*handlers, *(["HEAD"] if "GET" in handlers else [])})
