"""The spec lint: the real spec passes every check, and broken copies of it fail the right one."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from schemathesis.errors import InvalidStateMachine

from tests._support import SPEC_PATH
from tools import speclint
from tools.specdoc import load_spec, object_view, operations, resolve_ref

DEPLOYMENT = "/v1/analytics/licenses/deployment"
needs_node = pytest.mark.skipif(shutil.which("npx") is None, reason="Node.js not found")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_spec(SPEC_PATH)


@pytest.fixture
def broken_copy(spec: dict[str, Any], tmp_path: Path) -> Callable[[Callable[[dict[str, Any]], None]], Path]:
    """Write a copy of the spec, changed by ``edit``, to tmp_path and return its path."""

    def write(edit: Callable[[dict[str, Any]], None]) -> Path:
        changed = copy.deepcopy(spec)
        edit(changed)
        path = tmp_path / "broken.yaml"
        path.write_text(yaml.safe_dump(changed, sort_keys=False), encoding="utf-8")
        return path

    return write


def _speclint(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.speclint", *args], capture_output=True, text=True, env=env, check=False
    )


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    assert speclint.validate_structure(spec) == []


def test_every_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    sites = [where for _, where, _ in speclint.example_sites(spec)]
    assert any("/responses/200/content/" in where for where in sites)
    assert any(where.startswith("/components/responses/") for where in sites)
    assert speclint.validate_examples(spec) == []


def test_spec_follows_house_style(spec: dict[str, Any]) -> None:
    assert speclint.check_style(spec) == []


def test_a_folded_block_that_would_lose_its_paragraphs_fails() -> None:
    assert speclint.check_paragraphs(SPEC_PATH.read_text(encoding="utf-8")) == []
    folded = "info:\n  description: >-\n    One\n    paragraph.\n\n    Another.\n"
    assert [str(f) for f in speclint.check_paragraphs(folded)] == [
        "[style] line 2: a folded block (>) loses its paragraph breaks; use |"
    ]
    assert speclint.check_paragraphs(folded.replace(">-", "|-")) == []


def test_unquoted_yaml_date_stays_a_string(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text("when: 2017-03-10T00:00:00Z\n", encoding="utf-8")
    assert load_spec(path) == {"when": "2017-03-10T00:00:00Z"}


def test_example_violating_its_schema_fails(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        example = spec["paths"][DEPLOYMENT]["get"]["responses"]["200"]["content"]["application/json"]["example"]
        example["items"][0]["licensesSold"] = -1
        example["items"][1]["processedDateTime"] = "last Tuesday"

    findings = speclint.lint_spec(broken_copy(edit))
    messages = [f.message for f in findings if f.check == "example"]
    assert any("/items/0/licensesSold" in m and "minimum" in m for m in messages), findings
    assert any("/items/1/processedDateTime" in m and "date-time" in m for m in messages), findings


def test_null_where_the_schema_is_not_nullable_fails(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        example = spec["components"]["responses"]["BadRequest"]["content"]["application/json"]["example"]
        example["description"] = None

    findings = speclint.lint_spec(broken_copy(edit))
    assert {f.where for f in findings} == {"/components/responses/BadRequest/content/application~1json/example"}


def test_parameter_schema_example_is_checked(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["components"]["parameters"]["XLocale"]["schema"]["example"] = "not a locale"

    findings = speclint.lint_spec(broken_copy(edit))
    assert {f.where for f in findings} == {"/components/parameters/XLocale/schema/example"}


def test_operation_without_summary_fails(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["paths"][DEPLOYMENT]["get"]["summary"]

    findings = speclint.lint_spec(broken_copy(edit))
    assert [(f.check, f.message) for f in findings] == [("style", "operation has no summary")]


def test_operation_without_tags_description_examples_or_5xx_fails(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        operation = spec["paths"][DEPLOYMENT]["get"]
        del operation["tags"], operation["description"]
        del operation["responses"]["200"]["content"]["application/json"]["example"]
        for code in ("500", "503"):
            del operation["responses"][code]

    messages = {f.message for f in speclint.lint_spec(broken_copy(edit))}
    assert messages == {
        "operation has no description",
        "operation has no tags",
        "operation declares no 5xx error response",
        "application/json: no example",
    }


def test_structurally_invalid_spec_fails(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["paths"][DEPLOYMENT]["get"]["responses"]["200"]["description"]

    findings = speclint.lint_spec(broken_copy(edit))
    assert findings
    assert {f.check for f in findings} == {"openapi-spec-validator"}


@needs_node
def test_cli_passes_on_the_real_spec() -> None:
    result = _speclint(str(SPEC_PATH))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "redocly (@redocly/cli@2.77.0): ok" in result.stdout


@needs_node
def test_cli_fails_on_a_broken_copy_and_redocly_agrees(broken_copy: Callable[..., Path]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["paths"][DEPLOYMENT]["get"]["summary"]

    result = _speclint(str(broken_copy(edit)))
    assert result.returncode == 1
    assert "operation has no summary" in result.stdout
    assert "operation-summary" in result.stdout


def test_cli_skips_redocly_without_node() -> None:
    # Only the interpreter's own folder on PATH: no node, no npx.
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    result = _speclint(str(SPEC_PATH), env=env)
    assert "skipped: Node.js not found" in result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


# The partner insights reports API (issue 19; /work/notes/reports-design.md is the agreed wire).
REPORTS = {
    "getReportDatasets": ("GET", "/insights/v1/mpn/ScheduledDataset"),
    "createReportQuery": ("POST", "/insights/v1/mpn/ScheduledQueries"),
    "getReportQueries": ("GET", "/insights/v1/mpn/ScheduledQueries"),
    "deleteReportQuery": ("DELETE", "/insights/v1/mpn/ScheduledQueries/{queryId}"),
    "tryReportQuery": ("GET", "/insights/v1/mpn/ScheduledQueries/testQueryResult"),
    "createReport": ("POST", "/insights/v1/mpn/ScheduledReport"),
    "getReports": ("GET", "/insights/v1/mpn/ScheduledReport"),
    "updateReport": ("PUT", "/insights/v1/mpn/ScheduledReport/{reportId}"),
    "deleteReport": ("DELETE", "/insights/v1/mpn/ScheduledReport/{reportId}"),
    "pauseReport": ("PUT", "/insights/v1/mpn/ScheduledReport/pause/{reportId}"),
    "resumeReport": ("PUT", "/insights/v1/mpn/ScheduledReport/resume/{reportId}"),
    "getReportExecutions": ("GET", "/insights/v1/mpn/ScheduledReport/execution/{reportId}"),
}
QUERY_LINK_TARGETS = {"createReport", "tryReportQuery", "getReportQueries", "deleteReportQuery"}
REPORT_LINK_TARGETS = {
    "getReports",
    "updateReport",
    "pauseReport",
    "resumeReport",
    "deleteReport",
    "getReportExecutions",
}
ROW_SCHEMAS = {
    "OfficeUsage": "OfficeUsageRow",
    "DynamicsUsage": "DynamicsUsageRow",
    "PowerBIUsage": "PowerBIUsageRow",
    "EMSUsage": "EMSUsageRow",
    "SeatsSubscriptionsAndRevenue": "SeatsSubscriptionsAndRevenueRow",
    "CustomersAndTenants": "CustomersAndTenantsRow",
}


def _reports(spec: dict[str, Any]) -> dict[str, tuple[str, str, Any]]:
    """operationId -> (path, method, operation) for every operation tagged ``reports``."""
    return {
        operation["operationId"]: (path, method, operation)
        for path, method, _item, operation in operations(spec)
        if "reports" in operation.get("tags", [])
    }


def _errors(spec: dict[str, Any], schema: Any, value: Any) -> list[str]:
    """Why ``value`` does not validate against ``schema`` (a ``$ref`` into the spec, or an inline schema without
    references), with OpenAPI 3.0 semantics and formats."""
    registry: Registry[Any] = Registry().with_resource(
        "https://spec.invalid/openapi.json", Resource.from_contents(spec, default_specification=DRAFT4)
    )
    validator = OAS30Validator(
        {"allOf": [schema]} if "$ref" not in schema else {"$ref": "https://spec.invalid/openapi.json" + schema["$ref"]},
        registry=registry,
        format_checker=OAS30Validator.FORMAT_CHECKER,
    )
    return [error.message for error in validator.iter_errors(value)]


def _json_body(spec: dict[str, Any], operation: Any) -> Any:
    """The operation's ``application/json`` request body (schema and example)."""
    return resolve_ref(spec, operation["requestBody"])["content"]["application/json"]


