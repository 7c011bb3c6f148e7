"""Drift: recorded traffic (HAR 1.2) against the spec (``python -m tools.drift TRAFFIC.har``; ``cli`` says how).

The checker (``pcinsights.spec.drift``) and drift.toml (``pcinsights.spec.accepted``) ship in the package, for the
proxy too; Redocly's second opinion is ``second_opinion``, the command ``cli``.
"""

from pcinsights.spec.accepted import Acceptance, DriftConfigError, load_acceptances
from pcinsights.spec.drift import Checker, Finding, find_drift, infer_schema
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
