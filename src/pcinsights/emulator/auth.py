"""Client-side helpers for the emulator's tokens, for tests, tools and plugins; above ``server``, which they type.

``fetch_token`` (a token from a running emulator's token endpoint), ``request_token`` (the same from a URL and
app registration alone) and ``EmulatorCredential`` (a refreshing provider for the generated client). The tokens
themselves are made and checked by ``tokens.Issuer``, on the server's side.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from pcinsights.emulator.config import EmulatorConfig
from pcinsights.emulator.tokens import DEFAULT_SCOPE, CallerKind, IssuedToken, Issuer

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from pcinsights.emulator.server import RunningEmulator

_REQUEST_TIMEOUT = 10.0


class TokenRequestError(Exception):
    """The token endpoint refused a request, or could not be reached; no secret is in the message."""


@attrs.frozen
class AppRegistration:
    """The app a client authenticates as: what ``ClientSecretCredential`` is built from."""

    tenant_id: str
    client_id: str
    client_secret: str = attrs.field(repr=False)

    @classmethod
    def of(cls, config: EmulatorConfig) -> AppRegistration:
        return cls(config.tenant_id, config.client_id, config.client_secret)


def token_endpoint(base_url: str, tenant_id: str) -> str:
    return f"{base_url.rstrip('/')}/{tenant_id}/oauth2/v2.0/token"


def request_token(
    base_url: str,
    app: AppRegistration,
    *,
    refresh_token: str | None = None,
    scope: str = DEFAULT_SCOPE,
    http: httpx.Client | None = None,
) -> IssuedToken:
    """POST to the token endpoint: ``refresh_token`` gives App+User, else ``client_credentials`` gives App-only."""
    form = {"client_id": app.client_id, "client_secret": app.client_secret, "scope": scope}
    if refresh_token is None:
        form["grant_type"] = "client_credentials"
    else:
        form |= {"grant_type": "refresh_token", "refresh_token": refresh_token}
    url = token_endpoint(base_url, app.tenant_id)
    try:
        if http is None:
            response = httpx.post(url, data=form, timeout=_REQUEST_TIMEOUT)
        else:
            response = http.post(url, data=form, timeout=_REQUEST_TIMEOUT)
    except httpx.HTTPError as error:
        raise TokenRequestError(f"the token endpoint {url} could not be reached ({type(error).__name__})") from None
    return _issued(response, CallerKind.APP_ONLY if refresh_token is None else CallerKind.APP_USER)


def _issued(response: httpx.Response, kind: CallerKind) -> IssuedToken:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise TokenRequestError(f"the token endpoint answered {response.status_code} without a JSON object")
    if response.status_code != 200:
        error, description = body.get("error"), body.get("error_description")
        raise TokenRequestError(f"the token endpoint refused ({response.status_code} {error}: {description})")
    token, expires_in = body.get("access_token"), body.get("expires_in")
    if not isinstance(token, str) or not isinstance(expires_in, int):
        raise TokenRequestError("the token endpoint's answer has no access_token and expires_in")
    refresh = body.get("refresh_token")
    return IssuedToken(token, int(time.time()) + expires_in, kind, refresh if isinstance(refresh, str) else None)


def issuer_of_app(app: Starlette) -> Issuer:
    """The issuer ``create_app`` gave an emulator app."""
    found = getattr(app.state, "issuer", None)
    if not isinstance(found, Issuer):
        raise TypeError("this app is not an emulator: it has no token issuer")
    return found


def issuer_of(emulator: RunningEmulator) -> Issuer:
    """The issuer of an emulator running in this process."""
    return issuer_of_app(emulator.app)


def fetch_token(
    emulator: RunningEmulator, *, app_only: bool = False, mfa: bool = True, http: httpx.Client | None = None
) -> IssuedToken:
    """A token from the emulator's own token endpoint, the way an app gets one.

    App+User (the default) redeems a refresh token the emulator's issuer hands out here, standing in for the
    Secure Application Model's one-time consent; ``app_only`` uses ``client_credentials``.
    """
    refresh = None if app_only else issuer_of(emulator).refresh_token(mfa=mfa)
    return request_token(emulator.base_url, AppRegistration.of(emulator.config), refresh_token=refresh, http=http)


class EmulatorCredential:
    """A token provider for the generated client: App+User tokens from the token endpoint, refresh token rotated.

    ``get_token`` has azure-identity's shape, so ``AuthenticatedClient(token=EmulatorCredential(...))`` fetches
    on first use and again before each token expires. ``issued`` lists what it fetched (for tests).
    """

    def __init__(self, base_url: str, app: AppRegistration, refresh_token: str) -> None:
        self._base_url = base_url
        self._app = app
        self._refresh_token = refresh_token
        self._lock = threading.Lock()
        self.issued: list[IssuedToken] = []

    @classmethod
    def for_emulator(cls, emulator: RunningEmulator, *, mfa: bool = True) -> EmulatorCredential:
        return cls(emulator.base_url, AppRegistration.of(emulator.config), issuer_of(emulator).refresh_token(mfa=mfa))

    def get_token(self, *scopes: str, **kwargs: Any) -> IssuedToken:
        scope = " ".join(scopes) or DEFAULT_SCOPE
        with self._lock:
            issued = request_token(self._base_url, self._app, refresh_token=self._refresh_token, scope=scope)
            self._refresh_token = issued.refresh_token or self._refresh_token
            self.issued.append(issued)
        return issued

    def __repr__(self) -> str:
        return f"EmulatorCredential({self._base_url!r})"
