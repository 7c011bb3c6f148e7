"""The report datasets (names, columns, metrics, date ranges) and the system queries, as Partner Center lists them.

Sources: the six license datasets' columns, metrics and types are the spec's (``x-pcinsights-report-rows``, as
the generated ``partner_center_analytics.report_rows`` carries them). The others
(../shared/reference/partner-center-insights-reports.md): the dataset names of §7 plus the two the system queries
use (``CloudProductsResellerPerformance``, ``CLASSurfacePropensity``); columns from the system queries' column
lists (§6), else (the two Competency datasets) chosen here; metrics from the sample queries, those marked *chosen*
below this emulator's.

Choices where the docs say nothing or disagree:

- ``minimumRecurrenceInterval``: 24 for OfficeUsage and DynamicsUsage (documented); 4, the API-wide minimum, for
  every other dataset (undocumented, so no stricter floor is invented).
- Date ranges: the five monthly ranges (LAST_MONTH … LIFETIME, as documented for OfficeUsage and DynamicsUsage)
  for monthly datasets; the daily datasets (Teams, training, Learn) take all thirteen TIMESPAN values.
- Column types: the spec's JSON types for the license datasets, ``_TYPES_BY_NAME`` for the others; a text
  column named as a date (``Month``, ``SubscriptionStartDate``, ...) holds ``yyyy-MM-dd`` and compares as a date.
- A metric is a sum over a column (``Total…``) or a distinct count of one (``…Count``), by its name
  (``_METRIC_RULES``). SeatsSubscriptionsAndRevenue's seat sums read ``SoldSeats`` / ``AssignedSeats``, record
  fields no query selects (the dataset documents no such column). TotalRevenueAndACR sums nothing: the emulated
  tenant has no prices, so it is 0.0.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs
from partner_center_analytics.report_rows import REPORT_ROWS


class ColumnType(enum.Enum):
    """How a column's values compare; ``DATE`` values are ``yyyy-MM-dd`` text."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"


@attrs.frozen
class Metric:
    """An aggregate over the records of one combination of the selected columns."""

    name: str
    kind: str  # "sum" (of ``source``; 0 when it is None) or "count" (distinct values of ``source``)
    source: str | None


MONTHLY_RANGES = ("LAST_MONTH", "LAST_3_MONTHS", "LAST_6_MONTHS", "LAST_1_YEAR", "LIFETIME")
DAILY_RANGES = (
    "TODAY",
    "YESTERDAY",
    "LAST_7_DAYS",
    "LAST_14_DAYS",
    "LAST_30_DAYS",
    "LAST_90_DAYS",
    "LAST_180_DAYS",
    "LAST_365_DAYS",
)
ALL_RANGES = DAILY_RANGES + MONTHLY_RANGES  # every TIMESPAN value the grammar names
DEFAULT_RANGE = "LAST_6_MONTHS"
MINIMUM_RECURRENCE = 4


@attrs.frozen
class Dataset:
    """One dataset as ``GET ScheduledDataset`` lists it, with what the emulator needs to evaluate queries on it.

    ``fields`` are the record's fields: the columns, then any a metric reads but no query selects.
    """

    name: str
    columns: tuple[str, ...]
    metrics: tuple[str, ...]
    date_ranges: tuple[str, ...]
    minimum_recurrence_interval: int
    types: Mapping[str, ColumnType]  # every field and metric
    metric_rules: Mapping[str, Metric]
    fields: tuple[str, ...]
    _names: Mapping[str, str]  # case-folded name -> spelling, of the columns and metrics

    def find(self, name: str) -> str | None:
        """The column or metric ``name`` denotes, in the dataset's spelling (names are case-insensitive)."""
        return self._names.get(name.casefold())

    def is_metric(self, name: str) -> bool:
        return name in self.metric_rules


