"""Expanding HTML ``rowspan``/``colspan`` into a full cell grid.

Spans are clamped (``MAX_SPAN``) and the whole grid is capped (``MAX_CELLS``) so that a
page with ``colspan="100000"`` costs no more than a sane one. A span value is read as a
browser reads it: leading ASCII digits only, so ``rowspan="²"`` or ``"٣"`` (digits to
``str.isdigit`` but not to HTML) is invalid, and an invalid span counts as 1 with no finding,
since the page renders exactly so and the table's rules then judge the cells as shown.
"""

from __future__ import annotations

from typing import NamedTuple

from govlint.document import Cell, Grid
from govlint.loaders.base import MAX_CELLS
from govlint.span import Span

MAX_SPAN = 200


class RawCell(NamedTuple):
    """A ``<td>``/``<th>`` as read from the tree, before expansion (any 4-tuple will do)."""

    text: str
    span: Span | None
    rowspan: str | None = None
    colspan: str | None = None


_SPAN_VALUES: dict[str, int | None] = {}


def _span_value(raw: str | None) -> int | None:
    """The integer a browser reads from a span attribute (leading ASCII digits), or None;
    remembered per attribute value (a page repeats a few: "2", "3" …)."""
    if raw is None:
        return None
    value = _SPAN_VALUES.get(raw, _SPAN_VALUES)
    if value is _SPAN_VALUES:
        value = _read_span(raw)
        if len(_SPAN_VALUES) < 1024 and len(raw) <= 16:  # bounded: pages may write anything
            _SPAN_VALUES[raw] = value
    return value


def _read_span(raw: str) -> int | None:
    raw = raw.strip()
    digits = ""
    for char in raw:
        if not "0" <= char <= "9" or len(digits) > 9:
            break
        digits += char
    return int(digits) if digits else None


def build_grid(rows: list[list[RawCell]], span: Span | None = None, make=Cell, grid=Grid) -> Grid:
    """Lay ``rows`` out on a grid; cells covered by a span get ``origin=False`` copies.

    A row holds ``(text, span, rowspan, colspan)`` tuples (``RawCell`` or plain tuples);
    ``make(text, span, row, col, rowspan, colspan, origin)`` builds each cell; ``grid`` the
    result. The HTML walk builds its cells as it reads them and calls ``lay_out``.
    """
    made = [[(make(text, cell_span, 0, 0, 1, 1, True), raw_rowspan, raw_colspan)
             for text, cell_span, raw_rowspan, raw_colspan in row] for row in rows]
    return lay_out(made, lambda cell: make(cell.text, cell.span, 0, 0, 1, 1, False), grid, span)


def lay_out(rows: list[list[tuple]], copy, grid=Grid, span: Span | None = None, on_cut=None) -> Grid:
    """Lay rows of ``(cell, rowspan, colspan)`` (the raw attribute values) out on a grid: each
    origin cell gets its row, column and spans; a position covered by a span gets
    ``copy(cell)``, an ``origin=False`` cell sharing its text and place. ``grid`` makes the result.

    A row with no span attribute and nothing reaching into it from above (most rows) is taken
    as it is, its cells in column order. Past ``MAX_CELLS`` positions no cell is placed:
    ``on_cut(n)`` is then told how many cells were left out.
    """
    n_rows = len(rows)
    # the cells placed so far, one {column: cell} per row (spans from above fill rows below);
    # a row laid out whole is a list
    taken: list = [None] * n_rows
    budget = MAX_CELLS
    left_out = 0
    for r, row in enumerate(rows):
        here = taken[r]
        if here is None and len(row) <= budget:
            for c, (cell, raw_rowspan, raw_colspan) in enumerate(row):
                if raw_rowspan is not None or raw_colspan is not None:
                    break
                cell.row, cell.col, cell.rowspan, cell.colspan, cell.origin = r, c, 1, 1, True
            else:
                taken[r] = [cell for cell, _, _ in row]
                budget -= len(row)
                continue
        if here is None:
            here = taken[r] = {}
        c = 0
        for at, (cell, raw_rowspan, raw_colspan) in enumerate(row):
            if budget <= 0:
                left_out += len(row) - at
                break
            while c in here:
                c += 1
            if raw_colspan is None and raw_rowspan is None:
                # the common cell: no span attributes at all
                cell.row, cell.col, cell.rowspan, cell.colspan, cell.origin = r, c, 1, 1, True
                here[c] = cell
                budget -= 1
                c += 1
                continue
            colspan = _span_value(raw_colspan) or 1  # colspan="0" means 1, as in browsers
            rowspan = _span_value(raw_rowspan)
            if rowspan is None:
                rowspan = 1
            elif rowspan == 0:  # "to the end of the table"
                rowspan = n_rows - r
            colspan = min(colspan, MAX_SPAN)
            rowspan = max(1, min(rowspan, MAX_SPAN, n_rows - r))
            if rowspan * colspan > budget:
                # Trim the span rather than the table: keep the origin cell at least.
                colspan = max(1, min(colspan, budget // rowspan or 1))
                rowspan = max(1, min(rowspan, budget // colspan or 1))
            cell.row, cell.col, cell.rowspan, cell.colspan, cell.origin = r, c, rowspan, colspan, True
            here[c] = cell
            for dr in range(rowspan):
                below = taken[r + dr]
                if below is None:
                    below = taken[r + dr] = {}
                for dc in range(colspan):
                    if (dr or dc) and c + dc not in below:
                        covered = below[c + dc] = copy(cell)
                        covered.row, covered.col, covered.rowspan, covered.colspan, covered.origin = \
                            r + dr, c + dc, rowspan, colspan, False
            budget -= rowspan * colspan
            c += colspan
    kept: list[list[Cell]] = []
    for r, here in enumerate(taken):
        if not here:
            continue  # rows with no cell at all (``<tr></tr>``) are dropped
        if here.__class__ is list:
            kept.append(here)
            continue
        last = max(here)
        if last + 1 != len(here):
            # A hole left by spans from above: fill it so that row[i].col == i holds.
            for c in range(last):
                if c not in here:
                    here[c] = Cell("", None, r, c)
        kept.append([here[c] for c in sorted(here)])
    if left_out and on_cut is not None:
        on_cut(left_out)
    if len(kept) != n_rows:
        for r, row in enumerate(kept):
            for cell in row:
                cell.row = r
    return grid(rows=kept, span=span)
