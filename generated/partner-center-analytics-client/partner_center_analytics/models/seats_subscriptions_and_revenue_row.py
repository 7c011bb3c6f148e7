from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import as_float, note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="SeatsSubscriptionsAndRevenueRow")


@_attrs_define
class SeatsSubscriptionsAndRevenueRow:
    """One row of a SeatsSubscriptionsAndRevenue file: seats sold and assigned and revenue per subscription and month. The
    docs do not list this dataset's columns: they are those of its system query `c9fc1c79-4408-49ff-97f9-e1aa3f155804`,
    in its order, less the two metrics it selects (`TotalSoldSeats`, `TotalAssignedSeats`, which the sample queries use
    as metrics); it writes `month`, spelt `Month` here as in every other dataset (names are case-insensitive in
    queries). Metrics: those the sample and system queries use, and `CustomerTenantCount` (an inference from the other
    datasets). `BilledRevenueUSD` and `AzureConsumedRevenueUSD` are taken as columns (an inference: metrics are named
    `Total...` or `...Count`). Every property is optional (a query selects a subset) and null stands for an empty cell.

        Attributes:
            pga_mpn_id (None | str | Unset):
            mpn_id (None | str | Unset):
            subscription_id (None | str | Unset):
            subscription_start_date (None | str | Unset):
            subscription_end_date (None | str | Unset):
            subscription_state (None | str | Unset):
            month (None | str | Unset): The month, as `yyyy-MM-dd` (its first day).
            is_auto_renew (None | str | Unset):
            customer_name (None | str | Unset):
            customer_tenant_id (None | str | Unset): The customer's tenant id (a GUID).
            customer_tpid (None | str | Unset):
            duns_number (None | str | Unset):
            customer_segment (None | str | Unset):
            top_segment (None | str | Unset):
            customer_market (None | str | Unset):
            product_family (None | str | Unset):
            reporting_product_name (None | str | Unset):
            product (None | str | Unset):
            raw_product_name (None | str | Unset):
            product_part_number (None | str | Unset):
            sku (None | str | Unset):
            rev_sum_division_name (None | str | Unset):
            partner_name (None | str | Unset):
            solution_area (None | str | Unset):
            partner_location_id (None | str | Unset):
            partner_attribution_type (None | str | Unset):
            sales_channel (None | str | Unset):
            pricing_level (None | str | Unset):
            enrollment_number (None | str | Unset):
            is_duplicate_row_for_pga (None | str | Unset): 0 for one row per partner global account, 1 for its duplicates
                (as text).
            subscription_start_month (None | str | Unset):
            billed_revenue_usd (float | None | Unset):
            azure_consumed_revenue_usd (float | None | Unset):
            subscription_count (int | None | Unset): A metric: how many distinct subscriptions the rows sharing the selected
                columns' values hold.
            total_sold_seats (int | None | Unset): A metric: the sum over the rows sharing the selected columns' values.
            total_assigned_seats (int | None | Unset): A metric: the sum over the rows sharing the selected columns' values.
            customer_count (int | None | Unset): A metric: how many distinct customers the rows sharing the selected
                columns' values hold.
            customer_tenant_count (int | None | Unset): A metric: how many distinct customer tenants the rows sharing the
                selected columns' values hold.
    """

    pga_mpn_id: None | str | Unset = UNSET
    mpn_id: None | str | Unset = UNSET
    subscription_id: None | str | Unset = UNSET
    subscription_start_date: None | str | Unset = UNSET
    subscription_end_date: None | str | Unset = UNSET
    subscription_state: None | str | Unset = UNSET
    month: None | str | Unset = UNSET
    is_auto_renew: None | str | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    customer_tenant_id: None | str | Unset = UNSET
    customer_tpid: None | str | Unset = UNSET
    duns_number: None | str | Unset = UNSET
    customer_segment: None | str | Unset = UNSET
    top_segment: None | str | Unset = UNSET
    customer_market: None | str | Unset = UNSET
    product_family: None | str | Unset = UNSET
    reporting_product_name: None | str | Unset = UNSET
    product: None | str | Unset = UNSET
    raw_product_name: None | str | Unset = UNSET
    product_part_number: None | str | Unset = UNSET
    sku: None | str | Unset = UNSET
    rev_sum_division_name: None | str | Unset = UNSET
    partner_name: None | str | Unset = UNSET
    solution_area: None | str | Unset = UNSET
    partner_location_id: None | str | Unset = UNSET
    partner_attribution_type: None | str | Unset = UNSET
    sales_channel: None | str | Unset = UNSET
    pricing_level: None | str | Unset = UNSET
    enrollment_number: None | str | Unset = UNSET
    is_duplicate_row_for_pga: None | str | Unset = UNSET
    subscription_start_month: None | str | Unset = UNSET
    billed_revenue_usd: float | None | Unset = UNSET
    azure_consumed_revenue_usd: float | None | Unset = UNSET
    subscription_count: int | None | Unset = UNSET
    total_sold_seats: int | None | Unset = UNSET
    total_assigned_seats: int | None | Unset = UNSET
    customer_count: int | None | Unset = UNSET
    customer_tenant_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pga_mpn_id: None | str | Unset
        if isinstance(self.pga_mpn_id, Unset):
            pga_mpn_id = UNSET
        else:
            pga_mpn_id = self.pga_mpn_id

        mpn_id: None | str | Unset
        if isinstance(self.mpn_id, Unset):
            mpn_id = UNSET
        else:
            mpn_id = self.mpn_id

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

        subscription_state: None | str | Unset
        if isinstance(self.subscription_state, Unset):
            subscription_state = UNSET
        else:
            subscription_state = self.subscription_state

        month: None | str | Unset
        if isinstance(self.month, Unset):
            month = UNSET
        else:
            month = self.month

        is_auto_renew: None | str | Unset
        if isinstance(self.is_auto_renew, Unset):
            is_auto_renew = UNSET
        else:
            is_auto_renew = self.is_auto_renew

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

        duns_number: None | str | Unset
        if isinstance(self.duns_number, Unset):
            duns_number = UNSET
        else:
            duns_number = self.duns_number

        customer_segment: None | str | Unset
        if isinstance(self.customer_segment, Unset):
            customer_segment = UNSET
        else:
            customer_segment = self.customer_segment

        top_segment: None | str | Unset
        if isinstance(self.top_segment, Unset):
            top_segment = UNSET
        else:
            top_segment = self.top_segment

        customer_market: None | str | Unset
        if isinstance(self.customer_market, Unset):
            customer_market = UNSET
        else:
            customer_market = self.customer_market

        product_family: None | str | Unset
        if isinstance(self.product_family, Unset):
            product_family = UNSET
        else:
            product_family = self.product_family

        reporting_product_name: None | str | Unset
        if isinstance(self.reporting_product_name, Unset):
            reporting_product_name = UNSET
        else:
            reporting_product_name = self.reporting_product_name

        product: None | str | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        else:
            product = self.product

        raw_product_name: None | str | Unset
        if isinstance(self.raw_product_name, Unset):
            raw_product_name = UNSET
        else:
            raw_product_name = self.raw_product_name

        product_part_number: None | str | Unset
        if isinstance(self.product_part_number, Unset):
            product_part_number = UNSET
        else:
            product_part_number = self.product_part_number

        sku: None | str | Unset
        if isinstance(self.sku, Unset):
            sku = UNSET
        else:
            sku = self.sku

        rev_sum_division_name: None | str | Unset
        if isinstance(self.rev_sum_division_name, Unset):
            rev_sum_division_name = UNSET
        else:
            rev_sum_division_name = self.rev_sum_division_name

        partner_name: None | str | Unset
        if isinstance(self.partner_name, Unset):
            partner_name = UNSET
        else:
            partner_name = self.partner_name

        solution_area: None | str | Unset
        if isinstance(self.solution_area, Unset):
            solution_area = UNSET
        else:
            solution_area = self.solution_area

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

        sales_channel: None | str | Unset
        if isinstance(self.sales_channel, Unset):
            sales_channel = UNSET
        else:
            sales_channel = self.sales_channel

        pricing_level: None | str | Unset
        if isinstance(self.pricing_level, Unset):
            pricing_level = UNSET
        else:
            pricing_level = self.pricing_level

        enrollment_number: None | str | Unset
        if isinstance(self.enrollment_number, Unset):
            enrollment_number = UNSET
        else:
            enrollment_number = self.enrollment_number

        is_duplicate_row_for_pga: None | str | Unset
        if isinstance(self.is_duplicate_row_for_pga, Unset):
            is_duplicate_row_for_pga = UNSET
        else:
            is_duplicate_row_for_pga = self.is_duplicate_row_for_pga

        subscription_start_month: None | str | Unset
        if isinstance(self.subscription_start_month, Unset):
            subscription_start_month = UNSET
        else:
            subscription_start_month = self.subscription_start_month

        billed_revenue_usd: float | None | Unset
        if isinstance(self.billed_revenue_usd, Unset):
            billed_revenue_usd = UNSET
        else:
            billed_revenue_usd = self.billed_revenue_usd

        azure_consumed_revenue_usd: float | None | Unset
        if isinstance(self.azure_consumed_revenue_usd, Unset):
            azure_consumed_revenue_usd = UNSET
        else:
            azure_consumed_revenue_usd = self.azure_consumed_revenue_usd

        subscription_count: int | None | Unset
        if isinstance(self.subscription_count, Unset):
            subscription_count = UNSET
        else:
            subscription_count = self.subscription_count

        total_sold_seats: int | None | Unset
        if isinstance(self.total_sold_seats, Unset):
            total_sold_seats = UNSET
        else:
            total_sold_seats = self.total_sold_seats

        total_assigned_seats: int | None | Unset
        if isinstance(self.total_assigned_seats, Unset):
            total_assigned_seats = UNSET
        else:
            total_assigned_seats = self.total_assigned_seats

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
        if pga_mpn_id is not UNSET:
            field_dict["PGAMpnId"] = pga_mpn_id
        if mpn_id is not UNSET:
            field_dict["MpnId"] = mpn_id
        if subscription_id is not UNSET:
            field_dict["SubscriptionId"] = subscription_id
        if subscription_start_date is not UNSET:
            field_dict["SubscriptionStartDate"] = subscription_start_date
        if subscription_end_date is not UNSET:
            field_dict["SubscriptionEndDate"] = subscription_end_date
        if subscription_state is not UNSET:
            field_dict["SubscriptionState"] = subscription_state
        if month is not UNSET:
            field_dict["Month"] = month
        if is_auto_renew is not UNSET:
            field_dict["IsAutoRenew"] = is_auto_renew
        if customer_name is not UNSET:
            field_dict["CustomerName"] = customer_name
        if customer_tenant_id is not UNSET:
            field_dict["CustomerTenantId"] = customer_tenant_id
        if customer_tpid is not UNSET:
            field_dict["CustomerTpid"] = customer_tpid
        if duns_number is not UNSET:
            field_dict["DUNSNumber"] = duns_number
        if customer_segment is not UNSET:
            field_dict["CustomerSegment"] = customer_segment
        if top_segment is not UNSET:
            field_dict["TopSegment"] = top_segment
        if customer_market is not UNSET:
            field_dict["CustomerMarket"] = customer_market
        if product_family is not UNSET:
            field_dict["ProductFamily"] = product_family
        if reporting_product_name is not UNSET:
            field_dict["ReportingProductName"] = reporting_product_name
        if product is not UNSET:
            field_dict["Product"] = product
        if raw_product_name is not UNSET:
            field_dict["RawProductName"] = raw_product_name
        if product_part_number is not UNSET:
            field_dict["ProductPartNumber"] = product_part_number
        if sku is not UNSET:
            field_dict["SKU"] = sku
        if rev_sum_division_name is not UNSET:
            field_dict["RevSumDivisionName"] = rev_sum_division_name
        if partner_name is not UNSET:
            field_dict["PartnerName"] = partner_name
        if solution_area is not UNSET:
            field_dict["SolutionArea"] = solution_area
        if partner_location_id is not UNSET:
            field_dict["PartnerLocationID"] = partner_location_id
        if partner_attribution_type is not UNSET:
            field_dict["PartnerAttributionType"] = partner_attribution_type
        if sales_channel is not UNSET:
            field_dict["SalesChannel"] = sales_channel
        if pricing_level is not UNSET:
            field_dict["PricingLevel"] = pricing_level
        if enrollment_number is not UNSET:
            field_dict["EnrollmentNumber"] = enrollment_number
        if is_duplicate_row_for_pga is not UNSET:
            field_dict["IsDuplicateRowForPGA"] = is_duplicate_row_for_pga
        if subscription_start_month is not UNSET:
            field_dict["SubscriptionStartMonth"] = subscription_start_month
        if billed_revenue_usd is not UNSET:
            field_dict["BilledRevenueUSD"] = billed_revenue_usd
        if azure_consumed_revenue_usd is not UNSET:
            field_dict["AzureConsumedRevenueUSD"] = azure_consumed_revenue_usd
        if subscription_count is not UNSET:
            field_dict["SubscriptionCount"] = subscription_count
        if total_sold_seats is not UNSET:
            field_dict["TotalSoldSeats"] = total_sold_seats
        if total_assigned_seats is not UNSET:
            field_dict["TotalAssignedSeats"] = total_assigned_seats
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
            raise wrong_type("SeatsSubscriptionsAndRevenueRow", "an object", src_dict)
        pga_mpn_id: Any = src_dict.get("PGAMpnId", UNSET)
        if (
            type(pga_mpn_id) is not str
            and pga_mpn_id is not None
            and pga_mpn_id is not UNSET
            and not isinstance(pga_mpn_id, str)
        ):
            raise wrong_type("PGAMpnId", "a string", pga_mpn_id)

        mpn_id: Any = src_dict.get("MpnId", UNSET)
        if type(mpn_id) is not str and mpn_id is not None and mpn_id is not UNSET and not isinstance(mpn_id, str):
            raise wrong_type("MpnId", "a string", mpn_id)

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

        subscription_state: Any = src_dict.get("SubscriptionState", UNSET)
        if (
            type(subscription_state) is not str
            and subscription_state is not None
            and subscription_state is not UNSET
            and not isinstance(subscription_state, str)
        ):
            raise wrong_type("SubscriptionState", "a string", subscription_state)

        month: Any = src_dict.get("Month", UNSET)
        if type(month) is not str and month is not None and month is not UNSET and not isinstance(month, str):
            raise wrong_type("Month", "a string", month)

        is_auto_renew: Any = src_dict.get("IsAutoRenew", UNSET)
        if (
            type(is_auto_renew) is not str
            and is_auto_renew is not None
            and is_auto_renew is not UNSET
            and not isinstance(is_auto_renew, str)
        ):
            raise wrong_type("IsAutoRenew", "a string", is_auto_renew)

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

        duns_number: Any = src_dict.get("DUNSNumber", UNSET)
        if (
            type(duns_number) is not str
            and duns_number is not None
            and duns_number is not UNSET
            and not isinstance(duns_number, str)
        ):
            raise wrong_type("DUNSNumber", "a string", duns_number)

        customer_segment: Any = src_dict.get("CustomerSegment", UNSET)
        if (
            type(customer_segment) is not str
            and customer_segment is not None
            and customer_segment is not UNSET
            and not isinstance(customer_segment, str)
        ):
            raise wrong_type("CustomerSegment", "a string", customer_segment)

        top_segment: Any = src_dict.get("TopSegment", UNSET)
        if (
            type(top_segment) is not str
            and top_segment is not None
            and top_segment is not UNSET
            and not isinstance(top_segment, str)
        ):
            raise wrong_type("TopSegment", "a string", top_segment)

        customer_market: Any = src_dict.get("CustomerMarket", UNSET)
        if (
            type(customer_market) is not str
            and customer_market is not None
            and customer_market is not UNSET
            and not isinstance(customer_market, str)
        ):
            raise wrong_type("CustomerMarket", "a string", customer_market)

        product_family: Any = src_dict.get("ProductFamily", UNSET)
        if (
            type(product_family) is not str
            and product_family is not None
            and product_family is not UNSET
            and not isinstance(product_family, str)
        ):
            raise wrong_type("ProductFamily", "a string", product_family)

        reporting_product_name: Any = src_dict.get("ReportingProductName", UNSET)
        if (
            type(reporting_product_name) is not str
            and reporting_product_name is not None
            and reporting_product_name is not UNSET
            and not isinstance(reporting_product_name, str)
        ):
            raise wrong_type("ReportingProductName", "a string", reporting_product_name)

        product: Any = src_dict.get("Product", UNSET)
        if type(product) is not str and product is not None and product is not UNSET and not isinstance(product, str):
            raise wrong_type("Product", "a string", product)

        raw_product_name: Any = src_dict.get("RawProductName", UNSET)
        if (
            type(raw_product_name) is not str
            and raw_product_name is not None
            and raw_product_name is not UNSET
            and not isinstance(raw_product_name, str)
        ):
            raise wrong_type("RawProductName", "a string", raw_product_name)

        product_part_number: Any = src_dict.get("ProductPartNumber", UNSET)
        if (
            type(product_part_number) is not str
            and product_part_number is not None
            and product_part_number is not UNSET
            and not isinstance(product_part_number, str)
        ):
            raise wrong_type("ProductPartNumber", "a string", product_part_number)

        sku: Any = src_dict.get("SKU", UNSET)
        if type(sku) is not str and sku is not None and sku is not UNSET and not isinstance(sku, str):
            raise wrong_type("SKU", "a string", sku)

        rev_sum_division_name: Any = src_dict.get("RevSumDivisionName", UNSET)
        if (
            type(rev_sum_division_name) is not str
            and rev_sum_division_name is not None
            and rev_sum_division_name is not UNSET
            and not isinstance(rev_sum_division_name, str)
        ):
            raise wrong_type("RevSumDivisionName", "a string", rev_sum_division_name)

        partner_name: Any = src_dict.get("PartnerName", UNSET)
        if (
            type(partner_name) is not str
            and partner_name is not None
            and partner_name is not UNSET
            and not isinstance(partner_name, str)
        ):
            raise wrong_type("PartnerName", "a string", partner_name)

        solution_area: Any = src_dict.get("SolutionArea", UNSET)
        if (
            type(solution_area) is not str
            and solution_area is not None
            and solution_area is not UNSET
            and not isinstance(solution_area, str)
        ):
            raise wrong_type("SolutionArea", "a string", solution_area)

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

        sales_channel: Any = src_dict.get("SalesChannel", UNSET)
        if (
            type(sales_channel) is not str
            and sales_channel is not None
            and sales_channel is not UNSET
            and not isinstance(sales_channel, str)
        ):
            raise wrong_type("SalesChannel", "a string", sales_channel)

        pricing_level: Any = src_dict.get("PricingLevel", UNSET)
        if (
            type(pricing_level) is not str
            and pricing_level is not None
            and pricing_level is not UNSET
            and not isinstance(pricing_level, str)
        ):
            raise wrong_type("PricingLevel", "a string", pricing_level)

        enrollment_number: Any = src_dict.get("EnrollmentNumber", UNSET)
        if (
            type(enrollment_number) is not str
            and enrollment_number is not None
            and enrollment_number is not UNSET
            and not isinstance(enrollment_number, str)
        ):
            raise wrong_type("EnrollmentNumber", "a string", enrollment_number)

        is_duplicate_row_for_pga: Any = src_dict.get("IsDuplicateRowForPGA", UNSET)
        if (
            type(is_duplicate_row_for_pga) is not str
            and is_duplicate_row_for_pga is not None
            and is_duplicate_row_for_pga is not UNSET
            and not isinstance(is_duplicate_row_for_pga, str)
        ):
            raise wrong_type("IsDuplicateRowForPGA", "a string", is_duplicate_row_for_pga)

        subscription_start_month: Any = src_dict.get("SubscriptionStartMonth", UNSET)
        if (
            type(subscription_start_month) is not str
            and subscription_start_month is not None
            and subscription_start_month is not UNSET
            and not isinstance(subscription_start_month, str)
        ):
            raise wrong_type("SubscriptionStartMonth", "a string", subscription_start_month)

        billed_revenue_usd: Any = src_dict.get("BilledRevenueUSD", UNSET)
        if type(billed_revenue_usd) is not float and billed_revenue_usd is not None and billed_revenue_usd is not UNSET:
            billed_revenue_usd = as_float("BilledRevenueUSD", billed_revenue_usd)

        azure_consumed_revenue_usd: Any = src_dict.get("AzureConsumedRevenueUSD", UNSET)
        if (
            type(azure_consumed_revenue_usd) is not float
            and azure_consumed_revenue_usd is not None
            and azure_consumed_revenue_usd is not UNSET
        ):
            azure_consumed_revenue_usd = as_float("AzureConsumedRevenueUSD", azure_consumed_revenue_usd)

        subscription_count: Any = src_dict.get("SubscriptionCount", UNSET)
        if type(subscription_count) is not int and subscription_count is not None and subscription_count is not UNSET:
            raise wrong_type("SubscriptionCount", "an integer", subscription_count)

        total_sold_seats: Any = src_dict.get("TotalSoldSeats", UNSET)
        if type(total_sold_seats) is not int and total_sold_seats is not None and total_sold_seats is not UNSET:
            raise wrong_type("TotalSoldSeats", "an integer", total_sold_seats)

        total_assigned_seats: Any = src_dict.get("TotalAssignedSeats", UNSET)
        if (
            type(total_assigned_seats) is not int
            and total_assigned_seats is not None
            and total_assigned_seats is not UNSET
        ):
            raise wrong_type("TotalAssignedSeats", "an integer", total_assigned_seats)

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
        seats_subscriptions_and_revenue_row = object.__new__(cls)
        seats_subscriptions_and_revenue_row.pga_mpn_id = pga_mpn_id
        seats_subscriptions_and_revenue_row.mpn_id = mpn_id
        seats_subscriptions_and_revenue_row.subscription_id = subscription_id
        seats_subscriptions_and_revenue_row.subscription_start_date = subscription_start_date
        seats_subscriptions_and_revenue_row.subscription_end_date = subscription_end_date
        seats_subscriptions_and_revenue_row.subscription_state = subscription_state
        seats_subscriptions_and_revenue_row.month = month
        seats_subscriptions_and_revenue_row.is_auto_renew = is_auto_renew
        seats_subscriptions_and_revenue_row.customer_name = customer_name
        seats_subscriptions_and_revenue_row.customer_tenant_id = customer_tenant_id
        seats_subscriptions_and_revenue_row.customer_tpid = customer_tpid
        seats_subscriptions_and_revenue_row.duns_number = duns_number
        seats_subscriptions_and_revenue_row.customer_segment = customer_segment
        seats_subscriptions_and_revenue_row.top_segment = top_segment
        seats_subscriptions_and_revenue_row.customer_market = customer_market
        seats_subscriptions_and_revenue_row.product_family = product_family
        seats_subscriptions_and_revenue_row.reporting_product_name = reporting_product_name
        seats_subscriptions_and_revenue_row.product = product
        seats_subscriptions_and_revenue_row.raw_product_name = raw_product_name
        seats_subscriptions_and_revenue_row.product_part_number = product_part_number
        seats_subscriptions_and_revenue_row.sku = sku
        seats_subscriptions_and_revenue_row.rev_sum_division_name = rev_sum_division_name
        seats_subscriptions_and_revenue_row.partner_name = partner_name
        seats_subscriptions_and_revenue_row.solution_area = solution_area
        seats_subscriptions_and_revenue_row.partner_location_id = partner_location_id
        seats_subscriptions_and_revenue_row.partner_attribution_type = partner_attribution_type
        seats_subscriptions_and_revenue_row.sales_channel = sales_channel
        seats_subscriptions_and_revenue_row.pricing_level = pricing_level
        seats_subscriptions_and_revenue_row.enrollment_number = enrollment_number
        seats_subscriptions_and_revenue_row.is_duplicate_row_for_pga = is_duplicate_row_for_pga
        seats_subscriptions_and_revenue_row.subscription_start_month = subscription_start_month
        seats_subscriptions_and_revenue_row.billed_revenue_usd = billed_revenue_usd
        seats_subscriptions_and_revenue_row.azure_consumed_revenue_usd = azure_consumed_revenue_usd
        seats_subscriptions_and_revenue_row.subscription_count = subscription_count
        seats_subscriptions_and_revenue_row.total_sold_seats = total_sold_seats
        seats_subscriptions_and_revenue_row.total_assigned_seats = total_assigned_seats
        seats_subscriptions_and_revenue_row.customer_count = customer_count
        seats_subscriptions_and_revenue_row.customer_tenant_count = customer_tenant_count
        if src_dict.keys() <= _KNOWN_KEYS:
            seats_subscriptions_and_revenue_row.additional_properties = {}
        else:
            note_unknown_fields("SeatsSubscriptionsAndRevenueRow", src_dict.keys() - _KNOWN_KEYS)
            seats_subscriptions_and_revenue_row.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return seats_subscriptions_and_revenue_row

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
        "PGAMpnId",
        "MpnId",
        "SubscriptionId",
        "SubscriptionStartDate",
        "SubscriptionEndDate",
        "SubscriptionState",
        "Month",
        "IsAutoRenew",
        "CustomerName",
        "CustomerTenantId",
        "CustomerTpid",
        "DUNSNumber",
        "CustomerSegment",
        "TopSegment",
        "CustomerMarket",
        "ProductFamily",
        "ReportingProductName",
        "Product",
        "RawProductName",
        "ProductPartNumber",
        "SKU",
        "RevSumDivisionName",
        "PartnerName",
        "SolutionArea",
        "PartnerLocationID",
        "PartnerAttributionType",
        "SalesChannel",
        "PricingLevel",
        "EnrollmentNumber",
        "IsDuplicateRowForPGA",
        "SubscriptionStartMonth",
        "BilledRevenueUSD",
        "AzureConsumedRevenueUSD",
        "SubscriptionCount",
        "TotalSoldSeats",
        "TotalAssignedSeats",
        "CustomerCount",
        "CustomerTenantCount",
    }
)
