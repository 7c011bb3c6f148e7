from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, parse_uuid, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """A customer of the partner, as the listing returns it.

    Attributes:
        id (UUID): The customer's tenant id; use it as `customer-id`.
        commerce_id (None | str | Unset):
        company_profile (CompanyProfile | Unset): A customer's company profile.
        relationship_to_partner (None | str | Unset): One of `none`, `reseller`, `advisor`, `syndication`,
            `microsoft_support`; other values may appear.
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
    """

    id: UUID
    commerce_id: None | str | Unset = UNSET
    company_profile: CompanyProfile | Unset = UNSET
    relationship_to_partner: None | str | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        commerce_id: None | str | Unset
        if isinstance(self.commerce_id, Unset):
            commerce_id = UNSET
        else:
            commerce_id = self.commerce_id

        company_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.company_profile, Unset):
            company_profile = self.company_profile.to_dict()

        relationship_to_partner: None | str | Unset
        if isinstance(self.relationship_to_partner, Unset):
            relationship_to_partner = UNSET
        else:
            relationship_to_partner = self.relationship_to_partner

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if commerce_id is not UNSET:
            field_dict["commerceId"] = commerce_id
        if company_profile is not UNSET:
            field_dict["companyProfile"] = company_profile
        if relationship_to_partner is not UNSET:
            field_dict["relationshipToPartner"] = relationship_to_partner
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("Customer", "an object", src_dict)
        id: Any = src_dict["id"]
        id = parse_uuid("id", id)

        commerce_id: Any = src_dict.get("commerceId", UNSET)
        if (
            type(commerce_id) is not str
            and commerce_id is not None
            and commerce_id is not UNSET
            and not isinstance(commerce_id, str)
        ):
            raise wrong_type("commerceId", "a string", commerce_id)

        company_profile: Any = src_dict.get("companyProfile", UNSET)
        if company_profile is not UNSET:
            company_profile = CompanyProfile.from_dict(company_profile)

        relationship_to_partner: Any = src_dict.get("relationshipToPartner", UNSET)
        if (
            type(relationship_to_partner) is not str
            and relationship_to_partner is not None
            and relationship_to_partner is not UNSET
            and not isinstance(relationship_to_partner, str)
        ):
            raise wrong_type("relationshipToPartner", "a string", relationship_to_partner)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        customer = object.__new__(cls)
        customer.id = id
        customer.commerce_id = commerce_id
        customer.company_profile = company_profile
        customer.relationship_to_partner = relationship_to_partner
        customer.attributes = attributes
        if src_dict.keys() <= _KNOWN_KEYS:
            customer.additional_properties = {}
        else:
            note_unknown_fields("Customer", src_dict.keys() - _KNOWN_KEYS)
            customer.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return customer

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
        "id",
        "commerceId",
        "companyProfile",
        "relationshipToPartner",
        "attributes",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.company_profile import CompanyProfile
from ..models.resource_attributes import ResourceAttributes
