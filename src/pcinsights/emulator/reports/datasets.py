"""The datasets' rows: ``ReportData(world).evaluate(query, now)`` runs a parsed query over the world's records.

The catalogue itself (``DATASETS``, ``SYSTEM_QUERIES``) is defined in ``definitions`` and offered here too, so the
reports API reads everything about datasets from this module. Evaluation, step by step:

- Months: the latest month is the one before ``now``'s; TIMESPAN picks the latest 1, 3, 6, 12 or 24 (LIFETIME)
  months, LAST_6_MONTHS when it is absent; a daily range (TODAY, LAST_7_DAYS, ...) picks the months overlapping
  those days. ``start`` / ``end`` (try's startTime/endTime, a report's QueryStartTime/QueryEndTime) override it:
  the months overlapping [start, end).
- WHERE values are converted to the column's type ("the values can always be given as a literal string"). A value
  the type cannot hold equals nothing, so ``=``, ``<``, ``IN`` ... are false and ``!=``, ``NOT IN`` true (an
  out-of-range filter value gives an empty result, not an error: FAQ). Text compares case-insensitively; LIKE
  reads ``%`` as any run of characters and ``_`` as one, over the value's text.
- A metric anywhere in the query makes each row one distinct combination of the selected columns, with the metrics
  over its records (sums for ``Total…``, distinct counts for ``…Count``); WHERE on a metric filters those rows.
  Without metrics each record is a row, and DISTINCT drops repeats.
- ORDER BY (default DESC) sorts by each key in turn; text case-insensitively.

Rows stream: with no metric, DISTINCT or ORDER BY, nothing is held but the record at hand, and LIMIT stops the
walk over the customers early. Otherwise the matching rows (or combinations) are held to be sorted or counted.
Nothing runs until the rows are read.
"""

from __future__ import annotations

import heapq
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs

from pcinsights.emulator.reports.definitions import (
    DATASETS,
    DEFAULT_RANGE,
    SYSTEM_QUERIES,
    ColumnType,
    Dataset,
    SystemQuery,
)
from pcinsights.emulator.reports.query import Condition, Literal, ReportQuery
from pcinsights.emulator.reports.records import Month, Records, months_kept, shift
from pcinsights.emulator.world import World

# What the reports API reads from here: the datasets and system queries (defined in ``definitions``) and the rows.
__all__ = ["DATASETS", "SYSTEM_QUERIES", "Dataset", "ReportData", "ReportResult", "SystemQuery"]

Row = tuple[object, ...]
Predicate = Callable[[Sequence[object]], bool]

_MONTHS_IN_RANGE = {"LAST_MONTH": 1, "LAST_3_MONTHS": 3, "LAST_6_MONTHS": 6, "LAST_1_YEAR": 12, "LIFETIME": 24}
_DAYS_IN_RANGE = {"LAST_7_DAYS": 7, "LAST_14_DAYS": 14, "LAST_30_DAYS": 30, "LAST_90_DAYS": 90}
_DAYS_IN_RANGE |= {"LAST_180_DAYS": 180, "LAST_365_DAYS": 365}
_NUMBER = re.compile(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*")
_DATE = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ][0-9:.]*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?\s*")


@attrs.frozen
class ReportResult:
    """The header (selected names, in the dataset's spelling) and the rows, read once."""

    columns: tuple[str, ...]
    rows: Iterator[Row]


def latest_month(now: datetime) -> date:
    """The first day of the month before ``now``'s: the newest month with data."""
    return shift(date(now.year, now.month, 1), -1)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def months_in(timespan: str | None, now: datetime, start: datetime | None, end: datetime | None) -> tuple[Month, ...]:
    """The months a query reads, newest first."""
    now = _utc(now)
    kept = months_kept(latest_month(now))
    if start is None and end is None:
        span = timespan or DEFAULT_RANGE
        if span in _MONTHS_IN_RANGE:
            return kept[: _MONTHS_IN_RANGE[span]]
        today = _midnight(now.date())
        if span == "TODAY":
            start, end = today, now
        elif span == "YESTERDAY":
            start, end = today - timedelta(days=1), today
        else:
            start, end = today - timedelta(days=_DAYS_IN_RANGE[span]), today
    low = datetime.min.replace(tzinfo=UTC) if start is None else _utc(start)
    high = now if end is None else _utc(end)
    return tuple(
        month for month in kept if _midnight(month.first_day) < high and _midnight(shift(month.first_day, 1)) > low
    )


