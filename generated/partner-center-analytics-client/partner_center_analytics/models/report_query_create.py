from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="ReportQueryCreate")


@_attrs_define
class ReportQueryCreate:
    """A query to save, in the report query language:
    `SELECT [DISTINCT] <column or metric>, ... FROM <dataset>
    [WHERE <cond> AND ...] [ORDER BY <column or metric> [ASC|DESC], ...]
    [LIMIT <n>] [TIMESPAN <range>]`, where a condition is
    `<column or metric> <operator> <value>` with the operators `=`, `>`,
    `<`, `>=`, `<=`, `!=`, `LIKE`, `NOT LIKE`, `IN`, `NOT IN`, a value is
    a number, a 'string' (a quote inside doubled) or a parenthesised list
    of either (lists only with `IN` and `NOT IN`). Keywords, names and
    string values are case-insensitive; `LIKE` takes `%` and `_`;
    `ORDER BY` sorts descending unless told; `LIMIT` is positive; the
    TIMESPAN must be one of the dataset's `availableDateRanges` and
    defaults to `LAST_6_MONTHS`. There is no `SELECT *`, no `OR` and no
    `GROUP BY`: metrics aggregate over the distinct combinations of the
    selected columns.

    Choices made where the docs disagree: their grammar's string literal
    (`' [a-zA-Z0-9_]*'`) forbids the spaces, `%`, `-` and `.` their own
    examples use, so any character but a lone quote is allowed; their
    partner grammar allows two conditions and two sort keys, their
    marketplace twin any number, and so does this spec. Keys are matched
    without regard to letter case, as ASP.NET binds them. A `Name` or
    `Query` of only whitespace counts as missing: a 400 ("Null or missing
    value").

        Attributes:
            name (str): A friendly name.
            query (str): The query text. The 4000-character limit is this spec's choice (the docs give none).
            description (str | Unset): What the query is for.
    """

    name: str
    query: str
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        query = self.query

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Name": name,
                "Query": query,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportQueryCreate", "an object", src_dict)
        name: Any = src_dict["Name"]
        if type(name) is not str and not isinstance(name, str):
            raise wrong_type("Name", "a string", name)

        query: Any = src_dict["Query"]
        if type(query) is not str and not isinstance(query, str):
            raise wrong_type("Query", "a string", query)

        description: Any = src_dict.get("Description", UNSET)
        if type(description) is not str and description is not UNSET and not isinstance(description, str):
            raise wrong_type("Description", "a string", description)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_query_create = object.__new__(cls)
        report_query_create.name = name
        report_query_create.query = query
        report_query_create.description = description
        if src_dict.keys() <= _KNOWN_KEYS:
            report_query_create.additional_properties = {}
        else:
            note_unknown_fields("ReportQueryCreate", src_dict.keys() - _KNOWN_KEYS)
            report_query_create.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_query_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_KNOWN_KEYS = frozenset(
    {
        "Name",
        "Query",
        "Description",
    }
)
