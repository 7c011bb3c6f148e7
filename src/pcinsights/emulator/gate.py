"""The bearer check in front of every operation, answering as Partner Center does (401 or 403, its error body).

In order: a missing or malformed header (401); a ``--forbid-token`` one (403); with ``--accept-any-token`` any
well-formed token passes, and ``--accept-token`` ones pass as App+User; every other token must be one this
emulator signed, unexpired, for Partner Center's audience (401 otherwise). An App-only token on an App+User-only
operation gets a 403 (``insufficient_scope``: a fresh token of the same kind would not help, so no 401 that
invites a refresh); an App+User token without ``mfa`` in ``amr`` gets a 401 (900421), as Partner Center has
required MFA since 1 April 2026, unless ``--allow-no-mfa``.
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers

from pcinsights.emulator.tokens import CallerKind, Issuer, TokenRejected
from pcinsights.emulator.wire import ApiError

BEARER = re.compile(r"(?i:bearer) +([A-Za-z0-9\-._~+/]+=*) *")
REALM = 'Bearer realm="api.partnercenter.microsoft.com"'
MFA_REQUIRED_CODE = 900421


def bearer_token(headers: Headers) -> str | None:
    """The token of the request's one ``Authorization: Bearer`` header; None when it is missing, repeated or malformed.

    The one reading of the header: the gate checks this token and the throttle keys its buckets on it.
    """
    values = headers.getlist("Authorization")
    match = BEARER.fullmatch(values[0]) if len(values) == 1 else None
    return None if match is None else match.group(1)


def _challenge(error: str, description: str) -> dict[str, str]:
    return {"WWW-Authenticate": f'{REALM}, error="{error}", error_description="{description}"'}


class Gate:
    """Admits a request's bearer token for an operation, or raises the ApiError Partner Center would answer."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer
        self.config = issuer.config

    def admit(self, headers: Headers, *, app_only_allowed: bool) -> None:
        token = self._bearer(headers)
        if token in self.config.forbidden_tokens:
            raise ApiError(403, 400, "Access denied.")
        if self.config.accept_any_token or (
            self.config.accepted_tokens is not None and token in self.config.accepted_tokens
        ):
            return
        try:
            caller = self.issuer.check(token)
        except TokenRejected as rejected:
            raise ApiError(
                401,
                400,
                f"Access denied: {rejected.reason}.",
                _challenge("invalid_token", rejected.reason),
            ) from None
        if caller.kind is CallerKind.APP_ONLY and not app_only_allowed:
            raise ApiError(
                403,
                400,
                "Access denied: this operation accepts App+User tokens only, and this token is App-only.",
                _challenge("insufficient_scope", "an App+User token is required"),
            )
        if caller.kind is CallerKind.APP_USER and not self.config.allow_no_mfa and not caller.mfa:
            raise ApiError(
                401,
                MFA_REQUIRED_CODE,
                "Multi-factor authentication is required: the token's amr claim has no mfa.",
                _challenge("invalid_token", "multi-factor authentication required"),
            )

    @staticmethod
    def _bearer(headers: Headers) -> str:
        if "Authorization" not in headers:
            raise ApiError(401, 800001, "Partner Token missing in request context.", {"WWW-Authenticate": REALM})
        token = bearer_token(headers)
        if token is None:
            raise ApiError(
                401, 800001, "The Authorization header must be 'Bearer <token>'.", {"WWW-Authenticate": REALM}
            )
        return token
