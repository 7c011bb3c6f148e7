"""Contains all the data models used in inputs/outputs"""

from .channel import Channel
from .company_profile import CompanyProfile
from .customer import Customer
from .customer_collection import CustomerCollection
from .customer_licenses_deployment_insights import CustomerLicensesDeploymentInsights
from .customer_licenses_deployment_insights_collection import CustomerLicensesDeploymentInsightsCollection
from .customer_licenses_usage_insights import CustomerLicensesUsageInsights
from .customer_licenses_usage_insights_collection import CustomerLicensesUsageInsightsCollection
from .error import Error
from .licenses_deployment_page import LicensesDeploymentPage
from .licenses_deployment_row import LicensesDeploymentRow
from .licenses_usage_page import LicensesUsagePage
from .licenses_usage_row import LicensesUsageRow
from .link import Link
from .link_header import LinkHeader
from .list_customers_seek_operation import ListCustomersSeekOperation
from .partner_licenses_deployment_insights import PartnerLicensesDeploymentInsights
from .partner_licenses_deployment_insights_collection import PartnerLicensesDeploymentInsightsCollection
from .partner_licenses_usage_insights import PartnerLicensesUsageInsights
from .partner_licenses_usage_insights_collection import PartnerLicensesUsageInsightsCollection
from .resource_attributes import ResourceAttributes
from .resource_links import ResourceLinks
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
    "Error",
    "LicensesDeploymentPage",
    "LicensesDeploymentRow",
    "LicensesUsagePage",
    "LicensesUsageRow",
    "Link",
    "LinkHeader",
    "ListCustomersSeekOperation",
    "PartnerLicensesDeploymentInsights",
    "PartnerLicensesDeploymentInsightsCollection",
    "PartnerLicensesUsageInsights",
    "PartnerLicensesUsageInsightsCollection",
    "ResourceAttributes",
    "ResourceLinks",
    "ServiceName",
)
