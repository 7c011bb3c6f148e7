"""A big world (1,000,000 customers in the full run) must not freeze the emulator: issue 12 found the first partner
call scanning for 14 s on the event loop, with even ``/openapi.json`` waiting 13 s.

The emulator process builds the aggregates at start-up, in a thread; from the moment it answers, this process
makes the first partner call and, while that waits for the build, polls ``/openapi.json`` one request after the
other. The build itself is timed here too (the same ``World.prepare``, in this process, after the server is gone).
"""

from __future__ import annotations

import statistics
import threading
import time

import httpx
from emulator_process import token_for
from figures import Figure, Goal, ms

from pcinsights.emulator.world import World

PARTNER = "/v1/analytics/licenses/deployment"
# The first call waits for the start-up build, never for a second one of its own.
FIRST_CALL = Goal("<=", 1.5)
# A request made during the build waits a small share of it (before: all of it, ratio about 1).
DURING_BUILD = Goal("<", 0.05)


def measure(base_url: str) -> tuple[float, list[float]]:
    """The first partner call's seconds, and the latencies of the /openapi.json requests made meanwhile (at least
    one); call as soon as the emulator answers."""
    headers = {"Authorization": f"Bearer {token_for(base_url)}"}
    done = threading.Event()
    first: list[float] = []

    def call() -> None:
        start = time.perf_counter()
        try:
            httpx.get(base_url + PARTNER, headers=headers, timeout=600.0).raise_for_status()
            first.append(time.perf_counter() - start)
        finally:
            done.set()

    polls: list[float] = []
    caller = threading.Thread(target=call, name="first-partner-call")
    with httpx.Client(base_url=base_url, timeout=600.0) as client:
        caller.start()
        while not polls or not done.is_set():
            start = time.perf_counter()
            client.get("/openapi.json").raise_for_status()
            polls.append(time.perf_counter() - start)
            time.sleep(0.02)
    caller.join()
    if not first:
        raise RuntimeError("the first partner call failed")
    return first[0], polls


def _build_seconds(customers: int) -> float:
    start = time.perf_counter()
    World(42, customers).prepare()
    return time.perf_counter() - start


def figures(customers: int, first_call: float, polls: list[float]) -> list[Figure]:
    """The two figures; the build is timed here, so call once the emulator process has stopped."""
    build = _build_seconds(customers)
    worst = max(polls)
    return [
        Figure(
            "emulator big world first call",
            f"first partner call {first_call:.1f} s",
            f"build {build:.1f} s",
            first_call / build,
            FIRST_CALL,
            detail=f"{customers:,} customers; build {build:.1f} s, {build / customers * 1e6:.1f} us a customer",
        ),
        Figure(
            "emulator big world /openapi.json during the build",
            f"slowest {ms(worst * 1000.0)}",
            f"first call {first_call:.1f} s",
            worst / first_call,
            DURING_BUILD,
            detail=f"{len(polls)} requests, median {ms(statistics.median(polls) * 1000.0)}",
        ),
    ]
