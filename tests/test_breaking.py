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

import pytest
import yaml

from tests._support import PROJECT
from tools import breaking
from tools.project import SPEC_FILE

pytestmark = pytest.mark.xdist_group("breaking")

Edit = Callable[[dict[str, Any]], None]

ITEMS = "/v1/items"
ITEM = "/v1/items/{item-id}"
STATS = "/v1/stats"
HEALTH = "/v1/health"


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


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose ``main`` holds BASE_SPEC, a changelog and this checkout's ``overrides/``."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "gate@example.invalid")
    _git(tmp_path, "config", "user.name", "gate")
    spec = tmp_path / SPEC_FILE
    spec.parent.mkdir(parents=True)
    spec.write_text(yaml.safe_dump(BASE_SPEC, sort_keys=False), encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8")
    shutil.copytree(PROJECT.overrides, tmp_path / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


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


@pytest.mark.parametrize(("edit", "kind", "where", "api_line"), BREAKS, ids=[edit.__name__ for edit, *_ in BREAKS])
def test_each_kind_of_break_is_caught(
    repo: Path, cache: Path, edit: Edit, kind: str, where: str, api_line: str
) -> None:
    _edit_spec(repo, edit)
    _add_changelog_entry(repo)  # so that only the break itself can fail the gate

    result = breaking.run_gate(repo, "main", cache=cache)

    assert result.exit_code == 1
    assert (kind, where) in {(change.kind, change.where) for change in result.breaking}
    report = result.report()
    assert f"BREAKING  {api_line}" in report
    assert "Result: FAIL" in report


def test_additive_change_passes_with_a_changelog_entry(repo: Path, cache: Path) -> None:
    _edit_spec(repo, additive)
    _add_changelog_entry(repo)

    result = breaking.run_gate(repo, "main", cache=cache)

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

    result = breaking.run_gate(repo, "main", cache=cache)

    assert result.breaking == []
    assert result.changelog_missing
    assert result.exit_code == 1
    assert "add an entry to CHANGELOG.md" in result.report()


def test_description_edit_needs_no_changelog_entry(repo: Path, cache: Path) -> None:
    def describe(spec: dict[str, Any]) -> None:
        spec["paths"][ITEMS]["get"]["description"] = "Every item, one page at a time."

    _edit_spec(repo, describe)

    result = breaking.run_gate(repo, "main", cache=cache)

    assert (result.spec_changes, result.api_changes, result.exit_code) == ([], [], 0)
    assert "no entry needed" in result.report()


def test_committed_change_is_compared_with_an_older_ref(repo: Path, cache: Path) -> None:
    _edit_spec(repo, remove_field)
    _git(repo, "commit", "-q", "-am", "drop Item.count")

    at_head = breaking.run_gate(repo, "main", cache=cache)
    previous = breaking.run_gate(repo, "HEAD~1", cache=cache)

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


def test_cli_fails_on_a_field_removal(repo: Path) -> None:
    _edit_spec(repo, remove_field)

    completed = subprocess.run(
        [sys.executable, "-m", "tools.breaking"],
        cwd=repo,  # the gate acts on the checkout it runs in; the tools come from this one
        env={**os.environ, "PYTHONPATH": str(PROJECT.root)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "against main (" in completed.stdout
    assert "BREAKING  field removed: Item.count" in completed.stdout
    assert "CHANGELOG.md: NOT updated" in completed.stdout


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
