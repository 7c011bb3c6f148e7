"""Counters of what the emulator answered, readable by tests and benchmarks while it runs."""

from __future__ import annotations

import attrs


@attrs.define
class EmulatorStats:
    """Request counts: every request, by status sent, faults injected by kind, and full 2xx answers per path.

    Updated only from the server's event loop; other threads may read it at any time.
    """

    requests: int = 0
    by_status: dict[int, int] = attrs.field(factory=dict)
    faults: dict[str, int] = attrs.field(factory=dict)
    served: dict[str, int] = attrs.field(factory=dict)

    def snapshot(self) -> EmulatorStats:
        """A copy that holds still while the server keeps counting (safe to iterate from another thread)."""
        return EmulatorStats(self.requests, dict(self.by_status), dict(self.faults), dict(self.served))

    def count_status(self, status: int) -> None:
        self.by_status[status] = self.by_status.get(status, 0) + 1

    def count_fault(self, kind: str) -> None:
        self.faults[kind] = self.faults.get(kind, 0) + 1

    def count_served(self, path: str) -> None:
        self.served[path] = self.served.get(path, 0) + 1
