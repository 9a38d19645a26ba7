"""Finding tables 二, 三 and 四 in the stream and handing each its run of label hits.

Each table has an *anchor*, a label no prose uses (表三: 本年新收政府信息公开申请数量; 表四:
未经复议直接起诉 / 复议后起诉; 表二: 第二十条第（一）项 or its first column label). The table
starts at the first label of the unbroken run of header labels before the anchor and ends at
the next strict section heading or the next table, whichever comes first; the recognisers stop
earlier when the values run into prose.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from govlint.lazy_re import lazy_pattern
from govlint.parser import labels
from govlint.parser.table2 import parse_table2
from govlint.parser.table3 import parse_table3
from govlint.parser.table4 import parse_table4

_CLEAN = lazy_pattern(r"[\s|｜#*（）]*")
#: table 4 may print each group's numbers under its own header (行政复议 … 27 10 9 15 61)
_CLEAN_NUMBERS = lazy_pattern(r"[\s|｜#*（）0-9:.\-]*")


class Ranges:
    """Stream ranges (the split headings) asked whether a label hit starts or ends inside one.

    A page of many headings and many label hits made the plain scan over every range per hit
    quadratic (a 1.2 MB page took 7 s). Sorted starts with the running maximum of the ends
    answer each question with two binary searches, whatever the ranges' order or overlap.
    """

    def __init__(self, ranges):
        ordered = sorted(ranges)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def touches(self, start: int, end: int) -> bool:
        """Whether some range (a, b) has ``a <= start < b`` or ``a < end <= b``."""
        i = bisect_right(self._starts, start)  # ranges with a <= start
        if i and self._reach[i - 1] > start:
            return True
        i = bisect_left(self._starts, end)  # ranges with a < end
        return bool(i) and self._reach[i - 1] >= end


def _anchor(hits, tests):
    """The first hit passing the first test that any hit passes."""
    for test in tests:
        for i, hit in enumerate(hits):
            if test(hit):
                return i
    return None


def _chain_start(text, hits, i, header_tags, clean=_CLEAN) -> int:
    """Index of the first hit of the unbroken run of header labels ending at hit ``i``."""
    j = i
    while j > 0:
        prev = hits[j - 1]
        if prev.tag not in header_tags:
            break
        if not clean.fullmatch(text, prev.end, hits[j].start):
            break
        j -= 1
    return j


def find_tables(stream) -> tuple[dict, list[tuple[int, int]]]:
    """The recognised tables by kind, and the stream regions they cover."""
    text = stream.text
    headings = [(a, b) for a, b, _ in stream.split_headings]
    in_heading = Ranges(headings).touches
    heading_starts = sorted(a for a, _ in headings)
    found = {}
    for kind, label_set, is_anchor, header_tags in (
        ("table3", labels.table3_labels(),
         [lambda h: h.tag == "row" and h.key == "new"], {"col", "amb_other", "amb_total", "hdr"}),
        ("table4", labels.table4_labels(),
         [lambda h: h.key in ("litigation_direct", "litigation_after_review")], {"group", "out"}),
        ("table2", labels.table2_labels(),
         [lambda h: h.tag == "block", lambda h: h.tag in ("col", "col_new")], {"hdr", "block"}),
    ):
        hits = []
        scan = (h for h in label_set.scan(text) if not in_heading(h.start, h.end))
        i = _first(scan, hits, is_anchor[0])
        if i is None:
            i = _anchor(hits, is_anchor[1:])  # every hit read: the later tests look at them all
            if i is None:
                continue
        j = _chain_start(text, hits, i, header_tags, _CLEAN_NUMBERS if kind == "table4" else _CLEAN)
        # the table ends at the next heading at the latest: the hits past it are never read,
        # so the scan stops at the first of them
        head = bisect_right(heading_starts, hits[j].start)
        if head < len(heading_starts):
            _until(scan, hits, heading_starts[head])
        else:
            hits.extend(scan)
        found[kind] = (hits[j].start, hits[j:])
    starts = sorted(start for start, _ in found.values())
    tables, regions = {}, []
    parsers = {"table2": parse_table2, "table3": parse_table3, "table4": parse_table4}
    for kind, (start, hits) in found.items():
        limit = len(text)
        for other in starts:
            if other > start:
                limit = min(limit, other)
                break
        for head in heading_starts:
            if head > start:
                limit = min(limit, head)
                break
        builder = parsers[kind](stream, hits, limit)
        table = builder.finish()
        if not table.cells and not table.labels:
            continue
        tables[kind] = table
        if builder.start is not None:
            regions.append((builder.start, builder.end))
    return tables, regions


def _first(scan, hits: list, test) -> int | None:
    """Read ``scan`` into ``hits`` up to the first hit passing ``test``: its index, or None
    when no hit does (``scan`` read to its end)."""
    for hit in scan:
        hits.append(hit)
        if test(hit):
            return len(hits) - 1
    return None


def _until(scan, hits: list, limit: int) -> None:
    """Read ``scan`` into ``hits`` up to (and with) its first hit starting at ``limit`` or after."""
    for hit in scan:
        hits.append(hit)
        if hit.start >= limit:
            return
