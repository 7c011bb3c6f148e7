"""The ``filter`` language of the commercial analytics operations: a recursive-descent parser and a compiler.

Grammar (as Partner Center documents it; ``and`` binds tighter than ``or``)::

    expression := conjunction ("or" conjunction)*
    conjunction := operand ("and" operand)*
    operand    := "(" expression ")" | field ("eq" | "ne") value
    value      := "'" (any character but "'" | "''")* "'"

Keywords, operators and field names are case-sensitive, as written in the docs; values compare without regard
to letter case. Every error names the 1-based character where the text stops making sense.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TypeAlias

import attrs

MAX_FILTER_LENGTH = 1024
MAX_DEPTH = 32
_SPACE = " \t"
_WORD_END = set(_SPACE + "()'")
_KEYWORDS = frozenset({"and", "or", "eq", "ne"})


class FilterSyntaxError(Exception):
    """The filter does not parse: ``position`` is the 1-based character of the first error."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(f"at character {position}: {message}")
        self.position = position
        self.message = message


@attrs.frozen
class Comparison:
    """``field eq 'value'`` (or ``ne``); ``value`` is already case-folded."""

    field: str
    negated: bool
    value: str


@attrs.frozen
class AllOf:
    """Operands joined by ``and``."""

    operands: tuple[Expression, ...]


@attrs.frozen
class AnyOf:
    """Operands joined by ``or``."""

    operands: tuple[Expression, ...]


Expression: TypeAlias = Comparison | AllOf | AnyOf


@attrs.frozen
class _Token:
    kind: str  # "(", ")", "word", "string" or "end"
    text: str
    position: int  # 1-based


def _describe(token: _Token) -> str:
    if token.kind == "end":
        return "the end of the filter"
    if token.kind == "string":
        return "a quoted value"
    return repr(token.text if len(token.text) <= 40 else token.text[:40] + "...")


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in _SPACE:
            index += 1
        elif char in "()":
            found.append(_Token(char, char, index + 1))
            index += 1
        elif char == "'":
            start = index
            parts: list[str] = []
            index += 1
            while True:
                close = text.find("'", index)
                if close < 0:
                    raise FilterSyntaxError(start + 1, "the quoted value is never closed")
                parts.append(text[index:close])
                if text.startswith("''", close):
                    parts.append("'")
                    index = close + 2
                    continue
                index = close + 1
                break
            found.append(_Token("string", "".join(parts), start + 1))
        else:
            start = index
            while index < len(text) and text[index] not in _WORD_END:
                index += 1
            found.append(_Token("word", text[start:index], start + 1))
    found.append(_Token("end", "", len(text) + 1))
    return found


class _Parser:
    def __init__(self, text: str, fields: Collection[str]) -> None:
        self.tokens = _tokens(text)
        self.at = 0
        self.fields = fields

    def peek(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def next_is(self, keyword: str) -> bool:
        token = self.tokens[self.at]
        return token.kind == "word" and token.text == keyword

    def expression(self, depth: int) -> Expression:
        operands = [self.conjunction(depth)]
        while self.next_is("or"):
            self.take()
            operands.append(self.conjunction(depth))
        return operands[0] if len(operands) == 1 else AnyOf(tuple(operands))

    def conjunction(self, depth: int) -> Expression:
        operands = [self.operand(depth)]
        while self.next_is("and"):
            self.take()
            operands.append(self.operand(depth))
        return operands[0] if len(operands) == 1 else AllOf(tuple(operands))

    def operand(self, depth: int) -> Expression:
        token = self.take()
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                raise FilterSyntaxError(token.position, f"parentheses nest deeper than {MAX_DEPTH}")
            inner = self.expression(depth + 1)
            close = self.take()
            if close.kind != ")":
                found = _describe(close)
                raise FilterSyntaxError(
                    close.position, f"expected ')' for the '(' at character {token.position}, found {found}"
                )
            return inner
        if token.kind != "word" or token.text in _KEYWORDS:
            raise FilterSyntaxError(token.position, f"expected a field name or '(', found {_describe(token)}")
        if token.text not in self.fields:
            raise FilterSyntaxError(
                token.position, f"unknown field {_describe(token)}; fields: {', '.join(sorted(self.fields))}"
            )
        operator = self.take()
        if operator.kind != "word" or operator.text not in ("eq", "ne"):
            raise FilterSyntaxError(operator.position, f"expected eq or ne, found {_describe(operator)}")
        value = self.take()
        if value.kind != "string":
            raise FilterSyntaxError(value.position, f"expected a value in single quotes, found {_describe(value)}")
        return Comparison(token.text, operator.text == "ne", value.text.casefold())

    def whole(self) -> Expression:
        result = self.expression(0)
        rest = self.peek()
        if rest.kind == ")":
            raise FilterSyntaxError(rest.position, "this ')' closes no '('")
        if rest.kind != "end":
            raise FilterSyntaxError(
                rest.position, f"expected and, or or the end of the filter, found {_describe(rest)}"
            )
        return result


def parse_filter(text: str, fields: Collection[str]) -> Expression:
    """The filter's syntax tree, or FilterSyntaxError; ``fields`` are the names this operation accepts."""
    if not text:
        raise FilterSyntaxError(1, "the filter is empty")
    if len(text) > MAX_FILTER_LENGTH:
        raise FilterSyntaxError(MAX_FILTER_LENGTH + 1, f"the filter is longer than {MAX_FILTER_LENGTH} characters")
    return _Parser(text, fields).whole()


# What a predicate reads: one row's field values, in the order ``columns`` numbers them.
FieldValues = Sequence[object]
Predicate = Callable[[FieldValues], bool]


def compile_filter(
    expression: Expression, columns: Mapping[str, int], distinct: Callable[[int], Collection[str]]
) -> Predicate:
    """A predicate over a row's field values: each comparison becomes a set lookup of the column's matching spellings.

    ``distinct(column)`` gives every value the column holds, so no row is case-folded at query time.
    """
    if isinstance(expression, Comparison):
        column = columns[expression.field]
        matching = frozenset(value for value in distinct(column) if value.casefold() == expression.value)
        if expression.negated:
            return lambda row: row[column] not in matching
        return lambda row: row[column] in matching
    parts = [compile_filter(operand, columns, distinct) for operand in expression.operands]
    return functools.reduce(_both if isinstance(expression, AllOf) else _either, parts)


# Pairwise closures: several times faster per row than all() or any() over a generator.
def _both(first: Predicate, second: Predicate) -> Predicate:
    return lambda row: first(row) and second(row)


def _either(first: Predicate, second: Predicate) -> Predicate:
    return lambda row: first(row) or second(row)
