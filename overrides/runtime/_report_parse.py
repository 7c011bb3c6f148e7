"""A report file's bytes in, its rows out, a chunk at a time: no I/O here, so sync and async downloads share it.

Partner Center says nothing of the file beyond "CSV or TSV" (and its samples disagree on compression), so the
parser takes what a careful reader must: gzip named by ``Content-Encoding`` or only by its magic bytes (both,
even), a UTF-8 byte-order mark, CRLF or LF line ends, RFC 4180 quoting with commas, quotes and line breaks inside
fields, and a tab or comma delimiter (given, or guessed from the header line). Memory stays flat: gzip is inflated
in bounded steps, and only the rows of the chunk at hand (plus one unfinished row, bounded) are held.

Each chunk's text is cut at its last line end and read by ``csv.reader`` (C) line by line; a quoted field that
runs past the chunk makes the reader ask for a line it does not have yet, and that row's lines are read again
with the next chunk. Every failure is a ``ReportFormatError`` or ``ReportDownloadError``, never a bare exception.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import itertools
import operator
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from io import StringIO
from typing import Any, NamedTuple, NoReturn

from attrs import fields as attrs_fields

from ._errors import ReportDownloadError, ReportFormatError
from ._types import UNSET

GZIP_MAGIC = b"\x1f\x8b"
# The most text one row may take while its end has not arrived: a file with no line ends (or a quoted field that
# never closes) is refused here rather than held whole. csv's own limit bounds each field at 131,072 characters.
MAX_ROW_CHARS = 8 * 1024 * 1024
_INFLATE_STEP = 64 * 1024  # a batch of rows is built from at most this much text
DELIMITERS = {"csv": ",", "tsv": "\t"}
_MEDIA_DELIMITERS = {"text/csv": ",", "text/tab-separated-values": "\t", "text/tsv": "\t"}

Row = Any  # a dict[str, str], or the dataset's row model
Batch = Iterable[Row]  # a list, or an iterator building each row as it is reached: read it once
Build = Callable[[list[str]], Row]
RowPlan = Callable[[Sequence[str]], Build]  # the header in, how each row is built out


class _NeedMore(Exception):
    """Raised to ``csv.reader`` in place of a line the chunk does not hold yet."""


class _MoreLines:
    """The end of a chunk's lines for ``csv.reader``: asking past it raises ``_NeedMore``."""

    def __iter__(self) -> _MoreLines:
        return self

    def __next__(self) -> NoReturn:
        raise _NeedMore


_MORE = _MoreLines()


def media_delimiter(content_type: str | None) -> tuple[str | None, str | None]:
    """The delimiter a ``Content-Type`` names (None: it names none) and its charset (None: not given)."""
    if not content_type:
        return None, None
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return _MEDIA_DELIMITERS.get(media.strip().lower()), charset


