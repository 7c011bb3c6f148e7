"""The reports' clock: the wall clock plus an offset that only moves forward, kept in the store.

Scheduled runs fall due on it, links expire by it and StartTime's 4-hour rule is judged by it, so a test can move
a run due in 4 hours into the past with ``POST /_emulator/clock`` instead of waiting. Tokens keep the wall clock.
Timestamps go out as ``yyyy-MM-ddTHH:mm:ssZ`` and come in as any RFC 3339 date-time (``parse_time``).
"""

from __future__ import annotations

import datetime
import math
import re
import threading
from collections.abc import Callable
from typing import Protocol

MAX_OFFSET = 100 * 365 * 86400.0  # a century ahead: far enough for any test, safely inside datetime's range
_RFC3339 = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*([Zz]|[+-]\d{2}:?\d{2})?")


class OffsetStore(Protocol):
    """Where the offset lives (the reports store), so a restarted emulator's clock goes on where it was."""

    def clock_offset(self) -> float: ...

    def set_clock_offset(self, seconds: float) -> None: ...


class ClockError(ValueError):
    """A clock move that is refused (backwards, not a number, or beyond the offset's range)."""


class ReportClock:
    """Emulator time in Unix seconds: ``wall_clock() + offset``; ``advance`` moves the offset forward."""

    def __init__(self, wall_clock: Callable[[], float], store: OffsetStore) -> None:
        self._wall = wall_clock
        self._store = store
        self._lock = threading.Lock()
        self._offset = store.clock_offset()
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> float:
        return self._wall() + self._offset

    def on_advance(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every advance (the scheduler wakes up to run what fell due)."""
        self._listeners.append(listener)

    def advance(self, seconds: object) -> float:
        """Move forward by ``seconds`` (stored before it answers); the new now."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
            raise ClockError("advance must be a number of seconds")
        if seconds < 0:
            raise ClockError("the clock only moves forward: advance must not be negative")
        assert isinstance(seconds, int | float)  # for mypy: refused above otherwise
        with self._lock:
            if self._offset + seconds > MAX_OFFSET:
                raise ClockError(f"the clock can be moved at most {MAX_OFFSET:.0f} seconds ahead in all")
            self._offset += float(seconds)
            self._store.set_clock_offset(self._offset)
        for listener in self._listeners:
            listener()
        return self.now()

    def reset(self) -> None:
        """Back to the wall clock (the store's reset clears the stored offset)."""
        with self._lock:
            self._offset = 0.0


def format_time(seconds: float) -> str:
    """``yyyy-MM-ddTHH:mm:ssZ``, as Partner Center writes timestamps."""
    moment = datetime.datetime.fromtimestamp(math.floor(seconds), datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def to_datetime(seconds: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)


def parse_time(text: str) -> float | None:
    """Unix seconds of an RFC 3339 date-time (also with a space for ``T``, as the samples send it; no offset is
    taken as UTC, as the docs say every time is); None when ``text`` is not one."""
    match = _RFC3339.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        moment = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    except ValueError:
        return None
    offset = 0
    if zone and zone not in ("Z", "z"):
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            return None
        offset = (1 if zone[0] == "+" else -1) * (hours * 3600 + minutes * 60)
    stamp = moment.replace(tzinfo=datetime.UTC).timestamp() - offset
    return stamp + (float(f"0.{fraction}") if fraction else 0.0)
