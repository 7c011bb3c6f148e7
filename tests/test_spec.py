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
import yaml

from tests._support import SPEC_PATH
from tools import speclint
from tools.specdoc import load_spec

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
