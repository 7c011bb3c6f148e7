"""The main job: validate the spec, regenerate the client, and contract-test the spec with schemathesis.

Against the emulator (the default) every phase and every check runs, including negative data, with an App+User
token from the emulator's own token endpoint (so made-up credentials get the 401 they would in Partner Center).
Against a live tenant (``--base-url``) only positive data is sent, at a gentle rate, so a real
Partner Center is never fuzzed with junk.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pcinsights.emulator import EmulatorConfig, run_in_background
from pcinsights.emulator.auth import fetch_token
from tools import codegen, speclint
from tools.project import add_project_argument, project_from

TOKEN_VARIABLE = "PCINSIGHTS_CONTRACT_TOKEN"
ALL_PHASES = "examples,coverage,fuzzing,stateful"
LIVE_PHASES = "examples,coverage,fuzzing"
LIVE_RATE_LIMIT = "60/m"
# Checks that send other methods or junk; never pointed at a real tenant.
LIVE_EXCLUDED_CHECKS = "unsupported_method,negative_data_rejection"


def schemathesis_command(
    spec: Path, base_url: str, report_dir: Path, *, live: bool, max_examples: int, seed: int
) -> list[str]:
    """The ``schemathesis run`` command line, without the auth header."""
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        str(spec),
        "--url",
        base_url,
        "--checks",
        "all",
        "--continue-on-failure",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--report",
        "junit,ndjson",
        "--report-dir",
        str(report_dir),
        "--output-sanitize",
        "true",
    ]
    if live:
        command += [
            "--phases",
            LIVE_PHASES,
            "--mode",
            "positive",
            "--exclude-checks",
            LIVE_EXCLUDED_CHECKS,
            "--rate-limit",
            LIVE_RATE_LIMIT,
        ]
    else:
        command += ["--phases", ALL_PHASES]
    return command


# Appended to a private copy of the project's settings: schemathesis reads the token from its environment.
AUTH_SECTION = f'\n[auth.openapi.bearerAuth]\nbearer = "${{{TOKEN_VARIABLE}}}"\n'


def run_schemathesis(command: Sequence[str], token: str, config: Path) -> int:
    """Run schemathesis with the token in its environment: never on a command line, in a file or in the output.

    The project's settings hold no token (schemathesis's own command passes one with -H), so the run uses a
    copy of them with an auth section that names the variable.
    """
    env = {**os.environ, TOKEN_VARIABLE: token}
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
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--no-generate", action="store_true", help="skip regenerating the client")
    args = parser.parse_args(argv)
    project = project_from(args)
    args.spec = args.spec or project.spec
    args.report_dir = args.report_dir or project.root / "reports" / "contract"

    started = time.monotonic()
    findings = speclint.check_spec(args.spec)
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
            args.spec, args.base_url, args.report_dir, live=True, max_examples=args.max_examples or 10, seed=args.seed
        )
        print(f"contract-testing {args.base_url} (live: positive data only, {LIVE_RATE_LIMIT})")
        code = run_schemathesis(command, token, project.schemathesis_config)
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
            code = run_schemathesis(command, fetch_token(emulator).token, project.schemathesis_config)
    elapsed = time.monotonic() - started
    verdict = "passed" if code == 0 else f"FAILED (schemathesis exit {code})"
    print(f"contract {verdict} in {elapsed:.0f}s")
    for report in sorted(args.report_dir.glob("*"), key=lambda path: path.stat().st_mtime)[-2:]:
        print(f"report: {report}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
