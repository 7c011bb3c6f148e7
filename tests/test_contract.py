"""The spec checked against the emulator by schemathesis: in-process (ASGI) and over real HTTP.

Every check schemathesis has is enabled (its default), and the examples, coverage, fuzzing and
stateful phases all run. Any failure fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.config import SchemathesisConfig
from schemathesis.core.result import Ok

from pcinsights.emulator import EmulatorConfig, RunningEmulator, create_app, run_in_background
from tests._support import PROJECT, SPEC_PATH, TOKEN
from tools.contract import TOKEN_VARIABLE

# Like Partner Center, accept only the real token, so schemathesis's made-up credentials get a 401.
CONFIG = EmulatorConfig(accepted_tokens=frozenset({TOKEN}))
SETTINGS = hypothesis.settings(max_examples=60, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))


def _config() -> SchemathesisConfig:
    """The settings `make contract` uses, with the test token put where `make contract` reads it from the
    environment (schemathesis's explicit bearer auth), so nothing here writes the environment."""
    path = PROJECT.schemathesis_config
    text = path.read_text(encoding="utf-8")
    placeholder = "${" + TOKEN_VARIABLE + "}"
    assert placeholder in text, f"{path} no longer takes the token from {TOKEN_VARIABLE}"
    return SchemathesisConfig.from_str(text.replace(placeholder, TOKEN), base_dir=str(path.parent))


asgi_schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(CONFIG), config=_config())
http_schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config())


@pytest.fixture(scope="module")
def strict_emulator() -> Iterator[RunningEmulator]:
    with run_in_background(CONFIG) as running:
        yield running


def test_spec_served_by_the_emulator_is_the_file() -> None:
    assert asgi_schema.raw_schema == http_schema.raw_schema


def test_every_operation_is_under_test() -> None:
    operations = [result.ok() for result in http_schema.get_all_operations() if isinstance(result, Ok)]
    labels = {operation.label for operation in operations}
    assert labels == {
        "GET /v1/analytics/licenses/deployment",
        "GET /v1/analytics/licenses/usage",
        "GET /v1/customers",
        "GET /v1/customers/{customer-id}/analytics/licenses/deployment",
        "GET /v1/customers/{customer-id}/analytics/licenses/usage",
    }


@pytest.mark.xdist_group("contract-asgi")
@asgi_schema.parametrize()
@SETTINGS
def test_contract_in_process(case: Case[Any]) -> None:
    case.call_and_validate()


@pytest.mark.xdist_group("contract-http")
@http_schema.parametrize()
@SETTINGS
def test_contract_over_http(case: Case[Any], strict_emulator: RunningEmulator) -> None:
    case.call_and_validate(base_url=strict_emulator.base_url)


@pytest.mark.xdist_group("contract-asgi")
def test_stateful_in_process() -> None:
    asgi_schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))


@pytest.mark.xdist_group("contract-http")
def test_stateful_over_http(strict_emulator: RunningEmulator) -> None:
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config())
    schema.config.update(base_url=strict_emulator.base_url)
    schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))
