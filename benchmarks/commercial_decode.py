"""Decode: one 10,000-row commercial usage page, end to end through the generated operation, vs ``json.loads``
of the same bytes and vs a minimal pydantic v2 model of the page (plain ``str`` fields, ``int`` metrics).

End to end means ``get_licenses_usage.sync``: the request, the response bytes from an in-memory transport, the
charset and BOM checks, ``json.loads`` and the models' ``from_dict``; only the network is left out.
The spec gives every field of a row as a string or an integer (no formats the client parses), so the plain ``str``
twin is the only faithful one. Each comparison is paired round by round (``paired``).
"""

from __future__ import annotations

import json
import random
import uuid

import httpx
from figures import Figure, Goal, ms
from paired import batch, paired
from partner_center_analytics import AuthenticatedClient, RetryPolicy
from partner_center_analytics.api.analytics import get_licenses_usage
from pydantic import BaseModel, ConfigDict, Field

WORKLOADS = (("EXO", "Exchange"), ("SPO", "SharePoint"), ("TEAMS", "Microsoft Teams"), ("CRM", "Dynamics CRM"))
SERVICES = (("o365", "Microsoft Office 365"), ("crm", "Microsoft Dynamics"), ("intune", "Microsoft Intune"))
NAMES = ("Contoso", "Müller & Söhne", "Café Olé", "Nordlys Ærø", "Fabrikam", "Northwind")
PRODUCTS = ("OFFICE 365 E3", "EXCHANGE ONLINE (PLAN 1)", "DYNAMICS 365 SALES ENTERPRISE", "MICROSOFT INTUNE PLAN 1")


class Row(BaseModel):
    """The row as a pydantic user would write it: every field optional, strings as ``str``, unknown keys kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    processed_date_time: str | None = Field(default=None, alias="processedDateTime")
    workload_code: str | None = Field(default=None, alias="workloadCode")
    workload_name: str | None = Field(default=None, alias="workloadName")
    service_code: str | None = Field(default=None, alias="serviceCode")
    service_name: str | None = Field(default=None, alias="serviceName")
    channel: str | None = None
    customer_tenant_id: str | None = Field(default=None, alias="customerTenantId")
    customer_name: str | None = Field(default=None, alias="customerName")
    product_id: str | None = Field(default=None, alias="productId")
    product_name: str | None = Field(default=None, alias="productName")
    licenses_active: int | None = Field(default=None, alias="licensesActive")
    licenses_qualified: int | None = Field(default=None, alias="licensesQualified")


class Page(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    value: list[Row] = Field(alias="Value")
    next_link: str | None = Field(default=None, alias="@nextLink")
    total_count: int | None = Field(default=None, alias="TotalCount")


def make_page(rows: int, seed: int = 11) -> bytes:
    """A page as the emulator sends one: upper-case GUIDs, accented names, one processing time."""
    rng = random.Random(seed)
    customers = [(str(uuid.UUID(int=rng.getrandbits(128))).upper(), rng.choice(NAMES)) for _ in range(rows // 8 + 1)]
    value = []
    for index in range(rows):
        tenant, name = customers[index // 8]
        workload, service, product = rng.choice(WORKLOADS), rng.choice(SERVICES), rng.choice(PRODUCTS)
        value.append(
            {
                "processedDateTime": "2021-07-23T11:27:47",
                "workloadCode": workload[0],
                "workloadName": workload[1],
                "serviceCode": service[0],
                "serviceName": service[1],
                "channel": rng.choice(("reseller", "direct", "advisor")),
                "customerTenantId": tenant,
                "customerName": f"{name} {index // 8}",
                "productId": str(uuid.uuid5(uuid.NAMESPACE_DNS, product)).upper(),
                "productName": product,
                "licensesActive": rng.randint(0, 500),
                "licensesQualified": rng.randint(0, 500),
            }
        )
    link = "https://api.partnercenter.microsoft.com/v1/analytics/commercial/usage/license/?top=10000&skip=10000"
    return json.dumps({"Value": value, "@nextLink": link, "TotalCount": rows * 3}, ensure_ascii=False).encode()


def _client(body: bytes) -> AuthenticatedClient:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, headers=headers, content=body))
    return AuthenticatedClient(
        base_url="https://pc.bench",
        token="bench",
        retry=RetryPolicy(max_attempts=1),
        httpx_args={"transport": transport},
    )


def _check_equivalent(body: bytes, client: AuthenticatedClient) -> None:
    """Refuse to compare decoders that disagree about the data."""
    ours = get_licenses_usage.sync(client=client)
    theirs = Page.model_validate_json(body)
    assert len(ours.value) == len(theirs.value) == len(json.loads(body)["Value"])
    for a, b in zip(ours.value, theirs.value, strict=True):
        assert (a.customer_tenant_id, a.licenses_active, a.customer_name) == (
            b.customer_tenant_id,
            b.licenses_active,
            b.customer_name,
        )


def run(rows: int, rounds: int) -> list[Figure]:
    body = make_page(rows)
    with _client(body) as client:
        _check_equivalent(body, client)
        generated = batch(lambda: get_licenses_usage.sync(client=client))
        against_json = paired(rounds, generated, batch(lambda: json.loads(body)))
        against_pydantic = paired(rounds, generated, batch(lambda: Page.model_validate_json(body)))
    size = f"{rows:,} usage rows, {len(body) / 1e6:.1f} MB"
    return [
        Figure(
            "commercial page decode vs json.loads",
            f"get_licenses_usage.sync end to end {ms(against_json.subject_s * 1000)}",
            f"json.loads alone {ms(against_json.baseline_s * 1000)}",
            against_json.ratio,
            Goal("<=", 2.0),
            detail=f"{size}; in-memory transport: request, checks, json.loads and from_dict; {against_json.spread()}",
        ),
        Figure(
            "commercial page decode vs pydantic",
            f"get_licenses_usage.sync end to end {ms(against_pydantic.subject_s * 1000)}",
            f"pydantic model_validate_json {ms(against_pydantic.baseline_s * 1000)}",
            against_pydantic.ratio,
            Goal("<=", 1.0),
            detail=f"{size}; pydantic: str fields, int metrics, extra=allow, bytes in; {against_pydantic.spread()}",
        ),
    ]
