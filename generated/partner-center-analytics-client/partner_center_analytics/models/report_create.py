from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, parse_datetime, parse_uuid, wrong_type
from .._types import UNSET, Unset
from ..models.report_callback_method import ReportCallbackMethod
from ..models.report_request_format import ReportRequestFormat

T = TypeVar("T", bound="ReportCreate")


@_attrs_define
class ReportCreate:
    """A report to schedule, or, with `ExecuteNow`, to run once right away.
    Keys are matched without regard to letter case, as ASP.NET binds
    them; keys this schema does not declare are ignored.

    Rules beyond the schema, each broken one a 400: a required text of
    only whitespace counts as missing ("Null or missing value"); without
    `ExecuteNow` (or with it false), `StartTime` and `RecurrenceInterval`
    are required ("Null or missing value"), `StartTime` must be at least 4 hours after
    the current UTC time ("Invalid report parameters for creation - Start
    time of report should at least be 4 hours from current UTC time"), and
    `RecurrenceInterval` must not be below the dataset's
    `minimumRecurrenceInterval` (24 for OfficeUsage and DynamicsUsage:
    "Invalid report parameters"; a choice, as the docs only name the
    field). With `ExecuteNow` true, `StartTime`, `RecurrenceInterval` and
    `RecurrenceCount` are ignored (the schema's limits still hold), and
    `QueryStartTime`/`QueryEndTime` replace the query's TIMESPAN; when
    both are given, `QueryEndTime` must be after `QueryStartTime`
    ("Invalid report parameters").

    Choices made where the docs disagree: the docs mark `StartTime` and
    `RecurrenceInterval` required, yet say `ExecuteNow` ignores them, and
    public code leaves them out with it, so the schema requires only
    `ReportName` and `QueryId`. The docs' own example sets
    `QueryStartTime`/`QueryEndTime` with `ExecuteNow` false: they are then
    ignored, not refused. `Format` and `CallbackMethod` are taken in any
    letter case; send them as listed. The limits on `ReportName` and
    `Description` (256 characters, no `;` in the name) are the
    marketplace twin's, which the partner docs do not state.

        Attributes:
            report_name (str): A friendly name, without `;`.
            query_id (UUID): The id of a saved or system query.
            description (str | Unset): What the report is for.
            execute_now (bool | Unset): True: one run, queued at once ("executed immediately in an asynchronous fashion");
                the schedule fields are ignored. Default: False.
            start_time (datetime.datetime | Unset): When the first run is due: at least 4 hours after the current UTC time.
                Required unless `ExecuteNow` is true.
            query_start_time (datetime.datetime | None | Unset): With `ExecuteNow` only, the start of the data instead of
                the query's TIMESPAN.
            query_end_time (datetime.datetime | None | Unset): With `ExecuteNow` only, the end of the data instead of the
                query's TIMESPAN.
            recurrence_interval (int | Unset): Hours between runs, 4 to 2160, and not below the dataset's
                `minimumRecurrenceInterval`. Required unless `ExecuteNow` is true.
            recurrence_count (int | None | Unset): How many runs; absent or null means indefinitely.
            format_ (ReportRequestFormat | Unset): The file format asked for (`Format`), comma- or tab-separated: sent in
                any letter case, CSV when a new report leaves it out. Answers show it in lower case (`ReportFileFormat`).
            callback_url (None | str | Unset): Called once each run's file is ready: `POST <CallbackUrl>/<reportId>` with no
                body, or `GET <CallbackUrl>?reportId=<reportId>`. Partner Center needs it publicly reachable; the emulator calls
                loopback hosts only unless told otherwise. At most 2048 characters (a choice: the docs give no limit).
            callback_method (ReportCallbackMethod | Unset): How the callback is called (`CallbackMethod`): sent in any
                letter case, POST when a new report leaves it out. In answers the set is open: a field typed with this schema
                accepts any other string too.
    """

    report_name: str
    query_id: UUID
    description: str | Unset = UNSET
    execute_now: bool | Unset = False
    start_time: datetime.datetime | Unset = UNSET
    query_start_time: datetime.datetime | None | Unset = UNSET
    query_end_time: datetime.datetime | None | Unset = UNSET
    recurrence_interval: int | Unset = UNSET
    recurrence_count: int | None | Unset = UNSET
    format_: ReportRequestFormat | Unset = UNSET
    callback_url: None | str | Unset = UNSET
    callback_method: ReportCallbackMethod | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_name = self.report_name

        query_id = str(self.query_id)

        description = self.description

        execute_now = self.execute_now

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        query_start_time: None | str | Unset
        if isinstance(self.query_start_time, Unset):
            query_start_time = UNSET
        elif isinstance(self.query_start_time, datetime.datetime):
            query_start_time = self.query_start_time.isoformat()
        else:
            query_start_time = self.query_start_time

        query_end_time: None | str | Unset
        if isinstance(self.query_end_time, Unset):
            query_end_time = UNSET
        elif isinstance(self.query_end_time, datetime.datetime):
            query_end_time = self.query_end_time.isoformat()
        else:
            query_end_time = self.query_end_time

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
                "QueryId": query_id,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if execute_now is not UNSET:
            field_dict["ExecuteNow"] = execute_now
        if start_time is not UNSET:
            field_dict["StartTime"] = start_time
        if query_start_time is not UNSET:
            field_dict["QueryStartTime"] = query_start_time
        if query_end_time is not UNSET:
            field_dict["QueryEndTime"] = query_end_time
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
            raise wrong_type("ReportCreate", "an object", src_dict)
        report_name: Any = src_dict["ReportName"]
        if type(report_name) is not str and not isinstance(report_name, str):
            raise wrong_type("ReportName", "a string", report_name)

        query_id: Any = src_dict["QueryId"]
        query_id = parse_uuid("QueryId", query_id)

        description: Any = src_dict.get("Description", UNSET)
        if type(description) is not str and description is not UNSET and not isinstance(description, str):
            raise wrong_type("Description", "a string", description)

        execute_now: Any = src_dict.get("ExecuteNow", UNSET)
        if type(execute_now) is not bool and execute_now is not UNSET:
            raise wrong_type("ExecuteNow", "a boolean", execute_now)

        start_time: Any = src_dict.get("StartTime", UNSET)
        if start_time is not UNSET:
            start_time = parse_datetime("StartTime", start_time)

        query_start_time: Any = src_dict.get("QueryStartTime", UNSET)
        if query_start_time is not None and query_start_time is not UNSET:
            query_start_time = parse_datetime("QueryStartTime", query_start_time)

        query_end_time: Any = src_dict.get("QueryEndTime", UNSET)
        if query_end_time is not None and query_end_time is not UNSET:
            query_end_time = parse_datetime("QueryEndTime", query_end_time)

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
        report_create = object.__new__(cls)
        report_create.report_name = report_name
        report_create.query_id = query_id
        report_create.description = description
        report_create.execute_now = execute_now
        report_create.start_time = start_time
        report_create.query_start_time = query_start_time
        report_create.query_end_time = query_end_time
        report_create.recurrence_interval = recurrence_interval
        report_create.recurrence_count = recurrence_count
        report_create.format_ = format_
        report_create.callback_url = callback_url
        report_create.callback_method = callback_method
        if src_dict.keys() <= _KNOWN_KEYS:
            report_create.additional_properties = {}
        else:
            note_unknown_fields("ReportCreate", src_dict.keys() - _KNOWN_KEYS)
            report_create.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_create

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
        "QueryId",
        "Description",
        "ExecuteNow",
        "StartTime",
        "QueryStartTime",
        "QueryEndTime",
        "RecurrenceInterval",
        "RecurrenceCount",
        "Format",
        "CallbackUrl",
        "CallbackMethod",
    }
)
