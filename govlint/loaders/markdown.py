"""Markdown reports → Document.

``#`` headings become heading paragraphs, pipe tables become grids (the ``|---|``
separator rows skipped, empty cells kept), every other non-blank line is a paragraph.
The Markdown reports met in practice are PDF conversions: page numbers (``— 3 —``,
``- 3 -``, ``第 3 页``, a lone ``3`` in a page-number sequence) and running headers repeated
at page breaks are dropped. Every cell and paragraph keeps the exact position of its text.
"""

from __future__ import annotations

import re
from collections import Counter

from govlint.document import Cell, Document, Grid, Paragraph
from govlint.lazy_re import lazy_pattern
from govlint.loaders import base
from govlint.loaders.base import Loader
from govlint.loaders.decode import decode_bytes
from govlint.span import Span

_HEADING = lazy_pattern(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# Three dashes at least: a data row of "-" cells (a dash for zero) is not a separator.
_SEPARATOR = lazy_pattern(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*+\|?\s*$")
_PAGE_MARK = lazy_pattern(
    r"^\s*(?:[-—–－~]+\s*\d{1,4}\s*[-—–－~]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)\s*$", re.I)
_LONE_NUMBER = lazy_pattern(r"^\s*(\d{1,4})\s*$")
_BULLET = lazy_pattern(r"^(\s*(?:>\s*)*+(?:[-*+][ \t]+)?)")
_UNESCAPED_PIPE = lazy_pattern(r"(?<!\\)\|")
# A lone number counts as a page number only inside a run of consecutive page numbers
# this far apart (table values split onto their own lines sit closer and do not count up).
_MIN_PAGE_GAP = 5
_RUNNING_HEADER_MAX = 40


def _is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|") and len(_UNESCAPED_PIPE.findall(line)) >= 2


def _starts_table(lines: list[str], index: int) -> bool:
    """A pipe-table row, or a header without outer pipes followed by its separator row."""
    line = lines[index]
    if _is_table_line(line):
        return True
    if "|" not in line or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return "|" in following and bool(_SEPARATOR.match(following))


def _page_number_lines(lines: list[str]) -> set[int]:
    """Indexes of lone numbers that count up page by page (``3`` … ``4`` … ``5``)."""
    numbers = [(i, int(m.group(1))) for i, line in enumerate(lines)
               if (m := _LONE_NUMBER.match(line))]
    found: set[int] = set()
    chain: list[tuple[int, int]] = []
    for index, value in numbers:
        if chain and value == chain[-1][1] + 1 and index - chain[-1][0] >= _MIN_PAGE_GAP:
            chain.append((index, value))
            continue
        if len(chain) >= 2:
            found.update(i for i, _ in chain)
        chain = [(index, value)]
    if len(chain) >= 2:
        found.update(i for i, _ in chain)
    return found


def noise_lines(lines: list[str]) -> set[int]:
    """Indexes of page-footer noise: page numbers and running headers at page breaks."""
    marks = {i for i, line in enumerate(lines) if _PAGE_MARK.match(line)}
    marks |= _page_number_lines(lines)
    # Running headers: the same short line right after (or before) several page breaks.
    near: dict[str, list[int]] = {}
    for mark in marks:
        for i in (mark - 1, mark + 1, mark + 2):
            if 0 <= i < len(lines) and i not in marks:
                text = lines[i].strip()
                if text and len(text) <= _RUNNING_HEADER_MAX and not _is_table_line(lines[i]):
                    near.setdefault(text, []).append(i)
    counts = Counter(line.strip() for line in lines)
    noise = set(marks)
    for text, indexes in near.items():
        if len(set(indexes)) >= 2 and counts[text] >= 2:
            noise.update(i for i, line in enumerate(lines) if line.strip() == text)
    return noise


def _cells(line: str, number: int, row: int, room: int) -> tuple[list[Cell], int]:
    """The cells of one pipe-table line, each with the span of its text: the first ``room``
    of them, and how many were left out (made one by one as the pipes are found, so that a
    hostile line of a million cells costs no more than ``room`` of them)."""
    stripped = line.strip()
    lead = stripped.startswith("|")  # no cell before the leading pipe
    trail = stripped.endswith("|") and not stripped.endswith("\\|")  # nor after the trailing one
    cells: list[Cell] = []
    left_out = 0
    a = k = 0
    for match in _UNESCAPED_PIPE.finditer(line):
        if k or not lead:
            if len(cells) < room:
                cells.append(_cell(line, number, row, len(cells), a, match.start()))
            else:
                left_out += 1
        a, k = match.end(), k + 1
    if not (k and trail):
        if len(cells) < room:
            cells.append(_cell(line, number, row, len(cells), a, len(line)))
        else:
            left_out += 1
    return cells, left_out


def _cell(line: str, number: int, row: int, col: int, a: int, b: int) -> Cell:
    """The cell of ``line[a:b]``, pointing at its text (or at the blank between the pipes)."""
    raw = line[a:b]
    text = raw.strip()
    if text:
        first = a + (len(raw) - len(raw.lstrip()))
        span = Span(number, first + 1, number, first + len(text) + 1)
    elif b > a:
        span = Span(number, a + 1, number, b + 1)
    else:
        span = Span.point(number, a + 1)
    return Cell(text.replace("\\|", "|"), span, row, col)


def _paragraph(line: str, number: int) -> Paragraph | None:
    match = _HEADING.match(line)
    heading = match is not None
    if heading:
        start, text = match.start(2), match.group(2)
    else:
        prefix = _BULLET.match(line).group(1)
        start, text = len(prefix), line[len(prefix):].rstrip()
    lead = len(text) - len(text.lstrip())
    start, text = start + lead, text.strip()
    # **bold** or __bold__ around the whole line: keep the words, point at them.
    for marker in ("**", "__"):
        if len(text) > 4 and text.startswith(marker) and text.endswith(marker):
            start, text = start + 2, text[2:-2]
    if not text:
        return None
    return Paragraph(text, Span(number, start + 1, number, start + len(text) + 1), heading=heading)


class MarkdownLoader(Loader):
    fixable = True
    name = "markdown"
    suffixes = (".md", ".markdown")

    def source_text(self, path: str, data: bytes) -> str:
        return decode_bytes(data, path)[0]

    def load(self, path: str, data: bytes) -> Document:
        text, problems = decode_bytes(data, path)
        doc = Document(path=path, format="markdown", source=text, problems=problems)
        if any(p.code == "GL001" for p in problems):
            return doc
        kept, left_out = base.read_lines(text)
        if left_out:
            doc.problems.append(base.cut_lines(left_out))
        lines = [line[:-1] if line.endswith("\r") else line for line in kept]
        noise = noise_lines(lines)
        if "govlint:" in text:  # a suppression directive's line is not part of the report
            from govlint.suppressions import is_directive_line

            directive_lines = {i for i, line in enumerate(lines) if is_directive_line(line)}
        else:
            directive_lines = ()
        grid: Grid | None = None
        cut: list = []  # [first line, cells left out] of each table cut at ``base.MAX_CELLS``
        for index, line in enumerate(lines):
            number = index + 1
            if index in directive_lines:  # skipped without ending a table it stands inside
                continue
            if _starts_table(lines, index) or (grid is not None and "|" in line and line.strip()):
                if grid is None:
                    grid = Grid(span=Span.point(number, len(line) - len(line.lstrip()) + 1))
                    doc.blocks.append(grid)
                    room = base.MAX_CELLS
                if not _SEPARATOR.match(line):
                    cells, left_out = _cells(line, number, len(grid.rows), room)
                    if cells:
                        grid.rows.append(cells)
                        room -= len(cells)
                    elif left_out == 0:
                        grid.rows.append(cells)  # a line of no cell at all, as before
                    if left_out:
                        if not cut or cut[-1][0] != grid.span.line:
                            cut.append([grid.span.line, 0])
                        cut[-1][1] += left_out
                continue
            grid = None
            if index in noise or not line.strip():
                continue
            paragraph = _paragraph(line, number)
            if paragraph is not None:
                doc.blocks.append(paragraph)
            if paragraph is not None and paragraph.heading and doc.title is None \
                    and line.lstrip().startswith("# "):
                doc.title = paragraph.text  # the first level-1 heading
        doc.blocks = [b for b in doc.blocks if not isinstance(b, Grid) or b.rows]
        doc.problems.extend(base.cut_table(line, left_out) for line, left_out in cut)
        return doc
