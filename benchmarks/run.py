"""Measure the toolkit against baselines taken in the same run and print one line per figure.

Each line: the subject, its baseline, ratio = subject / baseline, the goal and ``ok`` or ``missed``.
A missed goal is reported, never turned into a failing exit status: benchmarks report, tests gate.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import client_memory
import commercial_decode
import commercial_pages
import decode
import emulator_bigworld
import fanout_wall
import grouped_vs_fanout
import overhead
import report_e2e
import report_rows
import startup
from emulator_process import emulator_process
from figures import Figure


@dataclass(frozen=True)
class Sizes:
    overhead_rounds: int
    overhead_calls: int
    decode_items: int
    decode_rounds: int
    fanout: fanout_wall.Scenario
    generate_repeats: int
    import_repeats: int
    commercial_customers: int
    grouped: grouped_vs_fanout.Setup
    page_decode_rows: int
    page_decode_rounds: int
    bigworld_customers: int
    client_memory: client_memory.Setup
    report_rows: report_rows.Setup
    report_e2e: report_e2e.Setup


FULL = Sizes(
    overhead_rounds=21,
    overhead_calls=50,
    decode_items=50_000,
    decode_rounds=9,
    fanout=fanout_wall.Scenario(
        customers=1000, latency_ms=50, rate_limit=100, concurrency=32, page_size=500, sequential_sample=60
    ),
    generate_repeats=3,
    import_repeats=8,
    commercial_customers=100_000,
    grouped=grouped_vs_fanout.Setup(customers=1000),
    page_decode_rows=10_000,
    page_decode_rounds=15,
    bigworld_customers=1_000_000,
    client_memory=client_memory.Setup(),
    report_rows=report_rows.Setup(),
    report_e2e=report_e2e.Setup(),
)
QUICK = Sizes(
    overhead_rounds=3,
    overhead_calls=5,
    decode_items=200,
    decode_rounds=3,
    fanout=fanout_wall.Scenario(
        customers=50, latency_ms=50, rate_limit=100, concurrency=8, page_size=20, sequential_sample=5
    ),
    generate_repeats=1,
    import_repeats=2,
    commercial_customers=10_000,
    grouped=grouped_vs_fanout.Setup(customers=30, target=2000),
    page_decode_rows=500,
    page_decode_rounds=3,
    bigworld_customers=20_000,
    client_memory=client_memory.Setup(body_mb=5, bomb_mib=64, limit_mib=4),
    report_rows=report_rows.Setup(rate_rows=20_000, rounds=1, memory_rows=(2_000, 20_000)),
    report_e2e=report_e2e.Setup(customers=100, rows=2_000, small_rows=200, rounds=1),
)


def _overhead(sizes: Sizes) -> list[Figure]:
    with emulator_process() as base_url:
        return overhead.run(base_url, sizes.overhead_rounds, sizes.overhead_calls)


def _decode(sizes: Sizes) -> list[Figure]:
    return decode.run(sizes.decode_items, sizes.decode_rounds)


def _fanout(sizes: Sizes) -> list[Figure]:
    scenario = sizes.fanout
    flags = (
        f"--customers={scenario.customers}",
        f"--latency-ms={scenario.latency_ms:g}",
        f"--rate-limit={scenario.rate_limit:g}",
    )
    with emulator_process(*flags) as base_url:
        return fanout_wall.run(base_url, scenario)


def _generate(sizes: Sizes) -> list[Figure]:
    return [startup.generate(sizes.generate_repeats)]


def _import(sizes: Sizes) -> list[Figure]:
    return startup.imports(sizes.import_repeats)


def _commercial(sizes: Sizes) -> list[Figure]:
    with emulator_process(f"--customers={sizes.commercial_customers}") as base_url:
        return commercial_pages.run(base_url, sizes.commercial_customers)


def _bigworld(sizes: Sizes) -> list[Figure]:
    with emulator_process(f"--customers={sizes.bigworld_customers}") as base_url:
        first_call, polls = emulator_bigworld.measure(base_url)
    return emulator_bigworld.figures(sizes.bigworld_customers, first_call, polls)


def _grouped(sizes: Sizes) -> list[Figure]:
    return grouped_vs_fanout.run(sizes.grouped)


def _page_decode(sizes: Sizes) -> list[Figure]:
    return commercial_decode.run(sizes.page_decode_rows, sizes.page_decode_rounds)


BENCHMARKS: dict[str, Callable[[Sizes], list[Figure]]] = {
    "overhead": _overhead,
    "decode": _decode,
    "fanout": _fanout,
    "generate": _generate,
    "import": _import,
    "commercial": _commercial,
    "grouped": _grouped,
    "page-decode": _page_decode,
    "bigworld": _bigworld,
    "client-memory": lambda sizes: client_memory.run(sizes.client_memory),
    "report-rows": lambda sizes: report_rows.run(sizes.report_rows),
    "report-e2e": lambda sizes: report_e2e.run(sizes.report_e2e),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few iterations (for tests)")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="run only this (repeatable)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    selected = args.only or list(BENCHMARKS)
    print(
        f"# pcinsights benchmarks ({'quick' if args.quick else 'full'}): Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}, load average {os.getloadavg()[0]:.1f}; "
        "ratio = subject / baseline",
        flush=True,
    )
    started = time.perf_counter()
    for name in selected:
        for figure in BENCHMARKS[name](sizes):
            print(figure.line(), flush=True)
    print(f"# done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