def _ok(spec: dict[str, Any], operation: Any) -> Any:
    """The operation's 200 response."""
    return resolve_ref(spec, operation["responses"]["200"])


def test_reports_operations_are_the_agreed_twelve(spec: dict[str, Any]) -> None:
    found = {op_id: (method.upper(), path) for op_id, (path, method, _) in _reports(spec).items()}
    assert found == REPORTS
    assert "reports" in {tag["name"] for tag in spec["tags"]}
    assert spec["info"]["version"] == "1.2.0"
    assert spec["openapi"] == "3.0.3"


def test_reports_operations_declare_the_agreed_statuses_headers_and_bodies(spec: dict[str, Any]) -> None:
    shared = {"401": "Unauthorized", "403": "Forbidden", "429": "TooManyRequests", "431": "RequestHeadTooLarge"}
    shared |= {"500": "InternalServerError", "503": "ServiceUnavailable"}
    for op_id, (_path, _method, operation) in _reports(spec).items():
        responses = operation["responses"]
        expected = {"200", "400", "401", "403", "404", "429", "431", "500", "503"} - (
            {"404"} if op_id == "createReportQuery" else set()
        )
        assert set(responses) == expected, op_id
        for code, name in shared.items():
            assert responses[code] == {"$ref": f"#/components/responses/{name}"}, (op_id, code)
        for code in {"400", "404"} & expected:  # the operation's own errors: the reports envelope
            content = resolve_ref(spec, responses[code])["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ReportsErrorEnvelope"}, (op_id, code)
            examples = [e["value"] for e in content.get("examples", {}).values()] or [content["example"]]
            for example in examples:
                assert (example["statusCode"], example["value"], example["totalCount"]) == (int(code), [], 0)
        assert set(_ok(spec, operation)["headers"]) == {"MS-RequestId", "MS-CorrelationId", "MS-CV"}, op_id
        refs = {p.get("$ref") for p in operation["parameters"]}
        assert {f"#/components/parameters/{n}" for n in ("MSRequestId", "MSCorrelationId", "XLocale")} <= refs
        bodies = {
            "createReportQuery": "ReportQueryCreate",
            "createReport": "ReportCreate",
            "updateReport": "ReportUpdate",
        }
        if op_id in bodies:
            assert operation["requestBody"]["required"] is True
            schema_ref = _json_body(spec, operation)["schema"]["$ref"]
            assert schema_ref == f"#/components/schemas/{bodies[op_id]}"
        else:
            assert "requestBody" not in operation, op_id


