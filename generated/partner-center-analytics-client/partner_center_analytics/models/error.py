from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Partner Center's error body. The docs call `code` a string but every example sends a number, so both are accepted.
    The documented 429 body uses `statusCode` and `message` instead; those are accepted too.

        Attributes:
            code (int | str | Unset): Partner Center's error code (a number or a string).
            description (str | Unset): What went wrong, at most 1024 characters.
            data (list[Any] | Unset): Extra details for some errors.
            source (str | Unset): The component that raised the error, usually `PartnerFD`.
            status_code (int | Unset): The HTTP status, in the throttling body.
            message (str | Unset): What went wrong, in the throttling body.
    """

    code: int | str | Unset = UNSET
    description: str | Unset = UNSET
    data: list[Any] | Unset = UNSET
    source: str | Unset = UNSET
    status_code: int | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: int | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        description = self.description

        data: list[Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data

        source = self.source

        status_code = self.status_code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if data is not UNSET:
            field_dict["data"] = data
        if source is not UNSET:
            field_dict["source"] = source
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("Error", "an object", src_dict)
        code: Any = src_dict.get("code", UNSET)
        if code is not UNSET:
            if not (type(code) is int or isinstance(code, str)):
                raise wrong_type("code", "an integer or a string", code)

        description: Any = src_dict.get("description", UNSET)
        if type(description) is not str and description is not UNSET and not isinstance(description, str):
            raise wrong_type("description", "a string", description)

        data: Any = src_dict.get("data", UNSET)
        if data is not UNSET:
            if type(data) is not list:
                raise wrong_type("data", "an array", data)

        source: Any = src_dict.get("source", UNSET)
        if type(source) is not str and source is not UNSET and not isinstance(source, str):
            raise wrong_type("source", "a string", source)

        status_code: Any = src_dict.get("statusCode", UNSET)
        if type(status_code) is not int and status_code is not UNSET:
            raise wrong_type("statusCode", "an integer", status_code)

        message: Any = src_dict.get("message", UNSET)
        if type(message) is not str and message is not UNSET and not isinstance(message, str):
            raise wrong_type("message", "a string", message)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        error = object.__new__(cls)
        error.code = code
        error.description = description
        error.data = data
        error.source = source
        error.status_code = status_code
        error.message = message
        if src_dict.keys() <= _KNOWN_KEYS:
            error.additional_properties = {}
        else:
            note_unknown_fields("Error", src_dict.keys() - _KNOWN_KEYS)
            error.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return error

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
        "code",
        "description",
        "data",
        "source",
        "statusCode",
        "message",
    }
)
