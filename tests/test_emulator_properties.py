"""The emulated tenant's invariants, for several seeds and sizes, through the generated client over HTTP.

Partner-level figures equal the aggregation of the customer-level ones (the rule in
``pcinsights.emulator.world``), and paging with ``list_customers`` returns every customer exactly once.
"""

from __future__ import annotations

from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import (
    get_customer_licenses_deployment,
    get_customer_licenses_usage,
    get_partner_licenses_deployment,
    get_partner_licenses_usage,
)
from partner_center_analytics.api.customers import list_customers
from partner_center_analytics.models import (
    CustomerCollection,
    CustomerLicensesDeploymentInsightsCollection,
    CustomerLicensesUsageInsightsCollection,
    ListCustomersSeekOperation,
    PartnerLicensesDeploymentInsightsCollection,
    PartnerLicensesUsageInsightsCollection,
)

from pcinsights.emulator import EmulatorConfig, run_in_background
from pcinsights.emulator.world import ratio
from tests._support import token_for

PROPERTY_SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
seeds = st.integers(min_value=0, max_value=2**32)
sizes = st.integers(min_value=0, max_value=45)


def _ids_by_paging(client: AuthenticatedClient, page_size: int) -> list[str]:
    """Every customer id, following continuation tokens until the last page."""
    page = list_customers.sync_detailed(client=client, size=page_size).parsed
    ids: list[str] = []
    while True:
        assert isinstance(page, CustomerCollection)
        assert page.total_count == len(page.items) <= page_size
        ids += [str(customer.id) for customer in page.items]
        if not isinstance(page.continuation_token, str):
            return ids
        page = list_customers.sync_detailed(
            client=client,
            size=page_size,
            seek_operation=ListCustomersSeekOperation.NEXT,
            ms_continuation_token=page.continuation_token,
        ).parsed


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


@PROPERTY_SETTINGS
@given(seed=seeds, size=sizes, page_size=st.integers(min_value=1, max_value=17))
def test_paging_returns_every_customer_exactly_once(seed: int, size: int, page_size: int) -> None:
    with (
        run_in_background(EmulatorConfig(seed=seed, customers=size)) as running,
        AuthenticatedClient(base_url=running.base_url, token=token_for(running)) as client,
    ):
        ids = _ids_by_paging(client, page_size)
    assert len(ids) == len(set(ids)) == size
    assert ids == [customer.id for customer in running.world.customers]


@PROPERTY_SETTINGS
@given(seed=seeds, size=sizes)
def test_partner_figures_are_the_aggregation_of_customer_figures(seed: int, size: int) -> None:
    deployment: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    usage: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    with (
        run_in_background(EmulatorConfig(seed=seed, customers=size)) as running,
        AuthenticatedClient(base_url=running.base_url, token=token_for(running)) as client,
    ):
        for customer_id in _ids_by_paging(client, 500):
            rows = get_customer_licenses_deployment.sync_detailed(customer_id, client=client).parsed
            assert isinstance(rows, CustomerLicensesDeploymentInsightsCollection)
            for row in rows.items:
                assert row.customer_id == customer_id
                sums = deployment[(str(row.service_name), str(row.channel))]
                sums[0] += _int(row.licenses_sold)
                sums[1] += _int(row.licenses_deployed)
            uses = get_customer_licenses_usage.sync_detailed(customer_id, client=client).parsed
            assert isinstance(uses, CustomerLicensesUsageInsightsCollection)
            for use in uses.items:
                totals = usage[(str(use.service_name), str(use.channel), str(use.workload_name))]
                totals[0] += _int(use.licenses_qualified)
                totals[1] += _int(use.licenses_active)
        partner_deployment = get_partner_licenses_deployment.sync_detailed(client=client).parsed
        partner_usage = get_partner_licenses_usage.sync_detailed(client=client).parsed
    assert isinstance(partner_deployment, PartnerLicensesDeploymentInsightsCollection)
    assert isinstance(partner_usage, PartnerLicensesUsageInsightsCollection)
    assert {
        (str(row.service_name), str(row.channel)): (row.licenses_sold, row.prorated_deployment_percent)
        for row in partner_deployment.items
    } == {key: (sold, ratio(deployed, sold)) for key, (sold, deployed) in deployment.items()}
    assert {
        (str(row.service_name), str(row.channel), str(row.workload_name)): row.prorated_licenses_usage_percent
        for row in partner_usage.items
    } == {key: ratio(active, qualified) for key, (qualified, active) in usage.items()}
    assert partner_deployment.total_count == len(deployment)
    assert partner_usage.total_count == len(usage)
