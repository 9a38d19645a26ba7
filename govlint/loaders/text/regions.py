"""Line-based extraction styles: pipes, tabs, one cell per line, Markdown headings.

Each body line is looked at once; consecutive lines of one style form a region:

* pipe lines (``信息内容 |``, ``| 规章``, ``0 | 0 | 0 |``, ``| a | b |``): cells are the
  text between pipes; a row ends where two or more pipes stand between two cells across a
  line break (``20 | ||``, a ``|||`` line, ``|\\n|``, a Markdown ``|---|`` rule); pipes within
  one line with nothing between them are empty cells. A plain line belongs to the region
  when a pipe line precedes it and a pipe-only line follows it (``0`` between ``|`` lines);
* tab lines: one row per line, one cell per tab-separated field, empty fields kept;
* plain short lines without sentence punctuation (one cell per line, blank lines between):
  a region if it holds at least two values, and a label opens a row (a label split by a
  wrap stays one cell per line: the parser joins the pieces, see ``govlint.parser.labels``);
* everything else is prose: a paragraph per line, long lines cut by ``runon``.
"""

from __future__ import annotations

from govlint.lazy_re import lazy_pattern
from govlint.loaders.text.common import (
    SPACES, RawCell, RawGrid, RawParagraph, is_heading_line, is_label_like,
    is_numeric_cell, paragraph_at, rows_by_label, strip_bounds,
)
from govlint.loaders.text.chrome_lines import footer_line
from govlint.loaders.text.runon import segment_runon

_MD_HEADING = lazy_pattern(r"[ \t]{0,3}(#{1,6})[ \t]+")
_MD_RULE = lazy_pattern(r"\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*+\|?[ \t]*\r?")
#: lines longer than this are cut into paragraphs and tables by the run-on segmenter
RUNON_MIN = 300
_CELL_LINE_MAX = 80


class Lines:
    """The body lines of a text: their strings and absolute start offsets."""

    def __init__(self, text: str, starts: list[int], ends: list[int], texts: list[str]):
        self.text = text
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.stripped = [t.strip(SPACES) for t in texts]

    def bounds(self, i: int) -> tuple[int, int]:
        """Absolute [start, end) of line ``i`` without its surrounding whitespace."""
        start = self.starts[i] + len(self.texts[i]) - len(self.texts[i].lstrip(SPACES))
        return start, start + len(self.stripped[i])

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, i: int) -> str:
        return self.texts[i]

    def blank(self, i: int) -> bool:
        return not self.stripped[i]

    def pipe_only(self, i: int) -> bool:
        stripped = self.stripped[i]
        return bool(stripped) and not stripped.strip("|" + SPACES)


def body_blocks(lines: Lines) -> list:
    text = lines.text
    blocks: list = []
    i = 0
    n = len(lines)
    stripped = lines.stripped
    while i < n:
        if not stripped[i]:
            i += 1
            continue
        line = lines.texts[i]
        heading = _MD_HEADING.match(line) if line[:1] in "# \t" else None
        if heading:
            start = lines.starts[i] + heading.end()
            end = lines.ends[i]
            while end > start and text[end - 1] in "#" + SPACES:
                end -= 1
            block = paragraph_at(text, start, end, heading=True)
            if block is not None:
                blocks.append(block)
            i += 1
        elif "|" in line:
            i = _pipe_region(lines, i, blocks)
        elif "\t" in line:
            i = _tab_region(lines, i, blocks)
        elif _cell_like(lines, i):
            i = _cell_region(lines, i, blocks)
        else:
            _prose_line(lines, i, blocks)
            i += 1
    return blocks


def _prose_line(lines: Lines, i: int, blocks: list) -> None:
    stripped = lines.stripped[i]
    if not stripped or footer_line(stripped):
        return
    start, end = lines.bounds(i)
    if end - start > RUNON_MIN:
        blocks.extend(segment_runon(lines.text, start, end))
    else:
        blocks.append(RawParagraph(start, end, stripped))


def _fallback(lines: Lines, first: int, stop: int, blocks: list) -> None:
    """Lines of a pipe or tab region that held no table: prose, bare separators dropped."""
    for j in range(first, stop):
        if lines.stripped[j].strip("|" + SPACES):
            _prose_line(lines, j, blocks)


# --- pipes ----------------------------------------------------------------------------

def _pipe_region(lines: Lines, i: int, blocks: list) -> int:
    n = len(lines)
    j = i
    while j < n and not lines.blank(j):
        if "|" in lines.line(j):
            j += 1
        elif j > i and j + 1 < n and lines.pipe_only(j + 1):
            j += 1          # a cell between a pipe line and a pipe-only line (seed 003)
        else:
            break
    rows, left_out, left_texts = _pipe_rows(lines, i, j)
    if sum(1 for row in rows for cell in row if cell.text) + left_texts >= 2:
        blocks.append(RawGrid(rows, left_out))
    else:
        _fallback(lines, i, j, blocks)
    return j


