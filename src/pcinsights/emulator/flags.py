"""The emulator's command line, derived from the settings' field metadata: flags, PC_EMULATOR_* variables, help.

Each field of ``Listen`` and ``EmulatorConfig`` becomes ``--field-name`` (or the metadata's ``flag``) and
``PC_EMULATOR_FIELD_NAME``. A variable sets the default and the flag wins; switches read 1/true/yes/on, and
repeatable options read a comma-separated list. Values are checked by the settings' own validators.
"""

from __future__ import annotations

import argparse
import os
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from pcinsights.emulator.config import EmulatorConfig, Listen, Option, option_of

ENV_PREFIX = "PC_EMULATOR_"

EPILOG = """\
Every flag can also be set with the environment variable named after it (flags win).
Lists (tokens, hosts) in the environment are comma-separated.

examples:
  python -m pcinsights.emulator --port 9000 --customers 1000
  python -m pcinsights.emulator --fail-503 0.2 --rate-limit 50 --retry-after 2
  PC_EMULATOR_BOM=1 PC_EMULATOR_DROP_RATE=0.1 python -m pcinsights.emulator
  python -m pcinsights.emulator --accept-token test-token --forbid-token read-only
  python -m pcinsights.emulator --state reports.db --link-lifetime 600 --callback-host callbacks.internal
"""

SETTINGS: tuple[type[attrs.AttrsInstance], ...] = (Listen, EmulatorConfig)
_Settings = TypeVar("_Settings", bound=attrs.AttrsInstance)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wrap help text between words only, so no flag in an example is split at its hyphen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def flag_of(field: attrs.Attribute[Any]) -> str:
    return option_of(field).flag or "--" + field.name.replace("_", "-")


def env_of(field: attrs.Attribute[Any]) -> str:
    return ENV_PREFIX + flag_of(field).removeprefix("--").replace("-", "_").upper()


def _truthy(text: str) -> bool:
    return text.strip().lower() in {"1", "true", "yes", "on"}


def _items(text: str) -> list[str] | None:
    listed = [item.strip() for item in text.split(",") if item.strip()]
    return listed or None


def _shown(default: object) -> str:
    return f"{default:g}" if isinstance(default, float) else str(default)


def _parser_of(field: attrs.Attribute[Any], spec: Option) -> Callable[[str], object]:
    if spec.parse is not None:
        return spec.parse
    if type(field.default) in (int, float, str):
        return type(field.default)
    raise TypeError(f"setting {field.name!r} needs option(parse=...): its default says nothing about its type")


def _add(parser: argparse.ArgumentParser, field: attrs.Attribute[Any], env: Mapping[str, str]) -> None:
    """One option for one field; its default is the variable's value when set, else the field's default."""
    spec, flag, name = option_of(field), flag_of(field), env_of(field)
    given = env.get(name)
    if spec.repeat:
        parser.add_argument(
            flag,
            dest=field.name,
            action="append",
            default=None if given is None else _items(given),
            metavar=spec.metavar,
            help=f"{spec.help} [env {name}, comma-separated; e.g. {flag} {spec.example}]",
        )
    elif isinstance(field.default, bool):
        parser.add_argument(
            flag,
            dest=field.name,
            action="store_true",
            default=field.default if given is None else _truthy(given),
            help=f"{spec.help} [env {name}=1; default {'on' if field.default else 'off'}; e.g. {flag}]",
        )
    else:
        shown = spec.show(field.default) if spec.show else _shown(field.default)
        parser.add_argument(
            flag,
            dest=field.name,
            type=_parser_of(field, spec),
            metavar=flag.removeprefix("--").replace("-", "_").upper(),
            default=field.default if given is None else given,  # argparse parses a text default with ``type``
            help=f"{spec.help} [env {name}; default {shown}; e.g. {flag} {spec.example}]",
        )


def build_parser(environ: Mapping[str, str] | None = None) -> argparse.ArgumentParser:
    """The parser; defaults come from the PC_EMULATOR_* variables in ``environ`` (the process's by default)."""
    env = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(
        prog="python -m pcinsights.emulator",
        description="Serve a local Partner Center analytics emulator: one deterministic tenant,\n"
        "the spec's operations, and optional injected faults (on Partner Center's paths only).",
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    for settings in SETTINGS:
        for field in attrs.fields(settings):
            _add(parser, field, env)
    return parser


def _settings(kind: type[_Settings], args: argparse.Namespace) -> _Settings:
    """The settings the arguments make; a refused value is reported with its flag (``ValueError``)."""
    values = {field.name: getattr(args, field.name) for field in attrs.fields(kind)}
    for field in attrs.fields(kind):
        try:
            kind(**{field.name: values[field.name]})  # one field at a time, so the error names its flag
        except (TypeError, ValueError) as error:
            spec = option_of(field)
            shown = spec.show(values[field.name]) if spec.show else _shown(values[field.name])
            raise ValueError(f"argument {flag_of(field)}: {shown} is not allowed ({error})") from error
    return kind(**values)


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    return _settings(EmulatorConfig, args)


def parse(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> tuple[Listen, EmulatorConfig]:
    """Where to listen and what to serve; a value a setting refuses exits with usage, like a bad flag."""
    parser = build_parser(environ)
    args = parser.parse_args(argv)
    try:
        return _settings(Listen, args), config_from_args(args)
    except ValueError as error:
        parser.error(str(error))