# Column types by name (case-folded) for the datasets the spec does not type; a column not named here is text.
# (Its date names also mark the license datasets' date columns, which the spec types as text.)
_INTEGERS = (
    "PaidAvailableUnits MonthlyActiveUsers AvailableSeats AssignedSeats ActiveSeats DeploymentOpportunity "
    "AADPPaidAvailableUnits IntunePaidAvailableUnits "
    "AzipPaidAvailableUnits AADPMonthlyActiveUsers IntuneMonthlyActiveUsers AzipMonthlyActiveUsers SoldSeats "
    "UserCount DesktopUsers WebUsers MobileUsers AllUpPartiticipants MeetingCount RequiredValue ActualValue"
)
_NUMBERS = (
    "ActiveUsagePercent BilledRevenueUSD AzureConsumedRevenueUSD UsageQuantity MonthlySubscriptionLevelACR "
    "MeetingDuration ExpiringRevenue"
)
_DATES = (
    "Month SubscriptionStartDate SubscriptionEndDate SubscriptionStartMonth FirstUseDate DateKey MonthKey "
    "TrainingCompletionDate CompletionDate AgreementEndDate StartDate EndDate"
)
_TYPES_BY_NAME = (
    {name.casefold(): ColumnType.INTEGER for name in _INTEGERS.split()}
    | {name.casefold(): ColumnType.NUMBER for name in _NUMBERS.split()}
    | {name.casefold(): ColumnType.DATE for name in _DATES.split()}
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


# The license datasets: the spec's, with typed rows (their columns, metrics and types come from there).
LICENSE_DATASETS = tuple(REPORT_ROWS)
_JSON_TYPES = {"integer": ColumnType.INTEGER, "number": ColumnType.NUMBER}

_RESELLER_COLUMNS = (
    "ResellerMpnId,ResellerName,ResellerMarket,IndirectProviderMPNId,IndirectProviderName,Month,Product,"
    "SubscriptionID,AvailableSeats,AssignedSeats,BilledRevenueUSD,CustomerName,CustomerTPid,CustomerSegment,"
    "CustomerMarket,ResellerStatus"
)
_RESELLER_METRICS = "CustomerCount SubscriptionCount TotalAvailableSeats TotalAssignedSeats TotalRevenue"
_CLAS_HEAD = (
    "MPNID,PartnerName,CustomerID,DUNSNumber,AccountName,Domain,OrgSize,Industry,Vertical,Area,Subsidiary,"
    "SalesTerritory,City,State,PostalCode,Country,Segment,SubSegment,SMCTypeSummary,IsNonProfit,"
)
_CLAS_M365 = _CLAS_HEAD + (
    "DigitalWorkforce3rdPartyHostingService,"
    "DigitalWorkforceAcquirenewcustomerstoMicrosoftHighPropensityProspectforM365ActNowEvaluate,"
    "DigitalWorkforceM365A3targetedforA5,DigitalWorkforceSkypeforBusiness,DigitalWorkforceOnPremAcquisitionCurrentVersion,"
    "DigitalWorkforceOnPremAcquisitionEOS,DigitalWorkforceTransitionCustomerCompeteZoomwithM365,"
    "DigitalWorkforceTransitionCustomerCompeteZoomwithoutM365,DigitalWorkforceTransitionCustomerCompeteGoogleWorkspace,"
    "DigitalWorkforceUpsellexistingcloudcustomerIntune,"
    "DigitalWorkforceUpsellexistingcloudcustomerM365BBBScustomerstargetedforM365BP,"
    "DigitalWorkforceUpsellexistingcloudcustomerM365E3targetedforM365E5,"
    "DigitalWorkforceUpsellexistingcloudcustomerTargetExchangeonline,NextGenWindowsExperiencesCompeteAmazonWorkspaceAWSWorkspaces,"
    "NextGenWindowsExperiencesCompeteCitrix,NextGenWindowsExperiencesCompeteGoogleDaaScompeteitopiaNutanixFrameWorkspot,"
    "NextGenWindowsExperiencesCompeteVmwareHorizons,NextGenWindowsExperiencesCustomerhashardwareandalsoaddlastHWpurchase3years,"
    "NextGenWindowsExperiencesCustomerhasW10ProorearlierversionsW11ProTargetW365,"
    "CustomerswithWindowsProendpointsWindows10EnterpriseE3EMSE3orMicrosoft365F3E3E5BPTargetforW365,"
    "NextGenWindowsExperiencesGoogleWorkspacecustomerswithoutWindows,"
    "UserswithnonWindowsProendpointsWindowsVDAE3EMSE3orMicrosoft365F3E3F5BPTargetW365,"
    "RefreshyourDevicesBusinessPremiumESKUAttach50,RefreshyourDevicesEDUforSurface,"
    "RefreshyourDevicesSurfaceDevices25purchasedinthelast3years,RefreshyourDevicesTargetSurfaceforBS,"
    "RefreshyourDevicesTeamsMeetingPresence50,SeamlessSecurityTransitionCustomerCompeteEndpointSecurityMDB,"
    "SeamlessSecurityUpsellexistingcloudcustomerCompeteEndpointSecurityMDB,"
    "SeamlessSecurityUpsellexistingcloudcustomerCompeteGoogleWorkspace,"
    "SeamlessSecurityUpsellexistingcloudcustomerM365BBBScustomerstargetedforM365BP,"
    "SeamlessSecurityUpsellexistingcloudcustomerOnPremAcquisitionCurrentVersion,"
    "SeamlessSecurityUpsellexistingcloudcustomerTargetExchangeOnline,M365Cluster,M365Fit,M365Intent,SurfaceCluster,"
    "SurfaceFit,SurfaceIntent,M365UpsellCustomer,HasGoogle,HasAWS,HasEA,HasOpen,Transactedinthelast36months"
)

# The other datasets: (columns, metrics, date ranges). Listed, never any rows.
_OTHER_DATASETS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "AzureUsage": (
        "PGAMpnId,SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,FirstUseDate,SubscriptionState,Month,"
        "ServiceName,MeterCategory,UsageUnits,UsageQuantity,CustomerName,CustomerTenantId,CustomerTpid,"
        "CustomerSegment,CustomerMarket,MpnId,PartnerName,PartnerLocationID,PartnerAttributionType,SalesChannel,"
        "EnrollmentNumber,IsACRDuplicateAtPGALevel,ResellerID,ResellerName,MonthlySubscriptionLevelACR",
        "TotalACR SubscriptionCount CustomerCount",  # the last two chosen
        MONTHLY_RANGES,
    ),
    "MSLearn": (
        "UserName,UserId,TrainingName,TrainingType,Products,Roles,CompletionDate,MPNId,PartnerName,CustomerMarket",
        "",
        ALL_RANGES,
    ),
    "Profile": ("MpnId,PartnerName,PGA_MPNId,PGA_PartnerName,City,Country,HierarchyLevel", "", MONTHLY_RANGES),
    "TrainingCompletions": (
        "TrainingActivityId,TrainingTitle,TrainingType,AADUserId,TrainingCompletionDate,Month,IcMCP,MCPID,MPNID,"
        "PartnerName,PartnerCityLocation,PartnerCountryLocation",
        "",
        ALL_RANGES,
    ),
    # The two Competency datasets: no column list is published; these are chosen.
    "CompetencySummaryHistory": (
        "MPNId,PartnerName,CompetencyName,CompetencyLevel,CompetencyStatus,StartDate,EndDate,Month",
        "",
        MONTHLY_RANGES,
    ),
    "CompetencyPeformanceRequirement": (  # sic: the dataset API's spelling (§11.18)
        "MPNId,PartnerName,CompetencyName,RequirementName,RequirementStatus,RequiredValue,ActualValue,Month",
        "",
        MONTHLY_RANGES,
    ),
    "ResellerPerformance": ("PGAMpnId," + _RESELLER_COLUMNS, _RESELLER_METRICS, MONTHLY_RANGES),
    "CloudProductsResellerPerformance": (_RESELLER_COLUMNS, _RESELLER_METRICS, MONTHLY_RANGES),
    "CLASAgreementRenewalsPropensity": (
        _CLAS_HEAD + "HasGoogle,HasAWS,AzureCluster,D365FOCluster,D365CECluster,D365BCCluster,M365Cluster,"
        "PowerAppsCluster,LicenseProgram,AgreementID,AgreementEndDate,ExpirationType,ExpiringRevenue,HasEA,HasOpen,"
        "M365UpsellCustomer,RevSumDivisionName,TransactedInTheLast36Months",
        "",
        MONTHLY_RANGES,
    ),
    "CLASAzurePropensity": (
        _CLAS_HEAD + "DataAIInnovatewithAIandcloudscaledatabasesineveryappBuildnewintelligentcloudnativeapplications,"
        "DataAIMigrateandmodernizeyourdatacenterSQLServerIBCurrentVersion,DataAIMigrateandmodernizeyourdatacenterSQLServerIBEOS,"
        "DataAIMigrateandmodernizeyourdatacenterSQLServer2012IBEOS,"
        "DataAIMigrateandmodernizeyourdatacenterHomogenousmigrationofPostgreSQLandMySQLtoAzure,"
        "DataAIMigrateandmodernizeyourdatacenterMigrateSQLServertoAzureSQLManagedInstanceandVMs,"
        "RealtimeanalyticswithSynapseLinkPBIforlandeddataplatformworkloads,"
        "DataAIPowerbusinessdecisionswithCloudScaleAnalyticsMigrationOnPremDWMigrationtoAzureSynapse,"
        "DataAIPowerbusinessdecisionswithCloudScaleAnalyticsMigrationOnPremHadoopMigrationtoAzureDatabricks,"
        "NetNewWinNewAnalyticUseCaseswithSynapseandPBIandAML,"
        "DigitalAppInnovationAccelerateinnovationwithLowCodeBuildandmodernizelineofbusinessapplications,"
        "AcceleratesoftwaredeliverythroughDevSecOpswithGitHubandVisualStudio,"
        "DigitalAppInnovationEnabledeveloperproductivityandAccelerateDeliveryDrivedeveloperengagement,"
        "BuildcloudnativeappswithKubernetesServerlessanddataModernizeAppswAKS,"
        "BuildcloudnativeappswithKubernetesServerlessanddataModernizeAppswRHOpenShiftHighConsumingLinuxIBISV,"
        "DigitalAppInnovationInnovateandscalewithcloudnativeappsDrivedeveloperengagement,"
        "DigitalAppInnovationModernizeenterpriseapplicationsModernizeNETappswithdata,"
        "DigitalAppInnovationModernizeenterpriseapplicationsModernizeJavaappswithdata,HighPropensityHighPropensity,"
        "DevelopoperateandsecurewithAzureArcArcenabledservicesandAzureStackHCI,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsAttachMonitorStorageNetworkingandSecurity,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsWindowsServerIBCurrentVersion,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsWindowsServerIBEOS,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsWindowsServer2012IBEOS,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsMigrateandmodernizeLinuxOSSDBtoAzure,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsMigrateandmodernizeVMwaretoAVS,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsMigrateandmodernizeWindowsServerSQLtoAzure,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsModernizeVDItoAVDMigrateCitrixIB,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsModernizeVDItoAVDMigrateVMWareIB,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsModernizeVDItoAVDCrossSellMWtoAzureWVD,"
        "InfraMigrateandModernizeyourInfrastructureandworkloadsModernizeVDItoAVDRDSIB,"
        "InfraModernizeSAPontheMicrosoftCloudExtendandinnovateSAPwithMicrosoftCloudservices,"
        "InfraModernizeSAPontheMicrosoftCloudMigrateandmodernizetoS4HANAviaRISEwithSAPorAzurenative,"
        "ExtendEdgeInferencingwithcloudbasedmodeltrainingusingAzureAIInfrastructure,"
        "InfraModernizeyourworkloadswithAzureatanyscalewithHPCAIExtendtoAVDworkloadsrequiringGPUrendering,"
        "InfraModernizeyourworkloadswithAzureatanyscalewithHPCAIModernizeHPCworkloadswithAzureHPCAI,"
        "AttachAzureBackupandASRtoeveryproductionVMnewandgoback,"
        "InfraProtectyourdataandensurebusinessresiliencywithBCDRBackuponpremdataandSaaSdatatoAzure,"
        "SecurityDefendAgainstThreatswithSIEMXDRDriveSIEMXDRtomodernizesecurityopcenter,"
        "SecuritySecureMultiCloudInfrastructureCloudworkloadprotectionDefenderAttachinWindowsMigration,"
        "SecuritySecureMultiCloudInfrastructureCloudworkloadprotectionWellArchitectedSecurityGoBack,AzureFit,"
        "AzureIntent,AzureCluster,WindowsServerDataCenter_HasOpenRenewal,WindowsServerStandard_HasOpenRenewal,"
        "HasGoogle,HasAWS,HasEA,HasOpen,NumberofExistingWorkloads,ExistingWorkloads,NumberofRecommendedWorkloads,"
        "RecommendedWorkloads,Transactedinthelast36months",
        "",
        MONTHLY_RANGES,
    ),
    "CLASD365Propensity": (
        _CLAS_HEAD
        + "AccelerateInnovationwithLowCodeDynamicsCompeteBaseMendixOutsystemsSalesforcePowerAppsPowerAutomateModel,"
        "ConnectedSalesMarketingUnlockDatatoMaximizeSalesImpact,"
        "EnableaResilientSustainableSupplyChainCrossSellD365SupplyChainAndOrRetailCommercetoexistingD365Sales,"
        "CrossSellD365SupplyChainAndOrRetailCommercetoexistingD365SalesandOracleorSAPCustomers,"
        "WinandActivateFirstD365WorkloadasD365SupplyChainwithNonOracleSAPERPCustomers,"
        "ModernizetheServiceExperienceD365CustomerServicesandD365FieldServicesD365SalesPropensity,"
        "OptimizeFinancialOperatingModelsDynamicsOnPremInstallBaseGreatPlainsBCFinancePropensityModel,"
        "OptimizeFinancialOperatingModelsDynamicsOnPremInstallBaseNavisionBCFinancePropensityModel,"
        "OptimizeFinancialOperatingModelsDynamicsOnPremInstallBaseOthersBCFinancePropensityModel,"
        "OptimizeFinancialOperatingModelsDynamicsOnPremInstallBaseSolomonBCFinancePropensityModel,"
        "OptimizeFinancialOperatingModelsTransformBusinessOperationsExperience,D365BCCluster,D365BCFit,D365BCIntent,"
        "D365FOCluster,D365FOFit,D365FOIntent,D365CECluster,D365CEFit,D365CEIntent,PowerAppsCluster,PowerAppsFit,"
        "PowerAppsIntent,DynamicsOnPremAXorCRM_HasOpenRenewal,M365UpsellCustomer,HasGoogle,HasAWS,HasEA,HasOpen,"
        "Transactedinthelast36months",
        "",
        MONTHLY_RANGES,
    ),
    "CLASM365Propensity": (_CLAS_M365, "", MONTHLY_RANGES),
    "CLASSurfacePropensity": (_CLAS_M365, "", MONTHLY_RANGES),  # the same columns as M365 (§11.19)
    "TeamsUsage3PApps": (
        "CustomerId,CustomerTenantId,CustomerName,CustomerCountry,DateKey,AppName,UserCount",
        "",
        ALL_RANGES,
    ),
    "TeamsUsageWorkload": (
        "CustomerId,CustomerTenantId,MonthKey,SubWorkload,DesktopUsers,WebUsers,MobileUsers,AllUpPartiticipants",
        "",
        ALL_RANGES,
    ),
    "TeamsUsageMeetingsAndCalls": (
        "CustomerId,CustomerTenantId,DateKey,SubWorkload,MeetingCount,MeetingDuration",
        "",
        ALL_RANGES,
    ),
}

