"""Run-on lines: a whole report body flattened into one line (the Pingtan crawler files).

Headings, prose and table cells run together there, and table rows are glued into runs of
digits: ``…本年新收政府信息公开申请数量5000005二、上年结转…``. This module cuts such a line
into paragraphs and grids:

* numbers are found first; a number is *tabular* when nothing marks it as part of a
  sentence (a counter word after it such as 年/条/件, or 第/共/约 before it);
* a table region is a stretch of at least three tabular number runs whose text in between
  reads as labels (no sentence punctuation outside brackets); it begins after the last
  sentence mark before its first number and ends after its last number;
* inside a region, a section heading (``三、收到和处理政府信息公开申请情况``) becomes a
  paragraph between two grids, each label run becomes a label cell and each number run
  (split at visible whitespace only) becomes value cells; a label opens a row;
* outside regions, prose is cut so that every heading candidate (``一、总体情况``,
  ``（一）…``) begins a paragraph; a section heading becomes a paragraph of its own.

Glued digit runs stay single cells: only the parser knows how many values a row needs.
"""

from __future__ import annotations

from bisect import bisect_right

from govlint.lazy_re import lazy_pattern
from govlint.loaders.text.common import (
    HEADING, SPACES, SUB_NUMERAL, RawCell, RawGrid, RawParagraph, cell_at,
    is_label_like, last_prose_break, paragraph_at, rows_by_label,
)
from govlint.normalize import is_cjk

_ATOM = r"\d[\d.．\-－]*+"
_TOKEN = lazy_pattern(r"(?P<c><!--[^<>]{0,300}-->)"
                      r"|(?P<n>" + _ATOM + r"(?:[ \t\u3000\xa0]++" + _ATOM + r")*+)")
_CELL = lazy_pattern(r"[^ \t\u3000\xa0]+")
#: words after a number that make it part of a sentence (2019年, 42场次, 20件, 100%)
_MEASURE = frozenset("年月日时分秒条件个次篇万亿千百%％人名家份余多期批场页天号届户台辆套笔宗倍岁周项类")
#: words before a number that make it part of a sentence (第711号, 共20件, 约30%)
_PROSE_BEFORE = frozenset("第共约达至占近超逾")
_TABLE_AFTER = frozenset("（(〔【“\"<")
_MAX_GAP = 400
#: a statistical table has at most a few hundred number runs; a "region" with more is
#: not a report table (a megabyte of "表1表1…"), and is kept as prose
_MAX_RUNS = 5000
#: fewer number runs than this are prose ("…公共利益的229大项539小项…"), not a table
_MIN_RUNS = 3


class _Num:
    __slots__ = ("start", "end", "tabular")

    def __init__(self, start: int, end: int, tabular: bool):
        self.start = start
        self.end = end
        self.tabular = tabular


def _scan(text: str, start: int, end: int):
    """Number runs and HTML comments of [start, end), in order."""
    nums: list[_Num] = []
    comments: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text, start, end):
        if match.group("c"):
            comments.append(match.span())
            continue
        s, e = match.span()
        while text[e - 1] in ".．-－":      # "20-" or "2." end a sentence or open a label
            e -= 1
        # "…00000002.其他法律…": the 2 is the ordinal of the next label, not a value
        if e + 1 < end and text[e] in ".．、" and is_cjk(text[e + 1]):
            e -= 1
            while e > s and text[e - 1] in SPACES:
                e -= 1
            if e <= s:
                continue
        if text.startswith("万元", e):
            e += 2
        elif e < end and text[e] == "元":
            e += 1
        nums.append(_Num(s, e, _is_tabular(text, s, e, start, end)))
    return nums, _Comments(comments)


def _is_tabular(text: str, s: int, e: int, start: int, end: int) -> bool:
    if s > start:
        before = text[s - 1]
        if before in _PROSE_BEFORE or (before.isascii() and (before.isalnum() or before in "@./:_-#%")):
            return False
    k = e
    while k < end and text[k] in SPACES:
        k += 1
    if k >= end:
        return True
    after = text[k]
    # a digit right after the run is the ordinal given back to the next label ("2.其他")
    return after in _TABLE_AFTER or after.isdigit() or (is_cjk(after) and after not in _MEASURE)


