from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_profile import CompanyProfile
    from ..models.resource_attributes import ResourceAttributes


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
        from ..models.company_profile import CompanyProfile  # noqa: PLC0415
        from ..models.resource_attributes import ResourceAttributes  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_commerce_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commerce_id = _parse_commerce_id(d.pop("commerceId", UNSET))

        _company_profile = d.pop("companyProfile", UNSET)
        company_profile: CompanyProfile | Unset
        if isinstance(_company_profile, Unset):
            company_profile = UNSET
        else:
            company_profile = CompanyProfile.from_dict(_company_profile)

        def _parse_relationship_to_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship_to_partner = _parse_relationship_to_partner(d.pop("relationshipToPartner", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: ResourceAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ResourceAttributes.from_dict(_attributes)

        customer = cls(
            id=id,
            commerce_id=commerce_id,
            company_profile=company_profile,
            relationship_to_partner=relationship_to_partner,
            attributes=attributes,
        )

        customer.additional_properties = d
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
