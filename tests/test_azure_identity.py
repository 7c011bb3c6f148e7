"""The real azure-identity against the emulator's token endpoint over HTTPS, then the generated client with it.

The emulator serves TLS with a certificate from a trustme CA that only the credentials' transports
(``connection_verify``) and the generated client (``verify_ssl``) trust; ``disable_instance_discovery`` lets
MSAL take ``https://127.0.0.1:PORT`` as an authority (it then reads the emulator's OpenID discovery document).
``ClientSecretCredential`` gets App-only tokens (the customer listing, and a 403 on the analytics);
``AuthorizationCodeCredential`` gets App+User ones, and redeems the refresh token it was given for the next.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import trustme
from azure.core.exceptions import ClientAuthenticationError, ServiceRequestError
from azure.identity import AuthorizationCodeCredential, ClientSecretCredential
from partner_center_analytics import AuthenticatedClient, PermissionDeniedError
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.api.customers import list_customers
from starlette.applications import Starlette

from pcinsights.emulator import EmulatorConfig, create_app
from pcinsights.emulator.auth import issuer_of_app
from pcinsights.emulator.server import build_server
from pcinsights.emulator.tokens import DEFAULT_SCOPE, CallerKind, Issuer
from pcinsights.emulator.wire import to_json

# Tokens good for 2 s: a test can outwait one, and azure-identity must then redeem its refresh token.
CONFIG = EmulatorConfig(customers=5, token_lifetime=2)


@attrs.frozen
class TlsEmulator:
    base_url: str
    app: Starlette
    ca_path: Path
    context: ssl.SSLContext

    @property
    def issuer(self) -> Issuer:
        return issuer_of_app(self.app)


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsEmulator]:
    """The emulator over HTTPS on a free loopback port, its certificate issued by a CA made for this module."""
    ca = trustme.CA()
    folder = tmp_path_factory.mktemp("tls")
    ca_path, server_pem = folder / "ca.pem", folder / "server.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(server_pem))
    context = ssl.create_default_context()
    ca.configure_trust(context)
    app = create_app(CONFIG)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = build_server(app, CONFIG, ssl_certfile=str(server_pem), log_config=None, timeout_graceful_shutdown=3)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 15
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the TLS emulator did not start"
            time.sleep(0.01)
        yield TlsEmulator(f"https://127.0.0.1:{sock.getsockname()[1]}", app, ca_path, context)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _client_secret_credential(tls: TlsEmulator, **options: object) -> ClientSecretCredential:
    return ClientSecretCredential(
        CONFIG.tenant_id,
        CONFIG.client_id,
        CONFIG.client_secret,
        authority=tls.base_url,
        disable_instance_discovery=True,
        **options,
    )


def test_client_secret_credential_gets_app_only_tokens_the_client_uses(tls: TlsEmulator) -> None:
    credential = _client_secret_credential(tls, connection_verify=str(tls.ca_path))
    before = tls.issuer.issued["client_credentials"]
    token = credential.get_token(DEFAULT_SCOPE)
    assert tls.issuer.check(token.token).kind is CallerKind.APP_ONLY
    assert token.expires_on > time.time()
    assert tls.issuer.issued["client_credentials"] == before + 1

    with AuthenticatedClient(base_url=tls.base_url, token=credential, verify_ssl=tls.context) as client:
        listing = list_customers.sync(client=client, size=10)
        assert [str(customer.id).upper() for customer in listing.items] == [
            customer.id.upper() for customer in tls.app.state.world.customers
        ]
        with pytest.raises(PermissionDeniedError) as refused:  # the analytics take App+User tokens only
            get_partner_licenses_deployment.sync(client=client)
    assert refused.value.status_code == 403


def test_a_wrong_secret_is_refused_by_the_token_endpoint(tls: TlsEmulator) -> None:
    credential = ClientSecretCredential(
        CONFIG.tenant_id,
        CONFIG.client_id,
        "not-the-secret",
        authority=tls.base_url,
        disable_instance_discovery=True,
        connection_verify=str(tls.ca_path),
    )
    with pytest.raises(ClientAuthenticationError, match="AADSTS7000215"):
        credential.get_token(DEFAULT_SCOPE)


def test_the_test_ca_is_trusted_only_where_it_is_passed(tls: TlsEmulator) -> None:
    with pytest.raises((ServiceRequestError, ClientAuthenticationError), match=r"(?i)certificate"):
        _client_secret_credential(tls).get_token(DEFAULT_SCOPE)


def test_authorization_code_credential_gets_app_user_tokens_and_refreshes(tls: TlsEmulator) -> None:
    issued = tls.issuer.issued
    redeemed, refreshed = issued["authorization_code"], issued["refresh_token"]
    credential = AuthorizationCodeCredential(
        CONFIG.tenant_id,
        CONFIG.client_id,
        tls.issuer.authorization_code(),  # what the consent's sign-in would redirect back with
        "http://localhost",
        client_secret=CONFIG.client_secret,
        authority=tls.base_url,
        connection_verify=str(tls.ca_path),
    )
    first_token = credential.get_token(DEFAULT_SCOPE)
    caller = tls.issuer.check(first_token.token)
    assert (caller.kind, caller.mfa) == (CallerKind.APP_USER, True)
    assert (issued["authorization_code"], issued["refresh_token"]) == (redeemed + 1, refreshed)
    expected = [to_json(row)["licensesSold"] for row in tls.app.state.world.partner_deployment()]
    with AuthenticatedClient(base_url=tls.base_url, token=credential, verify_ssl=tls.context) as client:
        first = get_partner_licenses_deployment.sync(client=client)
        time.sleep(max(0.0, first_token.expires_on - time.time()) + 0.1)  # the first token has lapsed
        second = get_partner_licenses_deployment.sync(client=client)
    assert [row.licenses_sold for row in first.items] == [row.licenses_sold for row in second.items] == expected
    assert (issued["authorization_code"], issued["refresh_token"]) == (redeemed + 1, refreshed + 1)
    assert tls.issuer.check(credential.get_token(DEFAULT_SCOPE).token).kind is CallerKind.APP_USER