def _pipe_rows(lines: Lines, first: int, stop: int) -> tuple[list[list[RawCell]], int, int]:
    """The rows of a pipe region; how many cells past ``MAX_CELLS`` were counted and not made
    (a hostile line of a million cells costs no more than the bound), and how many of those
    hold text."""
    from govlint.loaders import base

    text = lines.text
    rows: list[list[RawCell]] = []
    row: list[RawCell] = []
    row_open = False  # a cell was read since the last row break (made or only counted)
    room, left_out, left_texts = base.MAX_CELLS, 0, 0
    pipes = newlines = 0
    pipe_at: list[int] = []          # pipes since the last cell, on the current line

    for i in range(first, stop):
        start, end = lines.starts[i], lines.ends[i]
        if not lines.stripped[i].strip("|" + SPACES):
            pipes += lines.stripped[i].count("|")     # a row terminator line: "|||"
            newlines += 1
            pipe_at = []
            continue
        if _MD_RULE.fullmatch(text, start, end):
            pipes += 2              # a Markdown rule only separates rows
            newlines += 1
            pipe_at = []
            continue
        at = start
        while True:
            bar = text.find("|", at, end)
            stop_at = end if bar == -1 else bar
            cell_start, cell_end = strip_bounds(text, at, stop_at)
            if cell_start < cell_end:
                if row_open and newlines and pipes >= 2:
                    if row:
                        rows.append(row)
                    row, row_open = [], False
                empty = 0
                if not row_open and len(pipe_at) >= 2:
                    empty = len(pipe_at) - 1     # "|  | x": a leading empty cell
                elif row_open and not newlines and pipes >= 2:
                    empty = len(pipe_at) - 1     # "a |  | b": empty cells between
                for p in pipe_at[:empty]:
                    if room:
                        row.append(RawCell(p + 1, p + 1, ""))
                        room -= 1
                    else:
                        left_out += 1
                if room:
                    row.append(RawCell(cell_start, cell_end, text[cell_start:cell_end]))
                    room -= 1
                else:
                    left_out += 1
                    left_texts += 1
                row_open = True
                pipes = newlines = 0
                pipe_at = []
            if bar == -1:
                break
            pipes += 1
            pipe_at.append(bar)
            at = bar + 1
        newlines += 1
        pipe_at = []
    if row:
        rows.append(row)
    return [part for row in rows for part in _split_after_values(row)], left_out, left_texts


def _split_after_values(row: list[RawCell]) -> list[list[RawCell]]:
    """A label after a value starts a new row: values always close a row of these tables,
    so ``规章 | 0 | 0 | 0 | 行政规范性文件 | 3 |`` is two rows even without a terminator."""
    out = [[]]
    for cell in row:
        if out[-1] and cell.text and not cell.numeric and out[-1][-1].numeric:
            out.append([])
        out[-1].append(cell)
    return out


# --- tabs -----------------------------------------------------------------------------

def _tab_region(lines: Lines, i: int, blocks: list) -> int:
    n = len(lines)
    j = i
    while j < n and "\t" in lines.line(j) and not lines.blank(j):
        j += 1
    from govlint.loaders import base

    text = lines.text
    rows = []
    room, left_out, left_texts = base.MAX_CELLS, 0, 0  # past the bound: counted, not made
    for k in range(i, j):
        row = []
        at, end = lines.starts[k], lines.ends[k]
        while True:
            tab = text.find("\t", at, end)
            stop = end if tab == -1 else tab
            s, e = strip_bounds(text, at, stop)
            if room:
                row.append(RawCell(s, e, text[s:e]) if s < e else RawCell(at, at, ""))
                room -= 1
            else:
                left_out += 1
                left_texts += s < e
            if tab == -1:
                break
            at = tab + 1
        if row:
            rows.append(row)
    if sum(1 for row in rows for cell in row if cell.text) + left_texts >= 2:
        blocks.append(RawGrid(rows, left_out))
    else:
        _fallback(lines, i, j, blocks)
    return j


# --- one cell per line ------------------------------------------------------------------

def _cell_like(lines: Lines, i: int) -> bool:
    stripped = lines.stripped[i]
    if not stripped or len(stripped) > _CELL_LINE_MAX:
        return False
    if is_numeric_cell(stripped):
        return True
    line = lines.texts[i]
    if "|" in line or "\t" in line or (line[:1] in "# \t" and _MD_HEADING.match(line)):
        return False
    return is_label_like(stripped) and not is_heading_line(stripped) and not footer_line(stripped)


def _cell_region(lines: Lines, i: int, blocks: list) -> int:
    """A run of one-cell lines from line ``i`` (known to be one), blank lines skipped."""
    n = len(lines)
    members = [i]
    values = 0
    cells = []
    j = i + 1
    while j < n:
        if not lines.stripped[j]:
            j += 1
        elif _cell_like(lines, j):
            members.append(j)
            j += 1
        else:
            break
    for k in members:
        start, end = lines.bounds(k)
        cell = RawCell(start, end, lines.stripped[k])
        values += cell.numeric
        cells.append(cell)
    if values >= 2:
        blocks.append(RawGrid(rows_by_label(cells)))
    else:
        for k in members:
            _prose_line(lines, k, blocks)
    return j
