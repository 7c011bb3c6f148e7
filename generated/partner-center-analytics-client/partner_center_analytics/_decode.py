# Copied from overrides/runtime/_decode.py by `make generate`; edit it there.
"""Checks and conversions the generated ``from_dict`` methods call for values that need more than a type test.

A value of the wrong type raises TypeError or ValueError naming the field, never echoing the value;
the operations turn those into ``UnexpectedResponseError``.
"""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID

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
