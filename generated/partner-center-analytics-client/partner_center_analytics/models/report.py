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
from ..models.report_file_format import ReportFileFormat
from ..models.report_status import ReportStatus

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTSTATUS_BY_VALUE = {member.value: member for member in ReportStatus}

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTCALLBACKMETHOD_BY_VALUE = {member.value: member for member in ReportCallbackMethod}

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTFILEFORMAT_BY_VALUE = {member.value: member for member in ReportFileFormat}


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """A scheduled or run-now report. The docs' get skeleton has a lower-case `executeNow` among PascalCase keys and a key
    with a leading space, `" RecurrenceCount"`; both read.

        Attributes:
            report_id (str): A GUID, lower case in the docs' examples; compare without regard to letter case.
            report_name (str | Unset):
            description (None | str | Unset):
            query_id (str | Unset): A GUID, lower case in the docs' examples; compare without regard to letter case.
            query (str | Unset): The query's text, as it was when the report was created.
            user (str | Unset): Who created it (the user's UPN).
            created_time (datetime.datetime | Unset): A UTC time, sent as `yyyy-MM-ddTHH:mm:ssZ`.
            modified_time (datetime.datetime | None | Unset): When it was last updated; null until then.
            execute_now (bool | Unset):
            start_time (datetime.datetime | None | Unset): When the first run was (or is) due; for `ExecuteNow`, when it was
                queued.
            report_status (ReportStatus | str | Unset): `Active`, `Paused` or `Inactive`; other values may appear.
            recurrence_interval (int | None | Unset): Hours between runs; null when none was given (`ExecuteNow`).
            recurrence_count (int | None | Unset): How many runs; null means indefinitely.
            callback_url (None | str | Unset):
            callback_method (None | ReportCallbackMethod | str | Unset): `GET` or `POST` when there is a callback; may be
                null.
            format_ (ReportFileFormat | str | Unset): `csv` or `tsv` (lower case, whatever was sent); other values may
                appear.
    """

    report_id: str
    report_name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    query_id: str | Unset = UNSET
    query: str | Unset = UNSET
    user: str | Unset = UNSET
    created_time: datetime.datetime | Unset = UNSET
    modified_time: datetime.datetime | None | Unset = UNSET
    execute_now: bool | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    report_status: ReportStatus | str | Unset = UNSET
    recurrence_interval: int | None | Unset = UNSET
    recurrence_count: int | None | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    callback_method: None | ReportCallbackMethod | str | Unset = UNSET
    format_: ReportFileFormat | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_id = self.report_id

        report_name = self.report_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        query_id = self.query_id

        query = self.query

        user = self.user

        created_time: str | Unset = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.isoformat()

        modified_time: None | str | Unset
        if isinstance(self.modified_time, Unset):
            modified_time = UNSET
        elif isinstance(self.modified_time, datetime.datetime):
            modified_time = self.modified_time.isoformat()
        else:
            modified_time = self.modified_time

        execute_now = self.execute_now

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        report_status: str | Unset
        if isinstance(self.report_status, Unset):
            report_status = UNSET
        elif isinstance(self.report_status, ReportStatus):
            report_status = self.report_status.value
        else:
            report_status = self.report_status

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reportId": report_id,
            }
        )
        if report_name is not UNSET:
            field_dict["reportName"] = report_name
        if description is not UNSET:
            field_dict["description"] = description
        if query_id is not UNSET:
            field_dict["queryId"] = query_id
        if query is not UNSET:
            field_dict["query"] = query
        if user is not UNSET:
            field_dict["user"] = user
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if modified_time is not UNSET:
            field_dict["modifiedTime"] = modified_time
        if execute_now is not UNSET:
            field_dict["executeNow"] = execute_now
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if report_status is not UNSET:
            field_dict["reportStatus"] = report_status
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Keys are read leniently (``x-pcinsights-keys``): ``"Value"`` or ``" value "`` is read as ``value`` when
        ``src_dict`` has no ``value`` itself. Unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("Report", "an object", src_dict)
        src_dict = lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)
        report_id: Any = src_dict["reportId"]
        if type(report_id) is not str and not isinstance(report_id, str):
            raise wrong_type("reportId", "a string", report_id)

        report_name: Any = src_dict.get("reportName", UNSET)
        if type(report_name) is not str and report_name is not UNSET and not isinstance(report_name, str):
            raise wrong_type("reportName", "a string", report_name)

        description: Any = src_dict.get("description", UNSET)
        if (
            type(description) is not str
            and description is not None
            and description is not UNSET
            and not isinstance(description, str)
        ):
            raise wrong_type("description", "a string", description)

        query_id: Any = src_dict.get("queryId", UNSET)
        if type(query_id) is not str and query_id is not UNSET and not isinstance(query_id, str):
            raise wrong_type("queryId", "a string", query_id)

        query: Any = src_dict.get("query", UNSET)
        if type(query) is not str and query is not UNSET and not isinstance(query, str):
            raise wrong_type("query", "a string", query)

        user: Any = src_dict.get("user", UNSET)
        if type(user) is not str and user is not UNSET and not isinstance(user, str):
            raise wrong_type("user", "a string", user)

        created_time: Any = src_dict.get("createdTime", UNSET)
        if created_time is not UNSET:
            created_time = parse_datetime("createdTime", created_time)

        modified_time: Any = src_dict.get("modifiedTime", UNSET)
        if modified_time is not None and modified_time is not UNSET:
            modified_time = parse_datetime("modifiedTime", modified_time)

        execute_now: Any = src_dict.get("executeNow", UNSET)
        if type(execute_now) is not bool and execute_now is not UNSET:
            raise wrong_type("executeNow", "a boolean", execute_now)

        start_time: Any = src_dict.get("startTime", UNSET)
        if start_time is not None and start_time is not UNSET:
            start_time = parse_datetime("startTime", start_time)

        report_status: Any = src_dict.get("reportStatus", UNSET)
        if type(report_status) is str:
            report_status = _REPORTSTATUS_BY_VALUE.get(report_status, report_status)
            if type(report_status) is str:  # a member is a ReportStatus, never a plain str
                note_unknown_value("Report", "reportStatus", report_status)
        elif report_status is not UNSET:
            if not isinstance(report_status, str):
                raise wrong_type("reportStatus", "a string", report_status)
            report_status = _REPORTSTATUS_BY_VALUE.get(report_status, report_status)
            if type(report_status) is str:  # a member is a ReportStatus, never a plain str
                note_unknown_value("Report", "reportStatus", report_status)

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
                note_unknown_value("Report", "callbackMethod", callback_method)
        elif callback_method is not None and callback_method is not UNSET:
            if not isinstance(callback_method, str):
                raise wrong_type("callbackMethod", "a string", callback_method)
            callback_method = _REPORTCALLBACKMETHOD_BY_VALUE.get(callback_method, callback_method)
            if type(callback_method) is str:  # a member is a ReportCallbackMethod, never a plain str
                note_unknown_value("Report", "callbackMethod", callback_method)

        format_: Any = src_dict.get("format", UNSET)
        if type(format_) is str:
            format_ = _REPORTFILEFORMAT_BY_VALUE.get(format_, format_)
            if type(format_) is str:  # a member is a ReportFileFormat, never a plain str
                note_unknown_value("Report", "format", format_)
        elif format_ is not UNSET:
            if not isinstance(format_, str):
                raise wrong_type("format", "a string", format_)
            format_ = _REPORTFILEFORMAT_BY_VALUE.get(format_, format_)
            if type(format_) is str:  # a member is a ReportFileFormat, never a plain str
                note_unknown_value("Report", "format", format_)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report = object.__new__(cls)
        report.report_id = report_id
        report.report_name = report_name
        report.description = description
        report.query_id = query_id
        report.query = query
        report.user = user
        report.created_time = created_time
        report.modified_time = modified_time
        report.execute_now = execute_now
        report.start_time = start_time
        report.report_status = report_status
        report.recurrence_interval = recurrence_interval
        report.recurrence_count = recurrence_count
        report.callback_url = callback_url
        report.callback_method = callback_method
        report.format_ = format_
        if src_dict.keys() <= _KNOWN_KEYS:
            report.additional_properties = {}
        else:
            note_unknown_fields("Report", src_dict.keys() - _KNOWN_KEYS)
            report.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report

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
        "reportId",
        "reportName",
        "description",
        "queryId",
        "query",
        "user",
        "createdTime",
        "modifiedTime",
        "executeNow",
        "startTime",
        "reportStatus",
        "recurrenceInterval",
        "recurrenceCount",
        "callbackUrl",
        "callbackMethod",
        "format",
    }
)
_SPELLINGS = spellings(_KNOWN_KEYS)
