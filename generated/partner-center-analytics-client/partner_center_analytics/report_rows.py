"""The typed rows of the reports API's datasets: per dataset, its row model, columns, metrics and their JSON types.

Written by ``make generate`` from the spec's ``x-pcinsights-report-rows`` (tools/reportrows.py). A report file's
header names the columns and metrics its query selected; ``types`` says how to read each cell (``"string"``,
``"integer"``, ``"number"``, ``"boolean"``), ``nullable`` which may be empty (None), and ``model.from_dict`` builds
the row from the spec's names. A dataset
not listed here has no typed rows (its rows are plain mappings).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Generic, Literal, TypeVar

__all__ = (
    "JsonType",
    "REPORT_ROWS",
    "report_rows",
    "ReportRowSchema",
)

RowT = TypeVar("RowT")
JsonType = Literal["string", "integer", "number", "boolean"]


@dataclass(frozen=True)
class ReportRowSchema(Generic[RowT]):
    """One dataset's typed rows: the model of a row, its columns, its metrics, each one's JSON type."""

    dataset: str  # the dataset's name, as the spec spells it
    model: type[RowT]
    columns: tuple[str, ...]  # what a query may select and group by, in the spec's order
    metrics: tuple[str, ...]  # what a query aggregates, in the spec's order
    types: Mapping[str, JsonType]  # every column's and metric's JSON type
    nullable: frozenset[str]  # the columns and metrics that may be null: an empty cell reads as None


REPORT_ROWS: Final[Mapping[str, ReportRowSchema[Any]]] = MappingProxyType({})
_BY_NAME = {name.lower(): rows for name, rows in REPORT_ROWS.items()}


def report_rows(dataset: str) -> ReportRowSchema[Any] | None:
    """The typed rows of ``dataset``, named in any letter case (as queries name it); None when its rows are plain."""
    return _BY_NAME.get(dataset.lower())
