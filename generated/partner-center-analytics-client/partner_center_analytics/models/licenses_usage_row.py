from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, parse_utc_datetime, utc_datetime_text, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="LicensesUsageRow")


@_attrs_define
class LicensesUsageRow:
    """Qualified and active licenses for one customer, product and workload, or, with `groupby`, summed over one
    combination of the grouped fields (then only those fields, `processedDateTime` and the metrics are present). Every
    field may be absent or null.

        Attributes:
            processed_date_time (datetime.datetime | None | str | Unset): When Partner Center processed the data, for
                example `2018-10-14T00:00:00`. The docs' examples send no offset, which is not an RFC 3339 date-time, so this is
                a string rather than `format: date-time`; read it as UTC. An offset or a fraction is allowed too. Generated
                clients decode it (`x-pcinsights-decode`) to a timezone-aware date-time, UTC when there is no offset; a value
                they cannot read as one is kept as the string that was sent.
            workload_code (None | str | Unset): The workload's code, for example `SPO` or `EXO`.
            workload_name (None | str | Unset): The workload, for example `SharePoint`.
            service_code (None | str | Unset): The service's short code, for example `o365`.
            service_name (None | str | Unset): The service's display name, for example `Microsoft Office 365`.
            channel (None | str | Unset): The sales channel, for example `reseller`.
            customer_tenant_id (None | str | Unset): A GUID, upper case in Partner Center's examples (the legacy operations
                send lower case); compare without regard to letter case.
            customer_name (None | str | Unset): The customer's company name.
            product_id (None | str | Unset): A GUID, upper case in Partner Center's examples (the legacy operations send
                lower case); compare without regard to letter case.
            product_name (None | str | Unset): The product, for example `OFFICE 365 ENTERPRISE E3`.
            licenses_active (int | None | Unset): A number of licenses.
            licenses_qualified (int | None | Unset): A number of licenses.
    """

    processed_date_time: datetime.datetime | None | str | Unset = UNSET
    workload_code: None | str | Unset = UNSET
    workload_name: None | str | Unset = UNSET
    service_code: None | str | Unset = UNSET
    service_name: None | str | Unset = UNSET
    channel: None | str | Unset = UNSET
    customer_tenant_id: None | str | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    product_id: None | str | Unset = UNSET
    product_name: None | str | Unset = UNSET
    licenses_active: int | None | Unset = UNSET
    licenses_qualified: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processed_date_time: None | str | Unset
        if isinstance(self.processed_date_time, datetime.datetime):
            processed_date_time = utc_datetime_text(self.processed_date_time)
        else:
            processed_date_time = self.processed_date_time

        workload_code: None | str | Unset
        if isinstance(self.workload_code, Unset):
            workload_code = UNSET
        else:
            workload_code = self.workload_code

        workload_name: None | str | Unset
        if isinstance(self.workload_name, Unset):
            workload_name = UNSET
        else:
            workload_name = self.workload_name

        service_code: None | str | Unset
        if isinstance(self.service_code, Unset):
            service_code = UNSET
        else:
            service_code = self.service_code

        service_name: None | str | Unset
        if isinstance(self.service_name, Unset):
            service_name = UNSET
        else:
            service_name = self.service_name

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        else:
            channel = self.channel

        customer_tenant_id: None | str | Unset
        if isinstance(self.customer_tenant_id, Unset):
            customer_tenant_id = UNSET
        else:
            customer_tenant_id = self.customer_tenant_id

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        product_name: None | str | Unset
        if isinstance(self.product_name, Unset):
            product_name = UNSET
        else:
            product_name = self.product_name

        licenses_active: int | None | Unset
        if isinstance(self.licenses_active, Unset):
            licenses_active = UNSET
        else:
            licenses_active = self.licenses_active

        licenses_qualified: int | None | Unset
        if isinstance(self.licenses_qualified, Unset):
            licenses_qualified = UNSET
        else:
            licenses_qualified = self.licenses_qualified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if processed_date_time is not UNSET:
            field_dict["processedDateTime"] = processed_date_time
        if workload_code is not UNSET:
            field_dict["workloadCode"] = workload_code
        if workload_name is not UNSET:
            field_dict["workloadName"] = workload_name
        if service_code is not UNSET:
            field_dict["serviceCode"] = service_code
        if service_name is not UNSET:
            field_dict["serviceName"] = service_name
        if channel is not UNSET:
            field_dict["channel"] = channel
        if customer_tenant_id is not UNSET:
            field_dict["customerTenantId"] = customer_tenant_id
        if customer_name is not UNSET:
            field_dict["customerName"] = customer_name
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if product_name is not UNSET:
            field_dict["productName"] = product_name
        if licenses_active is not UNSET:
            field_dict["licensesActive"] = licenses_active
        if licenses_qualified is not UNSET:
            field_dict["licensesQualified"] = licenses_qualified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("LicensesUsageRow", "an object", src_dict)
        processed_date_time: Any = src_dict.get("processedDateTime", UNSET)
        if processed_date_time is not None and processed_date_time is not UNSET:
            processed_date_time = parse_utc_datetime("LicensesUsageRow", "processedDateTime", processed_date_time)

        workload_code: Any = src_dict.get("workloadCode", UNSET)
        if (
            type(workload_code) is not str
            and workload_code is not None
            and workload_code is not UNSET
            and not isinstance(workload_code, str)
        ):
            raise wrong_type("workloadCode", "a string", workload_code)

        workload_name: Any = src_dict.get("workloadName", UNSET)
        if (
            type(workload_name) is not str
            and workload_name is not None
            and workload_name is not UNSET
            and not isinstance(workload_name, str)
        ):
            raise wrong_type("workloadName", "a string", workload_name)

        service_code: Any = src_dict.get("serviceCode", UNSET)
        if (
            type(service_code) is not str
            and service_code is not None
            and service_code is not UNSET
            and not isinstance(service_code, str)
        ):
            raise wrong_type("serviceCode", "a string", service_code)

        service_name: Any = src_dict.get("serviceName", UNSET)
        if (
            type(service_name) is not str
            and service_name is not None
            and service_name is not UNSET
            and not isinstance(service_name, str)
        ):
            raise wrong_type("serviceName", "a string", service_name)

        channel: Any = src_dict.get("channel", UNSET)
        if type(channel) is not str and channel is not None and channel is not UNSET and not isinstance(channel, str):
            raise wrong_type("channel", "a string", channel)

        customer_tenant_id: Any = src_dict.get("customerTenantId", UNSET)
        if (
            type(customer_tenant_id) is not str
            and customer_tenant_id is not None
            and customer_tenant_id is not UNSET
            and not isinstance(customer_tenant_id, str)
        ):
            raise wrong_type("customerTenantId", "a string", customer_tenant_id)

        customer_name: Any = src_dict.get("customerName", UNSET)
        if (
            type(customer_name) is not str
            and customer_name is not None
            and customer_name is not UNSET
            and not isinstance(customer_name, str)
        ):
            raise wrong_type("customerName", "a string", customer_name)

        product_id: Any = src_dict.get("productId", UNSET)
        if (
            type(product_id) is not str
            and product_id is not None
            and product_id is not UNSET
            and not isinstance(product_id, str)
        ):
            raise wrong_type("productId", "a string", product_id)

        product_name: Any = src_dict.get("productName", UNSET)
        if (
            type(product_name) is not str
            and product_name is not None
            and product_name is not UNSET
            and not isinstance(product_name, str)
        ):
            raise wrong_type("productName", "a string", product_name)

        licenses_active: Any = src_dict.get("licensesActive", UNSET)
        if type(licenses_active) is not int and licenses_active is not None and licenses_active is not UNSET:
            raise wrong_type("licensesActive", "an integer", licenses_active)

        licenses_qualified: Any = src_dict.get("licensesQualified", UNSET)
        if type(licenses_qualified) is not int and licenses_qualified is not None and licenses_qualified is not UNSET:
            raise wrong_type("licensesQualified", "an integer", licenses_qualified)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        licenses_usage_row = object.__new__(cls)
        licenses_usage_row.processed_date_time = processed_date_time
        licenses_usage_row.workload_code = workload_code
        licenses_usage_row.workload_name = workload_name
        licenses_usage_row.service_code = service_code
        licenses_usage_row.service_name = service_name
        licenses_usage_row.channel = channel
        licenses_usage_row.customer_tenant_id = customer_tenant_id
        licenses_usage_row.customer_name = customer_name
        licenses_usage_row.product_id = product_id
        licenses_usage_row.product_name = product_name
        licenses_usage_row.licenses_active = licenses_active
        licenses_usage_row.licenses_qualified = licenses_qualified
        if src_dict.keys() <= _KNOWN_KEYS:
            licenses_usage_row.additional_properties = {}
        else:
            note_unknown_fields("LicensesUsageRow", src_dict.keys() - _KNOWN_KEYS)
            licenses_usage_row.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return licenses_usage_row

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
        "processedDateTime",
        "workloadCode",
        "workloadName",
        "serviceCode",
        "serviceName",
        "channel",
        "customerTenantId",
        "customerName",
        "productId",
        "productName",
        "licensesActive",
        "licensesQualified",
    }
)
