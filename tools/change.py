"""One difference between two versions of the contract, as every diff reports it."""

from __future__ import annotations

import attrs


@attrs.frozen
class Change:
    """One difference, in the spec or in the generated Python API."""

    kind: str
    where: str
    detail: str = ""
    breaking: bool = True

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "ok"
        return f"  {label:<9} {self.kind}: {self.where}" + (f"  [{self.detail}]" if self.detail else "")
