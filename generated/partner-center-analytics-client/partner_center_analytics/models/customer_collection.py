from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

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
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("CustomerCollection", "an object", src_dict)
        total_count: Any = src_dict["totalCount"]
        if type(total_count) is not int:
            raise wrong_type("totalCount", "an integer", total_count)

        items: Any = src_dict["items"]
        if type(items) is not list:
            raise wrong_type("items", "an array", items)
        items = [Customer.from_dict(item) for item in items]

        links: Any = src_dict.get("links", UNSET)
        if links is not UNSET:
            links = ResourceLinks.from_dict(links)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        continuation_token: Any = src_dict.get("continuationToken", UNSET)
        if (
            type(continuation_token) is not str
            and continuation_token is not None
            and continuation_token is not UNSET
            and not isinstance(continuation_token, str)
        ):
            raise wrong_type("continuationToken", "a string", continuation_token)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        customer_collection = object.__new__(cls)
        customer_collection.total_count = total_count
        customer_collection.items = items
        customer_collection.links = links
        customer_collection.attributes = attributes
        customer_collection.continuation_token = continuation_token
        if src_dict.keys() <= _KNOWN_KEYS:
            customer_collection.additional_properties = {}
        else:
            note_unknown_fields("CustomerCollection", src_dict.keys() - _KNOWN_KEYS)
            customer_collection.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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


_KNOWN_KEYS = frozenset(
    {
        "totalCount",
        "items",
        "links",
        "attributes",
        "continuationToken",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.customer import Customer
from ..models.resource_attributes import ResourceAttributes
from ..models.resource_links import ResourceLinks
