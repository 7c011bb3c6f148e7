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
from pcinsights.emulator.auth import issuer_of_app
from tests._support import PROJECT, SPEC_PATH, token_for

# The default emulator, like Partner Center, lets only the tokens it signed through: schemathesis's made-up
# credentials get a 401. The token goes in as an explicit header, as `-H "Authorization: ..."` on its command line.
SETTINGS = hypothesis.settings(max_examples=60, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))


def _config(token: str | None = None) -> SchemathesisConfig:
    """The settings schemathesis finds by itself at the root (they hold no token), with ``token`` as the explicit
    bearer auth `make contract` adds to its private copy."""
    path = PROJECT.schemathesis_config
    text = path.read_text(encoding="utf-8")
    assert "[auth" not in text, f"{path} must stay token-free: schemathesis's own command passes one with -H"
    if token is not None:
        text += f'\n[auth.openapi.bearerAuth]\nbearer = "{token}"\n'
    return SchemathesisConfig.from_str(text, base_dir=str(path.parent))


asgi_app = create_app(EmulatorConfig())
# In process there is no socket to fetch from: the app's own issuer mints the App+User token its endpoint would.
asgi_schema = schemathesis.openapi.from_asgi(
    "/openapi.json", asgi_app, config=_config(issuer_of_app(asgi_app).user_token().token)
)
http_schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config())


@pytest.fixture(scope="module")
def strict_emulator() -> Iterator[RunningEmulator]:
    with run_in_background(EmulatorConfig()) as running:
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
        "GET /v1/analytics/commercial/deployment/license/",
        "GET /v1/analytics/commercial/usage/license/",
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
    # Sent as an explicit header, as `-H "Authorization: Bearer ..."` on schemathesis's command line.
    auth = {"Authorization": f"Bearer {token_for(strict_emulator)}"}
    case.call_and_validate(base_url=strict_emulator.base_url, headers=auth)


@pytest.mark.xdist_group("contract-asgi")
def test_stateful_in_process() -> None:
    asgi_schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))


@pytest.mark.xdist_group("contract-http")
def test_stateful_over_http(strict_emulator: RunningEmulator) -> None:
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config(token_for(strict_emulator)))
    schema.config.update(base_url=strict_emulator.base_url)
    schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))
