"""Where the repository keeps its hand-written inputs and generated output."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "openapi" / "partner-center-analytics.yaml"
OVERRIDES_DIR = REPO_ROOT / "overrides"
GENERATED_DIR = REPO_ROOT / "generated"
PROJECT_NAME = "partner-center-analytics-client"
PACKAGE_NAME = "partner_center_analytics"
GENERATED_PROJECT_DIR = GENERATED_DIR / PROJECT_NAME
