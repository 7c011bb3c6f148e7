"""The filter builder against the emulator's parser: any value, quotes and all, is one literal that neither breaks
nor widens a query (over real HTTP, and through the parser in-process for any text), and ``&``/``|`` keep the
meaning their Python precedence gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from partner_center_analytics import AuthenticatedClient, Filter, FilterError
from partner_center_analytics import Filter as F
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage

from pcinsights.emulator import EmulatorConfig, RunningEmulator, run_in_background
from pcinsights.emulator.commercial import DEPLOYMENT_FIELDS
from pcinsights.emulator.odata_filter import AllOf, AnyOf, Comparison, Expression, parse_filter
from tests._support import token_for

Row = dict[str, Any]


@pytest.fixture(scope="module")
def tenant() -> Iterator[RunningEmulator]:
    with run_in_background(EmulatorConfig(seed=5, customers=80)) as running:
        yield running


@pytest.fixture(scope="module")
def client(tenant: RunningEmulator) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=tenant.base_url, token=token_for(tenant)) as opened:
        yield opened


@pytest.fixture(scope="module")
def every_row(client: AuthenticatedClient) -> list[Row]:
    return [row.to_dict() for row in get_licenses_deployment.iter_rows(client=client)]


def deployment(client: AuthenticatedClient, query: str) -> list[Row]:
    return [row.to_dict() for row in get_licenses_deployment.iter_rows(client=client, filter_=query)]


def test_quotes_inside_a_value_are_doubled() -> None:
    assert F.eq("customerName", "O'Brien & Sons") == "customerName eq 'O''Brien & Sons'"
    assert F.ne("productName", "''") == "productName ne ''''''"
    assert isinstance(F.eq("channel", "reseller"), str)


def test_and_binds_tighter_so_an_or_inside_an_and_is_parenthesised() -> None:
    a, b, c = F.eq("channel", "a"), F.eq("channel", "b"), F.eq("serviceCode", "c")
    assert (a | b) & c == "(channel eq 'a' or channel eq 'b') and serviceCode eq 'c'"
    assert a & b | c == "channel eq 'a' and channel eq 'b' or serviceCode eq 'c'"
    assert a | b & c == "channel eq 'a' or channel eq 'b' and serviceCode eq 'c'"
    assert (
        c & (a | b) & (a | b)
        == "serviceCode eq 'c' and (channel eq 'a' or channel eq 'b') and (channel eq 'a' or channel eq 'b')"
    )
    assert F.any_of("channel", ["a", "b"]) == a | b


def _tree(expression: Expression) -> Any:
    """The parsed tree as nested tuples, ``and``/``or`` flattened as the parser does."""
    if isinstance(expression, Comparison):
        return (expression.field, expression.negated, expression.value)
    return (type(expression).__name__, tuple(_tree(operand) for operand in expression.operands))


@given(st.text(max_size=60), st.text(max_size=60), st.booleans())
def test_any_value_parses_back_to_itself(first: str, second: str, negated: bool) -> None:
    built = (F.ne if negated else F.eq)("customerName", first) & (F.eq("channel", second) | F.eq("channel", first))
    tree = parse_filter(built, DEPLOYMENT_FIELDS)
    assert isinstance(tree, AllOf)
    expected = (
        "AllOf",
        (
            ("customerName", negated, first.casefold()),
            ("AnyOf", (("channel", False, second.casefold()), ("channel", False, first.casefold()))),
        ),
    )
    assert _tree(tree) == expected
    assert isinstance(tree.operands[1], AnyOf)


def test_a_name_with_quotes_neither_breaks_nor_widens_a_query(
    client: AuthenticatedClient, every_row: list[Row]
) -> None:
    assert deployment(client, F.eq("customerName", "O'Brien & Sons")) == []
    widening = "x' or customerName ne 'x"
    assert deployment(client, F.eq("customerName", widening)) == []
    assert deployment(client, F.ne("customerName", widening)) == every_row
    # What the builder prevents: the same value pasted into the text matches every row.
    assert deployment(client, f"customerName eq '{widening}'") == every_row


def test_real_names_with_ampersands_and_accents_match_exactly(
    client: AuthenticatedClient, every_row: list[Row]
) -> None:
    names = sorted(
        {row["customerName"] for row in every_row if "&" in row["customerName"] or not row["customerName"].isascii()}
    )
    assert names, "the seeded tenant has such names"
    for name in names[:3]:
        expected = [row for row in every_row if row["customerName"] == name]
        assert deployment(client, F.eq("customerName", name.upper())) == expected


def test_combined_filter_selects_what_it_says(client: AuthenticatedClient, every_row: list[Row]) -> None:
    tenant_id = UUID(every_row[0]["customerTenantId"])  # a UUID value; its str is lower case, compared without case
    query = F.eq("customerTenantId", tenant_id) & (F.eq("channel", "reseller") | F.ne("serviceCode", "o365"))
    expected = [
        row
        for row in every_row
        if UUID(row["customerTenantId"]) == tenant_id and (row["channel"] == "reseller" or row["serviceCode"] != "o365")
    ]
    assert deployment(client, query) == expected
    assert expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=st.sampled_from("'ab &()\"or eqn"), max_size=20))
def test_generated_values_over_http_match_exactly_the_equal_rows(client: AuthenticatedClient, value: str) -> None:
    rows = [row.to_dict() for row in get_licenses_usage.iter_rows(client=client, filter_=F.eq("workloadCode", value))]
    assert all(row["workloadCode"].casefold() == value.casefold() for row in rows)


@pytest.mark.parametrize("field", ["", "customer name", "eq", "a'b", "x" * 101, "1abc", None])
def test_a_field_that_is_no_name_is_a_typed_error(field: Any) -> None:
    with pytest.raises(FilterError, match="not a field name"):
        F.eq(field, "x")


@pytest.mark.parametrize("value", [1, None, b"bytes", ["x"]])
def test_a_value_that_is_no_text_is_a_typed_error(value: Any) -> None:
    with pytest.raises(FilterError, match="must be a str or UUID"):
        Filter.ne("channel", value)


def test_combining_with_plain_text_is_refused() -> None:
    with pytest.raises(TypeError):
        F.eq("channel", "x") & "channel eq 'y'"  # type: ignore[operator]
    with pytest.raises(FilterError, match="at least one"):
        F.any_of("channel", [])