# Record fields beyond the columns: read by a metric, never selected.
_HIDDEN_FIELDS = {"SeatsSubscriptionsAndRevenue": ("SoldSeats", "AssignedSeats")}
_RECURRENCE = {"OfficeUsage": 24, "DynamicsUsage": 24}
# The dataset API's order (§7), then the two only the system queries name.
_ORDER = [
    "CustomersAndTenants",
    "SeatsSubscriptionsAndRevenue",
    "AzureUsage",
    "MSLearn",
    "OfficeUsage",
    "Profile",
    "TrainingCompletions",
    "DynamicsUsage",
    "CompetencySummaryHistory",
    "PowerBIUsage",
    "EMSUsage",
    "CompetencyPeformanceRequirement",
    "ResellerPerformance",
    "CLASAgreementRenewalsPropensity",
    "CLASAzurePropensity",
    "CLASD365Propensity",
    "CLASM365Propensity",
    "TeamsUsage3PApps",
    "TeamsUsageWorkload",
    "TeamsUsageMeetingsAndCalls",
    "CloudProductsResellerPerformance",
    "CLASSurfacePropensity",
]


# What each metric computes: (kind, the fields it may read, first found wins, in any letter case). Sums of no
# field are revenue, which the tenant has no prices for. A metric not named here fails at import.
_METRIC_RULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "CustomerCount": ("count", ("CustomerTpid",)),
    "CustomerTenantCount": ("count", ("CustomerTenantId",)),
    "SubscriptionCount": ("count", ("SubscriptionId",)),
    "TotalPaidAvailableUnits": ("sum", ("PaidAvailableUnits",)),
    "TotalMonthlyActiveUsers": ("sum", ("MonthlyActiveUsers",)),
    "TotalSoldSeats": ("sum", ("SoldSeats", "AvailableSeats")),
    "TotalAssignedSeats": ("sum", ("AssignedSeats",)),
    "TotalActiveSeats": ("sum", ("ActiveSeats",)),
    "TotalAvailableSeats": ("sum", ("AvailableSeats",)),
    "TotalRevenueAndACR": ("sum", ()),
    "TotalRevenue": ("sum", ("BilledRevenueUSD",)),
    "TotalACR": ("sum", ("MonthlySubscriptionLevelACR",)),
}


