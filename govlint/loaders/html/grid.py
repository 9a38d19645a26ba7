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
from govlint.span import Span

MAX_SPAN = 200
MAX_CELLS = 200_000


class RawCell(NamedTuple):
    """A ``<td>``/``<th>`` as read from the tree, before expansion (any 4-tuple will do)."""

    text: str
    span: Span | None
    rowspan: str | None = None
    colspan: str | None = None


def _span_value(raw: str | None) -> int | None:
    """The integer a browser reads from a span attribute (leading ASCII digits), or None."""
    if raw is None:
        return None
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
    ``make(text, span, row, col, rowspan, colspan, origin)`` builds each cell (``Cell``, or
    the loader's own when its ``span`` is a place to work the span out from); ``grid`` the
    result (``Grid`` or the loader's deferred one).
    """
    n_rows = len(rows)
    # the cells placed so far, one {column: cell} per row (spans from above fill rows below)
    taken: list[dict[int, Cell]] = [{} for _ in range(n_rows)]
    budget = MAX_CELLS
    for r, row in enumerate(rows):
        here = taken[r]
        c = 0
        for text, cell_span, raw_rowspan, raw_colspan in row:
            while c in here:
                c += 1
            if raw_colspan is None and raw_rowspan is None:
                # the common cell: no span attributes at all
                if budget <= 0:
                    break
                here[c] = make(text, cell_span, r, c, 1, 1, True)
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
            if budget <= 0:
                break
            if rowspan * colspan > budget:
                # Trim the span rather than the table: keep the origin cell at least.
                colspan = max(1, min(colspan, budget // rowspan or 1))
                rowspan = max(1, min(rowspan, budget // colspan or 1))
            here[c] = make(text, cell_span, r, c, rowspan, colspan, True)
            for dr in range(rowspan):
                below = taken[r + dr]
                for dc in range(colspan):
                    if (dr or dc) and c + dc not in below:
                        below[c + dc] = make(text, cell_span, r + dr, c + dc, rowspan, colspan, False)
            budget -= rowspan * colspan
            c += colspan
    kept: list[list[Cell]] = []
    for r, here in enumerate(taken):
        if not here:
            continue  # rows with no cell at all (``<tr></tr>``) are dropped
        last = max(here)
        if last + 1 != len(here):
            # A hole left by spans from above: fill it so that row[i].col == i holds.
            for c in range(last):
                if c not in here:
                    here[c] = Cell("", None, r, c)
        kept.append([here[c] for c in sorted(here)])
    if len(kept) != n_rows:
        for r, row in enumerate(kept):
            for cell in row:
                cell.row = r
    return grid(rows=kept, span=span)
