from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_attributes import ResourceAttributes
    from ..models.resource_links import ResourceLinks


T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    """Fields every Partner Center collection carries.

    Attributes:
        total_count (int): The number of items in this response.
        links (ResourceLinks | Unset): Links of a paged collection.
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
    """

    total_count: int
    links: ResourceLinks | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalCount": total_count,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_attributes import ResourceAttributes  # noqa: PLC0415
        from ..models.resource_links import ResourceLinks  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("totalCount")

        _links = d.pop("links", UNSET)
        links: ResourceLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = ResourceLinks.from_dict(_links)

        _attributes = d.pop("attributes", UNSET)
        attributes: ResourceAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ResourceAttributes.from_dict(_attributes)

        collection = cls(
            total_count=total_count,
            links=links,
            attributes=attributes,
        )

        collection.additional_properties = d
        return collection

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
