"""The ``pcinsights`` console script (``pcinsights --help``)."""

from pcinsights.cli.app import app

__all__ = ["app"]
