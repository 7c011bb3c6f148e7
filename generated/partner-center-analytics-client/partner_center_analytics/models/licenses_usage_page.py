from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="LicensesUsagePage")


@_attrs_define
class LicensesUsagePage:
    """One page of usage rows (`Value`, `@nextLink`, `TotalCount`; the docs' usage example has only `Value`).

    Attributes:
        value (list[LicensesUsageRow]):
        next_link (None | str | Unset): The next page: the same query with the next `skip`, as an absolute URL or one
            relative to the base URL (the docs never show one). Null or absent on the last page.
        total_count (int | Unset): How many rows the query matches over all pages (a choice: the docs do not say; in
            every example it equals the rows shown). Absent from the docs' usage example.
    """

    value: list[LicensesUsageRow]
    next_link: None | str | Unset = UNSET
    total_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = []
        for value_item_data in self.value:
            value_item = value_item_data.to_dict()
            value.append(value_item)

        next_link: None | str | Unset
        if isinstance(self.next_link, Unset):
            next_link = UNSET
        else:
            next_link = self.next_link

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Value": value,
            }
        )
        if next_link is not UNSET:
            field_dict["@nextLink"] = next_link
        if total_count is not UNSET:
            field_dict["TotalCount"] = total_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("LicensesUsagePage", "an object", src_dict)
        value: Any = src_dict["Value"]
        if type(value) is not list:
            raise wrong_type("Value", "an array", value)
        value = [LicensesUsageRow.from_dict(item) for item in value]

        next_link: Any = src_dict.get("@nextLink", UNSET)
        if (
            type(next_link) is not str
            and next_link is not None
            and next_link is not UNSET
            and not isinstance(next_link, str)
        ):
            raise wrong_type("@nextLink", "a string", next_link)

        total_count: Any = src_dict.get("TotalCount", UNSET)
        if type(total_count) is not int and total_count is not UNSET:
            raise wrong_type("TotalCount", "an integer", total_count)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        licenses_usage_page = object.__new__(cls)
        licenses_usage_page.value = value
        licenses_usage_page.next_link = next_link
        licenses_usage_page.total_count = total_count
        if src_dict.keys() <= _KNOWN_KEYS:
            licenses_usage_page.additional_properties = {}
        else:
            note_unknown_fields("LicensesUsagePage", src_dict.keys() - _KNOWN_KEYS)
            licenses_usage_page.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return licenses_usage_page

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
        "Value",
        "@nextLink",
        "TotalCount",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.licenses_usage_row import LicensesUsageRow