def test_reports_answers_are_read_leniently(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for op_id, (_path, _method, operation) in _reports(spec).items():
        name = _ok(spec, operation)["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        assert schemas[name].get("x-pcinsights-keys") == "lenient", (op_id, name)
        items = object_view(spec, schemas[name])[0]["value"]["items"]
        if "$ref" in items:  # dataset, query, report, execution
            assert resolve_ref(spec, items).get("x-pcinsights-keys") == "lenient", (op_id, items)
        else:  # try rows: column names are data, kept as sent
            assert items["type"] == "object" and items["additionalProperties"] is True
    assert schemas["ReportsErrorEnvelope"]["x-pcinsights-keys"] == "lenient"
    assert "x-pcinsights-keys: lenient" in spec["info"]["description"]


def _evaluate(expression: Any, example: Any) -> Any:
    """A link's runtime expression (``$response.body#/...``, or a constant) against the source's 200 example."""
    if not (isinstance(expression, str) and expression.startswith("$response.body#")):
        assert not (isinstance(expression, str) and expression.startswith("$")), expression
        return expression
    node = example
    for part in expression.removeprefix("$response.body#").split("/")[1:]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_reports_links_walk_query_report_executions_and_fit_their_targets(spec: dict[str, Any]) -> None:
    reports = _reports(spec)
    targets: dict[str, set[str]] = {}
    for op_id, (_path, _method, operation) in reports.items():
        ok = _ok(spec, operation)
        example = ok["content"]["application/json"]["example"]
        for name, link in (ok.get("links") or {}).items():
            target = reports[link["operationId"]][2]
            targets.setdefault(op_id, set()).add(link["operationId"])
            declared = {resolve_ref(spec, p)["name"]: resolve_ref(spec, p) for p in target["parameters"]}
            for param, expression in (link.get("parameters") or {}).items():
                assert param in declared, (op_id, name, param)
                value = _evaluate(expression, example)
                assert _errors(spec, declared[param]["schema"], value) == [], (op_id, name, param, value)
            body = link.get("requestBody")
            if body is not None:  # schemathesis evaluates each field's expression and merges it into a generated body
                properties = object_view(spec, _json_body(spec, target)["schema"])[0]
                for field, expression in body.items():
                    assert field in properties, (op_id, name, field)
                    assert _errors(spec, properties[field], _evaluate(expression, example)) == [], (op_id, name)
    assert targets == {
        "createReportQuery": QUERY_LINK_TARGETS,
        "getReportQueries": QUERY_LINK_TARGETS,
        "createReport": REPORT_LINK_TARGETS,
    }
    executions = _ok(spec, reports["createReport"][2])["links"]["GetReportExecutions"]
    assert executions["parameters"]["executionStatus"] == "Pending;Running;Paused;Completed"
    create = _ok(spec, reports["getReportQueries"][2])["links"]["CreateReport"]
    assert create["requestBody"] == {"QueryId": "$response.body#/value/0/queryId"}


def test_report_bodies_carry_the_documented_limits(spec: dict[str, Any]) -> None:
    reports = _reports(spec)
    create = _json_body(spec, reports["createReport"][2])
    good = create["example"]
    assert _errors(spec, create["schema"], good) == []
    assert _errors(spec, create["schema"], {"ReportName": "r", "QueryId": good["QueryId"], "ExecuteNow": True}) == []
    for change in (
        {"RecurrenceInterval": 3},
        {"RecurrenceInterval": 2161},
        {"RecurrenceCount": 0},
        {"ReportName": "a;b"},
        {"ReportName": ""},
        {"Description": "x" * 257},
        {"QueryId": "not-a-guid"},
        {"StartTime": "tomorrow"},
        {"Format": "XLSX"},
        {"CallbackMethod": "PUT"},
    ):
        assert _errors(spec, create["schema"], good | change), change
    assert _errors(spec, create["schema"], {"ReportName": "r"})  # QueryId is required
    update = _json_body(spec, reports["updateReport"][2])
    assert _errors(spec, update["schema"], update["example"]) == []
    assert _errors(spec, update["schema"], {"ReportName": "r"})  # StartTime is required on update
    query = _json_body(spec, reports["createReportQuery"][2])
    assert _errors(spec, query["schema"], query["example"]) == []
    assert _errors(spec, query["schema"], query["example"] | {"Name": "x" * 257})
    assert _errors(spec, query["schema"], {"Name": "n"})  # Query is required


def test_license_dataset_rows_are_registered_with_columns_then_metrics(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    rows = spec["x-pcinsights-report-rows"]
    assert {dataset: ref["$ref"] for dataset, ref in rows.items()} == {
        dataset: f"#/components/schemas/{name}" for dataset, name in ROW_SCHEMAS.items()
    }
    metrics: dict[str, list[str]] = {}
    for dataset, name in ROW_SCHEMAS.items():
        schema = schemas[name]
        assert schema["type"] == "object" and "required" not in schema, name
        properties = schema["properties"]
        flags = [bool(p.get("x-pcinsights-metric")) for p in properties.values()]
        assert flags == sorted(flags), f"{name}: metrics come after the columns"
        metrics[dataset] = [column for column, p in properties.items() if p.get("x-pcinsights-metric")]
        for column, p in properties.items():
            assert p["type"] in {"string", "integer", "number"} and p["nullable"] is True, (name, column)
            if p.get("x-pcinsights-metric"):
                assert p["type"] == ("number" if "Revenue" in column else "integer"), (name, column)
    assert metrics["OfficeUsage"] == [
        "CustomerCount",
        "CustomerTenantCount",
        "TotalPaidAvailableUnits",
        "TotalMonthlyActiveUsers",
    ]
    assert list(schemas["OfficeUsageRow"]["properties"])[:6] == [
        "CustomerTenantId", "CustomerTpid", "WorkloadName", "Month", "PaidAvailableUnits", "MonthlyActiveUsers"
    ]  # fmt: skip
    assert schemas["OfficeUsageRow"]["properties"]["PaidAvailableUnits"]["type"] == "integer"
    assert schemas["DynamicsUsageRow"]["properties"]["ActiveUsagePercent"]["type"] == "number"
    assert {"SubscriptionCount", "TotalSoldSeats", "TotalAssignedSeats", "CustomerCount"} <= set(
        metrics["SeatsSubscriptionsAndRevenue"]
    )
    # The dataset call's documented example (DynamicsUsage) agrees with the row schema, in order.
    datasets = _reports(spec)["getReportDatasets"][2]
    (dynamics,) = _ok(spec, datasets)["content"]["application/json"]["example"]["value"]
    assert dynamics["availableMetrics"] == metrics["DynamicsUsage"]
    columns = [c for c, p in schemas["DynamicsUsageRow"]["properties"].items() if not p.get("x-pcinsights-metric")]
    assert [c for c in columns if c in dynamics["selectableColumns"]] == dynamics["selectableColumns"]
    assert "x-pcinsights-report-rows" in spec["info"]["description"]


def test_schemathesis_accepts_the_reports_links(spec: dict[str, Any]) -> None:
    """schemathesis 4 reads a link's ``requestBody`` object field by field (each a runtime expression, merged into
    a generated body); a link it cannot follow makes the state machine invalid, so this proves the syntax."""
    schemathesis.openapi.from_dict(spec).as_state_machine()
    broken = copy.deepcopy(spec)
    link = broken["paths"][REPORTS["createReport"][1]]["post"]["responses"]["200"]["links"]["GetReportExecutions"]
    link["parameters"]["executionState"] = "Pending"
    with pytest.raises(InvalidStateMachine, match="executionState"):
        schemathesis.openapi.from_dict(broken).as_state_machine()
