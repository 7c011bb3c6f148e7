"""The canary: the contract tests, run exactly as ``make test`` runs them, fail against a broken emulator.

Once they passed while checking one operation in seven (xdist ran one of the items that shared a node id), so
this runs tests/test_contract.py in a child pytest with ``-n 2 --dist loadgroup`` against an emulator whose every
2xx body breaks the spec (``PC_EMULATOR_GARBAGE_RATE=1``), and requires every contract item, for every
operation, to be reported and to fail with schemathesis's schema violation.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests._support import PROJECT, spec_operation_labels

CONTRACT = "tests/test_contract.py"
PER_OPERATION = ("test_contract_in_process", "test_contract_over_http")
STATEFUL = ("test_stateful_in_process", "test_stateful_over_http")
TIMEOUT = 600
NEEDS_A_REAL_ID = {"POST /insights/v1/mpn/ScheduledReport"}


def _cases(junit: Path) -> dict[str, str]:
    """Each reported test case's name (less xdist's ``@group`` suffix) and outcome: passed, failure, error, skipped."""
    outcomes = {}
    for case in ET.parse(junit).iter("testcase"):
        found = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        name = case.attrib["name"].partition("@")[0]
        assert name not in outcomes, f"{name} reported twice"
        outcomes[name] = found[0] if found else "passed"
    return outcomes


@pytest.mark.slow
@pytest.mark.xdist_group("contract-canary")
def test_the_contract_tests_fail_against_an_emulator_that_breaks_the_contract(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    env = {**os.environ, "PC_EMULATOR_GARBAGE_RATE": "1"}
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, f"--junitxml={junit}", CONTRACT],
        cwd=PROJECT.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"the contract tests did not fail against garbage bodies:\n{output[-4000:]}"

    labels = spec_operation_labels()
    outcomes = _cases(junit)
    # An operation with a path parameter sees a 2xx only in the stateful tests, which follow the spec's links to a
    # real customer, query or report; its own items meet made-up ids, answered 400 and 404, and pass. So does
    # createReport: its body must name a saved query (QueryId), and a made-up one is a 404.
    reached = {label for label in labels if "{" not in label} - NEEDS_A_REAL_ID
    expected = {f"{test}[{label}]" for test in PER_OPERATION for label in reached} | set(STATEFUL)
    assert {name for name, outcome in outcomes.items() if outcome == "failure"} == expected
    # Every collected item was reported (the spec-file checks still pass), none twice, none lost.
    collected = len(PER_OPERATION) * len(labels) + len(STATEFUL) + 2
    assert len(outcomes) == collected
    assert f"{len(expected)} failed, {collected - len(expected)} passed" in output
    assert "Response violates schema" in output
