"""The report query language: the documented examples parse, every operator and clause reads as written in any
letter case, bad queries fail with the documented message at the right 1-based position, and (hypothesis) every
query the grammar generates over the catalogue parses back to itself while any one-character mutation of it
either parses or fails with a ReportQueryError inside the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcinsights.emulator.reports.definitions import DATASETS, SYSTEM_QUERIES, Dataset
from pcinsights.emulator.reports.query import (
    INCORRECT_COLUMN_NAME,
    INVALID_TABLE_NAME,
    LIST_OPERATORS,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    OPERATORS,
    Condition,
    Literal,
    OrderKey,
    ReportQuery,
    ReportQueryError,
    parse_query,
)

# The query examples of the docs (CQ, SQ), completed where the page elides the column list.
DOCUMENTED = [
    "SELECT CustomerTenantId, PaidAvailableUnits FROM OfficeUsage TIMESPAN LAST_MONTH",
    "SELECT CustomerTenantId, PaidAvailableUnits FROM OfficeUsage ORDER BY PaidAvailableUnits LIMIT 10",
    "SELECT CustomerName, MonthlyActiveUsers FROM OfficeUsage WHERE MonthlyActiveUsers > 100000 "
    "ORDER BY MonthlyActiveUsers TIMESPAN LAST_6_MONTHS",
    "SELECT CustomerName FROM OfficeUsage WHERE CustomerTpId IN ('2a31c234-1f4e-4c60-909e-76d234f93161', "
    "'80780748-3f9a-11eb-b378-0242ac130002')",
    "SELECT CustomerName FROM OfficeUsage WHERE CustomerName LIKE '%Contoso%'",
    "SELECT CustomerName, CustomerTpid, Product\nFROM CustomersAndTenants\nWHERE CustomerMarket='United States' "
    "TIMESPAN LAST_MONTH",
    "SELECT CustomerName, CustomerTpid, SKU, Month, BilledRevenueUSD\nFROM CustomersAndTenants\n"
    "WHERE SKU='MICROSOFT 365 BUSINESS STANDARD' AND BilledRevenueUSD>20000 TIMESPAN LAST_6_MONTHS",
    "SELECT CustomerName, CustomerTpid, Product, AvailableSeats\nFROM CustomersAndTenants ORDER BY AvailableSeats "
    "DESC LIMIT 10 TIMESPAN LAST_MONTH",
    "SELECT ResellerMpnId, ResellerName\nFROM ResellerPerformance\nWHERE ResellerMarket='US' TIMESPAN LAST_MONTH",
    "SELECT ResellerMpnId, ResellerName, CustomerCount, SubscriptionCount, TotalAvailableSeats, TotalAssignedSeats, "
    "TotalRevenue\nFROM ResellerPerformance\nWHERE ResellerMpnId='1051xxx'",
    "SELECT ResellerMpnId, ResellerName, TotalRevenue\nFROM ResellerPerformance\nORDER BY TotalRevenue\nLIMIT 10\n"
    "TIMESPAN LAST_MONTH",
    "SELECT SubscriptionId, SubscriptionEndDate, CustomerName, CustomerTpid, Product\nFROM SeatsSubscriptionsAndRevenue"
    "\nWHERE IsAutoRenew='N' TIMESPAN LAST_MONTH",
    "SELECT SubscriptionId, CustomerName, Month, UsageUnits, UsageQuantity, TotalACR\nFROM AzureUsage\n"
    "WHERE MeterCategory='Azure DNS'\nTIMESPAN LAST_6_MONTHS",
    "SELECT SubscriptionId, ServiceName, CustomerName, Month, UsageUnits, UsageQuantity, TotalACR\nFROM AzureUsage\n"
    "WHERE TotalACR>20000 TIMESPAN LAST_6_MONTHS",
]


@pytest.mark.parametrize("text", DOCUMENTED)
def test_the_documented_examples_parse_and_round_trip(text: str) -> None:
    query = parse_query(text)
    assert parse_query(query.text()) == query


def test_a_system_query_parses_to_its_documented_columns() -> None:
    office = next(q for q in SYSTEM_QUERIES if q.query_id == "d8349f7b-a7d1-467e-b26d-434d4a50f26a")
    query = parse_query(office.query)
    assert query.dataset == "OfficeUsage" and query.timespan == "LAST_6_MONTHS" and not query.distinct
    assert query.selected[:6] == (
        "CustomerTenantId",
        "CustomerTpid",
        "WorkloadName",
        "Month",
        "PaidAvailableUnits",
        "MonthlyActiveUsers",
    )


def test_the_sample_with_a_non_number_fails_where_the_number_goes_wrong() -> None:
    text = "SELECT MPNId, SubscriptionCount, TotalSoldSeats, BilledRevenueUSD, CustomerCount\n"
    text += "FROM SeatsSubscriptionsAndRevenue\nWHERE MPNId=6096xxx TIMESPAN LAST_6_MONTHS"
    with pytest.raises(ReportQueryError) as caught:
        parse_query(text)
    assert caught.value.message == "'6096xxx' is not a number"
    assert text[caught.value.position - 1 :].startswith("6096xxx")


@pytest.mark.parametrize("operator", OPERATORS)
def test_every_operator_reads(operator: str) -> None:
    value = "('a', 'b')" if operator in LIST_OPERATORS else "'a'"
    written = operator.lower().replace(" ", " \n ")
    query = parse_query(f"SELECT Month FROM OfficeUsage WHERE CustomerName {written} {value}")
    expected: Literal | tuple[Literal, ...] = Literal("a", quoted=True)
    if operator in LIST_OPERATORS:
        expected = (Literal("a", quoted=True), Literal("b", quoted=True))
    assert query.conditions == (Condition("CustomerName", operator, expected),)


def test_keywords_and_names_read_in_any_case_and_come_back_in_the_datasets_spelling() -> None:
    query = parse_query(
        "select distinct customername, WORKLOADNAME, totalpaidavailableunits from officeUSAGE "
        "where MONTH >= '2026-01-01' and paidavailableunits not in (1, 2.5, -3) and customername not like 'x%' "
        "order by totalPaidAvailableUnits asc, customerNAME desc, workloadname limit 7 timespan last_1_year"
    )
    assert query == ReportQuery(
        dataset="OfficeUsage",
        distinct=True,
        selected=("CustomerName", "WorkloadName", "TotalPaidAvailableUnits"),
        conditions=(
            Condition("Month", ">=", Literal("2026-01-01", quoted=True)),
            Condition(
                "PaidAvailableUnits",
                "NOT IN",
                (Literal("1", quoted=False), Literal("2.5", quoted=False), Literal("-3", quoted=False)),
            ),
            Condition("CustomerName", "NOT LIKE", Literal("x%", quoted=True)),
        ),
        order=(
            OrderKey("TotalPaidAvailableUnits", descending=False),
            OrderKey("CustomerName"),
            OrderKey("WorkloadName"),
        ),
        limit=7,
        timespan="LAST_1_YEAR",
    )


def test_a_string_holds_any_character_and_a_doubled_quote_is_a_quote() -> None:
    value = "O'Brien & Söhne, 100% (GmbH) -- ; SELECT\n"
    query = parse_query("SELECT Month FROM OfficeUsage WHERE CustomerName = '" + value.replace("'", "''") + "'")
    assert query.conditions[0].value == Literal(value, quoted=True)
    assert parse_query(query.text()) == query


def test_the_query_without_optional_clauses_has_their_defaults() -> None:
    query = parse_query("SELECT Month FROM OfficeUsage")
    assert (query.conditions, query.order, query.limit, query.timespan) == ((), (), None, None)


# (query, 1-based position, message)
BAD_QUERIES = [
    ("SELECT Month FROM Nowhere", 19, INVALID_TABLE_NAME),
    ("SELECT Month FROM officeusage2", 19, INVALID_TABLE_NAME),
    ("SELECT Colour FROM OfficeUsage", 8, INCORRECT_COLUMN_NAME),
    ("SELECT Month, TotalSoldSeats FROM OfficeUsage", 15, INCORRECT_COLUMN_NAME),
    ("SELECT Month FROM OfficeUsage WHERE Colour = 'red'", 37, INCORRECT_COLUMN_NAME),
    ("SELECT Month FROM OfficeUsage ORDER BY Colour", 40, INCORRECT_COLUMN_NAME),
    ("SELECT Month FROM OfficeUsage TIMESPAN LAST_7_DAYS", 40, "TIMESPAN must be one of OfficeUsage's date ranges"),
    ("SELECT Month FROM OfficeUsage TIMESPAN NEXT_MONTH", 40, "TIMESPAN must be one of OfficeUsage's date ranges"),
    ("SELECT Month FROM OfficeUsage TIMESPAN", 39, "TIMESPAN must be one of OfficeUsage's date ranges"),
    ("SELECT Month FROM OfficeUsage LIMIT 0", 37, "LIMIT must be a whole number from 1 to 2147483647"),
    ("SELECT Month FROM OfficeUsage LIMIT -5", 37, "LIMIT must be a whole number from 1 to 2147483647"),
    ("SELECT Month FROM OfficeUsage LIMIT 2.5", 37, "LIMIT must be a whole number from 1 to 2147483647"),
    ("SELECT Month FROM OfficeUsage LIMIT 'ten'", 37, "LIMIT must be a whole number from 1 to 2147483647"),
    (f"SELECT Month FROM OfficeUsage LIMIT {MAX_LIMIT + 1}", 37, "LIMIT must be a whole number from 1 to 2147483647"),
    ("SELECT Month FROM OfficeUsage WHERE Month = ('a', 'b')", 45, "A list of values needs IN or NOT IN"),
    ("SELECT Month FROM OfficeUsage WHERE Month LIKE ('a')", 48, "A list of values needs IN or NOT IN"),
    ("SELECT Month FROM OfficeUsage WHERE Month IN 'a'", 46, "IN needs a list of values in parentheses"),
    ("SELECT Month FROM OfficeUsage WHERE Month NOT IN 5", 50, "NOT IN needs a list of values in parentheses"),
    ("SELECT Month FROM OfficeUsage WHERE Month IN (1, 'a')", 50, "A list holds numbers or quoted values, not both"),
    ("SELECT Month FROM OfficeUsage WHERE Month IN ()", 47, "Expected a number or a quoted value, found ')'"),
    ("SELECT Month FROM OfficeUsage WHERE Month IN (1 2)", 49, "Expected ',' or ')', found '2'"),
    ("SELECT Month FROM OfficeUsage WHERE Month = 'open", 45, "The quoted value is never closed"),
    ("SELECT Month FROM OfficeUsage WHERE Month = 1.2.3", 45, "'1.2.3' is not a number"),
    ("SELECT Month FROM OfficeUsage WHERE Month == 1", 44, "Expected a number or a quoted value, found '='"),
    ("SELECT Month FROM OfficeUsage WHERE Month <> 1", 44, "Expected a number or a quoted value, found '>'"),
    ("SELECT Month FROM OfficeUsage WHERE Month NOT = 1", 47, "Expected LIKE or IN after NOT, found '='"),
    ("SELECT Month FROM OfficeUsage WHERE Month", 42, "Expected an operator"),
    ("SELECT Month FROM OfficeUsage WHERE Month = 1 OR Month = 2", 47, "Expected AND, ORDER BY, LIMIT, TIMESPAN or"),
    ("SELECT Month FROM OfficeUsage WHERE Month = 1 AND", 50, "Expected a column or metric name, found the end"),
    ("SELECT Month FROM OfficeUsage ORDER Month", 37, "Expected BY, found 'Month'"),
    ("SELECT Month FROM OfficeUsage ORDER BY Month DESC DESC", 51, "Expected ',', LIMIT, TIMESPAN or the end"),
    ("SELECT Month FROM OfficeUsage TIMESPAN LIFETIME LIMIT 5", 49, "Expected the end of the query, found 'LIMIT'"),
    ("SELECT Month FROM OfficeUsage LIMIT 5 WHERE Month = 1", 39, "Expected TIMESPAN or the end of the query"),
    ("SELECT Month FROM OfficeUsage;", 30, "Expected WHERE, ORDER BY, LIMIT, TIMESPAN or the end of the query"),
    ("SELECT * FROM OfficeUsage", 8, "Expected a column or metric name, found '*'"),
    ("SELECT FROM OfficeUsage", 8, "Expected a column or metric name, found 'FROM'"),
    ("SELECT Month OfficeUsage", 14, "Expected ',' or FROM, found 'OfficeUsage'"),
    ("SELECT Month, FROM OfficeUsage", 15, "Expected a column or metric name, found 'FROM'"),
    ("SELECT Month, month FROM OfficeUsage", 15, "Month is selected twice"),
    ("UPDATE OfficeUsage", 1, "Expected SELECT, found 'UPDATE'"),
    ("", 1, "Expected SELECT, found the end of the query"),
    ("   \n", 5, "Expected SELECT, found the end of the query"),
    ("SELECT Month FROM", 18, "Expected a dataset name, found the end of the query"),
    (
        "SELECT CustomerName, CustomerCount FROM OfficeUsage ORDER BY Month",
        62,
        "ORDER BY Month needs Month in SELECT when the query has DISTINCT or a metric",
    ),
    (
        "SELECT DISTINCT CustomerName FROM OfficeUsage ORDER BY Month",
        56,
        "ORDER BY Month needs Month in SELECT when the query has DISTINCT or a metric",
    ),
    ("SELECT Month FROM OfficeUsage WHERE CustomerName = 'a" + "x" * 4000 + "'", 4001, "The query is longer than"),
]


@pytest.mark.parametrize(("text", "position", "message"), BAD_QUERIES)
def test_a_bad_query_fails_with_the_message_at_its_position(text: str, position: int, message: str) -> None:
    with pytest.raises(ReportQueryError) as caught:
        parse_query(text)
    assert caught.value.message.startswith(message)
    assert caught.value.position == position
    assert str(caught.value) == f"{caught.value.message} at position {position}"


def test_the_error_position_points_at_the_offending_name() -> None:
    text = "SELECT Month,\n  CustomerName,\tNoSuchColumn FROM OfficeUsage"
    with pytest.raises(ReportQueryError) as caught:
        parse_query(text)
    assert str(caught.value) == f"Incorrect column name at position {text.index('NoSuchColumn') + 1}"


def test_an_unknown_table_is_reported_before_the_columns_it_would_judge() -> None:
    with pytest.raises(ReportQueryError, match=r"^Invalid table name at position 26$"):
        parse_query("SELECT NoSuchColumn FROM Nowhere")


def test_the_longest_allowed_query_parses() -> None:
    head = "SELECT Month FROM OfficeUsage WHERE CustomerName = '"
    text = head + "x" * (MAX_QUERY_LENGTH - len(head) - 1) + "'"
    assert len(text) == MAX_QUERY_LENGTH
    assert parse_query(text).conditions[0].value == Literal("x" * (MAX_QUERY_LENGTH - len(head) - 1), quoted=True)


# The grammar as a generator: queries over the catalogue, written with random letter case and spacing.
SPACES = st.sampled_from([" ", "  ", "\n", "\t", " \r\n "])


def _recased(draw: st.DrawFn, word: str) -> str:
    return draw(st.sampled_from([word, word.upper(), word.lower(), word.swapcase()]))


@st.composite
def literals(draw: st.DrawFn, quoted: bool) -> Literal:
    if quoted:
        return Literal(draw(st.text(max_size=10)), quoted=True)
    return Literal(draw(st.from_regex(r"-?[0-9]{1,5}(\.[0-9]{1,3})?", fullmatch=True)), quoted=False)


@st.composite
def conditions(draw: st.DrawFn, dataset: Dataset) -> Condition:
    name = draw(st.sampled_from((*dataset.columns, *dataset.metrics)))
    operator = draw(st.sampled_from(OPERATORS))
    quoted = draw(st.booleans())
    if operator in LIST_OPERATORS:
        return Condition(name, operator, tuple(draw(st.lists(literals(quoted), min_size=1, max_size=3))))
    return Condition(name, operator, draw(literals(quoted)))


@st.composite
def queries(draw: st.DrawFn, datasets: tuple[str, ...] = tuple(DATASETS)) -> ReportQuery:
    dataset = DATASETS[draw(st.sampled_from(datasets))]
    selected = draw(
        st.lists(st.sampled_from((*dataset.columns, *dataset.metrics)), min_size=1, max_size=5, unique=True)
    )
    order_keys = st.builds(OrderKey, st.sampled_from(selected), st.booleans())
    return ReportQuery(
        dataset=dataset.name,
        distinct=draw(st.booleans()),
        selected=tuple(selected),
        conditions=tuple(draw(st.lists(conditions(dataset), max_size=3))),
        order=tuple(draw(st.lists(order_keys, max_size=3))),
        limit=draw(st.none() | st.integers(1, MAX_LIMIT)),
        timespan=draw(st.none() | st.sampled_from(dataset.date_ranges)),
    )


@st.composite
def written(draw: st.DrawFn, query: ReportQuery) -> str:
    """The query as someone might type it: any letter case, any spacing, DESC sometimes left to the default."""

    def word(text: str) -> str:
        return _recased(draw, text)

    def gap() -> str:
        return draw(SPACES)

    def comma() -> str:
        return draw(st.sampled_from([",", ", ", " ,", "\n,\t"]))

    def value(item: Literal) -> str:
        return "'" + item.text.replace("'", "''") + "'" if item.quoted else item.text

    parts = [word("SELECT"), *([word("DISTINCT")] if query.distinct else [])]
    parts.append(comma().join(word(name) for name in query.selected))
    parts += [word("FROM"), word(query.dataset)]
    if query.conditions:
        texts = []
        for condition in query.conditions:
            operator = gap().join(word(part) for part in condition.operator.split())
            shown = condition.value
            rendered = "(" + comma().join(map(value, shown)) + ")" if isinstance(shown, tuple) else value(shown)
            symbol = not condition.operator[0].isalpha()
            before = draw(st.sampled_from(["", " "])) if symbol else gap()
            texts.append(word(condition.name) + before + operator + gap() + rendered)
        parts += [word("WHERE"), (gap() + word("AND") + gap()).join(texts)]
    if query.order:
        keys = []
        for key in query.order:
            direction = word("DESC") if key.descending else word("ASC")
            if key.descending and draw(st.booleans()):
                direction = ""
            keys.append(word(key.name) + (gap() + direction if direction else ""))
        parts += [word("ORDER"), word("BY"), comma().join(keys)]
    if query.limit is not None:
        parts += [word("LIMIT"), str(query.limit)]
    if query.timespan is not None:
        parts += [word("TIMESPAN"), word(query.timespan)]
    return draw(st.sampled_from(["", " ", "\n"])) + gap().join(parts) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_every_generated_query_parses_to_itself(data: st.DataObject) -> None:
    query = data.draw(queries())
    text = data.draw(written(query))
    if len(text) > MAX_QUERY_LENGTH:
        return
    assert parse_query(text) == query
    assert parse_query(query.text()) == query


MUTATIONS = st.sampled_from([*"'(),=<>!-.%_ 09aZé\n\x00*;\"", "''", "NOT ", " IN ", "\u2028"])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_one_character_mutation_parses_or_fails_inside_the_text(data: st.DataObject) -> None:
    text = data.draw(written(data.draw(queries())))
    at = data.draw(st.integers(0, len(text)))
    removed = data.draw(st.sampled_from([0, 1]))  # 0: insert, 1: replace (or delete, with nothing inserted)
    inserted = data.draw(MUTATIONS | st.just(""))
    mutated = text[:at] + inserted + text[at + removed :]
    try:
        parse_query(mutated)
    except ReportQueryError as error:
        assert 1 <= error.position <= len(mutated) + 1
        assert error.message and str(error).endswith(f" at position {error.position}")
