"""What the tests share: the checkout they test."""

from __future__ import annotations

from pathlib import Path

from tools.project import Project

PROJECT = Project.find(Path(__file__).parent)
SPEC_PATH = PROJECT.spec
GENERATED_PROJECT_DIR = PROJECT.generated
