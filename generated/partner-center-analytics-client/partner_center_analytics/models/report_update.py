from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, parse_datetime, wrong_type
from .._types import UNSET, Unset
from ..models.report_callback_method import ReportCallbackMethod
from ..models.report_request_format import ReportRequestFormat

T = TypeVar("T", bound="ReportUpdate")


@_attrs_define
class ReportUpdate:
    """A report's new settings. The query and `ExecuteNow` cannot change.
    Keys are matched without regard to letter case; keys this schema does
    not declare are ignored. An optional field left out keeps the
    report's current value; `RecurrenceCount` or `CallbackUrl` sent as
    null clears it.

    Rules beyond the schema, each broken one a 400, as for
    `ReportCreate`: a required text of only whitespace counts as missing,
    `StartTime` at least 4 hours after the current UTC time, and `RecurrenceInterval` not below the dataset's
    `minimumRecurrenceInterval`. Choices made where the docs disagree:
    their update page states no maximum for `RecurrenceInterval`; the
    create page's 2160 applies. They spell the callback `CallbackURL` in
    the table and `CallbackUrl` in the JSON; keys match without regard to
    letter case, so both read.

        Attributes:
            report_name (str): A friendly name, without `;`.
            start_time (datetime.datetime): When the next run is due, at least 4 hours after the current UTC time.
            description (str | Unset): What the report is for.
            recurrence_interval (int | Unset): Hours between runs.
            recurrence_count (int | None | Unset): How many runs; null means indefinitely.
            format_ (ReportRequestFormat | Unset): The file format asked for (`Format`), comma- or tab-separated: sent in
                any letter case, CSV when a new report leaves it out. Answers show it in lower case (`ReportFileFormat`).
            callback_url (None | str | Unset): As for `ReportCreate`.
            callback_method (ReportCallbackMethod | Unset): How the callback is called (`CallbackMethod`): sent in any
                letter case, POST when a new report leaves it out. In answers the set is open: a field typed with this schema
                accepts any other string too.
    """

    report_name: str
    start_time: datetime.datetime
    description: str | Unset = UNSET
    recurrence_interval: int | Unset = UNSET
    recurrence_count: int | None | Unset = UNSET
    format_: ReportRequestFormat | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    callback_method: ReportCallbackMethod | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_name = self.report_name

        start_time = self.start_time.isoformat()

        description = self.description

        recurrence_interval = self.recurrence_interval

        recurrence_count: int | None | Unset
        if isinstance(self.recurrence_count, Unset):
            recurrence_count = UNSET
        else:
            recurrence_count = self.recurrence_count

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ReportName": report_name,
                "StartTime": start_time,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if recurrence_interval is not UNSET:
            field_dict["RecurrenceInterval"] = recurrence_interval
        if recurrence_count is not UNSET:
            field_dict["RecurrenceCount"] = recurrence_count
        if format_ is not UNSET:
            field_dict["Format"] = format_
        if callback_url is not UNSET:
            field_dict["CallbackUrl"] = callback_url
        if callback_method is not UNSET:
            field_dict["CallbackMethod"] = callback_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportUpdate", "an object", src_dict)
        report_name: Any = src_dict["ReportName"]
        if type(report_name) is not str and not isinstance(report_name, str):
            raise wrong_type("ReportName", "a string", report_name)

        start_time: Any = src_dict["StartTime"]
        start_time = parse_datetime("StartTime", start_time)

        description: Any = src_dict.get("Description", UNSET)
        if type(description) is not str and description is not UNSET and not isinstance(description, str):
            raise wrong_type("Description", "a string", description)

        recurrence_interval: Any = src_dict.get("RecurrenceInterval", UNSET)
        if type(recurrence_interval) is not int and recurrence_interval is not UNSET:
            raise wrong_type("RecurrenceInterval", "an integer", recurrence_interval)

        recurrence_count: Any = src_dict.get("RecurrenceCount", UNSET)
        if type(recurrence_count) is not int and recurrence_count is not None and recurrence_count is not UNSET:
            raise wrong_type("RecurrenceCount", "an integer", recurrence_count)

        format_: Any = src_dict.get("Format", UNSET)
        if format_ is not UNSET:
            format_ = ReportRequestFormat(format_)

        callback_url: Any = src_dict.get("CallbackUrl", UNSET)
        if (
            type(callback_url) is not str
            and callback_url is not None
            and callback_url is not UNSET
            and not isinstance(callback_url, str)
        ):
            raise wrong_type("CallbackUrl", "a string", callback_url)

        callback_method: Any = src_dict.get("CallbackMethod", UNSET)
        if callback_method is not UNSET:
            callback_method = ReportCallbackMethod(callback_method)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_update = object.__new__(cls)
        report_update.report_name = report_name
        report_update.start_time = start_time
        report_update.description = description
        report_update.recurrence_interval = recurrence_interval
        report_update.recurrence_count = recurrence_count
        report_update.format_ = format_
        report_update.callback_url = callback_url
        report_update.callback_method = callback_method
        if src_dict.keys() <= _KNOWN_KEYS:
            report_update.additional_properties = {}
        else:
            note_unknown_fields("ReportUpdate", src_dict.keys() - _KNOWN_KEYS)
            report_update.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_update

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
        "ReportName",
        "StartTime",
        "Description",
        "RecurrenceInterval",
        "RecurrenceCount",
        "Format",
        "CallbackUrl",
        "CallbackMethod",
    }
)
