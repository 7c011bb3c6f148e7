from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.service_name import ServiceName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_attributes import ResourceAttributes


T = TypeVar("T", bound="PartnerLicensesUsageInsights")


@_attrs_define
class PartnerLicensesUsageInsights:
    """Licenses used for one service, channel and workload, over all customers.

    Attributes:
        processed_date_time (datetime.datetime | None | Unset): When Partner Center aggregated the data (UTC; offsets
            and 0 to 7 fractional digits occur).
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
        field_dict.update({})
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
        from ..models.resource_attributes import ResourceAttributes  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_processed_date_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                processed_date_time_type_0 = datetime.datetime.fromisoformat(data)

                return processed_date_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        processed_date_time = _parse_processed_date_time(d.pop("processedDateTime", UNSET))

        def _parse_service_name(data: object) -> None | ServiceName | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_name_type_0 = ServiceName(data)

                return service_name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceName | str | Unset, data)

        service_name = _parse_service_name(d.pop("serviceName", UNSET))

        def _parse_channel(data: object) -> Channel | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = Channel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Channel | None | str | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: ResourceAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ResourceAttributes.from_dict(_attributes)

        def _parse_prorated_licenses_usage_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        prorated_licenses_usage_percent = _parse_prorated_licenses_usage_percent(
            d.pop("proratedLicensesUsagePercent", UNSET)
        )

        def _parse_workload_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workload_name = _parse_workload_name(d.pop("workloadName", UNSET))

        partner_licenses_usage_insights = cls(
            processed_date_time=processed_date_time,
            service_name=service_name,
            channel=channel,
            attributes=attributes,
            prorated_licenses_usage_percent=prorated_licenses_usage_percent,
            workload_name=workload_name,
        )

        partner_licenses_usage_insights.additional_properties = d
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
