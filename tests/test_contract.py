"""The spec checked against the emulator by schemathesis: in-process (ASGI) and over real HTTP.

Every check schemathesis has is enabled (its default), and the examples, coverage, fuzzing and
stateful phases all run. Any failure fails the test.

The emulator is the one ``python -m pcinsights.emulator`` would serve, ``PC_EMULATOR_*`` variables included:
the canary (tests/test_contract_canary.py) runs this file with ``PC_EMULATOR_GARBAGE_RATE=1`` and requires it
to fail, so these tests can never go hollow unnoticed.
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

from pcinsights.emulator import RunningEmulator, create_app, flags, run_in_background
from pcinsights.emulator.auth import issuer_of_app
from tests._support import PROJECT, SPEC_PATH, spec_operation_labels, token_for
from tools.specdoc import load_spec

# The default emulator, like Partner Center, lets only the tokens it signed through: schemathesis's made-up
# credentials get a 401.
SETTINGS = hypothesis.settings(max_examples=60, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))
_, CONFIG = flags.parse([])


def _config(token: str | None = None) -> SchemathesisConfig:
    """The settings schemathesis finds by itself at the root (they hold no token), with ``token`` as the explicit
    bearer auth `make contract` adds to its private copy."""
    path = PROJECT.schemathesis_config
    text = path.read_text(encoding="utf-8")
    assert "[auth" not in text, f"{path} must stay token-free: schemathesis's own command passes one with -H"
    if token is not None:
        text += f'\n[auth.openapi.bearerAuth]\nbearer = "{token}"\n'
    return SchemathesisConfig.from_str(text, base_dir=str(path.parent))


# In process there is no socket to fetch from: each app's own issuer mints the App+User token its endpoint would.
# Both are made now because schemathesis builds its example and coverage cases, auth included, at collection.
asgi_app = create_app(CONFIG)
asgi_schema = schemathesis.openapi.from_asgi(
    "/openapi.json", asgi_app, config=_config(issuer_of_app(asgi_app).user_token().token)
)
http_app = create_app(CONFIG)
http_schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config())


@http_schema.auth(refresh_interval=None)
class EmulatorBearer:
    """The HTTP tests' auth, through schemathesis's auth hook rather than a header the test adds itself:
    schemathesis leaves it off the cases whose point is a missing or broken ``Authorization``, and those must
    really arrive without one."""

    token = issuer_of_app(http_app).user_token().token

    def get(self, case: Case[Any], context: schemathesis.AuthContext) -> str:
        return self.token

    def set(self, case: Case[Any], data: str, context: schemathesis.AuthContext) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


@pytest.fixture(scope="module")
def strict_emulator() -> Iterator[RunningEmulator]:
    """``http_app`` on a loopback port: the app whose issuer signed ``EmulatorBearer.token``."""
    with run_in_background(app=http_app) as running:
        yield running


def test_spec_served_by_the_emulator_is_the_file() -> None:
    # Loaded anew: schemathesis may annotate the documents of the schemas the other tests run on.
    assert schemathesis.openapi.from_asgi("/openapi.json", asgi_app).raw_schema == load_spec(SPEC_PATH)


def test_every_operation_is_under_test() -> None:
    operations = [result.ok() for result in http_schema.get_all_operations() if isinstance(result, Ok)]
    assert {operation.label for operation in operations} == spec_operation_labels()


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
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=_config(token_for(strict_emulator)))
    schema.config.update(base_url=strict_emulator.base_url)
    schema.as_state_machine().run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=6))
