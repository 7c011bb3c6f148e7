"""The emulator's tokens: signed with its own key, Entra-shaped, and the only ones its API lets through.

Access tokens are RS256 JWTs with Entra's v1 claims for Partner Center (``aud``, ``iss``, ``tid``, ``appid``,
``exp``; App+User tokens add ``scp``, ``amr``, ``upn``). ``client_credentials`` gives App-only tokens;
``refresh_token`` (the Secure Application Model) and ``authorization_code`` (its one-time consent) give App+User
ones. Refresh tokens and codes are JWTs for audiences of their own, so neither passes as an access token.

The server's side only (``entra`` and ``gate`` use it), on a floor that imports nothing above ``config``; the
client's side (``fetch_token``, ``EmulatorCredential``) is ``auth``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

import attrs
from joserfc import jwt
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError
from joserfc.jwk import KeySet, KeySetSerialization, RSAKey
from joserfc.jwt import ClaimsOption

from pcinsights.emulator.config import EmulatorConfig

AUDIENCE = "https://api.partnercenter.microsoft.com"
DEFAULT_SCOPE = f"{AUDIENCE}/.default"
USER_PERMISSION = "user_impersonation"
REFRESH_TOKEN_LIFETIME = 90 * 86400
CODE_LIFETIME = 600
_REFRESH_AUDIENCE = "urn:pcinsights:emulator:refresh-token"
_CODE_AUDIENCE = "urn:pcinsights:emulator:authorization-code"
_ALGORITHM = "RS256"
_CHECKED_MAX = 4096  # verified access tokens remembered (by digest), so a busy fan-out verifies each once


class CallerKind(StrEnum):
    """Partner Center's two kinds of caller."""

    APP_ONLY = "app"
    APP_USER = "user"


@attrs.frozen
class IssuedToken:
    """An access token as a client holds it (``token`` and ``expires_on`` like azure-identity's AccessToken)."""

    token: str = attrs.field(repr=False)
    expires_on: int
    kind: CallerKind
    refresh_token: str | None = attrs.field(default=None, repr=False)


@attrs.frozen
class Caller:
    """Who a verified access token speaks for."""

    kind: CallerKind
    mfa: bool


class TokenRejected(Exception):
    """A token that does not pass, and why; the message never holds the token."""

    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.expired = expired


