"""The commercial licenses operations over real HTTP through the generated client: paging gives every row once,
grouped figures equal the legacy figures, the other path spellings and the query parameters behave as the spec
says."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_center_analytics import AuthenticatedClient, BadRequestError
from partner_center_analytics.api.analytics import (
    get_customer_licenses_deployment,
    get_customer_licenses_usage,
    get_licenses_deployment,
    get_licenses_usage,
    get_partner_licenses_deployment,
    get_partner_licenses_usage,
)

from pcinsights.emulator import EmulatorConfig, RunningEmulator, commercial, run_in_background
from pcinsights.insights import InsightKind
from tests._support import DEPLOYMENT_FIELDS, SPEC_PATH, USAGE_FIELDS, call, opened, token_for

DEPLOYMENT_PATH = "/v1/analytics/commercial/deployment/license/"
USAGE_PATH = "/v1/analytics/commercial/usage/license/"
Row = dict[str, Any]


@pytest.fixture(scope="module")
def seeded() -> Iterator[RunningEmulator]:
    """A tenant of 150 customers with its own seed: several pages at small ``top``, every kind of customer."""
    with run_in_background(EmulatorConfig(seed=7, customers=150)) as running:
        yield running


def client_for(emulator: RunningEmulator) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator))


def _next_query(link: str, path: str) -> dict[str, int]:
    """``top`` and ``skip`` of a next link, which must repeat the request's path."""
    parts = urlsplit(link)
    assert parts.path == path
    query = parse_qs(parts.query)
    return {"top": int(query["top"][0]), "skip": int(query["skip"][0])}


async def walk(mode: str, client: AuthenticatedClient, operation: ModuleType, path: str, **query: Any) -> list[Row]:
    """Every row of a query, following ``@nextLink`` page by page; checks TotalCount on every page."""
    page = await call(mode, operation, client=client, **query)
    rows = [row.to_dict() for row in page.value]
    total = page.total_count
    pages = 1
    while page.next_link:
        assert len(page.value) == query.get("top", 10_000)
        query.update(_next_query(page.next_link, path))
        page = await call(mode, operation, client=client, **query)
        assert page.total_count == total
        rows += [row.to_dict() for row in page.value]
        pages += 1
    assert len(rows) == total
    assert pages == max(1, math.ceil(total / query.get("top", 10_000)))
    return rows


def _key(row: Row) -> tuple[Any, ...]:
    return tuple(sorted(row.items()))


@pytest.mark.parametrize(
    ("operation", "path"), [(get_licenses_deployment, DEPLOYMENT_PATH), (get_licenses_usage, USAGE_PATH)]
)
async def test_paging_returns_every_row_exactly_once(
    mode: str, seeded: RunningEmulator, operation: ModuleType, path: str
) -> None:
    async with opened(mode, client_for(seeded)) as client:
        whole = await walk(mode, client, operation, path)
        paged = await walk(mode, client, operation, path, top=13)
    assert len(whole) > 13 * 5
    assert Counter(map(_key, paged)) == Counter(map(_key, whole))
    identity = ["customerTenantId", "productId"] + (["workloadCode"] if path == USAGE_PATH else [])
    assert len({tuple(row[name] for name in identity) for row in paged}) == len(paged)


def _legacy_totals(rows: list[Any], first: str, second: str) -> tuple[int, int]:
    return sum(getattr(row, first) for row in rows), sum(getattr(row, second) for row in rows)


async def test_grouped_by_customer_equals_each_customers_legacy_totals(mode: str, seeded: RunningEmulator) -> None:
    async with opened(mode, client_for(seeded)) as client:
        deployment = await walk(mode, client, get_licenses_deployment, DEPLOYMENT_PATH, groupby="customerTenantId")
        usage = await walk(mode, client, get_licenses_usage, USAGE_PATH, groupby="customerTenantId")
        grouped_deployment = {row.pop("customerTenantId"): row for row in deployment}
        grouped_usage = {row.pop("customerTenantId"): row for row in usage}
        empty = 0
        for customer in seeded.world.customers:
            legacy_deployment = (await call(mode, get_customer_licenses_deployment, customer.id, client=client)).items
            legacy_usage = (await call(mode, get_customer_licenses_usage, customer.id, client=client)).items
            if not legacy_deployment:
                empty += 1
                assert customer.id.upper() not in grouped_deployment
                continue
            deployed, sold = _legacy_totals(legacy_deployment, "licenses_deployed", "licenses_sold")
            assert grouped_deployment[customer.id.upper()] == {
                "processedDateTime": grouped_deployment[customer.id.upper()]["processedDateTime"],
                "licensesDeployed": deployed,
                "licensesSold": sold,
            }
            active, qualified = _legacy_totals(legacy_usage, "licenses_active", "licenses_qualified")
            assert (
                grouped_usage[customer.id.upper()]["licensesActive"],
                grouped_usage[customer.id.upper()]["licensesQualified"],
            ) == (active, qualified)
    assert len(grouped_deployment) == len(seeded.world.customers) - empty
    assert len(grouped_usage) == len(grouped_deployment)


