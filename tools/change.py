"""One difference between two versions of the contract, as every diff reports it."""

from __future__ import annotations

import attrs


@attrs.frozen
class Change:
    """One difference, in the spec or in the generated Python API.

    ``kind``, ``where`` and ``detail`` identify it; ``pointer`` (the JSON pointer of the spec location, or the
    Python path) and ``impact`` (what a caller would see) explain the verdict and take no part in equality.
    """

    kind: str
    where: str
    detail: str = ""
    breaking: bool = True
    pointer: str = attrs.field(default="", eq=False)
    impact: str = attrs.field(default="", eq=False)

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "ok"
        line = f"  {label:<9} {self.kind}: {self.where}" + (f"  [{self.detail}]" if self.detail else "")
        notes = [f"at {self.pointer}" if self.pointer else "", self.impact]
        note = " — ".join(part for part in notes if part)
        return line + (f"\n            {note}" if note else "")
