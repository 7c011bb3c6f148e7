"""The breaking-change gate against two versions of a small spec in a throwaway git repository."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from tests._support import PROJECT
from tools import breaking, diffreview
from tools.project import SPEC_FILE
from tools.redocly import RedoclyFinding, redocly_diff

pytestmark = pytest.mark.xdist_group("breaking")

Edit = Callable[[dict[str, Any]], None]

ITEMS = "/v1/items"
ITEM = "/v1/items/{item-id}"
STATS = "/v1/stats"
HEALTH = "/v1/health"
BODIES = "/v1/item-bodies"


def _operation(operation_id: str, schema: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    json = {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    error_json = {"schema": {"$ref": "#/components/schemas/Error"}}
    error = {"description": "error", "content": {"application/json": error_json}}
    return {
        "get": {
            "operationId": operation_id,
            "tags": ["items"],
            "summary": operation_id,
            "description": operation_id,
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "ok",
                    "headers": {
                        "X-Request-Id": {"required": True, "schema": {"type": "string"}},
                        "X-Trace": {"schema": {"type": "string"}},
                    },
                    "content": {"application/json": json},
                },
                "404": error,
                "429": {**error, "headers": {"Retry-After": {"required": True, "schema": {"type": "string"}}}},
            },
        }
    }


def _query(name: str, schema: dict[str, Any], *, where: str = "query", required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema}


def _body_operation(operation_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
    """An operation that may take a JSON body and answers with an Item."""
    operation: dict[str, Any] = copy.deepcopy(_operation(operation_id, "Item", [])["get"])
    if body is not None:
        operation["requestBody"] = body
    return operation


def _json_body(schema: str, *, required: bool = True) -> dict[str, Any]:
    return {
        "required": required,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


BASE_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Items", "version": "1.0.0"},
    "paths": {
        ITEMS: _operation(
            "listItems",
            "ItemCollection",
            [
                _query("size", {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}),
                _query("filter", {"type": "string", "pattern": "^[a-z]+$", "maxLength": 50}),
                _query("tag", {"type": "string"}),
                _query("sort", {"type": "string", "enum": ["asc", "desc"]}),
                _query("mode", {"type": "string"}),
                _query("page", {"type": "integer"}),
                _query("since", {"type": "string"}),
                _query("lang", {"type": "string"}),
                _query("X-Cursor", {"type": "string", "minLength": 1}, where="header"),
            ],
        ),
        ITEM: _operation("getItem", "Item", [_query("item-id", {"type": "string"}, where="path", required=True)]),
        STATS: _operation("getStats", "Stats", []),
        BODIES: {
            "post": _body_operation("createItem", _json_body("ItemCreate")),
            "delete": _body_operation("purgeItems", None),
        },
        HEALTH: _operation("getHealth", "Stats", []),
    },
    "components": {
        "schemas": {
            "Item": {
                "type": "object",
                "required": ["id", "label"],
                "properties": {
                    "id": {"type": "string"},
                    "count": {"type": "integer", "nullable": True},
                    "kind": {"anyOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "string"}]},
                    "state": {"$ref": "#/components/schemas/State"},
                    "name": {"type": "string"},
                    "label": {"type": "string"},
                },
            },
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "State": {"type": "string", "enum": ["on", "off"]},
            "ItemCollection": {
                "type": "object",
                "required": ["items"],
                "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}},
            },
            "Stats": {"type": "object", "properties": {"total": {"type": "integer"}}},
            "ItemCreate": {
                "type": "object",
                "required": ["Name"],
                "properties": {
                    "Name": {"type": "string", "maxLength": 100},
                    "Size": {"type": "number"},
                    "Colour": {"type": "string", "enum": ["red", "blue"]},
                    "Note": {"type": "string"},
                    "Count": {"type": "integer"},
                },
            },
            "Error": {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}},
        }
    },
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated clients keyed by spec content: the base spec is generated once for the whole module."""
    return tmp_path_factory.mktemp("generated")


