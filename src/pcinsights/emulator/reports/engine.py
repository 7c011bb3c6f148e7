"""What the reports API needs of the query language and the datasets, in one place: parse a query, evaluate it,
list the datasets and the system queries (``query`` and ``datasets`` do the work; ``standard_engine`` joins them).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from pcinsights.emulator.world import World


class DatasetInfo(Protocol):
    """A dataset as the datasets operation lists it."""

    @property
    def name(self) -> str: ...
    @property
    def columns(self) -> Sequence[str]: ...
    @property
    def metrics(self) -> Sequence[str]: ...
    @property
    def date_ranges(self) -> Sequence[str]: ...
    @property
    def minimum_recurrence_interval(self) -> int: ...


class SystemQueryInfo(Protocol):
    """A predefined query, with its documented id."""

    @property
    def query_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def query(self) -> str: ...


class QueryRejected(Exception):
    """A query the language refuses; its text is the 400's message."""


Rows = tuple[Sequence[str], Iterator[Sequence[object]]]


@attrs.frozen
class Engine:
    """``parse`` (raising ``QueryRejected``) gives an opaque parsed query and its dataset's name; ``evaluate``
    gives the columns and an iterator of rows for it at ``now``, within the optional start and end."""

    parse: Callable[[str], tuple[Any, str]]
    evaluate: Callable[[Any, datetime.datetime, datetime.datetime | None, datetime.datetime | None], Rows]
    datasets: Mapping[str, DatasetInfo]
    system_queries: Sequence[SystemQueryInfo]


def standard_engine(world: World) -> Engine:
    """The emulator's own: the query language of ``query`` over the datasets of ``datasets`` for ``world``."""
    from pcinsights.emulator.reports.datasets import DATASETS, SYSTEM_QUERIES, ReportData
    from pcinsights.emulator.reports.query import ReportQueryError, parse_query

    data = ReportData(world)

    def parse(text: str) -> tuple[Any, str]:
        try:
            parsed = parse_query(text)
        except ReportQueryError as error:
            raise QueryRejected(str(error)) from None
        return parsed, str(parsed.dataset)

    def evaluate(
        parsed: Any, now: datetime.datetime, start: datetime.datetime | None, end: datetime.datetime | None
    ) -> Rows:
        result = data.evaluate(parsed, now, start=start, end=end)
        return tuple(result.columns), iter(result.rows)

    return Engine(parse, evaluate, DATASETS, tuple(SYSTEM_QUERIES))
