"""Drift: recorded traffic (HAR 1.2) against the spec (``python -m tools.drift TRAFFIC.har``; ``cli`` says how).

The checker is ``check``, Redocly's second opinion ``second_opinion``, drift.toml ``accepted``, the command ``cli``.
"""

from pcinsights.spec.drift import Checker, Finding, find_drift, infer_schema
from tools.drift.accepted import Acceptance, DriftConfigError, load_acceptances
from tools.drift.cli import main

__all__ = [
    "Acceptance",
    "Checker",
    "DriftConfigError",
    "Finding",
    "find_drift",
    "infer_schema",
    "load_acceptances",
    "main",
]
