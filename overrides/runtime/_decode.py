"""Checks and conversions the generated ``from_dict`` methods call for values that need more than a type test.

A value of the wrong type raises TypeError or ValueError naming the field, never echoing the value;
the operations turn those into ``UnexpectedResponseError``.

Unknown fields and unknown values of open enums are kept (the app is not broken by Partner Center adding
them) and reported to the ``ClientStats`` of the call decoding them, so an app sees the API drift without
capturing traffic. The report costs nothing on the common path: it is reached only when there is something new.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

if TYPE_CHECKING:
    from ._stats import ClientStats

logger = logging.getLogger("partner_center_analytics")

# The stats of the call decoding right now (set around one response's from_dict); None outside a call.
_DECODING_FOR: ContextVar[ClientStats | None] = ContextVar("partner_center_analytics_decoding_for", default=None)
# A hostile server could send endless new names or values: past this many distinct ones, new ones are not kept.
MAX_UNKNOWN_KEYS = 1000
# An unknown enum value is kept (and logged) cut to this many characters.
MAX_VALUE_CHARS = 80


@contextmanager
def reporting_to(stats: ClientStats) -> Iterator[None]:
    """Unknown fields and enum values decoded inside the block are counted in ``stats``."""
    token = _DECODING_FOR.set(stats)
    try:
        yield
    finally:
        _DECODING_FOR.reset(token)


def note_unknown_fields(model: str, names: Iterable[str]) -> None:
    """``model`` was decoded from an object with fields the spec does not give it."""
    stats = _DECODING_FOR.get()
    if stats is not None:
        for name in names:
            _count(stats.unknown_fields, (model, name), stats, "field %s.%s", (model, name))


def note_unknown_value(model: str, field: str, value: str) -> None:
    """``model.field`` held a value the spec does not list (an open enum) or that its client cannot read (kept)."""
    stats = _DECODING_FOR.get()
    if stats is not None:
        value = value[:MAX_VALUE_CHARS]
        _count(stats.unknown_values, (model, field, value), stats, "value %s.%s = %r", (model, field, value))


def _count(table: dict[Any, int], key: tuple[str, ...], stats: ClientStats, what: str, args: tuple[str, ...]) -> None:
    with stats.lock:
        seen = table.get(key)
        if seen is None and len(table) >= MAX_UNKNOWN_KEYS:
            return
        table[key] = (seen or 0) + 1
    if seen is None:
        logger.info("Partner Center sent an unknown " + what + " (not in the spec; kept)", *args)


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "an integer"}


def wrong_type(name: str, expected: str, value: Any) -> TypeError:
    """The error for a field whose JSON type is not the one the spec gives."""
    got = "null" if value is None else _JSON_TYPES.get(type(value), "a number" if type(value) is float else "a value")
    return TypeError(f"{name}: expected {expected}, got {got}")


def as_float(name: str, value: Any) -> float:
    """A JSON number as float: Partner Center may send ``1`` where the spec says double."""
    if type(value) is int:
        return float(value)
    if isinstance(value, float):
        return value
    raise wrong_type(name, "a number", value)


def parse_datetime(name: str, value: Any) -> datetime.datetime:
    """An ISO 8601 date-time: ``Z`` or an offset or neither, 0 to 7 (or more) fractional digits, any letter case."""
    if not isinstance(value, str):
        raise wrong_type(name, "a date-time string", value)
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value.upper())
    except ValueError:
        raise ValueError(f"{name}: not an ISO 8601 date-time") from None


class SentDateTime(datetime.datetime):
    """A decoded ``utc-date-time`` that remembers the text it came from, so ``to_dict`` sends back what came.

    A datetime in every other way; one derived from it (``replace``, arithmetic) has no text and is written
    with ``isoformat``.
    """

    __slots__ = ("sent",)
    sent: str


def parse_utc_datetime(model: str, name: str, value: Any) -> datetime.datetime | str:
    """``x-pcinsights-decode: utc-date-time``: ``parse_datetime``'s readings, timezone-aware, UTC without an offset.

    A string that is no date-time comes back unchanged (and is reported like an unknown enum value), so a row
    is never lost to its timestamp and ``to_dict`` sends back what came; a value that is no string is a TypeError.
    """
    if not isinstance(value, str):
        raise wrong_type(name, "a date-time string", value)
    parsed = _utc(value)
    if parsed is None:
        note_unknown_value(model, name, value)
        return value
    return parsed


@lru_cache(maxsize=64)  # the rows of a page usually share one processing time; the result is immutable
def _utc(value: str) -> SentDateTime | None:
    try:
        parsed = parse_datetime("", value)
    except ValueError:
        return None
    tz = parsed.tzinfo or datetime.UTC
    result = SentDateTime(*parsed.timetuple()[:6], parsed.microsecond, tzinfo=tz, fold=parsed.fold)
    result.sent = value
    return result


def utc_datetime_text(value: datetime.datetime) -> str:
    """What ``to_dict`` writes for a ``utc-date-time``: the text it was decoded from, else ``isoformat()``."""
    sent: str | None = getattr(value, "sent", None)
    return value.isoformat() if sent is None else sent


def parse_date(name: str, value: Any) -> datetime.date:
    """An ISO 8601 date."""
    if not isinstance(value, str):
        raise wrong_type(name, "a date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}: not an ISO 8601 date") from None


def parse_uuid(name: str, value: Any) -> UUID:
    """A UUID in any of the spellings ``uuid.UUID`` accepts."""
    if not isinstance(value, str):
        raise wrong_type(name, "a UUID string", value)
    try:
        return UUID(value)
    except ValueError:
        raise ValueError(f"{name}: not a UUID") from None
