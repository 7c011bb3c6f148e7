"""The report query language: a lazy tokenizer and a recursive-descent parser, checked against the datasets.

Grammar (reference §5, with the marketplace page's repetitions and the prose's DISTINCT)::

    query     := SELECT [DISTINCT] name ("," name)* FROM dataset [WHERE condition (AND condition)*]
                 [ORDER BY name [ASC | DESC] ("," name [ASC | DESC])*] [LIMIT integer] [TIMESPAN range]
    condition := name operator value
    operator  := "=" | ">" | "<" | ">=" | "<=" | "!=" | LIKE | NOT LIKE | IN | NOT IN
    value     := number | string | "(" number ("," number)* ")" | "(" string ("," string)* ")"
    number    := "-"? [0-9]+ ("." [0-9]+)?
    string    := "'" (any character but "'" | "''")* "'"

The docs' StringLiteral, ``' [a-zA-Z0-9_]*'``, is narrower than their own examples (``'United States'``,
``'%Contoso%'``, GUIDs; reference §11.14): a string here holds any character but a quote, and ``''`` is a quote.
Keywords, dataset and column names are case-insensitive; the parse result spells names as the dataset does.
A list is allowed only after IN / NOT IN, and IN / NOT IN need one. ORDER BY's direction defaults to DESC.

Every error is a ``ReportQueryError`` naming the 1-based character where the text stops making sense; the
unknown dataset and unknown column errors carry the documented texts ("Invalid table name", "Incorrect column
name"). Errors are found left to right, but the selected names are judged once FROM has named the dataset.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import attrs

from pcinsights.emulator.reports.definitions import Dataset, find_dataset

MAX_QUERY_LENGTH = 4000  # the Query body field's limit
MAX_LIMIT = 2**31 - 1
INVALID_TABLE_NAME = "Invalid table name"
INCORRECT_COLUMN_NAME = "Incorrect column name"
COMPARISONS = ("=", ">", "<", ">=", "<=", "!=")
OPERATORS = (*COMPARISONS, "LIKE", "NOT LIKE", "IN", "NOT IN")
LIST_OPERATORS = ("IN", "NOT IN")
KEYWORDS = frozenset(
    {"SELECT", "DISTINCT", "FROM", "WHERE", "AND", "ORDER", "BY", "ASC", "DESC", "LIMIT", "TIMESPAN"}
    | {"LIKE", "NOT", "IN"}
)

_SPACE = frozenset(" \t\r\n")
_WORD = re.compile(r"[A-Za-z0-9_]+")
_NUMBER_LIKE = re.compile(r"-?[0-9][A-Za-z0-9_.]*")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_INTEGER = re.compile(r"[0-9]+")


class ReportQueryError(ValueError):
    """The query cannot run: ``message`` says why, ``position`` is the 1-based character where it goes wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at position {position}")
        self.message = message
        self.position = position


@attrs.frozen
class Literal:
    """A value as written: a number's text, or a string's content (quotes removed, ``''`` read as ``'``)."""

    text: str
    quoted: bool

    def render(self) -> str:
        return "'" + self.text.replace("'", "''") + "'" if self.quoted else self.text


Value: TypeAlias = Literal | tuple[Literal, ...]  # a tuple only with IN / NOT IN


@attrs.frozen
class Condition:
    """``name operator value``; ``operator`` is one of ``OPERATORS``, upper case, single-spaced."""

    name: str
    operator: str
    value: Value

    def render(self) -> str:
        value = self.value
        shown = "(" + ", ".join(item.render() for item in value) + ")" if isinstance(value, tuple) else value.render()
        return f"{self.name} {self.operator} {shown}"


@attrs.frozen
class OrderKey:
    name: str
    descending: bool = True


@attrs.frozen
class ReportQuery:
    """A query that parsed and names only what its dataset has. ``timespan`` None means the default range."""

    dataset: str
    distinct: bool
    selected: tuple[str, ...]
    conditions: tuple[Condition, ...] = ()
    order: tuple[OrderKey, ...] = ()
    limit: int | None = None
    timespan: str | None = None

    def text(self) -> str:
        """The query in canonical spelling (``parse_query`` of it gives this query back)."""
        parts = ["SELECT", *(["DISTINCT"] if self.distinct else []), ", ".join(self.selected), "FROM", self.dataset]
        if self.conditions:
            parts += ["WHERE", " AND ".join(condition.render() for condition in self.conditions)]
        if self.order:
            parts += ["ORDER BY", ", ".join(f"{key.name} {'DESC' if key.descending else 'ASC'}" for key in self.order)]
        if self.limit is not None:
            parts += ["LIMIT", str(self.limit)]
        if self.timespan is not None:
            parts += ["TIMESPAN", self.timespan]
        return " ".join(parts)


