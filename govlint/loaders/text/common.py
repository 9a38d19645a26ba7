"""Shared pieces of the text loader: positions, cells, headings, and the column labels
that keep values out of a header row.

Everything here works on plain strings and absolute character offsets into the decoded
source; ``govlint.loaders.text`` turns offsets into ``Span`` objects at the very end.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from govlint.format import column_labels
from govlint.lazy_re import lazy_pattern
from govlint.normalize import is_cjk, normalize
from govlint.span import Span

#: whitespace inside lines: what ``str.isspace`` knows except the newline (full-width
#: space and NBSP included, as real pages use them), plus zero-width space and a stray BOM
SPACES = (" \t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff")
_SPACE_SET = frozenset(SPACES)

#: a whole cell that holds one value (a count, an amount, a blank marker)
NUMERIC_CELL = lazy_pattern(r"[-+−]?\d[\d.,，\-]*\s*(?:万元|元|%|％)?|[-—–/／]")
#: characters that end a sentence, so a text holding one is prose, not a label
SENTENCE_END = frozenset("。；;！!？?")
#: punctuation a table label never carries outside brackets
PROSE_MARKS = SENTENCE_END | frozenset("，,：:")
_OPEN = frozenset("（(〔【[")
_CLOSE = frozenset("）)〕】]")

#: top-level heading candidate: 一、 … 十、 (headings of sections and table rows alike)
TOP_NUMERAL = lazy_pattern(r"[一二三四五六七八九十]{1,2}、")
#: sub-heading candidate: （一）/(一)
SUB_NUMERAL = lazy_pattern(r"[（(][一二三四五六七八九十]{1,3}[）)]")
#: words that end the printed heading of a section (总体情况, 其他需要报告的事项, 改进措施 …);
#: table-3 row labels (本年新收…数量, 本年度办理结果, 结转下年度继续办理) end in none of them
HEADING_SUFFIXES = ("情况", "事项", "措施", "计划")
_HEADING_SCAN = 40
#: a section heading in one pass: numeral, then CJK up to the first heading suffix
HEADING = lazy_pattern(r"[一二三四五六七八九十]{1,2}、[ \t\u3000\xa0\u2002\u2003]*"
                       r"[\u3400-\u4dbf\u4e00-\u9fff、]{0,%d}?(?:%s)"
                       % (_HEADING_SCAN - 2, "|".join(HEADING_SUFFIXES)))


def is_numeric_cell(text: str) -> bool:
    if text.isascii() and text.isdigit():
        return True
    return NUMERIC_CELL.fullmatch(text.strip(SPACES + "\n")) is not None


def strip_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) of ``text`` past surrounding whitespace."""
    while start < end and (text[start] in _SPACE_SET or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE_SET or text[end - 1] == "\n"):
        end -= 1
    return start, end


def is_label_like(text: str) -> bool:
    """True when ``text`` reads as table labels rather than a sentence.

    Labels carry commas and colons only inside brackets, e.g.
    ``（二）部分公开（区分处理的，只计这一情形，不计其他情形）``.
    """
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in PROSE_MARKS:
            return False
    return True


def last_prose_break(text: str, start: int, end: int) -> int:
    """Offset just after the last sentence or clause mark outside brackets in [start, end)."""
    depth = 0
    brk = start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in PROSE_MARKS:
            brk = i + 1
    return brk


def heading_end(text: str, pos: int, limit: int | None = None) -> int | None:
    """If a section heading such as ``二、主动公开政府信息情况`` starts at ``pos``, its end.

    The heading phrase is the run of CJK characters (and 、) after the numeral, cut after
    the first heading suffix; a phrase without one (a table-3 row label) is no heading.
    """
    limit = len(text) if limit is None else limit
    match = TOP_NUMERAL.match(text, pos, limit)
    if match is None:
        return None
    j = match.end()
    while j < limit and text[j] in _SPACE_SET:
        j += 1
    k = j
    stop = min(limit, j + _HEADING_SCAN)
    while k < stop and (is_cjk(text[k]) or text[k] == "、"):
        k += 1
    phrase = text[j:k]
    best = None
    for suffix in HEADING_SUFFIXES:
        at = phrase.find(suffix)
        if at != -1 and (best is None or at < best[0]):
            best = (at, len(suffix))
    if best is None:
        return None
    return j + best[0] + best[1]


def is_heading_line(text: str) -> bool:
    stripped = text.strip(SPACES)
    return bool(stripped) and heading_end(stripped, 0) is not None


# --- intermediate blocks --------------------------------------------------------------

class RawCell:
    """A cell before spans are made: absolute offsets, text, and whether it is a value."""

    __slots__ = ("start", "end", "text", "numeric")

    def __init__(self, start: int, end: int, text: str, numeric: bool | None = None):
        self.start = start
        self.end = end
        self.text = text
        self.numeric = is_numeric_cell(text) if numeric is None and text else bool(numeric)


@dataclass(slots=True)
class RawParagraph:
    start: int
    end: int
    text: str
    heading: bool = False


@dataclass(slots=True)
class RawGrid:
    rows: list[list[RawCell]] = field(default_factory=list)
    #: cells past ``loaders.base.MAX_CELLS``: counted, not made (GL006)
    left_out: int = 0


def cell_at(text: str, start: int, end: int) -> RawCell:
    start, end = strip_bounds(text, start, end)
    return RawCell(start, end, text[start:end])


def paragraph_at(text: str, start: int, end: int, heading: bool = False) -> RawParagraph | None:
    start, end = strip_bounds(text, start, end)
    if start >= end:
        return None
    return RawParagraph(start, end, text[start:end], heading)


def rows_by_label(cells: list[RawCell]) -> list[list[RawCell]]:
    """Group a flat run of cells into rows: each label cell opens a row, values follow it.

    Values never join a bare column header (``总计`` ending table 4's header): they open
    a row of their own there.
    """
    headers = column_labels()
    rows: list[list[RawCell]] = []
    for cell in cells:
        if not rows or not cell.numeric:
            rows.append([cell])
        elif len(rows[-1]) == 1 and len(rows[-1][0].text) <= 12 \
                and normalize(rows[-1][0].text) in headers:
            rows.append([cell])
        else:
            rows[-1].append(cell)
    return rows


class Positions:
    """Absolute offsets → ``Span`` (1-based lines, code-point columns, end exclusive)."""

    __slots__ = ("_starts",)

    def __init__(self, line_starts: list[int]):
        self._starts = line_starts

    def span(self, start: int, end: int) -> Span:
        starts = self._starts
        line = bisect_right(starts, start)
        first = starts[line - 1]
        # most spans end on the line they start on: skip the second search then
        if line < len(starts) and end >= starts[line]:
            end_line = bisect_right(starts, end)
            return Span(line, start - first + 1, end_line, end - starts[end_line - 1] + 1)
        return Span(line, start - first + 1, line, end - first + 1)


# --- labels -------------------------------------------------------------------------

