# Copied from overrides/runtime/_filter.py by `make generate`; edit it there.
"""Build the ``filter`` of the commercial analytics operations without quoting by hand.

The grammar Partner Center documents: ``field eq 'value'`` or ``ne``, joined by ``and`` (binding tighter) and
``or``, with parentheses, values in single quotes and a quote inside a value doubled. Pasting a value into that
text breaks on ``O'Brien`` and, worse, ``x' or customerName ne 'x`` would widen the query to every row: here a
value is always one quoted literal, whatever it holds::

    from partner_center_analytics import Filter as F

    query = F.eq("customerName", "O'Brien & Sons") & (F.eq("channel", "reseller") | F.ne("serviceCode", "crm"))
    get_licenses_deployment.sync(client=client, filter_=query)

A ``Filter`` is a ``str`` (its text), so it goes wherever the operations take one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal
from uuid import UUID

_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9]{0,99}")
_KEYWORDS = frozenset({"and", "or", "eq", "ne"})

Kind = Literal["comparison", "and", "or"]


class FilterError(ValueError):
    """A field name the grammar cannot hold, or a value that is not text; the message says which."""


class Filter(str):
    """A filter expression: combine with ``&`` (and) and ``|`` (or); parentheses are added where needed."""

    kind: Kind

    def __new__(cls, text: str, kind: Kind = "comparison") -> Filter:
        made = super().__new__(cls, text)
        made.kind = kind
        return made

    @classmethod
    def eq(cls, field: str, value: str | UUID) -> Filter:
        """Rows whose ``field`` equals ``value`` (Partner Center compares without regard to letter case)."""
        return cls._compare(field, "eq", value)

    @classmethod
    def ne(cls, field: str, value: str | UUID) -> Filter:
        """Rows whose ``field`` differs from ``value``."""
        return cls._compare(field, "ne", value)

    @classmethod
    def any_of(cls, field: str, values: Sequence[str | UUID]) -> Filter:
        """Rows whose ``field`` equals one of ``values`` (at least one)."""
        if not values:
            raise FilterError("any_of needs at least one value")
        found = cls.eq(field, values[0])
        for value in values[1:]:
            found = found | cls.eq(field, value)
        return found

    @classmethod
    def _compare(cls, field: str, operator: str, value: str | UUID) -> Filter:
        if not isinstance(field, str) or _FIELD.fullmatch(field) is None or field in _KEYWORDS:
            raise FilterError(f"not a field name: {field!r:.60}")
        if isinstance(value, UUID):
            value = str(value)
        if not isinstance(value, str):
            raise FilterError(f"{field}: the value must be a str or UUID, not {type(value).__name__}")
        quoted = value.replace("'", "''")
        return cls(f"{field} {operator} '{quoted}'")

    def _operand(self, within: Kind) -> str:
        """This expression's text as an operand of ``within``: an ``or`` inside an ``and`` needs parentheses."""
        return f"({self})" if self.kind == "or" and within == "and" else str(self)

    def __and__(self, other: Filter) -> Filter:
        if not isinstance(other, Filter):
            return NotImplemented
        return Filter(f"{self._operand('and')} and {other._operand('and')}", "and")

    def __or__(self, other: Filter) -> Filter:
        if not isinstance(other, Filter):
            return NotImplemented
        return Filter(f"{self._operand('or')} or {other._operand('or')}", "or")

    def __repr__(self) -> str:
        return f"Filter({str(self)!r})"


__all__ = ["Filter", "FilterError"]
