"""The Microsoft Entra ID face of the emulator: the v2.0 token endpoint, OpenID discovery and the signing keys.

Just enough of Entra for MSAL, azure-identity and a hand-written client: form-encoded ``POST
/{tenant}/oauth2/v2.0/token`` with ``client_credentials``, ``refresh_token`` or ``authorization_code``, the
client authenticated by its secret (form fields or HTTP Basic), and Entra's error JSON with its AADSTS codes.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hmac
import uuid
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, unquote

import attrs
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pcinsights.emulator.guid import is_guid
from pcinsights.emulator.tokens import DEFAULT_SCOPE, USER_PERMISSION, Issuer, TokenRejected, client_info

MAX_FORM_BYTES = 64 * 1024
_OPENID_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
_GRANTS = ("client_credentials", "refresh_token", "authorization_code")


class _Refusal(Exception):
    """An Entra error answer: status, OAuth error name, AADSTS code and message."""

    def __init__(self, status: int, error: str, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.code, self.message = status, error, code, message


@attrs.frozen
class _Scope:
    """What a ``scope`` asks for: one resource (the token's ``aud``) and its permissions."""

    resource: str
    permissions: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None, *, default: str | None) -> _Scope:
        items = [item for item in (text or "").split() if item not in _OPENID_SCOPES]
        if not items and default is not None:
            items = [default]
        if not items:
            raise _Refusal(400, "invalid_request", 90014, "The request body must contain the 'scope' parameter.")
        pairs = [item.rsplit("/", 1) for item in items]
        resources = {pair[0].rstrip("/") for pair in pairs if len(pair) == 2 and pair[0] and pair[1]}
        if len(resources) != 1 or any(len(pair) != 2 for pair in pairs):
            raise _Refusal(400, "invalid_scope", 70011, f"The provided value for scope {text!r} is not valid.")
        return cls(resources.pop(), tuple(pair[1] for pair in pairs))

    def user_permissions(self) -> str:
        """``scp``: ``.default`` stands for what the app was consented to (Partner Center's one permission)."""
        named = [permission for permission in self.permissions if permission != ".default"]
        return " ".join(named) or USER_PERMISSION


def _form(body: bytes) -> dict[str, str]:
    """A form's fields; a repeated field is refused, as Entra refuses it."""
    if len(body) > MAX_FORM_BYTES:
        raise _Refusal(400, "invalid_request", 90015, "The request body is too large.")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise _Refusal(400, "invalid_request", 900144, "The request body must be form-encoded UTF-8.") from None
    repeated = sorted(name for name, values in fields.items() if len(values) > 1)
    if repeated:
        raise _Refusal(400, "invalid_request", 90015, f"The parameter {repeated[0]!r} is given more than once.")
    return {name: values[0] for name, values in fields.items()}