async def test_grouped_by_service_and_channel_equals_the_legacy_partner_rows(
    mode: str, seeded: RunningEmulator
) -> None:
    async with opened(mode, client_for(seeded)) as client:
        deployment = await walk(mode, client, get_licenses_deployment, DEPLOYMENT_PATH, groupby="serviceCode,channel")
        usage = await walk(
            mode, client, get_licenses_usage, USAGE_PATH, groupby="serviceCode,channel,workloadName,channel"
        )
        partner_deployment = (await call(mode, get_partner_licenses_deployment, client=client)).items
        partner_usage = (await call(mode, get_partner_licenses_usage, client=client)).items
    legacy = {(str(row.service_name), str(row.channel)): row for row in partner_deployment}
    assert {(row["serviceCode"], row["channel"]) for row in deployment} == set(legacy)
    for row in deployment:
        match = legacy[row["serviceCode"], row["channel"]]
        assert row["licensesSold"] == match.licenses_sold
        assert row["licensesDeployed"] / row["licensesSold"] == pytest.approx(match.prorated_deployment_percent)
    legacy_usage = {(str(row.service_name), str(row.channel), row.workload_name): row for row in partner_usage}
    assert {(row["serviceCode"], row["channel"], row["workloadName"]) for row in usage} == set(legacy_usage)
    for row in usage:
        assert set(row) == {
            "processedDateTime",
            "serviceCode",
            "channel",
            "workloadName",
            "licensesActive",
            "licensesQualified",
        }
        expected = legacy_usage[row["serviceCode"], row["channel"], row["workloadName"]].prorated_licenses_usage_percent
        assert row["licensesActive"] / row["licensesQualified"] == pytest.approx(expected)


async def test_ungrouped_rows_are_the_legacy_customer_rows(mode: str, seeded: RunningEmulator) -> None:
    customer = next(c for c in seeded.world.customers if len(c.licenses) >= 2)
    async with opened(mode, client_for(seeded)) as client:
        # A lower-case id in the filter: GUIDs compare without regard to case.
        rows = await walk(
            mode, client, get_licenses_usage, USAGE_PATH, filter_=f"customerTenantId eq '{customer.id.lower()}'"
        )
        legacy = (await call(mode, get_customer_licenses_usage, customer.id, client=client)).items
    assert sorted(
        (r["productName"], r["workloadName"], r["licensesActive"], r["licensesQualified"]) for r in rows
    ) == sorted((row.product_name, row.workload_name, row.licenses_active, row.licenses_qualified) for row in legacy)
    for row in rows:
        assert set(row) == {"processedDateTime", *USAGE_FIELDS, "licensesActive", "licensesQualified"}
        assert row["customerTenantId"] == customer.id.upper() == row["customerTenantId"].upper()
        assert row["customerName"] == customer.name
        assert row["serviceCode"] in {"o365", "crm", "intune"}
        assert row["serviceName"].startswith("Microsoft ")


@pytest.mark.parametrize("prefix", ["", "/partner"])
@pytest.mark.parametrize("slash", ["/", ""])
def test_the_docs_other_spellings_of_the_paths_answer_the_same(
    emulator: RunningEmulator, plain_http: httpx.Client, prefix: str, slash: str
) -> None:
    headers = {"Authorization": f"Bearer {token_for(emulator)}"}
    for path in (DEPLOYMENT_PATH, USAGE_PATH):
        canonical = plain_http.get(emulator.base_url + path, headers=headers, params={"top": 5})
        other = plain_http.get(
            f"{emulator.base_url}{prefix}{path.rstrip('/')}{slash}", headers=headers, params={"top": 5}
        )
        assert other.status_code == canonical.status_code == 200
        assert other.json()["Value"] == canonical.json()["Value"]
        assert other.json()["TotalCount"] == canonical.json()["TotalCount"] > 5


def test_a_page_past_the_end_is_empty_and_last(emulator: RunningEmulator) -> None:
    with client_for(emulator) as client:
        total = get_licenses_deployment.sync(client=client, top=1).total_count
        assert isinstance(total, int) and total > 0
        last = get_licenses_deployment.sync(client=client, top=10, skip=total - 1)
        beyond = get_licenses_deployment.sync(client=client, skip=total)
    assert (len(last.value), last.next_link) == (1, None)
    assert (beyond.value, beyond.next_link, beyond.total_count) == ([], None, total)


