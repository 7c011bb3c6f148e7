from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="ResourceLinks")


@_attrs_define
class ResourceLinks:
    """Links of a paged collection.

    Attributes:
        self_ (Link | Unset): A link to a related request, with the headers to send along.
        next_ (Link | Unset): A link to a related request, with the headers to send along.
        previous (Link | Unset): A link to a related request, with the headers to send along.
    """

    self_: Link | Unset = UNSET
    next_: Link | Unset = UNSET
    previous: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        self_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.self_, Unset):
            self_ = self.self_.to_dict()

        next_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_, Unset):
            next_ = self.next_.to_dict()

        previous: dict[str, Any] | Unset = UNSET
        if not isinstance(self.previous, Unset):
            previous = self.previous.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self_ is not UNSET:
            field_dict["self"] = self_
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("ResourceLinks", "an object", src_dict)
        self_: Any = src_dict.get("self", UNSET)
        if self_ is not UNSET:
            self_ = Link.from_dict(self_)

        next_: Any = src_dict.get("next", UNSET)
        if next_ is not UNSET:
            next_ = Link.from_dict(next_)

        previous: Any = src_dict.get("previous", UNSET)
        if previous is not UNSET:
            previous = Link.from_dict(previous)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        resource_links = object.__new__(cls)
        resource_links.self_ = self_
        resource_links.next_ = next_
        resource_links.previous = previous
        if src_dict.keys() <= _KNOWN_KEYS:
            resource_links.additional_properties = {}
        else:
            note_unknown_fields("ResourceLinks", src_dict.keys() - _KNOWN_KEYS)
            resource_links.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return resource_links

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
        "self",
        "next",
        "previous",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.link import Link
