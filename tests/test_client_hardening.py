"""Edge cases found in review: deep nesting, tokens that are not valid header values, default timeouts,
sync credentials used from asyncio."""

from __future__ import annotations

import threading
import traceback
from typing import Any

import httpx
import pytest
from partner_center_analytics import (
    AuthenticatedClient,
    PartnerCenterError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
)
from partner_center_analytics.api.analytics import get_partner_licenses_deployment

from pcinsights.emulator import RunningEmulator
from tests._support import call, token_for

DEEP = b"[" * 100_000 + b"]" * 100_000


def _mock(status: int, content: bytes, token: Any = "unit-token") -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": "application/json"}, content=content)

    return AuthenticatedClient(
        base_url="https://pc.test",
        token=token,
        retry=RetryPolicy(max_attempts=1),
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


@pytest.mark.parametrize("status", [200, 500])
async def test_absurdly_deep_json_is_a_typed_error(mode: str, status: int) -> None:
    with pytest.raises(UnexpectedResponseError if status == 200 else ServerError):
        await call(mode, get_partner_licenses_deployment, client=_mock(status, DEEP))


@pytest.mark.parametrize("secret", ["s3cret\r\nX-Evil: 1", "s3cret\x00zero"])
async def test_a_token_that_is_no_valid_header_never_reaches_a_traceback(
    mode: str, secret: str, emulator: RunningEmulator
) -> None:
    # Over a real connection: the HTTP layer refuses the header, quoting its value in its own exception.
    client = AuthenticatedClient(base_url=emulator.base_url, token=lambda: secret)
    with pytest.raises(PartnerCenterError) as caught:
        await call(mode, get_partner_licenses_deployment, client=client)
    assert "s3cret" not in "".join(traceback.format_exception(caught.value))


def test_requests_time_out_by_default() -> None:
    client = AuthenticatedClient(base_url="https://pc.test", token="t")
    timeout = client.get_httpx_client().timeout
    assert timeout.read is not None and timeout.connect is not None


async def test_a_sync_credential_is_called_off_the_event_loop(emulator: RunningEmulator) -> None:
    called_from: list[threading.Thread] = []

    class Credential:
        def get_token(self, *scopes: str, **kwargs: Any) -> Any:
            called_from.append(threading.current_thread())
            return token_for(emulator)

    async with AuthenticatedClient(base_url=emulator.base_url, token=Credential()) as client:
        result = await get_partner_licenses_deployment.asyncio(client=client)
    assert result.items
    assert called_from and called_from[0] is not threading.main_thread()
