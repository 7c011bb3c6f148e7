"""Drift seen in production: the client counts the unknown fields and open-enum values it decodes, per model and
field, in ``client.stats``, and logs each new one once at INFO; over real HTTP from a loopback server, sync and
async."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from partner_center_analytics import AuthenticatedClient, ClientStats
from partner_center_analytics._decode import MAX_UNKNOWN_KEYS, MAX_VALUE_CHARS, reporting_to
from partner_center_analytics.api.analytics import get_partner_licenses_deployment
from partner_center_analytics.models import PartnerLicensesDeploymentInsightsCollection, ServiceName

from tests import _hostile
from tests._client import TOKEN, call, opened
from tests._hostile import hostile_server

ITEM = "PartnerLicensesDeploymentInsights"
ROW: dict[str, Any] = {
    "proratedDeploymentPercent": 0.5,
    "licensesSold": 10,
    "processedDateTime": "2019-04-17T11:07:22Z",
    "serviceName": "crm",
    "channel": "reseller",
    "attributes": {"objectType": ITEM},
}
DRIFTED = {
    "totalCount": 3,
    "items": [
        {**ROW, "licensesAssigned": 4},
        {**ROW, "serviceName": "copilot", "licensesAssigned": 5, "attributes": {"objectType": ITEM, "region": "x"}},
        {**ROW, "serviceName": "copilot"},
    ],
    "sourceRegion": "emea",
}


def _body(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


async def _fetch(mode: str, url: str, calls: int = 1) -> tuple[ClientStats, list[Any]]:
    client = AuthenticatedClient(base_url=url, token=TOKEN)
    results = []
    async with opened(mode, client):
        for _ in range(calls):
            results.append(await call(mode, get_partner_licenses_deployment, client=client))
    return client.stats, results


async def test_unknown_fields_and_enum_values_are_counted_per_model_and_field(mode: str) -> None:
    with hostile_server(_hostile.reply("200 OK", body=_body(DRIFTED))) as server:
        stats, (page, _) = await _fetch(mode, server.url, calls=2)
    assert stats.unknown_fields == {
        ("PartnerLicensesDeploymentInsightsCollection", "sourceRegion"): 2,
        (ITEM, "licensesAssigned"): 4,
        ("ResourceAttributes", "region"): 2,
    }
    assert stats.unknown_values == {(ITEM, "serviceName", "copilot"): 4}
    # Still kept for the app: the value as a str, the field in additional_properties.
    assert [row.service_name for row in page.items] == [ServiceName.CRM, "copilot", "copilot"]
    assert page.items[0]["licensesAssigned"] == 4


async def test_each_new_unknown_is_logged_once_at_info(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="partner_center_analytics")
    with hostile_server(_hostile.reply("200 OK", body=_body(DRIFTED))) as server:
        await _fetch(mode, server.url, calls=3)
    unknown = [r for r in caplog.records if r.name == "partner_center_analytics" and "unknown" in r.getMessage()]
    assert all(record.levelno == logging.INFO for record in unknown)
    assert sorted(record.getMessage().split(" (")[0] for record in unknown) == [
        f"Partner Center sent an unknown field {ITEM}.licensesAssigned",
        "Partner Center sent an unknown field PartnerLicensesDeploymentInsightsCollection.sourceRegion",
        "Partner Center sent an unknown field ResourceAttributes.region",
        f"Partner Center sent an unknown value {ITEM}.serviceName = 'copilot'",
    ]


async def test_a_body_the_spec_describes_counts_nothing(mode: str) -> None:
    document = {"totalCount": 1, "items": [ROW]}
    with hostile_server(_hostile.reply("200 OK", body=_body(document))) as server:
        stats, _ = await _fetch(mode, server.url)
    assert stats.requests == 1
    assert stats.unknown_fields == {}
    assert stats.unknown_values == {}


def test_decoding_outside_a_call_counts_nowhere_and_each_client_counts_its_own() -> None:
    mine, other = ClientStats(), ClientStats()
    with reporting_to(mine):
        PartnerLicensesDeploymentInsightsCollection.from_dict(DRIFTED)
    PartnerLicensesDeploymentInsightsCollection.from_dict(DRIFTED)
    assert mine.unknown_values == {(ITEM, "serviceName", "copilot"): 2}
    assert other.unknown_fields == {} and other.unknown_values == {}


def test_endless_new_names_and_values_are_bounded() -> None:
    stats = ClientStats()
    rows = [
        {**ROW, f"field{n}": n, "serviceName": f"{n}".ljust(MAX_VALUE_CHARS + 20, "x")}
        for n in range(MAX_UNKNOWN_KEYS + 5)
    ]
    with reporting_to(stats):
        PartnerLicensesDeploymentInsightsCollection.from_dict({"totalCount": len(rows), "items": rows})
    assert len(stats.unknown_fields) == MAX_UNKNOWN_KEYS
    assert len(stats.unknown_values) == MAX_UNKNOWN_KEYS
    assert {len(value) for _, _, value in stats.unknown_values} == {MAX_VALUE_CHARS}
