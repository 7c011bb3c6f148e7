from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

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
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("CustomerLicensesUsageInsightsCollection", "an object", src_dict)
        total_count: Any = src_dict["totalCount"]
        if type(total_count) is not int:
            raise wrong_type("totalCount", "an integer", total_count)

        items: Any = src_dict["items"]
        if type(items) is not list:
            raise wrong_type("items", "an array", items)
        items = [CustomerLicensesUsageInsights.from_dict(item) for item in items]

        links: Any = src_dict.get("links", UNSET)
        if links is not UNSET:
            links = ResourceLinks.from_dict(links)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        customer_licenses_usage_insights_collection = object.__new__(cls)
        customer_licenses_usage_insights_collection.total_count = total_count
        customer_licenses_usage_insights_collection.items = items
        customer_licenses_usage_insights_collection.links = links
        customer_licenses_usage_insights_collection.attributes = attributes
        if src_dict.keys() <= _KNOWN_KEYS:
            customer_licenses_usage_insights_collection.additional_properties = {}
        else:
            note_unknown_fields("CustomerLicensesUsageInsightsCollection", src_dict.keys() - _KNOWN_KEYS)
            customer_licenses_usage_insights_collection.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
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


_KNOWN_KEYS = frozenset(
    {
        "totalCount",
        "items",
        "links",
        "attributes",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.customer_licenses_usage_insights import CustomerLicensesUsageInsights
from ..models.resource_attributes import ResourceAttributes
from ..models.resource_links import ResourceLinks
