"""The report datasets: the catalogue and system queries as documented, and rows that agree with the commercial
endpoints for the latest month (a seeded world), deterministic history before it, the TIMESPAN windows, WHERE,
metrics, DISTINCT, ORDER BY and LIMIT against reference computations in this file, and streaming."""

from __future__ import annotations

import inspect
import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_center_analytics.report_rows import REPORT_ROWS

from pcinsights.emulator.commercial import Tables, build_tables
from pcinsights.emulator.reports.datasets import DATASETS, SYSTEM_QUERIES, ReportData, latest_month, like, months_in
from pcinsights.emulator.reports.definitions import LICENSE_DATASETS, MONTHLY_RANGES, ColumnType, find_dataset
from pcinsights.emulator.reports.query import ReportQuery, parse_query
from pcinsights.emulator.world import Customer, CustomerList, World
from tests.test_emulator_report_query import queries

NOW = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)
Row = tuple[Any, ...]


@pytest.fixture(scope="module")
def world() -> World:
    return World(seed=7, size=150)


@pytest.fixture(scope="module")
def tables(world: World) -> Tables:
    return build_tables(world)


@pytest.fixture(scope="module")
def data(world: World) -> ReportData:
    return ReportData(world)


def rows(data: ReportData, text: str, **window: datetime) -> list[Row]:
    return list(data.evaluate(parse_query(text), NOW, **window).rows)


def every_column(dataset: str, tail: str = "") -> str:
    return f"SELECT {', '.join(DATASETS[dataset].columns)} FROM {dataset} {tail}"


def as_dicts(data: ReportData, text: str) -> list[dict[str, Any]]:
    result = data.evaluate(parse_query(text), NOW)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


# The catalogue


def test_every_documented_dataset_is_listed() -> None:
    documented = [
        "CustomersAndTenants",
        "SeatsSubscriptionsAndRevenue",
        "AzureUsage",
        "MSLearn",
        "OfficeUsage",
        "Profile",
        "TrainingCompletions",
        "DynamicsUsage",
        "CompetencySummaryHistory",
        "PowerBIUsage",
        "EMSUsage",
        "CompetencyPeformanceRequirement",
        "ResellerPerformance",
        "CLASAgreementRenewalsPropensity",
        "CLASAzurePropensity",
        "CLASD365Propensity",
        "CLASM365Propensity",
        "TeamsUsage3PApps",
        "TeamsUsageWorkload",
        "TeamsUsageMeetingsAndCalls",
        "CloudProductsResellerPerformance",
        "CLASSurfacePropensity",
    ]
    assert list(DATASETS) == documented
    assert find_dataset("officeusage") is DATASETS["OfficeUsage"] and find_dataset("Office") is None


@pytest.mark.parametrize("name", sorted(REPORT_ROWS))
def test_the_license_datasets_are_the_specs_row_schemas(data: ReportData, name: str) -> None:
    """Columns and metrics as the spec has them, in its order; every metric selectable; rows its models read."""
    dataset, schema = DATASETS[name], REPORT_ROWS[name]
    assert (dataset.columns, dataset.metrics) == (schema.columns, schema.metrics)
    json_types = {ColumnType.INTEGER: "integer", ColumnType.NUMBER: "number"}
    assert {n: json_types.get(dataset.types[n], "string") for n in schema.types} == dict(schema.types)
    names = (*schema.columns, *schema.metrics)
    for row in as_dicts(data, f"SELECT {', '.join(names)} FROM {name} TIMESPAN LAST_MONTH")[:20]:
        assert schema.model.from_dict(row).to_dict() == row


