"""Where corpus rules get facts: the ``Facts`` interface and its in-memory implementation.

Corpus rules (``scope = "run"``) receive one ``Facts`` object and ask it for what they
compare: every record (``iter``), one agency's records (``by_agency``), one file's
(``get``). Nothing else, so that a store holding the facts on disk (SQLite, queried by
agency and year) can stand in for ``MemoryFacts`` without a rule noticing.

``MemoryFacts`` keeps each record as compressed JSON (about a kilobyte), not as Python
objects, and decodes on access: a run of 100,000 reports holds about 100 MB.
"""

from __future__ import annotations

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
    """Facts held in this process, each record compressed."""

    def __init__(self, records=()):
        self._records: dict[str, bytes] = {}
        self._agencies: dict[str, list[tuple[tuple, str]]] = {}
        for record in records:
            self.add(record)

    def add(self, record: dict) -> None:
        path = record["path"]
        if path in self._records:
            self._forget(path)
        self._records[path] = zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"), 1)
        if record.get("agency"):
            self._agencies.setdefault(record["agency"], []).append((order_key(record), path))

    def _forget(self, path: str) -> None:
        old = self.get(path)
        if old and old.get("agency"):
            self._agencies[old["agency"]] = [e for e in self._agencies[old["agency"]] if e[1] != path]

    def __iter__(self) -> Iterator[dict]:
        for path in sorted(self._records):
            yield self.get(path)

    def __len__(self) -> int:
        return len(self._records)

    def get(self, path: str) -> dict | None:
        data = self._records.get(path)
        return json.loads(zlib.decompress(data)) if data is not None else None

    def agencies(self) -> list[str]:
        return sorted(k for k, v in self._agencies.items() if v)

    def by_agency(self, agency: str) -> list[dict]:
        return [self.get(path) for _, path in sorted(self._agencies.get(agency, ()))]
