"""Request overhead: a generated-client call vs a raw httpx GET of the same endpoint, same headers.

Both sides decode the body: the raw baseline ends with ``response.json()``, the client with its
models, so the ratio is the price of the typed result, the retry layer and the header plumbing.
Calls alternate one by one (ABBA order) on two warm keep-alive connections; medians are compared.
"""

from __future__ import annotations

import asyncio
import gc
import time
import uuid
from collections.abc import Callable

import httpx
from emulator_process import token_for
from figures import Figure, Goal, median_ms, ms
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection

PATH = "/v1/analytics/licenses/deployment"
LOCALE = "en-US"
GOAL = Goal("<=", 1.10)
Timed = Callable[[], float]  # one call, returning its own duration in seconds


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


def _alternate(iterations: int, warmup: int, first: Timed, second: Timed) -> tuple[float, float]:
    """Median seconds of ``first`` and ``second`` called alternately (ABBA), after a warm-up."""
    for _ in range(warmup):
        first()
        second()
    gc.collect()
    a: list[float] = []
    b: list[float] = []
    for i in range(iterations):
        if i % 2:
            a.append(first())
            b.append(second())
        else:
            b.append(second())
            a.append(first())
    return median_ms(a), median_ms(b)


def _figure(mode: str, client_ms: float, raw_ms: float, iterations: int) -> Figure:
    return Figure(
        f"request overhead ({mode})",
        f"client {ms(client_ms)}",
        f"raw httpx {ms(raw_ms)}",
        client_ms / raw_ms,
        GOAL,
        detail=f"raw = GET + response.json(); median of {iterations} alternating calls",
    )


def measure_sync(base_url: str, iterations: int, warmup: int) -> Figure:
    correlation_id = uuid.uuid4()
    with _client(base_url, correlation_id) as client, httpx.Client(base_url=base_url) as raw:
        headers = _raw_headers(correlation_id, token_for(base_url))

        def client_call() -> float:
            start = time.perf_counter()
            result = get_partner_licenses_deployment.sync(client=client)
            elapsed = time.perf_counter() - start
            _expect_model(result)
            return elapsed

        def raw_call() -> float:
            start = time.perf_counter()
            response = raw.get(PATH, headers={**headers, "MS-RequestId": str(uuid.uuid4())})
            response.raise_for_status()
            response.json()
            return time.perf_counter() - start

        client_ms, raw_ms = _alternate(iterations, warmup, client_call, raw_call)
    return _figure("sync", client_ms, raw_ms, iterations)


async def _measure_async(base_url: str, iterations: int, warmup: int) -> Figure:
    correlation_id = uuid.uuid4()
    async with _client(base_url, correlation_id) as client, httpx.AsyncClient(base_url=base_url) as raw:
        headers = _raw_headers(correlation_id, token_for(base_url))

        async def client_call() -> float:
            start = time.perf_counter()
            result = await get_partner_licenses_deployment.asyncio(client=client)
            elapsed = time.perf_counter() - start
            _expect_model(result)
            return elapsed

        async def raw_call() -> float:
            start = time.perf_counter()
            response = await raw.get(PATH, headers={**headers, "MS-RequestId": str(uuid.uuid4())})
            response.raise_for_status()
            response.json()
            return time.perf_counter() - start

        for _ in range(warmup):
            await client_call()
            await raw_call()
        gc.collect()
        a: list[float] = []
        b: list[float] = []
        for i in range(iterations):
            if i % 2:
                a.append(await client_call())
                b.append(await raw_call())
            else:
                b.append(await raw_call())
                a.append(await client_call())
    return _figure("async", median_ms(a), median_ms(b), iterations)


def measure_async(base_url: str, iterations: int, warmup: int) -> Figure:
    return asyncio.run(_measure_async(base_url, iterations, warmup))


def run(base_url: str, iterations: int, warmup: int) -> list[Figure]:
    return [measure_sync(base_url, iterations, warmup), measure_async(base_url, iterations, warmup)]
