"""What the corpus rules share: one report per publication, consecutive years, the later report.

A report published twice (the page and its text extraction, or two crawls) has the same
agency, year and signature (``govlint.corpus.facts``); it is one report, so the rules use one
of the copies: the one whose tables were read with the fewest uncertain cells (a page's
table rather than an extraction's glued digits), then the first path. Cross-report findings
are reported on the later report: later year, then later publication date, then later path
(``govlint.corpus.provider.order_key``).
"""

from __future__ import annotations

from govlint.corpus.facts import table
from govlint.corpus.provider import order_key

from .._arith import achievable


def uncertain_cells(record: dict) -> int:
    """Cells read as several possible values or as text: fewer means a better-read copy."""
    count = 0
    for data in (record.get("tables") or {}).values():
        for cols in data.get("cells", {}).values():
            count += sum(isinstance(v, (list, str)) for v in cols.values())
    return count


def publications(records: list[dict]) -> list[dict]:
    """One record per publication: copies (same agency, year and signature) reduced to the
    best-read one. Records without a signature stand alone. Order kept (``order_key``)."""
    best: dict[tuple, dict] = {}
    out = []
    for record in records:
        if not record.get("signature"):
            out.append(record)
            continue
        key = (record.get("agency"), record.get("year"), record["signature"])
        current = best.get(key)
        if current is None or (uncertain_cells(record), record["path"]) < (uncertain_cells(current), current["path"]):
            best[key] = record
    out.extend(best.values())
    return sorted(out, key=order_key)


def consecutive_years(facts):
    """(last year's record, this year's record) for every agency with consecutive years in
    the run, one publication each side (all pairs when a year has two different reports)."""
    for agency in facts.agencies():
        by_year: dict[int, list[dict]] = {}
        for record in publications(facts.by_agency(agency)):
            if record.get("year"):
                by_year.setdefault(record["year"], []).append(record)
        for year in sorted(by_year):
            for previous in by_year.get(year - 1, ()):
                for current in by_year[year]:
                    yield previous, current


def cell_values(record: dict, kind: str, terms):
    """The achievable values (``_arith.Sums``) of a linear expression over one report's cells,
    over every reading of its glued cells; None when a cell is missing or text."""
    found = rebuilt(record, kind)
    return None if found is None else achievable(found, terms)


def rebuilt(record: dict, kind: str):
    """The record's table of ``kind`` (``facts.table``), rebuilt once per record."""
    cache = record.setdefault("_tables", {})
    if kind not in cache:
        cache[kind] = table(record, kind)
    return cache[kind]


def later(a: dict, b: dict) -> tuple[dict, dict]:
    """(earlier, later) of two records."""
    return (a, b) if order_key(a) <= order_key(b) else (b, a)


def name_of(record: dict) -> str:
    """How a message names another report: its path and year."""
    year = f"{record['year']} 年度，" if record.get("year") else ""
    return f"{record['path']}（{year}{record.get('agency_name') or '机关未识别'}）"
