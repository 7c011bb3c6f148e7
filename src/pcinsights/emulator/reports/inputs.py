"""What a reports request carries, read as the spec's schemas allow it (``Call``: its parameters; ``Body``: its
JSON body), every breach a ``ReportError`` 400 with the documented message.

Body keys match case-insensitively, as ASP.NET binds them (the documented spelling wins over another; unknown
keys are ignored); query parameter names too, and a parameter given twice is a 400. A required field missing,
null or blank is "Null or missing value"; a null where the schema allows none, a value of the wrong type or
outside the schema's limits, another 400 (the limits hold even where a rule says a field is ignored).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from pcinsights.emulator.guid import is_guid
from pcinsights.emulator.reports.clock import parse_time
from pcinsights.emulator.reports.envelope import (
    BAD_INTERVAL,
    INVALID_PARAMETERS,
    INVALID_QUERY_ID,
    MISSING,
    bad,
    not_found_value,
)

NAME_MAX, DESCRIPTION_MAX, QUERY_MAX, URL_MAX = 256, 256, 4000, 2048
INTERVAL_MIN, INTERVAL_MAX, COUNT_MAX = 4, 2160, 2**31 - 1
NAME_PARAM_MAX, EXPORT_QUERY_MAX, ID_LIST_MAX, STATUS_LIST_MAX = 256, 1024, 3699, 64
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+")


@attrs.frozen
class Call:
    """What an operation reads of its request: query parameters by lower-cased name, path parameters, the JSON body
    (None without one), the caller (the token's UPN or oid) and the base URL links are made under."""

    params: Mapping[str, Sequence[str]]
    path: Mapping[str, str]
    body: object
    user: str
    base_url: str

    def param(self, name: str, maximum: int = 4096) -> str | None:
        """A query parameter given at most once, of at most ``maximum`` characters (else a 400)."""
        values = self.params.get(name.lower(), ())
        if len(values) > 1 or any(len(value) > maximum for value in values):
            raise bad(INVALID_PARAMETERS)
        return values[0] if values else None

    def name_filter(self, name: str) -> str | None:
        """A name to filter by (at most 256 characters), compared without case; an empty one filters nothing."""
        value = self.param(name, NAME_PARAM_MAX)
        return value.strip() if value is not None and value.strip() else None

    def flag(self, name: str, default: bool) -> bool:
        value = self.param(name)
        if value is None:
            return default
        if value.strip().lower() not in ("true", "false"):
            raise bad(INVALID_PARAMETERS)
        return value.strip().lower() == "true"


class Body:
    """A JSON body's fields (no body: "Null or missing value"; not an object: a 400 too)."""

    def __init__(self, raw: object) -> None:
        if raw is None:
            raise bad(MISSING)
        if not isinstance(raw, dict):
            raise bad(INVALID_PARAMETERS)
        self.raw: dict[str, object] = raw
        self.folded: dict[str, str] = {}  # lower-cased key -> the key read for it (the last sent)
        for key in raw:
            self.folded[key.lower()] = key

    def _key(self, name: str) -> str | None:
        """The body's key for field ``name``: spelt as documented if sent so, else any other spelling of it."""
        return name if name in self.raw else self.folded.get(name.lower())

    def has(self, name: str) -> bool:
        return self._key(name) is not None

    def _value(self, name: str, *, required: bool, nullable: bool = False) -> object:
        """The field's value; None when it is absent (or null, where null is allowed)."""
        key = self._key(name)
        value = None if key is None else self.raw[key]
        if value is None and (required or (self.has(name) and not nullable)):
            raise bad(MISSING if required else INVALID_PARAMETERS)
        return value

    def text(self, name: str, *, required: bool, maximum: int) -> str | None:
        value = self._value(name, required=required)
        if value is None:
            return None
        if not isinstance(value, str) or len(value) > maximum:
            raise bad(INVALID_PARAMETERS)
        if required and not value.strip():
            raise bad(MISSING)
        return value

    def guid(self, name: str) -> str:
        """A required GUID, lower case: "Invalid QueryId" when it is not one."""
        value = self._value(name, required=True)
        if isinstance(value, str) and not value.strip():
            raise bad(MISSING)
        if not isinstance(value, str) or not is_guid(value.strip()):
            raise bad(INVALID_QUERY_ID)
        return value.strip().lower()

    def flag(self, name: str, default: bool) -> bool:
        value = self._value(name, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise bad(INVALID_PARAMETERS)
        return value

    def time(self, name: str, *, required: bool, nullable: bool = False) -> float | None:
        value = self._value(name, required=required, nullable=nullable)
        if value is None:
            return None
        seconds = parse_time(value) if isinstance(value, str) else None
        if seconds is None:
            raise bad(INVALID_PARAMETERS)
        return seconds

    def interval(self, *, required: bool) -> int | None:
        value = self._value("RecurrenceInterval", required=required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad(INVALID_PARAMETERS)
        if not INTERVAL_MIN <= value <= INTERVAL_MAX:
            raise bad(BAD_INTERVAL)
        return value

    def count(self) -> int | None:
        value = self._value("RecurrenceCount", required=False, nullable=True)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= COUNT_MAX:
            raise bad(INVALID_PARAMETERS)
        return value

    def choice(self, name: str, allowed: Sequence[str], default: str) -> str:
        value = self._value(name, required=False)
        if value is None:
            return default
        if not isinstance(value, str) or value.strip().upper() not in allowed:
            raise bad(not_found_value(value))
        return value.strip().upper()

    def callback_url(self) -> str | None:
        """An absolute URI, or None (null, or an empty string as sample clients send for none)."""
        value = self._value("CallbackUrl", required=False, nullable=True)
        if value is None or value == "":
            return None
        if not isinstance(value, str) or len(value) > URL_MAX or _URI.fullmatch(value) is None:
            raise bad(INVALID_PARAMETERS)
        return value


def guid_param(value: str | None, message: str) -> str | None:
    if value is None:
        return None
    if not is_guid(value.strip()):
        raise bad(message)
    return value.strip().lower()


def guid_list(text: str, message: str) -> list[str]:
    items = [item.strip() for item in text.split(";")]
    if not all(is_guid(item) for item in items):
        raise bad(message)
    return list(dict.fromkeys(item.lower() for item in items))
