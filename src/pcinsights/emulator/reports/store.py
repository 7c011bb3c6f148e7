"""The reports' state in SQLite (the standard library's): user queries, reports, executions and the clock offset.

In memory by default; with ``--state FILE`` in that file (WAL, ``synchronous=FULL``), so what was committed
survives a restart or a kill. Every change runs in one ``transaction()`` that commits before the caller answers;
the callers (``operations``, ``scheduler``) hold the rules, this module only reads and writes rows. One
connection, shared by the request threads and the scheduler under a lock. At start, executions left ``Running``
by a stopped emulator go back to ``Pending``, so they run again; a file of another schema version is refused
(``StateFileError``) rather than misread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import attrs

PENDING, RUNNING, PAUSED, COMPLETED = "Pending", "Running", "Paused", "Completed"
EXECUTION_STATUSES = (PENDING, RUNNING, PAUSED, COMPLETED)
ACTIVE, INACTIVE = "Active", "Inactive"  # a report's statuses, with PAUSED
SCHEMA_VERSION = 1  # PRAGMA user_version of a state file: a file of another schema is refused, not misread

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS queries (
    query_id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, query TEXT NOT NULL, user TEXT NOT NULL,
    created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, query_id TEXT NOT NULL, query TEXT NOT NULL,
    user TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER, execute_now INTEGER NOT NULL,
    start INTEGER NOT NULL, status TEXT NOT NULL, interval INTEGER, count INTEGER, callback_url TEXT,
    callback_method TEXT NOT NULL, format TEXT NOT NULL, query_start INTEGER, query_end INTEGER,
    runs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS executions (
    execution_id TEXT PRIMARY KEY, report_id TEXT NOT NULL, status TEXT NOT NULL, due INTEGER NOT NULL,
    generated INTEGER, format TEXT NOT NULL, file TEXT, raw_bytes INTEGER);
CREATE INDEX IF NOT EXISTS executions_of_report ON executions (report_id, due);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status, due);
"""


@attrs.frozen
class QueryRecord:
    """A user-defined query (system queries are not stored: they come with the datasets)."""

    query_id: str
    name: str
    description: str | None
    query: str
    user: str
    created: int


@attrs.frozen
class ReportRecord:
    """A report: its schedule (``start`` + k·``interval`` hours), its query text, and how many runs completed."""

    report_id: str
    name: str
    description: str | None
    query_id: str
    query: str
    user: str
    created: int
    modified: int | None
    execute_now: bool = attrs.field(converter=bool)
    start: int
    status: str
    interval: int | None
    count: int | None
    callback_url: str | None
    callback_method: str
    format: str
    query_start: int | None
    query_end: int | None
    runs: int


@attrs.frozen
class ExecutionRecord:
    """One run of a report; ``file`` (in the files folder) and ``generated`` are set once it completed."""

    execution_id: str
    report_id: str
    status: str
    due: int
    format: str
    generated: int | None = None
    file: str | None = None
    raw_bytes: int | None = None


_Record = TypeVar("_Record", QueryRecord, ReportRecord, ExecutionRecord)


def _columns(kind: type[attrs.AttrsInstance]) -> list[str]:
    return [field.name for field in attrs.fields(kind)]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" for _ in values)


class StateFileError(sqlite3.DatabaseError):
    """A state file this emulator cannot use (written by another version's schema)."""


