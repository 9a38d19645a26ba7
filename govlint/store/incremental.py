"""Incremental runs: files whose result is in the store are answered from it, the rest checked.

The driver reads and hashes each file (cheap next to parsing it), looks its key up, and hands
only the misses to the executor; results then come back merged in path order, exactly as a
run without the store would give them. Fresh results are written back in batches, one
transaction each. Every file's facts, cached or fresh, come back with its result, for the
engine to hand to the run's facts provider (``govlint.store.facts.StoreFacts``).

Not cached: a file with a GL000 finding (a time limit or a dead worker depends on the machine
and the moment, a crash is worth re-trying after a fix), a file that cannot be read or is over
the size limit, and a file whose findings or facts do not survive the JSON round trip.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator

from govlint.store import codec
from govlint.store.database import Store
from govlint.store.keys import content_digest

#: results written to the store per transaction
BATCH = 500


class Incremental:
    """A run's view of the store: ``results(paths, check)`` replaces ``check(paths)``.

    ``use_cache`` False (``--no-cache``, or a cache that could not be opened) still records
    this run's facts in ``store`` (then a temporary one), but reads and writes no results.
    ``warn(message)`` is told once if the store fails in the middle of the run.
    """

    def __init__(self, store: Store, run_key: str, max_size: int, use_cache: bool = True,
                 warn: Callable[[str], None] | None = None):
        self.store, self.run_key, self.max_size = store, run_key, max_size
        self.use_cache = use_cache
        self.warn = warn or (lambda message: None)
        self.failed = False
        self.checked = 0  # files the executor checked (the rest came from the store)
        self._results: list = []

    def results(self, paths: list[str], check: Callable[[list[str]], Iterable],
                names: dict[str, str] | None = None) -> Iterator:
        """``names``: the path findings show for a file whose own path is not it (standard input)."""
        from govlint.engine import FileResult, display_path

        names = names or {}
        plan = [self._plan(path, names.get(path) or display_path(path)) for path in paths]
        misses = [path for path, (_shown, _digest, hit) in zip(paths, plan) if not hit]
        self.checked = len(misses)
        fresh = iter(check(misses)) if misses else iter(())
        for path, (shown, digest, hit) in zip(paths, plan):
            row = self._lookup(shown, digest) if hit else None
            if row is not None:
                result = FileResult(shown, codec.decode(row[0]), facts=codec.decode_facts(row[1]))
            elif hit:  # a concurrent run replaced the row since: check this file after all
                result = next(iter(check([path])))
                self.checked += 1
                self._remember(result, digest)
            else:
                result = next(fresh)
                self._remember(result, digest)
            yield result
        self.flush()

    # -- reading --------------------------------------------------------------------------
    def _plan(self, path: str, shown: str) -> tuple[str, str | None, bool]:
        digest = self._digest(path) if self.use_cache else None
        return shown, digest, digest is not None and self._lookup(shown, digest) is not None

    def _digest(self, path: str) -> str | None:
        try:
            status = os.stat(path)
            if not stat.S_ISREG(status.st_mode):
                return None
            from govlint.regular_file import read_at_most

            with open(path, "rb") as handle:
                data = read_at_most(handle, self.max_size, status.st_size)
        except OSError:
            return None
        return content_digest(data) if len(data) <= self.max_size else None

    def _lookup(self, shown: str, digest: str | None):
        if digest is None or not self.use_cache:
            return None
        try:
            return self.store.lookup(shown, self.run_key, digest)
        except sqlite3.Error as exc:
            self._broken(exc)
            return None

    # -- writing --------------------------------------------------------------------------
    def _remember(self, result, digest: str | None) -> None:
        if not self.use_cache or digest is None or any(f.code == "GL000" for f in result.findings):
            return
        try:
            result.path.encode("utf-8")  # an undecodable file name (surrogate escapes) is not cached
            row = (result.path, self.run_key, digest, codec.encode(result.findings),
                   codec.encode_facts(result.facts))
        except (codec.Uncacheable, UnicodeEncodeError):
            return
        self._results.append(row)
        if len(self._results) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending results."""
        results, self._results = self._results, []
        if not results or not self.use_cache:
            return
        try:
            self.store.save(results)
        except sqlite3.Error as exc:
            self._broken(exc)

    def close(self) -> None:
        """End the run: this run's rows go, a temporary store is deleted."""
        self.store.close()

    def _broken(self, exc: Exception) -> None:
        if not self.failed:
            self.failed = True
            self.use_cache = False
            self.warn(f"缓存 {self.store.path} 出错，本次运行不再使用缓存: {exc}")
