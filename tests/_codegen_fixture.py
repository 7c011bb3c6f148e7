"""A small spec for the codegen tests: the project's spec plus operations with JSON request bodies, lenient
response keys and report row schemas, the shapes issue 19 brings, so the templates are proven on them before
(and apart from) the real operations."""

from __future__ import annotations

from typing import Any

from tests._support import SPEC_PATH
from tools.specdoc import load_spec

THINGS = "/v1/things"
THING = "/v1/things/{thing-id}"
HEADERS = [
    {"$ref": "#/components/parameters/MSRequestId"},
    {"$ref": "#/components/parameters/MSCorrelationId"},
]


def _schema(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _operation(operation_id: str, *, body: str | None = None, required: bool = True) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "tags": ["things"],
        "operationId": operation_id,
        "summary": operation_id,
        "parameters": list(HEADERS),
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": _schema("ThingEnvelope")}}},
            "400": {"description": "bad", "content": {"application/json": {"schema": _schema("ThingProblem")}}},
            "401": {"$ref": "#/components/responses/Unauthorized"},
        },
    }
    if body is not None:
        operation["requestBody"] = {
            "required": required,
            "description": f"The {body} to send.",
            "content": {"application/json": {"schema": _schema(body)}},
        }
    return operation


THING_ID = {"name": "thing-id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
SCHEMAS: dict[str, Any] = {
    "ThingCreate": {
        "type": "object",
        "required": ["ThingName", "QueryId"],
        "properties": {
            "ThingName": {"type": "string", "minLength": 1, "maxLength": 256},
            "Description": {"type": "string", "maxLength": 256},
            "QueryId": {"type": "string", "format": "uuid"},
            "ExecuteNow": {"type": "boolean", "default": False},
            "StartTime": {"type": "string", "format": "date-time"},
            "RecurrenceCount": {"type": "integer", "minimum": 1, "nullable": True},
            "Format": _schema("ThingFormat"),
        },
    },
    "ThingUpdate": {
        "type": "object",
        "required": ["ThingName"],
        "properties": {"ThingName": {"type": "string"}, "Description": {"type": "string"}},
    },
    "ThingFormat": {"type": "string", "enum": ["CSV", "TSV"]},
    "ThingEnvelope": {
        "type": "object",
        "x-pcinsights-keys": "lenient",
        "required": ["value"],
        "properties": {
            "value": {"type": "array", "items": _schema("Thing")},
            "nextLink": {"type": "string", "nullable": True},
            "totalCount": {"type": "integer"},
            "message": {"type": "string", "nullable": True},
            "statusCode": {"type": "integer"},
        },
    },
    "ThingProblem": {
        "type": "object",
        "x-pcinsights-keys": "lenient",
        "properties": {"message": {"type": "string"}, "statusCode": {"type": "integer"}},
    },
    "Thing": {
        "type": "object",
        "x-pcinsights-keys": "lenient",
        "properties": {
            "thingId": {"type": "string"},
            "datasetName": {"type": "string"},
            "recurrenceCount": {"type": "integer", "nullable": True},
            "cells": {"type": "object", "additionalProperties": True, "description": "A row keyed by data."},
        },
    },
    "OfficeUsageRow": {
        "type": "object",
        "properties": {
            "Month": {"type": "string"},
            "CustomerTenantId": {"type": "string"},
            "WorkloadName": {"type": "string", "nullable": True},
            "PaidAvailableUnits": {"type": "integer", "x-pcinsights-metric": True},
            "MonthlyActiveUsers": {"type": "integer", "x-pcinsights-metric": True},
        },
    },
    "SeatsRow": {
        "type": "object",
        "properties": {
            "CustomerName": {"type": "string"},
            "Revenue": {"type": "number", "x-pcinsights-metric": True},
            "IsTrial": {"type": "boolean"},
        },
    },
}


def fixture_spec() -> dict[str, Any]:
    """The project's spec with the things operations, their schemas and two report row schemas added."""
    spec = load_spec(SPEC_PATH)
    spec["paths"][THINGS] = {"post": _operation("createThing", body="ThingCreate"), "get": _operation("getThings")}
    spec["paths"][THING] = {
        "parameters": [THING_ID],
        "put": _operation("updateThing", body="ThingUpdate", required=False),
        "delete": _operation("deleteThing"),
    }
    spec["components"]["schemas"].update(SCHEMAS)
    spec["x-pcinsights-report-rows"] = {"OfficeUsage": _schema("OfficeUsageRow"), "Seats": _schema("SeatsRow")}
    return spec
