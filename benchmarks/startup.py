"""Tooling start-up costs: ``make generate`` wall time and the generated package's cold import time."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from figures import Figure

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PACKAGE_IMPORT = "import partner_center_analytics"
FULL_IMPORT = (
    "import partner_center_analytics.models;"
    "from partner_center_analytics.api.analytics import get_partner_licenses_deployment,"
    " get_partner_licenses_usage, get_customer_licenses_deployment, get_customer_licenses_usage;"
    "from partner_center_analytics.api.customers import list_customers"
)
BASELINE_IMPORT = "import httpx, attrs"


def _wall(command: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def generate(repeats: int) -> Figure:
    """Time the codegen pipeline into a scratch folder, against the generator's bare start-up."""
    runs: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory(prefix="pc-bench-gen-") as scratch:
        output = Path(scratch) / "partner-center-analytics-client"
        for _ in range(repeats):
            baseline.append(_wall([str(GENERATOR), "--version"]))
            runs.append(_wall([sys.executable, "-m", "tools.codegen", "--output", str(output)]))
    subject, base = statistics.median(runs), statistics.median(baseline)
    return Figure(
        "make generate",
        f"python -m tools.codegen {subject:.2f} s",
        f"openapi-python-client --version {base:.2f} s",
        subject / base,
        detail=f"median of {repeats}, into a temp folder; generator, runtime copy and ruff included",
    )


def imports(repeats: int) -> list[Figure]:
    """Fresh interpreters importing the package vs its own dependencies, bytecode cached for both.

    The bytecode goes to a scratch PYTHONPYCACHEPREFIX so neither side is charged for compiling
    and nothing is written into the source tree.
    """
    statements = {"package": PACKAGE_IMPORT, "full": FULL_IMPORT, "baseline": BASELINE_IMPORT, "bare": "pass"}
    samples: dict[str, list[float]] = {name: [] for name in statements}
    with tempfile.TemporaryDirectory(prefix="pc-bench-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for round_ in range(repeats + 1):  # round 0 fills the bytecode cache
            order = list(statements.items()) if round_ % 2 else list(reversed(statements.items()))
            for name, statement in order:
                elapsed = _wall([sys.executable, "-c", statement], env)
                if round_:
                    samples[name].append(elapsed)
    package, full, base, bare = (statistics.median(samples[name]) * 1000 for name in statements)
    detail = (
        f"fresh interpreter, wall clock incl. start-up ({bare:.0f} ms for python -c pass), bytecode cached, "
        f"median of {repeats}"
    )
    return [
        Figure(
            "cold import",
            f"import partner_center_analytics {package:.0f} ms",
            f"import httpx, attrs {base:.0f} ms",
            package / base,
            detail=detail,
        ),
        Figure(
            "cold import (all operations)",
            f"models + 5 operation modules {full:.0f} ms",
            f"import httpx, attrs {base:.0f} ms",
            full / base,
            detail=detail,
        ),
    ]