class ReportData:
    """The report rows of one world."""

    def __init__(self, world: World) -> None:
        self.world = world

    def evaluate(
        self, query: ReportQuery, now: datetime, start: datetime | None = None, end: datetime | None = None
    ) -> ReportResult:
        dataset = DATASETS[query.dataset]
        months = months_in(query.timespan, now, start, end)
        records = Records(self.world, dataset, months, latest_month(_utc(now)))
        return ReportResult(query.selected, _rows(query, dataset, records))


def _rows(query: ReportQuery, dataset: Dataset, records: Iterable[Row]) -> Iterator[Row]:
    """The query's rows: a generator, so nothing is read before the first row is asked for."""
    metrics = [name for name in _used(query) if dataset.is_metric(name)]
    if metrics:
        rows, names = _aggregated(query, dataset, records, list(dict.fromkeys(metrics)))
    else:
        names = list(dataset.fields)
        rows = _filtered(records, query.conditions, dataset, names)
        if query.distinct:
            rows = iter(dict.fromkeys(map(_projection(names, query.selected), rows)))
            names = list(query.selected)
    if query.order:
        key = _order_key(query, dataset, names)
        # With LIMIT n only the n first rows are kept while reading: nsmallest is sorted(...)[:n], stable too.
        rows = iter(sorted(rows, key=key) if query.limit is None else heapq.nsmallest(query.limit, rows, key=key))
    if names != list(query.selected):
        rows = map(_projection(names, query.selected), rows)
    if query.limit is not None:
        rows = itertools.islice(rows, query.limit)
    yield from rows


def _used(query: ReportQuery) -> list[str]:
    return [*query.selected, *(c.name for c in query.conditions), *(key.name for key in query.order)]


def _projection(names: Sequence[str], chosen: Sequence[str]) -> Callable[[Sequence[object]], Row]:
    indices = [names.index(name) for name in chosen]
    if len(indices) == 1:
        only = indices[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*indices)  # a tuple for two or more indices


def _filtered(
    rows: Iterable[Row], conditions: Iterable[Condition], dataset: Dataset, names: list[str]
) -> Iterator[Row]:
    predicates = [_predicate(c, names.index(c.name), dataset.types[c.name]) for c in conditions if c.name in names]
    if not predicates:
        return iter(rows)
    keep = predicates[0]
    for other in predicates[1:]:
        keep = _both(keep, other)
    return filter(keep, rows)


def _aggregated(
    query: ReportQuery, dataset: Dataset, records: Iterable[Row], metrics: list[str]
) -> tuple[Iterator[Row], list[str]]:
    """One row per combination of the selected columns: those columns, then every metric the query names."""
    fields = list(dataset.fields)
    columns = [name for name in query.selected if not dataset.is_metric(name)]
    column_conditions = [c for c in query.conditions if not dataset.is_metric(c.name)]
    key = _projection(fields, columns) if columns else (lambda row: ())
    rules = [dataset.metric_rules[name] for name in metrics]
    # A sum over no column (revenue: the tenant has no prices) stays 0.0.
    summed = [
        (position, fields.index(rule.source))
        for position, rule in enumerate(rules)
        if rule.kind == "sum" and rule.source
    ]
    counted = [
        (position, fields.index(rule.source))
        for position, rule in enumerate(rules)
        if rule.kind == "count" and rule.source
    ]
    start: list[float | int] = [0 if rule.source else 0.0 for rule in rules]
    groups: dict[Row, tuple[list[float | int], list[set[object]]]] = {}
    for record in _filtered(records, column_conditions, dataset, fields):
        group = key(record)
        found = groups.get(group)
        if found is None:
            found = groups[group] = (start.copy(), [set() for _ in counted])
        sums, distinct = found
        for position, source in summed:
            sums[position] += record[source]  # type: ignore[operator]
        for slot, (_, source) in enumerate(counted):
            distinct[slot].add(record[source])
    for sums, distinct in groups.values():
        for slot, (position, _) in enumerate(counted):
            sums[position] = len(distinct[slot])
    rows = ((*group, *sums) for group, (sums, _) in groups.items())
    metric_conditions = [c for c in query.conditions if dataset.is_metric(c.name)]
    return _filtered(rows, metric_conditions, dataset, columns + metrics), columns + metrics


