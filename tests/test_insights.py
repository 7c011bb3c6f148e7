"""The insight descriptors: each names the spec's operations and row fields; the CLI builds its commands from them."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from typer.testing import CliRunner

from pcinsights.cli import app
from pcinsights.insights import InsightKind, Scope
from tests._support import SPEC_PATH, operation_modules
from tools.specdoc import load_spec, object_view, operations, resolve_ref


def row_properties(operation_id: str, rows: str) -> set[str]:
    """The fields of one row of an operation's 200 body, whose array of rows is the property ``rows``."""
    spec = load_spec(SPEC_PATH)
    [operation] = [found for _, _, _, found in operations(spec) if found["operationId"] == operation_id]
    body = resolve_ref(spec, operation["responses"]["200"])["content"]["application/json"]["schema"]
    page, _ = object_view(spec, body)
    row, _ = object_view(spec, resolve_ref(spec, page[rows])["items"])
    return set(row)


def operation_id(call: Any) -> str:
    """The spec's ``operationId`` of a generated function (``asyncio`` or ``aiter_pages``)."""
    [found] = [name for name, module in operation_modules().items() if call.__module__ == module.__name__]
    return found


@pytest.mark.parametrize("kind", list(InsightKind))
def test_each_descriptor_reads_fields_its_operations_rows_have(kind: InsightKind) -> None:
    insight = kind.value
    partner = row_properties(operation_id(insight.partner), "items")
    customer = row_properties(operation_id(insight.customer), "items")
    licenses = row_properties(operation_id(insight.licenses), "Value")
    assert {*insight.chart.partner_labels, insight.chart.partner_percent} <= partner
    assert insight.chart.partner_weight is None or insight.chart.partner_weight in partner
    assert {insight.chart.customer_detail, insight.chart.customer_percent, "productName"} <= customer
    assert {insight.metrics.part, insight.metrics.whole} <= customer
    assert {insight.metrics.part, insight.metrics.whole, *insight.fields} <= licenses
    assert str(kind) in operation_id(insight.partner).lower()


def test_the_kinds_fetch_distinct_operations() -> None:
    calls = [call for kind in InsightKind for call in (kind.value.partner, kind.value.customer, kind.value.licenses)]
    assert len({operation_id(call) for call in calls}) == len(calls) == 3 * len(InsightKind)


@pytest.mark.parametrize("group", [[], ["customer"], ["licenses"]])
@pytest.mark.parametrize("kind", list(InsightKind))
def test_every_kind_has_a_command_in_each_group(kind: InsightKind, group: list[str]) -> None:
    result = CliRunner().invoke(app, [*group, str(kind), "--help"])
    assert result.exit_code == 0, result.output
    scope = {"customer": Scope.CUSTOMER, "licenses": Scope.LICENSES}.get(group[0] if group else "", Scope.PARTNER)
    assert kind.value.commands[scope].help.split()[0] in result.output


def test_a_descriptor_without_every_scope_is_refused() -> None:
    insight = InsightKind.USAGE.value
    titles: dict[Scope, str] = {
        scope: title for scope, title in insight.titles.items() if scope != Scope.EVERY_CUSTOMER
    }
    with pytest.raises(TypeError, match="titles must hold every scope"):
        attrs.evolve(insight, titles=titles)
    commands = {**insight.commands, Scope.EVERY_CUSTOMER: insight.commands[Scope.CUSTOMER]}
    with pytest.raises(TypeError, match="commands must hold the partner, customer and licenses commands"):
        attrs.evolve(insight, commands=commands)
