"""One printed line per measured figure: the subject, its in-run baseline, their ratio and the goal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Goal:
    """A bound on the ratio; benchmarks report a miss, they never fail on one."""

    op: Literal["<=", ">=", "<"]
    bound: float

    def met(self, ratio: float) -> bool:
        if self.op == "<=":
            return ratio <= self.bound
        if self.op == ">=":
            return ratio >= self.bound
        return ratio < self.bound


@dataclass(frozen=True)
class Figure:
    """``ratio`` is always subject / baseline, in the unit both are printed in."""

    name: str
    subject: str
    baseline: str
    ratio: float
    goal: Goal | None = None
    also_required: bool = True  # a further condition of the goal, explained in ``detail``
    detail: str = ""

    def line(self) -> str:
        text = f"{self.name}: {self.subject} vs {self.baseline}  ratio {self.ratio:.2f}"
        if self.goal is None:
            text += "  goal none (reported)"
        else:
            verdict = "ok" if self.goal.met(self.ratio) and self.also_required else "missed"
            text += f"  goal {self.goal.op} {self.goal.bound:.2f}  {verdict}"
        return f"{text}  [{self.detail}]" if self.detail else text


def ms(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"
