"""Decode: a large deployment collection through the generated models vs json.loads and vs pydantic v2."""

from __future__ import annotations

import gc
import json
import random
import time
from collections.abc import Callable
from typing import Any

import pydantic_models
from figures import Figure, Goal, median_ms, ms
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection

SERVICES = ("o365", "crm", "o365", "o365", "dynamics365", "intune")  # some outside the spec's enum
CHANNELS = ("reseller", "reseller", "direct", "advisor", "indirectReseller")
OFFSETS = ("+00:00", "+00:00", "Z", "-08:00", "+05:30", "+01:00")


def _date_time(rng: random.Random) -> str:
    """A realistic processedDateTime: an offset and 0 to 7 fractional digits."""
    stamp = f"{rng.randint(2017, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
    stamp += f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    digits = rng.randint(0, 7)
    if digits:
        stamp += "." + "".join(rng.choice("0123456789") for _ in range(digits))
    return stamp + rng.choice(OFFSETS)


def _item(rng: random.Random) -> dict[str, Any]:
    item: dict[str, Any] = {
        "proratedDeploymentPercent": None if rng.random() < 0.03 else round(rng.random(), rng.randint(1, 6)),
        "licensesSold": None if rng.random() < 0.03 else rng.randint(0, 250_000),
        "processedDateTime": None if rng.random() < 0.02 else _date_time(rng),
        "serviceName": rng.choice(SERVICES),
        "channel": rng.choice(CHANNELS),
        "attributes": {"objectType": "PartnerLicensesDeploymentInsights"},
    }
    if rng.random() < 0.05:  # a field the spec does not know yet: kept, not dropped
        item["licensesDeployed"] = rng.randint(0, 1000)
    if rng.random() < 0.05:
        del item["channel"]
    return item


def make_body(items: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    body = {
        "totalCount": items,
        "items": [_item(rng) for _ in range(items)],
        "links": {"self": {"uri": "/analytics/licenses/deployment", "method": "GET", "headers": []}},
        "attributes": {"objectType": "Collection"},
    }
    return json.dumps(body).encode()


def _generated(body: bytes) -> object:
    return PartnerLicensesDeploymentInsightsCollection.from_dict(json.loads(body))


def _pydantic(body: bytes) -> object:
    return pydantic_models.PartnerLicensesDeploymentInsightsCollection.model_validate_json(body)


def _json_only(body: bytes) -> object:
    return json.loads(body)


def _check_equivalent(body: bytes) -> None:
    """Refuse to compare decoders that disagree about the data."""
    ours = PartnerLicensesDeploymentInsightsCollection.from_dict(json.loads(body))
    theirs = pydantic_models.PartnerLicensesDeploymentInsightsCollection.model_validate_json(body)
    assert len(ours.items) == len(theirs.items) == ours.total_count
    for a, b in zip(ours.items, theirs.items, strict=True):
        assert (a.processed_date_time or None) == b.processed_date_time
        assert (a.licenses_sold or None) == (b.licenses_sold or None)
        assert (a.service_name or None) == b.service_name
        assert a.additional_properties == (b.model_extra or {})


def run(items: int, repeats: int) -> list[Figure]:
    body = make_body(items)
    _check_equivalent(body)
    decoders: dict[str, Callable[[bytes], object]] = {
        "generated": _generated,
        "pydantic": _pydantic,
        "json": _json_only,
    }
    samples: dict[str, list[float]] = {name: [] for name in decoders}
    for round_ in range(repeats + 1):  # round 0 warms up
        order = list(decoders.items()) if round_ % 2 else list(reversed(decoders.items()))
        for name, decode in order:
            gc.collect()
            start = time.perf_counter()
            decode(body)
            elapsed = time.perf_counter() - start
            if round_:
                samples[name].append(elapsed)
    generated, pydantic, plain = (median_ms(samples[name]) for name in ("generated", "pydantic", "json"))
    size = f"{items:,} items, {len(body) / 1e6:.1f} MB, median of {repeats}"
    return [
        Figure(
            "decode vs pydantic",
            f"generated from_dict(json.loads) {ms(generated)}",
            f"pydantic model_validate_json {ms(pydantic)}",
            generated / pydantic,
            Goal("<", 1.0),
            detail=size,
        ),
        Figure(
            "decode vs json.loads",
            f"generated from_dict(json.loads) {ms(generated)}",
            f"json.loads alone {ms(plain)}",
            generated / plain,
            detail="the models' cost on top of parsing JSON",
        ),
    ]
