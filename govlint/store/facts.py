"""``StoreFacts``: the corpus rules' facts provider (``govlint.corpus.provider.Facts``) on SQLite.

The in-memory provider keeps every record of the run in the process; this one writes them to
the run's ``run_files`` rows (in batches, one transaction each) and reads them back when a
rule asks: one agency's records through an index, every record as a stream. So the driver's
memory does not grow with the corpus, and a record is the same dict whichever provider holds it.
With ``--no-cache`` the store is a temporary file, so this holds for uncached runs too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from govlint.corpus.provider import Facts, order_key

#: records written per transaction
BATCH = 500


def _key(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass")


class StoreFacts(Facts):
    """The facts of this run's files in ``store`` (a ``govlint.store.database.Store``)."""

    def __init__(self, store):
        self.store = store
        self._pending: list[tuple[bytes, str | None, str]] = []

    def add(self, record: dict) -> None:
        # ASCII JSON: an undecodable file name (surrogate escapes) is stored like any other
        text = json.dumps(record, separators=(",", ":"))
        self._pending.append((_key(record["path"]), record.get("agency"), text))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            self.store.add_to_run(pending)

    def _rows(self, where: str = "", args: tuple = (), columns: str = "facts"):
        self.flush()
        return self.store.run_query(where, args, columns)

    def __iter__(self) -> Iterator[dict]:
        for (text,) in self._rows():
            yield json.loads(text)

    def __len__(self) -> int:
        return self._rows(columns="COUNT(*)").fetchone()[0]

    def get(self, path: str) -> dict | None:
        row = self._rows("AND path=?", (_key(path),)).fetchone()
        return json.loads(row[0]) if row else None

    def agencies(self) -> list[str]:
        return sorted({agency for (agency,) in self._rows("AND agency IS NOT NULL", columns="DISTINCT agency")})

    def by_agency(self, agency: str) -> list[dict]:
        return sorted((json.loads(text) for (text,) in self._rows("AND agency=?", (agency,))), key=order_key)
