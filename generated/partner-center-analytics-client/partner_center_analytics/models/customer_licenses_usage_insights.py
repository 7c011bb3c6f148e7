from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import as_float, note_unknown_fields, note_unknown_value, parse_datetime, wrong_type
from .._types import UNSET, Unset
from ..models.channel import Channel
from ..models.service_name import ServiceName

# Lookup by value: much cheaper than calling the enum for every decoded object.
_SERVICENAME_BY_VALUE = {member.value: member for member in ServiceName}

# Lookup by value: much cheaper than calling the enum for every decoded object.
_CHANNEL_BY_VALUE = {member.value: member for member in Channel}


T = TypeVar("T", bound="CustomerLicensesUsageInsights")


@_attrs_define
class CustomerLicensesUsageInsights:
    """Qualified and active licenses for one product and workload of one customer. The docs type `workloadName` as a
    number, which every example and SDK contradicts; this spec takes it as a string.

        Attributes:
            processed_date_time (datetime.datetime | None | Unset): When Partner Center aggregated the data (UTC; offsets
                and 0 to 7 fractional digits occur). Never a leap second: Partner Center (.NET DateTimeOffset) cannot express
                second 60, and neither can Python, so clients reject it as off-spec.
            service_name (None | ServiceName | str | Unset): The service, for example `o365` or `crm`; other values may
                appear.
            channel (Channel | None | str | Unset): The sales channel, for example `reseller`; other values may appear.
            attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
            customer_id (None | str | Unset): The customer's tenant id (the docs' examples leave it out).
            customer_name (None | str | Unset): The customer's company name.
            product_name (None | str | Unset): The product, for example `OFFICE 365 BUSINESS ESSENTIALS`.
            service_code (None | str | Unset): The service code, for example `O365` (the docs' examples leave it out).
            workload_code (None | str | Unset): The workload code, for example `EXO`.
            workload_name (None | str | Unset): The workload, for example `Exchange`.
            usage_percent (float | None | Unset): A fraction from 0 to 1 (0.25 means 25%). Partner Center's docs do not say
                whether 1.0 means 100% or 1%; this spec chooses the fraction. Clients do not enforce the range, so either
                reading parses.
            licenses_active (int | None | Unset): A number of licenses.
            licenses_qualified (int | None | Unset): A number of licenses.
    """

    processed_date_time: datetime.datetime | None | Unset = UNSET
    service_name: None | ServiceName | str | Unset = UNSET
    channel: Channel | None | str | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    product_name: None | str | Unset = UNSET
    service_code: None | str | Unset = UNSET
    workload_code: None | str | Unset = UNSET
    workload_name: None | str | Unset = UNSET
    usage_percent: float | None | Unset = UNSET
    licenses_active: int | None | Unset = UNSET
    licenses_qualified: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processed_date_time: None | str | Unset
        if isinstance(self.processed_date_time, Unset):
            processed_date_time = UNSET
        elif isinstance(self.processed_date_time, datetime.datetime):
            processed_date_time = self.processed_date_time.isoformat()
        else:
            processed_date_time = self.processed_date_time

        service_name: None | str | Unset
        if isinstance(self.service_name, Unset):
            service_name = UNSET
        elif isinstance(self.service_name, ServiceName):
            service_name = self.service_name.value
        else:
            service_name = self.service_name

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

        product_name: None | str | Unset
        if isinstance(self.product_name, Unset):
            product_name = UNSET
        else:
            product_name = self.product_name

        service_code: None | str | Unset
        if isinstance(self.service_code, Unset):
            service_code = UNSET
        else:
            service_code = self.service_code

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

        usage_percent: float | None | Unset
        if isinstance(self.usage_percent, Unset):
            usage_percent = UNSET
        else:
            usage_percent = self.usage_percent

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
        if service_name is not UNSET:
            field_dict["serviceName"] = service_name
        if channel is not UNSET:
            field_dict["channel"] = channel
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if customer_name is not UNSET:
            field_dict["customerName"] = customer_name
        if product_name is not UNSET:
            field_dict["productName"] = product_name
        if service_code is not UNSET:
            field_dict["serviceCode"] = service_code
        if workload_code is not UNSET:
            field_dict["workloadCode"] = workload_code
        if workload_name is not UNSET:
            field_dict["workloadName"] = workload_name
        if usage_percent is not UNSET:
            field_dict["usagePercent"] = usage_percent
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
            raise wrong_type("CustomerLicensesUsageInsights", "an object", src_dict)
        processed_date_time: Any = src_dict.get("processedDateTime", UNSET)
        if processed_date_time is not None and processed_date_time is not UNSET:
            processed_date_time = parse_datetime("processedDateTime", processed_date_time)

        service_name: Any = src_dict.get("serviceName", UNSET)
        if type(service_name) is str:
            service_name = _SERVICENAME_BY_VALUE.get(service_name, service_name)
            if type(service_name) is str:  # a member is a ServiceName, never a plain str
                note_unknown_value("CustomerLicensesUsageInsights", "serviceName", service_name)
        elif service_name is not None and service_name is not UNSET:
            if not isinstance(service_name, str):
                raise wrong_type("serviceName", "a string", service_name)
            service_name = _SERVICENAME_BY_VALUE.get(service_name, service_name)
            if type(service_name) is str:  # a member is a ServiceName, never a plain str
                note_unknown_value("CustomerLicensesUsageInsights", "serviceName", service_name)

        channel: Any = src_dict.get("channel", UNSET)
        if type(channel) is str:
            channel = _CHANNEL_BY_VALUE.get(channel, channel)
            if type(channel) is str:  # a member is a Channel, never a plain str
                note_unknown_value("CustomerLicensesUsageInsights", "channel", channel)
        elif channel is not None and channel is not UNSET:
            if not isinstance(channel, str):
                raise wrong_type("channel", "a string", channel)
            channel = _CHANNEL_BY_VALUE.get(channel, channel)
            if type(channel) is str:  # a member is a Channel, never a plain str
                note_unknown_value("CustomerLicensesUsageInsights", "channel", channel)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        customer_id: Any = src_dict.get("customerId", UNSET)
        if (
            type(customer_id) is not str
            and customer_id is not None
            and customer_id is not UNSET
            and not isinstance(customer_id, str)
        ):
            raise wrong_type("customerId", "a string", customer_id)

        customer_name: Any = src_dict.get("customerName", UNSET)
        if (
            type(customer_name) is not str
            and customer_name is not None
            and customer_name is not UNSET
            and not isinstance(customer_name, str)
        ):
            raise wrong_type("customerName", "a string", customer_name)

        product_name: Any = src_dict.get("productName", UNSET)
        if (
            type(product_name) is not str
            and product_name is not None
            and product_name is not UNSET
            and not isinstance(product_name, str)
        ):
            raise wrong_type("productName", "a string", product_name)

        service_code: Any = src_dict.get("serviceCode", UNSET)
        if (
            type(service_code) is not str
            and service_code is not None
            and service_code is not UNSET
            and not isinstance(service_code, str)
        ):
            raise wrong_type("serviceCode", "a string", service_code)

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

        usage_percent: Any = src_dict.get("usagePercent", UNSET)
        if type(usage_percent) is not float and usage_percent is not None and usage_percent is not UNSET:
            usage_percent = as_float("usagePercent", usage_percent)

        licenses_active: Any = src_dict.get("licensesActive", UNSET)
        if type(licenses_active) is not int and licenses_active is not None and licenses_active is not UNSET:
            raise wrong_type("licensesActive", "an integer", licenses_active)

        licenses_qualified: Any = src_dict.get("licensesQualified", UNSET)
        if type(licenses_qualified) is not int and licenses_qualified is not None and licenses_qualified is not UNSET:
            raise wrong_type("licensesQualified", "an integer", licenses_qualified)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        customer_licenses_usage_insights = object.__new__(cls)
        customer_licenses_usage_insights.processed_date_time = processed_date_time
        customer_licenses_usage_insights.service_name = service_name
        customer_licenses_usage_insights.channel = channel
        customer_licenses_usage_insights.attributes = attributes
        customer_licenses_usage_insights.customer_id = customer_id
        customer_licenses_usage_insights.customer_name = customer_name
        customer_licenses_usage_insights.product_name = product_name
        customer_licenses_usage_insights.service_code = service_code
        customer_licenses_usage_insights.workload_code = workload_code
        customer_licenses_usage_insights.workload_name = workload_name
        customer_licenses_usage_insights.usage_percent = usage_percent
        customer_licenses_usage_insights.licenses_active = licenses_active
        customer_licenses_usage_insights.licenses_qualified = licenses_qualified
        if src_dict.keys() <= _KNOWN_KEYS:
            customer_licenses_usage_insights.additional_properties = {}
        else:
            note_unknown_fields("CustomerLicensesUsageInsights", src_dict.keys() - _KNOWN_KEYS)
            customer_licenses_usage_insights.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return customer_licenses_usage_insights

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
        "serviceName",
        "channel",
        "attributes",
        "customerId",
        "customerName",
        "productName",
        "serviceCode",
        "workloadCode",
        "workloadName",
        "usagePercent",
        "licensesActive",
        "licensesQualified",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.resource_attributes import ResourceAttributes
