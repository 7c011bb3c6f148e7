from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import as_float, note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="PowerBIUsageRow")


@_attrs_define
class PowerBIUsageRow:
    """One row of a PowerBIUsage file: Power BI seats per subscription and month. The docs do not list this dataset's
    columns or metrics: the columns are those of its system query `40ebfe2f-7183-4427-a911-5c9b45b6df15`, in its order,
    and the metrics are DynamicsUsage's (an inference: the data definitions describe the two datasets together). Every
    property is optional (a query selects a subset) and null stands for an empty cell.

        Attributes:
            subscription_id (None | str | Unset):
            subscription_start_date (None | str | Unset):
            subscription_end_date (None | str | Unset):
            subscription_status (None | str | Unset):
            month (None | str | Unset): The month, as `yyyy-MM-dd` (its first day).
            sku (None | str | Unset):
            sku_id (None | str | Unset):
            free_vs_paid_sku (None | str | Unset):
            sales_model (None | str | Unset):
            detailed_sales_model (None | str | Unset):
            customer_name (None | str | Unset):
            customer_tenant_id (None | str | Unset): The customer's tenant id (a GUID).
            customer_tpid (None | str | Unset):
            customer_segment (None | str | Unset):
            customer_market (None | str | Unset):
            mpn_id (None | str | Unset):
            partner_name (None | str | Unset):
            partner_location_id (None | str | Unset):
            partner_attach_type (None | str | Unset):
            partner_hierarchy (None | str | Unset):
            available_seats (int | None | Unset): Paid available seats.
            assigned_seats (int | None | Unset): Assigned seats.
            active_seats (int | None | Unset): Active seats.
            deployment_opportunity (int | None | Unset): Seats not assigned.
            active_usage_percent (float | None | Unset): Active usage as a percentage of available seats.
            subscription_count (int | None | Unset): A metric: how many distinct subscriptions the rows sharing the selected
                columns' values hold.
            total_assigned_seats (int | None | Unset): A metric: the sum over the rows sharing the selected columns' values.
            total_sold_seats (int | None | Unset): A metric: the sum over the rows sharing the selected columns' values.
            total_active_seats (int | None | Unset): A metric: the sum over the rows sharing the selected columns' values.
            total_revenue_and_acr (float | None | Unset): A metric: the sum over the rows sharing the selected columns'
                values.
            customer_count (int | None | Unset): A metric: how many distinct customers the rows sharing the selected
                columns' values hold.
            customer_tenant_count (int | None | Unset): A metric: how many distinct customer tenants the rows sharing the
                selected columns' values hold.
    """

    subscription_id: None | str | Unset = UNSET
    subscription_start_date: None | str | Unset = UNSET
    subscription_end_date: None | str | Unset = UNSET
    subscription_status: None | str | Unset = UNSET
    month: None | str | Unset = UNSET
    sku: None | str | Unset = UNSET
    sku_id: None | str | Unset = UNSET
    free_vs_paid_sku: None | str | Unset = UNSET
    sales_model: None | str | Unset = UNSET
    detailed_sales_model: None | str | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    customer_tenant_id: None | str | Unset = UNSET
    customer_tpid: None | str | Unset = UNSET
    customer_segment: None | str | Unset = UNSET
    customer_market: None | str | Unset = UNSET
    mpn_id: None | str | Unset = UNSET
    partner_name: None | str | Unset = UNSET
    partner_location_id: None | str | Unset = UNSET
    partner_attach_type: None | str | Unset = UNSET
    partner_hierarchy: None | str | Unset = UNSET
    available_seats: int | None | Unset = UNSET
    assigned_seats: int | None | Unset = UNSET
    active_seats: int | None | Unset = UNSET
    deployment_opportunity: int | None | Unset = UNSET
    active_usage_percent: float | None | Unset = UNSET
    subscription_count: int | None | Unset = UNSET
    total_assigned_seats: int | None | Unset = UNSET
    total_sold_seats: int | None | Unset = UNSET
    total_active_seats: int | None | Unset = UNSET
    total_revenue_and_acr: float | None | Unset = UNSET
    customer_count: int | None | Unset = UNSET
    customer_tenant_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscription_id: None | str | Unset
        if isinstance(self.subscription_id, Unset):
            subscription_id = UNSET
        else:
            subscription_id = self.subscription_id

        subscription_start_date: None | str | Unset
        if isinstance(self.subscription_start_date, Unset):
            subscription_start_date = UNSET
        else:
            subscription_start_date = self.subscription_start_date

        subscription_end_date: None | str | Unset
        if isinstance(self.subscription_end_date, Unset):
            subscription_end_date = UNSET
        else:
            subscription_end_date = self.subscription_end_date

        subscription_status: None | str | Unset
        if isinstance(self.subscription_status, Unset):
            subscription_status = UNSET
        else:
            subscription_status = self.subscription_status

        month: None | str | Unset
        if isinstance(self.month, Unset):
            month = UNSET
        else:
            month = self.month

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        sku_id: None | str | Unset
        if isinstance(self.sku_id, Unset):
            sku_id = UNSET
        else:
            sku_id = self.sku_id

        free_vs_paid_sku: None | str | Unset
        if isinstance(self.free_vs_paid_sku, Unset):
            free_vs_paid_sku = UNSET
        else:
            free_vs_paid_sku = self.free_vs_paid_sku

        sales_model: None | str | Unset
        if isinstance(self.sales_model, Unset):
            sales_model = UNSET
        else:
            sales_model = self.sales_model

        detailed_sales_model: None | str | Unset
        if isinstance(self.detailed_sales_model, Unset):
            detailed_sales_model = UNSET
        else:
            detailed_sales_model = self.detailed_sales_model

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

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

        customer_segment: None | str | Unset
        if isinstance(self.customer_segment, Unset):
            customer_segment = UNSET
        else:
            customer_segment = self.customer_segment

        customer_market: None | str | Unset
        if isinstance(self.customer_market, Unset):
            customer_market = UNSET
        else:
            customer_market = self.customer_market

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

        partner_attach_type: None | str | Unset
        if isinstance(self.partner_attach_type, Unset):
            partner_attach_type = UNSET
        else:
            partner_attach_type = self.partner_attach_type

        partner_hierarchy: None | str | Unset
        if isinstance(self.partner_hierarchy, Unset):
            partner_hierarchy = UNSET
        else:
            partner_hierarchy = self.partner_hierarchy

        available_seats: int | None | Unset
        if isinstance(self.available_seats, Unset):
            available_seats = UNSET
        else:
            available_seats = self.available_seats

        assigned_seats: int | None | Unset
        if isinstance(self.assigned_seats, Unset):
            assigned_seats = UNSET
        else:
            assigned_seats = self.assigned_seats

        active_seats: int | None | Unset
        if isinstance(self.active_seats, Unset):
            active_seats = UNSET
        else:
            active_seats = self.active_seats

        deployment_opportunity: int | None | Unset
        if isinstance(self.deployment_opportunity, Unset):
            deployment_opportunity = UNSET
        else:
            deployment_opportunity = self.deployment_opportunity

        active_usage_percent: float | None | Unset
        if isinstance(self.active_usage_percent, Unset):
            active_usage_percent = UNSET
        else:
            active_usage_percent = self.active_usage_percent

        subscription_count: int | None | Unset
        if isinstance(self.subscription_count, Unset):
            subscription_count = UNSET
        else:
            subscription_count = self.subscription_count

        total_assigned_seats: int | None | Unset
        if isinstance(self.total_assigned_seats, Unset):
            total_assigned_seats = UNSET
        else:
            total_assigned_seats = self.total_assigned_seats

        total_sold_seats: int | None | Unset
        if isinstance(self.total_sold_seats, Unset):
            total_sold_seats = UNSET
        else:
            total_sold_seats = self.total_sold_seats

        total_active_seats: int | None | Unset
        if isinstance(self.total_active_seats, Unset):
            total_active_seats = UNSET
        else:
            total_active_seats = self.total_active_seats

        total_revenue_and_acr: float | None | Unset
        if isinstance(self.total_revenue_and_acr, Unset):
            total_revenue_and_acr = UNSET
        else:
            total_revenue_and_acr = self.total_revenue_and_acr

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if subscription_id is not UNSET:
            field_dict["SubscriptionId"] = subscription_id
        if subscription_start_date is not UNSET:
            field_dict["SubscriptionStartDate"] = subscription_start_date
        if subscription_end_date is not UNSET:
            field_dict["SubscriptionEndDate"] = subscription_end_date
        if subscription_status is not UNSET:
            field_dict["SubscriptionStatus"] = subscription_status
        if month is not UNSET:
            field_dict["Month"] = month
        if sku is not UNSET:
            field_dict["SKU"] = sku
        if sku_id is not UNSET:
            field_dict["SKUId"] = sku_id
        if free_vs_paid_sku is not UNSET:
            field_dict["FreeVsPaidSKU"] = free_vs_paid_sku
        if sales_model is not UNSET:
            field_dict["SalesModel"] = sales_model
        if detailed_sales_model is not UNSET:
            field_dict["DetailedSalesModel"] = detailed_sales_model
        if customer_name is not UNSET:
            field_dict["CustomerName"] = customer_name
        if customer_tenant_id is not UNSET:
            field_dict["CustomerTenantId"] = customer_tenant_id
        if customer_tpid is not UNSET:
            field_dict["CustomerTpid"] = customer_tpid
        if customer_segment is not UNSET:
            field_dict["CustomerSegment"] = customer_segment
        if customer_market is not UNSET:
            field_dict["CustomerMarket"] = customer_market
        if mpn_id is not UNSET:
            field_dict["MPNId"] = mpn_id
        if partner_name is not UNSET:
            field_dict["PartnerName"] = partner_name
        if partner_location_id is not UNSET:
            field_dict["PartnerLocationID"] = partner_location_id
        if partner_attach_type is not UNSET:
            field_dict["PartnerAttachType"] = partner_attach_type
        if partner_hierarchy is not UNSET:
            field_dict["PartnerHierarchy"] = partner_hierarchy
        if available_seats is not UNSET:
            field_dict["AvailableSeats"] = available_seats
        if assigned_seats is not UNSET:
            field_dict["AssignedSeats"] = assigned_seats
        if active_seats is not UNSET:
            field_dict["ActiveSeats"] = active_seats
        if deployment_opportunity is not UNSET:
            field_dict["DeploymentOpportunity"] = deployment_opportunity
        if active_usage_percent is not UNSET:
            field_dict["ActiveUsagePercent"] = active_usage_percent
        if subscription_count is not UNSET:
            field_dict["SubscriptionCount"] = subscription_count
        if total_assigned_seats is not UNSET:
            field_dict["TotalAssignedSeats"] = total_assigned_seats
        if total_sold_seats is not UNSET:
            field_dict["TotalSoldSeats"] = total_sold_seats
        if total_active_seats is not UNSET:
            field_dict["TotalActiveSeats"] = total_active_seats
        if total_revenue_and_acr is not UNSET:
            field_dict["TotalRevenueAndACR"] = total_revenue_and_acr
        if customer_count is not UNSET:
            field_dict["CustomerCount"] = customer_count
        if customer_tenant_count is not UNSET:
            field_dict["CustomerTenantCount"] = customer_tenant_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; raises KeyError, TypeError or ValueError when it does not match the schema.

        Reads each field straight from ``src_dict`` (no copy); unknown keys go to ``additional_properties``.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise wrong_type("PowerBIUsageRow", "an object", src_dict)
        subscription_id: Any = src_dict.get("SubscriptionId", UNSET)
        if (
            type(subscription_id) is not str
            and subscription_id is not None
            and subscription_id is not UNSET
            and not isinstance(subscription_id, str)
        ):
            raise wrong_type("SubscriptionId", "a string", subscription_id)

        subscription_start_date: Any = src_dict.get("SubscriptionStartDate", UNSET)
        if (
            type(subscription_start_date) is not str
            and subscription_start_date is not None
            and subscription_start_date is not UNSET
            and not isinstance(subscription_start_date, str)
        ):
            raise wrong_type("SubscriptionStartDate", "a string", subscription_start_date)

        subscription_end_date: Any = src_dict.get("SubscriptionEndDate", UNSET)
        if (
            type(subscription_end_date) is not str
            and subscription_end_date is not None
            and subscription_end_date is not UNSET
            and not isinstance(subscription_end_date, str)
        ):
            raise wrong_type("SubscriptionEndDate", "a string", subscription_end_date)

        subscription_status: Any = src_dict.get("SubscriptionStatus", UNSET)
        if (
            type(subscription_status) is not str
            and subscription_status is not None
            and subscription_status is not UNSET
            and not isinstance(subscription_status, str)
        ):
            raise wrong_type("SubscriptionStatus", "a string", subscription_status)

        month: Any = src_dict.get("Month", UNSET)
        if type(month) is not str and month is not None and month is not UNSET and not isinstance(month, str):
            raise wrong_type("Month", "a string", month)

        sku: Any = src_dict.get("SKU", UNSET)
        if type(sku) is not str and sku is not None and sku is not UNSET and not isinstance(sku, str):
            raise wrong_type("SKU", "a string", sku)

        sku_id: Any = src_dict.get("SKUId", UNSET)
        if type(sku_id) is not str and sku_id is not None and sku_id is not UNSET and not isinstance(sku_id, str):
            raise wrong_type("SKUId", "a string", sku_id)

        free_vs_paid_sku: Any = src_dict.get("FreeVsPaidSKU", UNSET)
        if (
            type(free_vs_paid_sku) is not str
            and free_vs_paid_sku is not None
            and free_vs_paid_sku is not UNSET
            and not isinstance(free_vs_paid_sku, str)
        ):
            raise wrong_type("FreeVsPaidSKU", "a string", free_vs_paid_sku)

        sales_model: Any = src_dict.get("SalesModel", UNSET)
        if (
            type(sales_model) is not str
            and sales_model is not None
            and sales_model is not UNSET
            and not isinstance(sales_model, str)
        ):
            raise wrong_type("SalesModel", "a string", sales_model)

        detailed_sales_model: Any = src_dict.get("DetailedSalesModel", UNSET)
        if (
            type(detailed_sales_model) is not str
            and detailed_sales_model is not None
            and detailed_sales_model is not UNSET
            and not isinstance(detailed_sales_model, str)
        ):
            raise wrong_type("DetailedSalesModel", "a string", detailed_sales_model)

        customer_name: Any = src_dict.get("CustomerName", UNSET)
        if (
            type(customer_name) is not str
            and customer_name is not None
            and customer_name is not UNSET
            and not isinstance(customer_name, str)
        ):
            raise wrong_type("CustomerName", "a string", customer_name)

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

        customer_segment: Any = src_dict.get("CustomerSegment", UNSET)
        if (
            type(customer_segment) is not str
            and customer_segment is not None
            and customer_segment is not UNSET
            and not isinstance(customer_segment, str)
        ):
            raise wrong_type("CustomerSegment", "a string", customer_segment)

        customer_market: Any = src_dict.get("CustomerMarket", UNSET)
        if (
            type(customer_market) is not str
            and customer_market is not None
            and customer_market is not UNSET
            and not isinstance(customer_market, str)
        ):
            raise wrong_type("CustomerMarket", "a string", customer_market)

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

        partner_attach_type: Any = src_dict.get("PartnerAttachType", UNSET)
        if (
            type(partner_attach_type) is not str
            and partner_attach_type is not None
            and partner_attach_type is not UNSET
            and not isinstance(partner_attach_type, str)
        ):
            raise wrong_type("PartnerAttachType", "a string", partner_attach_type)

        partner_hierarchy: Any = src_dict.get("PartnerHierarchy", UNSET)
        if (
            type(partner_hierarchy) is not str
            and partner_hierarchy is not None
            and partner_hierarchy is not UNSET
            and not isinstance(partner_hierarchy, str)
        ):
            raise wrong_type("PartnerHierarchy", "a string", partner_hierarchy)

        available_seats: Any = src_dict.get("AvailableSeats", UNSET)
        if type(available_seats) is not int and available_seats is not None and available_seats is not UNSET:
            raise wrong_type("AvailableSeats", "an integer", available_seats)

        assigned_seats: Any = src_dict.get("AssignedSeats", UNSET)
        if type(assigned_seats) is not int and assigned_seats is not None and assigned_seats is not UNSET:
            raise wrong_type("AssignedSeats", "an integer", assigned_seats)

        active_seats: Any = src_dict.get("ActiveSeats", UNSET)
        if type(active_seats) is not int and active_seats is not None and active_seats is not UNSET:
            raise wrong_type("ActiveSeats", "an integer", active_seats)

        deployment_opportunity: Any = src_dict.get("DeploymentOpportunity", UNSET)
        if (
            type(deployment_opportunity) is not int
            and deployment_opportunity is not None
            and deployment_opportunity is not UNSET
        ):
            raise wrong_type("DeploymentOpportunity", "an integer", deployment_opportunity)

        active_usage_percent: Any = src_dict.get("ActiveUsagePercent", UNSET)
        if (
            type(active_usage_percent) is not float
            and active_usage_percent is not None
            and active_usage_percent is not UNSET
        ):
            active_usage_percent = as_float("ActiveUsagePercent", active_usage_percent)

        subscription_count: Any = src_dict.get("SubscriptionCount", UNSET)
        if type(subscription_count) is not int and subscription_count is not None and subscription_count is not UNSET:
            raise wrong_type("SubscriptionCount", "an integer", subscription_count)

        total_assigned_seats: Any = src_dict.get("TotalAssignedSeats", UNSET)
        if (
            type(total_assigned_seats) is not int
            and total_assigned_seats is not None
            and total_assigned_seats is not UNSET
        ):
            raise wrong_type("TotalAssignedSeats", "an integer", total_assigned_seats)

        total_sold_seats: Any = src_dict.get("TotalSoldSeats", UNSET)
        if type(total_sold_seats) is not int and total_sold_seats is not None and total_sold_seats is not UNSET:
            raise wrong_type("TotalSoldSeats", "an integer", total_sold_seats)

        total_active_seats: Any = src_dict.get("TotalActiveSeats", UNSET)
        if type(total_active_seats) is not int and total_active_seats is not None and total_active_seats is not UNSET:
            raise wrong_type("TotalActiveSeats", "an integer", total_active_seats)

        total_revenue_and_acr: Any = src_dict.get("TotalRevenueAndACR", UNSET)
        if (
            type(total_revenue_and_acr) is not float
            and total_revenue_and_acr is not None
            and total_revenue_and_acr is not UNSET
        ):
            total_revenue_and_acr = as_float("TotalRevenueAndACR", total_revenue_and_acr)

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

        # What attrs' __init__ would do, without its call: the class has no validators, converters or hooks.
        power_bi_usage_row = object.__new__(cls)
        power_bi_usage_row.subscription_id = subscription_id
        power_bi_usage_row.subscription_start_date = subscription_start_date
        power_bi_usage_row.subscription_end_date = subscription_end_date
        power_bi_usage_row.subscription_status = subscription_status
        power_bi_usage_row.month = month
        power_bi_usage_row.sku = sku
        power_bi_usage_row.sku_id = sku_id
        power_bi_usage_row.free_vs_paid_sku = free_vs_paid_sku
        power_bi_usage_row.sales_model = sales_model
        power_bi_usage_row.detailed_sales_model = detailed_sales_model
        power_bi_usage_row.customer_name = customer_name
        power_bi_usage_row.customer_tenant_id = customer_tenant_id
        power_bi_usage_row.customer_tpid = customer_tpid
        power_bi_usage_row.customer_segment = customer_segment
        power_bi_usage_row.customer_market = customer_market
        power_bi_usage_row.mpn_id = mpn_id
        power_bi_usage_row.partner_name = partner_name
        power_bi_usage_row.partner_location_id = partner_location_id
        power_bi_usage_row.partner_attach_type = partner_attach_type
        power_bi_usage_row.partner_hierarchy = partner_hierarchy
        power_bi_usage_row.available_seats = available_seats
        power_bi_usage_row.assigned_seats = assigned_seats
        power_bi_usage_row.active_seats = active_seats
        power_bi_usage_row.deployment_opportunity = deployment_opportunity
        power_bi_usage_row.active_usage_percent = active_usage_percent
        power_bi_usage_row.subscription_count = subscription_count
        power_bi_usage_row.total_assigned_seats = total_assigned_seats
        power_bi_usage_row.total_sold_seats = total_sold_seats
        power_bi_usage_row.total_active_seats = total_active_seats
        power_bi_usage_row.total_revenue_and_acr = total_revenue_and_acr
        power_bi_usage_row.customer_count = customer_count
        power_bi_usage_row.customer_tenant_count = customer_tenant_count
        if src_dict.keys() <= _KNOWN_KEYS:
            power_bi_usage_row.additional_properties = {}
        else:
            note_unknown_fields("PowerBIUsageRow", src_dict.keys() - _KNOWN_KEYS)
            power_bi_usage_row.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return power_bi_usage_row

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
        "SubscriptionId",
        "SubscriptionStartDate",
        "SubscriptionEndDate",
        "SubscriptionStatus",
        "Month",
        "SKU",
        "SKUId",
        "FreeVsPaidSKU",
        "SalesModel",
        "DetailedSalesModel",
        "CustomerName",
        "CustomerTenantId",
        "CustomerTpid",
        "CustomerSegment",
        "CustomerMarket",
        "MPNId",
        "PartnerName",
        "PartnerLocationID",
        "PartnerAttachType",
        "PartnerHierarchy",
        "AvailableSeats",
        "AssignedSeats",
        "ActiveSeats",
        "DeploymentOpportunity",
        "ActiveUsagePercent",
        "SubscriptionCount",
        "TotalAssignedSeats",
        "TotalSoldSeats",
        "TotalActiveSeats",
        "TotalRevenueAndACR",
        "CustomerCount",
        "CustomerTenantCount",
    }
)
