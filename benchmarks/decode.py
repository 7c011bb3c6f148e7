"""Decode: a large deployment collection through the generated models vs json.loads and vs two pydantic v2 twins.

Each comparison is paired round by round (``paired``): the goal is to be no slower than pydantic.
"""

from __future__ import annotations

import json
import random
from functools import partial
from typing import Any

import pydantic_models
from figures import Figure, Goal, ms
from paired import batch, paired
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection
from pydantic import BaseModel

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


def _check_equivalent(body: bytes) -> None:
    """Refuse to compare decoders that disagree about the data."""
    ours = PartnerLicensesDeploymentInsightsCollection.from_dict(json.loads(body))
    for twin in TWINS.values():
        theirs: Any = twin.model_validate_json(body)
        assert len(ours.items) == len(theirs.items) == ours.total_count
        for a, b in zip(ours.items, theirs.items, strict=True):
            assert (a.processed_date_time or None) == b.processed_date_time
            assert (a.licenses_sold or None) == (b.licenses_sold or None)
            assert (a.service_name or None) == b.service_name
            assert (a.channel or None) == b.channel
            assert a.additional_properties == (b.model_extra or {})


TWINS: dict[str, type[BaseModel]] = {
    "": pydantic_models.PartnerLicensesDeploymentInsightsCollection,
    " (plain str)": pydantic_models.PlainPartnerLicensesDeploymentInsightsCollection,
}
TWIN_DETAIL = {
    "": "pydantic: enum | str unions for serviceName and channel (left to right)",
    " (plain str)": "pydantic: str serviceName and channel",
}


def run(items: int, rounds: int) -> list[Figure]:
    body = make_body(items)
    _check_equivalent(body)
    generated = batch(lambda: PartnerLicensesDeploymentInsightsCollection.from_dict(json.loads(body)))
    size = f"{items:,} items, {len(body) / 1e6:.1f} MB"
    figures = []
    for suffix, twin in TWINS.items():
        result = paired(rounds, generated, batch(partial(twin.model_validate_json, body)))
        figures.append(
            Figure(
                f"decode vs pydantic{suffix}",
                f"generated from_dict(json.loads) {ms(result.subject_s * 1000)}",
                f"pydantic model_validate_json {ms(result.baseline_s * 1000)}",
                result.ratio,
                Goal("<=", 1.0),
                detail=f"{size}; {TWIN_DETAIL[suffix]}, extra=allow, bytes in; {result.spread()}",
            )
        )
    result = paired(rounds, generated, batch(lambda: json.loads(body)))
    figures.append(
        Figure(
            "decode vs json.loads",
            f"generated from_dict(json.loads) {ms(result.subject_s * 1000)}",
            f"json.loads alone {ms(result.baseline_s * 1000)}",
            result.ratio,
            detail=f"the models' cost on top of parsing JSON; {size}; {result.spread()}",
        )
    )
    return figures
