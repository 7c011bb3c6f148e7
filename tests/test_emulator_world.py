"""The emulated tenant on its own: deterministic, internally consistent, and cheap at 100,000 customers."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime

import pytest

from pcinsights.emulator.catalogue import CHANNELS
from pcinsights.emulator.wire import to_json
from pcinsights.emulator.world import Customer, UnknownCustomerError, World, ratio


def _fingerprint(world: World) -> list[dict[str, object]]:
    rows = [to_json(customer) for customer in world.customers]
    rows += [to_json(row) for row in world.partner_deployment()]
    rows += [to_json(row) for row in world.partner_usage()]
    return rows


def test_same_seed_gives_the_same_world() -> None:
    assert _fingerprint(World(7, 25)) == _fingerprint(World(7, 25))


def test_different_seeds_give_different_worlds() -> None:
    one, other = World(7, 25), World(8, 25)
    assert {c.id for c in one.customers}.isdisjoint(c.id for c in other.customers)
    assert _fingerprint(one) != _fingerprint(other)


def test_a_larger_world_extends_a_smaller_one_with_the_same_seed() -> None:
    assert list(World(3, 50).customers)[:20] == list(World(3, 20).customers)


def test_customers_are_well_formed() -> None:
    world = World(42, 40)
    customers = list(world.customers)
    assert len(customers) == 40
    assert len({c.id for c in customers}) == 40
    assert len({c.domain for c in customers}) == 40
    for index, customer in enumerate(customers):
        assert customer.index == index
        assert str(uuid.UUID(customer.id)) == customer.id
        assert to_json(customer)["companyProfile"] == {
            "tenantId": customer.id,
            "domain": customer.domain,
            "companyName": customer.name,
            "attributes": {"objectType": "CustomerCompanyProfile"},
        }
        assert customer.domain.endswith(".onmicrosoft.com")
        for lic in customer.licenses:
            assert 0 <= lic.deployed <= lic.sold
            assert lic.channel in CHANNELS
            assert [use.workload for use in lic.usage] == list(lic.product.workloads)
            for use in lic.usage:
                assert use.qualified == lic.sold
                assert 0 <= use.active <= use.qualified


def test_the_tenant_exercises_open_enums_and_every_channel() -> None:
    world = World(42, 40)
    services = {row.service_name for row in world.partner_deployment()}
    assert {"o365", "crm", "intune"} <= services
    assert {row.channel for row in world.partner_deployment()} == set(CHANNELS)
    assert {"Exchange", "SharePoint", "Microsoft Teams", "Microsoft Dynamics CRM"} <= {
        row.workload_name for row in world.partner_usage()
    }


def test_customer_rows_follow_the_rule() -> None:
    world = World(42, 40)
    for customer in world.customers:
        deployment = world.customer_deployment(customer.id)
        assert [row.product_name for row in deployment] == [lic.product.name for lic in customer.licenses]
        for row, lic in zip(deployment, customer.licenses, strict=True):
            assert (row.customer_id, row.customer_name, row.service_code) == (
                customer.id,
                customer.name,
                lic.product.service_code,
            )
            assert row.deployment_percent == ratio(lic.deployed, lic.sold)
            assert 0.0 <= row.deployment_percent <= 1.0
        usage = world.customer_usage(customer.id)
        assert len(usage) == sum(len(lic.usage) for lic in customer.licenses)
        for usage_row in usage:
            assert usage_row.usage_percent == ratio(usage_row.licenses_active, usage_row.licenses_qualified)


def _aggregate(world: World) -> tuple[dict[tuple[str, str], list[int]], dict[tuple[str, str, str], list[int]]]:
    deployment: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    usage: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for customer in world.customers:
        for row in world.customer_deployment(customer.id):
            sums = deployment[(row.service_name, row.channel)]
            sums[0] += row.licenses_sold
            sums[1] += row.licenses_deployed
        for use in world.customer_usage(customer.id):
            totals = usage[(use.service_name, use.channel, use.workload_name)]
            totals[0] += use.licenses_qualified
            totals[1] += use.licenses_active
    return deployment, usage


@pytest.mark.parametrize(("seed", "size"), [(42, 40), (1, 3), (99, 120)])
def test_partner_figures_are_the_aggregation_of_customer_rows(seed: int, size: int) -> None:
    world = World(seed, size)
    deployment, usage = _aggregate(world)
    assert {
        (row.service_name, row.channel): (row.licenses_sold, row.prorated_deployment_percent)
        for row in world.partner_deployment()
    } == {key: (sold, ratio(deployed, sold)) for key, (sold, deployed) in deployment.items()}
    assert {
        (row.service_name, row.channel, row.workload_name): row.prorated_licenses_usage_percent
        for row in world.partner_usage()
    } == {key: ratio(active, qualified) for key, (qualified, active) in usage.items()}


def test_an_empty_tenant_has_no_rows() -> None:
    world = World(5, 0)
    assert len(world.customers) == 0
    assert world.partner_deployment() == []
    assert world.partner_usage() == []
    assert world.customer_page(0, 10) == []


def test_processed_date_times_vary_in_form_and_all_parse() -> None:
    world = World(42, 40)
    stamps = [row.processed for row in world.partner_usage()]
    stamps += [row.processed for c in world.customers for row in world.customer_deployment(c.id)]
    assert any(stamp.endswith("Z") for stamp in stamps)
    assert any(stamp.endswith("+00:00") for stamp in stamps)
    fractions = {len(stamp[19:].split("+")[0].rstrip("Z").lstrip(".")) for stamp in stamps}
    assert fractions == {0, 2, 7}
    for stamp in stamps:
        assert datetime.fromisoformat(stamp).utcoffset() is not None


def test_lookup_is_case_insensitive_and_unknown_ids_are_rejected() -> None:
    world = World(42, 40)
    customer = world.customers[5]
    assert world.find(customer.id.upper()) == customer
    assert world.find(str(uuid.UUID(int=0))) is None
    with pytest.raises(UnknownCustomerError):
        world.customer_deployment(str(uuid.UUID(int=1)))


def test_pages_cover_every_customer_once() -> None:
    world = World(42, 40)
    seen: list[Customer] = []
    for offset in range(0, 40, 7):
        seen += world.customer_page(offset, 7)
    assert seen == list(world.customers)


def test_a_hundred_thousand_customers_are_served_from_either_end() -> None:
    world = World(42, 100_000)
    last = world.customer_page(99_990, 500)
    assert [c.index for c in last] == list(range(99_990, 100_000))
    assert world.find(last[-1].id) == last[-1]
    assert sum(row.licenses_sold for row in world.partner_deployment()) > 0
