"""Where a checkout keeps its hand-written inputs and generated output, found from the working directory."""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs

SPEC_FILE = "openapi/partner-center-analytics.yaml"
PROJECT_NAME = "partner-center-analytics-client"
PACKAGE_NAME = "partner_center_analytics"


class ProjectNotFoundError(Exception):
    """No checkout holds the working directory (or the given folder)."""


@attrs.frozen
class Project:
    """One checkout: every path a tool reads or writes hangs off its root."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The checkout holding ``start`` (default: the working directory): the nearest folder with the spec."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / SPEC_FILE).is_file():
                return cls(folder)
        raise ProjectNotFoundError(f"no {SPEC_FILE} in {here} or any folder above it (pass --project)")

    @property
    def spec(self) -> Path:
        return self.root / SPEC_FILE

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def generated(self) -> Path:
        return self.root / "generated" / PROJECT_NAME

    @property
    def schemathesis_config(self) -> Path:
        return self.root / "schemathesis.toml"

    @property
    def redocly_config(self) -> Path:
        return self.root / "redocly.yaml"

    @property
    def changelog(self) -> Path:
        return self.root / "CHANGELOG.md"


def add_project_argument(parser: argparse.ArgumentParser) -> None:
    """``--project DIR``: the checkout to act on (default: the one holding the working directory)."""
    parser.add_argument(
        "--project",
        type=lambda value: Project.find(Path(value)),
        default=None,
        help="checkout to act on (default: the one holding the working directory)",
    )


def project_from(args: argparse.Namespace) -> Project:
    """The ``--project`` given, else the checkout holding the working directory."""
    project: Project | None = args.project
    return project if project is not None else Project.find()