def test_office_and_dynamics_are_as_the_dataset_api_shows_them() -> None:
    office, dynamics = DATASETS["OfficeUsage"], DATASETS["DynamicsUsage"]
    assert office.metrics == (
        "CustomerCount",
        "CustomerTenantCount",
        "TotalPaidAvailableUnits",
        "TotalMonthlyActiveUsers",
    )
    assert office.columns[:6] == (
        "CustomerTenantId",
        "CustomerTpid",
        "WorkloadName",
        "Month",
        "PaidAvailableUnits",
        "MonthlyActiveUsers",
    )
    assert dynamics.metrics[:5] == (
        "SubscriptionCount",
        "TotalAssignedSeats",
        "TotalSoldSeats",
        "TotalActiveSeats",
        "TotalRevenueAndACR",
    )
    for dataset in (office, dynamics):
        assert dataset.date_ranges == MONTHLY_RANGES
        assert dataset.minimum_recurrence_interval == 24
    assert {d.minimum_recurrence_interval for d in DATASETS.values() if d not in (office, dynamics)} == {4}


@pytest.mark.parametrize("name", list(DATASETS))
def test_a_dataset_is_consistent(name: str) -> None:
    dataset = DATASETS[name]
    names = [n.casefold() for n in (*dataset.columns, *dataset.metrics)]
    assert len(set(names)) == len(names), "a name twice (names are case-insensitive)"
    assert "LAST_6_MONTHS" in dataset.date_ranges  # the default range must be allowed everywhere
    for rule in dataset.metric_rules.values():
        assert rule.kind in ("sum", "count") and (rule.source is None or rule.source in dataset.fields)
    assert set(dataset.types) == {*dataset.fields, *dataset.metrics}


SYSTEM_IDS = {
    "6664daf3-c161-423a-92a1-0ea6db2c0384": "CustomersAndTenants",
    "c9fc1c79-4408-49ff-97f9-e1aa3f155804": "SeatsSubscriptionsAndRevenue",
    "d1a4d75e-5ca8-4847-845f-ee0a9be6f07b": "AzureUsage",
    "d8349f7b-a7d1-467e-b26d-434d4a50f26a": "OfficeUsage",
    "6209a8fd-93af-442e-8b3f-3df0f77e8463": "DynamicsUsage",
    "40ebfe2f-7183-4427-a911-5c9b45b6df15": "PowerBIUsage",
    "d7f20ea4-8751-4d6b-b1d7-821c316acd6a": "EMSUsage",
    "c09c2eda-861b-4664-8ee8-48a14745a26a": "CloudProductsResellerPerformance",
    "42d287be-cc76-4109-a066-f3140ad97fe2": "TeamsUsage3PApps",
    "817fe875-acb0-4c45-9201-b7a35a60235a": "TeamsUsageWorkload",
    "b7bd73a8-47e8-4c57-b915-445708cfd7bf": "TeamsUsageMeetingsAndCalls",
    "e65f3a4f-fb99-4319-97ff-59e57566a871": "Profile",
    "c4fc87ac-4cca-44cd-bf4d-835ac513f9ee": "CLASAgreementRenewalsPropensity",
    "9a18bd70-8f90-4bd2-8266-5f6e453e3ee7": "CLASAzurePropensity",
    "258fdcac-6e9c-4072-af27-b1b3d97be16c": "CLASD365Propensity",
    "fbe00e32-fdde-4465-b3e4-41bbd021a130": "CLASM365Propensity",
    "ba339743-7594-439f-bb01-1a2e754df7b7": "CLASSurfacePropensity",
    "20f5da57-3c2a-481b-b6a0-ec34d6db14e2": "TrainingCompletions",
    "0e06c7c3-75ab-4cd5-8178-8cf1a2de49cc": "MSLearn",
}


def test_the_system_queries_have_their_documented_ids_and_run(data: ReportData) -> None:
    assert {q.query_id: q.dataset for q in SYSTEM_QUERIES} == SYSTEM_IDS
    assert len({q.name for q in SYSTEM_QUERIES}) == len(SYSTEM_QUERIES)
    for system in SYSTEM_QUERIES:
        query = parse_query(system.query)
        assert query.dataset == system.dataset and parse_query(query.text()) == query
        assert query.timespan == (None if system.dataset.startswith(("CLAS", "Profile")) else "LAST_6_MONTHS")
        result = data.evaluate(query, NOW)
        assert result.columns == query.selected
        has_rows = system.dataset in LICENSE_DATASETS and system.dataset != "PowerBIUsage"
        assert (next(result.rows, None) is not None) == has_rows


