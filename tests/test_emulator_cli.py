"""``python -m pcinsights.emulator``: flags, PC_EMULATOR_* variables, help text, and a real server process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import attrs
import httpx
import pytest

from pcinsights.emulator import EmulatorConfig, flags
from pcinsights.emulator.__main__ import main
from pcinsights.emulator.config import Listen, option
from pcinsights.emulator.flags import build_parser, config_from_args, parse
from pcinsights.emulator.server import listening_socket

# Spellings users already rely on; a new field's flag comes from its name and needs no entry here.
FLAGS = {
    "--host": "PC_EMULATOR_HOST",
    "--port": "PC_EMULATOR_PORT",
    "--seed": "PC_EMULATOR_SEED",
    "--customers": "PC_EMULATOR_CUSTOMERS",
    "--latency-ms": "PC_EMULATOR_LATENCY_MS",
    "--fail-429": "PC_EMULATOR_FAIL_429",
    "--fail-500": "PC_EMULATOR_FAIL_500",
    "--fail-503": "PC_EMULATOR_FAIL_503",
    "--rate-limit": "PC_EMULATOR_RATE_LIMIT",
    "--retry-after": "PC_EMULATOR_RETRY_AFTER",
    "--bom": "PC_EMULATOR_BOM",
    "--drop-rate": "PC_EMULATOR_DROP_RATE",
    "--html-rate": "PC_EMULATOR_HTML_RATE",
    "--html-status": "PC_EMULATOR_HTML_STATUS",
    "--tenant-id": "PC_EMULATOR_TENANT_ID",
    "--client-id": "PC_EMULATOR_CLIENT_ID",
    "--client-secret": "PC_EMULATOR_CLIENT_SECRET",
    "--token-lifetime": "PC_EMULATOR_TOKEN_LIFETIME",
    "--allow-no-mfa": "PC_EMULATOR_ALLOW_NO_MFA",
    "--accept-any-token": "PC_EMULATOR_ACCEPT_ANY_TOKEN",
    "--accept-token": "PC_EMULATOR_ACCEPT_TOKEN",
    "--forbid-token": "PC_EMULATOR_FORBID_TOKEN",
}


URL_LINE = re.compile(r"Partner Center emulator on (http://127\.0\.0\.1:\d+) \(seed 8, 3 customers\)\s*")


def _served_config(argv: list[str], environ: dict[str, str] | None = None) -> EmulatorConfig:
    return parse(argv, environ or {})[1]


DERIVED = {flags.flag_of(field): flags.env_of(field) for kind in flags.SETTINGS for field in attrs.fields(kind)}


def test_help_documents_every_flag_with_its_variable_and_an_example() -> None:
    text = " ".join(build_parser({}).format_help().split())
    for flag, variable in DERIVED.items():
        entry = re.search(rf"{flag} .*?\[env {variable}\b[^]]*e\.g\. {flag}\b", text)
        assert entry is not None, flag
    assert "examples:" in text


def test_every_config_field_has_a_flag_and_existing_spellings_stay() -> None:
    assert len(DERIVED) == len(attrs.fields(EmulatorConfig)) + len(attrs.fields(Listen))  # + --host, --port, ...
    assert FLAGS.items() <= DERIVED.items()


def test_a_new_field_with_its_help_gets_a_flag_a_variable_and_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen(kw_only=True)
    class Extra:
        token_lifetime: int = attrs.field(
            default=3600, validator=attrs.validators.ge(1), metadata=option("seconds a token lives", "600")
        )

    monkeypatch.setattr(flags, "SETTINGS", (Extra,))
    text = " ".join(build_parser({}).format_help().split())
    assert "seconds a token lives [env PC_EMULATOR_TOKEN_LIFETIME; default 3600; e.g. --token-lifetime 600]" in text
    assert build_parser({}).parse_args(["--token-lifetime", "60"]).token_lifetime == 60
    assert build_parser({"PC_EMULATOR_TOKEN_LIFETIME": "90"}).parse_args([]).token_lifetime == 90
    with pytest.raises(ValueError, match="--token-lifetime: 0 is not allowed"):
        flags._settings(Extra, build_parser({}).parse_args(["--token-lifetime", "0"]))


def test_a_field_without_its_help_is_refused_when_the_parser_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen(kw_only=True)
    class Undocumented:
        limit: int = 5

    monkeypatch.setattr(flags, "SETTINGS", (Undocumented,))
    with pytest.raises(TypeError, match="'limit' has no metadata=option"):
        build_parser({})


def test_defaults_are_the_config_defaults() -> None:
    args = build_parser({}).parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 8080)
    assert config_from_args(args) == EmulatorConfig()


def test_flags_fill_every_field() -> None:
    argv = "--seed 7 --customers 9 --latency-ms 50 --fail-429 0.1 --fail-500 0.2 --fail-503 0.3 --rate-limit 50"
    argv += " --retry-after 4 --bom --drop-rate 0.4 --html-rate 0.5 --html-status 504"
    argv += " --tenant-id 11111111-2222-4333-8444-555555555555 --client-id 66666666-7777-4888-9999-000000000000"
    argv += " --client-secret s3 --token-lifetime 5 --allow-no-mfa --accept-any-token"
    argv += " --accept-token a --accept-token b --forbid-token c"
    assert _served_config(argv.split()) == EmulatorConfig(
        seed=7,
        customers=9,
        latency=0.05,
        fail_429=0.1,
        fail_500=0.2,
        fail_503=0.3,
        rate_limit=50.0,
        retry_after=4,
        bom=True,
        drop_rate=0.4,
        html_rate=0.5,
        html_status=504,
        tenant_id="11111111-2222-4333-8444-555555555555",
        client_id="66666666-7777-4888-9999-000000000000",
        client_secret="s3",
        token_lifetime=5,
        allow_no_mfa=True,
        accept_any_token=True,
        accepted_tokens=frozenset({"a", "b"}),
        forbidden_tokens=frozenset({"c"}),
    )


def test_variables_set_defaults_and_flags_win() -> None:
    environ = {
        "PC_EMULATOR_SEED": "5",
        "PC_EMULATOR_FAIL_503": "0.2",
        "PC_EMULATOR_BOM": "yes",
        "PC_EMULATOR_ACCEPT_TOKEN": "x, y",
        "PC_EMULATOR_LATENCY_MS": "20",
    }
    config = _served_config(["--seed", "6"], environ)
    assert (config.seed, config.fail_503, config.bom, config.latency) == (6, 0.2, True, 0.02)
    assert config.accepted_tokens == frozenset({"x", "y"})


UPPER_GUID = "11111111-2222-4333-8444-55555555555A"  # settings' ids are lower case
BARE_GUID = "6666666677774888999900000000000a"  # a GUID without its hyphens


@pytest.mark.parametrize(
    ("argv", "environ", "named"),
    [
        (["--fail-503", "1.5"], {}, "--fail-503: 1.5 is not allowed"),
        (["--drop-rate", "-0.1"], {}, "--drop-rate: -0.1 is not allowed"),
        (["--customers", "-1"], {}, "--customers: -1 is not allowed"),
        (["--latency-ms", "-5"], {}, "--latency-ms: -5 is not allowed"),
        (["--tenant-id", UPPER_GUID], {}, f"--tenant-id: {UPPER_GUID} is not allowed"),
        (["--client-id", BARE_GUID], {}, f"--client-id: {BARE_GUID} is not allowed"),
        (["--port", "65536"], {}, "--port: 65536 is not allowed"),
        (["--seed", "x"], {}, "--seed: invalid int value"),
        ([], {"PC_EMULATOR_HTML_STATUS": "200"}, "--html-status: 200 is not allowed"),
    ],
)
def test_bad_values_exit_with_usage_naming_the_flag(
    argv: list[str], environ: dict[str, str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _served_config(argv, environ)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err
    assert named in err


def test_the_module_serves_and_prints_its_url() -> None:
    env = {**os.environ, "PC_EMULATOR_CUSTOMERS": "3"}
    command = [sys.executable, "-m", "pcinsights.emulator", "--port", "0", "--seed", "8"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            match = URL_LINE.fullmatch(line)
            assert match is not None, line
            rest = [process.stdout.readline() for _ in range(8)]
            curl = rest[-1].split()
            assert rest[-2] == "try:\n"
            assert curl[:3] == ["curl", "-H", '"Authorization:']
            token = curl[4].rstrip('"')
            assert rest[3].strip() == token  # the banner's App+User token
            assert curl[-1] == match.group(1) + "/v1/analytics/licenses/deployment"
            assert httpx.get(curl[-1], headers={"Authorization": f"Bearer {token}"}).status_code == 200
            response = httpx.get(match.group(1) + "/v1/customers", headers={"Authorization": f"Bearer {token}"})
            assert response.status_code == 200
            assert response.json()["totalCount"] == 3
        finally:
            process.terminate()
    assert process.returncode in (0, -signal.SIGTERM)


def test_a_port_in_use_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with listening_socket("127.0.0.1") as taken:
        port = taken.getsockname()[1]
        assert main(["--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}:" in capsys.readouterr().err


def test_an_unusable_certificate_or_recording_is_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_pem = tmp_path / "server.pem"
    not_pem.write_text("not a certificate", encoding="utf-8")
    assert main(["--port", "0", "--tls-cert", str(not_pem)]) == 2
    assert f"cannot serve TLS with {not_pem}:" in capsys.readouterr().err
    assert main(["--port", "0", "--record", str(tmp_path / "no-such-folder" / "received.har")]) == 2
    assert "cannot record to" in capsys.readouterr().err
