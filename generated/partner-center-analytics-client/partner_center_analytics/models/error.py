from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        field_dict.update({})
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
        d = dict(src_dict)

        def _parse_code(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        description = d.pop("description", UNSET)

        data = cast(list[Any], d.pop("data", UNSET))

        source = d.pop("source", UNSET)

        status_code = d.pop("statusCode", UNSET)

        message = d.pop("message", UNSET)

        error = cls(
            code=code,
            description=description,
            data=data,
            source=source,
            status_code=status_code,
            message=message,
        )

        error.additional_properties = d
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
