from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="ResourceAttributes")


@_attrs_define
class ResourceAttributes:
    """The resource's type name and, for some resources, its ETag.

    Attributes:
        object_type (str | Unset): The resource type, for example `Collection`.
        etag (None | str | Unset): The resource's ETag.
    """

    object_type: str | Unset = UNSET
    etag: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_type = self.object_type

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if etag is not UNSET:
            field_dict["etag"] = etag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ResourceAttributes", "an object", src_dict)
        object_type: Any = src_dict.get("objectType", UNSET)
        if type(object_type) is not str and object_type is not UNSET and not isinstance(object_type, str):
            raise wrong_type("objectType", "a string", object_type)

        etag: Any = src_dict.get("etag", UNSET)
        if type(etag) is not str and etag is not None and etag is not UNSET and not isinstance(etag, str):
            raise wrong_type("etag", "a string", etag)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        resource_attributes = object.__new__(cls)
        resource_attributes.object_type = object_type
        resource_attributes.etag = etag
        if src_dict.keys() <= _KNOWN_KEYS:
            resource_attributes.additional_properties = {}
        else:
            note_unknown_fields("ResourceAttributes", src_dict.keys() - _KNOWN_KEYS)
            resource_attributes.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return resource_attributes

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
        "objectType",
        "etag",
    }
)
