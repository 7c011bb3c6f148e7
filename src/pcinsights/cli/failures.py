"""Expected failures as one readable stderr line and a distinct exit status, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import NoReturn

import typer
from partner_center_analytics import (
    AuthError,
    ConnectionFailedError,
    HarFileError,
    NotFoundError,
    PartnerCenterError,
    ReportDownloadError,
    ReportFormatError,
    ReportTimeoutError,
    ServerError,
    ThrottledError,
    UnexpectedResponseError,
)

from pcinsights.cli.auth import TokenError
from pcinsights.cli.report_calls import OutputFileError

# 2 (a usage error) is click's own.
EXIT_OTHER = 1
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_UNAVAILABLE = 5

HINTS = {
    401: "is the token for https://api.partnercenter.microsoft.com and still valid?",
    403: "Partner Center's analytics operations accept App+User tokens only",
}

EXPECTED: tuple[type[Exception], ...] = (PartnerCenterError, TokenError, HarFileError, OutputFileError)
# What may go right if tried again later: throttling, outages, answers (or report files) the client cannot read, a
# report that is not done by the deadline.
UNAVAILABLE = (
    ThrottledError,
    ServerError,
    ConnectionFailedError,
    UnexpectedResponseError,
    ReportTimeoutError,
    ReportDownloadError,
    ReportFormatError,
)


def exit_code(error: BaseException) -> int:
    """2 usage, 3 auth, 4 not found, 5 throttled/server/connection/report not done or unreadable, 1 anything else."""
    if isinstance(error, AuthError | TokenError):
        return EXIT_AUTH
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, UNAVAILABLE):
        return EXIT_UNAVAILABLE
    return EXIT_OTHER


def common_exit_code(errors: Iterable[BaseException]) -> int:
    """The exit status shared by all the errors, or 1 when they differ."""
    codes = {exit_code(error) for error in errors}
    return codes.pop() if len(codes) == 1 else EXIT_OTHER


def describe(error: BaseException) -> str:
    """One line; a PartnerCenterError's text already carries the status, code and request id."""
    line = " ".join(str(error).split()) or type(error).__name__
    hint = HINTS.get(error.status_code or 0) if isinstance(error, AuthError) else None
    if isinstance(error, HarFileError):
        hint = "--fresh replaces it"
    if isinstance(error, ReportTimeoutError):
        hint = f"the report stays: `pcinsights reports download {error.report_id}` once it has completed"
    return f"{line}; {hint}" if hint else line


def fail_with(error: BaseException, base_url: str) -> NoReturn:
    """An expected failure as its one line (naming ``base_url`` when it could not be reached) and its exit status."""
    where = f"cannot reach {base_url}: " if isinstance(error, ConnectionFailedError) else ""
    fail(where + describe(error), exit_code(error))


def fail(message: str, code: int) -> NoReturn:
    """``message`` as the one stderr line, and exit with ``code``."""
    print(f"pcinsights: {message}", file=sys.stderr)
    raise typer.Exit(code)
