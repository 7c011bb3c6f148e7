"""Expected failures as one readable stderr line and a distinct exit status, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable

from partner_center_analytics import (
    AuthError,
    ConnectionFailedError,
    HarFileError,
    NotFoundError,
    PartnerCenterError,
    ServerError,
    ThrottledError,
    UnexpectedResponseError,
)

from pcinsights.cli.auth import TokenError

# 2 (a usage error) is click's own.
EXIT_OTHER = 1
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_UNAVAILABLE = 5

HINTS = {
    401: "is the token for https://api.partnercenter.microsoft.com and still valid?",
    403: "Partner Center's analytics operations accept App+User tokens only",
}

EXPECTED: tuple[type[Exception], ...] = (PartnerCenterError, TokenError, HarFileError)


def exit_code(error: BaseException) -> int:
    """2 usage, 3 auth, 4 not found, 5 throttled/server/connection, 1 anything else."""
    if isinstance(error, AuthError | TokenError):
        return EXIT_AUTH
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, ThrottledError | ServerError | ConnectionFailedError | UnexpectedResponseError):
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
    return f"{line}; {hint}" if hint else line
