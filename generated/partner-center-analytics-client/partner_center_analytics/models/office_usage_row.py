from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="OfficeUsageRow")


@_attrs_define
class OfficeUsageRow:
    """One row of an OfficeUsage file: Office 365 paid available units and monthly active users per customer, workload and
    month. Columns and metrics as the docs' dataset definition lists them (the custom query page), which the system
    query `d8349f7b-a7d1-467e-b26d-434d4a50f26a` selects in the same order; the data definitions' other spellings
    (`PGAPartnerID`, `PartnerID`, `PartnerLocation`) are not used. Every property is optional (a query selects a subset)
    and null stands for an empty cell.

        Attributes:
            customer_tenant_id (None | str | Unset): The customer's tenant id (a GUID).
            customer_tpid (None | str | Unset):
            workload_name (None | str | Unset): The workload, for example `Exchange` or `Teams`.
            month (None | str | Unset): The month, as `yyyy-MM-dd` (its first day).
            paid_available_units (int | None | Unset): Paid available units.
            monthly_active_users (int | None | Unset): Monthly active users.
            customer_name (None | str | Unset):
            customer_market (None | str | Unset):
            customer_segment (None | str | Unset):
            mpn_id (None | str | Unset):
            partner_name (None | str | Unset):
            partner_location_id (None | str | Unset):
            partner_attribution_type (None | str | Unset):
            is_duplicate_row_for_pga (None | str | Unset): 0 for one row per partner global account, 1 for its duplicates
                (as text).
            customer_count (int | None | Unset): A metric: how many distinct customers the rows sharing the selected
                columns' values hold.
            customer_tenant_count (int | None | Unset): A metric: how many distinct customer tenants the rows sharing the
                selected columns' values hold.
            total_paid_available_units (int | None | Unset): A metric: the sum over the rows sharing the selected columns'
                values.
            total_monthly_active_users (int | None | Unset): A metric: the sum over the rows sharing the selected columns'
                values.
    """

    customer_tenant_id: None | str | Unset = UNSET
    customer_tpid: None | str | Unset = UNSET
    workload_name: None | str | Unset = UNSET
    month: None | str | Unset = UNSET
    paid_available_units: int | None | Unset = UNSET
    monthly_active_users: int | None | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    customer_market: None | str | Unset = UNSET
    customer_segment: None | str | Unset = UNSET
    mpn_id: None | str | Unset = UNSET
    partner_name: None | str | Unset = UNSET
    partner_location_id: None | str | Unset = UNSET
    partner_attribution_type: None | str | Unset = UNSET
    is_duplicate_row_for_pga: None | str | Unset = UNSET
    customer_count: int | None | Unset = UNSET
    customer_tenant_count: int | None | Unset = UNSET
    total_paid_available_units: int | None | Unset = UNSET
    total_monthly_active_users: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_tenant_id: None | str | Unset
        if isinstance(self.customer_tenant_id, Unset):
            customer_tenant_id = UNSET
        else:
            customer_tenant_id = self.customer_tenant_id

        customer_tpid: None | str | Unset
        if isinstance(self.customer_tpid, Unset):
            customer_tpid = UNSET
        else:
            customer_tpid = self.customer_tpid

        workload_name: None | str | Unset
        if isinstance(self.workload_name, Unset):
            workload_name = UNSET
        else:
            workload_name = self.workload_name

        month: None | str | Unset
        if isinstance(self.month, Unset):
            month = UNSET
        else:
            month = self.month

        paid_available_units: int | None | Unset
        if isinstance(self.paid_available_units, Unset):
            paid_available_units = UNSET
        else:
            paid_available_units = self.paid_available_units

        monthly_active_users: int | None | Unset
        if isinstance(self.monthly_active_users, Unset):
            monthly_active_users = UNSET
        else:
            monthly_active_users = self.monthly_active_users

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

        customer_market: None | str | Unset
        if isinstance(self.customer_market, Unset):
            customer_market = UNSET
        else:
            customer_market = self.customer_market

        customer_segment: None | str | Unset
        if isinstance(self.customer_segment, Unset):
            customer_segment = UNSET
        else:
            customer_segment = self.customer_segment

        mpn_id: None | str | Unset
        if isinstance(self.mpn_id, Unset):
            mpn_id = UNSET
        else:
            mpn_id = self.mpn_id

        partner_name: None | str | Unset
        if isinstance(self.partner_name, Unset):
            partner_name = UNSET
        else:
            partner_name = self.partner_name

        partner_location_id: None | str | Unset
        if isinstance(self.partner_location_id, Unset):
            partner_location_id = UNSET
        else:
            partner_location_id = self.partner_location_id

        partner_attribution_type: None | str | Unset
        if isinstance(self.partner_attribution_type, Unset):
            partner_attribution_type = UNSET
        else:
            partner_attribution_type = self.partner_attribution_type

        is_duplicate_row_for_pga: None | str | Unset
        if isinstance(self.is_duplicate_row_for_pga, Unset):
            is_duplicate_row_for_pga = UNSET
        else:
            is_duplicate_row_for_pga = self.is_duplicate_row_for_pga

        customer_count: int | None | Unset
        if isinstance(self.customer_count, Unset):
            customer_count = UNSET
        else:
            customer_count = self.customer_count

        customer_tenant_count: int | None | Unset
        if isinstance(self.customer_tenant_count, Unset):
            customer_tenant_count = UNSET
        else:
            customer_tenant_count = self.customer_tenant_count

        total_paid_available_units: int | None | Unset
        if isinstance(self.total_paid_available_units, Unset):
            total_paid_available_units = UNSET
        else:
            total_paid_available_units = self.total_paid_available_units

        total_monthly_active_users: int | None | Unset
        if isinstance(self.total_monthly_active_users, Unset):
            total_monthly_active_users = UNSET
        else:
            total_monthly_active_users = self.total_monthly_active_users

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if customer_tenant_id is not UNSET:
            field_dict["CustomerTenantId"] = customer_tenant_id
        if customer_tpid is not UNSET:
            field_dict["CustomerTpid"] = customer_tpid
        if workload_name is not UNSET:
            field_dict["WorkloadName"] = workload_name
        if month is not UNSET:
            field_dict["Month"] = month
        if paid_available_units is not UNSET:
            field_dict["PaidAvailableUnits"] = paid_available_units
        if monthly_active_users is not UNSET:
            field_dict["MonthlyActiveUsers"] = monthly_active_users
        if customer_name is not UNSET:
            field_dict["CustomerName"] = customer_name
        if customer_market is not UNSET:
            field_dict["CustomerMarket"] = customer_market
        if customer_segment is not UNSET:
            field_dict["CustomerSegment"] = customer_segment
        if mpn_id is not UNSET:
            field_dict["MPNId"] = mpn_id
        if partner_name is not UNSET:
            field_dict["PartnerName"] = partner_name
        if partner_location_id is not UNSET:
            field_dict["PartnerLocationID"] = partner_location_id
        if partner_attribution_type is not UNSET:
            field_dict["PartnerAttributionType"] = partner_attribution_type
        if is_duplicate_row_for_pga is not UNSET:
            field_dict["IsDuplicateRowForPGA"] = is_duplicate_row_for_pga
        if customer_count is not UNSET:
            field_dict["CustomerCount"] = customer_count
        if customer_tenant_count is not UNSET:
            field_dict["CustomerTenantCount"] = customer_tenant_count
        if total_paid_available_units is not UNSET:
            field_dict["TotalPaidAvailableUnits"] = total_paid_available_units
        if total_monthly_active_users is not UNSET:
            field_dict["TotalMonthlyActiveUsers"] = total_monthly_active_users

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("OfficeUsageRow", "an object", src_dict)
        customer_tenant_id: Any = src_dict.get("CustomerTenantId", UNSET)
        if (
            type(customer_tenant_id) is not str
            and customer_tenant_id is not None
            and customer_tenant_id is not UNSET
            and not isinstance(customer_tenant_id, str)
        ):
            raise wrong_type("CustomerTenantId", "a string", customer_tenant_id)

        customer_tpid: Any = src_dict.get("CustomerTpid", UNSET)
        if (
            type(customer_tpid) is not str
            and customer_tpid is not None
            and customer_tpid is not UNSET
            and not isinstance(customer_tpid, str)
        ):
            raise wrong_type("CustomerTpid", "a string", customer_tpid)

        workload_name: Any = src_dict.get("WorkloadName", UNSET)
        if (
            type(workload_name) is not str
            and workload_name is not None
            and workload_name is not UNSET
            and not isinstance(workload_name, str)
        ):
            raise wrong_type("WorkloadName", "a string", workload_name)

        month: Any = src_dict.get("Month", UNSET)
        if type(month) is not str and month is not None and month is not UNSET and not isinstance(month, str):
            raise wrong_type("Month", "a string", month)

        paid_available_units: Any = src_dict.get("PaidAvailableUnits", UNSET)
        if (
            type(paid_available_units) is not int
            and paid_available_units is not None
            and paid_available_units is not UNSET
        ):
            raise wrong_type("PaidAvailableUnits", "an integer", paid_available_units)

        monthly_active_users: Any = src_dict.get("MonthlyActiveUsers", UNSET)
        if (
            type(monthly_active_users) is not int
            and monthly_active_users is not None
            and monthly_active_users is not UNSET
        ):
            raise wrong_type("MonthlyActiveUsers", "an integer", monthly_active_users)

        customer_name: Any = src_dict.get("CustomerName", UNSET)
        if (
            type(customer_name) is not str
            and customer_name is not None
            and customer_name is not UNSET
            and not isinstance(customer_name, str)
        ):
            raise wrong_type("CustomerName", "a string", customer_name)

        customer_market: Any = src_dict.get("CustomerMarket", UNSET)
        if (
            type(customer_market) is not str
            and customer_market is not None
            and customer_market is not UNSET
            and not isinstance(customer_market, str)
        ):
            raise wrong_type("CustomerMarket", "a string", customer_market)

        customer_segment: Any = src_dict.get("CustomerSegment", UNSET)
        if (
            type(customer_segment) is not str
            and customer_segment is not None
            and customer_segment is not UNSET
            and not isinstance(customer_segment, str)
        ):
            raise wrong_type("CustomerSegment", "a string", customer_segment)

        mpn_id: Any = src_dict.get("MPNId", UNSET)
        if type(mpn_id) is not str and mpn_id is not None and mpn_id is not UNSET and not isinstance(mpn_id, str):
            raise wrong_type("MPNId", "a string", mpn_id)

        partner_name: Any = src_dict.get("PartnerName", UNSET)
        if (
            type(partner_name) is not str
            and partner_name is not None
            and partner_name is not UNSET
            and not isinstance(partner_name, str)
        ):
            raise wrong_type("PartnerName", "a string", partner_name)

        partner_location_id: Any = src_dict.get("PartnerLocationID", UNSET)
        if (
            type(partner_location_id) is not str
            and partner_location_id is not None
            and partner_location_id is not UNSET
            and not isinstance(partner_location_id, str)
        ):
            raise wrong_type("PartnerLocationID", "a string", partner_location_id)

        partner_attribution_type: Any = src_dict.get("PartnerAttributionType", UNSET)
        if (
            type(partner_attribution_type) is not str
            and partner_attribution_type is not None
            and partner_attribution_type is not UNSET
            and not isinstance(partner_attribution_type, str)
        ):
            raise wrong_type("PartnerAttributionType", "a string", partner_attribution_type)

        is_duplicate_row_for_pga: Any = src_dict.get("IsDuplicateRowForPGA", UNSET)
        if (
            type(is_duplicate_row_for_pga) is not str
            and is_duplicate_row_for_pga is not None
            and is_duplicate_row_for_pga is not UNSET
            and not isinstance(is_duplicate_row_for_pga, str)
        ):
            raise wrong_type("IsDuplicateRowForPGA", "a string", is_duplicate_row_for_pga)

        customer_count: Any = src_dict.get("CustomerCount", UNSET)
        if type(customer_count) is not int and customer_count is not None and customer_count is not UNSET:
            raise wrong_type("CustomerCount", "an integer", customer_count)

        customer_tenant_count: Any = src_dict.get("CustomerTenantCount", UNSET)
        if (
            type(customer_tenant_count) is not int
            and customer_tenant_count is not None
            and customer_tenant_count is not UNSET
        ):
            raise wrong_type("CustomerTenantCount", "an integer", customer_tenant_count)

        total_paid_available_units: Any = src_dict.get("TotalPaidAvailableUnits", UNSET)
        if (
            type(total_paid_available_units) is not int
            and total_paid_available_units is not None
            and total_paid_available_units is not UNSET
        ):
            raise wrong_type("TotalPaidAvailableUnits", "an integer", total_paid_available_units)

        total_monthly_active_users: Any = src_dict.get("TotalMonthlyActiveUsers", UNSET)
        if (
            type(total_monthly_active_users) is not int
            and total_monthly_active_users is not None
            and total_monthly_active_users is not UNSET
        ):
            raise wrong_type("TotalMonthlyActiveUsers", "an integer", total_monthly_active_users)

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        office_usage_row = object.__new__(cls)
        office_usage_row.customer_tenant_id = customer_tenant_id
        office_usage_row.customer_tpid = customer_tpid
        office_usage_row.workload_name = workload_name
        office_usage_row.month = month
        office_usage_row.paid_available_units = paid_available_units
        office_usage_row.monthly_active_users = monthly_active_users
        office_usage_row.customer_name = customer_name
        office_usage_row.customer_market = customer_market
        office_usage_row.customer_segment = customer_segment
        office_usage_row.mpn_id = mpn_id
        office_usage_row.partner_name = partner_name
        office_usage_row.partner_location_id = partner_location_id
        office_usage_row.partner_attribution_type = partner_attribution_type
        office_usage_row.is_duplicate_row_for_pga = is_duplicate_row_for_pga
        office_usage_row.customer_count = customer_count
        office_usage_row.customer_tenant_count = customer_tenant_count
        office_usage_row.total_paid_available_units = total_paid_available_units
        office_usage_row.total_monthly_active_users = total_monthly_active_users
        if src_dict.keys() <= _KNOWN_KEYS:
            office_usage_row.additional_properties = {}
        else:
            note_unknown_fields("OfficeUsageRow", src_dict.keys() - _KNOWN_KEYS)
            office_usage_row.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return office_usage_row

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
        "CustomerTenantId",
        "CustomerTpid",
        "WorkloadName",
        "Month",
        "PaidAvailableUnits",
        "MonthlyActiveUsers",
        "CustomerName",
        "CustomerMarket",
        "CustomerSegment",
        "MPNId",
        "PartnerName",
        "PartnerLocationID",
        "PartnerAttributionType",
        "IsDuplicateRowForPGA",
        "CustomerCount",
        "CustomerTenantCount",
        "TotalPaidAvailableUnits",
        "TotalMonthlyActiveUsers",
    }
)
