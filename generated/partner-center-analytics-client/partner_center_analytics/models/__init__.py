"""Contains all the data models used in inputs/outputs"""

from .channel import Channel
from .company_profile import CompanyProfile
from .customer import Customer
from .customer_collection import CustomerCollection
from .customer_licenses_deployment_insights import CustomerLicensesDeploymentInsights
from .customer_licenses_deployment_insights_collection import CustomerLicensesDeploymentInsightsCollection
from .customer_licenses_usage_insights import CustomerLicensesUsageInsights
from .customer_licenses_usage_insights_collection import CustomerLicensesUsageInsightsCollection
from .customers_and_tenants_row import CustomersAndTenantsRow
from .dynamics_usage_row import DynamicsUsageRow
from .ems_usage_row import EMSUsageRow
from .error import Error
from .licenses_deployment_page import LicensesDeploymentPage
from .licenses_deployment_row import LicensesDeploymentRow
from .licenses_usage_page import LicensesUsagePage
from .licenses_usage_row import LicensesUsageRow
from .link import Link
from .link_header import LinkHeader
from .list_customers_seek_operation import ListCustomersSeekOperation
from .office_usage_row import OfficeUsageRow
from .partner_licenses_deployment_insights import PartnerLicensesDeploymentInsights
from .partner_licenses_deployment_insights_collection import PartnerLicensesDeploymentInsightsCollection
from .partner_licenses_usage_insights import PartnerLicensesUsageInsights
from .partner_licenses_usage_insights_collection import PartnerLicensesUsageInsightsCollection
from .power_bi_usage_row import PowerBIUsageRow
from .report import Report
from .report_callback_method import ReportCallbackMethod
from .report_create import ReportCreate
from .report_dataset import ReportDataset
from .report_dataset_list import ReportDatasetList
from .report_execution import ReportExecution
from .report_execution_list import ReportExecutionList
from .report_execution_status import ReportExecutionStatus
from .report_file_format import ReportFileFormat
from .report_list import ReportList
from .report_query import ReportQuery
from .report_query_create import ReportQueryCreate
from .report_query_list import ReportQueryList
from .report_query_try_result import ReportQueryTryResult
from .report_query_try_result_value_item import ReportQueryTryResultValueItem
from .report_query_type import ReportQueryType
from .report_request_format import ReportRequestFormat
from .report_status import ReportStatus
from .report_update import ReportUpdate
from .reports_error_envelope import ReportsErrorEnvelope
from .resource_attributes import ResourceAttributes
from .resource_links import ResourceLinks
from .seats_subscriptions_and_revenue_row import SeatsSubscriptionsAndRevenueRow
from .service_name import ServiceName

__all__ = (
    "Channel",
    "CompanyProfile",
    "Customer",
    "CustomerCollection",
    "CustomerLicensesDeploymentInsights",
    "CustomerLicensesDeploymentInsightsCollection",
    "CustomerLicensesUsageInsights",
    "CustomerLicensesUsageInsightsCollection",
    "CustomersAndTenantsRow",
    "DynamicsUsageRow",
    "EMSUsageRow",
    "Error",
    "LicensesDeploymentPage",
    "LicensesDeploymentRow",
    "LicensesUsagePage",
    "LicensesUsageRow",
    "Link",
    "LinkHeader",
    "ListCustomersSeekOperation",
    "OfficeUsageRow",
    "PartnerLicensesDeploymentInsights",
    "PartnerLicensesDeploymentInsightsCollection",
    "PartnerLicensesUsageInsights",
    "PartnerLicensesUsageInsightsCollection",
    "PowerBIUsageRow",
    "Report",
    "ReportCallbackMethod",
    "ReportCreate",
    "ReportDataset",
    "ReportDatasetList",
    "ReportExecution",
    "ReportExecutionList",
    "ReportExecutionStatus",
    "ReportFileFormat",
    "ReportList",
    "ReportQuery",
    "ReportQueryCreate",
    "ReportQueryList",
    "ReportQueryTryResult",
    "ReportQueryTryResultValueItem",
    "ReportQueryType",
    "ReportRequestFormat",
    "ReportsErrorEnvelope",
    "ReportStatus",
    "ReportUpdate",
    "ResourceAttributes",
    "ResourceLinks",
    "SeatsSubscriptionsAndRevenueRow",
    "ServiceName",
)