class _Descending:
    """A sort key that orders its value the other way round (for text; numbers are negated instead)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and self.value == other.value

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.value < self.value)

    __hash__ = None  # type: ignore[assignment]  # a sort key only


def _order_key(query: ReportQuery, dataset: Dataset, names: list[str]) -> Callable[[Row], tuple[Any, ...]]:
    """One key for every ORDER BY column: text case-folded, descending keys reversed, ties in reading order."""
    parts = [
        _order_part(
            names.index(order.name),
            dataset.types[order.name] in (ColumnType.STRING, ColumnType.DATE),
            order.descending,
        )
        for order in query.order
    ]
    return lambda row: tuple(part(row) for part in parts)


def _order_part(index: int, text: bool, descending: bool) -> Callable[[Row], Any]:
    if text and descending:
        return lambda row: _Descending(str(row[index]).casefold())
    if text:
        return lambda row: str(row[index]).casefold()
    if descending:
        return lambda row: -row[index]  # type: ignore[operator]  # a number
    return lambda row: row[index]


# Pairwise closures: several times faster per row than all() over a generator.
def _both(first: Predicate, second: Predicate) -> Predicate:
    return lambda row: first(row) and second(row)


def like(pattern: str) -> re.Pattern[str]:
    """LIKE's pattern as a regular expression to ``fullmatch``: ``%`` any run of characters, ``_`` one, any case.

    Each piece between two ``%`` is placed at its earliest fit, inside an atomic group that is never revisited
    (the earliest fit always leaves the most room for the rest), so a pattern of many ``%`` costs text length
    times pattern length, never the exponential backtracking of ``.*a.*a.*a...``.
    """
    pieces = ["".join("." if char == "_" else re.escape(char) for char in piece) for piece in pattern.split("%")]
    if len(pieces) == 1:
        text = pieces[0]
    else:
        text = pieces[0] + "".join(f"(?>.*?{piece})" for piece in pieces[1:-1]) + ".*" + pieces[-1]
    return re.compile(text, re.IGNORECASE | re.DOTALL)


def _converted(literal: Literal, kind: ColumnType) -> object | None:
    """The literal as the column's type; None when the type cannot hold it."""
    if kind is ColumnType.STRING:
        return literal.text.casefold()
    if kind is ColumnType.DATE:
        match = _DATE.fullmatch(literal.text)
        if match is None:
            return None
        try:
            return date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
    match = _NUMBER.fullmatch(literal.text)
    return None if match is None else float(match.group(1))


_COMPARE: dict[str, Callable[[Any, Any], object]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
}


def _predicate(condition: Condition, index: int, kind: ColumnType) -> Predicate:
    op, value = condition.operator, condition.value
    if op in ("LIKE", "NOT LIKE"):
        assert isinstance(value, Literal)
        pattern = like(value.text)
        wanted = op == "LIKE"
        return lambda row: (pattern.fullmatch(str(row[index])) is not None) == wanted
    text = kind is ColumnType.STRING
    if op in ("IN", "NOT IN"):
        assert isinstance(value, tuple)
        members = frozenset(found for found in (_converted(item, kind) for item in value) if found is not None)
        if text:
            if op == "IN":
                return lambda row: str(row[index]).casefold() in members
            return lambda row: str(row[index]).casefold() not in members
        if op == "IN":
            return lambda row: row[index] in members
        return lambda row: row[index] not in members
    assert isinstance(value, Literal)
    wanted_value = _converted(value, kind)
    if wanted_value is None:
        unequal = op == "!="
        return lambda row: unequal
    compare = _COMPARE[op]
    if text:
        return lambda row: bool(compare(str(row[index]).casefold(), wanted_value))
    return lambda row: bool(compare(row[index], wanted_value))
