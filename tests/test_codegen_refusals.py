"""Each refusal of ``make generate`` (tools/codegen.py), with the message a contributor sees.

The generator is not run for these: every refusal comes before it (the spec) or stands on a small package folder
made here (what the generator wrote), as openapi-python-client keeps one functional test per refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests._support import PROJECT, SPEC_PATH
from tools import codegen, lenientkeys, pagers, reportrows
from tools.specdoc import load_spec

Edit = Callable[[dict[str, Any]], None]
CUSTOMERS = "/v1/customers"


def _refusal(tmp_path: Path, edit: Edit, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``python -m tools.codegen`` prints for the spec ``edit`` makes; it must exit 2 and write nothing."""
    spec = load_spec(SPEC_PATH)
    edit(spec)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    output = tmp_path / "out"
    assert codegen.main(["--spec", str(path), "--output", str(output)]) == 2
    assert not output.exists()
    return capsys.readouterr().err


def _get(spec: dict[str, Any], path: str = CUSTOMERS) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path]["get"]
    return operation


def _body(spec: dict[str, Any], content: dict[str, Any], path: str = CUSTOMERS) -> None:
    _get(spec, path)["requestBody"] = {"required": True, "content": content}


OBJECT = {"schema": {"type": "object", "properties": {"Name": {"type": "string"}}}}


def test_a_json_object_request_body_is_generated_not_refused() -> None:
    spec = load_spec(SPEC_PATH)
    _body(spec, {"application/json": OBJECT}, "/v1/analytics/licenses/usage")
    codegen.check_spec(spec)  # tests/test_codegen_bodies.py generates and sends such bodies


@pytest.mark.parametrize(
    ("media", "what"),
    [
        ("multipart/form-data", "multipart"),
        ("application/x-www-form-urlencoded", "form"),
        ("application/octet-stream", "raw bytes"),
        ("text/csv", "text"),
    ],
)
def test_a_request_body_that_is_not_json_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], media: str, what: str
) -> None:
    assert _refusal(tmp_path, lambda spec: _body(spec, {media: OBJECT}), capsys) == (
        "codegen: refused: the spec needs templates overrides/ does not have:\n"
        f"  GET /v1/customers has a {media} request body (the templates send JSON bodies only)\n"
    ), what


def test_a_request_body_in_several_media_types_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _body(spec, {"application/json": OBJECT, "application/x-www-form-urlencoded": OBJECT})

    assert (
        "GET /v1/customers has a request body in 2 media types (application/json, application/x-www-form-urlencoded;"
        " the templates send one JSON body)"
    ) in _refusal(tmp_path, edit, capsys)


@pytest.mark.parametrize(
    "schema",
    [{"type": "array", "items": {"type": "string"}}, {"type": "string"}, {"$ref": "#/components/schemas/ServiceName"}],
)
def test_a_json_request_body_that_is_no_object_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema: dict[str, Any]
) -> None:
    refusal = _refusal(tmp_path, lambda spec: _body(spec, {"application/json": {"schema": schema}}), capsys)
    assert "GET /v1/customers has a JSON request body that is no object (the templates send a model's to_dict())" in (
        refusal
    )


def test_a_request_body_on_a_paging_operation_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refusal = _refusal(tmp_path, lambda spec: _body(spec, {"application/json": OBJECT}), capsys)
    assert f"GET /v1/customers has a request body and {pagers.EXTENSION} (a pager sends no body)" in refusal


def test_an_operations_own_security_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _get(spec)["security"] = []

    assert "GET /v1/customers sets its own security (operations take AuthenticatedClient: the global one)" in (
        _refusal(tmp_path, edit, capsys)
    )


def test_a_cookie_parameter_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _get(spec)["parameters"].append({"name": "session", "in": "cookie", "schema": {"type": "string"}})

    assert "GET /v1/customers has a cookie parameter (the templates handle no cookies)" in (
        _refusal(tmp_path, edit, capsys)
    )


def test_every_problem_is_listed_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _get(spec)["security"] = []
        _get(spec, "/v1/analytics/licenses/usage")["security"] = []

    assert _refusal(tmp_path, edit, capsys).count("sets its own security") == 2


def test_a_pager_extension_that_cannot_work_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _get(spec)[pagers.EXTENSION]["items"] = "itemz"

    assert _refusal(tmp_path, edit, capsys) == (
        f"codegen: refused: GET {CUSTOMERS}: {pagers.EXTENSION}.items names 'itemz', which is no array property"
        " of the page\n"
    )


def test_a_template_that_would_hide_the_pager_template_is_refused(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "templates").mkdir(parents=True)
    (overrides / "templates" / pagers.TEMPLATE).write_text("{# mine #}", encoding="utf-8")
    message = f"overrides/templates/{pagers.TEMPLATE} would hide the one codegen writes from the spec"
    with pytest.raises(codegen.CodegenError, match=f"^{message}$"):
        codegen._templates(tmp_path / "scratch", overrides, load_spec(SPEC_PATH))


def _package(tmp_path: Path, *names: str) -> Path:
    """A package folder as the generator might leave it: empty modules of these names."""
    package = tmp_path / "package"
    package.mkdir()
    for name in names:
        (package / name).write_text("", encoding="utf-8")
    return package


