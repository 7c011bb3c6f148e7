from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, note_unknown_value, parse_datetime, wrong_type
from .._keys import lenient_keys, spellings
from .._types import UNSET, Unset
from ..models.report_query_type import ReportQueryType

# Lookup by value: much cheaper than calling the enum for every decoded object.
_REPORTQUERYTYPE_BY_VALUE = {member.value: member for member in ReportQueryType}


T = TypeVar("T", bound="ReportQuery")


@_attrs_define
class ReportQuery:
    """A saved or system query.

    Attributes:
        query_id (str): A GUID, lower case in the docs' examples; compare without regard to letter case.
        name (str | Unset): Its friendly name.
        description (None | str | Unset):
        query (str | Unset): Its text in the report query language.
        type_ (ReportQueryType | str | Unset): `userDefined` or `system`; other values may appear.
        user (str | Unset): Who saved it (the user's UPN; `system` for system queries).
        created_time (datetime.datetime | Unset): A UTC time, sent as `yyyy-MM-ddTHH:mm:ssZ`.
    """

    query_id: str
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    query: str | Unset = UNSET
    type_: ReportQueryType | str | Unset = UNSET
    user: str | Unset = UNSET
    created_time: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_id = self.query_id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        query = self.query

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ReportQueryType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        user = self.user

        created_time: str | Unset = UNSET
        if not isinstance(self.created_time, Unset):
            created_time = self.created_time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queryId": query_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if query is not UNSET:
            field_dict["query"] = query
        if type_ is not UNSET:
            field_dict["type"] = type_
        if user is not UNSET:
            field_dict["user"] = user
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Keys are read leniently (``x-pcinsights-keys``): ``"Value"`` or ``" value "`` is read as ``value`` when
        ``src_dict`` has no ``value`` itself. Unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ReportQuery", "an object", src_dict)
        src_dict = lenient_keys(src_dict, _KNOWN_KEYS, _SPELLINGS)
        query_id: Any = src_dict["queryId"]
        if type(query_id) is not str and not isinstance(query_id, str):
            raise wrong_type("queryId", "a string", query_id)

        name: Any = src_dict.get("name", UNSET)
        if type(name) is not str and name is not UNSET and not isinstance(name, str):
            raise wrong_type("name", "a string", name)

        description: Any = src_dict.get("description", UNSET)
        if (
            type(description) is not str
            and description is not None
            and description is not UNSET
            and not isinstance(description, str)
        ):
            raise wrong_type("description", "a string", description)

        query: Any = src_dict.get("query", UNSET)
        if type(query) is not str and query is not UNSET and not isinstance(query, str):
            raise wrong_type("query", "a string", query)

        type_: Any = src_dict.get("type", UNSET)
        if type(type_) is str:
            type_ = _REPORTQUERYTYPE_BY_VALUE.get(type_, type_)
            if type(type_) is str:  # a member is a ReportQueryType, never a plain str
                note_unknown_value("ReportQuery", "type", type_)
        elif type_ is not UNSET:
            if not isinstance(type_, str):
                raise wrong_type("type", "a string", type_)
            type_ = _REPORTQUERYTYPE_BY_VALUE.get(type_, type_)
            if type(type_) is str:  # a member is a ReportQueryType, never a plain str
                note_unknown_value("ReportQuery", "type", type_)

        user: Any = src_dict.get("user", UNSET)
        if type(user) is not str and user is not UNSET and not isinstance(user, str):
            raise wrong_type("user", "a string", user)

        created_time: Any = src_dict.get("createdTime", UNSET)
        if created_time is not UNSET:
            created_time = parse_datetime("createdTime", created_time)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        report_query = object.__new__(cls)
        report_query.query_id = query_id
        report_query.name = name
        report_query.description = description
        report_query.query = query
        report_query.type_ = type_
        report_query.user = user
        report_query.created_time = created_time
        if src_dict.keys() <= _KNOWN_KEYS:
            report_query.additional_properties = {}
        else:
            note_unknown_fields("ReportQuery", src_dict.keys() - _KNOWN_KEYS)
            report_query.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return report_query

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
        "queryId",
        "name",
        "description",
        "query",
        "type",
        "user",
        "createdTime",
    }
)
_SPELLINGS = spellings(_KNOWN_KEYS)