def _make_repo(folder: Path, spec: dict[str, Any]) -> Path:
    """A repository whose ``main`` holds ``spec``, a changelog and this checkout's ``overrides/``."""
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "config", "user.email", "gate@example.invalid")
    _git(folder, "config", "user.name", "gate")
    spec_file = folder / SPEC_FILE
    spec_file.parent.mkdir(parents=True)
    spec_file.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    (folder / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8")
    shutil.copytree(PROJECT.overrides, folder / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "base")
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose ``main`` holds BASE_SPEC."""
    return _make_repo(tmp_path, BASE_SPEC)


def _edit_spec(repo: Path, edit: Edit) -> None:
    spec = copy.deepcopy(BASE_SPEC)
    edit(spec)
    (repo / SPEC_FILE).write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")


def _add_changelog_entry(repo: Path) -> None:
    with (repo / "CHANGELOG.md").open("a", encoding="utf-8") as changelog:
        changelog.write("\n## Unreleased\n- A change.\n")


def _item(spec: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = spec["components"]["schemas"]["Item"]
    return item


def remove_field(spec: dict[str, Any]) -> None:
    del _item(spec)["properties"]["count"]


def rename_field(spec: dict[str, Any]) -> None:
    _item(spec)["properties"]["total"] = _item(spec)["properties"].pop("count")


def change_field_type(spec: dict[str, Any]) -> None:
    _item(spec)["properties"]["count"] = {"type": "string", "nullable": True}


def make_field_optional(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["ItemCollection"]["required"] = []


def add_required_parameter(spec: dict[str, Any]) -> None:
    parameter = {"name": "region", "in": "query", "required": True, "schema": {"type": "string"}}
    spec["paths"][ITEMS]["get"]["parameters"].append(parameter)


def remove_parameter(spec: dict[str, Any]) -> None:
    spec["paths"][ITEMS]["get"]["parameters"] = []


def remove_operation(spec: dict[str, Any]) -> None:
    del spec["paths"][ITEM]


def rename_operation(spec: dict[str, Any]) -> None:
    spec["paths"][ITEM]["get"]["operationId"] = "fetchItem"


def additive(spec: dict[str, Any]) -> None:
    _item(spec)["properties"]["colour"] = {"type": "string", "nullable": True}
    spec["paths"][ITEMS]["get"]["parameters"].append({"name": "q", "in": "query", "schema": {"type": "string"}})
    spec["paths"]["/v1/kinds"] = _operation("listKinds", "Kind", [])
    spec["components"]["schemas"]["Kind"]["enum"].append("c")


MODELS = "partner_center_analytics.models"
API = "partner_center_analytics.api.items"
REMOVED = "public object was removed"
BREAKS: list[tuple[Edit, str, str, str]] = [
    # (edit, spec change kind, where, a line the Python API section must contain)
    (remove_field, "field removed", "Item.count", f"{REMOVED}: {MODELS}.item.Item.count"),
    (rename_field, "field renamed", "Item.count -> total", f"{REMOVED}: {MODELS}.item.Item.count"),
    (change_field_type, "field type changed", "Item.count", f"type changed: {MODELS}.item.Item.count"),
    (
        make_field_optional,
        "response field made optional",
        "ItemCollection.items",
        f"type changed: {MODELS}.item_collection.ItemCollection.items",
    ),
    (
        add_required_parameter,
        "new required parameter",
        "listItems: query region",
        f"parameter was added as required: {API}.list_items.sync(region)",
    ),
    (
        remove_parameter,
        "parameter removed",
        "listItems: query size",
        f"parameter was removed: {API}.list_items.sync(size)",
    ),
    (remove_operation, "operation removed", "GET /v1/items/{item-id} (getItem)", f"{REMOVED}: {API}.get_item"),
    (rename_operation, "operation renamed", "GET /v1/items/{item-id}", f"{REMOVED}: {API}.get_item"),
]


# The breaks above in three batches of edits that touch different parts of the spec (one generated client per
# batch keeps the module fast); each kind is still asserted on its own.
BREAK_BATCHES = [
    [remove_field, make_field_optional, remove_parameter, add_required_parameter, remove_operation],
    [rename_field, rename_operation],
    [change_field_type],
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Callable[[Edit], breaking.GateResult]:
    """The gate's result for the batch of BREAK_BATCHES holding an edit, computed once per batch."""
    results: dict[int, breaking.GateResult] = {}

    def judge(edit: Edit) -> breaking.GateResult:
        index = next(i for i, batch in enumerate(BREAK_BATCHES) if edit in batch)
        if index not in results:
            repo = _make_repo(tmp_path_factory.mktemp(f"breaks-{index}"), BASE_SPEC)
            spec = copy.deepcopy(BASE_SPEC)
            for each in BREAK_BATCHES[index]:
                each(spec)
            (repo / SPEC_FILE).write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
            _add_changelog_entry(repo)  # so that only the breaks themselves can fail the gate
            results[index] = breaking.run_gate(repo, "main", cache=cache, redocly=False)
        return results[index]

    return judge


@pytest.mark.parametrize(("edit", "kind", "where", "api_line"), BREAKS, ids=[edit.__name__ for edit, *_ in BREAKS])
def test_each_kind_of_break_is_caught(
    broken: Callable[[Edit], breaking.GateResult], edit: Edit, kind: str, where: str, api_line: str
) -> None:
    result = broken(edit)

    assert result.exit_code == 1
    assert (kind, where) in {(change.kind, change.where) for change in result.breaking}
    report = result.report()
    assert f"BREAKING  {api_line}" in report
    assert "Result: FAIL" in report


def test_additive_change_passes_with_a_changelog_entry(repo: Path, cache: Path) -> None:
    _edit_spec(repo, additive)
    _add_changelog_entry(repo)

    result = breaking.run_gate(repo, "main", cache=cache, redocly=False)

    assert result.breaking == []
    assert result.exit_code == 0
    assert {(c.kind, c.where) for c in result.spec_changes} == {
        ("field added", "Item.colour"),
        ("optional parameter added", "listItems: query q"),
        ("operation added", "GET /v1/kinds (listKinds)"),
        ("enum value added", "Kind"),
    }
    added = {change.where for change in result.api_changes if change.kind == "added"}
    assert "partner_center_analytics.models.item.Item.colour" in added
    assert "partner_center_analytics.api.items.list_kinds" in added
    assert "partner_center_analytics.models.kind.Kind.C" in added
    assert "Result: no breaking change" in result.report()


def test_api_change_without_changelog_entry_fails(repo: Path, cache: Path) -> None:
    _edit_spec(repo, additive)

    result = breaking.run_gate(repo, "main", cache=cache, redocly=False)

    assert result.breaking == []
    assert result.changelog_missing
    assert result.exit_code == 1
    assert "add an entry to CHANGELOG.md" in result.report()


def test_description_edit_needs_no_changelog_entry(repo: Path, cache: Path) -> None:
    def describe(spec: dict[str, Any]) -> None:
        spec["paths"][ITEMS]["get"]["description"] = "Every item, one page at a time."

    _edit_spec(repo, describe)

    result = breaking.run_gate(repo, "main", cache=cache, redocly=False)

    assert (result.spec_changes, result.api_changes, result.exit_code) == ([], [], 0)
    assert "no entry needed" in result.report()


def test_committed_change_is_compared_with_an_older_ref(repo: Path, cache: Path) -> None:
    _edit_spec(repo, remove_field)
    _git(repo, "commit", "-q", "-am", "drop Item.count")

    at_head = breaking.run_gate(repo, "main", cache=cache, redocly=False)
    previous = breaking.run_gate(repo, "HEAD~1", cache=cache, redocly=False)

    assert (at_head.spec_changes, at_head.exit_code) == ([], 0)
    assert "the base is HEAD" in at_head.report()
    assert ("field removed", "Item.count") in {(c.kind, c.where) for c in previous.breaking}


def test_default_base_is_the_last_tag_else_main(repo: Path) -> None:
    assert breaking.default_base(repo) == "main"
    _git(repo, "tag", "v1.0.0")
    assert breaking.default_base(repo) == "v1.0.0"


def test_unknown_ref_is_a_usage_error(repo: Path) -> None:
    with pytest.raises(breaking.GateError, match="unknown git ref"):
        breaking.run_gate(repo, "no-such-ref")
    assert breaking.main(["--repo", str(repo), "--base", "no-such-ref"]) == 2


def test_cli_fails_on_a_field_removal(repo: Path, cache: Path) -> None:
    _edit_spec(repo, remove_field)

    completed = subprocess.run(
        [sys.executable, "-m", "tools.breaking", "--cache", str(cache)],
        cwd=repo,  # the gate acts on the checkout it runs in; the tools come from this one
        env={**os.environ, "PYTHONPATH": str(PROJECT.root)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "against main (" in completed.stdout
    assert "BREAKING  field removed: Item.count" in completed.stdout
    assert "\n            at #/components/schemas/Item/properties/count — a reader of `count`" in completed.stdout
    assert "CHANGELOG.md: NOT updated" in completed.stdout
    redocly = "Redocly diff (@redocly/cli@2.77.0): "
    if shutil.which("npx") is None:
        assert redocly + "skipped: Node.js not found" in completed.stdout
    else:  # Redocly calls the removal major too
        assert redocly + "1 major" in completed.stdout
        assert "1 major finding(s) agree with the wire diff" in completed.stdout


def test_spec_diff_reaches_into_inline_objects() -> None:
    old = copy.deepcopy(BASE_SPEC)
    _item(old)["properties"]["meta"] = {"type": "object", "properties": {"owner": {"type": "string"}}}
    new = copy.deepcopy(old)
    del _item(new)["properties"]["meta"]["properties"]["owner"]

    assert breaking.diff_specs(old, new) == [breaking.Change("field removed", "Item.meta.owner", "string")]


def test_spec_diff_ignores_where_nullable_is_written() -> None:
    old = copy.deepcopy(BASE_SPEC)
    _item(old)["properties"]["kind"] = {
        "nullable": True,
        "anyOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "string"}],
    }
    new = copy.deepcopy(old)
    _item(new)["properties"]["kind"] = {
        "anyOf": [{"$ref": "#/components/schemas/Kind"}, {"type": "string", "nullable": True}],
    }

    assert breaking.diff_specs(old, new) == []
    not_nullable = copy.deepcopy(new)
    del _item(not_nullable)["properties"]["kind"]["anyOf"][1]["nullable"]
    assert breaking.diff_specs(new, not_nullable) == [
        breaking.Change("field type changed", "Item.kind", "Kind | null | string -> Kind | string")
    ]


# Every kind of change, judged both ways in git repositories. The edits of one batch touch different parts of the
# spec, so a batch is judged once per direction (one generated client per batch keeps the module fast) and each
# kind asserts its own verdicts: (change kind, where, breaking).
Verdict = tuple[str, str, bool]


@attrs.frozen
class WireKind:
    name: str
    batch: str  # "request" and "response" hold breaking edits; every edit in "ok" must pass the whole gate
    edit: Edit
    forward: list[Verdict]  # BASE_SPEC at main, the edit in the working tree
    reverse: list[Verdict]  # the edit at main, BASE_SPEC in the working tree


def _param(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in spec["paths"][ITEMS]["get"]["parameters"] if p["name"] == name)
    return found


def _schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = _param(spec, name)["schema"]
    return schema


def _ok(spec: dict[str, Any], path: str = ITEMS) -> dict[str, Any]:
    response: dict[str, Any] = spec["paths"][path]["get"]["responses"]["200"]
    return response


def _update(mapping: dict[str, Any], **values: Any) -> None:
    mapping.update(values)


def _rename_path_parameter(spec: dict[str, Any]) -> None:
    item = spec["paths"].pop(ITEM)
    item["get"]["parameters"][0]["name"] = "itemId"
    spec["paths"]["/v1/items/{itemId}"] = item


def _second_media_type(spec: dict[str, Any]) -> None:
    content = _ok(spec, ITEM)["content"]
    content["application/vnd.item+json"] = content["application/json"]


def _move_operation(spec: dict[str, Any]) -> None:
    spec["paths"]["/v1/healthz"] = spec["paths"].pop(HEALTH)


def _new_success_status(spec: dict[str, Any]) -> None:
    responses = spec["paths"][STATS]["get"]["responses"]
    responses["202"] = responses.pop("200")


def _create(spec: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"]["ItemCreate"]
    return schema


BODY = "createItem: body"
Q = "listItems: query"
SIZE, FILTER, CURSOR = f"{Q} size", f"{Q} filter", "listItems: header X-Cursor"
KINDS = [
    WireKind(
        "maximum lowered",
        "request",
        lambda spec: _update(_schema(spec, "size"), maximum=100),
        [("maximum lowered", SIZE, True)],
        [("maximum raised", SIZE, False)],
    ),
    WireKind(
        "minimum raised",
        "request",
        lambda spec: _update(_schema(spec, "size"), minimum=5),
        [("minimum raised", SIZE, True)],
        [("minimum lowered", SIZE, False)],
    ),
    WireKind(
        "default changed",
        "request",
        lambda spec: _update(_schema(spec, "size"), default=50),
        [("default changed", SIZE, True)],
        [("default changed", SIZE, True)],
    ),
    WireKind(
        "maxLength lowered",
        "request",
        lambda spec: _update(_schema(spec, "filter"), maxLength=10),
        [("maxLength lowered", FILTER, True)],
        [("maxLength raised", FILTER, False)],
    ),
    WireKind(
        "header minLength raised",
        "request",
        lambda spec: _update(_schema(spec, "X-Cursor"), minLength=8),
        [("minLength raised", CURSOR, True)],
        [("minLength lowered", CURSOR, False)],
    ),
    WireKind(
        "pattern added",
        "request",
        lambda spec: _update(_schema(spec, "tag"), pattern="^[a-z]+$"),
        [("pattern added", f"{Q} tag", True)],
        [("pattern removed", f"{Q} tag", False)],
    ),
    WireKind(
        "pattern changed",
        "request",
        lambda spec: _update(_schema(spec, "filter"), pattern="^[a-z]{3,}$"),
        [("pattern changed", FILTER, True)],
        [("pattern changed", FILTER, True)],
    ),
    WireKind(
        "request enum value removed",
        "request",
        lambda spec: _update(_schema(spec, "sort"), enum=["asc"]),
        [("enum value removed", f"{Q} sort", True)],
        [("enum value added", f"{Q} sort", False)],
    ),
    WireKind(
        "enum added to an input",
        "request",
        lambda spec: _update(_schema(spec, "mode"), enum=["fast", "slow"]),
        [("enum added", f"{Q} mode", True)],
        [("enum dropped", f"{Q} mode", False)],
    ),
    WireKind(
        "input type changed",
        "request",
        lambda spec: _update(_schema(spec, "page"), type="string"),
        [("parameter type changed", f"{Q} page", True)],
        [("parameter type changed", f"{Q} page", True)],
    ),
    WireKind(
        "input format added",
        "request",
        lambda spec: _update(_schema(spec, "since"), format="date-time"),
        [("parameter type changed", f"{Q} since", True)],
        [("input type widened", f"{Q} since", False)],
    ),
    WireKind(
        "new required input",
        "request",
        lambda spec: spec["paths"][ITEMS]["get"]["parameters"].append(
            _query("X-Tenant", {"type": "string"}, where="header", required=True)
        ),
        [("new required parameter", "listItems: header X-Tenant", True)],
        [("parameter removed", "listItems: header X-Tenant", True)],
    ),
    WireKind(
        "input made required",
        "request",
        lambda spec: _update(_param(spec, "lang"), required=True),
        [("parameter made required", f"{Q} lang", True)],
        [("parameter made optional", f"{Q} lang", False)],
    ),
    WireKind(
        "new required body property",
        "request",
        lambda spec: _update(
            _create(spec),
            required=["Name", "Owner"],
            properties={**_create(spec)["properties"], "Owner": {"type": "string"}},
        ),
        [("new required input", f"{BODY}.Owner", True)],
        [("input removed", f"{BODY}.Owner", True)],
    ),
    WireKind(
        "body property removed",
        "request",
        lambda spec: _create(spec)["properties"].pop("Note"),
        [("input removed", f"{BODY}.Note", True)],
        [("optional input added", f"{BODY}.Note", False)],
    ),
    WireKind(
        "body property narrowed",
        "request",
        lambda spec: _update(_create(spec)["properties"]["Size"], type="integer"),
        [("parameter type changed", f"{BODY}.Size", True)],
        [("input type widened", f"{BODY}.Size", False)],
    ),
    WireKind(
        "body enum narrowed",
        "request",
        lambda spec: _update(_create(spec)["properties"]["Colour"], enum=["red"]),
        [("enum value removed", f"{BODY}.Colour", True)],
        [("enum value added", f"{BODY}.Colour", False)],
    ),
    WireKind(
        "body maxLength lowered",
        "request",
        lambda spec: _update(_create(spec)["properties"]["Name"], maxLength=50),
        [("maxLength lowered", f"{BODY}.Name", True)],
        [("maxLength raised", f"{BODY}.Name", False)],
    ),
    WireKind(
        "body property made required",
        "request",
        lambda spec: _create(spec)["required"].append("Count"),
        [("input made required", f"{BODY}.Count", True)],
        [("input made optional", f"{BODY}.Count", False)],
    ),
    WireKind(
        "request body removed",
        "body-removed",
        lambda spec: spec["paths"][BODIES]["post"].pop("requestBody"),
        [("request body removed", BODY, True)],
        [("new required request body", BODY, True)],
    ),
    WireKind(
        "response field made nullable",
        "response",
        lambda spec: _update(_item(spec)["properties"]["name"], nullable=True),
        [("response field made nullable", "Item.name", True)],
        [("field type changed", "Item.name", True)],
    ),
    WireKind(
        "response field made optional",
        "response",
        lambda spec: _update(_item(spec), required=["id"]),
        [("response field made optional", "Item.label", True)],
        [("field made required", "Item.label", False)],
    ),
    WireKind(
        "closed response enum value added",
        "response",
        lambda spec: spec["components"]["schemas"]["State"]["enum"].append("paused"),
        [("enum value added", "State", True)],
        [("enum value removed", "State", True)],
    ),
    WireKind(
        "required response header removed",
        "response",
        lambda spec: _ok(spec)["headers"].pop("X-Request-Id"),
        [("required response header removed", "listItems: 200 header X-Request-Id", True)],
        [("response header added", "listItems: 200 header X-Request-Id", False)],
    ),
    WireKind(
        "response header made optional",
        "response",
        lambda spec: _update(_ok(spec, ITEM)["headers"]["X-Request-Id"], required=False),
        [("response header made optional", "getItem: 200 header X-Request-Id", True)],
        [("response header made required", "getItem: 200 header X-Request-Id", False)],
    ),
    WireKind(
        "response header retyped",
        "response",
        lambda spec: _update(_ok(spec, ITEM)["headers"]["X-Trace"], schema={"type": "integer"}),
        [("response header type changed", "getItem: 200 header X-Trace", True)],
        [("response header type changed", "getItem: 200 header X-Trace", True)],
    ),
    WireKind(
        "success status removed",
        "response",
        _new_success_status,
        [("success response removed", "getStats: 200", True), ("response added", "getStats: 202", False)],
        [("success response removed", "getStats: 202", True), ("response added", "getStats: 200", False)],
    ),
    WireKind(
        "operation moved",
        "response",
        _move_operation,
        [("operation path changed", "getHealth", True)],
        [("operation path changed", "getHealth", True)],
    ),
    WireKind(
        "success media type removed",
        "media",
        _second_media_type,
        [("media type added", "getItem: 200 application/vnd.item+json", False)],
        [("success media type removed", "getItem: 200 application/vnd.item+json", True)],
    ),
    WireKind(
        "error response removed",
        "ok",
        lambda spec: spec["paths"][ITEM]["get"]["responses"].pop("404"),
        [("error response removed", "getItem: 404", False)],
        [("response added", "getItem: 404", False)],
    ),
    WireKind(
        "error response added",
        "ok",
        lambda spec: _update(
            spec["paths"][STATS]["get"]["responses"], **{"500": spec["paths"][STATS]["get"]["responses"]["404"]}
        ),
        [("response added", "getStats: 500", False)],
        [("error response removed", "getStats: 500", False)],
    ),
    WireKind(
        "open enum value added",
        "ok",
        lambda spec: spec["components"]["schemas"]["Kind"]["enum"].append("c"),
        [("enum value added", "Kind", False)],
        [("enum value removed", "Kind", True)],
    ),
    WireKind(
        "optional input added",
        "ok",
        lambda spec: spec["paths"][ITEMS]["get"]["parameters"].append(_query("offset", {"type": "integer"})),
        [("optional parameter added", f"{Q} offset", False)],
        [("parameter removed", f"{Q} offset", True)],
    ),
    WireKind(
        "new optional body property",
        "ok",
        lambda spec: _update(_create(spec)["properties"], Tags={"type": "string"}),
        [("optional input added", f"{BODY}.Tags", False)],
        [("input removed", f"{BODY}.Tags", True)],
    ),
    WireKind(
        "optional request body added",
        "ok",
        lambda spec: _update(spec["paths"][BODIES]["delete"], requestBody=_json_body("ItemCreate", required=False)),
        [("optional request body added", "purgeItems: body", False)],
        [("request body removed", "purgeItems: body", True)],
    ),
    WireKind(
        "loosened constraint",
        "ok",
        lambda spec: _update(_schema(spec, "X-Cursor"), minLength=0),
        [("minLength lowered", CURSOR, False)],
        [("minLength raised", CURSOR, True)],
    ),
    WireKind(
        "response field added",
        "ok",
        lambda spec: _update(spec["components"]["schemas"]["Stats"]["properties"], mean={"type": "number"}),
        [("field added", "Stats.mean", False)],
        [("field removed", "Stats.mean", True)],
    ),
    WireKind(
        "response header added",
        "ok",
        lambda spec: _update(_ok(spec)["headers"], **{"X-Page": {"schema": {"type": "string"}}}),
        [("response header added", "listItems: 200 header X-Page", False)],
        [("response header removed", "listItems: 200 header X-Page", False)],
    ),
    WireKind(
        "optional response header removed",
        "ok",
        lambda spec: _ok(spec, ITEM)["headers"].pop("X-Trace"),
        [("response header removed", "getItem: 200 header X-Trace", False)],
        [("response header added", "getItem: 200 header X-Trace", False)],
    ),
    WireKind(
        "description changed",
        "ok",
        lambda spec: _update(spec["paths"][HEALTH]["get"], description="Whether the service is up."),
        [],
        [],
    ),
    WireKind(  # last: it moves the path the edits above reach
        "path parameter renamed, same URL",
        "ok",
        _rename_path_parameter,
        [("path parameter renamed", "getItem: path item-id -> itemId", False)],
        [("path parameter renamed", "getItem: path itemId -> item-id", False)],
    ),
]


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Callable[[str, str], breaking.GateResult]:
    """The gate's result for a batch of KINDS in one direction, computed once per module."""
    results: dict[tuple[str, str], breaking.GateResult] = {}

    def judge(batch: str, direction: str) -> breaking.GateResult:
        if (batch, direction) not in results:
            edited = copy.deepcopy(BASE_SPEC)
            for case in KINDS:
                if case.batch == batch:
                    case.edit(edited)
            old, new = (BASE_SPEC, edited) if direction == "forward" else (edited, BASE_SPEC)
            repo = _make_repo(tmp_path_factory.mktemp(f"{batch}-{direction}"), old)
            (repo / SPEC_FILE).write_text(yaml.safe_dump(new, sort_keys=False), encoding="utf-8")
            _add_changelog_entry(repo)
            results[batch, direction] = breaking.run_gate(repo, "main", cache=cache, redocly=False)
        return results[batch, direction]

    return judge


@pytest.mark.parametrize("case", KINDS, ids=[case.name for case in KINDS])
def test_every_kind_of_change_in_both_directions(
    case: WireKind, judged: Callable[[str, str], breaking.GateResult]
) -> None:
    for direction, expected in (("forward", case.forward), ("reverse", case.reverse)):
        result = judged(case.batch, direction)
        found = {(change.kind, change.where): change for change in result.spec_changes}
        for kind, where, is_breaking in expected:
            change = found.get((kind, where))
            assert change is not None, f"{direction}: no {kind!r} at {where!r} in {sorted(found)}"
            assert change.breaking is is_breaking, f"{direction}: {change}"
            assert change.pointer.startswith("#/"), change
            assert not is_breaking or change.impact, f"a break says what a caller sees: {change}"
            assert (change in result.breaking) is is_breaking


def test_harmless_changes_pass_the_whole_gate(judged: Callable[[str, str], breaking.GateResult]) -> None:
    result = judged("ok", "forward")

    assert result.breaking == []
    assert result.exit_code == 0
    assert not any(change.pointer.startswith("#/paths/~1v1~1health") for change in result.spec_changes)
    assert "Result: no breaking change" in result.report()


@pytest.mark.parametrize("batch", ["request", "body-removed", "response", "media"])
def test_batches_of_breaks_fail_the_gate(batch: str, judged: Callable[[str, str], breaking.GateResult]) -> None:
    result = judged(batch, "forward" if batch != "media" else "reverse")

    assert result.exit_code == 1
    report = result.report()
    assert "Result: FAIL" in report
    assert "\n            at #/" in report  # every verdict names its location


def test_a_shared_component_change_is_reported_once_for_every_use() -> None:
    old = copy.deepcopy(BASE_SPEC)
    old["components"]["headers"] = {"RequestId": {"required": True, "schema": {"type": "string"}}}
    for path in (ITEMS, ITEM):
        _ok(old, path)["headers"]["X-Request-Id"] = {"$ref": "#/components/headers/RequestId"}
    new = copy.deepcopy(old)
    new["components"]["headers"]["RequestId"]["required"] = False

    changes = breaking.diff_specs(old, new)

    assert [(change.kind, change.where, change.pointer) for change in changes] == [
        (
            "response header made optional",
            "listItems, getItem: 200 header X-Request-Id",
            "#/components/headers/RequestId/required",
        )
    ]


@pytest.mark.skipif(shutil.which("npx") is None, reason="Node.js/npx not found: Redocly's diff is skipped")
def test_redocly_diff_is_agreed_with_overruled_and_outdone() -> None:
    edited = copy.deepcopy(BASE_SPEC)
    _update(_schema(edited, "size"), maximum=100, default=50)
    edited["components"]["schemas"]["Kind"]["enum"].append("c")
    edited["paths"][ITEM]["get"]["responses"].pop("429")
    changes = breaking.diff_specs(BASE_SPEC, edited)

    findings, status = redocly_diff(yaml.safe_dump(BASE_SPEC), yaml.safe_dump(edited))
    review = diffreview.review(findings, changes, status)

    assert review.ran, status
    assert [(change.kind, change.where) for _, change in review.agreed] == [("maximum lowered", SIZE)]
    assert {(finding.rule, change.kind) for finding, change in review.overruled} == {
        ("enum-values-added", "enum value added"),
        ("response-removed", "error response removed"),
    }
    assert [change.kind for change, _ in review.beyond] == ["default changed"]
    assert review.redocly_only == []
    assert any(
        line.startswith("  overruled enum-values-added at #/components/schemas/Kind/enum") for line in review.lines()
    )


def test_a_major_finding_the_wire_diff_has_no_verdict_for_stays_a_break() -> None:
    finding = RedoclyFinding("security-removed", "major", "Security requirement removed.", "#/security")

    review = diffreview.review([finding], [], "1 major, 0 minor, 0 patch")

    assert [(change.kind, change.where, change.breaking) for change in review.redocly_only] == [
        ("redocly security-removed", "Security requirement removed.", True)
    ]


def test_without_nodejs_redocly_is_skipped_visibly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tools.redocly.shutil.which", lambda name: None)  # as if Node.js were not installed

    findings, status = redocly_diff(yaml.safe_dump(BASE_SPEC), yaml.safe_dump(BASE_SPEC))
    review = diffreview.review(findings, [], status)

    assert findings is None
    assert status.startswith("skipped: Node.js not found")
    assert (review.ran, review.lines(), review.redocly_only) == (False, [], [])


def test_security_schemes_on_the_wire_and_as_hints() -> None:
    old = copy.deepcopy(BASE_SPEC)
    old["components"]["securitySchemes"] = {"bearerAuth": {"type": "http", "scheme": "bearer"}}
    old["security"] = [{"bearerAuth": []}]
    hinted = copy.deepcopy(old)
    hinted["components"]["securitySchemes"]["bearerAuth"].update(bearerFormat="JWT", description="Entra ID tokens.")
    basic = copy.deepcopy(old)
    basic["components"]["securitySchemes"]["bearerAuth"]["scheme"] = "basic"
    anonymous_too = copy.deepcopy(old)
    anonymous_too["security"].append({})

    assert [(c.kind, c.breaking, c.pointer) for c in breaking.diff_specs(old, hinted)] == [
        ("security scheme hint changed", False, "#/components/securitySchemes/bearerAuth/bearerFormat")
    ]
    assert [(c.kind, c.breaking) for c in breaking.diff_specs(old, basic)] == [("security scheme changed", True)]
    assert [(c.kind, c.breaking) for c in breaking.diff_specs(old, anonymous_too)] == [
        ("security requirement changed", False)
    ]
    assert [(c.kind, c.breaking) for c in breaking.diff_specs(anonymous_too, old)] == [
        ("security requirement changed", True)
    ]


def test_a_request_body_is_judged_as_input_and_a_schema_only_requests_use_is_never_read() -> None:
    optional = copy.deepcopy(BASE_SPEC)
    _create(optional)["required"] = []
    assert [(c.kind, c.where, c.breaking) for c in breaking.diff_specs(BASE_SPEC, optional)] == [
        ("input made optional", f"{BODY}.Name", False)  # no "response field made optional": nobody reads ItemCreate
    ]
    shared = copy.deepcopy(BASE_SPEC)
    shared["paths"][BODIES]["post"]["requestBody"] = _json_body("Item")  # read in responses and sent in requests
    loosened = copy.deepcopy(shared)
    _item(loosened)["required"] = ["id"]
    assert {(c.kind, c.where, c.breaking) for c in breaking.diff_specs(shared, loosened)} == {
        ("input made optional", f"{BODY}.label", False),
        ("response field made optional", "Item.label", True),
    }


def test_a_request_body_made_required_and_its_media_types() -> None:
    optional = copy.deepcopy(BASE_SPEC)
    optional["paths"][BODIES]["post"]["requestBody"]["required"] = False
    form = copy.deepcopy(BASE_SPEC)
    content = form["paths"][BODIES]["post"]["requestBody"]["content"]
    content["application/x-www-form-urlencoded"] = content.pop("application/json")

    assert [(c.kind, c.where, c.breaking, c.pointer) for c in breaking.diff_specs(optional, BASE_SPEC)] == [
        ("request body made required", BODY, True, "#/paths/~1v1~1item-bodies/post/requestBody/required")
    ]
    assert [(c.kind, c.breaking) for c in breaking.diff_specs(BASE_SPEC, optional)] == [
        ("request body made optional", False)
    ]
    assert [(c.kind, c.where, c.breaking) for c in breaking.diff_specs(BASE_SPEC, form)] == [
        ("request media type removed", BODY, True),
        ("request media type added", f"{BODY} application/x-www-form-urlencoded", False),
    ]


@pytest.mark.skipif(shutil.which("npx") is None, reason="Node.js/npx not found: Redocly's diff is skipped")
def test_redocly_agrees_with_the_request_body_breaks() -> None:
    edited = copy.deepcopy(BASE_SPEC)
    for case in KINDS:
        if case.batch == "request" and "body" in case.name:
            case.edit(edited)
    changes = breaking.diff_specs(BASE_SPEC, edited)

    findings, status = redocly_diff(yaml.safe_dump(BASE_SPEC), yaml.safe_dump(edited))
    review = diffreview.review(findings, changes, status)

    assert review.ran, status
    assert {finding.rule for finding, _ in review.agreed} == {
        "required-properties-added",
        "enum-values-removed",
        "schema-constraint-changed",
        "schema-type-changed",
    }
    assert review.redocly_only == []  # nothing it calls major that the gate does not judge itself
    assert [(change.kind, rating) for change, rating in review.beyond] == [("input removed", "patch")]


def _package(folder: Path, files: dict[str, str]) -> Path:
    package = folder / "partner_center_analytics"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    return folder


def test_a_new_dataset_in_report_rows_breaks_no_python_caller(tmp_path: Path) -> None:
    """report_rows is generated from the row schemas, which the wire diff judges; query_fields' values still count."""
    old = _package(tmp_path / "old", {"report_rows.py": "ROWS = {}\n", "query_fields.py": "FIELDS = ('a', 'b')\n"})
    new = _package(tmp_path / "new", {"report_rows.py": "ROWS = {'A': 1}\n", "query_fields.py": "FIELDS = ('a',)\n"})

    changes = breaking.diff_apis(breaking.load_api(old), breaking.load_api(new))

    assert {(change.kind, change.where, change.breaking) for change in changes} == {
        ("value changed", "partner_center_analytics.report_rows.ROWS", False),
        ("value changed", "partner_center_analytics.query_fields.FIELDS", True),
    }