def _basic_client(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise _Refusal(401, "invalid_client", 7000215, "Invalid client secret provided.") from None
    return unquote(user), unquote(password)


class TokenEndpoint:
    """The token endpoint's logic over one issuer."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer
        self.config = issuer.config

    def _tenant(self, request: Request) -> None:
        tenant = str(request.path_params["tenant"])
        if tenant.lower() != self.config.tenant_id:
            raise _Refusal(400, "invalid_tenant", 90002, f"Tenant '{tenant}' not found.")

    def _client(self, request: Request, form: dict[str, str]) -> None:
        basic = _basic_client(request)
        client_id, secret = basic if basic else (form.get("client_id", ""), form.get("client_secret"))
        if not client_id:
            raise _Refusal(400, "invalid_request", 900144, "The request body must contain 'client_id'.")
        if client_id.lower() != self.config.client_id:
            raise _Refusal(
                400, "unauthorized_client", 700016, f"Application with identifier '{client_id}' was not found."
            )
        if secret is None:
            raise _Refusal(401, "invalid_client", 7000218, "The request body must contain 'client_secret'.")
        if not hmac.compare_digest(secret.encode(), self.config.client_secret.encode()):
            raise _Refusal(401, "invalid_client", 7000215, "Invalid client secret provided.")

    async def handle(self, request: Request) -> Response:
        try:
            self._tenant(request)
            form = _form(await request.body())
            self._client(request, form)
            body = self._grant(form)
            self.issuer.issued[form["grant_type"]] += 1
            return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})
        except _Refusal as refusal:
            return _refusal_response(refusal, request)

    def _grant(self, form: dict[str, str]) -> dict[str, object]:
        grant = form.get("grant_type")
        if grant == "client_credentials":
            scope = _Scope.parse(form.get("scope"), default=None)
            if scope.permissions != (".default",):
                raise _Refusal(400, "invalid_scope", 1002012, "The scope of a client credential must end in /.default.")
            issued = self.issuer.app_token(audience=scope.resource)
            return _token_body(issued.token, issued.expires_on, self.issuer, f"{scope.resource}/.default")
        if grant not in _GRANTS:
            raise _Refusal(400, "unsupported_grant_type", 70003, f"The grant type {grant!r} is not supported.")
        mfa = self._redeem(grant, form)
        scope = _Scope.parse(form.get("scope"), default=DEFAULT_SCOPE)
        issued = self.issuer.user_token(mfa=mfa, audience=scope.resource, scp=scope.user_permissions())
        granted = " ".join(f"{scope.resource}/{name}" for name in scope.user_permissions().split())
        body = _token_body(issued.token, issued.expires_on, self.issuer, granted)
        body["refresh_token"] = issued.refresh_token
        if form.get("client_info") == "1":
            body["client_info"] = client_info(self.issuer)
        return body

    def _redeem(self, grant: str, form: dict[str, str]) -> bool:
        field = "refresh_token" if grant == "refresh_token" else "code"
        value = form.get(field)
        if not value:
            raise _Refusal(400, "invalid_request", 900144, f"The request body must contain '{field}'.")
        try:
            if grant == "refresh_token":
                return self.issuer.redeem_refresh_token(value, self.config.client_id)
            return self.issuer.redeem_code(value, self.config.client_id)
        except TokenRejected as rejected:
            code = 700082 if rejected.expired else (54005 if "already" in rejected.reason else 9002313)
            raise _Refusal(400, "invalid_grant", code, f"The {field} is not valid: {rejected.reason}.") from None


def _token_body(token: str, expires_on: int, issuer: Issuer, scope: str) -> dict[str, object]:
    expires_in = max(0, expires_on - issuer.now())
    return {
        "token_type": "Bearer",
        "scope": scope,
        "expires_in": expires_in,
        "ext_expires_in": expires_in,
        "access_token": token,
    }


def _refusal_response(refusal: _Refusal, request: Request) -> Response:
    correlation = request.headers.get("client-request-id", "")
    body = {
        "error": refusal.error,
        "error_description": f"AADSTS{refusal.code}: {refusal.message}",
        "error_codes": [refusal.code],
        "timestamp": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%SZ"),
        "trace_id": str(uuid.uuid4()),
        "correlation_id": correlation if is_guid(correlation) else str(uuid.uuid4()),
    }
    headers = {"Cache-Control": "no-store"}
    if refusal.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="emulator"'
    return JSONResponse(body, status_code=refusal.status, headers=headers)


def _discovery(issuer: Issuer) -> Callable[[Request], Awaitable[Response]]:
    async def discovery(request: Request) -> Response:
        tenant = str(request.path_params["tenant"])
        if tenant.lower() != issuer.config.tenant_id:
            return _refusal_response(_Refusal(400, "invalid_tenant", 90002, f"Tenant '{tenant}' not found."), request)
        base = f"{str(request.base_url).rstrip('/')}/{issuer.config.tenant_id}"
        return JSONResponse(
            {
                "issuer": f"{base}/v2.0",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code"],
                "grant_types_supported": list(_GRANTS),
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "claims_supported": ["aud", "iss", "iat", "nbf", "exp", "tid", "appid", "oid", "scp", "amr", "upn"],
                "tenant_region_scope": None,
            }
        )

    return discovery


def _keys(issuer: Issuer) -> Callable[[Request], Awaitable[Response]]:
    async def keys(request: Request) -> Response:
        return JSONResponse(issuer.jwks())

    return keys


def routes(issuer: Issuer) -> list[Route]:
    """The token endpoint, discovery document and key set, under ``/{tenant}`` as Entra serves them."""
    return [
        Route("/{tenant}/oauth2/v2.0/token", TokenEndpoint(issuer).handle, methods=["POST"]),
        Route("/{tenant}/v2.0/.well-known/openid-configuration", _discovery(issuer), methods=["GET"]),
        Route("/{tenant}/discovery/v2.0/keys", _keys(issuer), methods=["GET"]),
    ]
