"""Ruled tables found by pdfplumber, as logical cells with their spans.

pdfplumber reports every cell's box; a merged cell is one box over several row and column
boundaries (``extract()`` would show the covered positions as None). The boxes give the
exact rowspan and colspan. A table cut by a page break comes back as two tables; they are
joined again, and a merged label cell cut in two (``（四）无`` / ``法提供``) is made whole.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from govlint.api import join_pieces
from govlint_pdf.text import block_text, is_number, starts_item

EPS = 1.0
MAX_CELLS = 20000


@dataclass
class LogicalCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class LogicalTable:
    height: int
    width: int
    cells: list[LogicalCell] = field(default_factory=list)
    bbox: tuple = (0, 0, 0, 0)
    page: int = 0

    def owner_map(self) -> dict[tuple[int, int], int]:
        owner = {}
        for i, cell in enumerate(self.cells):
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    owner.setdefault((r, c), i)
        return owner


def _boundaries(values) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > EPS:
            out.append(value)
    return out


def from_pdfplumber(table, chars, page: int) -> LogicalTable | None:
    """A LogicalTable from a pdfplumber Table and the page's characters."""
    boxes = list(table.cells)
    if not boxes or len(boxes) > MAX_CELLS:
        return None
    tops = _boundaries(b[1] for b in boxes)
    lefts = _boundaries(b[0] for b in boxes)
    cells: list[LogicalCell] = []
    for x0, top, x1, bottom in boxes:
        r0 = bisect_right(tops, top + EPS) - 1
        c0 = bisect_right(lefts, x0 + EPS) - 1
        rowspan = max(1, bisect_right(tops, bottom - EPS) - r0)
        colspan = max(1, bisect_right(lefts, x1 - EPS) - c0)
        cells.append(LogicalCell("", r0, c0, rowspan, colspan))
    result = LogicalTable(len(tops), len(lefts), cells, tuple(table.bbox), page)
    owner = result.owner_map()
    inside: dict[int, list] = {}
    x0, top, x1, bottom = table.bbox
    for char in chars:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        r = bisect_right(tops, cy) - 1
        c = bisect_right(lefts, cx) - 1
        index = owner.get((r, c))
        if index is not None:
            inside.setdefault(index, []).append(char)
    for index, found in inside.items():
        cells[index].text = block_text(found)
    return result


def _continues(upper: LogicalCell, lower: LogicalCell) -> bool:
    """Is ``lower`` (top of the next page) the rest of the merged label cell ``upper``?"""
    if upper.col != lower.col or upper.colspan != lower.colspan:
        return False
    if is_number(upper.text) or is_number(lower.text) or starts_item(lower.text):
        return False
    # A new row's label would span that one row; a cut group label spans several, or the
    # cut left nothing of it on the new page.
    return lower.text == "" or lower.rowspan > 1


def join(upper: LogicalTable, lower: LogicalTable) -> LogicalTable:
    """``lower`` appended to ``upper`` (a table continued on the next page)."""
    owner = upper.owner_map()
    last = upper.height - 1
    for cell in lower.cells:
        if cell.row == 0:
            index = owner.get((last, cell.col))
            if index is not None:
                above = upper.cells[index]
                if above.row + above.rowspan - 1 == last and _continues(above, cell):
                    above.rowspan += cell.rowspan
                    above.text = join_pieces([above.text, cell.text])
                    continue
        upper.cells.append(LogicalCell(cell.text, cell.row + upper.height, cell.col,
                                       cell.rowspan, cell.colspan))
    upper.height += lower.height
    return upper
