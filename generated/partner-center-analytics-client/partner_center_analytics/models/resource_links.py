from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


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
        field_dict.update({})
        if self_ is not UNSET:
            field_dict["self"] = self_
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        _self_ = d.pop("self", UNSET)
        self_: Link | Unset
        if isinstance(_self_, Unset):
            self_ = UNSET
        else:
            self_ = Link.from_dict(_self_)

        _next_ = d.pop("next", UNSET)
        next_: Link | Unset
        if isinstance(_next_, Unset):
            next_ = UNSET
        else:
            next_ = Link.from_dict(_next_)

        _previous = d.pop("previous", UNSET)
        previous: Link | Unset
        if isinstance(_previous, Unset):
            previous = UNSET
        else:
            previous = Link.from_dict(_previous)

        resource_links = cls(
            self_=self_,
            next_=next_,
            previous=previous,
        )

        resource_links.additional_properties = d
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