def test_processed_date_time_selects_the_snapshot_as_of_that_moment(emulator: RunningEmulator) -> None:
    with client_for(emulator) as client:
        latest = get_licenses_deployment.sync(client=client)
        processed = str(latest.value[0].to_dict()["processedDateTime"])  # the text sent, no offset
        day = processed[:10]
        at = get_licenses_deployment.sync(client=client, processed_date_time=processed)
        aware = get_licenses_deployment.sync(client=client, processed_date_time=processed + "+00:00")
        later = get_licenses_deployment.sync(client=client, processed_date_time="2099-12-31")
        earlier = get_licenses_deployment.sync(client=client, processed_date_time=f"{int(day[:4]) - 1}{day[4:]}")
        ahead_of_utc = get_licenses_deployment.sync(client=client, processed_date_time=processed + "+01:00")
    assert len({row.processed_date_time for row in latest.value}) == 1
    assert at.value == aware.value == later.value == latest.value
    assert (earlier.value, earlier.total_count) == ([], 0)
    assert ahead_of_utc.value == []  # the same wall time an hour ahead of UTC is an hour before the processing


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("top", "0", "top must be"),
        ("top", "10001", "top must be"),
        ("top", "ten", "top must be"),
        ("top", "1.5", "top must be"),
        ("skip", "-1", "skip must be"),
        ("skip", "2147483648", "skip must be"),
        ("processedDateTime", "2021-02-30", "not a calendar date"),
        ("processedDateTime", "24/05/2021", "ISO 8601"),
        ("groupby", "", "empty field name"),
        ("groupby", "serviceCode,", "at character 13: unknown field an empty field name"),
        ("groupby", "channelcustomerTenantId", "at character 1: unknown field 'channelcustomerTenantId'"),
        ("groupby", "serviceCode, channel", "at character 13: unknown field ' channel'"),
        ("groupby", "workloadCode", "unknown field 'workloadCode'"),
        ("groupby", "x" * 513, "longer than 512"),
    ],
)
def test_malformed_query_parameters_are_a_400_that_says_why(
    emulator: RunningEmulator, plain_http: httpx.Client, name: str, value: str, says: str
) -> None:
    response = plain_http.get(
        emulator.base_url + DEPLOYMENT_PATH,
        params={name: value},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == 3000
    assert says in body["description"]


def test_a_parameter_given_twice_is_a_400(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    response = plain_http.get(
        emulator.base_url + USAGE_PATH + "?top=5&top=6", headers={"Authorization": f"Bearer {token_for(emulator)}"}
    )
    assert response.status_code == 400
    assert "top must be given at most once" in response.json()["description"]


def test_the_generated_client_raises_the_typed_error_for_a_bad_groupby(emulator: RunningEmulator) -> None:
    with client_for(emulator) as client, pytest.raises(BadRequestError) as raised:
        get_licenses_usage.sync(client=client, groupby="channelcustomerTenantId")
    assert raised.value.status_code == 400
    assert "channelcustomerTenantId" in str(raised.value.description)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.lists(st.sampled_from(USAGE_FIELDS), min_size=1, max_size=4),
    top=st.integers(1, 10_000),
    skip=st.integers(0, 400),
)
def test_any_valid_grouping_and_page_succeeds_with_the_sums_of_the_rows(
    seeded: RunningEmulator, plain_http: httpx.Client, fields: list[str], top: int, skip: int
) -> None:
    """What schemathesis cannot check here (a filter may be schema-valid and still not parse): valid input is a 200."""
    headers = {"Authorization": f"Bearer {token_for(seeded)}"}
    rows = plain_http.get(seeded.base_url + USAGE_PATH, headers=headers).json()["Value"]
    response = plain_http.get(
        seeded.base_url + USAGE_PATH, headers=headers, params={"groupby": ",".join(fields), "top": top, "skip": skip}
    )
    assert response.status_code == 200
    sums: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        totals = sums[tuple(row[name] for name in dict.fromkeys(fields))]
        totals[0] += row["licensesActive"]
        totals[1] += row["licensesQualified"]
    body = response.json()
    assert body["TotalCount"] == len(sums)
    assert len(body["Value"]) == max(0, min(top, len(sums) - skip))
    for row in body["Value"]:
        assert [row["licensesActive"], row["licensesQualified"]] == sums[
            tuple(row[name] for name in dict.fromkeys(fields))
        ]


PROCESSED_PATTERN = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["components"]["parameters"][
    "ProcessedDateTime"
]["schema"]["pattern"]


@settings(max_examples=40, deadline=None)
@given(value=st.from_regex(PROCESSED_PATTERN, fullmatch=True))
def test_any_processed_date_time_the_spec_admits_is_a_200_unless_it_is_no_calendar_date(
    emulator: RunningEmulator, plain_http: httpx.Client, value: str
) -> None:
    response = plain_http.get(
        emulator.base_url + DEPLOYMENT_PATH,
        params={"processedDateTime": value, "top": 1},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    try:
        datetime.fromisoformat(value)
    except ValueError:
        assert response.status_code == 400
        assert response.json()["description"] == "Invalid property: processedDateTime is not a calendar date."
    else:
        assert response.status_code == 200, response.text


def test_the_emulator_takes_the_fields_the_spec_lists() -> None:
    assert list(commercial.DEPLOYMENT_FIELDS) == DEPLOYMENT_FIELDS
    assert list(commercial.USAGE_FIELDS) == USAGE_FIELDS
    # Both import them from the generated package (query_fields), which codegen writes from the spec.
    assert list(InsightKind.DEPLOYMENT.value.fields) == DEPLOYMENT_FIELDS
    assert list(InsightKind.USAGE.value.fields) == USAGE_FIELDS
