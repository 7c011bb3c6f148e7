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


T = TypeVar("T", bound="PartnerLicensesUsageInsights")


@_attrs_define
class PartnerLicensesUsageInsights:
    """Licenses used for one service, channel and workload, over all customers.

    Attributes:
        processed_date_time (datetime.datetime | None | Unset): When Partner Center aggregated the data (UTC; offsets
            and 0 to 7 fractional digits occur). Never a leap second: Partner Center (.NET DateTimeOffset) cannot express
            second 60, and neither can Python, so clients reject it as off-spec.
        service_name (None | ServiceName | str | Unset): The service, for example `o365` or `crm`; other values may
            appear.
        channel (Channel | None | str | Unset): The sales channel, for example `reseller`; other values may appear.
        attributes (ResourceAttributes | Unset): The resource's type name and, for some resources, its ETag.
        prorated_licenses_usage_percent (float | None | Unset): A fraction from 0 to 1 (0.25 means 25%). Partner
            Center's docs do not say whether 1.0 means 100% or 1%; this spec chooses the fraction. Clients do not enforce
            the range, so either reading parses.
        workload_name (None | str | Unset): The workload, for example `Exchange`.
    """

    processed_date_time: datetime.datetime | None | Unset = UNSET
    service_name: None | ServiceName | str | Unset = UNSET
    channel: Channel | None | str | Unset = UNSET
    attributes: ResourceAttributes | Unset = UNSET
    prorated_licenses_usage_percent: float | None | Unset = UNSET
    workload_name: None | str | Unset = UNSET
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

        prorated_licenses_usage_percent: float | None | Unset
        if isinstance(self.prorated_licenses_usage_percent, Unset):
            prorated_licenses_usage_percent = UNSET
        else:
            prorated_licenses_usage_percent = self.prorated_licenses_usage_percent

        workload_name: None | str | Unset
        if isinstance(self.workload_name, Unset):
            workload_name = UNSET
        else:
            workload_name = self.workload_name

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
        if prorated_licenses_usage_percent is not UNSET:
            field_dict["proratedLicensesUsagePercent"] = prorated_licenses_usage_percent
        if workload_name is not UNSET:
            field_dict["workloadName"] = workload_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("PartnerLicensesUsageInsights", "an object", src_dict)
        processed_date_time: Any = src_dict.get("processedDateTime", UNSET)
        if processed_date_time is not None and processed_date_time is not UNSET:
            processed_date_time = parse_datetime("processedDateTime", processed_date_time)

        service_name: Any = src_dict.get("serviceName", UNSET)
        if type(service_name) is str:
            service_name = _SERVICENAME_BY_VALUE.get(service_name, service_name)
            if type(service_name) is str:  # a member is a ServiceName, never a plain str
                note_unknown_value("PartnerLicensesUsageInsights", "serviceName", service_name)
        elif service_name is not None and service_name is not UNSET:
            if not isinstance(service_name, str):
                raise wrong_type("serviceName", "a string", service_name)
            service_name = _SERVICENAME_BY_VALUE.get(service_name, service_name)
            if type(service_name) is str:  # a member is a ServiceName, never a plain str
                note_unknown_value("PartnerLicensesUsageInsights", "serviceName", service_name)

        channel: Any = src_dict.get("channel", UNSET)
        if type(channel) is str:
            channel = _CHANNEL_BY_VALUE.get(channel, channel)
            if type(channel) is str:  # a member is a Channel, never a plain str
                note_unknown_value("PartnerLicensesUsageInsights", "channel", channel)
        elif channel is not None and channel is not UNSET:
            if not isinstance(channel, str):
                raise wrong_type("channel", "a string", channel)
            channel = _CHANNEL_BY_VALUE.get(channel, channel)
            if type(channel) is str:  # a member is a Channel, never a plain str
                note_unknown_value("PartnerLicensesUsageInsights", "channel", channel)

        attributes: Any = src_dict.get("attributes", UNSET)
        if attributes is not UNSET:
            attributes = ResourceAttributes.from_dict(attributes)

        prorated_licenses_usage_percent: Any = src_dict.get("proratedLicensesUsagePercent", UNSET)
        if (
            type(prorated_licenses_usage_percent) is not float
            and prorated_licenses_usage_percent is not None
            and prorated_licenses_usage_percent is not UNSET
        ):
            prorated_licenses_usage_percent = as_float("proratedLicensesUsagePercent", prorated_licenses_usage_percent)

        workload_name: Any = src_dict.get("workloadName", UNSET)
        if (
            type(workload_name) is not str
            and workload_name is not None
            and workload_name is not UNSET
            and not isinstance(workload_name, str)
        ):
            raise wrong_type("workloadName", "a string", workload_name)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        partner_licenses_usage_insights = object.__new__(cls)
        partner_licenses_usage_insights.processed_date_time = processed_date_time
        partner_licenses_usage_insights.service_name = service_name
        partner_licenses_usage_insights.channel = channel
        partner_licenses_usage_insights.attributes = attributes
        partner_licenses_usage_insights.prorated_licenses_usage_percent = prorated_licenses_usage_percent
        partner_licenses_usage_insights.workload_name = workload_name
        if src_dict.keys() <= _KNOWN_KEYS:
            partner_licenses_usage_insights.additional_properties = {}
        else:
            note_unknown_fields("PartnerLicensesUsageInsights", src_dict.keys() - _KNOWN_KEYS)
            partner_licenses_usage_insights.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return partner_licenses_usage_insights

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
        "proratedLicensesUsagePercent",
        "workloadName",
    }
)

# Imported last so that models referring to each other can import each other.
from ..models.resource_attributes import ResourceAttributes