class _Comments:
    """HTML comments (``<!--[endif]-->``) of a line: separators, never cell text."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def pieces(self, s: int, e: int) -> list[tuple[int, int]]:
        """[s, e) with the comments inside it cut out."""
        if not self.spans:
            return [(s, e)]
        out = []
        at = s
        k = max(0, bisect_right(self.starts, s) - 1)
        while k < len(self.spans) and self.spans[k][0] < e:
            cs, ce = self.spans[k]
            if ce > at:
                if cs > at:
                    out.append((at, cs))
                at = ce
            k += 1
        if at < e:
            out.append((at, e))
        return out


def _without_comments(text: str, s: int, e: int, comments: _Comments) -> str:
    return "".join(text[a:b] for a, b in comments.pieces(s, e))


def _regions(text: str, nums: list[_Num], comments) -> list[tuple[int, int]]:
    """Index ranges [first, last] of number runs that form table regions."""
    found = []
    first = None
    for i, num in enumerate(nums):
        if not num.tabular:
            if first is not None and i - 1 - first + 1 >= _MIN_RUNS:
                found.append((first, i - 1))
            first = None
            continue
        if first is not None:
            prev = nums[i - 1]
            gap_ok = num.start - prev.end <= _MAX_GAP and is_label_like(
                _without_comments(text, prev.end, num.start, comments))
            if gap_ok:
                continue
            if i - first >= _MIN_RUNS:
                found.append((first, i - 1))
        first = i
    if first is not None and len(nums) - first >= _MIN_RUNS:
        found.append((first, len(nums) - 1))
    return found


def _headings_in(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Section headings (start, end) inside [s, e)."""
    if text.find("、", s, e) == -1:
        return []
    return [m.span() for m in HEADING.finditer(text, s, e)
            if m.start() == s or text[m.start() - 1] != "第"]


def _prose(text: str, s: int, e: int, blocks: list) -> None:
    """Paragraphs of a prose stretch, each heading candidate beginning one."""
    cuts: list[tuple[int, int | None]] = []   # (where a paragraph starts, heading end or None)
    for at, stop in _headings_in(text, s, e):
        if at == s or text[at - 1] not in "一二三四五六七八九十":
            cuts.append((at, stop))
    for match in SUB_NUMERAL.finditer(text, s, e):
        at = match.start()
        if at > s and text[at - 1] in "第条款项":
            continue
        if match.end() < e and text[match.end()] == "项":
            continue
        cuts.append((at, None))
    cuts.sort()
    at = s
    for cut, stop in cuts:
        if cut < at:
            continue
        _add(blocks, paragraph_at(text, at, cut))
        if stop is not None:
            _add(blocks, paragraph_at(text, cut, stop))
            at = stop
        else:
            at = cut
    _add(blocks, paragraph_at(text, at, e))


def _add(blocks: list, block) -> None:
    if block is not None:
        blocks.append(block)


_ITEM_HINT = lazy_pattern(r"[、（(]|\d")
_ITEM = lazy_pattern(r"[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d[.．](?=[\u4e00-\u9fff])")


def _label_cells(text: str, s: int, e: int, comments) -> list[RawCell]:
    """Label cells of a label run: cut at comments and before numbered items (三、 （一） 1.),
    which open a row label wherever they stand; ``第（一）项`` is no item."""
    if not _ITEM_HINT.search(text, s, e) and not comments.spans:
        cell = cell_at(text, s, e)
        return [cell] if cell.text else []
    cells = []
    for ps, pe in comments.pieces(s, e):
        at = ps
        for match in _ITEM.finditer(text, ps, pe):
            cut = match.start()
            if cut == at or text[cut - 1] in "第一二三四五六七八九十" or text[cut - 1].isdigit():
                continue
            if match.group()[0] in "（(" and match.end() < pe and text[match.end()] == "项":
                continue
            cells.append(cell_at(text, at, cut))
            at = cut
        cells.append(cell_at(text, at, pe))
    return [c for c in cells if c.text]


def _flush(cells: list[RawCell], values: int, blocks: list) -> None:
    """Close the cells gathered so far: a grid if it holds values, else plain text."""
    if not cells:
        return
    if values:
        blocks.append(RawGrid(rows_by_label(cells)))
    else:
        for cell in cells:
            blocks.append(RawParagraph(cell.start, cell.end, cell.text))
    cells.clear()


def _table(text: str, lead: int, nums: list[_Num], comments, blocks: list) -> None:
    """A table region: labels from ``lead`` on, the given number runs, headings between."""
    cells: list[RawCell] = []
    values = 0
    at = lead
    for num in nums:
        if num.start > at:
            for hs, he in _headings_in(text, at, num.start):
                cells.extend(_label_cells(text, at, hs, comments))
                _flush(cells, values, blocks)
                values = 0
                _add(blocks, paragraph_at(text, hs, he))
                at = he
            cells.extend(_label_cells(text, at, num.start, comments))
        for match in _CELL.finditer(text, num.start, num.end):
            cells.append(RawCell(match.start(), match.end(), match.group(), numeric=True))
            values += 1
        at = num.end
    _flush(cells, values, blocks)


def segment_runon(text: str, start: int, end: int) -> list:
    """Paragraphs and grids of the run-on stretch [start, end) of ``text``."""
    nums, comments = _scan(text, start, end)
    blocks: list = []
    at = start
    for first, last in _regions(text, nums, comments):
        if last - first + 1 > _MAX_RUNS:
            continue
        lead_from = nums[first - 1].end if first > 0 else start
        lead_from = max(lead_from, at)
        lead = last_prose_break(text, lead_from, nums[first].start)
        # a section heading right before the table belongs to the prose side
        headings = _headings_in(text, lead, nums[first].start)
        if headings and headings[0][0] > lead:
            lead = headings[0][0]
        _prose(text, at, lead, blocks)
        _table(text, lead, nums[first:last + 1], comments, blocks)
        at = nums[last].end
    _prose(text, at, end, blocks)
    return blocks
