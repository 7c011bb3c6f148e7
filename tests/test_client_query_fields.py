"""The generated ``query_fields`` module: the spec's ``groupby`` fields, and a pattern codegen cannot read refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from partner_center_analytics import query_fields
from partner_center_analytics.api.analytics import get_licenses_deployment, get_licenses_usage

from tests._support import PROJECT, SPEC_PATH, groupby_fields
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
    tmp_path: Path, pattern: str | None, message: str
) -> None:
    spec = load_spec(SPEC_PATH)
    if pattern is None:
        del usage_groupby(spec)["pattern"]
    else:
        usage_groupby(spec)["pattern"] = pattern
    with pytest.raises(codegen.CodegenError, match=message) as refused:
        codegen._write_query_fields(tmp_path, PROJECT.overrides / "templates", spec)
    assert f"GET {USAGE_PATH}: the groupby pattern" in str(refused.value)
    assert not (tmp_path / queryfields.MODULE).exists()


def test_generation_refuses_to_overwrite_a_query_fields_module_of_the_generator(tmp_path: Path) -> None:
    (tmp_path / queryfields.MODULE).write_text("# the generator's\n", encoding="utf-8")
    with pytest.raises(codegen.CodegenError, match=r"the generator writes query_fields\.py too"):
        codegen._write_query_fields(tmp_path, PROJECT.overrides / "templates", load_spec(SPEC_PATH))
    assert (tmp_path / queryfields.MODULE).read_text(encoding="utf-8") == "# the generator's\n"
