from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._decode import as_float, note_unknown_fields, wrong_type
from .._types import UNSET, Unset

T = TypeVar("T", bound="CustomersAndTenantsRow")


@_attrs_define
class CustomersAndTenantsRow:
    """One row of a CustomersAndTenants file: a customer tenant's products, seats and revenue per month. The docs do not
    list this dataset's columns or metrics: the columns are those of its system query
    `6664daf3-c161-423a-92a1-0ea6db2c0384`, in its order, and the metrics are an inference (the customer counts every
    documented dataset has). Every property is optional (a query selects a subset) and null stands for an empty cell.

        Attributes:
            pga_mpn_id (None | str | Unset):
            mpn_id (None | str | Unset):
            partner_name (None | str | Unset):
            customer_name (None | str | Unset):
            customer_tpid (None | str | Unset):
            duns_number (None | str | Unset):
            customer_segment (None | str | Unset):
            top_segment (None | str | Unset):
            customer_market (None | str | Unset):
            customer_status (None | str | Unset):
            customer_tenant_id (None | str | Unset): The customer's tenant id (a GUID).
            customer_tenant_name (None | str | Unset):
            customer_tenant_country (None | str | Unset):
            tenant_domain_name (None | str | Unset):
            product (None | str | Unset):
            raw_product_name (None | str | Unset):
            product_part_number (None | str | Unset):
            sku (None | str | Unset):
            month (None | str | Unset): The month, as `yyyy-MM-dd` (its first day).
            partner_location_id (None | str | Unset):
            partner_attribution_type (None | str | Unset):
            sales_channel (None | str | Unset):
            is_duplicate_row_for_pga (None | str | Unset): 0 for one row per partner global account, 1 for its duplicates
                (as text).
            available_seats (int | None | Unset): Paid available seats.
            billed_revenue_usd (float | None | Unset):
            azure_consumed_revenue_usd (float | None | Unset):
            customer_count (int | None | Unset): A metric: how many distinct customers the rows sharing the selected
                columns' values hold.
            customer_tenant_count (int | None | Unset): A metric: how many distinct customer tenants the rows sharing the
                selected columns' values hold.
    """

    pga_mpn_id: None | str | Unset = UNSET
    mpn_id: None | str | Unset = UNSET
    partner_name: None | str | Unset = UNSET
    customer_name: None | str | Unset = UNSET
    customer_tpid: None | str | Unset = UNSET
    duns_number: None | str | Unset = UNSET
    customer_segment: None | str | Unset = UNSET
    top_segment: None | str | Unset = UNSET
    customer_market: None | str | Unset = UNSET
    customer_status: None | str | Unset = UNSET
    customer_tenant_id: None | str | Unset = UNSET
    customer_tenant_name: None | str | Unset = UNSET
    customer_tenant_country: None | str | Unset = UNSET
    tenant_domain_name: None | str | Unset = UNSET
    product: None | str | Unset = UNSET
    raw_product_name: None | str | Unset = UNSET
    product_part_number: None | str | Unset = UNSET
    sku: None | str | Unset = UNSET
    month: None | str | Unset = UNSET
    partner_location_id: None | str | Unset = UNSET
    partner_attribution_type: None | str | Unset = UNSET
    sales_channel: None | str | Unset = UNSET
    is_duplicate_row_for_pga: None | str | Unset = UNSET
    available_seats: int | None | Unset = UNSET
    billed_revenue_usd: float | None | Unset = UNSET
    azure_consumed_revenue_usd: float | None | Unset = UNSET
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

        partner_name: None | str | Unset
        if isinstance(self.partner_name, Unset):
            partner_name = UNSET
        else:
            partner_name = self.partner_name

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

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

        customer_status: None | str | Unset
        if isinstance(self.customer_status, Unset):
            customer_status = UNSET
        else:
            customer_status = self.customer_status

        customer_tenant_id: None | str | Unset
        if isinstance(self.customer_tenant_id, Unset):
            customer_tenant_id = UNSET
        else:
            customer_tenant_id = self.customer_tenant_id

        customer_tenant_name: None | str | Unset
        if isinstance(self.customer_tenant_name, Unset):
            customer_tenant_name = UNSET
        else:
            customer_tenant_name = self.customer_tenant_name

        customer_tenant_country: None | str | Unset
        if isinstance(self.customer_tenant_country, Unset):
            customer_tenant_country = UNSET
        else:
            customer_tenant_country = self.customer_tenant_country

        tenant_domain_name: None | str | Unset
        if isinstance(self.tenant_domain_name, Unset):
            tenant_domain_name = UNSET
        else:
            tenant_domain_name = self.tenant_domain_name

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

        month: None | str | Unset
        if isinstance(self.month, Unset):
            month = UNSET
        else:
            month = self.month

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

        is_duplicate_row_for_pga: None | str | Unset
        if isinstance(self.is_duplicate_row_for_pga, Unset):
            is_duplicate_row_for_pga = UNSET
        else:
            is_duplicate_row_for_pga = self.is_duplicate_row_for_pga

        available_seats: int | None | Unset
        if isinstance(self.available_seats, Unset):
            available_seats = UNSET
        else:
            available_seats = self.available_seats

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
        if partner_name is not UNSET:
            field_dict["PartnerName"] = partner_name
        if customer_name is not UNSET:
            field_dict["CustomerName"] = customer_name
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
        if customer_status is not UNSET:
            field_dict["CustomerStatus"] = customer_status
        if customer_tenant_id is not UNSET:
            field_dict["CustomerTenantId"] = customer_tenant_id
        if customer_tenant_name is not UNSET:
            field_dict["CustomerTenantName"] = customer_tenant_name
        if customer_tenant_country is not UNSET:
            field_dict["CustomerTenantCountry"] = customer_tenant_country
        if tenant_domain_name is not UNSET:
            field_dict["TenantDomainName"] = tenant_domain_name
        if product is not UNSET:
            field_dict["Product"] = product
        if raw_product_name is not UNSET:
            field_dict["RawProductName"] = raw_product_name
        if product_part_number is not UNSET:
            field_dict["ProductPartNumber"] = product_part_number
        if sku is not UNSET:
            field_dict["SKU"] = sku
        if month is not UNSET:
            field_dict["Month"] = month
        if partner_location_id is not UNSET:
            field_dict["PartnerLocationID"] = partner_location_id
        if partner_attribution_type is not UNSET:
            field_dict["PartnerAttributionType"] = partner_attribution_type
        if sales_channel is not UNSET:
            field_dict["SalesChannel"] = sales_channel
        if is_duplicate_row_for_pga is not UNSET:
            field_dict["IsDuplicateRowForPGA"] = is_duplicate_row_for_pga
        if available_seats is not UNSET:
            field_dict["AvailableSeats"] = available_seats
        if billed_revenue_usd is not UNSET:
            field_dict["BilledRevenueUSD"] = billed_revenue_usd
        if azure_consumed_revenue_usd is not UNSET:
            field_dict["AzureConsumedRevenueUSD"] = azure_consumed_revenue_usd
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
            raise wrong_type("CustomersAndTenantsRow", "an object", src_dict)
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

        partner_name: Any = src_dict.get("PartnerName", UNSET)
        if (
            type(partner_name) is not str
            and partner_name is not None
            and partner_name is not UNSET
            and not isinstance(partner_name, str)
        ):
            raise wrong_type("PartnerName", "a string", partner_name)

        customer_name: Any = src_dict.get("CustomerName", UNSET)
        if (
            type(customer_name) is not str
            and customer_name is not None
            and customer_name is not UNSET
            and not isinstance(customer_name, str)
        ):
            raise wrong_type("CustomerName", "a string", customer_name)

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

        customer_status: Any = src_dict.get("CustomerStatus", UNSET)
        if (
            type(customer_status) is not str
            and customer_status is not None
            and customer_status is not UNSET
            and not isinstance(customer_status, str)
        ):
            raise wrong_type("CustomerStatus", "a string", customer_status)

        customer_tenant_id: Any = src_dict.get("CustomerTenantId", UNSET)
        if (
            type(customer_tenant_id) is not str
            and customer_tenant_id is not None
            and customer_tenant_id is not UNSET
            and not isinstance(customer_tenant_id, str)
        ):
            raise wrong_type("CustomerTenantId", "a string", customer_tenant_id)

        customer_tenant_name: Any = src_dict.get("CustomerTenantName", UNSET)
        if (
            type(customer_tenant_name) is not str
            and customer_tenant_name is not None
            and customer_tenant_name is not UNSET
            and not isinstance(customer_tenant_name, str)
        ):
            raise wrong_type("CustomerTenantName", "a string", customer_tenant_name)

        customer_tenant_country: Any = src_dict.get("CustomerTenantCountry", UNSET)
        if (
            type(customer_tenant_country) is not str
            and customer_tenant_country is not None
            and customer_tenant_country is not UNSET
            and not isinstance(customer_tenant_country, str)
        ):
            raise wrong_type("CustomerTenantCountry", "a string", customer_tenant_country)

        tenant_domain_name: Any = src_dict.get("TenantDomainName", UNSET)
        if (
            type(tenant_domain_name) is not str
            and tenant_domain_name is not None
            and tenant_domain_name is not UNSET
            and not isinstance(tenant_domain_name, str)
        ):
            raise wrong_type("TenantDomainName", "a string", tenant_domain_name)

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

        month: Any = src_dict.get("Month", UNSET)
        if type(month) is not str and month is not None and month is not UNSET and not isinstance(month, str):
            raise wrong_type("Month", "a string", month)

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

        is_duplicate_row_for_pga: Any = src_dict.get("IsDuplicateRowForPGA", UNSET)
        if (
            type(is_duplicate_row_for_pga) is not str
            and is_duplicate_row_for_pga is not None
            and is_duplicate_row_for_pga is not UNSET
            and not isinstance(is_duplicate_row_for_pga, str)
        ):
            raise wrong_type("IsDuplicateRowForPGA", "a string", is_duplicate_row_for_pga)

        available_seats: Any = src_dict.get("AvailableSeats", UNSET)
        if type(available_seats) is not int and available_seats is not None and available_seats is not UNSET:
            raise wrong_type("AvailableSeats", "an integer", available_seats)

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
        customers_and_tenants_row = object.__new__(cls)
        customers_and_tenants_row.pga_mpn_id = pga_mpn_id
        customers_and_tenants_row.mpn_id = mpn_id
        customers_and_tenants_row.partner_name = partner_name
        customers_and_tenants_row.customer_name = customer_name
        customers_and_tenants_row.customer_tpid = customer_tpid
        customers_and_tenants_row.duns_number = duns_number
        customers_and_tenants_row.customer_segment = customer_segment
        customers_and_tenants_row.top_segment = top_segment
        customers_and_tenants_row.customer_market = customer_market
        customers_and_tenants_row.customer_status = customer_status
        customers_and_tenants_row.customer_tenant_id = customer_tenant_id
        customers_and_tenants_row.customer_tenant_name = customer_tenant_name
        customers_and_tenants_row.customer_tenant_country = customer_tenant_country
        customers_and_tenants_row.tenant_domain_name = tenant_domain_name
        customers_and_tenants_row.product = product
        customers_and_tenants_row.raw_product_name = raw_product_name
        customers_and_tenants_row.product_part_number = product_part_number
        customers_and_tenants_row.sku = sku
        customers_and_tenants_row.month = month
        customers_and_tenants_row.partner_location_id = partner_location_id
        customers_and_tenants_row.partner_attribution_type = partner_attribution_type
        customers_and_tenants_row.sales_channel = sales_channel
        customers_and_tenants_row.is_duplicate_row_for_pga = is_duplicate_row_for_pga
        customers_and_tenants_row.available_seats = available_seats
        customers_and_tenants_row.billed_revenue_usd = billed_revenue_usd
        customers_and_tenants_row.azure_consumed_revenue_usd = azure_consumed_revenue_usd
        customers_and_tenants_row.customer_count = customer_count
        customers_and_tenants_row.customer_tenant_count = customer_tenant_count
        if src_dict.keys() <= _KNOWN_KEYS:
            customers_and_tenants_row.additional_properties = {}
        else:
            note_unknown_fields("CustomersAndTenantsRow", src_dict.keys() - _KNOWN_KEYS)
            customers_and_tenants_row.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return customers_and_tenants_row

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
        "PartnerName",
        "CustomerName",
        "CustomerTpid",
        "DUNSNumber",
        "CustomerSegment",
        "TopSegment",
        "CustomerMarket",
        "CustomerStatus",
        "CustomerTenantId",
        "CustomerTenantName",
        "CustomerTenantCountry",
        "TenantDomainName",
        "Product",
        "RawProductName",
        "ProductPartNumber",
        "SKU",
        "Month",
        "PartnerLocationID",
        "PartnerAttributionType",
        "SalesChannel",
        "IsDuplicateRowForPGA",
        "AvailableSeats",
        "BilledRevenueUSD",
        "AzureConsumedRevenueUSD",
        "CustomerCount",
        "CustomerTenantCount",
    }
)
