"""The generated ``query_fields`` module: the spec's ``groupby`` fields, and a pattern codegen cannot read refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from partner_center_analytics import query_fields
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage

from tests._support import SPEC_PATH, groupby_fields
from tools import codegen, queryfields
from tools.specdoc import load_spec

USAGE_PATH = "/v1/analytics/commercial/usage/license/"


def test_the_package_carries_each_operations_groupby_fields_as_the_spec_lists_them() -> None:
    assert tuple(groupby_fields("DeploymentGroupBy")) == query_fields.GET_LICENSES_DEPLOYMENT_FIELDS
    assert tuple(groupby_fields("UsageGroupBy")) == query_fields.GET_LICENSES_USAGE_FIELDS
    assert query_fields.__all__ == ("GET_LICENSES_DEPLOYMENT_FIELDS", "GET_LICENSES_USAGE_FIELDS")
    # Each constant is named after the module of the operation whose groupby it lists.
    for module in (get_licenses_deployment, get_licenses_usage):
        assert f"{module.__name__.rsplit('.', 1)[-1].upper()}_FIELDS" in query_fields.__all__


def usage_groupby(spec: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["parameters"]["UsageGroupBy"]["schema"]
    return schema


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("^(workloadCode|channel)(,(workloadCode|productId))*$", "the same names twice"),
        ("^[a-z]+(,[a-z]+)*$", "the same names twice"),
        ("^(workloadCode|channel)$", "the same names twice"),
        (None, "the same names twice"),
        ("^(channel|channel)(,(channel|channel))*$", "names a field twice"),
    ],
)
def test_a_groupby_pattern_that_lists_no_fields_fails_generation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pattern: str | None, message: str
) -> None:
    spec = load_spec(SPEC_PATH)
    if pattern is None:
        del usage_groupby(spec)["pattern"]
    else:
        usage_groupby(spec)["pattern"] = pattern
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    output = tmp_path / "out"
    assert codegen.main(["--spec", str(path), "--output", str(output)]) == 2
    assert not output.exists()
    refusal = capsys.readouterr().err
    assert refusal.startswith(f"codegen: refused: GET {USAGE_PATH}: the groupby pattern"), refusal
    assert message in refusal


def test_generation_refuses_to_overwrite_a_query_fields_module_of_the_generator(tmp_path: Path) -> None:
    (tmp_path / queryfields.MODULE).write_text("# the generator's\n", encoding="utf-8")
    with pytest.raises(codegen.CodegenError, match=r"^the generator writes query_fields\.py too"):
        codegen._write_query_fields(tmp_path, "# codegen's\n")
    assert (tmp_path / queryfields.MODULE).read_text(encoding="utf-8") == "# the generator's\n"
