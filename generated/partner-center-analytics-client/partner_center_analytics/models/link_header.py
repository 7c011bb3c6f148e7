from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="LinkHeader")


@_attrs_define
class LinkHeader:
    """One header of a link.

    Attributes:
        key (str | Unset):
        value (str | Unset):
    """

    key: str | Unset = UNSET
    value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if key is not UNSET:
            field_dict["key"] = key
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("LinkHeader", "an object", src_dict)
        key: Any = src_dict.get("key", UNSET)
        if type(key) is not str and key is not UNSET and not isinstance(key, str):
            raise wrong_type("key", "a string", key)

        value: Any = src_dict.get("value", UNSET)
        if type(value) is not str and value is not UNSET and not isinstance(value, str):
            raise wrong_type("value", "a string", value)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        link_header = object.__new__(cls)
        link_header.key = key
        link_header.value = value
        if src_dict.keys() <= _KNOWN_KEYS:
            link_header.additional_properties = {}
        else:
            note_unknown_fields("LinkHeader", src_dict.keys() - _KNOWN_KEYS)
            link_header.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return link_header

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
        "key",
        "value",
    }
)
