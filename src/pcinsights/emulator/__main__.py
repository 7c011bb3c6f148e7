"""``python -m pcinsights.emulator``: serve the emulator in the foreground until interrupted."""

from __future__ import annotations

import argparse
import os
import socket
import sys
import textwrap
from collections.abc import Callable, Sequence

import uvicorn

from pcinsights.emulator.app import create_app
from pcinsights.emulator.config import EmulatorConfig

ENV_PREFIX = "PC_EMULATOR_"

EPILOG = """\
Every flag can also be set with the environment variable named after it (flags win).
Token lists in the environment are comma-separated.

examples:
  python -m pcinsights.emulator --port 9000 --customers 1000
  python -m pcinsights.emulator --fail-503 0.2 --rate-limit 50 --retry-after 2
  PC_EMULATOR_BOM=1 PC_EMULATOR_DROP_RATE=0.1 python -m pcinsights.emulator
  python -m pcinsights.emulator --accept-token test-token --forbid-token read-only
"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wrap help text between words only, so no flag in an example is split at its hyphen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def fraction(text: str) -> float:
    """A share of requests, 0 to 1."""
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a fraction from 0 to 1")
    return value


def non_negative(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = kind(text)
        if value < 0:
            raise argparse.ArgumentTypeError(f"{text} is negative")
        return value

    parse.__name__ = kind.__name__
    return parse


def _env(flag: str) -> str:
    return ENV_PREFIX + flag.removeprefix("--").replace("-", "_").upper()


def _truthy(text: str) -> bool:
    return text.strip().lower() in {"1", "true", "yes", "on"}


def build_parser(environ: dict[str, str] | None = None) -> argparse.ArgumentParser:
    """The parser; defaults come from the PC_EMULATOR_* variables in ``environ`` (the process's by default)."""
    env = dict(os.environ if environ is None else environ)
    parser = argparse.ArgumentParser(
        prog="python -m pcinsights.emulator",
        description="Serve a local Partner Center analytics emulator: one deterministic tenant,\n"
        "the spec's five operations, and optional injected faults (on /v1 paths only).",
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )

    def option(flag: str, kind: Callable[[str], object], default: str, text: str, example: str) -> None:
        name = _env(flag)
        parser.add_argument(
            flag,
            type=kind,
            default=env.get(name, default),
            help=f"{text} [env {name}; default {default}; e.g. {flag} {example}]",
        )

    option("--host", str, "127.0.0.1", "interface to listen on", "0.0.0.0")
    option("--port", int, "8080", "port to listen on (0 picks a free one)", "9000")
    option("--seed", int, "42", "seed of the emulated tenant", "7")
    option("--customers", int, "40", "number of customers in the tenant (up to 100000 and more)", "1000")
    option("--latency-ms", non_negative(float), "0", "milliseconds added to every /v1 request", "50")
    option("--fail-429", fraction, "0", "fraction of /v1 requests answered 429 with Retry-After", "0.1")
    option("--fail-500", fraction, "0", "fraction of /v1 requests answered 500", "0.05")
    option("--fail-503", fraction, "0", "fraction of /v1 requests answered 503 with Retry-After", "0.2")
    option("--rate-limit", non_negative(float), "0", "requests/second allowed per bearer token, 0 = off", "50")
    option("--retry-after", non_negative(int), "1", "Retry-After seconds sent with injected 429 and 503", "2")
    bom_env = _env("--bom")
    parser.add_argument(
        "--bom",
        action="store_true",
        default=_truthy(env.get(bom_env, "")),
        help=f"prefix every JSON body with a UTF-8 byte-order mark [env {bom_env}=1; default off; e.g. --bom]",
    )
    option("--drop-rate", fraction, "0", "fraction of /v1 responses cut off after half the body", "0.1")
    option("--html-rate", fraction, "0", "fraction of /v1 requests answered with an HTML error page", "0.1")
    option("--html-status", int, "502", "status of the HTML error page", "504")
    for flag, text, example in (
        ("--accept-token", "accept only these bearer tokens (repeatable; default: any well-formed one)", "test-token"),
        ("--forbid-token", "answer 403 to these bearer tokens (repeatable)", "read-only"),
    ):
        name = _env(flag)
        parser.add_argument(
            flag,
            action="append",
            default=None,
            metavar="TOKEN",
            help=f"{text} [env {name}, comma-separated; e.g. {flag} {example}]",
        )
        parser.set_defaults(**{f"{flag[2:].replace('-', '_')}_env": env.get(name, "")})
    return parser


def _tokens(given: list[str] | None, from_env: str) -> frozenset[str] | None:
    if given:
        return frozenset(given)
    listed = [token.strip() for token in from_env.split(",") if token.strip()]
    return frozenset(listed) if listed else None


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    return EmulatorConfig(
        seed=args.seed,
        customers=args.customers,
        latency=args.latency_ms / 1000.0,
        fail_429=args.fail_429,
        fail_500=args.fail_500,
        fail_503=args.fail_503,
        rate_limit=args.rate_limit,
        retry_after=args.retry_after,
        bom=args.bom,
        drop_rate=args.drop_rate,
        html_rate=args.html_rate,
        html_status=args.html_status,
        accepted_tokens=_tokens(args.accept_token, args.accept_token_env),
        forbidden_tokens=_tokens(args.forbid_token, args.forbid_token_env) or frozenset(),
    )


def parse(
    argv: Sequence[str] | None = None, environ: dict[str, str] | None = None
) -> tuple[argparse.Namespace, EmulatorConfig]:
    """The arguments and the config they make; a value the config refuses exits with usage, like a bad flag."""
    parser = build_parser(environ)
    args = parser.parse_args(argv)
    try:
        return args, config_from_args(args)
    except ValueError as error:
        parser.error(str(error))


def main(argv: Sequence[str] | None = None) -> int:
    args, config = parse(argv)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # IPPROTO_TCP: see server._bind
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as error:
        sock.close()
        print(f"cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    host, port = sock.getsockname()[:2]
    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level="warning", access_log=False, lifespan="off"))
    print(f"Partner Center emulator on http://{host}:{port} (seed {config.seed}, {config.customers} customers)")
    sys.stdout.flush()
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
