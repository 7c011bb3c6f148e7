"""Every operation of the spec that takes a request body: its generated function sends the spec's own example back
as it came (the spec's names and values, nothing added), as JSON, with the operation's method.

tests/test_codegen_fixture.py proves the templates over real HTTP; this proves the committed client on the real
spec's bodies, whichever they are.
"""

from __future__ import annotations

import datetime
import importlib
import json
from typing import Any

import partner_center_analytics.models
import pytest
from openapi_python_client.strings import ClassName, snake_case

from tests._support import SPEC_PATH
from tools.specdoc import load_spec, operations, resolve_ref

SPEC = load_spec(SPEC_PATH)
BODIES = [
    (path, method, item, operation) for path, method, item, operation in operations(SPEC) if "requestBody" in operation
]


def _same(sent: Any, example: Any) -> bool:
    """Equal, a date-time compared as the instant it names (``Z`` goes out as ``+00:00``)."""
    if isinstance(sent, str) and isinstance(example, str) and sent != example:
        try:
            return datetime.datetime.fromisoformat(sent) == datetime.datetime.fromisoformat(example)
        except ValueError:
            return False
    return bool(sent == example)


def test_the_spec_has_operations_with_bodies() -> None:
    assert {operation["operationId"] for *_, operation in BODIES} >= {"createReportQuery", "createReport"}


@pytest.mark.parametrize(
    ("path", "method", "item", "operation"), BODIES, ids=[operation["operationId"] for *_, operation in BODIES]
)
def test_a_body_goes_out_as_the_spec_spells_it(
    path: str, method: str, item: dict[str, Any], operation: dict[str, Any]
) -> None:
    content = resolve_ref(SPEC, operation["requestBody"])["content"]["application/json"]
    example = content["example"]
    model = getattr(partner_center_analytics.models, str(ClassName(content["schema"]["$ref"].rsplit("/", 1)[-1], "")))
    module = importlib.import_module(
        f"partner_center_analytics.api.{operation['tags'][0]}.{snake_case(operation['operationId'])}"
    )
    path_values = [
        "6c3f6b1c-2f1e-4a53-9b1f-5f4a4b8a0c01"
        for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]
        if resolve_ref(SPEC, parameter).get("in") == "path"
    ]

    kwargs = module._get_kwargs(*path_values, body=model.from_dict(example))

    assert kwargs["method"] == method
    assert kwargs["headers"]["Content-Type"] == "application/json"
    sent = json.loads(json.dumps(kwargs["json"]))
    assert sent.keys() == example.keys()  # nothing added: a field left UNSET is not sent, defaults included
    assert all(_same(sent[key], example[key]) for key in example), (sent, example)