@attrs.frozen
class _Token:
    kind: str  # "word", "number" (number-like: checked where it is used), "string", "symbol" or "end"
    text: str  # a string's content; a word's or symbol's characters
    position: int  # 1-based

    def is_keyword(self, keyword: str) -> bool:
        return self.kind == "word" and self.text.upper() == keyword

    def describe(self) -> str:
        if self.kind == "end":
            return "the end of the query"
        if self.kind == "string":
            return "a quoted value"
        return repr(self.text if len(self.text) <= 40 else self.text[:40] + "...")


class _Lexer:
    """Tokens on demand, so an error late in the text never hides an earlier one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0
        self.ahead: _Token | None = None

    def peek(self) -> _Token:
        if self.ahead is None:
            self.ahead = self._next()
        return self.ahead

    def take(self) -> _Token:
        token = self.peek()
        self.ahead = None
        return token

    def _next(self) -> _Token:
        text, index = self.text, self.index
        while index < len(text) and text[index] in _SPACE:
            index += 1
        start = index
        if index >= len(text):
            self.index = index
            return _Token("end", "", len(text) + 1)
        char = text[index]
        if char == "'":
            return self._string(start)
        match = _NUMBER_LIKE.match(text, index)
        if match is not None:
            self.index = match.end()
            return _Token("number", match.group(), start + 1)
        match = _WORD.match(text, index)
        if match is not None:
            self.index = match.end()
            return _Token("word", match.group(), start + 1)
        pair = text[index : index + 2]
        symbol = pair if pair in (">=", "<=", "!=") else char
        self.index = index + len(symbol)
        return _Token("symbol", symbol, start + 1)

    def _string(self, start: int) -> _Token:
        text = self.text
        parts: list[str] = []
        index = start + 1
        while True:
            close = text.find("'", index)
            if close < 0:
                raise ReportQueryError("The quoted value is never closed", start + 1)
            parts.append(text[index:close])
            if text.startswith("''", close):
                parts.append("'")
                index = close + 2
                continue
            self.index = close + 1
            return _Token("string", "".join(parts), start + 1)


def _expected(what: str, token: _Token) -> ReportQueryError:
    return ReportQueryError(f"Expected {what}, found {token.describe()}", token.position)


class _Parser:
    def __init__(self, text: str) -> None:
        self.lexer = _Lexer(text)

    def accept(self, keyword: str) -> bool:
        if self.lexer.peek().is_keyword(keyword):
            self.lexer.take()
            return True
        return False

    def accept_symbol(self, symbol: str) -> bool:
        token = self.lexer.peek()
        if token.kind == "symbol" and token.text == symbol:
            self.lexer.take()
            return True
        return False

    def expect(self, keyword: str, what: str) -> None:
        if not self.accept(keyword):
            raise _expected(what, self.lexer.peek())

    def name(self, what: str) -> _Token:
        token = self.lexer.take()
        if token.kind != "word" or token.text.upper() in KEYWORDS:
            raise _expected(what, token)
        return token

    def query(self) -> ReportQuery:
        self.expect("SELECT", "SELECT")
        distinct = self.accept("DISTINCT")
        names = [self.name("a column or metric name")]
        while self.accept_symbol(","):
            names.append(self.name("a column or metric name"))
        self.expect("FROM", "',' or FROM")
        table = self.name("a dataset name")
        dataset = find_dataset(table.text)
        if dataset is None:
            raise ReportQueryError(INVALID_TABLE_NAME, table.position)
        selected: list[str] = []
        for token in names:
            name = _resolve(dataset, token)
            if name in selected:
                raise ReportQueryError(f"{name} is selected twice", token.position)
            selected.append(name)
        after = ["WHERE", "ORDER BY", "LIMIT", "TIMESPAN"]  # what may follow the clauses read so far
        conditions: list[Condition] = []
        if self.accept("WHERE"):
            conditions.append(self.condition(dataset))
            while self.accept("AND"):
                conditions.append(self.condition(dataset))
            after = ["AND", "ORDER BY", "LIMIT", "TIMESPAN"]
        order: list[tuple[OrderKey, _Token]] = []
        if self.accept("ORDER"):
            self.expect("BY", "BY")
            order.append(self.order_key(dataset))
            while self.accept_symbol(","):
                order.append(self.order_key(dataset))
            after = ["','", "LIMIT", "TIMESPAN"]
        limit = None
        if self.accept("LIMIT"):
            limit = self.limit()
            after = ["TIMESPAN"]
        timespan = None
        if self.accept("TIMESPAN"):
            timespan = self.timespan(dataset)
            after = []
        rest = self.lexer.peek()
        if rest.kind != "end":
            raise _expected(" or ".join(filter(None, [", ".join(after), "the end of the query"])), rest)
        _check_order(dataset, distinct, selected, conditions, order)
        return ReportQuery(
            dataset=dataset.name,
            distinct=distinct,
            selected=tuple(selected),
            conditions=tuple(conditions),
            order=tuple(key for key, _ in order),
            limit=limit,
            timespan=timespan,
        )

    def condition(self, dataset: Dataset) -> Condition:
        name = _resolve(dataset, self.name("a column or metric name"))
        operator = self.operator()
        token = self.lexer.peek()
        if token.kind == "symbol" and token.text == "(":
            if operator not in LIST_OPERATORS:
                raise ReportQueryError("A list of values needs IN or NOT IN", token.position)
            return Condition(name, operator, self.values())
        if operator in LIST_OPERATORS:
            raise ReportQueryError(f"{operator} needs a list of values in parentheses", token.position)
        return Condition(name, operator, self.literal())

    def operator(self) -> str:
        token = self.lexer.take()
        if token.kind == "symbol" and token.text in COMPARISONS:
            return token.text
        if token.is_keyword("LIKE") or token.is_keyword("IN"):
            return token.text.upper()
        if token.is_keyword("NOT"):
            after = self.lexer.take()
            if after.is_keyword("LIKE") or after.is_keyword("IN"):
                return "NOT " + after.text.upper()
            raise _expected("LIKE or IN after NOT", after)
        raise _expected("an operator (=, >, <, >=, <=, !=, LIKE, NOT LIKE, IN, NOT IN)", token)

    def literal(self) -> Literal:
        token = self.lexer.take()
        if token.kind == "string":
            return Literal(token.text, quoted=True)
        if token.kind == "number":
            if _NUMBER.fullmatch(token.text) is None:
                raise ReportQueryError(f"{token.describe()} is not a number", token.position)
            return Literal(token.text, quoted=False)
        raise _expected("a number or a quoted value", token)

    def values(self) -> tuple[Literal, ...]:
        self.lexer.take()  # the "("
        items = [self.literal()]
        while self.accept_symbol(","):
            position = self.lexer.peek().position
            item = self.literal()
            if item.quoted != items[0].quoted:
                raise ReportQueryError("A list holds numbers or quoted values, not both", position)
            items.append(item)
        if not self.accept_symbol(")"):
            raise _expected("',' or ')'", self.lexer.peek())
        return tuple(items)

    def order_key(self, dataset: Dataset) -> tuple[OrderKey, _Token]:
        token = self.name("a column or metric name")
        name = _resolve(dataset, token)
        if self.accept("ASC"):
            return OrderKey(name, descending=False), token
        self.accept("DESC")
        return OrderKey(name), token

    def limit(self) -> int:
        token = self.lexer.take()
        digits = token.text.lstrip("0")
        if token.kind != "number" or _INTEGER.fullmatch(token.text) is None or not 0 < len(digits) <= 10:
            raise ReportQueryError(f"LIMIT must be a whole number from 1 to {MAX_LIMIT}", token.position)
        if int(digits) > MAX_LIMIT:
            raise ReportQueryError(f"LIMIT must be a whole number from 1 to {MAX_LIMIT}", token.position)
        return int(digits)

    def timespan(self, dataset: Dataset) -> str:
        token = self.lexer.take()
        if token.kind == "word" and token.text.upper() in dataset.date_ranges:
            return token.text.upper()
        ranges = ", ".join(dataset.date_ranges)
        raise ReportQueryError(f"TIMESPAN must be one of {dataset.name}'s date ranges: {ranges}", token.position)


def _resolve(dataset: Dataset, token: _Token) -> str:
    name = dataset.find(token.text)
    if name is None:
        raise ReportQueryError(INCORRECT_COLUMN_NAME, token.position)
    return name


def _check_order(
    dataset: Dataset,
    distinct: bool,
    selected: list[str],
    conditions: list[Condition],
    order: list[tuple[OrderKey, _Token]],
) -> None:
    """With DISTINCT or a metric, rows are combinations of the selected columns: only those (or metrics) order them."""
    used = [*selected, *(condition.name for condition in conditions), *(key.name for key, _ in order)]
    if not distinct and not any(dataset.is_metric(name) for name in used):
        return
    for key, token in order:
        if not dataset.is_metric(key.name) and key.name not in selected:
            raise ReportQueryError(
                f"ORDER BY {key.name} needs {key.name} in SELECT when the query has DISTINCT or a metric",
                token.position,
            )


def parse_query(text: str) -> ReportQuery:
    """The parsed query, or ``ReportQueryError`` at the first problem."""
    if len(text) > MAX_QUERY_LENGTH:
        raise ReportQueryError(f"The query is longer than {MAX_QUERY_LENGTH} characters", MAX_QUERY_LENGTH + 1)
    return _Parser(text).query()
