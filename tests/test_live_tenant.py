"""Opt-in: the spec checked against a live Partner Center tenant, positive data only, at most 60 requests a minute.

Set PARTNER_CENTER_BASE_URL and PARTNER_CENTER_TOKEN to run it; without them it is skipped, visibly. (How polite
`make contract BASE_URL=...` is toward a live tenant is proved against the emulator in tests/test_contract_live.py.)
"""

from __future__ import annotations

import os
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.generation import GenerationMode

from tests._support import SPEC_PATH

BASE_URL = os.environ.get("PARTNER_CENTER_BASE_URL", "")
TOKEN = os.environ.get("PARTNER_CENTER_TOKEN", "")

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not (BASE_URL and TOKEN), reason="live Partner Center: set PARTNER_CENTER_BASE_URL and PARTNER_CENTER_TOKEN"
    ),
]

live_schema = schemathesis.openapi.from_path(SPEC_PATH)
if BASE_URL and TOKEN:
    live_schema.config.update(base_url=BASE_URL, headers={"Authorization": f"Bearer {TOKEN}"}, rate_limit="60/m")
# Never send negative (junk) data to a real tenant.
live_schema.config.generation.update(modes=[GenerationMode.POSITIVE])


@live_schema.include(method="GET").parametrize()
@hypothesis.settings(max_examples=5, deadline=None)
def test_live_contract(case: Case[Any]) -> None:
    case.call_and_validate()
