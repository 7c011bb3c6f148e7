"""The errors every operation raises instead of returning an error model or None.

Catch ``PartnerCenterError`` to handle them all; the subclasses let a caller treat the
cases that need different handling (re-authenticate, back off, report a bug) apart.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import httpx

from ._ids import CORRELATION_ID, REQUEST_ID

SNIPPET_LENGTH = 200


def call_ids(response: httpx.Response | None, request: httpx.Request | None) -> dict[str, Any]:
    """The request and correlation ids of an error: the ones the server echoed, else the ones sent."""
    ids: dict[str, Any] = {}
    for key, header in (("request_id", REQUEST_ID), ("correlation_id", CORRELATION_ID)):
        value = response.headers.get(header) if response is not None else None
        if value is None and request is not None:
            value = request.headers.get(header)
        ids[key] = value
    return ids


def snippet(content: bytes) -> str:
    """A short, printable prefix of a response body: enough to recognise it, never a whole page."""
    text = content[: SNIPPET_LENGTH * 4].decode("utf-8", errors="replace").lstrip("\ufeff")
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 3] + "..."


class PartnerCenterError(Exception):
    """A call did not produce the documented success result.

    Carries what support needs to trace the call: the HTTP status (None when no response
    came back), Partner Center's error code and description, and the request and
    correlation ids (the ones the server echoed, else the ones sent).
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        status_code: int | None = None,
        code: int | str | None = None,
        description: str | None = None,
        request_id: str | None = None,
        correlation_id: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.code = code
        self.description = description
        self.request_id = request_id
        self.correlation_id = correlation_id
        super().__init__(message if message is not None else self._summary())

    def _summary(self) -> str:
        parts = [_status_text(self.status_code)]
        if self.description:
            parts.append(self.description)
        return ": ".join(parts)

    def __str__(self) -> str:
        details = []
        if self.code is not None:
            details.append(f"code {self.code}")
        if self.request_id:
            details.append(f"request id {self.request_id}")
        if self.correlation_id:
            details.append(f"correlation id {self.correlation_id}")
        text = super().__str__()
        return f"{text} ({', '.join(details)})" if details else text


class BadRequestError(PartnerCenterError):
    """400: the request was malformed, for example a customer id that is not a GUID."""


class AuthError(PartnerCenterError):
    """401 or 403: retrying will not help until the credentials change."""


class AuthenticationError(AuthError):
    """401: the token is missing, expired or not valid for Partner Center."""


class PermissionDeniedError(AuthError):
    """403: the token is valid but may not perform this operation (App-only where App+User is needed)."""


class NotFoundError(PartnerCenterError):
    """404: for example a customer that is not a customer of this partner."""


class ThrottledError(PartnerCenterError):
    """429 after the retry budget ran out; ``retry_after`` is the wait the server asked for, in seconds."""

    def __init__(self, message: str | None = None, *, retry_after: float | None = None, **fields: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **fields)


class ServerError(PartnerCenterError):
    """5xx after the retry budget ran out (500 is never retried)."""


class UnexpectedResponseError(PartnerCenterError):
    """The response is not what the spec promises: an HTML page, a wrong content type,
    truncated or malformed JSON, or a body failing the schema. ``body_snippet`` shows its start."""

    def __init__(self, message: str, *, body_snippet: str = "", **fields: Any) -> None:
        self.body_snippet = body_snippet
        super().__init__(message, **fields)


class ConnectionFailedError(PartnerCenterError):
    """No usable response arrived (connection refused, reset or timed out) even after retrying.

    The underlying httpx error is the ``__cause__``: a copy whose request has no Authorization header.
    """


class DeadlineExceededError(ConnectionFailedError):
    """The call's deadline (``RetryPolicy.deadline`` seconds for all attempts, waits and body reads) passed."""

    def __init__(self, message: str, *, deadline: float, **fields: Any) -> None:
        self.deadline = deadline
        super().__init__(message, **fields)


class UnexpectedStatus(PartnerCenterError):
    """A status the spec documents for no operation (for example 405 or a redirect)."""

    def __init__(self, status_code: int, content: bytes, **fields: Any) -> None:
        self.content = content
        super().__init__(
            f"{_status_text(status_code)}: {snippet(content)}",
            status_code=status_code,
            **fields,
        )


class ReportError(PartnerCenterError):
    """A partner insights report could not be run to completion or read (``run_report``, ``iter_report_rows``)."""


class ReportDownloadError(ReportError):
    """The report file could not be fetched whole: the link was refused (``status_code``) even after a fresh one,
    the connection dropped or stalled mid-file, or a gzip body ended early. Rows already yielded were good."""


class ReportFormatError(ReportError):
    """The report file is not a CSV or TSV the client can read: bad quoting, not text in its charset, a row of the
    wrong width or over the size bound, or a cell that does not convert to its column's type. ``row`` is the data
    row's number (1 = the first after the header; None for the header or the file as a whole), ``column`` the
    column's name (None when the problem is not one cell's)."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None, **fields: Any) -> None:
        self.row = row
        self.column = column
        super().__init__(message, **fields)


class ReportTimeoutError(ReportError):
    """The report did not complete within ``run_report``'s ``deadline`` (seconds): ``report_id`` is the report,
    still there to poll or delete, and ``last_status`` the execution status last seen (None: no execution seen)."""

    def __init__(
        self, message: str, *, report_id: str, last_status: str | None, deadline: float, **fields: Any
    ) -> None:
        self.report_id = report_id
        self.last_status = last_status
        self.deadline = deadline
        super().__init__(message, **fields)


_BY_STATUS: dict[int, type[PartnerCenterError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: ThrottledError,
}


def error_class(status_code: int) -> type[PartnerCenterError] | None:
    """The typed error for an error status, or None when the status has no dedicated class."""
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code)


def _status_text(status_code: int | None) -> str:
    if status_code is None:
        return "no response"
    try:
        return f"HTTP {status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return f"HTTP {status_code}"


__all__ = [
    "AuthError",
    "AuthenticationError",
    "BadRequestError",
    "ConnectionFailedError",
    "DeadlineExceededError",
    "NotFoundError",
    "PartnerCenterError",
    "PermissionDeniedError",
    "ReportDownloadError",
    "ReportError",
    "ReportFormatError",
    "ReportTimeoutError",
    "ServerError",
    "ThrottledError",
    "UnexpectedResponseError",
    "UnexpectedStatus",
]