def test_a_superseded_file_the_generator_no_longer_writes_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path, "errors.py", "types.py")  # no client.py
    message = (
        "the generator no longer writes client.py: check what replaces it in overrides/runtime"
        " and update SUPERSEDED in tools/codegen.py"
    )
    with pytest.raises(codegen.CodegenError, match=f"^{message}$"):
        codegen._replace_superseded(package, PROJECT.overrides / "runtime")


def test_a_missing_runtime_replacement_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path, *codegen.SUPERSEDED)
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    with pytest.raises(codegen.CodegenError, match=r"^overrides/runtime/_client\.py is missing: it supersedes"):
        codegen._replace_superseded(package, runtime)


def test_a_runtime_module_the_generator_also_writes_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path, "_retry.py")
    message = r"^the generator writes _retry\.py too: add it to SUPERSEDED or rename the module$"
    with pytest.raises(codegen.CodegenError, match=message):
        codegen._copy_runtime(package, PROJECT.overrides / "runtime")


def test_an_import_of_a_module_not_in_the_package_is_refused(tmp_path: Path) -> None:
    package = _package(tmp_path)
    (package / "api.py").write_text("from .client import Client\n", encoding="utf-8")
    with pytest.raises(codegen.CodegenError, match=r"^api\.py imports \.client, which is not in the package$"):
        codegen._imported_modules(package / "api.py", package)


@pytest.mark.parametrize(
    ("init", "message"),
    [
        ("", "models/__init__.py does not import exactly one name from orphan"),
        ('from .orphan import Orphan\n__all__ = (\n    "Other",\n)\n', "does not list Orphan exactly once in __all__"),
    ],
)
def test_a_models_index_that_does_not_match_its_modules_is_refused(tmp_path: Path, init: str, message: str) -> None:
    package = _package(tmp_path)
    (package / "models").mkdir()
    (package / "models" / "__init__.py").write_text(init, encoding="utf-8")
    (package / "models" / "orphan.py").write_text("class Orphan: ...\n", encoding="utf-8")
    with pytest.raises(codegen.CodegenError, match=message):
        codegen._drop_unreachable_models(package)


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _mark(name: str, value: Any = lenientkeys.VALUE) -> Edit:
    return lambda spec: _schemas(spec)[name].update({lenientkeys.EXTENSION: value})


def _colliding(spec: dict[str, Any]) -> None:
    _mark("Link")(spec)
    _schemas(spec)["Link"]["properties"]["Uri"] = {"type": "string"}


def _inline(spec: dict[str, Any]) -> None:
    _schemas(spec)["Customer"]["properties"]["extra"] = {"type": "object", lenientkeys.EXTENSION: "lenient"}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_mark("Link", "loose"), "Link: x-pcinsights-keys must be 'lenient' ('loose')"),
        (_mark("ServiceName"), "ServiceName: x-pcinsights-keys is for object schemas with properties"),
        (_colliding, "Link: x-pcinsights-keys: properties 'Uri' and 'uri' read as one key"),
        (
            _inline,
            "#/components/schemas/Customer/properties/extra: x-pcinsights-keys is honoured on component schemas only"
            " (use a $ref)",
        ),
    ],
    ids=["value", "no-object", "two-names-one-spelling", "inline"],
)
def test_a_lenient_keys_mark_the_templates_cannot_honour_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Edit, message: str
) -> None:
    assert _refusal(tmp_path, edit, capsys) == f"codegen: refused: {message}\n"


def _rows(entry: Any, schema: dict[str, Any] | None = None, name: str = "OfficeUsage") -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        if schema is not None:
            _schemas(spec)["OfficeUsageRow"] = schema
        spec[reportrows.EXTENSION] = {name: entry}

    return edit


ROW_REF = {"$ref": "#/components/schemas/OfficeUsageRow"}
UNITS = {"type": "integer", reportrows.METRIC: True}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_rows(ROW_REF, name="Office Usage"), "x-pcinsights-report-rows: dataset names are letters, digits and _"),
        (_rows({"type": "object"}), "x-pcinsights-report-rows.OfficeUsage must be a $ref to a component schema"),
        (_rows({"$ref": "#/components/schemas/Nope"}), "must be a $ref to a component schema"),
        (_rows(ROW_REF, {"type": "string"}), "OfficeUsageRow must be an object schema with properties (no allOf)"),
        (
            _rows(ROW_REF, {"type": "object", "required": ["Units"], "properties": {"Units": UNITS}}),
            "OfficeUsageRow requires Units; a report file holds only the selected columns, so every row property"
            " must be optional",
        ),
        (
            _rows(ROW_REF, {"type": "object", "properties": {"Tags": {"type": "array", "items": {}}}}),
            "OfficeUsageRow.Tags must be one of string, integer, number, boolean ('array')",
        ),
        (
            _rows(ROW_REF, {"type": "object", "properties": {"Units": {**UNITS, reportrows.METRIC: "yes"}}}),
            "OfficeUsageRow.Units: x-pcinsights-metric must be true or false ('yes')",
        ),
    ],
    ids=["dataset-name", "no-ref", "unknown-schema", "no-object", "required", "not-a-cell", "metric-flag"],
)
def test_report_rows_no_reader_could_fill_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Edit, message: str
) -> None:
    refusal = _refusal(tmp_path, edit, capsys)
    assert refusal.startswith("codegen: refused: x-pcinsights-report-rows"), refusal
    assert message in refusal
