"""Tokens against the real emulator, sync and async: static tokens, azure-identity-shaped credentials and plain
callables; lazy fetch, caching, refresh before expiry and after a 401; and the token kept out of every repr,
log line and error."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from partner_center_analytics import AuthenticatedClient, AuthenticationError, PartnerCenterError, RetryPolicy
from partner_center_analytics.api.analytics import get_customer_licenses_deployment, get_partner_licenses_deployment

from pcinsights.emulator import RunningEmulator
from tests._support import call

Start = Callable[..., RunningEmulator]
SECRET = "s3cr3t-bearer-value-that-must-never-leak"
PC_SCOPE = "https://api.partnercenter.microsoft.com/.default"


class AccessToken(NamedTuple):
    """The shape of azure.core.credentials.AccessToken."""

    token: str
    expires_on: int


class Credential:
    """An azure-identity-shaped credential handing out the given tokens in turn (the last one repeats)."""

    def __init__(self, *tokens: str, lifetime: int = 3600) -> None:
        self.tokens = tokens
        self.lifetime = lifetime
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls.append(scopes)
        token = self.tokens[min(len(self.calls), len(self.tokens)) - 1]
        return AccessToken(token, int(time.time()) + self.lifetime)


class AsyncCredential(Credential):
    """The shape of an azure.identity.aio credential: get_token is a coroutine."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:  # type: ignore[override]
        await asyncio.sleep(0)
        return super().get_token(*scopes, **kwargs)


def client_for(emulator: RunningEmulator, token: Any, **options: Any) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=emulator.base_url, token=token, **options)


async def test_static_token(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={SECRET})
    assert (await call(mode, get_partner_licenses_deployment, client=client_for(emulator, SECRET))).total_count > 0


async def test_credential_is_asked_lazily_once_for_the_partner_center_scope(
    mode: str, pcinsights_start_emulator: Start
) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={SECRET})
    credential = Credential(SECRET)
    client = client_for(emulator, credential)
    assert credential.calls == []
    for _ in range(3):
        await call(mode, get_partner_licenses_deployment, client=client)
    assert credential.calls == [(PC_SCOPE,)]


async def test_scope_is_configurable(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={SECRET})
    credential = Credential(SECRET)
    await call(
        mode, get_partner_licenses_deployment, client=client_for(emulator, credential, scope="api://custom/.default")
    )
    assert credential.calls == [("api://custom/.default",)]


async def test_token_is_refreshed_shortly_before_it_expires(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={"first", "second", "only"})
    credential = Credential("first", "second", lifetime=120)
    client = client_for(emulator, credential)  # default margin 300 s: a 120 s token is always due
    await call(mode, get_partner_licenses_deployment, client=client)
    await call(mode, get_partner_licenses_deployment, client=client)
    assert len(credential.calls) == 2
    patient = Credential("only", lifetime=120)
    relaxed = client_for(emulator, patient, token_refresh_margin=10)
    await call(mode, get_partner_licenses_deployment, client=relaxed)
    await call(mode, get_partner_licenses_deployment, client=relaxed)
    assert len(patient.calls) == 1


async def test_401_refreshes_the_token_and_retries_once(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={"fresh"})
    credential = Credential("stale", "fresh")
    client = client_for(emulator, credential)
    assert (await call(mode, get_partner_licenses_deployment, client=client)).total_count > 0
    assert len(credential.calls) == 2
    assert emulator.stats.by_status == {401: 1, 200: 1}
    await call(mode, get_partner_licenses_deployment, client=client)  # the fresh token is kept
    assert len(credential.calls) == 2


async def test_401_with_a_token_that_stays_bad_raises_after_one_retry(
    mode: str, pcinsights_start_emulator: Start
) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={"never-issued"})
    credential = Credential(SECRET)
    with pytest.raises(AuthenticationError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator, credential))
    assert caught.value.status_code == 401
    assert len(credential.calls) == 2
    assert emulator.stats.by_status == {401: 2}


async def test_401_with_a_static_token_is_not_retried(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={"never-issued"})
    with pytest.raises(AuthenticationError):
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator, SECRET))
    assert emulator.stats.by_status == {401: 1}


@pytest.mark.parametrize(
    "provider", [lambda: SECRET, lambda: AccessToken(SECRET, int(time.time()) + 3600)], ids=["str", "access-token"]
)
async def test_plain_callable(mode: str, pcinsights_start_emulator: Start, provider: Callable[[], Any]) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={SECRET})
    assert (await call(mode, get_partner_licenses_deployment, client=client_for(emulator, provider))).total_count > 0


async def test_async_credential_with_asyncio_functions(mode: str, pcinsights_start_emulator: Start) -> None:
    emulator = pcinsights_start_emulator(accepted_tokens={SECRET})
    credential = AsyncCredential(SECRET)
    client = client_for(emulator, credential)
    if mode == "async":
        results = await asyncio.gather(*(call(mode, get_partner_licenses_deployment, client=client) for _ in range(5)))
        assert len(results) == 5
        assert len(credential.calls) == 1  # concurrent first requests share one fetch
    else:
        with pytest.raises(AuthenticationError, match="async"):
            await call(mode, get_partner_licenses_deployment, client=client)


async def test_provider_failure_is_a_typed_error(mode: str, emulator: RunningEmulator) -> None:
    def broken() -> str:
        raise RuntimeError("tenant not configured")

    with pytest.raises(AuthenticationError, match="tenant not configured") as caught:
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator, broken))
    assert isinstance(caught.value.__cause__, RuntimeError)
    with pytest.raises(AuthenticationError, match="neither a str"):
        await call(mode, get_partner_licenses_deployment, client=client_for(emulator, lambda: 42))


def test_token_of_the_wrong_kind_is_refused_at_once() -> None:
    with pytest.raises(TypeError):
        AuthenticatedClient(base_url="http://127.0.0.1", token=42)  # type: ignore[arg-type]


async def test_token_never_leaks(mode: str, pcinsights_start_emulator: Start, caplog: pytest.LogCaptureFixture) -> None:
    """Run every path that logs or raises, with DEBUG logging everywhere, and look for the token."""
    # Auth comes before faults: one emulator refuses the token (403 on every call), the other admits it and
    # injects 503s (the retries and their log lines).
    refusing = pcinsights_start_emulator(forbidden_tokens={SECRET}, customers=3)
    failing = pcinsights_start_emulator(fail_503=0.5, retry_after=0, accepted_tokens={SECRET}, customers=3)
    retry = RetryPolicy(max_attempts=3, base_delay=0.001)
    clients = [
        client_for(emulator, token, retry=retry)
        for emulator in (refusing, failing)
        for token in (SECRET, Credential(SECRET), lambda: SECRET)
    ]
    errors: list[PartnerCenterError] = []
    with caplog.at_level(logging.DEBUG):
        for client in clients:
            for _ in range(4):
                try:
                    await call(mode, get_partner_licenses_deployment, client=client)
                except PartnerCenterError as error:
                    errors.append(error)
            try:
                await call(mode, get_customer_licenses_deployment, "not-a-guid", client=client)
            except PartnerCenterError as error:
                errors.append(error)
    assert len(errors) >= 3 * 4
    assert any("Retrying" in record.getMessage() for record in caplog.records)
    texts = [caplog.text, *(repr(c) for c in clients), *(str(c.stats) for c in clients)]
    for raised in errors:
        texts += [str(raised), repr(raised), repr(raised.args), repr(vars(raised))]
    for text in texts:
        assert SECRET not in text
