from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer
    from ..models.resource_attributes import ResourceAttributes
    from ..models.resource_links import ResourceLinks


T = TypeVar("T", bound="CustomerCollection")


@_attrs_define
class CustomerCollection:
    """One page of customers.

    Attributes:
        total_count (int): The number of items in this response.
        items (list[Customer]):
        links (ResourceLinks | Unset): Links of a paged collection.
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
        continuation_token (None | str | Unset): Send back as `MS-ContinuationToken` for the next page; absent on the
            last page.
    """

    total_count: int
    items: list[Customer]
    links: ResourceLinks | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    continuation_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        continuation_token: None | str | Unset
        if isinstance(self.continuation_token, Unset):
            continuation_token = UNSET
        else:
            continuation_token = self.continuation_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalCount": total_count,
                "items": items,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if continuation_token is not UNSET:
            field_dict["continuationToken"] = continuation_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer import Customer  # noqa: PLC0415
        from ..models.resource_attributes import ResourceAttributes  # noqa: PLC0415
        from ..models.resource_links import ResourceLinks  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("totalCount")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Customer.from_dict(items_item_data)

            items.append(items_item)

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

        def _parse_continuation_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        continuation_token = _parse_continuation_token(d.pop("continuationToken", UNSET))

        customer_collection = cls(
            total_count=total_count,
            items=items,
            links=links,
            attributes=attributes,
            continuation_token=continuation_token,
        )

        customer_collection.additional_properties = d
        return customer_collection

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