def _b64(data: Mapping[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


class Issuer:
    """Signs and checks the emulator's tokens with a key made at start-up (so no other server's token passes)."""

    def __init__(self, config: EmulatorConfig, *, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self._clock = clock
        self._key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": _ALGORITHM}, private=True, auto_kid=True)
        self._redeemed: dict[str, int] = {}  # code id -> expiry: a code is redeemed once
        self.issued = Counter[str]()  # access tokens the token endpoint issued, by grant type
        self._checked: dict[bytes, tuple[Caller, int]] = {}  # token digest -> who it speaks for, its expiry
        self._lock = threading.Lock()
        namespace = uuid.UUID(config.tenant_id)
        self.app_object_id = str(uuid.uuid5(namespace, f"app:{config.client_id}"))
        self.user_object_id = str(uuid.uuid5(namespace, "user:admin"))

    @property
    def issuer(self) -> str:
        """Entra's v1 issuer for the partner's tenant, as in Partner Center's own tokens."""
        return f"https://sts.windows.net/{self.config.tenant_id}/"

    def jwks(self) -> KeySetSerialization:
        """The public signing keys, as Entra's ``discovery/v2.0/keys`` serves them."""
        return KeySet([self._key]).as_dict(private=False)

    def now(self) -> int:
        """The issuer's clock, in whole seconds as JWTs count them."""
        return int(self._clock())

    def _sign(self, claims: dict[str, Any]) -> str:
        header = {"alg": _ALGORITHM, "typ": "JWT", "kid": self._key.kid}
        return jwt.encode(header, claims, self._key, algorithms=[_ALGORITHM])

    def _common(self, audience: str, lifetime: int) -> dict[str, Any]:
        now = self.now()
        return {
            "aud": audience,
            "iss": self.issuer,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "tid": self.config.tenant_id,
            "appid": self.config.client_id,
            "appidacr": "1",
            "ver": "1.0",
            "uti": uuid.uuid4().hex,
        }

    def app_token(self, *, audience: str = AUDIENCE) -> IssuedToken:
        """An App-only access token, as ``client_credentials`` gives."""
        claims = self._common(audience, self.config.token_lifetime)
        claims |= {"idtyp": "app", "oid": self.app_object_id, "sub": self.app_object_id}
        return IssuedToken(self._sign(claims), claims["exp"], CallerKind.APP_ONLY)

    def user_token(self, *, mfa: bool = True, audience: str = AUDIENCE, scp: str = USER_PERMISSION) -> IssuedToken:
        """An App+User access token for the partner's admin, with a fresh refresh token beside it."""
        claims = self._common(audience, self.config.token_lifetime)
        upn = f"admin@partner{self.config.seed}.onmicrosoft.com"
        claims |= {
            "idtyp": "user",
            "oid": self.user_object_id,
            "sub": self.user_object_id,
            "scp": scp,
            "amr": _amr(mfa),
            "upn": upn,
            "unique_name": upn,
            "name": "Emulated Partner Admin",
        }
        return IssuedToken(self._sign(claims), claims["exp"], CallerKind.APP_USER, self.refresh_token(mfa=mfa))

    def refresh_token(self, *, mfa: bool = True) -> str:
        """A refresh token for the partner's admin, as the Secure Application Model's consent leaves one."""
        return self._grant(_REFRESH_AUDIENCE, REFRESH_TOKEN_LIFETIME, mfa)

    def authorization_code(self, *, mfa: bool = True) -> str:
        """A one-time authorization code, as a sign-in redirects back with (good for ten minutes)."""
        return self._grant(_CODE_AUDIENCE, CODE_LIFETIME, mfa)

    def _grant(self, audience: str, lifetime: int, mfa: bool) -> str:
        claims = self._common(audience, lifetime)
        claims |= {"oid": self.user_object_id, "amr": _amr(mfa), "jti": uuid.uuid4().hex}
        return self._sign(claims)

    def redeem_refresh_token(self, token: str, client_id: str) -> bool:
        """Check a refresh token for this client; whether its sign-in used MFA."""
        return _has_mfa(self._verify(token, _REFRESH_AUDIENCE, client_id))

    def redeem_code(self, code: str, client_id: str) -> bool:
        """Check and use up an authorization code for this client; whether its sign-in used MFA."""
        claims = self._verify(code, _CODE_AUDIENCE, client_id)
        with self._lock:
            now = self.now()
            self._redeemed = {jti: exp for jti, exp in self._redeemed.items() if exp > now}
            if claims["jti"] in self._redeemed:
                raise TokenRejected("the authorization code has already been redeemed")
            self._redeemed[claims["jti"]] = int(claims["exp"])
        return _has_mfa(claims)

    def check(self, token: str) -> Caller:
        """Who an access token for Partner Center speaks for; ``TokenRejected`` if it is not a valid one.

        A token that passed is remembered until it expires, so each is verified (RSA, ~0.3 ms) once.
        """
        digest = hashlib.sha256(token.encode("utf-8", "replace")).digest()
        known = self._checked.get(digest)
        if known is not None:
            if self.now() < known[1]:
                return known[0]
            raise TokenRejected("the token has expired", expired=True)
        claims = self._verify(token, AUDIENCE, None)
        kind = CallerKind.APP_USER if claims.get("idtyp") == "user" and "scp" in claims else CallerKind.APP_ONLY
        caller = Caller(kind, _has_mfa(claims))
        with self._lock:
            if len(self._checked) >= _CHECKED_MAX:
                del self._checked[next(iter(self._checked))]
            self._checked[digest] = (caller, int(claims["exp"]))
        return caller

    def _verify(self, token: str, audience: str, client_id: str | None) -> dict[str, Any]:
        try:
            claims = jwt.decode(token, self._key, algorithms=[_ALGORITHM]).claims
        except (JoseError, ValueError):
            raise TokenRejected("the token is not one this service issued") from None
        appid: ClaimsOption = {"essential": True, "value": client_id} if client_id else {"essential": True}
        registry = jwt.JWTClaimsRegistry(
            now=self.now,
            aud={"essential": True, "value": audience},
            iss={"essential": True, "value": self.issuer},
            tid={"essential": True, "value": self.config.tenant_id},
            appid=appid,
            exp={"essential": True},
            nbf={"essential": True},
            jti={"essential": audience != AUDIENCE},
        )
        try:
            registry.validate(claims)
        except ExpiredTokenError:
            raise TokenRejected("the token has expired", expired=True) from None
        except ClaimError as error:
            if error.claim == "aud":
                raise TokenRejected("the token is for another audience") from None
            raise TokenRejected(f"the token's {error.claim} claim is not valid here") from None
        return claims


def _amr(mfa: bool) -> list[str]:
    return ["pwd", "mfa"] if mfa else ["pwd"]


def _has_mfa(claims: Mapping[str, Any]) -> bool:
    amr = claims.get("amr")
    return isinstance(amr, list) and "mfa" in amr


def client_info(issuer: Issuer) -> str:
    """Entra's ``client_info`` (the account's uid and tenant), which azure-identity keys its token cache on."""
    return _b64({"uid": issuer.user_object_id, "utid": issuer.config.tenant_id})