def test_the_seats_system_query_selects_its_documented_metrics() -> None:
    seats = next(q for q in SYSTEM_QUERIES if q.dataset == "SeatsSubscriptionsAndRevenue")
    selected = parse_query(seats.query).selected
    assert selected[-4:] == ("TotalSoldSeats", "TotalAssignedSeats", "BilledRevenueUSD", "AzureConsumedRevenueUSD")
    assert "Month" in selected  # written "month" in the docs


# Every license dataset's rows: filled, typed as declared


@pytest.mark.parametrize("name", LICENSE_DATASETS)
def test_license_rows_fill_every_column_with_its_type(data: ReportData, name: str) -> None:
    dataset = DATASETS[name]
    found = rows(data, every_column(name, "TIMESPAN LIFETIME"))
    assert (len(found) > 0) == (name != "PowerBIUsage")  # the catalogue has no Power BI product
    python_types = {
        ColumnType.STRING: str,
        ColumnType.INTEGER: int,
        ColumnType.NUMBER: float,
        ColumnType.DATE: str,
    }
    for row in found:
        for column, value in zip(dataset.columns, row, strict=True):
            assert type(value) is python_types[dataset.types[column]], (column, value)
            if dataset.types[column] is ColumnType.DATE:
                assert datetime.strptime(str(value), "%Y-%m-%d")


# Agreement with the commercial endpoints (latest month)


