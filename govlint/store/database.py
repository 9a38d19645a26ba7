"""The SQLite file: each file's cached findings and facts, and the files of the running check.

Two tables do the work:

- ``results``: per (shown path, run key, content digest) the findings as JSON and the facts.
  A new result for a path replaces the older ones made under the same run key, so a file
  edited a hundred times keeps one row.
- ``run_files``: the facts of the files of one running check, under a run id of its own
  (``govlint.store.facts.StoreFacts`` reads them for the corpus rules, by agency through the
  ``run_files_agency`` index), so corpus rules see exactly this run's reports, never a file
  that an earlier or a concurrent run checked. Paths are UTF-8 bytes (``surrogatepass``), so
  an undecodable file name is stored too and path order is code-point order. The rows go
  when the run ends; rows of a run that was killed go when any run starts a day later.

Concurrency is SQLite's: WAL journal, a generous busy timeout, each batch of writes one
``BEGIN IMMEDIATE`` transaction. A file that is not a database, or a database that is not
govlint's, raises ``StoreUnusable`` on opening; the caller warns once and goes on without it.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from pathlib import Path

APPLICATION = "govlint-store"
#: bump when the tables change: an older govlint store is then rebuilt, never misread
SCHEMA = 1
BUSY_MS = 60_000
STALE_RUN_SECONDS = 86_400

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    path TEXT NOT NULL, run_key TEXT NOT NULL, digest TEXT NOT NULL,
    findings TEXT NOT NULL, facts TEXT,
    PRIMARY KEY (path, run_key, digest));
CREATE TABLE IF NOT EXISTS runs (run TEXT PRIMARY KEY, started REAL NOT NULL);
CREATE TABLE IF NOT EXISTS run_files (
    run TEXT NOT NULL, path BLOB NOT NULL, agency TEXT, facts TEXT NOT NULL,
    PRIMARY KEY (run, path));
CREATE INDEX IF NOT EXISTS run_files_agency ON run_files (run, agency);
"""


class StoreUnusable(Exception):
    """The store file cannot be used (the message says why, in Chinese)."""


class Store:
    """One connection to a store file; ``run`` is this check's id in ``run_files``."""

    def __init__(self, path: Path, temporary: bool = False):
        self.path = Path(path)
        self.temporary = temporary
        self.run = uuid.uuid4().hex
        try:
            self.db = sqlite3.connect(str(self.path), timeout=BUSY_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreUnusable(f"无法打开: {exc}") from None
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self._prepare()  # first: a file that is not ours is left untouched
            if not temporary:
                try:  # persistent once set; a concurrent first run may hold the lock: it sets it
                    self.db.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError:
                    pass
            self.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreUnusable(f"不是可用的 SQLite 数据库（{exc}）") from None

    @classmethod
    def open_temporary(cls) -> "Store":
        """A store for one run only (the cache is off): the facts still live on disk, not in memory."""
        import tempfile

        handle, name = tempfile.mkstemp(prefix="govlint-run-", suffix=".sqlite3")
        os.close(handle)
        try:
            return cls(Path(name), temporary=True)
        except StoreUnusable:
            os.unlink(name)
            raise

    def _prepare(self) -> None:
        with self.transaction():
            tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            meta = {}
            if "meta" in tables:
                meta = dict(self.db.execute("SELECT key, value FROM meta"))
            if tables and meta.get("application") != APPLICATION:
                raise StoreUnusable("不是 govlint 的缓存文件")
            if meta and meta.get("schema") != str(SCHEMA):  # govlint's, from another version
                for table in ("results", "runs", "run_files", "meta"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _TABLES.split(";"):  # executescript would commit the transaction
                if statement.strip():
                    self.db.execute(statement)
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                [("application", APPLICATION), ("schema", str(SCHEMA))])
            now = time.time()
            stale = [row[0] for row in self.db.execute("SELECT run FROM runs WHERE started < ?",
                                                       (now - STALE_RUN_SECONDS,))]
            for run in stale:
                self._forget_run(run)
            self.db.execute("INSERT INTO runs VALUES (?, ?)", (self.run, now))

    def transaction(self):
        return _Transaction(self.db)

    # -- cached results ------------------------------------------------------------------
    def lookup(self, path: str, run_key: str, digest: str) -> tuple[str, str | None] | None:
        """The findings (JSON) and facts (JSON or None) cached for this file, or None."""
        return self.db.execute("SELECT findings, facts FROM results WHERE path=? AND run_key=? AND digest=?",
                               (path, run_key, digest)).fetchone()

    def save(self, rows: list[tuple[str, str, str, str, str | None]]) -> None:
        """Cache results: rows of (path, run key, digest, findings JSON, facts JSON)."""
        with self.transaction():
            self.db.executemany("DELETE FROM results WHERE path=? AND run_key=? AND digest<>?",
                                [(p, k, d) for p, k, d, _f, _x in rows])
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)", rows)

    # -- this run's files ------------------------------------------------------------------
    def add_to_run(self, rows: list[tuple[bytes, str | None, str]]) -> None:
        """Record files of this run: rows of (path as UTF-8 bytes, agency, facts JSON)."""
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO run_files VALUES (?, ?, ?, ?)",
                                [(self.run, *row) for row in rows])

    def run_query(self, where: str = "", args: tuple = (), columns: str = "facts"):
        """``columns`` of this run's files (``AND where``), in path order."""
        return self.db.execute(f"SELECT {columns} FROM run_files WHERE run=? {where} ORDER BY path",
                               (self.run, *args))

    def _forget_run(self, run: str) -> None:
        self.db.execute("DELETE FROM run_files WHERE run=?", (run,))
        self.db.execute("DELETE FROM runs WHERE run=?", (run,))

    def close(self) -> None:
        try:
            with self.transaction():
                self._forget_run(self.run)
        except sqlite3.Error:
            pass
        self.db.close()
        if self.temporary:
            for suffix in ("", "-wal", "-shm", "-journal"):
                try:
                    os.unlink(str(self.path) + suffix)
                except OSError:
                    pass


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on an error): the write lock is taken at
    the start, so two processes never both read and then fail to upgrade to writing."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, tb):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False
