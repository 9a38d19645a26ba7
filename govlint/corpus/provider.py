"""Where corpus rules get facts: the ``Facts`` interface and its in-memory implementation.

Corpus rules (``scope = "run"``) receive one ``Facts`` object and ask it for what they
compare: every record (``iter``), one agency's records (``by_agency``), one file's
(``get``). Nothing else, so that a store holding the facts on disk (SQLite, queried by
agency and year) can stand in for ``MemoryFacts`` without a rule noticing.

``MemoryFacts`` keeps each record as compressed JSON (3 to 4 kB with the tables' cells and
positions), not as Python objects, in a spooled file that moves to disk past 64 MB, and
decodes on access: the process holds an index entry per file (about 200 bytes).
"""

from __future__ import annotations

import io
import json
import zlib
from typing import Iterator


def order_key(record: dict) -> tuple:
    """Earlier to later: by year, then publication date, then path (unknowns first)."""
    return (record.get("year") or 0, record.get("published") or "", record.get("path") or "")


class Facts:
    """The facts of one run's reports, as corpus rules read them.

    ``add`` is called once per checked file by the engine; the other methods are the read
    interface. Iteration is in path order; ``by_agency`` in ``order_key`` order.
    """

    def add(self, record: dict) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __iter__(self) -> Iterator[dict]:  # pragma: no cover - interface
        raise NotImplementedError

    def __len__(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def get(self, path: str) -> dict | None:  # pragma: no cover - interface
        raise NotImplementedError

    def agencies(self) -> list[str]:  # pragma: no cover - interface
        """The agency keys of the run, sorted."""
        raise NotImplementedError

    def by_agency(self, agency: str) -> list[dict]:  # pragma: no cover - interface
        """One agency's records, earlier to later (``order_key``)."""
        raise NotImplementedError


class MemoryFacts(Facts):
    """Facts held by this process: each record compressed and appended to a spooled file
    (in memory up to ``SPOOL_BYTES``, then a temporary file on disk), with an index of
    where each record is. Memory holds the index: a path, an agency and an offset per file."""

    #: compressed records kept in memory before the spool moves to a temporary file
    SPOOL_BYTES = 64 * 1024 * 1024

    def __init__(self, records=()):
        #: the records, in memory up to ``SPOOL_BYTES``, then in a temporary file (``_append``)
        self._spool = io.BytesIO()
        self._where: dict[str, tuple[int, int]] = {}
        self._agencies: dict[str, dict[str, tuple]] = {}
        self._agency_of: dict[str, str] = {}
        for record in records:
            self.add(record)

    def add(self, record: dict) -> None:
        path = record["path"]
        # surrogatepass: an undecodable file name (surrogate escapes) must round-trip, not raise
        data = zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"), 1)
        self._where[path] = (self._append(data), len(data))
        old = self._agency_of.pop(path, None)
        if old is not None:
            self._agencies[old].pop(path, None)
        if record.get("agency"):
            self._agency_of[path] = record["agency"]
            self._agencies.setdefault(record["agency"], {})[path] = order_key(record)

    def _append(self, data: bytes) -> int:
        """Writes ``data`` at the end of the spool and returns where it starts; the spool moves
        to a temporary file when it outgrows ``SPOOL_BYTES`` (``tempfile`` is imported then:
        a run of one file never needs it)."""
        spool = self._spool
        end = spool.seek(0, 2)
        if isinstance(spool, io.BytesIO) and end + len(data) > self.SPOOL_BYTES:
            import tempfile

            disk = tempfile.TemporaryFile()
            disk.write(spool.getbuffer())
            self._spool = spool = disk
        spool.write(data)
        return end

    def __iter__(self) -> Iterator[dict]:
        for path in sorted(self._where):
            yield self.get(path)

    def __len__(self) -> int:
        return len(self._where)

    def get(self, path: str) -> dict | None:
        where = self._where.get(path)
        if where is None:
            return None
        self._spool.seek(where[0])
        return json.loads(zlib.decompress(self._spool.read(where[1])).decode("utf-8", "surrogatepass"))

    def agencies(self) -> list[str]:
        return sorted(k for k, v in self._agencies.items() if v)

    def by_agency(self, agency: str) -> list[dict]:
        paths = self._agencies.get(agency, {})
        return [self.get(path) for path in sorted(paths, key=lambda p: paths[p])]