def _commercial_usage(tables: Tables, service: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(customer id, workload name) -> (sum of licensesQualified, sum of licensesActive) of the service's rows."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for dims, active, qualified in tables.usage.rows:
        if dims[2] == service:
            found = sums[dims[5].lower(), dims[1]]
            found[0] += qualified
            found[1] += active
    return {key: (q, a) for key, (q, a) in sums.items()}


def test_office_usage_per_customer_and_workload_equals_the_commercial_usage_sums(
    data: ReportData, tables: Tables
) -> None:
    found = rows(
        data,
        "SELECT CustomerTenantId, WorkloadName, PaidAvailableUnits, MonthlyActiveUsers FROM OfficeUsage "
        "TIMESPAN LAST_MONTH",
    )
    reports = {(tenant, workload): (paid, active) for tenant, workload, paid, active in found}
    assert len(reports) == len(found)
    expected = _commercial_usage(tables, "o365")
    assert reports == expected and len(expected) > 100


def _commercial_deployment(tables: Tables, service: str | None) -> dict[tuple[str, str], tuple[int, int]]:
    """(customer id, product name) -> (licensesSold, licensesDeployed)."""
    return {
        (dims[3].lower(), dims[6]): (sold, deployed)
        for dims, deployed, sold in tables.deployment.rows
        if service is None or dims[0] == service
    }


def test_seats_per_customer_and_product_equal_the_commercial_deployment(data: ReportData, tables: Tables) -> None:
    found = rows(
        data,
        "SELECT CustomerTenantId, RawProductName, TotalSoldSeats, TotalAssignedSeats FROM SeatsSubscriptionsAndRevenue "
        "TIMESPAN LAST_MONTH",
    )
    assert {(tenant, product): (sold, deployed) for tenant, product, sold, deployed in found} == (
        _commercial_deployment(tables, None)
    )
    assert len(found) == len(tables.deployment.rows)


def test_dynamics_ems_and_customers_agree_with_the_commercial_tables(data: ReportData, tables: Tables) -> None:
    dynamics = rows(
        data,
        "SELECT CustomerTenantId, SKU, AvailableSeats, AssignedSeats, ActiveSeats, DeploymentOpportunity "
        "FROM DynamicsUsage TIMESPAN LAST_MONTH",
    )
    deployment = _commercial_deployment(tables, "crm")
    usage = {(dims[5].lower(), dims[8]): active for dims, active, _ in tables.usage.rows if dims[2] == "crm"}
    assert {(t, sku): (sold, deployed) for t, sku, sold, deployed, _, _ in dynamics} == deployment
    assert {(t, sku): active for t, sku, _, _, active, _ in dynamics} == usage
    assert all(opportunity == sold - deployed for _, _, sold, deployed, _, opportunity in dynamics)
    ems = rows(
        data,
        "SELECT CustomerTenantId, PaidAvailableUnits, MonthlyActiveUsers, IntunePaidAvailableUnits, "
        "AADPPaidAvailableUnits FROM EMSUsage TIMESPAN LAST_MONTH",
    )
    intune = _commercial_usage(tables, "intune")
    assert {(t, "Microsoft Intune"): (paid, active) for t, paid, active, _, _ in ems} == intune
    assert all(paid == intune_paid and aadp == 0 for _, paid, _, intune_paid, aadp in ems)
    customers = rows(
        data, "SELECT CustomerTenantId, RawProductName, AvailableSeats FROM CustomersAndTenants TIMESPAN LAST_MONTH"
    )
    assert {(t, p): seats for t, p, seats in customers} == {
        key: sold for key, (sold, _) in _commercial_deployment(tables, None).items()
    }


def test_metrics_aggregate_over_the_selected_columns(data: ReportData, tables: Tables) -> None:
    found = rows(
        data,
        "SELECT WorkloadName, TotalPaidAvailableUnits, TotalMonthlyActiveUsers, CustomerCount, CustomerTenantCount "
        "FROM OfficeUsage TIMESPAN LAST_MONTH",
    )
    expected: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    for (tenant, workload), (qualified, active) in _commercial_usage(tables, "o365").items():
        expected[workload][0] += qualified
        expected[workload][1] += active
        expected[workload][2].add(tenant)
    assert {w: (paid, active, count, tenants) for w, paid, active, count, tenants in found} == {
        w: (paid, active, len(customers), len(customers)) for w, (paid, active, customers) in expected.items()
    }
    total = rows(data, "SELECT TotalSoldSeats, SubscriptionCount FROM SeatsSubscriptionsAndRevenue TIMESPAN LAST_MONTH")
    assert total == [(sum(row[2] for row in tables.deployment.rows), len(tables.deployment.rows))]
    revenue = rows(data, "SELECT TotalRevenueAndACR, CustomerCount FROM DynamicsUsage TIMESPAN LAST_MONTH")
    assert revenue[0][0] == 0.0 and isinstance(revenue[0][0], float)


def test_metrics_over_months_equal_a_reference_aggregation_of_the_plain_rows(data: ReportData) -> None:
    plain = rows(
        data, "SELECT CustomerName, Month, PaidAvailableUnits, CustomerTpid FROM OfficeUsage TIMESPAN LIFETIME"
    )
    expected: dict[str, list[Any]] = defaultdict(lambda: [0, set()])
    for _, month, paid, tpid in plain:
        expected[month][0] += paid
        expected[month][1].add(tpid)
    grouped = rows(data, "SELECT Month, TotalPaidAvailableUnits, CustomerCount FROM OfficeUsage TIMESPAN LIFETIME")
    assert {m: (paid, count) for m, paid, count in grouped} == {m: (p, len(c)) for m, (p, c) in expected.items()}
    # A condition on a metric keeps the combinations it holds for.
    median = sorted(paid for _, paid, _ in grouped)[len(grouped) // 2]
    big = rows(
        data,
        f"SELECT Month, TotalPaidAvailableUnits FROM OfficeUsage WHERE TotalPaidAvailableUnits >= {median} "
        "TIMESPAN LIFETIME",
    )
    assert big == [(m, paid) for m, paid, _ in grouped if paid >= median] and 0 < len(big) < len(grouped)


# History


def test_history_is_deterministic_per_seed_and_never_above_the_latest_month() -> None:
    text = every_column("DynamicsUsage", "TIMESPAN LIFETIME")
    first = rows(ReportData(World(seed=3, size=60)), text)
    assert first == rows(ReportData(World(seed=3, size=60)), text)
    assert first != rows(ReportData(World(seed=4, size=60)), text)
    columns = DATASETS["DynamicsUsage"].columns
    latest: dict[str, dict[str, Any]] = {}
    months: set[str] = set()
    for row in map(lambda r: dict(zip(columns, r, strict=True)), first):
        months.add(row["Month"])
        assert row["AssignedSeats"] <= row["AvailableSeats"] and row["ActiveSeats"] <= row["AvailableSeats"]
        assert row["SubscriptionStartDate"] <= row["Month"] <= row["SubscriptionEndDate"]
        if row["Month"] == "2026-11-01":
            latest[row["SubscriptionId"]] = row
    assert len(months) == 24
    for row in map(lambda r: dict(zip(columns, r, strict=True)), first):
        newest = latest[row["SubscriptionId"]]
        for seats in ("AvailableSeats", "AssignedSeats", "ActiveSeats"):
            assert row[seats] <= newest[seats]


def test_earlier_months_differ_and_some_subscriptions_start_inside_the_window(data: ReportData) -> None:
    found = rows(
        data, "SELECT CustomerTenantId, WorkloadName, Month, PaidAvailableUnits FROM OfficeUsage TIMESPAN LIFETIME"
    )
    by_key: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for tenant, workload, month, paid in found:
        by_key[tenant, workload][month] = paid
    assert any(len(months) < 24 for months in by_key.values())  # started within the last 24 months
    assert any(len(set(months.values())) > 1 for months in by_key.values())  # figures move over time


# TIMESPAN, start and end


@pytest.mark.parametrize(("timespan", "count"), [("LAST_MONTH", 1), ("LAST_3_MONTHS", 3), ("LAST_6_MONTHS", 6)])
def test_a_timespan_reads_the_latest_months(data: ReportData, timespan: str, count: int) -> None:
    found = {month for (month,) in rows(data, f"SELECT DISTINCT Month FROM OfficeUsage TIMESPAN {timespan}")}
    assert sorted(found, reverse=True) == [f"2026-{11 - back:02d}-01" for back in range(count)]


def test_the_default_is_six_months_and_a_year_and_lifetime_reach_back(data: ReportData) -> None:
    assert len(rows(data, "SELECT DISTINCT Month FROM OfficeUsage")) == 6
    assert min(rows(data, "SELECT DISTINCT Month FROM OfficeUsage TIMESPAN LAST_1_YEAR")) == ("2025-12-01",)
    assert min(rows(data, "SELECT DISTINCT Month FROM OfficeUsage TIMESPAN LIFETIME")) == ("2024-12-01",)


def test_the_latest_month_is_the_one_before_now_across_a_year_end() -> None:
    assert latest_month(datetime(2027, 1, 1, 0, 0, tzinfo=UTC)).isoformat() == "2026-12-01"
    assert [m.text for m in months_in("LAST_3_MONTHS", datetime(2027, 1, 31, tzinfo=UTC), None, None)] == [
        "2026-12-01",
        "2026-11-01",
        "2026-10-01",
    ]


def test_start_and_end_override_the_timespan_with_the_months_they_overlap(data: ReportData) -> None:
    text = "SELECT DISTINCT Month FROM OfficeUsage TIMESPAN LAST_MONTH"
    window = {"start": datetime(2026, 3, 15, tzinfo=UTC), "end": datetime(2026, 5, 1, tzinfo=UTC)}
    assert sorted(rows(data, text, **window)) == [("2026-03-01",), ("2026-04-01",)]
    assert rows(data, text, start=datetime(2026, 12, 1, tzinfo=UTC)) == []  # no data for the current month yet
    assert len(rows(data, text, end=datetime(2030, 1, 1, tzinfo=UTC))) == 24


def test_daily_ranges_read_the_months_their_days_touch() -> None:
    assert months_in("TODAY", NOW, None, None) == ()
    early = datetime(2026, 12, 3, tzinfo=UTC)
    assert [m.text for m in months_in("LAST_7_DAYS", early, None, None)] == ["2026-11-01"]
    assert [m.text for m in months_in("LAST_90_DAYS", early, None, None)] == ["2026-11-01", "2026-10-01", "2026-09-01"]


# WHERE, DISTINCT, ORDER BY, LIMIT against references over the plain rows


@pytest.fixture(scope="module")
def office(data: ReportData) -> list[dict[str, Any]]:
    return as_dicts(data, every_column("OfficeUsage", "TIMESPAN LAST_3_MONTHS"))


def _selected(data: ReportData, where: str) -> list[dict[str, Any]]:
    return as_dicts(data, every_column("OfficeUsage", f"WHERE {where} TIMESPAN LAST_3_MONTHS"))


@pytest.mark.parametrize(
    ("where", "keep"),
    [
        ("PaidAvailableUnits = 60", lambda r: r["PaidAvailableUnits"] == 60),
        ("PaidAvailableUnits = '60'", lambda r: r["PaidAvailableUnits"] == 60),
        ("PaidAvailableUnits > 100.5", lambda r: r["PaidAvailableUnits"] > 100.5),
        ("PaidAvailableUnits < 10", lambda r: r["PaidAvailableUnits"] < 10),
        (
            "PaidAvailableUnits >= 200 AND MonthlyActiveUsers <= 50",
            lambda r: r["PaidAvailableUnits"] >= 200 and r["MonthlyActiveUsers"] <= 50,
        ),
        ("PaidAvailableUnits != 0", lambda r: r["PaidAvailableUnits"] != 0),
        ("WorkloadName = 'exchange'", lambda r: r["WorkloadName"] == "Exchange"),
        ("workloadname != 'EXCHANGE'", lambda r: r["WorkloadName"] != "Exchange"),
        ("CustomerName LIKE 'c%'", lambda r: r["CustomerName"].lower().startswith("c")),
        ("CustomerName LIKE '%ö%'", lambda r: "ö" in r["CustomerName"].lower()),
        ("CustomerName NOT LIKE '%Ltd'", lambda r: not r["CustomerName"].endswith("Ltd")),
        ("CustomerName LIKE '_afé%'", lambda r: r["CustomerName"].startswith("Café")),
        (
            "PaidAvailableUnits LIKE '1_'",
            lambda r: len(str(r["PaidAvailableUnits"])) == 2 and str(r["PaidAvailableUnits"])[0] == "1",
        ),
        ("WorkloadName IN ('Exchange', 'sharepoint')", lambda r: r["WorkloadName"] in ("Exchange", "SharePoint")),
        ("WorkloadName NOT IN ('Exchange')", lambda r: r["WorkloadName"] != "Exchange"),
        ("PaidAvailableUnits IN (1, 2, 3)", lambda r: r["PaidAvailableUnits"] in (1, 2, 3)),
        ("PaidAvailableUnits NOT IN (0)", lambda r: r["PaidAvailableUnits"] != 0),
        ("Month >= '2026-10-01'", lambda r: r["Month"] >= "2026-10-01"),
        ("Month = '2026-10-01T00:00:00Z'", lambda r: r["Month"] == "2026-10-01"),
        ("Month < '2026-10-01' AND Month > '2026-08-31'", lambda r: r["Month"] == "2026-09-01"),
        ("IsDuplicateRowForPGA = 'False'", lambda r: False),  # a value the column cannot hold matches nothing
        ("IsDuplicateRowForPGA != 'False'", lambda r: True),
        ("Month = 'yesterday'", lambda r: False),
        ("PaidAvailableUnits IN ('x', '60')", lambda r: r["PaidAvailableUnits"] == 60),  # strings are converted
    ],
)
def test_where_selects_what_the_reference_selects(
    data: ReportData, office: list[dict[str, Any]], where: str, keep: Any
) -> None:
    expected = [row for row in office if keep(row)]
    assert _selected(data, where) == expected


def test_the_where_cases_are_not_trivial(office: list[dict[str, Any]]) -> None:
    names = {row["CustomerName"] for row in office}
    assert any(name.startswith("Café") for name in names) and any("ö" in name for name in names)
    assert any(row["PaidAvailableUnits"] == 60 for row in office)


def test_distinct_drops_repeats_in_first_seen_order(data: ReportData, office: list[dict[str, Any]]) -> None:
    found = rows(data, "SELECT DISTINCT WorkloadName, Month FROM OfficeUsage TIMESPAN LAST_3_MONTHS")
    assert found == list(dict.fromkeys((row["WorkloadName"], row["Month"]) for row in office))
    assert len(found) == 9


def test_order_by_defaults_to_descending_and_sorts_key_by_key(data: ReportData, office: list[dict[str, Any]]) -> None:
    found = rows(data, "SELECT PaidAvailableUnits FROM OfficeUsage ORDER BY PaidAvailableUnits TIMESPAN LAST_3_MONTHS")
    assert found == sorted(((row["PaidAvailableUnits"],) for row in office), reverse=True)
    found = rows(
        data,
        "SELECT WorkloadName, CustomerName, PaidAvailableUnits FROM OfficeUsage "
        "ORDER BY WorkloadName ASC, PaidAvailableUnits DESC, CustomerName TIMESPAN LAST_3_MONTHS",
    )
    expected = sorted(office, key=lambda r: r["CustomerName"].casefold(), reverse=True)
    expected.sort(key=lambda r: r["PaidAvailableUnits"], reverse=True)
    expected.sort(key=lambda r: r["WorkloadName"].casefold())
    assert found == [(r["WorkloadName"], r["CustomerName"], r["PaidAvailableUnits"]) for r in expected]


def test_order_by_with_limit_keeps_the_first_rows_of_the_whole_order(
    data: ReportData, office: list[dict[str, Any]]
) -> None:
    select = "SELECT CustomerName, WorkloadName, PaidAvailableUnits, Month FROM OfficeUsage"
    order = "ORDER BY WorkloadName DESC, PaidAvailableUnits ASC, Month"
    whole = rows(data, f"{select} {order} TIMESPAN LAST_3_MONTHS")
    expected = sorted(office, key=lambda r: r["Month"], reverse=True)
    expected.sort(key=lambda r: r["PaidAvailableUnits"])
    expected.sort(key=lambda r: r["WorkloadName"].casefold(), reverse=True)
    assert whole == [(r["CustomerName"], r["WorkloadName"], r["PaidAvailableUnits"], r["Month"]) for r in expected]
    assert rows(data, f"{select} {order} LIMIT 25 TIMESPAN LAST_3_MONTHS") == whole[:25]


def test_order_by_a_column_not_selected(data: ReportData, office: list[dict[str, Any]]) -> None:
    found = rows(data, "SELECT CustomerName FROM OfficeUsage ORDER BY MonthlyActiveUsers ASC TIMESPAN LAST_3_MONTHS")
    assert found == [(r["CustomerName"],) for r in sorted(office, key=lambda r: r["MonthlyActiveUsers"])]


def test_order_by_a_metric(data: ReportData) -> None:
    found = rows(
        data, "SELECT CustomerName, TotalPaidAvailableUnits FROM OfficeUsage ORDER BY TotalPaidAvailableUnits LIMIT 5"
    )
    everything = rows(data, "SELECT CustomerName, TotalPaidAvailableUnits FROM OfficeUsage")
    assert found == sorted(everything, key=lambda row: row[1], reverse=True)[:5]


def test_limit_keeps_the_first_rows(data: ReportData, office: list[dict[str, Any]]) -> None:
    found = rows(data, "SELECT CustomerName, Month FROM OfficeUsage LIMIT 7 TIMESPAN LAST_3_MONTHS")
    assert found == [(r["CustomerName"], r["Month"]) for r in office[:7]]
    assert len(rows(data, "SELECT CustomerName FROM OfficeUsage LIMIT 2147483647 TIMESPAN LAST_3_MONTHS")) == len(
        office
    )


def test_a_dataset_without_rows_gives_none(data: ReportData) -> None:
    assert rows(data, "SELECT CustomerName, TotalSoldSeats FROM PowerBIUsage") == []
    assert rows(data, "SELECT TotalACR FROM AzureUsage WHERE TotalACR > 20000") == []
    result = data.evaluate(parse_query("SELECT UserCount, AppName FROM TeamsUsage3PApps TIMESPAN TODAY"), NOW)
    assert result.columns == ("UserCount", "AppName") and list(result.rows) == []


# Streaming


class CountingCustomers(CustomerList):
    """The world's customers, counting how many a walk has built."""

    built = 0

    def __iter__(self) -> Iterator[Customer]:
        for customer in super().__iter__():
            self.built += 1
            yield customer


def test_a_plain_query_streams_building_only_the_customers_it_reads() -> None:
    world = World(seed=7, size=1_000_000)
    counting = CountingCustomers(world.seed, world.size)
    world.customers = counting
    result = ReportData(world).evaluate(parse_query(every_column("OfficeUsage", "TIMESPAN LIFETIME")), NOW)
    assert inspect.isgenerator(result.rows)
    assert counting.built == 0  # nothing runs before the first row is asked for
    first = list(itertools.islice(result.rows, 1000))
    assert len(first) == 1000 and counting.built < 100
    limited = ReportData(world).evaluate(parse_query("SELECT Month FROM OfficeUsage LIMIT 10"), NOW)
    assert len(list(limited.rows)) == 10 and counting.built < 110


@settings(max_examples=80, deadline=None)
@given(query=queries(LICENSE_DATASETS))
def test_any_generated_query_evaluates_to_rows_of_its_columns(query: ReportQuery) -> None:
    result = ReportData(World(seed=11, size=12)).evaluate(query, NOW)
    assert result.columns == query.selected
    found = list(result.rows)
    assert all(len(row) == len(query.selected) for row in found)
    assert query.limit is None or len(found) <= query.limit
    if query.distinct or any(DATASETS[query.dataset].is_metric(name) for name in query.selected):
        assert len(set(found)) == len(found)


def _like_reference(pattern: str, text: str) -> bool:
    """LIKE by dynamic programming over (pattern prefix, text prefix), case-insensitively."""
    pattern, text = pattern.lower(), text.lower()
    matches = [True] + [False] * len(text)  # the empty pattern prefix against each text prefix
    for char in pattern:
        if char == "%":
            matches = list(itertools.accumulate(matches, lambda before, here: before or here))
        else:
            matches = [False] + [matches[i] and char in ("_", text[i]) for i in range(len(text))]
    return matches[-1]


@settings(max_examples=300, deadline=None)
@given(pattern=st.text(alphabet="ab%_.*", max_size=8), text=st.text(alphabet="abAB.*\n", max_size=10))
def test_like_matches_as_the_reference_does(pattern: str, text: str) -> None:
    assert (like(pattern).fullmatch(text) is not None) == _like_reference(pattern, text)


def test_a_pattern_of_many_percent_signs_stays_cheap(data: ReportData) -> None:
    pattern = "%a" * 40 + "%z"
    assert rows(data, f"SELECT CustomerName FROM OfficeUsage WHERE CustomerName LIKE '{pattern}'") == []
    assert like(pattern).fullmatch("a" * 2000) is None