class Transaction:
    """Reads and writes inside one transaction (``ReportStore.transaction``)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def _all(self, kind: type[_Record], sql: str, params: Iterable[object] = ()) -> list[_Record]:
        return [kind(**dict(row)) for row in self._db.execute(sql, tuple(params))]

    def _save(self, table: str, record: attrs.AttrsInstance) -> None:
        values = attrs.asdict(record)
        names = list(values)
        sql = f"INSERT OR REPLACE INTO {table} ({','.join(names)}) VALUES ({_marks(names)})"
        self._db.execute(sql, [values[name] for name in names])

    # meta
    def clock_offset(self) -> float:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'clock_offset'").fetchone()
        return 0.0 if row is None else float(row[0])

    def set_clock_offset(self, seconds: float) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset', ?)", (repr(seconds),))

    # queries
    def query(self, query_id: str) -> QueryRecord | None:
        found = self._all(QueryRecord, "SELECT * FROM queries WHERE query_id = ?", [query_id])
        return found[0] if found else None

    def queries(self, *, query_id: str | None = None, name: str | None = None) -> list[QueryRecord]:
        sql, params = "SELECT * FROM queries WHERE 1", list[object]()
        if query_id is not None:
            sql, params = sql + " AND query_id = ?", [*params, query_id]
        if name is not None:
            sql, params = sql + " AND lower(name) = lower(?)", [*params, name]
        return self._all(QueryRecord, sql + " ORDER BY created, rowid", params)

    def save_query(self, query: QueryRecord) -> None:
        self._save("queries", query)

    def delete_query(self, query_id: str) -> None:
        self._db.execute("DELETE FROM queries WHERE query_id = ?", (query_id,))

    # reports
    def report(self, report_id: str) -> ReportRecord | None:
        found = self._all(ReportRecord, "SELECT * FROM reports WHERE report_id = ?", [report_id])
        return found[0] if found else None

    def reports(
        self, *, report_id: str | None = None, name: str | None = None, query_id: str | None = None
    ) -> list[ReportRecord]:
        sql, params = "SELECT * FROM reports WHERE 1", list[object]()
        for column, value in (("report_id", report_id), ("query_id", query_id)):
            if value is not None:
                sql, params = sql + f" AND {column} = ?", [*params, value]
        if name is not None:
            sql, params = sql + " AND lower(name) = lower(?)", [*params, name]
        return self._all(ReportRecord, sql + " ORDER BY created, rowid", params)

    def save_report(self, report: ReportRecord) -> None:
        self._save("reports", report)

    def delete_report(self, report_id: str) -> list[str]:
        """Delete the report and its executions; the files those executions had, for the caller to remove."""
        files = self._files("WHERE report_id = ?", [report_id])
        self._db.execute("DELETE FROM executions WHERE report_id = ?", (report_id,))
        self._db.execute("DELETE FROM reports WHERE report_id = ?", (report_id,))
        return files

    # executions
    def execution(self, execution_id: str) -> ExecutionRecord | None:
        found = self._all(ExecutionRecord, "SELECT * FROM executions WHERE execution_id = ?", [execution_id])
        return found[0] if found else None

    def open_execution(self, report_id: str) -> ExecutionRecord | None:
        """The report's execution still to come (Pending, Paused or Running): there is at most one."""
        found = self._all(
            ExecutionRecord,
            "SELECT * FROM executions WHERE report_id = ? AND status != ? ORDER BY due DESC, rowid DESC",
            [report_id, COMPLETED],
        )
        return found[0] if found else None

    def save_execution(self, execution: ExecutionRecord) -> None:
        self._save("executions", execution)

    def delete_execution(self, execution_id: str) -> None:
        self._db.execute("DELETE FROM executions WHERE execution_id = ?", (execution_id,))

    def find_executions(
        self, report_ids: Sequence[str], execution_ids: Sequence[str], statuses: Sequence[str], since: int
    ) -> list[ExecutionRecord]:
        """The executions of these reports (of these ids, when any) in these statuses, newest first: those still to
        come, and the completed ones due since ``since``."""
        sql = f"SELECT * FROM executions WHERE report_id IN ({_marks(report_ids)}) AND status IN ({_marks(statuses)})"
        params: list[object] = [*report_ids, *statuses]
        if execution_ids:
            sql, params = sql + f" AND execution_id IN ({_marks(execution_ids)})", [*params, *execution_ids]
        sql += " AND (status != ? OR due >= ?) ORDER BY due DESC, rowid DESC"
        return self._all(ExecutionRecord, sql, [*params, COMPLETED, since])

    def first_due(self, now: float) -> ExecutionRecord | None:
        """The Pending execution due longest ago, if any is due at ``now``."""
        found = self._all(
            ExecutionRecord,
            "SELECT * FROM executions WHERE status = ? AND due <= ? ORDER BY due, rowid LIMIT 1",
            [PENDING, now],
        )
        return found[0] if found else None

    def next_due(self) -> int | None:
        """When the next Pending execution falls due."""
        row = self._db.execute("SELECT min(due) FROM executions WHERE status = ?", (PENDING,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def prune(self, report_id: str, before: int) -> list[str]:
        """Forget the report's completed executions due before ``before``; their files, for the caller to remove."""
        where, params = "WHERE report_id = ? AND status = ? AND due < ?", [report_id, COMPLETED, before]
        files = self._files(where, params)
        self._db.execute(f"DELETE FROM executions {where}", params)
        return files

    def clear(self) -> list[str]:
        """Forget everything (queries, reports, executions, the clock offset); the files, for the caller."""
        files = self._files("", [])
        for table in ("meta", "queries", "reports", "executions"):
            self._db.execute(f"DELETE FROM {table}")
        return files

    def _files(self, where: str, params: list[Any]) -> list[str]:
        sql = f"SELECT file FROM executions {where}"
        return [row[0] for row in self._db.execute(sql, params) if row[0]]


class ReportStore:
    """The SQLite database: ``path`` None keeps it in memory for this emulator's life."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path or ":memory:", check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        try:
            if path:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    def _prepare(self) -> None:
        """The schema made or checked; runs left Running by a stopped emulator Pending again."""
        with self.transaction():
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            empty = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
            if version != SCHEMA_VERSION and not empty:
                raise StateFileError(
                    f"{self.path} holds another version's reports state (schema {version}, this emulator's is"
                    f" {SCHEMA_VERSION}): start with a new file"
                )
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.execute("UPDATE executions SET status = ? WHERE status = ?", (PENDING, RUNNING))

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One transaction, committed (durably, with a file) when the block ends, rolled back if it raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield Transaction(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def clock_offset(self) -> float:
        with self.transaction() as tx:
            return tx.clock_offset()

    def set_clock_offset(self, seconds: float) -> None:
        with self.transaction() as tx:
            tx.set_clock_offset(seconds)

    def close(self) -> None:
        with self._lock:
            self._db.close()
