"""Two pydantic v2 twins of the generated deployment collection, the decode benchmark's yardsticks.

Same fields, every one optional and nullable as in the spec, unknown keys kept (``extra="allow"``),
date-times parsed. The first turns known service names and channels into the generated enums with any
other string kept as is (left-to-right unions, as the generated ``from_dict`` tries them): pydantic is slow
at such unions. The second, ``Plain...``, types them ``str``, as a user writing the model by hand would.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from partner_center_analytics.models import Channel, ServiceName
from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ResourceAttributes(_Model):
    object_type: str | None = Field(default=None, alias="objectType")
    etag: str | None = None


class LinkHeader(_Model):
    key: str | None = None
    value: str | None = None


class Link(_Model):
    uri: str | None = None
    method: str | None = None
    headers: list[LinkHeader] | None = None


class ResourceLinks(_Model):
    self_: Link | None = Field(default=None, alias="self")
    next: Link | None = None
    previous: Link | None = None


class PartnerLicensesDeploymentInsights(_Model):
    processed_date_time: datetime.datetime | None = Field(default=None, alias="processedDateTime")
    service_name: Annotated[ServiceName | str | None, Field(union_mode="left_to_right")] = Field(
        default=None, alias="serviceName"
    )
    channel: Annotated[Channel | str | None, Field(union_mode="left_to_right")] = None
    attributes: ResourceAttributes | None = None
    prorated_deployment_percent: float | None = Field(default=None, alias="proratedDeploymentPercent")
    licenses_sold: int | None = Field(default=None, alias="licensesSold")


class PartnerLicensesDeploymentInsightsCollection(_Model):
    total_count: int = Field(alias="totalCount")
    items: list[PartnerLicensesDeploymentInsights]
    links: ResourceLinks | None = None
    attributes: ResourceAttributes | None = None


class PlainPartnerLicensesDeploymentInsights(_Model):
    processed_date_time: datetime.datetime | None = Field(default=None, alias="processedDateTime")
    service_name: str | None = Field(default=None, alias="serviceName")
    channel: str | None = None
    attributes: ResourceAttributes | None = None
    prorated_deployment_percent: float | None = Field(default=None, alias="proratedDeploymentPercent")
    licenses_sold: int | None = Field(default=None, alias="licensesSold")


class PlainPartnerLicensesDeploymentInsightsCollection(_Model):
    total_count: int = Field(alias="totalCount")
    items: list[PlainPartnerLicensesDeploymentInsights]
    links: ResourceLinks | None = None
    attributes: ResourceAttributes | None = None
