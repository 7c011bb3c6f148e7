# Copied from overrides/runtime/_runtime.py by `make generate`; edit it there.
"""What every generated operation does around its request: send, decode, and turn failures into errors.

Kept out of the endpoint modules so that they stay small and the rules live in one place.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any, TypeVar

import httpx

from ._client import AuthenticatedClient
from ._decode import reporting_to
from ._errors import (
    ConnectionFailedError,
    PartnerCenterError,
    ThrottledError,
    UnexpectedResponseError,
    UnexpectedStatus,
    error_class,
    snippet,
)
from ._errors import call_ids as _ids
from ._retry import retry_after_seconds
from ._secrets import secret_headers
from ._stats import ClientStats
from ._types import Response
from .models.error import Error

T = TypeVar("T")

# What decoding a body that breaks the spec can raise (LookupError: a missing field or an unknown charset;
# ValueError: bad JSON, bad text encoding, a bad date-time; RecursionError: absurdly deep nesting).
_SCHEMA_ERRORS = (LookupError, TypeError, ValueError, AttributeError, RecursionError)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


def _request_of_error(exc: httpx.HTTPError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:
        return None


def _connection_failed(exc: httpx.HTTPError) -> PartnerCenterError:
    request = _request_of_error(exc)
    # A LocalProtocolError may quote a header value, so only network-level messages are repeated.
    detail = f": {exc}" if _network_level(exc) and str(exc) else ""
    if isinstance(exc, httpx.TransportError):
        return ConnectionFailedError(f"request failed ({type(exc).__name__}{detail})", **_ids(None, request))
    return UnexpectedResponseError(f"response could not be read ({type(exc).__name__})", **_ids(None, request))


def _network_level(exc: httpx.HTTPError) -> bool:
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError)


def _redacted_cause(exc: httpx.HTTPError, auth_header: str) -> httpx.HTTPError | None:
    """The httpx error to chain: a copy (class, message, request without the token), never the original, whose
    request holds the Authorization header. None where the message may quote a header (LocalProtocolError)."""
    if not _network_level(exc):
        return None
    copy = type(exc)(str(exc))
    request = _request_of_error(exc)
    if request is not None:
        secret = secret_headers(auth_header)
        headers = [(k, "[redacted]" if k.lower() in secret else v) for k, v in request.headers.multi_items()]
        copy.request = httpx.Request(request.method, request.url, headers=headers)
    return copy


def send(client: AuthenticatedClient, kwargs: dict[str, Any]) -> httpx.Response:
    """Send a request; httpx errors come out as ``ConnectionFailedError``."""
    try:
        return client.get_httpx_client().request(**kwargs)
    except httpx.HTTPError as exc:
        error, cause = _connection_failed(exc), _redacted_cause(exc, client.auth_header_name)
    raise error from cause  # out of the except clause: the original is not even the __context__


async def asend(client: AuthenticatedClient, kwargs: dict[str, Any]) -> httpx.Response:
    """The async twin of ``send``."""
    try:
        return await client.get_async_httpx_client().request(**kwargs)
    except httpx.HTTPError as exc:
        error, cause = _connection_failed(exc), _redacted_cause(exc, client.auth_header_name)
    raise error from cause


def _json(content: bytes, content_type: str | None) -> Any:
    """The JSON body, tolerating a UTF-8 byte-order mark and any JSON media type or charset."""
    if content_type is not None:
        media, _, params = content_type.partition(";")
        media = media.strip().lower()
        if media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
            raise ValueError(f"content type {media or '(empty)'} is not JSON")
        charset = ""
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                charset = value.strip().strip('"').lower()
        if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
            return json.loads(content.decode(charset).lstrip("\ufeff"))
    # json.loads detects UTF-8 (with or without a BOM), UTF-16 and UTF-32 from the bytes themselves.
    return json.loads(content)


def parse_success(
    response: httpx.Response, from_dict: Callable[[Mapping[str, Any]], T], stats: ClientStats | None = None
) -> T:
    """The success model, or ``UnexpectedResponseError`` when the body is not what the spec says; unknown fields
    and enum values in it are counted in ``stats``."""
    try:
        if stats is None:
            return from_dict(_json(response.content, response.headers.get("Content-Type")))
        with reporting_to(stats):
            return from_dict(_json(response.content, response.headers.get("Content-Type")))
    except _SCHEMA_ERRORS as exc:
        reason = f"{type(exc).__name__}: {exc}" if not isinstance(exc, KeyError) else f"missing field {exc}"
        raise UnexpectedResponseError(
            f"HTTP {response.status_code} response does not match the spec ({reason})",
            status_code=response.status_code,
            body_snippet=snippet(response.content),
            **_ids(response, _request_of(response)),
        ) from None


def parse_error(response: httpx.Response) -> Error | None:
    """The ``Error`` model of an error response, or None when its body is not one (an HTML page, say)."""
    return _error_model(response.content, response.headers.get("Content-Type"))


def _error_model(content: bytes, content_type: str | None) -> Error | None:
    try:
        return Error.from_dict(_json(content, content_type))
    except _SCHEMA_ERRORS:
        return None


def unexpected_status(response: httpx.Response) -> UnexpectedStatus:
    return UnexpectedStatus(response.status_code, response.content, **_ids(response, _request_of(response)))


def build_response(response: httpx.Response, parsed: T | None) -> Response[T]:
    try:
        status = HTTPStatus(response.status_code)
    except ValueError:
        raise unexpected_status(response) from None
    return Response(status_code=status, content=response.content, headers=response.headers, parsed=parsed)


def _error(response: Response[Any]) -> PartnerCenterError:
    cls = error_class(response.status_code)
    ids: dict[str, Any] = {"request_id": response.request_id, "correlation_id": response.correlation_id}
    if cls is None:
        return UnexpectedStatus(response.status_code, response.content, **ids)
    body = response.parsed if isinstance(response.parsed, Error) else None
    if body is None:  # a status this operation does not document may still carry Partner Center's error body
        body = _error_model(response.content, response.headers.get("Content-Type"))
    code: int | str | None = None
    description: str | None = None
    if body is not None:
        # Partner Center's throttling body says statusCode/message where the others say code/description.
        for candidate in (body.code, body.status_code):
            if isinstance(candidate, int | str):
                code = candidate
                break
        for text in (body.description, body.message):
            if isinstance(text, str):
                description = text
                break
    fields: dict[str, Any] = {"status_code": int(response.status_code), "code": code, "description": description}
    if cls is ThrottledError:
        fields["retry_after"] = retry_after_seconds(response.headers.get("Retry-After"), time.time())
    return cls(**fields, **ids)


def unwrap(response: Response[Any], success: type[T] | tuple[type[T], ...]) -> T:
    """The parsed success model of ``response``, or the typed error for its status."""
    if isinstance(response.parsed, success):
        return response.parsed
    raise _error(response)
