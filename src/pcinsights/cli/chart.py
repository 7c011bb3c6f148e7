"""--format chart: one bar per service, product or customer, so unused licenses stand out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from rich.console import Console
from rich.text import Text

from pcinsights.cli.fetch import InsightView, Row
from pcinsights.insights import Insight, Scope

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL, EMPTY = "█", "░"
MIN_LABEL, MIN_BAR, MAX_BAR = 16, 20, 50
# A commercial row's label: each dimension by name, else by code (a row grouped by ids has only the codes).
_LABELS = (
    ("customerName", "customerTenantId"),
    ("productName", "productId"),
    ("workloadName", "workloadCode"),
    ("serviceName", "serviceCode"),
    ("channel", "channel"),
)


def named_groups(group_by: str, fields: tuple[str, ...]) -> str:
    """``group_by`` with each grouped code's name field added where the query offers it, so that a chart of rows
    grouped by ids (``customerTenantId``) is labelled by names: a name goes with its code, so the rows are the same."""
    grouped = {field.strip() for field in group_by.split(",")}
    names = [name for name, code in _LABELS if code in grouped and name not in grouped and name in fields]
    return ",".join([group_by, *names])


@attrs.frozen
class Bar:
    label: str
    fraction: float | None
    note: str = ""
    weight: float = 0.0


def bars(view: InsightView, rows: list[Row], most: int) -> list[Bar]:
    """The bars for a view, the ``most`` largest by licenses; all of them when the rows have no counts."""
    found = _BUILDERS[view.scope](view.kind.value, rows)
    if not any(bar.weight for bar in found):
        return found
    return sorted(found, key=lambda bar: -bar.weight)[:most]


def render(view: InsightView, found: list[Bar], console: Console) -> None:
    measure = view.kind.value.metrics.measure
    console.print(Text(f"{view.title}: percent of licenses {measure}", style="bold"))
    if not found:
        console.print("no rows")
        return
    note_width = max(len(bar.note) for bar in found)
    room = console.width - note_width - 12  # gaps and the percent column
    label_width = min(max(len(bar.label) for bar in found), max(MIN_LABEL, room - MIN_BAR))
    width = max(MIN_BAR, min(MAX_BAR, room - label_width))
    for bar in found:
        line = Text(_clip(bar.label, label_width).ljust(label_width) + "  ")
        line.append_text(_bar(bar.fraction, width))
        line.append(f"  {_percent(bar.fraction):>6}")
        if bar.note:
            line.append(f"  {bar.note:>{note_width}}", style="dim")
        console.print(line, no_wrap=True, overflow="ellipsis")
    console.print(Text(f"{FULL} {measure}  {EMPTY} not {measure}", style="dim"))


def _bar(fraction: float | None, width: int) -> Text:
    if fraction is None:
        return Text(" " * width)
    cells = max(0.0, min(1.0, fraction)) * width
    whole, eighths = int(cells), round((cells - int(cells)) * 8)
    if eighths == 8:
        whole, eighths = whole + 1, 0
    filled = FULL * whole + (EIGHTHS[eighths] if eighths else "")
    style = "red" if fraction < 0.5 else "yellow" if fraction < 0.8 else "green"
    return Text(filled, style=style) + Text(EMPTY * (width - len(filled)), style="dim")


def _percent(fraction: float | None) -> str:
    return "n/a" if fraction is None else f"{fraction * 100:.1f}%"


def _clip(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _join(*parts: Any) -> str:
    return " · ".join(str(part) for part in parts if part) or "(unnamed)"


def _ratio(part: Any, whole: Any) -> float | None:
    return part / whole if isinstance(part, int) and isinstance(whole, int) and whole > 0 else None


def _count(row: Row, key: str) -> int:
    value = row.get(key)
    return value if isinstance(value, int) else 0


def _per_service(insight: Insight, rows: list[Row]) -> list[Bar]:
    """One bar per partner row; ranked by its count where the rows have one."""
    chart = insight.chart
    return [
        Bar(
            _join(*(row.get(name) for name in chart.partner_labels)),
            row.get(chart.partner_percent),
            f"{_count(row, chart.partner_weight):,} {chart.partner_weight_word}" if chart.partner_weight else "",
            _count(row, chart.partner_weight) if chart.partner_weight else 0.0,
        )
        for row in rows
    ]


def _per_product(insight: Insight, rows: list[Row]) -> list[Bar]:
    """One bar per row of one customer: the share of its ``whole`` licenses that are ``part``."""
    chart, metrics = insight.chart, insight.metrics
    part, whole = metrics.part, metrics.whole
    return [
        Bar(
            _join(row.get("productName"), row.get(chart.customer_detail)),
            _first(row.get(chart.customer_percent), _ratio(row.get(part), row.get(whole))),
            f"{_count(row, part):,} of {_count(row, whole):,} {metrics.verb}",
            _count(row, whole),
        )
        for row in rows
    ]


def _per_customer(insight: Insight, rows: list[Row]) -> list[Bar]:
    """Sum each customer's products: the share of ``whole`` licenses that are ``part``."""
    metrics = insight.metrics
    names: dict[str, str] = {}
    totals: dict[str, list[int]] = {}
    for row in rows:
        key = str(row.get("customerId"))
        names.setdefault(key, row.get("customerName") or key)
        sums = totals.setdefault(key, [0, 0])
        sums[0] += _count(row, metrics.part)
        sums[1] += _count(row, metrics.whole)
    return [
        Bar(names[key], _ratio(done, total), f"{done:,} of {total:,} {metrics.verb}", total)
        for key, (done, total) in totals.items()
    ]


def _per_row(insight: Insight, rows: list[Row]) -> list[Bar]:
    """One bar per commercial row, whatever it is grouped by: the share of its ``whole`` licenses that are ``part``."""
    metrics = insight.metrics
    part, whole = metrics.part, metrics.whole
    return [
        Bar(
            _join(*(row.get(name) or row.get(code) for name, code in _LABELS)),
            _ratio(row.get(part), row.get(whole)),
            f"{_count(row, part):,} of {_count(row, whole):,} {metrics.verb}",
            _count(row, whole),
        )
        for row in rows
    ]


def _first(*values: Any) -> float | None:
    return next((value for value in values if isinstance(value, int | float)), None)


# One builder per scope; what it reads of the rows comes from the kind's descriptor.
_BUILDERS: dict[Scope, Callable[[Insight, list[Row]], list[Bar]]] = {
    Scope.PARTNER: _per_service,
    Scope.CUSTOMER: _per_product,
    Scope.EVERY_CUSTOMER: _per_customer,
    Scope.LICENSES: _per_row,
}
