"""Facts: what the corpus stage needs to know of one report, as a small serialisable record.

The per-file stage runs in a worker process (or on another machine); it parses the report,
runs the per-report rules, and sends back the findings and these facts, never the parsed
report, so the main process holds a few kilobytes per file whatever the run's size, and a
store can keep the facts between runs. Corpus rules (``scope = "run"``) read facts only.

A facts record is a ``dict`` of JSON values (``json.dumps`` takes it as is):

==============  ======================================================================
key             value
==============  ======================================================================
``version``     ``FACTS_VERSION``: the record's layout; a store drops records of another
``path``        the path as findings show it
``agency``      the agency key (``govlint.corpus.agency``), canonical per config ``agencies``;
                None when no name was found
``agency_name`` the name as found (title, metadata or body), None with ``agency``
``year``        the report year (``Report.metadata.year``), an int or None
``template``    ``"2021"``, ``"2019"``, ``"hybrid"``, ``"pre2019"`` or None
``title``       the title, or None; ``title_span`` its ``[line, column, end_line,
                end_column]`` (the first section heading's when the title is not in the
                text): where a finding on the whole report points
``published``   the publication date, ``YYYY-MM-DD``, or None
``signature``   hex digest of the report's own prose (``_signature``: whitespace and
                punctuation removed), or None: a page and its text extraction share it
``suppressions`` the file's suppression comments as plain data
                (``Suppressions.to_data``): run-scope findings on this file honour them
``tables``      ``{"table2"|"table3"|"table4": table}``, each table ``{"cells": {row:
                {col: cell}}, "readings": [...]}``; a cell is a number, None (empty), a
                string (the text printed where no number was read: a blank mark such as
                ``-`` or ``无``, or text) or a list (the possible values of a glued cell);
                ``readings`` lists the glued rows' linked readings as
                ``{"runs": […], "cells": [[row, col], …], "values": [[…], …]}``;
                ``spans`` each cell's ``[line, column, end_line, end_column]``
                (``row → col → span``), ``span`` the table's
``sketch``      the MinHash signature (``govlint.corpus.prose``) of the report's own prose,
                a list of ints, or None when not asked for or the prose is too short
==============  ======================================================================

A run without corpus rules needs no such record: the engine (``Checker.facts``) extracts none
unless a reporter shows the metadata or the result cache keeps it, and then without
``signature``, ``tables`` and ``sketch``. The cache stays right because whether the corpus
rules run is part of every cached result's key (``govlint.store.keys``): a later run with them
on never reads a record made without them.

``table(facts, kind)`` rebuilds a ``govlint.report.Table`` from the record, so corpus rules
evaluate identities with the same helpers as the per-report rules (``rules/_arith.py``:
``achievable`` over the readings of glued cells).
"""

from __future__ import annotations

from decimal import Decimal

#: the layout of the record; bumped when a key changes meaning
FACTS_VERSION = 1
TABLE_KINDS = ("table2", "table3", "table4")
#: a glued row whose readings hold more numbers than this is left out (its cells become
#: unknown, so identities using them are skipped): facts stay small
MAX_READING_NUMBERS = 2000
#: the text that stands for a cell left out with its readings (not a blank mark)
TEXT_CELL = "?"
#: the keys only the corpus rules read, absent from a record extracted with ``corpus=False``
CORPUS_ONLY = ("signature", "tables", "sketch")


def extract(report, aliases: dict[str, str] | None = None, sketch: bool = False,
            num_perm: int | None = None, suppressions: list | None = None, corpus: bool = True) -> dict:
    """The facts of a parsed report: ``aliases`` are the config's agency names
    (``agency.alias_map``), ``sketch`` whether to compute the prose sketch for the
    copied-report search, ``suppressions`` the file's directives as plain data
    (``govlint.suppressions.Suppressions.to_data``). ``corpus`` False: the metadata only, for
    a reporter or a cache when no corpus rule runs (``CORPUS_ONLY`` keys are left out: they cost
    a pass over every cell and the prose, and only the corpus rules read them)."""
    from govlint.corpus.agency import report_agency

    meta = report.metadata
    key, name = report_agency(report, aliases)
    record = {
        "version": FACTS_VERSION,
        "path": report.path,
        "agency": key,
        "agency_name": name,
        "year": meta.year,
        "template": report.template,
        "title": meta.title,
        "title_span": _span(meta.title_span or next((x.span for x in report.sections if x.span), None)),
        "published": meta.published.isoformat() if meta.published else None,
        "suppressions": list(suppressions or ()),
    }
    if not corpus:
        return record
    record["signature"] = _signature(report)
    record["tables"] = {kind: _table(report.tables[kind]) for kind in TABLE_KINDS if kind in report.tables}
    record["sketch"] = None
    if sketch:
        from govlint.corpus import prose

        text = prose.own_prose(report, [n for n in (name, meta.agency, key) if n])
        record["sketch"] = prose.sketch(text, num_perm)
    return record


