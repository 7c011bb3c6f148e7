"""Request overhead: a generated-client call vs a raw httpx GET of the same endpoint, same headers.

Both sides decode the body: the raw baseline ends with ``response.json()``, the client with its
models, so the ratio is the price of the typed result, the retry layer and the header plumbing.
Both run on warm keep-alive connections to the same emulator process, paired round by round (``paired``).
"""

from __future__ import annotations

import asyncio
import uuid

import httpx
from emulator_process import token_for
from figures import Figure, Goal, ms
from paired import Paired, async_batch, batch, paired
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection

PATH = "/v1/analytics/licenses/deployment"
LOCALE = "en-US"
GOAL = Goal("<=", 1.10)


def _client(base_url: str, correlation_id: uuid.UUID) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=base_url, token=token_for(base_url), correlation_id=correlation_id, locale=LOCALE
    )


def _raw_headers(correlation_id: uuid.UUID, token: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {token}",
        "MS-CorrelationId": str(correlation_id),
        "X-Locale": LOCALE,
        "Accept": "application/json",
    }


def _expect_model(result: object) -> None:
    if not isinstance(result, PartnerLicensesDeploymentInsightsCollection):
        raise RuntimeError(f"the client returned {type(result).__name__}, not the deployment collection")


def _figure(mode: str, result: Paired, calls: int) -> Figure:
    return Figure(
        f"request overhead ({mode})",
        f"client {ms(result.subject_s * 1000 / calls)}",
        f"raw httpx {ms(result.baseline_s * 1000 / calls)}",
        result.ratio,
        GOAL,
        detail=f"raw = GET + response.json(); per call, {calls} calls a side per round; {result.spread()}",
    )


def measure_sync(base_url: str, rounds: int, calls: int) -> Figure:
    correlation_id = uuid.uuid4()
    with _client(base_url, correlation_id) as client, httpx.Client(base_url=base_url) as raw:
        headers = _raw_headers(correlation_id, token_for(base_url))

        def client_call() -> None:
            _expect_model(get_partner_licenses_deployment.sync(client=client))

        def raw_call() -> None:
            response = raw.get(PATH, headers={**headers, "MS-RequestId": str(uuid.uuid4())})
            response.raise_for_status()
            response.json()

        result = paired(rounds, batch(client_call, calls), batch(raw_call, calls))
    return _figure("sync", result, calls)


def measure_async(base_url: str, rounds: int, calls: int) -> Figure:
    correlation_id = uuid.uuid4()
    with asyncio.Runner() as runner:
        client = _client(base_url, correlation_id)
        raw = httpx.AsyncClient(base_url=base_url)
        headers = _raw_headers(correlation_id, token_for(base_url))

        async def client_call() -> None:
            _expect_model(await get_partner_licenses_deployment.asyncio(client=client))

        async def raw_call() -> None:
            response = await raw.get(PATH, headers={**headers, "MS-RequestId": str(uuid.uuid4())})
            response.raise_for_status()
            response.json()

        try:
            result = paired(rounds, async_batch(runner, client_call, calls), async_batch(runner, raw_call, calls))
        finally:
            runner.run(client.get_async_httpx_client().aclose())
            runner.run(raw.aclose())
    return _figure("async", result, calls)


def run(base_url: str, rounds: int, calls: int) -> list[Figure]:
    return [measure_sync(base_url, rounds, calls), measure_async(base_url, rounds, calls)]
