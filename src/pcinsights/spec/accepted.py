"""drift.toml: the drift the project knows about and accepts for now, each with its reason (make drift, the proxy)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path
from typing import Any

import attrs

from pcinsights.spec.drift import Finding


@attrs.frozen
class Acceptance:
    """Drift the project knows about and accepts for now, with the reason (from drift.toml)."""

    kind: str
    reason: str
    operation: str = "*"
    location: str = "*"
    value: Any = None

    def covers(self, finding: Finding) -> bool:
        return (
            finding.kind == self.kind
            and fnmatch.fnmatchcase(finding.operation, self.operation)
            and fnmatch.fnmatchcase(finding.location, self.location)
            and (self.value is None or finding.example == self.value)
        )


class DriftConfigError(Exception):
    """drift.toml is malformed (a list of [[accept]] tables, each with a kind and a reason)."""


def load_acceptances(path: Path) -> list[Acceptance]:
    """The ``[[accept]]`` entries of ``path`` (none when it does not exist)."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DriftConfigError(f"{path}: {error}") from None
    entries = data.get("accept", [])
    if not isinstance(entries, list):
        raise DriftConfigError(f"{path}: 'accept' must be a list of [[accept]] tables")
    accepted = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("kind") or not str(entry.get("reason", "")).strip():
            raise DriftConfigError(f"{path}: accept[{index}] needs a kind and a reason")
        unknown = set(entry) - {"kind", "reason", "operation", "location", "value"}
        if unknown:
            raise DriftConfigError(f"{path}: accept[{index}] has unknown keys {sorted(unknown)}")
        accepted.append(Acceptance(**{key: entry[key] for key in entry}))
    return accepted
