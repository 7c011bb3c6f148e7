"""Paired timing: a subject and its baseline timed back to back in every round, the order alternating.

On a shared machine the speed changes from second to second (other jobs, CPU frequency), so totals taken
apart swing by a third between runs; two sides timed next to each other see the same machine. Each round
gives one ratio, and the figure is the median of those ratios, with their spread (lowest to highest) stated.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Batch = Callable[[], float]  # runs one round's work for one side and returns its duration in seconds


@dataclass(frozen=True)
class Paired:
    """Per-round durations of both sides (seconds) and the figure drawn from them."""

    subject: list[float]
    baseline: list[float]

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.subject, self.baseline, strict=True)]

    @property
    def ratio(self) -> float:
        """The median of the per-round ratios (not the ratio of medians: a slow round slows both sides)."""
        return statistics.median(self.ratios)

    @property
    def subject_s(self) -> float:
        return statistics.median(self.subject)

    @property
    def baseline_s(self) -> float:
        return statistics.median(self.baseline)

    def spread(self) -> str:
        ratios = self.ratios
        return f"median of {len(ratios)} paired rounds, ratios {min(ratios):.2f}-{max(ratios):.2f}"


def paired(rounds: int, subject: Batch, baseline: Batch, warmup: int = 1) -> Paired:
    """Time ``subject`` and ``baseline`` back to back ``rounds`` times, alternating which goes first."""
    for _ in range(warmup):
        subject()
        baseline()
    a: list[float] = []
    b: list[float] = []
    for round_ in range(rounds):
        if round_ % 2:
            gc.collect()
            b.append(baseline())
            gc.collect()
            a.append(subject())
        else:
            gc.collect()
            a.append(subject())
            gc.collect()
            b.append(baseline())
    return Paired(a, b)


def batch(call: Callable[[], object], times: int = 1) -> Batch:
    """A side that calls ``call`` ``times`` times in a row."""

    def run() -> float:
        start = time.perf_counter()
        for _ in range(times):
            call()
        return time.perf_counter() - start

    return run


def async_batch(runner: asyncio.Runner, call: Callable[[], Awaitable[object]], times: int) -> Batch:
    """A side that awaits ``call()`` ``times`` times in a row on ``runner``'s loop, timed inside the loop."""

    async def calls() -> float:
        start = time.perf_counter()
        for _ in range(times):
            await call()
        return time.perf_counter() - start

    return lambda: runner.run(calls())