class _Gunzip:
    """Inflates gzip a bounded step at a time; several members one after the other (as ``gzip`` writes on append)
    are read as one stream, and zero padding after the last is ignored, as ``gzip`` itself does."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            if self._inflater.eof:  # another member follows, or padding
                if not data.strip(b"\0"):
                    return
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._started = True
            try:
                piece = self._inflater.decompress(data, _INFLATE_STEP)
                if piece:
                    yield piece
                while len(piece) == _INFLATE_STEP and not self._inflater.unconsumed_tail:  # output left in zlib
                    piece = self._inflater.decompress(b"", _INFLATE_STEP)
                    if piece:
                        yield piece
            except zlib.error:
                raise ReportFormatError("the report's gzip data is corrupt") from None
            data = self._inflater.unconsumed_tail or (self._inflater.unused_data if self._inflater.eof else b"")

    def close(self) -> None:
        if self._started and not self._inflater.eof:
            raise ReportDownloadError("the report's gzip data stops before its end: the file arrived truncated")


class ReportParser:
    """Bytes of one report file in (``feed`` each chunk, then ``close``), rows out.

    ``gzip``: the response said ``Content-Encoding: gzip``. ``delimiter``: "," or "\\t" when the execution's format
    or the ``Content-Type`` says which, else None (guessed from the header line). ``charset``: the Content-Type's
    (UTF-8 when None). ``row_plan`` turns the header into the function building each row (``dict_rows`` or a
    dataset's typed rows).
    """

    def __init__(
        self,
        *,
        gzip: bool,
        delimiter: str | None,
        charset: str | None,
        row_plan: RowPlan,
    ) -> None:
        self._coding = _Gunzip() if gzip else None
        self._gzipped: _Gunzip | None = None  # the file itself is gzip (no Content-Encoding said so)
        self._head: bytes | None = b""  # the first bytes, until there are enough to tell gzip by
        self._decoder = _decoder(charset)
        self._charset = charset or "UTF-8"
        self._decoded = 0  # bytes handed to the text decoder, for the position in its errors
        self._partial = ""  # text after the last line end so far
        self._carry: list[str] = []  # the lines of a row whose end has not arrived
        self._delimiter = delimiter
        self._row_plan = row_plan
        self._build: Build | None = None
        self.rows = 0  # data rows read so far (a batch's rows are counted before they are built)

    def feed(self, chunk: bytes) -> Iterator[Batch]:
        """The rows completed by ``chunk`` (raw bytes as they came off the wire), in batches: one per step of text
        (at most a step of inflated gzip), so a caller iterates lists (or ``map`` iterators), not a generator per
        row. A bad cell raises here, before its batch is handed out."""
        for data in self._bytes(chunk):
            for text in self._text(data, final=False):
                yield self._lines(text, final=False)

    def close(self) -> Iterator[Batch]:
        """The rows left at the end of the file; raises when the file ends mid-way (truncated gzip, an open quote)."""
        for data in self._bytes(b"", final=True):
            for text in self._text(data, final=False):
                yield self._lines(text, final=False)
        for stage in (self._coding, self._gzipped):
            if stage is not None:
                stage.close()
        yield self._lines("".join(self._text(b"", final=True)), final=True)

    def _bytes(self, chunk: bytes, *, final: bool = False) -> Iterator[bytes]:
        """The file's own bytes: inflated per the response's coding, then again when they are gzip themselves."""
        for piece in self._coding.feed(chunk) if self._coding is not None else (chunk,):
            if self._head is not None:  # not sniffed yet
                self._head += piece
                if len(self._head) < len(GZIP_MAGIC):
                    continue
                piece = self._sniff()
            if self._gzipped is not None:
                yield from self._gzipped.feed(piece)
            elif piece:
                yield piece
        if final and self._head:  # a file of one byte
            yield self._sniff()

    def _sniff(self) -> bytes:
        head, self._head = self._head or b"", None
        if head.startswith(GZIP_MAGIC):
            self._gzipped = _Gunzip()
        return head

    def _text(self, data: bytes, *, final: bool) -> Iterator[str]:
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            at = self._decoded + exc.start
            raise ReportFormatError(f"the report is not {self._charset} text (byte {at:,} of the file)") from None
        self._decoded += len(data)
        if text:
            yield text

    def _lines(self, text: str, *, final: bool) -> Batch:
        text = self._partial + text if self._partial else text
        if final:
            cut = len(text)
        else:
            end = len(text) - 1 if text.endswith("\r") else len(text)  # that \r may be half of a \r\n
            cut = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        self._partial = text[cut:]
        if len(self._partial) > MAX_ROW_CHARS:
            raise ReportFormatError(
                f"a row of the report is longer than {MAX_ROW_CHARS:,} characters", row=self.rows + 1
            )
        if cut:
            lines = StringIO(text[:cut], newline="").readlines()
            return self._records(self._carry + lines if self._carry else lines, final=final)
        if final and self._carry:
            return self._records(self._carry, final=True)
        return []

    def _records(self, lines: list[str], *, final: bool) -> Batch:
        self._carry = []
        whole = self._whole(lines)
        if whole is not None:
            count, rows = whole
            self.rows += count
            return rows
        return self._tracked(lines, final=final)

    def _whole(self, lines: list[str]) -> tuple[int, Batch] | None:
        """How many rows ``lines`` hold and the rows, when each line ends a row and every row is regular, built in C
        loops (dicts: no bytecode per row; typed rows: converted column by column, then only the model's own
        ``__init__`` per row); None otherwise (a quoted field running past them, a blank line, a cell or width that
        does not fit), and ``_tracked`` reads the lines again, row by row. Only past the header."""
        build = self._build
        if build is None or self._delimiter is None:
            return None
        try:
            records = list(csv.reader(lines, delimiter=self._delimiter, strict=True))
        except csv.Error:  # among others, a quoted field still open at the last line
            return None
        if isinstance(build, _DictRows):
            if records and set(map(len, records)) != {build.width}:
                return None
            return len(records), list(map(dict, map(zip, itertools.repeat(build.names), records)))
        if isinstance(build, _TypedRows):
            rows = build.batch(records)
            return None if rows is None else (len(records), rows)
        if not all(records):
            return None
        try:
            return len(records), list(map(build, records))
        except _CellError:
            return None

    def _tracked(self, lines: list[str], *, final: bool) -> list[Row]:
        """The rows of ``lines`` read one at a time, keeping the lines of a row whose end has not come yet."""
        if self._delimiter is None:  # guessed from the header line, the first that is not blank
            first = next((line for line in lines if line.strip()), "")
            self._delimiter = "\t" if first.count("\t") > first.count(",") else ","
        reader = csv.reader(lines if final else itertools.chain(lines, _MORE), delimiter=self._delimiter, strict=True)
        done = 0  # the lines of the rows read whole
        build = self._build
        rows: list[Row] = []
        append = rows.append
        try:
            if build is None:
                for header in reader:
                    done = reader.line_num
                    if header:
                        build = self._build = self._row_plan(header)
                        break
                else:
                    return rows
            if isinstance(build, _DictRows):  # the common case, inlined: a call per row costs a tenth of the parse
                names, width = build.names, build.width
                for record in reader:
                    done = reader.line_num
                    if len(record) == width:
                        append(dict(zip(names, record, strict=False)))  # the width is checked: faster
                    elif record:  # not a blank line (csv.writer quotes a lone empty field, so that is no row)
                        build(record)
            for record in reader:
                done = reader.line_num
                if record:
                    append(build(record))
        except _NeedMore:
            self._carry = lines[done:]
            if sum(map(len, self._carry)) > MAX_ROW_CHARS:
                raise ReportFormatError(
                    f"a row of the report is longer than {MAX_ROW_CHARS:,} characters", row=self.rows + len(rows) + 1
                ) from None
        except csv.Error as exc:
            number = self.rows + len(rows) + 1
            where = "its header" if build is None else f"row {number}"
            raise ReportFormatError(
                f"the report is not well-formed {'TSV' if self._delimiter == chr(9) else 'CSV'} at {where} ({exc})",
                row=None if build is None else number,
            ) from None
        except _CellError as exc:
            number = self.rows + len(rows) + 1
            where = f"row {number}" + (f", column {exc.column}" if exc.column is not None else "")
            raise ReportFormatError(f"{where}: {exc.reason}", row=number, column=exc.column) from None
        self.rows += len(rows)
        return rows


def _decoder(charset: str | None) -> codecs.IncrementalDecoder:
    name = "utf-8-sig"
    if charset is not None:
        try:
            info = codecs.lookup(charset)
        except LookupError:
            raise ReportFormatError(f"the report's charset {charset[:40]!r} is not one Python knows") from None
        name = "utf-8-sig" if info.name in ("utf-8", "utf-8-sig") else info.name
    return codecs.getincrementaldecoder(name)(errors="strict")


class _CellError(Exception):
    """A cell or row that does not fit the header: ``column`` (None for the row as a whole) and why."""

    def __init__(self, column: str | None, reason: str) -> None:
        self.column = column
        self.reason = reason


def header_names(header: Sequence[str]) -> list[str]:
    """The header's column names, stripped; a duplicate or empty name is an error (it would lose cells)."""
    names = [name.strip() for name in header]
    seen: set[str] = set()
    for name in names:
        if not name:
            raise ReportFormatError("the report's header has an empty column name")
        if name in seen:
            raise ReportFormatError(f"the report's header names the column {name[:80]!r} twice", column=name[:80])
        seen.add(name)
    return names


class _DictRows:
    """Rows as ``dict[str, str]`` keyed by the header's names (``ReportParser`` builds them inline)."""

    def __init__(self, header: Sequence[str]) -> None:
        self.names = header_names(header)
        self.width = len(self.names)

    def __call__(self, record: list[str]) -> dict[str, str]:
        if len(record) != self.width:
            raise _CellError(None, f"{len(record)} cells where the header has {self.width}")
        return dict(zip(self.names, record, strict=False))


def dict_rows(header: Sequence[str]) -> Build:  # a RowPlan
    """The row plan of plain rows: ``dict[str, str]`` keyed by the header's names."""
    return _DictRows(header)


class Column(NamedTuple):
    """A typed column: the row model's ``attribute``, its JSON ``kind`` (string, integer, number, boolean, date,
    date-time) and whether it is ``nullable``: an empty cell is then None (the spec: null stands for an empty
    cell), and so is a blank one outside string columns; else "" in a string column and UNSET in another."""

    attribute: str
    kind: str
    nullable: bool = True


def _boolean(text: str) -> bool:
    folded = text.strip().lower()
    if folded in ("true", "1"):
        return True
    if folded in ("false", "0"):
        return False
    raise ValueError(text)


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        number = float(text)  # "12.0": a whole number written as a decimal
        if not number.is_integer():
            raise
        return int(number)


_SLOW: dict[str, Callable[[str], Any]] = {
    "integer": _integer,
    "number": float,
    "boolean": _boolean,
    "date": datetime.date.fromisoformat,
    "date-time": datetime.datetime.fromisoformat,
}
# The same conversions as C builtins where there is one, for the common cell (not empty, a plain spelling): any
# exception sends the cell to the slow one, which tells an empty cell from a bad one (an error naming it). No fast
# one accepts a blank cell, and what it accepts the slow one reads alike. A string column's cell stays as it is.
_FAST: dict[str, Callable[[str], Any]] = {**_SLOW, "integer": int}
_TYPE_NAMES = {"integer": "a whole number", "number": "a number", "boolean": "true or false"}


def _empty(column: Column) -> Any:
    """What an empty cell of ``column`` reads as."""
    return None if column.nullable else "" if column.kind == "string" else UNSET


def _careful(name: str, column: Column) -> Callable[[str], Any]:
    """The slow conversion of a cell of the non-string ``column`` headed ``name``: a blank cell reads as empty, one
    that does not convert raises a ``_CellError`` naming the column."""
    parse, empty = _SLOW[column.kind], _empty(column)
    expected = _TYPE_NAMES.get(column.kind, f"a {column.kind}")

    def cell(text: str) -> Any:
        if not text.strip():
            return empty
        try:
            return parse(text)
        except (ValueError, TypeError, OverflowError):
            raise _CellError(name, f"{text[:40]!r} is not {expected}") from None

    return cell


class _TypedRows:
    """Rows as a dataset's row model, for one header: which cells convert (only the non-string columns'), which
    string cells read as None when empty, and where each of the model's ``__init__`` arguments comes from, all
    worked out once. The model is always built by its ``__init__`` (positional arguments), as a caller would."""

    def __init__(
        self, model: type[Any], order: Sequence[str], by_name: Mapping[str, Column], header: Sequence[str]
    ) -> None:
        names = header_names(header)
        known = [(i, by_name[name.lower()]) for i, name in enumerate(names) if name.lower() in by_name]
        self.model = model
        self.width = len(names)
        self.extra = [(i, name) for i, name in enumerate(names) if name.lower() not in by_name]
        # (index, fast, careful) of each cell to convert, in the header's order (the first bad one is reported)
        self.cells = [(i, _FAST[c.kind], _careful(names[i], c)) for i, c in known if c.kind != "string"]
        # string cells whose empty text reads as something else (None: the column is nullable)
        self.blanks = [(i, _empty(c)) for i, c in known if c.kind == "string" and _empty(c) != ""]
        position = {column.attribute: i for i, column in known}  # a later column of one attribute wins
        last = max((order.index(attribute) for attribute in position), default=-1)
        # the header index of each __init__ argument up to the last one a column gives; None: UNSET
        self.picks = [position.get(attribute) for attribute in order[: last + 1]]
        self.direct = self.picks == list(range(self.width))  # the record is the arguments as it stands
        at = [self.width if i is None else i for i in self.picks]  # the UNSET appended to the record
        # itemgetter of one index gives no tuple, and of none is an error
        self.reorder: Callable[[list[Any]], Any] = (
            operator.itemgetter(*at) if len(at) > 1 else lambda values: tuple(values[i] for i in at)
        )

    def __call__(self, record: list[str]) -> Any:
        """One row from its cells (``record`` is converted in place: ``csv.reader`` gives each row a new list)."""
        if len(record) != self.width:
            raise _CellError(None, f"{len(record)} cells where the header has {self.width}")
        values: list[Any] = record
        try:
            for i, fast, _ in self.cells:
                values[i] = fast(values[i])
        except Exception:  # an empty cell, or one the fast path cannot read: the cells left, carefully
            for i, _, careful in self.cells:
                if type(values[i]) is str:  # not converted yet (no kind converts to a str)
                    values[i] = careful(values[i])
        if "" in values:
            for i, empty in self.blanks:
                if not values[i]:
                    values[i] = empty
        if self.direct:
            row = self.model(*values)
        else:
            values.append(UNSET)
            row = self.model(*self.reorder(values))
        if self.extra:
            row.additional_properties = {name: record[i] for i, name in self.extra}
        return row

    def batch(self, records: list[list[str]]) -> Iterator[Any] | None:
        """The rows of ``records``, column by column: each column converted in one C loop (a column with an empty or
        odd cell goes cell by cell), all before the first row is built; then an iterator building each row as it is
        reached (``map`` calls the model over the columns). None when a row does not fit (a width, a cell that does
        not convert): the caller reads them row by row for the error.

        Rows are built as they are read, not into a list, because a model (unlike a dict of str) is tracked by the
        cyclic garbage collector: a batch of them alive at once is scanned and promoted by every collection that
        runs meanwhile, which costs more than the conversions here."""
        if set(map(len, records)) != {self.width}:  # also a blank line, []
            return None
        columns: list[Sequence[Any]] = list(zip(*records, strict=True))
        try:
            for i, fast, careful in self.cells:
                try:
                    columns[i] = list(map(fast, columns[i]))
                except Exception:
                    columns[i] = list(map(careful, columns[i]))
        except _CellError:
            return None
        for i, empty in self.blanks:
            if "" in columns[i]:
                columns[i] = [text or empty for text in columns[i]]
        rows: Iterator[Any]
        if self.picks:
            unset = itertools.repeat(UNSET)
            rows = map(self.model, *[unset if i is None else columns[i] for i in self.picks])
        else:  # no column the model knows
            rows = itertools.starmap(self.model, itertools.repeat((), len(records)))
        if not self.extra:
            return rows
        names = itertools.repeat([name for _, name in self.extra])
        cells = zip(*[columns[i] for i, _ in self.extra], strict=True)
        return map(_with_extra, rows, map(dict, map(zip, names, cells)))


def _with_extra(row: Any, properties: dict[str, str]) -> Any:
    """``row`` with the cells of the columns its model does not know."""
    row.additional_properties = properties
    return row


def typed_rows(model: type[Any], columns: Mapping[str, Column]) -> RowPlan:
    """The row plan for a dataset's row ``model`` (an attrs class): ``columns`` maps each column's name (in any
    letter case) to its ``Column``. A column the model does not know is kept as text in ``additional_properties``;
    a model attribute without a column stays UNSET."""
    order = [attribute.name for attribute in attrs_fields(model) if attribute.init]
    by_name = {name.lower(): spec for name, spec in columns.items()}

    def plan(header: Sequence[str]) -> Build:
        return _TypedRows(model, order, by_name, header)

    return plan


__all__ = [
    "DELIMITERS",
    "MAX_ROW_CHARS",
    "Column",
    "ReportParser",
    "RowPlan",
    "dict_rows",
    "media_delimiter",
    "typed_rows",
]
