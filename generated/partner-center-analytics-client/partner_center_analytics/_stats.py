# Copied from overrides/runtime/_stats.py by `make generate`; edit it there.
"""What one client has seen: requests and retries (the retrying transport counts them) and what its responses held
that the spec does not describe (decoding counts that)."""

from __future__ import annotations

import threading


class ClientStats:
    """Counters of one client: ``requests`` sent over the wire (every attempt) and how many of them were ``retries``;
    what its responses held that the spec does not describe: ``unknown_fields`` counts by (model, field) and
    ``unknown_values`` of open enums (and date-times it could not read) by (model, field, value), each logged once
    at INFO when first seen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.retries = 0
        self.unknown_fields: dict[tuple[str, str], int] = {}
        self.unknown_values: dict[tuple[str, str, str], int] = {}

    def count(self, *, retry: bool) -> None:
        with self.lock:
            self.requests += 1
            if retry:
                self.retries += 1

    def __repr__(self) -> str:
        return f"ClientStats(requests={self.requests}, retries={self.retries})"


__all__ = ["ClientStats"]