def _metric(name: str, fields: tuple[str, ...]) -> Metric:
    kind, candidates = _METRIC_RULES[name]
    by_folded = {field.casefold(): field for field in fields}
    found = [by_folded[candidate.casefold()] for candidate in candidates if candidate.casefold() in by_folded]
    if candidates and not found:
        raise LookupError(f"metric {name} reads none of {candidates} in this dataset")
    return Metric(name, kind, found[0] if found else None)


def _type(name: str) -> ColumnType:
    return _TYPES_BY_NAME.get(name.casefold(), ColumnType.STRING)


def _dataset(
    name: str,
    columns: tuple[str, ...],
    metrics: tuple[str, ...],
    date_ranges: tuple[str, ...],
    types: Mapping[str, ColumnType],
) -> Dataset:
    """The dataset; ``types`` gives its columns' types (and its metrics', else a metric has its source's type)."""
    fields = columns + _HIDDEN_FIELDS.get(name, ())
    rules = {metric: _metric(metric, fields) for metric in metrics}
    all_types = {field: types.get(field) or _type(field) for field in fields}
    for rule in rules.values():
        derived = ColumnType.INTEGER if rule.kind == "count" else all_types.get(rule.source or "", ColumnType.NUMBER)
        all_types[rule.name] = types.get(rule.name) or derived
    return Dataset(
        name=name,
        columns=columns,
        metrics=metrics,
        date_ranges=date_ranges,
        minimum_recurrence_interval=_RECURRENCE.get(name, MINIMUM_RECURRENCE),
        types=all_types,
        metric_rules=rules,
        fields=fields,
        names={spelling.casefold(): spelling for spelling in (*columns, *metrics)},
    )


