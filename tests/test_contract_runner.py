"""`make contract`'s runner: it fails on a spec the emulator does not meet, and keeps live runs gentle."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests._support import SPEC_PATH
from tools import contract


@pytest.mark.slow
@pytest.mark.xdist_group("contract-runner")
def test_a_spec_the_emulator_breaks_fails_the_run(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec["components"]["headers"]["MSCV"]["schema"]["maxLength"] = 2  # the emulator's MS-CV is longer
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(spec), encoding="utf-8")

    code = contract.main(
        ["--spec", str(broken), "--no-generate", "--max-examples", "3", "--report-dir", str(tmp_path / "reports")]
    )

    out = capfd.readouterr().out
    assert code != 0
    assert "contract FAILED" in out
    # The main pass and each fault pass write their own JUnit file; the header check fails in the main one.
    junits = [path.read_text(encoding="utf-8") for path in (tmp_path / "reports").glob("junit-*.xml")]
    assert any("ST108" in junit for junit in junits)  # schemathesis: a response header that breaks its schema


def test_live_runs_send_positive_data_only_at_a_gentle_rate(tmp_path: Path) -> None:
    command = contract.schemathesis_command(
        SPEC_PATH, "https://example.invalid", tmp_path, live=True, max_examples=10, seed=1
    )
    assert command[command.index("--mode") + 1] == "positive"
    assert command[command.index("--rate-limit") + 1] == contract.LIVE_RATE_LIMIT
    assert "stateful" not in command[command.index("--phases") + 1]
    excluded = command[command.index("--exclude-checks") + 1].split(",")
    assert {"unsupported_method", "negative_data_rejection", "ignored_auth"} <= set(excluded)  # junk, no token
    assert command[command.index("--workers") + 1] == "1"
    assert command[command.index("--include-method") + 1] == "GET"  # never a partner's reports changed
    assert "--continue-on-failure" in command


def test_emulator_runs_use_every_phase_and_check(tmp_path: Path) -> None:
    command = contract.schemathesis_command(
        SPEC_PATH, "http://127.0.0.1:1", tmp_path, live=False, max_examples=5, seed=1
    )
    assert command[command.index("--phases") + 1] == "examples,coverage,fuzzing,stateful"
    assert command[command.index("--checks") + 1] == "all"
    assert "--exclude-checks" not in command and "--mode" not in command
    assert "--continue-on-failure" in command


def test_the_stateful_pass_runs_that_phase_alone_with_every_check(tmp_path: Path) -> None:
    command = contract.stateful_pass_command(SPEC_PATH, "http://127.0.0.1:1", tmp_path, max_examples=5, seed=1)
    assert command[command.index("--phases") + 1] == "stateful"
    assert command[command.index("--checks") + 1] == "all"
    assert "--mode" not in command and "--continue-on-failure" in command
    assert command[command.index("--report-ndjson-path") + 1] == str(tmp_path / "stateful.ndjson")


def test_a_live_run_without_a_token_refuses(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_SUCH_TOKEN", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        contract.main(
            [
                "--base-url",
                "https://example.invalid",
                "--token-env",
                "NO_SUCH_TOKEN",
                "--no-generate",
                "--report-dir",
                str(tmp_path),
            ]
        )
    assert exit_info.value.code == 2
