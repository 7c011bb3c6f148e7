"""The commercial operations' ``filter`` over real HTTP: generated filters select exactly the rows a reference
evaluation in this file selects, and bad filters are a 400 whose description points at the first error (any
junk: a 4xx, never a 5xx)."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from partner_center_analytics import AuthenticatedClient
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage

from pcinsights.emulator import RunningEmulator
from tests._support import USAGE_FIELDS, token_for

DEPLOYMENT_PATH = "/v1/analytics/commercial/deployment/license/"
USAGE_PATH = "/v1/analytics/commercial/usage/license/"
Row = dict[str, Any]


@pytest.fixture(scope="module")
def client(emulator: RunningEmulator) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=emulator.base_url, token=token_for(emulator)) as opened:
        yield opened


@pytest.fixture(scope="module")
def usage_rows(client: AuthenticatedClient) -> list[Row]:
    """Every usage row of the shared tenant (one page holds them all)."""
    page = get_licenses_usage.sync(client=client)
    assert page.next_link is None and page.total_count == len(page.value) > 50
    return [row.to_dict() for row in page.value]


@pytest.fixture(scope="module")
def deployment_rows(client: AuthenticatedClient) -> list[Row]:
    return [row.to_dict() for row in get_licenses_deployment.sync(client=client).value]


def selected(client: AuthenticatedClient, text: str) -> list[Row]:
    page = get_licenses_usage.sync(client=client, filter_=text)
    assert page.next_link is None
    return [row.to_dict() for row in page.value]


def _counted(rows: list[Row]) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(sorted(row.items())) for row in rows)


# The reference: a filter as a tree, rendered to text and evaluated here, independently of the emulator's parser.
@attrs.frozen
class Compare:
    field: str
    negated: bool
    value: str
    parenthesised: bool

    def matches(self, row: Row) -> bool:
        return (str(row[self.field]).casefold() == self.value.casefold()) != self.negated

    def text(self) -> str:
        quoted = "'" + self.value.replace("'", "''") + "'"
        body = f"{self.field} {'ne' if self.negated else 'eq'} {quoted}"
        return f"({body})" if self.parenthesised else body


@attrs.frozen
class Join:
    keyword: str  # "and" or "or"
    operands: tuple[Compare | Join, ...]
    parenthesised: bool

    def matches(self, row: Row) -> bool:
        results = (operand.matches(row) for operand in self.operands)
        return all(results) if self.keyword == "and" else any(results)

    def text(self) -> str:
        parts = []
        for operand in self.operands:
            part = operand.text()
            # An "or" inside an "and" needs its parentheses ("and" binds tighter); anything else may go without.
            if (
                isinstance(operand, Join)
                and operand.keyword == "or"
                and self.keyword == "and"
                and not operand.parenthesised
            ):
                part = f"({part})"
            parts.append(part)
        body = f" {self.keyword} ".join(parts)
        return f"({body})" if self.parenthesised else body


def _recase(value: str, how: int) -> str:
    return (value, value.upper(), value.lower(), value.swapcase())[how]


@st.composite
def values(draw: st.DrawFn, rows: list[Row], field: str) -> str:
    """A value the field holds (in any letter case), or arbitrary text with quotes, spaces and parentheses."""
    if draw(st.booleans()):
        return _recase(draw(st.sampled_from([row[field] for row in rows])), draw(st.integers(0, 3)))
    return draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12))


def filters(rows: list[Row], fields: list[str] = USAGE_FIELDS) -> st.SearchStrategy[Compare | Join]:
    def compare(field: str) -> st.SearchStrategy[Compare]:
        return st.builds(Compare, st.just(field), st.booleans(), values(rows, field), st.booleans())

    leaves = st.sampled_from(fields).flatmap(compare)
    return st.recursive(
        leaves,
        lambda inner: st.builds(
            Join,
            st.sampled_from(["and", "or"]),
            st.tuples(inner, inner) | st.tuples(inner, inner, inner),
            st.booleans(),
        ),
        max_leaves=6,
    )


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_filter_selects_exactly_the_rows_the_reference_selects(
    client: AuthenticatedClient, usage_rows: list[Row], data: st.DataObject
) -> None:
    tree = data.draw(filters(usage_rows))
    expected = [row for row in usage_rows if tree.matches(row)]
    assert _counted(selected(client, tree.text())) == _counted(expected)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_deployment_filter_selects_exactly_the_rows_the_reference_selects(
    client: AuthenticatedClient, deployment_rows: list[Row], data: st.DataObject
) -> None:
    tree = data.draw(filters(deployment_rows, USAGE_FIELDS[2:]))
    page = get_licenses_deployment.sync(client=client, filter_=tree.text())
    expected = [row for row in deployment_rows if tree.matches(row)]
    assert _counted([row.to_dict() for row in page.value]) == _counted(expected)


def test_the_docs_examples_select_case_insensitively(client: AuthenticatedClient, usage_rows: list[Row]) -> None:
    chosen = selected(client, "serviceCode eq 'O365' or (channel eq 'Reseller')")
    assert _counted(chosen) == _counted(
        [r for r in usage_rows if r["serviceCode"] == "o365" or r["channel"] == "reseller"]
    )
    assert 0 < len(chosen) < len(usage_rows)
    page = get_licenses_deployment.sync(client=client, filter_="serviceCode eq 'O365'")
    assert page.value and {row.service_code for row in page.value} == {"o365"}


def test_and_binds_tighter_than_or(client: AuthenticatedClient, usage_rows: list[Row]) -> None:
    a, b, c = "serviceCode eq 'crm'", "channel eq 'reseller'", "workloadCode eq 'EXO'"
    loose = selected(client, f"{a} or {b} and {c}")
    assert _counted(loose) == _counted(selected(client, f"{a} or ({b} and {c})"))
    assert _counted(loose) != _counted(selected(client, f"({a} or {b}) and {c}"))


def test_a_quote_inside_a_value_neither_breaks_nor_widens_the_filter(client: AuthenticatedClient) -> None:
    assert selected(client, "customerName eq 'O''Brien & Sons'' or ''x'' eq ''x'") == []
    assert selected(client, "customerName ne 'O''Brien' and customerName eq 'O''Brien'") == []


# (filter, 1-based character of the first error, what the description says)
BAD_FILTERS = [
    ("serviceCode gt 'o365'", 13, "expected eq or ne, found 'gt'"),
    ("serviceCode EQ 'o365'", 13, "expected eq or ne, found 'EQ'"),
    ("serviceCode eq o365", 16, "expected a value in single quotes, found 'o365'"),
    ("serviceCode eq null", 16, "expected a value in single quotes, found 'null'"),
    ("serviceCode eq 'o365", 16, "the quoted value is never closed"),
    ("serviceCode eq 'O''Brien''", 16, "the quoted value is never closed"),
    ("(serviceCode eq 'o365'", 23, "expected ')' for the '(' at character 1, found the end of the filter"),
    ("serviceCode eq 'o365')", 22, "this ')' closes no '('"),
    ("colour eq 'red'", 1, "unknown field 'colour'"),
    ("ServiceCode eq 'o365'", 1, "unknown field 'ServiceCode'"),
    ("channelcustomerTenantId eq 'x'", 1, "unknown field 'channelcustomerTenantId'"),
    ("serviceCode eq 'o365' xor channel eq 'x'", 23, "expected and, or or the end of the filter, found 'xor'"),
    ("serviceCode eq 'a' or or channel eq 'b'", 23, "expected a field name or '(', found 'or'"),
    ("serviceCode eq 'a' and", 23, "expected a field name or '(', found the end of the filter"),
    ("serviceCode eq 'a' and ()", 25, "expected a field name or '(', found ')'"),
    ("'o365' eq serviceCode", 1, "expected a field name or '(', found a quoted value"),
    ("contains(serviceCode, 'o')", 1, "unknown field 'contains'"),
    ("", 1, "the filter is empty"),
    ("(" * 33 + "serviceCode eq 'a'" + ")" * 33, 33, "parentheses nest deeper than 32"),
    ("x" * 1025, 1025, "the filter is longer than 1024 characters"),
]


@pytest.mark.parametrize(("text", "position", "says"), BAD_FILTERS)
def test_a_bad_filter_is_a_400_pointing_at_the_first_error(
    emulator: RunningEmulator, plain_http: httpx.Client, text: str, position: int, says: str
) -> None:
    response = plain_http.get(
        emulator.base_url + USAGE_PATH,
        params={"filter": text},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    assert response.status_code == 400
    assert response.json()["description"].startswith(f"Invalid property: filter: at character {position}: {says}")


def test_a_usage_field_is_unknown_to_deployment(emulator: RunningEmulator, plain_http: httpx.Client) -> None:
    response = plain_http.get(
        emulator.base_url + DEPLOYMENT_PATH,
        params={"filter": "workloadCode eq 'EXO'"},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    assert response.status_code == 400
    assert "at character 1: unknown field 'workloadCode'" in response.json()["description"]


def test_nesting_up_to_the_limit_parses(client: AuthenticatedClient, usage_rows: list[Row]) -> None:
    text = "(" * 32 + "workloadCode eq 'exo'" + ")" * 32
    assert _counted(selected(client, text)) == _counted([r for r in usage_rows if r["workloadCode"] == "EXO"])


@pytest.mark.parametrize("length", [1025, 20_000, 40_000])
def test_an_absurdly_long_filter_is_a_4xx(emulator: RunningEmulator, plain_http: httpx.Client, length: int) -> None:
    response = plain_http.get(
        emulator.base_url + USAGE_PATH,
        params={"filter": ("serviceCode eq 'o365' or " * length)[:length]},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    assert 400 <= response.status_code < 500


FILTER_ALPHABET = string.ascii_letters + "()' ,=\t\\\"%&" + "éß\u0130\x00"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=FILTER_ALPHABET, max_size=80)
    | st.lists(st.sampled_from(["(", ")", "'", "''", " ", "and", "or", "eq", "ne", "channel", "'o365'", "x"])).map(
        "".join
    )
    | st.text(max_size=40)
)
def test_any_filter_text_is_a_200_or_a_400(emulator: RunningEmulator, plain_http: httpx.Client, text: str) -> None:
    response = plain_http.get(
        emulator.base_url + USAGE_PATH,
        params={"filter": text},
        headers={"Authorization": f"Bearer {token_for(emulator)}"},
    )
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert "at character " in response.json()["description"]