def _spec_type(name: str, json_type: str) -> ColumnType:
    if json_type == "string" and _type(name) is ColumnType.DATE:
        return ColumnType.DATE
    return _JSON_TYPES.get(json_type, ColumnType.STRING)


def _catalogue() -> dict[str, Dataset]:
    found: dict[str, Dataset] = {}
    for name, rows in REPORT_ROWS.items():
        types = {field: _spec_type(field, json_type) for field, json_type in rows.types.items()}
        found[name] = _dataset(name, tuple(rows.columns), tuple(rows.metrics), MONTHLY_RANGES, types)
    for name, (columns, metrics, ranges) in _OTHER_DATASETS.items():
        found[name] = _dataset(name, _names(columns), tuple(metrics.split()), ranges, {})
    return {name: found[name] for name in _ORDER}


DATASETS: Mapping[str, Dataset] = _catalogue()
_BY_FOLDED_NAME = {name.casefold(): dataset for name, dataset in DATASETS.items()}


def find_dataset(name: str) -> Dataset | None:
    """The dataset ``name`` denotes, in any letter case (the query language is case-insensitive)."""
    return _BY_FOLDED_NAME.get(name.casefold())


@attrs.frozen
class SystemQuery:
    """A predefined query, listed with type ``system`` and user ``system``; it cannot be deleted."""

    query_id: str
    name: str
    description: str
    query: str
    dataset: str


