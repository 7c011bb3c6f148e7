"""The main job: validate the spec, regenerate the client, and contract-test the spec with schemathesis.

Against the emulator (the default) every phase and every check runs, including negative data, with an App+User
token from the emulator's own token endpoint (so made-up credentials get the 401 they would in Partner Center).
Against a live tenant (``--base-url``) the run is polite: only positive data (schema-valid requests, each with
the token: no negative mode, no other methods, no unauthenticated probes) to the GET operations (the reports API's
POST, PUT and DELETE would change the partner's queries and reports), one request at a time at a steady
rate (``--rate-limit``, 60 a minute by default), and a pause for every ``Retry-After`` a 429 or 503 carries
(tools/live_hooks.py). Every run also writes its traffic as HAR (for ``make drift``).

Against the emulator stateful passes follow, each on a fresh emulator with a seed of its own: schemathesis ends
its stateful phase at the first scenario whose replay meets a server state that moved on (Hypothesis's
"inconsistent data generation"), and after the other phases have filled the emulator with queries and reports
that comes early, so the main pass's stateful phase runs a few dozen scenarios and a fresh one a hundred or more.
All load tools/contract_hooks.py.
Three more passes follow, so every documented response is produced and checked against the spec: one with the
emulator's faults on (429 in both body shapes with Retry-After, 500, 503), one with a token the emulator forbids
(403), one with a request head past the emulator's limit (431, for the operations documenting it).
``tools.coverage`` then reads the passes' NDJSON event streams and reports, per operation, the statuses, response
headers and parameters exercised, and the links and walks the stateful phase took; a documented status never
seen, or a link never followed, fails the run unless contract-coverage.toml says why it may be, and so does a walk
that file requires (query -> report -> executions) not taken.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pcinsights.emulator import EmulatorConfig, run_in_background
from pcinsights.emulator.auth import fetch_token
from tools import codegen, coverage, speclint
from tools.project import add_project_argument, project_from
from tools.specdoc import load_spec, operations

TOKEN_VARIABLE = "PCINSIGHTS_CONTRACT_TOKEN"
ALL_PHASES = "examples,coverage,fuzzing,stateful"
# Stateful passes on fresh emulators, one seed each: a pass walks where its draws lead (a hundred or so scenarios in
# 10 to 20 s), and the walks and links the coverage report requires are taken in some pass, not left to one.
STATEFUL_PASSES = 3
LIVE_PHASES = "examples,coverage,fuzzing"
LIVE_RATE_LIMIT = "60/m"
# Checks that send other methods, junk or requests without the token; never pointed at a real tenant.
LIVE_EXCLUDED_CHECKS = "unsupported_method,negative_data_rejection,ignored_auth"
LIVE_HOOKS = Path(__file__).with_name("live_hooks.py")
# The main and stateful passes against the emulator: let the stateful phase reach a report's executions (see there).
CONTRACT_HOOKS = Path(__file__).with_name("contract_hooks.py")
# The fault pass judges each answer against the spec only: a 429 or 503 says nothing about the data sent, so the
# checks that judge the status against the data (positive acceptance, negative rejection, no server error) are off.
FAULT_CHECKS = ",".join(sorted(coverage.RESPONSE_CHECKS))
# The fault pass adds the coverage phase: fuzzing an operation whose inputs are few (a customer id from the ones
# seen, a header or two) may stop after a handful of requests, too few for each fault to come up every time.
FAULT_PHASES = "examples,coverage,fuzzing"
RESPONSE_PHASES = "examples,fuzzing"  # the 403 and 431 passes: one answer per request, whatever it carries
FAULT_EXAMPLES = 30  # per operation: at these shares each fault reaches each operation many times over
FAULTS: dict[str, Any] = {"fail_429": 0.3, "fail_500": 0.2, "fail_503": 0.3, "throttle_body": "both", "retry_after": 2}


def _reports(report_dir: Path, name: str) -> list[str]:
    """JUnit, the NDJSON event stream (for the coverage report) and HAR (for drift); NDJSON and HAR by pass name."""
    return [
        "--report",
        "junit,ndjson,har",
        "--report-dir",
        str(report_dir),
        "--report-ndjson-path",
        str(report_dir / f"{name}.ndjson"),
        "--report-har-path",
        str(report_dir / f"{name}.har"),
    ]


def _command(
    spec: Path, base_url: str, report_dir: Path, *, checks: str, max_examples: int, seed: int, name: str
) -> list[str]:
    """What every ``schemathesis run`` of the contract shares: checks, every failure counted, reports, sanitising."""
    return [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(spec),
        "--url",
        base_url,
        "--checks",
        checks,
        "--continue-on-failure",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        *_reports(report_dir, name),
        "--output-sanitize",
        "true",
    ]


def schemathesis_command(
    spec: Path,
    base_url: str,
    report_dir: Path,
    *,
    live: bool,
    max_examples: int,
    seed: int,
    name: str = "main",
    rate_limit: str = LIVE_RATE_LIMIT,
) -> list[str]:
    """The ``schemathesis run`` command line, without the auth header; ``rate_limit`` only for a live run."""
    command = _command(spec, base_url, report_dir, checks="all", max_examples=max_examples, seed=seed, name=name)
    if live:
        command += [
            "--phases",
            LIVE_PHASES,
            "--mode",
            "positive",
            "--exclude-checks",
            LIVE_EXCLUDED_CHECKS,
            "--include-method",
            "GET",  # reads only: a partner's saved queries and reports are never created, changed or deleted
            "--rate-limit",
            rate_limit,
            "--workers",
            "1",  # one request at a time: the rate and every Retry-After pause hold for the whole run
        ]
    else:
        command += ["--phases", ALL_PHASES]
    return command


def stateful_pass_command(
    spec: Path, base_url: str, report_dir: Path, *, max_examples: int, seed: int, name: str = "stateful"
) -> list[str]:
    """The stateful phase alone, every check, its NDJSON as ``<name>.ndjson``."""
    command = _command(spec, base_url, report_dir, checks="all", max_examples=max_examples, seed=seed, name=name)
    return [*command, "--phases", "stateful"]


def response_pass_command(
    spec: Path,
    base_url: str,
    report_dir: Path,
    *,
    name: str,
    max_examples: int,
    seed: int,
    phases: str = RESPONSE_PHASES,
) -> list[str]:
    """A pass that judges only the answers (status, content type, headers, schema): the fault, 403 and 431 passes."""
    command = _command(spec, base_url, report_dir, checks=FAULT_CHECKS, max_examples=max_examples, seed=seed, name=name)
    return [*command, "--phases", phases, "--mode", "positive"]


def response_passes(spec: Path, report_dir: Path, config: Path, seed: int) -> tuple[int, list[Path]]:
    """The fault, 403 and 431 passes against one emulator; the worst exit code and the NDJSON reports."""
    forbidden = secrets.token_urlsafe(24)  # no credential: a token this emulator answers 403
    settings = EmulatorConfig(**FAULTS, forbidden_tokens=frozenset({forbidden}))
    codes = []
    with run_in_background(settings) as emulator:
        print(f"fault pass at {emulator.base_url}: {FAULTS}; checks {FAULT_CHECKS}")
        command = response_pass_command(
            spec,
            emulator.base_url,
            report_dir,
            name="faults",
            max_examples=FAULT_EXAMPLES,
            seed=seed,
            phases=FAULT_PHASES,
        )
        codes.append(run_schemathesis(command, fetch_token(emulator).token, config))
        print("403 pass: a token the emulator forbids")
        command = response_pass_command(
            spec, emulator.base_url, report_dir, name="forbidden", max_examples=1, seed=seed
        )
        codes.append(run_schemathesis(command, forbidden, config))
        oversized = operations_documenting(spec, "431")
        if oversized:
            print(
                f"431 pass: a request head past the emulator's {settings.max_head_bytes} bytes ({len(oversized)} ops)"
            )
            command = response_pass_command(
                spec, emulator.base_url, report_dir, name="oversized", max_examples=1, seed=seed
            )
            command += [arg for op in oversized for arg in ("--include-operation-id", op)]
            command += ["-H", f"X-Padding: {'x' * settings.max_head_bytes}"]
            codes.append(run_schemathesis(command, fetch_token(emulator).token, config))
    names = ["faults", "forbidden", *(["oversized"] if oversized else [])]
    return max(codes), [report_dir / f"{name}.ndjson" for name in names]


def operations_documenting(spec: Path, status: str) -> list[str]:
    """The operationIds whose responses list ``status``."""
    return [
        str(operation["operationId"])
        for _, _, _, operation in operations(load_spec(spec))
        if status in (operation.get("responses") or {})
    ]


# Appended to a private copy of the project's settings: schemathesis reads the token from its environment.
AUTH_SECTION = f'\n[auth.openapi.bearerAuth]\nbearer = "${{{TOKEN_VARIABLE}}}"\n'


def run_schemathesis(command: Sequence[str], token: str, config: Path, *, hooks: Path | None = None) -> int:
    """Run schemathesis with the token in its environment: never on a command line, in a file or in the output.

    The project's settings hold no token (schemathesis's own command passes one with -H), so the run uses a
    copy of them with an auth section that names the variable. ``hooks``: a schemathesis hooks file to load.
    """
    env = {**os.environ, TOKEN_VARIABLE: token}
    if hooks is not None:
        env["SCHEMATHESIS_HOOKS"] = str(hooks)
    with tempfile.TemporaryDirectory(prefix="contract-") as scratch:
        settings = Path(scratch) / "schemathesis.toml"
        settings.write_text(config.read_text(encoding="utf-8") + AUTH_SECTION, encoding="utf-8")
        full = [command[0], "--config-file", str(settings), *command[1:]]
        return subprocess.run(full, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_project_argument(parser)
    parser.add_argument("--spec", type=Path, help="OpenAPI document (default: the project's)")
    parser.add_argument("--report-dir", type=Path, help="default: reports/contract in the project")
    parser.add_argument("--base-url", help="a live server; the emulator is started when left out")
    parser.add_argument(
        "--token-env", default="TOKEN", help="environment variable holding the live token (default: %(default)s)"
    )
    parser.add_argument("--max-examples", type=int, default=None, help="per operation (default: 100, live: 10)")
    parser.add_argument(
        "--rate-limit",
        default=LIVE_RATE_LIMIT,
        help="live runs: at most this many requests per second, minute or hour (N/s, N/m, N/h; default %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--no-generate", action="store_true", help="skip regenerating the client")
    args = parser.parse_args(argv)
    project = project_from(args)
    args.spec = args.spec or project.spec
    args.report_dir = args.report_dir or project.root / "reports" / "contract"

    started = time.monotonic()
    findings = speclint.lint_spec(args.spec)
    for finding in findings:
        print(finding)
    if findings:
        print(f"spec invalid: {len(findings)} finding(s); run `python -m tools.speclint` for the full lint")
        return 1
    print(f"spec valid (structure, examples, house style): {args.spec}")
    if not args.no_generate:
        print(f"client regenerated: {codegen.generate(args.spec, project.generated, project.overrides)}")
    args.report_dir.mkdir(parents=True, exist_ok=True)

    if args.base_url:
        token = os.environ.get(args.token_env, "")
        if not token:
            parser.error(f"a live run needs a token in ${args.token_env}")
        command = schemathesis_command(
            args.spec,
            args.base_url,
            args.report_dir,
            live=True,
            max_examples=args.max_examples or 10,
            seed=args.seed,
            rate_limit=args.rate_limit,
        )
        print(
            f"contract-testing {args.base_url} (live: positive data only, at most {args.rate_limit},"
            " pausing for every Retry-After)"
        )
        code = run_schemathesis(command, token, project.schemathesis_config, hooks=LIVE_HOOKS)
    else:
        with run_in_background(EmulatorConfig()) as emulator:
            command = schemathesis_command(
                args.spec,
                emulator.base_url,
                args.report_dir,
                live=False,
                max_examples=args.max_examples or 100,
                seed=args.seed,
            )
            print(f"contract-testing the emulator at {emulator.base_url} (all phases, all checks)")
            code = run_schemathesis(
                command, fetch_token(emulator).token, project.schemathesis_config, hooks=CONTRACT_HOOKS
            )
        stateful_names = [f"stateful-{index}" if index else "stateful" for index in range(STATEFUL_PASSES)]
        for index, name in enumerate(stateful_names):
            with run_in_background(EmulatorConfig()) as emulator:
                command = stateful_pass_command(
                    args.spec,
                    emulator.base_url,
                    args.report_dir,
                    max_examples=args.max_examples or 100,
                    seed=args.seed + index,
                    name=name,
                )
                print(f"stateful pass {index + 1} of {STATEFUL_PASSES} on a fresh emulator at {emulator.base_url}")
                code = code or run_schemathesis(
                    command, fetch_token(emulator).token, project.schemathesis_config, hooks=CONTRACT_HOOKS
                )
        passes_code, reports = response_passes(args.spec, args.report_dir, project.schemathesis_config, args.seed)
        code = code or passes_code
        stateful_streams = [args.report_dir / f"{name}.ndjson" for name in stateful_names]
        streams = [args.report_dir / "main.ndjson", *stateful_streams, *reports]
        covered = coverage.check(args.spec, streams, project.root / coverage.CONFIG_NAME, args.report_dir)
        code = code or covered
    elapsed = time.monotonic() - started
    verdict = "passed" if code == 0 else f"FAILED (schemathesis exit {code})"
    print(f"contract {verdict} in {elapsed:.0f}s")
    for report in sorted(args.report_dir.glob("*"), key=lambda path: path.stat().st_mtime)[-6:]:
        print(f"report: {report}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
