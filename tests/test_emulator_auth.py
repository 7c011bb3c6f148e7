"""The emulator's tokens over real HTTP: its token endpoint, discovery and keys; only its own tokens pass; App-only
versus App+User; MFA required unless --allow-no-mfa; --accept-any-token; short lifetimes under a fan-out; the
start-up banner."""

from __future__ import annotations

import itertools
import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from partner_center_analytics import AuthenticatedClient
from starlette.datastructures import Headers

from pcinsights.emulator import EmulatorConfig, RunningEmulator, create_app, run_in_background
from pcinsights.emulator.__main__ import banner
from pcinsights.emulator.auth import (
    AppRegistration,
    EmulatorCredential,
    TokenRequestError,
    fetch_token,
    issuer_of,
    request_token,
    token_endpoint,
)
from pcinsights.emulator.gate import MFA_REQUIRED_CODE, bearer_token
from pcinsights.emulator.tokens import AUDIENCE, IssuedToken
from pcinsights.fanout import fan_out
from pcinsights.insights import InsightKind
from tests._support import FakeClock

Start = Callable[..., RunningEmulator]
LISTING = "/v1/customers"
ANALYTICS = [
    "/v1/analytics/licenses/deployment",
    "/v1/analytics/licenses/usage",
    "/v1/customers/{id}/analytics/licenses/deployment",
    "/v1/customers/{id}/analytics/licenses/usage",
    "/v1/analytics/commercial/deployment/license/",
    "/v1/analytics/commercial/usage/license/",
]


def _get(http: httpx.Client, emulator: RunningEmulator, path: str, token: str) -> httpx.Response:
    url = emulator.base_url + path.format(id=emulator.world.customers[0].id)
    return http.get(url, headers={"Authorization": f"Bearer {token}"})