def _system(query_id: str, name: str, description: str, dataset: str, names: str | None, timespan: bool) -> SystemQuery:
    """The query text from its documented column list (None: every column of the dataset, its metrics left out)."""
    selected = ",".join(DATASETS[dataset].columns) if names is None else ",".join(_names(names))
    text = f"SELECT {selected} FROM {dataset}" + (f" TIMESPAN {DEFAULT_RANGE}" if timespan else "")
    return SystemQuery(query_id, name, description, text, dataset)


# The documented system queries (§6): ids, names, column lists; the descriptions are the docs' captions.
SYSTEM_QUERIES: tuple[SystemQuery, ...] = (
    _system(
        "6664daf3-c161-423a-92a1-0ea6db2c0384",
        "Customers",
        "The Customers report for the last six months",
        "CustomersAndTenants",
        None,
        True,
    ),
    _system(
        "c9fc1c79-4408-49ff-97f9-e1aa3f155804",
        "Seats Subscriptions and Revenue",
        "Seats, subscriptions, and revenue report for the last six months",
        "SeatsSubscriptionsAndRevenue",
        "PGAMpnId,MpnId,SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,SubscriptionState,month,IsAutoRenew,"
        "CustomerName,CustomerTenantId,CustomerTpid,DUNSNumber,CustomerSegment,TopSegment,CustomerMarket,"
        "ProductFamily,ReportingProductName,Product,RawProductName,ProductPartNumber,SKU,RevSumDivisionName,"
        "PartnerName,SolutionArea,PartnerLocationID,PartnerAttributionType,SalesChannel,PricingLevel,"
        "EnrollmentNumber,IsDuplicateRowForPGA,SubscriptionStartMonth,TotalSoldSeats,TotalAssignedSeats,"
        "BilledRevenueUSD,AzureConsumedRevenueUSD",
        True,
    ),
    _system("e65f3a4f-fb99-4319-97ff-59e57566a871", "Partner Profile", "Profile data", "Profile", None, False),
    _system(
        "d1a4d75e-5ca8-4847-845f-ee0a9be6f07b",
        "Azure Usage",
        "AzureUsage report for the last six months",
        "AzureUsage",
        ",".join(DATASETS["AzureUsage"].columns) + ",TotalACR",
        True,
    ),
    _system(
        "d8349f7b-a7d1-467e-b26d-434d4a50f26a",
        "Office Usage",
        "OfficeUsage report for the last six months",
        "OfficeUsage",
        "CustomerTenantId,CustomerTpid,WorkloadName,Month,PaidAvailableUnits,MonthlyActiveUsers,CustomerName,"
        "CustomerMarket,CustomerSegment,MPNId,PartnerName,PartnerLocationID,PartnerAttributionType,IsDuplicateRowForPGA",
        True,
    ),
    _system(
        "6209a8fd-93af-442e-8b3f-3df0f77e8463",
        "Dynamics Usage",
        "DynamicsUsage report for six months",
        "DynamicsUsage",
        "SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,SubscriptionStatus,Month,RevSumDivisionName,"
        "RevSumCategoryName,SKU,SKUId,FreeVsPaidSKU,SalesModel,DetailedSalesModel,CustomerName,CustomerTenantId,"
        "CustomerTpid,CustomerSegment,CustomerMarket,MPNId,PartnerName,PartnerLocationID,PartnerAttachType,"
        "AvailableSeats,AssignedSeats,ActiveSeats,DeploymentOpportunity,ActiveUsagePercent",
        True,
    ),
    _system(
        "40ebfe2f-7183-4427-a911-5c9b45b6df15",
        "Power BI usage",
        "PowerBIUsage report for six months",
        "PowerBIUsage",
        "SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,SubscriptionStatus,Month,SKU,SKUId,FreeVsPaidSKU,"
        "SalesModel,DetailedSalesModel,CustomerName,CustomerTenantId,CustomerTpid,CustomerSegment,CustomerMarket,"
        "MPNId,PartnerName,PartnerLocationID,PartnerAttachType,PartnerHierarchy,AvailableSeats,AssignedSeats,"
        "ActiveSeats,DeploymentOpportunity,ActiveUsagePercent",
        True,
    ),
    _system(
        "d7f20ea4-8751-4d6b-b1d7-821c316acd6a",
        "EMS Usage",
        "EMSUsage report for six months",
        "EMSUsage",
        "SubscriptionId,SubscriptionStartDate,SubscriptionEndDate,SubscriptionStatus,Month,SKU,SKUId,FreeVsPaidSKU,"
        "SalesModel,DetailedSalesModel,CustomerName,CustomerTenantId,CustomerTpid,CustomerSegment,CustomerMarket,"
        "MPNId,PartnerName,PartnerLocationID,PartnerAttachType,PartnerHierarchy,PaidAvailableUnits,"
        "MonthlyActiveUsers,AADPPaidAvailableUnits,IntunePaidAvailableUnits,AzipPaidAvailableUnits,"
        "AADPMonthlyActiveUsers,IntuneMonthlyActiveUsers,AzipMonthlyActiveUsers",
        True,
    ),
    _system(
        "c09c2eda-861b-4664-8ee8-48a14745a26a",
        "Cloud products reseller performance",
        "CloudProductsResellerPerformance report for six months",
        "CloudProductsResellerPerformance",
        None,
        True,
    ),
    _system(
        "c4fc87ac-4cca-44cd-bf4d-835ac513f9ee",
        "CLASAgreementRenewalsPropensity",
        "CLASAgreementRenewalsPropensity report for six months",
        "CLASAgreementRenewalsPropensity",
        None,
        False,
    ),
    _system(
        "9a18bd70-8f90-4bd2-8266-5f6e453e3ee7",
        "CLASAzurePropensity",
        "CLASAzurePropensity report for six months",
        "CLASAzurePropensity",
        None,
        False,
    ),
    _system(
        "258fdcac-6e9c-4072-af27-b1b3d97be16c",
        "CLASD365Propensity",
        "CLASD365Propensity report for six months",
        "CLASD365Propensity",
        None,
        False,
    ),
    _system(
        "fbe00e32-fdde-4465-b3e4-41bbd021a130",
        "CLASM365Propensity",
        "CLASM365Propensity report for six months",
        "CLASM365Propensity",
        None,
        False,
    ),
    _system(
        "ba339743-7594-439f-bb01-1a2e754df7b7",
        "CLASSurfacePropensity",
        "CLASSurfacePropensity report for six months",
        "CLASSurfacePropensity",
        None,
        False,
    ),
    _system(
        "42d287be-cc76-4109-a066-f3140ad97fe2",
        "Teams Usage 3P Apps",
        "TeamsUsage3PApps report for six months",
        "TeamsUsage3PApps",
        None,
        True,
    ),
    _system(
        "817fe875-acb0-4c45-9201-b7a35a60235a",
        "Teams usage workload",
        "TeamsUsageWorkload report for six months",
        "TeamsUsageWorkload",
        None,
        True,
    ),
    _system(
        "b7bd73a8-47e8-4c57-b915-445708cfd7bf",
        "Teams meetings and calls",
        "TeamsUsageMeetingsAndCalls report for six months",
        "TeamsUsageMeetingsAndCalls",
        None,
        True,
    ),
    _system(
        "20f5da57-3c2a-481b-b6a0-ec34d6db14e2",
        "TrainingCompletions",
        "Training Completions report for six months",
        "TrainingCompletions",
        None,
        True,
    ),
    _system(
        "0e06c7c3-75ab-4cd5-8178-8cf1a2de49cc",
        "MSLearn",
        "Microsoft Learn report for the last six months",
        "MSLearn",
        None,
        True,
    ),
)
