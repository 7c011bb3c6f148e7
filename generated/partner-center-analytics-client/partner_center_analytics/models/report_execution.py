from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, note_unknown_value, parse_datetime, wrong_type
from .._keys import lenient_keys, spellings
from .._types import UNSET, Unset
from ..models.report_callback_method import ReportCallbackMethod
from ..models.report_execution_status import ReportExecutionStatus
from ..models.report_file_format import ReportFileFormat

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTCALLBACKMETHOD_BY_VALUE = {member.value: member for member in ReportCallbackMethod}

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTFILEFORMAT_BY_VALUE = {member.value: member for member in ReportFileFormat}

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTEXECUTIONSTATUS_BY_VALUE = {member.value: member for member in ReportExecutionStatus}


T = TypeVar("T", bound="ReportExecution")


@_attrs_define
class ReportExecution:
    """One run of a report.

    Attributes:
        execution_id (str): A GUID, lower case in the docs' examples; compare without regard to letter case.
        report_id (str | Unset): A GUID, lower case in the docs' examples; compare without regard to letter case.
        recurrence_interval (int | None | Unset):
        recurrence_count (int | None | Unset):
        callback_url (None | str | Unset):
        callback_method (None | ReportCallbackMethod | str | Unset): `GET` or `POST` when there is a callback; may be
            null.
        format_ (ReportFileFormat | str | Unset): `csv` or `tsv`; other values may appear.
        execution_status (ReportExecutionStatus | str | Unset): `Pending`, `Running`, `Paused` or `Completed`; other
            values may appear.
        report_location (None | str | Unset): Undocumented; null in every example and from the emulator.
        report_access_secure_link (None | str | Unset): Where the run's file can be downloaded, with no bearer token (an
            absolute, pre-signed URL; the docs do not say how it is signed), null unless `Completed`. The file is CSV or
            TSV, UTF-8, with a header row of the selected columns; it may come gzip-compressed. The emulator's link is
            `{base}/_files/{executionId}?se=...&sig=...`, refused (403) once expired or tampered with.
        report_expiry_time (datetime.datetime | None | Unset): When the link expires; set whenever a link is. Null in
            every example in the docs, which state no lifetime (the emulator's links last an hour).
        report_generated_time (datetime.datetime | None | Unset): When the file was written; null unless `Completed`.
    """

    execution_id: str
    report_id: str | Unset = UNSET
    recurrence_interval: int | None | Unset = UNSET
    recurrence_count: int | None | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    callback_method: None | ReportCallbackMethod | str | Unset = UNSET
    format_: ReportFileFormat | str | Unset = UNSET
    execution_status: ReportExecutionStatus | str | Unset = UNSET
    report_location: None | str | Unset = UNSET
    report_access_secure_link: None | str | Unset = UNSET
    report_expiry_time: datetime.datetime | None | Unset = UNSET
    report_generated_time: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        report_id = self.report_id

        recurrence_interval: int | None | Unset
        if isinstance(self.recurrence_interval, Unset):
            recurrence_interval = UNSET
        else:
            recurrence_interval = self.recurrence_interval

        recurrence_count: int | None | Unset
        if isinstance(self.recurrence_count, Unset):
            recurrence_count = UNSET
        else:
            recurrence_count = self.recurrence_count

        callback_url: None | str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        callback_method: None | str | Unset
        if isinstance(self.callback_method, Unset):
            callback_method = UNSET
        elif isinstance(self.callback_method, ReportCallbackMethod):
            callback_method = self.callback_method.value
        else:
            callback_method = self.callback_method

        format_: str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, ReportFileFormat):
            format_ = self.format_.value
        else:
            format_ = self.format_

        execution_status: str | Unset
        if isinstance(self.execution_status, Unset):
            execution_status = UNSET
        elif isinstance(self.execution_status, ReportExecutionStatus):
            execution_status = self.execution_status.value
        else:
            execution_status = self.execution_status

        report_location: None | str | Unset
        if isinstance(self.report_location, Unset):
            report_location = UNSET
        else:
            report_location = self.report_location

        report_access_secure_link: None | str | Unset
        if isinstance(self.report_access_secure_link, Unset):
            report_access_secure_link = UNSET
        else:
            report_access_secure_link = self.report_access_secure_link

        report_expiry_time: None | str | Unset
        if isinstance(self.report_expiry_time, Unset):
            report_expiry_time = UNSET
        elif isinstance(self.report_expiry_time, datetime.datetime):
            report_expiry_time = self.report_expiry_time.isoformat()
        else:
            report_expiry_time = self.report_expiry_time

        report_generated_time: None | str | Unset
        if isinstance(self.report_generated_time, Unset):
            report_generated_time = UNSET
        elif isinstance(self.report_generated_time, datetime.datetime):
            report_generated_time = self.report_generated_time.isoformat()
        else:
            report_generated_time = self.report_generated_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executionId": execution_id,
            }
        )
        if report_id is not UNSET:
            field_dict["reportId"] = report_id
        if recurrence_interval is not UNSET:
            field_dict["recurrenceInterval"] = recurrence_interval
        if recurrence_count is not UNSET:
            field_dict["recurrenceCount"] = recurrence_count
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if callback_method is not UNSET:
            field_dict["callbackMethod"] = callback_method
        if format_ is not UNSET:
            field_dict["format"] = format_
        if execution_status is not UNSET:
            field_dict["executionStatus"] = execution_status
        if report_location is not UNSET:
            field_dict["reportLocation"] = report_location
        if report_access_secure_link is not UNSET:
            field_dict["reportAccessSecureLink"] = report_access_secure_link
        if report_expiry_time is not UNSET:
            field_dict["reportExpiryTime"] = report_expiry_time
        if report_generated_time is not UNSET:
            field_dict["reportGeneratedTime"] = report_generated_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Keys are read leniently (``x-pcinsights-keys``): ``"Value"`` or ``" value "`` is read as ``value`` when
        ``src_dict`` has no ``value`` itself. Unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportExecution", "an object", src_dict)
        src_dict = lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)
        execution_id: Any = src_dict["executionId"]
        if type(execution_id) is not str and not isinstance(execution_id, str):
            raise wrong_type("executionId", "a string", execution_id)

        report_id: Any = src_dict.get("reportId", UNSET)
        if type(report_id) is not str and report_id is not UNSET and not isinstance(report_id, str):
            raise wrong_type("reportId", "a string", report_id)

        recurrence_interval: Any = src_dict.get("recurrenceInterval", UNSET)
        if (
            type(recurrence_interval) is not int
            and recurrence_interval is not None
            and recurrence_interval is not UNSET
        ):
            raise wrong_type("recurrenceInterval", "an integer", recurrence_interval)

        recurrence_count: Any = src_dict.get("recurrenceCount", UNSET)
        if type(recurrence_count) is not int and recurrence_count is not None and recurrence_count is not UNSET:
            raise wrong_type("recurrenceCount", "an integer", recurrence_count)

        callback_url: Any = src_dict.get("callbackUrl", UNSET)
        if (
            type(callback_url) is not str
            and callback_url is not None
            and callback_url is not UNSET
            and not isinstance(callback_url, str)
        ):
            raise wrong_type("callbackUrl", "a string", callback_url)

        callback_method: Any = src_dict.get("callbackMethod", UNSET)
        if type(callback_method) is str:
            callback_method = _REPORTCALLBACKMETHOD_BY_VALUE.get(callback_method, callback_method)
            if type(callback_method) is str:  # a member is a ReportCallbackMethod, never a plain str
                note_unknown_value("ReportExecution", "callbackMethod", callback_method)
        elif callback_method is not None and callback_method is not UNSET:
            if not isinstance(callback_method, str):
                raise wrong_type("callbackMethod", "a string", callback_method)
            callback_method = _REPORTCALLBACKMETHOD_BY_VALUE.get(callback_method, callback_method)
            if type(callback_method) is str:  # a member is a ReportCallbackMethod, never a plain str
                note_unknown_value("ReportExecution", "callbackMethod", callback_method)

        format_: Any = src_dict.get("format", UNSET)
        if type(format_) is str:
            format_ = _REPORTFILEFORMAT_BY_VALUE.get(format_, format_)
            if type(format_) is str:  # a member is a ReportFileFormat, never a plain str
                note_unknown_value("ReportExecution", "format", format_)
        elif format_ is not UNSET:
            if not isinstance(format_, str):
                raise wrong_type("format", "a string", format_)
            format_ = _REPORTFILEFORMAT_BY_VALUE.get(format_, format_)
            if type(format_) is str:  # a member is a ReportFileFormat, never a plain str
                note_unknown_value("ReportExecution", "format", format_)

        execution_status: Any = src_dict.get("executionStatus", UNSET)
        if type(execution_status) is str:
            execution_status = _REPORTEXECUTIONSTATUS_BY_VALUE.get(execution_status, execution_status)
            if type(execution_status) is str:  # a member is a ReportExecutionStatus, never a plain str
                note_unknown_value("ReportExecution", "executionStatus", execution_status)
        elif execution_status is not UNSET:
            if not isinstance(execution_status, str):
                raise wrong_type("executionStatus", "a string", execution_status)
            execution_status = _REPORTEXECUTIONSTATUS_BY_VALUE.get(execution_status, execution_status)
            if type(execution_status) is str:  # a member is a ReportExecutionStatus, never a plain str
                note_unknown_value("ReportExecution", "executionStatus", execution_status)

        report_location: Any = src_dict.get("reportLocation", UNSET)
        if (
            type(report_location) is not str
            and report_location is not None
            and report_location is not UNSET
            and not isinstance(report_location, str)
        ):
            raise wrong_type("reportLocation", "a string", report_location)

        report_access_secure_link: Any = src_dict.get("reportAccessSecureLink", UNSET)
        if (
            type(report_access_secure_link) is not str
            and report_access_secure_link is not None
            and report_access_secure_link is not UNSET
            and not isinstance(report_access_secure_link, str)
        ):
            raise wrong_type("reportAccessSecureLink", "a string", report_access_secure_link)

        report_expiry_time: Any = src_dict.get("reportExpiryTime", UNSET)
        if report_expiry_time is not None and report_expiry_time is not UNSET:
            report_expiry_time = parse_datetime("reportExpiryTime", report_expiry_time)

        report_generated_time: Any = src_dict.get("reportGeneratedTime", UNSET)
        if report_generated_time is not None and report_generated_time is not UNSET:
            report_generated_time = parse_datetime("reportGeneratedTime", report_generated_time)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_execution = object.__new__(cls)
        report_execution.execution_id = execution_id
        report_execution.report_id = report_id
        report_execution.recurrence_interval = recurrence_interval
        report_execution.recurrence_count = recurrence_count
        report_execution.callback_url = callback_url
        report_execution.callback_method = callback_method
        report_execution.format_ = format_
        report_execution.execution_status = execution_status
        report_execution.report_location = report_location
        report_execution.report_access_secure_link = report_access_secure_link
        report_execution.report_expiry_time = report_expiry_time
        report_execution.report_generated_time = report_generated_time
        if src_dict.keys() <= _KNOWN_KEYS:
            report_execution.additional_properties = {}
        else:
            note_unknown_fields("ReportExecution", src_dict.keys() - _KNOWN_KEYS)
            report_execution.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_execution

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
        "executionId",
        "reportId",
        "recurrenceInterval",
        "recurrenceCount",
        "callbackUrl",
        "callbackMethod",
        "format",
        "executionStatus",
        "reportLocation",
        "reportAccessSecureLink",
        "reportExpiryTime",
        "reportGeneratedTime",
    }
)
_SPELLINGS = spellings(_KNOWN_KEYS)
