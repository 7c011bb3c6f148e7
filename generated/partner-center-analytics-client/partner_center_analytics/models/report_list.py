from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._keys import lenient_keys, spellings
from .._types import UNSET, Unset

T = TypeVar("T", bound="ReportList")


@_attrs_define
class ReportList:
    """Reports in the reports envelope.

    Attributes:
        value (list[Report]):
        next_link (None | str | Unset): Null in every example; no partner page documents paging, and the emulator never
            pages. Clients do not follow it.
        total_count (int | Unset): The number of items in `value`.
        message (None | str | Unset): A status message, for example "Query created successfully"; on an error, what went
            wrong.
        status_code (int | Unset): The HTTP status.
        data_redacted (bool | Unset): Undocumented; false in every example. Probably set when data is withheld from a
            user without the Executive report viewer role.
    """

    value: list[Report]
    next_link: None | str | Unset = UNSET
    total_count: int | Unset = UNSET
    message: None | str | Unset = UNSET
    status_code: int | Unset = UNSET
    data_redacted: bool | Unset = UNSET
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

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        status_code = self.status_code

        data_redacted = self.data_redacted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
            }
        )
        if next_link is not UNSET:
            field_dict["nextLink"] = next_link
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if message is not UNSET:
            field_dict["message"] = message
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if data_redacted is not UNSET:
            field_dict["dataRedacted"] = data_redacted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Keys are read leniently (``x-pcinsights-keys``): ``"Value"`` or ``" value "`` is read as ``value`` when
        ``src_dict`` has no ``value`` itself. Unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportList", "an object", src_dict)
        src_dict = lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)
        value: Any = src_dict["value"]
        if type(value) is not list:
            raise wrong_type("value", "an array", value)
        value = [Report.from_dict(item) for item in value]

        next_link: Any = src_dict.get("nextLink", UNSET)
        if (
            type(next_link) is not str
            and next_link is not None
            and next_link is not UNSET
            and not isinstance(next_link, str)
        ):
            raise wrong_type("nextLink", "a string", next_link)

        total_count: Any = src_dict.get("totalCount", UNSET)
        if type(total_count) is not int and total_count is not UNSET:
            raise wrong_type("totalCount", "an integer", total_count)

        message: Any = src_dict.get("message", UNSET)
        if type(message) is not str and message is not None and message is not UNSET and not isinstance(message, str):
            raise wrong_type("message", "a string", message)

        status_code: Any = src_dict.get("statusCode", UNSET)
        if type(status_code) is not int and status_code is not UNSET:
            raise wrong_type("statusCode", "an integer", status_code)

        data_redacted: Any = src_dict.get("dataRedacted", UNSET)
        if type(data_redacted) is not bool and data_redacted is not UNSET:
            raise wrong_type("dataRedacted", "a boolean", data_redacted)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_list = object.__new__(cls)
        report_list.value = value
        report_list.next_link = next_link
        report_list.total_count = total_count
        report_list.message = message
        report_list.status_code = status_code
        report_list.data_redacted = data_redacted
        if src_dict.keys() <= _KNOWN_KEYS:
            report_list.additional_properties = {}
        else:
            note_unknown_fields("ReportList", src_dict.keys() - _KNOWN_KEYS)
            report_list.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_list

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
        "value",
        "nextLink",
        "totalCount",
        "message",
        "statusCode",
        "dataRedacted",
    }
)
_SPELLINGS = spellings(_KNOWN_KEYS)

# Imported last so that models referring to each other can import each other.
from ..models.report import Report
