"""The spec checked against the emulator by schemathesis: in-process (ASGI) and over real HTTP.

Every check schemathesis has is enabled (its default), and the examples, coverage, fuzzing and
stateful phases all run. Any failure fails the test.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from schemathesis import Case

from pcinsights.emulator import EmulatorConfig, RunningEmulator, create_app
from pcinsights.paths import SPEC_PATH
from tests.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SETTINGS = hypothesis.settings(max_examples=60, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))

asgi_schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(EmulatorConfig()))
asgi_schema.config.update(headers=AUTH)

http_schema = schemathesis.openapi.from_path(SPEC_PATH)
http_schema.config.update(headers=AUTH)


def test_spec_served_by_the_emulator_is_the_file() -> None:
    assert asgi_schema.raw_schema == http_schema.raw_schema


def test_every_operation_is_under_test() -> None:
    labels = {operation.ok().label for operation in http_schema.get_all_operations()}
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
def test_contract_in_process(case: Case) -> None:
    case.call_and_validate()


@pytest.mark.xdist_group("contract-http")
@http_schema.parametrize()
@SETTINGS
def test_contract_over_http(case: Case, emulator: RunningEmulator) -> None:
    case.call_and_validate(base_url=emulator.base_url)


@pytest.mark.xdist_group("contract-asgi")
def test_stateful_in_process() -> None:
    asgi_schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))


@pytest.mark.xdist_group("contract-http")
def test_stateful_over_http(emulator: RunningEmulator) -> None:
    schema = schemathesis.openapi.from_path(SPEC_PATH)
    schema.config.update(headers=AUTH, base_url=emulator.base_url)
    schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))
