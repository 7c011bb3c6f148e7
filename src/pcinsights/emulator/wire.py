"""The emulator's wire format: the JSON of customers and insight rows, Partner Center's error body, the id headers."""

from __future__ import annotations

import base64
import functools
import json
import re
import uuid
from collections.abc import Mapping

import attrs
from starlette.datastructures import Headers
from starlette.responses import Response

from pcinsights.emulator.guid import is_guid
from pcinsights.emulator.world import (
    Customer,
    CustomerDeploymentRow,
    CustomerUsageRow,
    PartnerDeploymentRow,
    PartnerUsageRow,
)

JSON_MEDIA_TYPE = "application/json; charset=utf-8"
LOCALE_PATTERN = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}")
JsonObject = dict[str, object]


def encode_json(body: object) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@functools.singledispatch
def to_json(item: object) -> JsonObject:
    """A customer or an insight row as the spec's JSON object."""
    raise TypeError(f"no wire form for {type(item).__name__}")


@to_json.register
def _customer(customer: Customer) -> JsonObject:
    return {
        "id": customer.id,
        "commerceId": customer.commerce_id,
        "companyProfile": {
            "tenantId": customer.id,
            "domain": customer.domain,
            "companyName": customer.name,
            "attributes": {"objectType": "CustomerCompanyProfile"},
        },
        "relationshipToPartner": customer.relationship,
        "attributes": {"objectType": "Customer"},
    }


@to_json.register
def _partner_deployment(row: PartnerDeploymentRow) -> JsonObject:
    return {
        "proratedDeploymentPercent": row.prorated_deployment_percent,
        "licensesSold": row.licenses_sold,
        "processedDateTime": row.processed,
        "serviceName": row.service_name,
        "channel": row.channel,
        "attributes": {"objectType": "PartnerLicensesDeploymentInsights"},
    }


@to_json.register
def _partner_usage(row: PartnerUsageRow) -> JsonObject:
    return {
        "proratedLicensesUsagePercent": row.prorated_licenses_usage_percent,
        "workloadName": row.workload_name,
        "processedDateTime": row.processed,
        "serviceName": row.service_name,
        "channel": row.channel,
        "attributes": {"objectType": "PartnerLicensesUsageInsights"},
    }


@to_json.register
def _customer_deployment(row: CustomerDeploymentRow) -> JsonObject:
    return {
        "customerId": row.customer_id,
        "customerName": row.customer_name,
        "productName": row.product_name,
        "serviceCode": row.service_code,
        "licensesDeployed": row.licenses_deployed,
        "deploymentPercent": row.deployment_percent,
        "licensesSold": row.licenses_sold,
        "processedDateTime": row.processed,
        "serviceName": row.service_name,
        "channel": row.channel,
        "attributes": {"objectType": "CustomerLicensesDeploymentInsights"},
    }


@to_json.register
def _customer_usage(row: CustomerUsageRow) -> JsonObject:
    return {
        "customerId": row.customer_id,
        "customerName": row.customer_name,
        "productName": row.product_name,
        "serviceCode": row.service_code,
        "workloadCode": row.workload_code,
        "workloadName": row.workload_name,
        "licensesActive": row.licenses_active,
        "licensesQualified": row.licenses_qualified,
        "usagePercent": row.usage_percent,
        "processedDateTime": row.processed,
        "serviceName": row.service_name,
        "channel": row.channel,
        "attributes": {"objectType": "CustomerLicensesUsageInsights"},
    }


def error_body(code: int, description: str) -> dict[str, object]:
    """Partner Center's error shape, as its REST error reference documents it."""
    return {"code": code, "description": description, "data": [], "source": "PartnerFD"}


def _echo_or_new(headers: Headers, name: str) -> str:
    values = headers.getlist(name)
    if len(values) == 1 and is_guid(values[0]):
        return values[0]
    return str(uuid.uuid4())


@attrs.frozen
class RequestIds:
    """The ids a response carries: the client's own when they are valid GUIDs, fresh ones otherwise."""

    request_id: str
    correlation_id: str
    cv: str

    @classmethod
    def for_request(cls, headers: Headers) -> RequestIds:
        vector = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii")[:16]
        return cls(_echo_or_new(headers, "ms-requestid"), _echo_or_new(headers, "ms-correlationid"), f"{vector}.0")

    def headers(self) -> dict[str, str]:
        return {"MS-RequestId": self.request_id, "MS-CorrelationId": self.correlation_id, "MS-CV": self.cv}


def json_response(
    status: int, body: object, ids: RequestIds, extra_headers: Mapping[str, str] | None = None
) -> Response:
    headers = ids.headers()
    if extra_headers:
        headers.update(extra_headers)
    content = body if isinstance(body, bytes) else encode_json(body)  # bytes: a body encoded ahead (large pages)
    return Response(content, status_code=status, headers=headers, media_type=JSON_MEDIA_TYPE)


class ApiError(Exception):
    """A documented error answer: its status, Partner Center code and description, and any extra headers."""

    def __init__(self, status: int, code: int, description: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(status, code, description)
        self.status = status
        self.code = code
        self.description = description
        self.headers = dict(headers or {})

    def response(self, ids: RequestIds) -> Response:
        return json_response(self.status, error_body(self.code, self.description), ids, self.headers)


def bad_request(description: str) -> ApiError:
    """Partner Center's "Invalid property" error."""
    return ApiError(400, 3000, f"Invalid property: {description}")
