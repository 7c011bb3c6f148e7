"""`make contract BASE_URL=... TOKEN=...` proved polite against the emulator standing in for Partner Center.

The emulator runs as its own process over HTTPS (a certificate from a trustme CA that only this run trusts),
with its per-token throttle on, a share of 429s that carry Retry-After, and its own recording of every
request it received. The contract's live run goes at it as it would at Partner Center. Judged from the server's
side: the throttle never answered 429 (the run kept under the rate), no request came before the Retry-After its
token had been given was over, and every request was a schema-valid GET carrying the token (positive data only;
the reports API's POST, PUT and DELETE are left out, as they would change a partner's queries and reports).
"""

from __future__ import annotations

import datetime
import json
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
import trustme

from tests._support import SPEC_PATH
from tools import contract
from tools.specdoc import load_spec, operations, resolve_ref

THROTTLE = 10  # the emulator's: requests per second per token (its bucket holds as many)
RATE = "8/s"  # the run's: under the throttle, as a live run's default is under Partner Center's
RETRY_AFTER = 1
# 429s with Retry-After besides the throttle's (a 503 would be one too, but the run reports every 5xx as a failure)
EMULATOR_FLAGS = ["--rate-limit", str(THROTTLE), "--fail-429", "0.06"]
STARTUP_SECONDS = 30
TOKEN_ENV = "PCINSIGHTS_LIVE_TEST_TOKEN"


@attrs.frozen
class Emulator:
    base_url: str
    token: str
    process: subprocess.Popen[str] = attrs.field(repr=False)
    lines: queue.Queue[str | None] = attrs.field(repr=False)

    def stop(self) -> dict[str, Any]:
        """Stop it as Ctrl-C would; its last line, the counts of what it answered."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=20)
        rest = []
        while (line := self.lines.get(timeout=5)) is not None:
            rest.append(line)
        (answered,) = [line for line in rest if line.startswith("answered: ")]
        counts: dict[str, Any] = json.loads(answered.removeprefix("answered: "))
        return counts


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[Emulator]:
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(tmp_path / "server.pem"))
    command = [sys.executable, "-m", "pcinsights.emulator", "--port", "0", "--customers", "5"]
    command += ["--tls-cert", str(tmp_path / "server.pem"), "--record", str(tmp_path / "received.har")]
    command += [*EMULATOR_FLAGS, "--retry-after", str(RETRY_AFTER)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        banner = [lines.get(timeout=STARTUP_SECONDS) for _ in range(5)]
        found = re.match(r"Partner Center emulator on (https://\S+) ", banner[0] or "")
        assert found, banner
        yield Emulator(found[1], str(banner[4]).strip(), process, lines)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _started(entry: Mapping[str, Any]) -> float:
    return datetime.datetime.fromisoformat(entry["startedDateTime"]).timestamp()


def _header(pairs: list[dict[str, str]], name: str) -> str | None:
    return next((pair["value"] for pair in pairs if pair["name"].lower() == name), None)


def _template(path: str) -> tuple[re.Pattern[str], list[str]]:
    """A pattern matching the path template's paths, and its parameters' names in the order of its groups."""
    parts = re.split(r"\{([^}]+)\}", path)  # text, name, text, name, ..., text
    return re.compile("^" + "([^/]+)".join(re.escape(text) for text in parts[::2]) + "$"), parts[1::2]


def _typed(schema: Mapping[str, Any], value: str) -> object:
    """A query or path value as the schema types it (ValueError when it cannot be)."""
    if schema.get("type") == "integer":
        return int(value)
    if schema.get("type") == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"{value!r} is not a boolean")
        return value == "true"
    return value


class _Operations:
    """The spec's operations, to tell whether a received request is one a schema-valid call would send."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.found = [(method.upper(), *_template(path), operation) for path, method, _, operation in operations(spec)]

    def invalid(self, method: str, path: str, query: list[dict[str, str]]) -> list[str]:
        """What in this request no schema-valid call sends; empty when it is positive data."""
        for wanted, pattern, names, operation in self.found:
            matched = pattern.match(path)
            if wanted == method and matched:
                values = [unquote(value) for value in matched.groups()]  # a reportId list's ';' is sent as %3B
                return self._parameters(operation, dict(zip(names, values, strict=True)), query)
        return [f"{method} {path}: no such operation"]

    def _parameters(self, operation: Mapping[str, Any], path: dict[str, str], query: list[dict[str, str]]) -> list[str]:
        declared = {}
        for parameter in operation.get("parameters", []):
            parameter = resolve_ref(self.spec, parameter)
            declared[(parameter["in"], parameter["name"])] = parameter
        given = [("path", name, value) for name, value in path.items()]
        given += [("query", pair["name"], pair["value"]) for pair in query]
        problems = []
        for where, name, value in given:
            parameter = declared.get((where, name))
            if parameter is None:
                problems.append(f"{where} {name}: not declared")
                continue
            schema = resolve_ref(self.spec, parameter["schema"])
            try:
                typed = _typed(schema, value)
                jsonschema.validate(
                    typed,
                    {"allOf": [schema], "components": self.spec["components"]},
                    format_checker=jsonschema.FormatChecker(),
                )
            except (ValueError, jsonschema.ValidationError) as error:
                problems.append(f"{where} {name}={value!r}: {getattr(error, 'message', error)}")
        return problems


@pytest.mark.slow
@pytest.mark.xdist_group("contract-runner")
def test_a_live_run_keeps_the_rate_waits_out_retry_after_and_sends_positive_data_only(
    emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TOKEN_ENV, emulator.token)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "ca.pem"))  # requests (schemathesis) trusts the test CA
    code = contract.main(
        [
            *("--base-url", emulator.base_url, "--token-env", TOKEN_ENV, "--no-generate"),
            *("--max-examples", "1", "--rate-limit", RATE, "--report-dir", str(tmp_path / "reports")),
        ]
    )
    counts = emulator.stop()
    raw = (tmp_path / "received.har").read_bytes()
    received = sorted(
        (entry for entry in json.loads(raw)["log"]["entries"] if "/v1/" in entry["request"]["url"]), key=_started
    )

    assert code == 0
    assert emulator.token.encode() not in raw
    assert len(received) == counts["requests"] > 50
    # The rate: the throttle never had to refuse, and no second held more than it allows.
    assert counts["faults"].get("rate_limit", 0) == 0
    times = [_started(entry) for entry in received]
    assert max(sum(1 for later in times[i:] if later < start + 1) for i, start in enumerate(times)) <= THROTTLE
    # Retry-After: the run was asked to wait, and nothing came before each wait was over.
    waits = [
        (i, int(_header(entry["response"]["headers"], "retry-after") or 0))
        for i, entry in enumerate(received)
        if entry["response"]["status"] in (429, 503)
    ]
    assert counts["faults"]["fail_429"] == len(waits) >= 3
    assert all(seconds >= 1 for _, seconds in waits)
    gaps = [(seconds, times[i + 1] - times[i]) for i, seconds in waits if i + 1 < len(times)]
    assert [(seconds, gap) for seconds, gap in gaps if gap < seconds] == []
    # Positive data only: schema-valid GETs of the spec's operations, every one with the token.
    spec = _Operations(load_spec(SPEC_PATH))
    for entry in received:
        request = entry["request"]
        assert _header(request["headers"], "authorization") == "[redacted]"
        assert request["method"] == "GET"
        assert spec.invalid(request["method"], urlsplit(request["url"]).path, request["queryString"]) == []