def empty(path: str, suppressions: list | None = None) -> dict:
    """The facts of a file that was not parsed (unreadable, or a loader failed): its path and
    its suppression comments."""
    return {"version": FACTS_VERSION, "path": path, "agency": None, "agency_name": None, "year": None,
            "template": None, "title": None, "title_span": None, "published": None, "signature": None,
            "suppressions": list(suppressions or ()), "tables": {}, "sketch": None}


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _cell(cell):
    if cell.values is not None:
        return [_number(v) for v in cell.values]
    if cell.value is not None:
        return _number(cell.value)
    return "".join((cell.raw or "").split()) or None


def _table(table) -> dict:
    cells: dict[str, dict] = {}
    dropped = set()
    readings = []
    for group in table.readings:
        if len(group.values) * len(group.cells) > MAX_READING_NUMBERS:
            dropped.update(group.cells)
            continue
        readings.append({"runs": list(group.runs), "cells": [list(k) for k in group.cells],
                         "values": [[_number(v) for v in reading] for reading in group.values]})
    spans: dict[str, dict] = {}
    for cell in table:
        cells.setdefault(cell.row, {})[cell.col] = TEXT_CELL if (cell.row, cell.col) in dropped else _cell(cell)
        if cell.span is not None:
            spans.setdefault(cell.row, {})[cell.col] = _span(cell.span)
    return {"cells": cells, "readings": readings, "spans": spans, "span": _span(table.span)}


def _span(span) -> list[int] | None:
    return [span.line, span.column, span.end_line, span.end_column] if span is not None else None


def span(facts: dict, kind: str | None = None, row: str | None = None, col: str | None = None):
    """The ``Span`` of a cell (or of a table, or of the title when ``kind`` is None) recorded in
    the facts, so that a corpus finding points at a line; None when unknown."""
    from govlint.span import Span

    if kind is None:
        found = facts.get("title_span")
    else:
        data = (facts.get("tables") or {}).get(kind) or {}
        found = ((data.get("spans") or {}).get(row) or {}).get(col) if row is not None else None
        found = found or data.get("span")
    return Span(*found) if found else None


def table(facts: dict, kind: str):
    """The ``govlint.report.Table`` of ``kind`` rebuilt from facts (None when the report had
    none), with glued cells and their linked readings, for ``rules._arith``."""
    from govlint.report import Readings, Table, TableCell

    data = (facts.get("tables") or {}).get(kind)
    if data is None:
        return None
    from govlint.format.location import location

    out = Table(kind=kind, template=facts.get("template"), span=span(facts, kind))
    for row, cols in data.get("cells", {}).items():
        for col, v in cols.items():
            where = location(kind, row, col)
            at = span(facts, kind, row, col)
            if isinstance(v, list):
                out.cells[(row, col)] = TableCell(row, col, None, "", at, where, values=tuple(v))
            elif v is None or isinstance(v, str):
                out.cells[(row, col)] = TableCell(row, col, None, v or "", at, where)
            else:
                out.cells[(row, col)] = TableCell(row, col, v, str(v), at, where)
    for group in data.get("readings", ()):
        values = tuple(tuple(r) for r in group["values"])
        out.readings.append(Readings(tuple(group.get("runs", ())), tuple(tuple(k) for k in group["cells"]),
                                     values, len(values)))
    return out


#: the sections whose prose makes the signature: the prose-heavy ones, which a page and its
#: text extraction print alike (the table sections' text varies with how cells were glued)
SIGNATURE_SECTIONS = ("overview", "problems", "other")


def _signature(report) -> str | None:
    """A digest of what the report says in its own words: the prose of ``SIGNATURE_SECTIONS``
    (every section when it has none of them) with everything but letters and digits removed,
    so that layout, chrome and how the tables were extracted do not change it. None when the
    report has no section prose."""
    from govlint.corpus.prose import letters

    sections = [s for s in report.sections if s.key in SIGNATURE_SECTIONS] or report.sections
    text = "".join(s.key + letters(s.text) for s in sections)
    if not text:
        return None
    try:  # hashlib's own BLAKE2 is this one; importing hashlib also loads OpenSSL's binding
        from _blake2 import blake2b
    except ImportError:  # another Python implementation
        from hashlib import blake2b
    return blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
