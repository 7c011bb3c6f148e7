from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_licenses_usage_insights import CustomerLicensesUsageInsights
    from ..models.resource_attributes import ResourceAttributes
    from ..models.resource_links import ResourceLinks


T = TypeVar("T", bound="CustomerLicensesUsageInsightsCollection")


@_attrs_define
class CustomerLicensesUsageInsightsCollection:
    """A collection of one customer's usage insights.

    Attributes:
        total_count (int): The number of items in this response.
        items (list[CustomerLicensesUsageInsights]):
        links (ResourceLinks | Unset): Links of a paged collection.
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
    """

    total_count: int
    items: list[CustomerLicensesUsageInsights]
    links: ResourceLinks | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_licenses_usage_insights import CustomerLicensesUsageInsights  # noqa: PLC0415
        from ..models.resource_attributes import ResourceAttributes  # noqa: PLC0415
        from ..models.resource_links import ResourceLinks  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("totalCount")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CustomerLicensesUsageInsights.from_dict(items_item_data)

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

        customer_licenses_usage_insights_collection = cls(
            total_count=total_count,
            items=items,
            links=links,
            attributes=attributes,
        )

        customer_licenses_usage_insights_collection.additional_properties = d
        return customer_licenses_usage_insights_collection

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