def _refused(response: httpx.Response, status: int, error: str, code: int = 400) -> str:
    """Assert Partner Center's error body and an RFC 6750 challenge; the challenge's description."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "description", "data", "source"}
    assert (body["code"], body["source"]) == (code, "PartnerFD")
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="api.partnercenter.microsoft.com"')
    assert f'error="{error}"' in challenge
    return challenge


def _post_token(http: httpx.Client, emulator: RunningEmulator, **form: str) -> httpx.Response:
    config = emulator.config
    fields = {"client_id": config.client_id, "client_secret": config.client_secret, **form}
    return http.post(token_endpoint(emulator.base_url, config.tenant_id), data=fields)


def _entra_error(response: httpx.Response, status: int, error: str, code: int) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error
    assert body["error_codes"] == [code]
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    assert "access_token" not in body


def test_discovery_and_keys_verify_the_issued_tokens(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    config = emulator.config
    base = f"{emulator.base_url}/{config.tenant_id}"
    discovery = plain_http.get(f"{base}/v2.0/.well-known/openid-configuration").json()
    assert discovery["token_endpoint"] == f"{base}/oauth2/v2.0/token"
    keys = KeySet.import_key_set(plain_http.get(discovery["jwks_uri"]).json())
    before = int(time.time())
    user, app = fetch_token(emulator, http=plain_http), fetch_token(emulator, app_only=True, http=plain_http)

    user_claims = jwt.decode(user.token, keys, algorithms=["RS256"]).claims
    app_claims = jwt.decode(app.token, keys, algorithms=["RS256"]).claims
    for claims in (user_claims, app_claims):
        assert claims["aud"] == AUDIENCE
        assert claims["tid"] == config.tenant_id
        assert claims["appid"] == config.client_id
        assert before + config.token_lifetime <= claims["exp"] <= int(time.time()) + config.token_lifetime
    assert user_claims["scp"] == "user_impersonation"
    assert user_claims["amr"] == ["pwd", "mfa"]
    assert "scp" not in app_claims and "amr" not in app_claims
    assert user.expires_on == user_claims["exp"]


def test_app_user_passes_everywhere_app_only_only_on_the_listing(
    emulator: RunningEmulator, plain_http: httpx.Client
) -> None:
    user = fetch_token(emulator, http=plain_http).token
    app = fetch_token(emulator, app_only=True, http=plain_http).token
    assert _get(plain_http, emulator, LISTING, user).status_code == 200
    assert _get(plain_http, emulator, LISTING, app).status_code == 200
    for path in ANALYTICS:
        assert _get(plain_http, emulator, path, user).status_code == 200, path
        challenge = _refused(_get(plain_http, emulator, path, app), 403, "insufficient_scope")
        assert "App+User" in challenge


def test_a_token_signed_by_another_key_is_401(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    genuine = fetch_token(emulator, http=plain_http).token
    decoded = jwt.decode(genuine, KeySet.import_key_set(issuer_of(emulator).jwks()))
    forged = jwt.encode(decoded.header, decoded.claims, RSAKey.generate_key(2048, private=True))  # same claims, kid
    unsigned = genuine.rsplit(".", 1)[0] + "."
    for token in (forged, unsigned, "not-a-jwt", genuine[:-4] + "AAAA"):
        challenge = _refused(_get(plain_http, emulator, LISTING, token), 401, "invalid_token")
        assert "not one this service issued" in challenge


def test_another_emulators_token_is_401(pcinsights_start_emulator: Start, emulator: RunningEmulator) -> None:
    other = pcinsights_start_emulator()
    with httpx.Client() as http:
        _refused(_get(http, emulator, LISTING, fetch_token(other).token), 401, "invalid_token")


def test_an_expired_token_is_401(plain_http: httpx.Client) -> None:
    """On the issuer's clock, handed in: the token is good until its lifetime has passed, and not a second longer,
    however long the machine takes between the requests."""
    wall = FakeClock(start=time.time())
    with run_in_background(app=create_app(EmulatorConfig(token_lifetime=60), wall_clock=wall)) as emulator:
        issued = fetch_token(emulator, http=plain_http)
        wall.sleep(59)
        assert _get(plain_http, emulator, ANALYTICS[0], issued.token).status_code == 200
        wall.sleep(1)
        challenge = _refused(_get(plain_http, emulator, ANALYTICS[0], issued.token), 401, "invalid_token")
    assert "expired" in challenge


def test_a_token_for_another_audience_is_401(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    graph = _post_token(
        plain_http, emulator, grant_type="client_credentials", scope="https://graph.microsoft.com/.default"
    )
    assert graph.status_code == 200
    assert graph.json()["scope"] == "https://graph.microsoft.com/.default"
    challenge = _refused(_get(plain_http, emulator, LISTING, graph.json()["access_token"]), 401, "invalid_token")
    assert "another audience" in challenge


def test_refresh_tokens_and_codes_are_no_access_tokens(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    issuer = issuer_of(emulator)
    for token in (issuer.refresh_token(), issuer.authorization_code()):
        _refused(_get(plain_http, emulator, LISTING, token), 401, "invalid_token")


def test_app_user_tokens_without_mfa_are_refused_by_default(
    pcinsights_start_emulator: Start, plain_http: httpx.Client
) -> None:
    emulator = pcinsights_start_emulator()
    without = fetch_token(emulator, mfa=False, http=plain_http).token
    for path in (LISTING, ANALYTICS[0]):
        challenge = _refused(_get(plain_http, emulator, path, without), 401, "invalid_token", MFA_REQUIRED_CODE)
        assert "multi-factor" in challenge
        assert _get(plain_http, emulator, path, fetch_token(emulator, http=plain_http).token).status_code == 200
    app_only = fetch_token(emulator, app_only=True, http=plain_http).token  # App-only calls carry no user to ask
    assert _get(plain_http, emulator, LISTING, app_only).status_code == 200
    relaxed = pcinsights_start_emulator(allow_no_mfa=True)
    assert _get(plain_http, relaxed, ANALYTICS[0], fetch_token(relaxed, mfa=False).token).status_code == 200


def test_accept_any_token_is_the_explicit_opt_in(pcinsights_start_emulator: Start, plain_http: httpx.Client) -> None:
    strict, lax = pcinsights_start_emulator(), pcinsights_start_emulator(accept_any_token=True)
    for path in (LISTING, *ANALYTICS):
        assert _get(plain_http, lax, path, "anything-well-formed").status_code == 200
        assert _get(plain_http, strict, path, "anything-well-formed").status_code == 401
    assert plain_http.get(lax.base_url + LISTING).status_code == 401  # a token is still required


def test_the_token_endpoint_refuses_as_entra_does(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    config = emulator.config
    cases: list[tuple[dict[str, str], int, str, int]] = [
        (
            {"grant_type": "client_credentials", "scope": f"{AUDIENCE}/.default", "client_secret": "wrong"},
            401,
            "invalid_client",
            7000215,
        ),
        (
            {"grant_type": "client_credentials", "scope": f"{AUDIENCE}/.default", "client_id": "nobody"},
            400,
            "unauthorized_client",
            700016,
        ),
        ({"grant_type": "client_credentials"}, 400, "invalid_request", 90014),
        (
            {"grant_type": "client_credentials", "scope": f"{AUDIENCE}/user_impersonation"},
            400,
            "invalid_scope",
            1002012,
        ),
        ({"grant_type": "password", "scope": f"{AUDIENCE}/.default"}, 400, "unsupported_grant_type", 70003),
        ({"grant_type": "refresh_token", "refresh_token": "made-up"}, 400, "invalid_grant", 9002313),
        ({"grant_type": "refresh_token"}, 400, "invalid_request", 900144),
    ]
    for form, status, error, code in cases:
        _entra_error(_post_token(plain_http, emulator, **form), status, error, code)
    other_tenant = plain_http.post(token_endpoint(emulator.base_url, "contoso.onmicrosoft.com"), data={})
    _entra_error(other_tenant, 400, "invalid_tenant", 90002)
    repeated = plain_http.post(
        token_endpoint(emulator.base_url, config.tenant_id),
        content=b"grant_type=client_credentials&grant_type=refresh_token",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    _entra_error(repeated, 400, "invalid_request", 90015)
    huge = plain_http.post(token_endpoint(emulator.base_url, config.tenant_id), content=b"a" * 70_000)
    _entra_error(huge, 400, "invalid_request", 90015)
    assert config.client_secret not in repr(config)


def test_client_secret_basic_and_a_code_redeemed_once(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    config = emulator.config
    url = token_endpoint(emulator.base_url, config.tenant_id)
    basic = plain_http.post(
        url,
        data={"grant_type": "client_credentials", "scope": f"{AUDIENCE}/.default"},
        auth=(config.client_id, config.client_secret),
    )
    assert basic.status_code == 200, basic.text
    code = issuer_of(emulator).authorization_code()
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": "http://localhost", "client_info": "1"}
    redeemed = _post_token(plain_http, emulator, **form)
    assert redeemed.status_code == 200, redeemed.text
    assert {"access_token", "refresh_token", "client_info", "expires_in"} <= set(redeemed.json())
    _entra_error(_post_token(plain_http, emulator, **form), 400, "invalid_grant", 54005)


def test_refresh_tokens_rotate_and_keep_working(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    app = AppRegistration.of(emulator.config)
    first = fetch_token(emulator, http=plain_http)
    assert first.refresh_token is not None
    second = request_token(emulator.base_url, app, refresh_token=first.refresh_token, http=plain_http)
    assert second.refresh_token not in (None, first.refresh_token)
    assert second.token != first.token
    assert _get(plain_http, emulator, ANALYTICS[0], second.token).status_code == 200
    with pytest.raises(TokenRequestError, match="invalid_grant") as refused:
        request_token(emulator.base_url, app, refresh_token=first.token, http=plain_http)  # an access token
    assert first.token not in str(refused.value)
    assert "token=" not in repr(first) and first.token not in repr(first)


async def test_short_lived_tokens_are_refreshed_before_they_lapse_under_a_fan_out(
    pcinsights_start_emulator: Start,
) -> None:
    """Tokens good for 2 s, refreshed 1 s before expiry, across a ~5 s fan-out: no 401, every result once."""
    emulator = pcinsights_start_emulator(customers=100, latency=0.08, token_lifetime=2)
    credential = EmulatorCredential.for_emulator(emulator)
    fetched_at: list[tuple[float, IssuedToken]] = []
    get_token = credential.get_token

    def recording(*scopes: str, **kwargs: Any) -> IssuedToken:
        issued = get_token(*scopes, **kwargs)
        fetched_at.append((time.time(), issued))
        return issued

    credential.get_token = recording  # type: ignore[method-assign]
    client = AuthenticatedClient(base_url=emulator.base_url, token=credential, token_refresh_margin=1.0)
    seen = Counter[str]()
    async with client:
        async for result in fan_out(client, InsightKind.DEPLOYMENT, concurrency=2):
            assert result.error is None, result.error
            seen[str(result.customer.id)] += 1
    assert set(seen) == {str(customer.id) for customer in emulator.world.customers}
    assert max(seen.values()) == 1
    assert 401 not in emulator.stats.by_status
    assert len(fetched_at) >= 3, "the run did not outlast several token lifetimes"
    assert len({issued.token for _, issued in fetched_at}) == len(fetched_at)
    for (_, earlier), (replaced_at, _) in itertools.pairwise(fetched_at):
        assert replaced_at < earlier.expires_on  # each token replaced while it was still good
    assert issuer_of(emulator).issued["refresh_token"] == len(fetched_at)


def test_the_banner_gives_a_working_token_and_curl_line(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    lines = banner(emulator.base_url, emulator.config, issuer_of(emulator)).splitlines()
    assert lines[0].startswith(f"Partner Center emulator on {emulator.base_url} ")
    assert token_endpoint(emulator.base_url, emulator.config.tenant_id) in lines[1]
    assert lines[3].endswith("; tokens without mfa get a 401, as in Partner Center):")
    token = lines[4].strip()
    assert lines[-1].strip() == (
        f'curl -H "Authorization: Bearer {token}" {emulator.base_url}/v1/analytics/licenses/deployment'
    )
    assert _get(plain_http, emulator, ANALYTICS[0], token).status_code == 200
    refreshed = request_token(
        emulator.base_url, AppRegistration.of(emulator.config), refresh_token=lines[6].strip(), http=plain_http
    )
    assert _get(plain_http, emulator, ANALYTICS[0], refreshed.token).status_code == 200


@pytest.mark.parametrize(
    ("values", "token"),
    [
        (["Bearer abc.DEF-_~+/=="], "abc.DEF-_~+/=="),
        (["bearer   abc  "], "abc"),
        ([], None),
        (["Bearer abc", "Bearer abc"], None),
        (["Bearer abc!def"], None),
        (["Bearer abc def"], None),
        (["Basic abc"], None),
    ],
)
def test_the_bearer_token_is_read_in_one_place(values: list[str], token: str | None) -> None:
    """The gate checks, and the throttle keys on, what ``bearer_token`` reads: a malformed header gives none."""
    headers = Headers(raw=[(b"authorization", value.encode()) for value in values])
    assert bearer_token(headers) == token


@pytest.mark.parametrize(
    ("sent", "echoed"),
    [("0f8fad5b-d9cb-469f-a165-70867728950e", True), ("0F8FAD5B-D9CB-469F-A165-70867728950E", True)]
    + [(text, False) for text in ("0f8fad5bd9cb469fa16570867728950e", "{0f8fad5b-d9cb-469f-a165-70867728950e}")],
)
def test_entra_echoes_a_client_request_id_that_is_a_guid(
    emulator: RunningEmulator, plain_http: httpx.Client, sent: str, echoed: bool
) -> None:
    """The same GUID check as the id headers': the 8-4-4-4-12 form, any letter case."""
    url = token_endpoint(emulator.base_url, emulator.config.tenant_id)
    refused = plain_http.post(url, data={"grant_type": "client_credentials"}, headers={"client-request-id": sent})
    assert refused.status_code == 400
    correlation = refused.json()["correlation_id"]
    assert (correlation == sent) is echoed
    assert uuid.UUID(correlation)
