"""Printed table labels, for the template rules (GL301, GL302)."""

from __future__ import annotations

import re
from functools import lru_cache

from govlint.format import table3 as t3
from govlint.format.templates import current_labels, outdated_labels
from govlint.lazy_re import lazy_pattern
from govlint.normalize import normalize

from .._arith import is_blank

def _split_markers():
    """Outdated labels matched inside a longer label, and those matched only as a whole.

    A label that is part of a current one (``处理决定数量`` in ``本年处理决定数量``, ``本年新`` in
    ``本年新收政府信息公开申请数量``) is a marker only when it is the whole cell.
    """
    current = set(current_labels()) | {normalize(row.label) for row in t3.ROWS}
    whole = {m for m in outdated_labels() if any(m in c and m != c for c in current)}
    return tuple(sorted(set(outdated_labels()) - whole)), frozenset(whole)


_NUMBERING = lazy_pattern(r"^([0-9]+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


@lru_cache(maxsize=4096)  # the same labels in every report
def bare(label: str) -> str:
    """A normalised label without its leading numbering (``1.``, ``（一）``, ``一、``)."""
    text = normalize(label)
    return _NUMBERING.sub("", text)


def printed_labels(report, kinds=("table2", "table3", "table4")):
    """(text, where) of every row and column label of the recognised tables, then of every
    cell of the document's grids (tables the parser could not recognise still show their
    template), in reading order. ``where`` is the label or cell itself: read its ``span``
    only for the few that a finding reports, since a cell's position is worked out on demand.
    Each text comes once, at its first place: a page repeats the same labels and numbers in
    hundreds of cells, and the template rules ask which labels are printed and where first."""
    seen = set()
    for kind in kinds:
        table = report.table(kind)
        if table is not None:
            for label in table.labels:
                text = label.text
                if text not in seen:
                    seen.add(text)
                    yield text, label
    document = report.document
    if document is not None:
        add = seen.add
        for grid in document.grids():
            for row in grid.rows:  # ``Grid.cells`` inline: hundreds of cells a page
                for cell in row:
                    text = cell.text
                    if cell.origin and text not in seen:
                        add(text)
                        if text and text.strip():
                            yield text, cell


@lru_cache(maxsize=None)
def _markers() -> tuple[tuple[str, ...], frozenset, int, object]:
    """(markers found inside a label, markers only as a whole, the shortest marker's length, a
    pattern of every marker: one scan tells whether a label holds one at all, as most hold
    none), made on first use: importing the rules compiles and normalises nothing."""
    inside, whole = _split_markers()
    pattern = lazy_pattern("|".join(re.escape(m) for m in inside) or "(?!)")
    return inside, whole, min(map(len, inside), default=0), pattern


@lru_cache(maxsize=4096)  # the same labels, and the same few numbers, in every report
def _markers_in(text: str) -> tuple[str, ...]:
    """The markers a printed label holds, in ``_markers`` order, then the label itself when it
    is a marker only as a whole."""
    inside, whole, shortest, any_marker = _markers()
    label = bare(text)
    found = []
    # most cells are numbers, shorter than any marker
    if len(label) >= shortest and any_marker.search(label):
        found.extend(marker for marker in inside if marker in label)
    if label in whole:
        found.append(label)
    return tuple(found)


def outdated_markers(report) -> list[tuple[str, object]]:
    """The 2019-format markers the report prints, each once, with the label or cell where it
    was first seen (``where``: read its ``span`` only for the marker a finding reports, since
    each position is worked out on demand and one far down the page costs a replay to it)."""
    found: dict[str, object] = {}
    for text, where in printed_labels(report, ("table2", "table3")):
        for marker in _markers_in(text):
            found.setdefault(marker, where)
    table = report.table("table3")
    if table is not None:
        rows = {row for row, _ in table.cells}
        single = [c for c in table if c.row == "other" and not is_blank(c)]
        if single and not any(row.startswith("other.") for row in rows):
            other = t3.row("other")
            found.setdefault(f"{other.label}（单行，无1–{len(t3.items('other'))}子项）", single[0])
    return list(found.items())
