"""Expanding HTML ``rowspan``/``colspan`` into a full cell grid.

Spans are clamped (``MAX_SPAN``) and the whole grid is capped (``MAX_CELLS``) so that a
page with ``colspan="100000"`` costs no more than a sane one.
"""

from __future__ import annotations

from dataclasses import dataclass

from govlint.document import Cell, Grid
from govlint.span import Span

MAX_SPAN = 200
MAX_CELLS = 200_000


@dataclass(slots=True)
class RawCell:
    """A ``<td>``/``<th>`` as read from the tree, before expansion."""

    text: str
    span: Span | None
    rowspan: str | None = None
    colspan: str | None = None


def _span_value(raw: str | None) -> int | None:
    """The integer a browser reads from a span attribute (leading digits), or None."""
    if raw is None:
        return None
    raw = raw.strip()
    digits = ""
    for char in raw:
        if not char.isdigit() or len(digits) > 9:
            break
        digits += char
    return int(digits) if digits else None


def build_grid(rows: list[list[RawCell]], span: Span | None = None) -> Grid:
    """Lay ``rows`` out on a grid; cells covered by a span get ``origin=False`` copies."""
    n_rows = len(rows)
    taken: dict[tuple[int, int], Cell] = {}
    budget = MAX_CELLS
    for r, row in enumerate(rows):
        c = 0
        for raw in row:
            while (r, c) in taken:
                c += 1
            colspan = _span_value(raw.colspan) or 1  # colspan="0" means 1, as in browsers
            rowspan = _span_value(raw.rowspan)
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
            origin = Cell(raw.text, raw.span, r, c, rowspan, colspan, True)
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr == 0 and dc == 0:
                        taken[(r, c)] = origin
                    elif (r + dr, c + dc) not in taken:
                        taken[(r + dr, c + dc)] = Cell(raw.text, raw.span, r + dr, c + dc,
                                                       rowspan, colspan, False)
            budget -= rowspan * colspan
            c += colspan
    grid_rows: list[list[Cell]] = [[] for _ in range(n_rows)]
    for (r, c), cell in taken.items():
        grid_rows[r].append(cell)
    for r, row in enumerate(grid_rows):
        row.sort(key=lambda cell: cell.col)
        if row and row[-1].col + 1 != len(row):
            # A hole left by spans from above: fill it so that row[i].col == i holds.
            present = {cell.col for cell in row}
            row.extend(Cell("", None, r, c) for c in range(row[-1].col) if c not in present)
            row.sort(key=lambda cell: cell.col)
    kept = [row for row in grid_rows if row]
    if len(kept) != n_rows:  # rows with no cell at all (``<tr></tr>``) are dropped
        for r, row in enumerate(kept):
            for cell in row:
                cell.row = r
    return Grid(rows=kept, span=span)
