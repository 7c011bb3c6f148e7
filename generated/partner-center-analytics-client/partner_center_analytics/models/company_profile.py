from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="CompanyProfile")


@_attrs_define
class CompanyProfile:
    """A customer's company profile.

    Attributes:
        tenant_id (None | str | Unset): The customer's Entra tenant id.
        domain (None | str | Unset): The customer's default domain, for example `contoso.onmicrosoft.com`.
        company_name (None | str | Unset):
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
    """

    tenant_id: None | str | Unset = UNSET
    domain: None | str | Unset = UNSET
    company_name: None | str | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        company_name: None | str | Unset
        if isinstance(self.company_name, Unset):
            company_name = UNSET
        else:
            company_name = self.company_name

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if domain is not UNSET:
            field_dict["domain"] = domain
        if company_name is not UNSET:
            field_dict["companyName"] = company_name
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("CompanyProfile", "an object", src_dict)
        tenant_id: Any = src_dict.get("tenantId", UNSET)
        if (
            type(tenant_id) is not str
            and tenant_id is not None
            and tenant_id is not UNSET
            and not isinstance(tenant_id, str)
        ):
            raise wrong_type("tenantId", "a string", tenant_id)

        domain: Any = src_dict.get("domain", UNSET)
        if type(domain) is not str and domain is not None and domain is not UNSET and not isinstance(domain, str):
            raise wrong_type("domain", "a string", domain)

        company_name: Any = src_dict.get("companyName", UNSET)
        if (
            type(company_name) is not str
            and company_name is not None
            and company_name is not UNSET
            and not isinstance(company_name, str)
        ):
            raise wrong_type("companyName", "a string", company_name)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        company_profile = object.__new__(cls)
        company_profile.tenant_id = tenant_id
        company_profile.domain = domain
        company_profile.company_name = company_name
        company_profile.attributes = attributes
        if src_dict.keys() <= _KNOWN_KEYS:
            company_profile.additional_properties = {}
        else:
            note_unknown_fields("CompanyProfile", src_dict.keys() - _KNOWN_KEYS)
            company_profile.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return company_profile

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
        "tenantId",
        "domain",
        "companyName",
        "attributes",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.resource_attributes import ResourceAttributes
