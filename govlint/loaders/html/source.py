"""Source positions for text found by lxml.

lxml gives each element a ``sourceline`` but no column and nothing for text nodes. The
``SourceLocator`` scans the decoded source once to tell markup (tags, comments, raw-text
elements such as ``<script>``) from text, then the loader asks it, in document order,
where each text piece starts. A cursor only moves forward, so every lookup inspects a few
text segments after the previous one: the whole page costs one linear pass, not a search
per cell.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from govlint.lazy_re import lazy_pattern
from govlint.span import Span

# Elements whose content is raw text: everything up to their end tag is markup to us.
RAW_TEXT = "script|style|title|textarea|xmp|iframe|noembed|noframes|plaintext"

# One leading literal "<" lets the regex engine skip text quickly between tags. Plain end
# tags come first (half of all markup; no other branch can match them), then comments, raw
# text elements up to their end tag (any case), declarations and any other tag, quoted
# attribute values kept whole. The loops are unrolled (``[^<]*(?:<…[^<]*)*`` rather than a
# lazy ``.*?``, one run of plain characters per step rather than one character), so that a
# tag without its ``>`` still fails in linear time.
_MARKUP = lazy_pattern(
    r"<(?:/(?i:[a-z])[^>\"'<]*>"
    r"|!--.*?(?:-->|\Z)"
    rf"|(?P<raw>(?i:{RAW_TEXT}))\b"
    r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>"""
    r"[^<]*(?:<(?!/(?i:(?P=raw))\s*>)[^<]*)*(?:</(?i:(?P=raw))\s*>|\Z)"
    r"|[!?][^>]*>?"
    r"""|/?(?i:[a-z])[^\s/>]*[^>"'<]*(?:(?:"[^"]*"|'[^']*')[^>"'<]*)*>?)""",
    re.S)
_CELL_TAG = lazy_pattern(r"<t[dh](?=[\s/>])", re.I)
_BLANK_ENTITY = lazy_pattern(r"&(?:nbsp|ensp|emsp|thinsp|#0*160|#x0*a0|#0*12288|#x0*3000|#0*32|#x0*20"
                             r"|#0*9|#0*10|#0*13);?", re.I)
_ENTITY_TAIL = lazy_pattern(r"&[#\w]{1,10};$")
# Pieces that matched nothing in this many non-blank segments are given up on.
_MAX_SEGMENTS = 12
# Never walk more than this many segments (blank ones included) for one piece.
_MAX_STEPS = 400


class SourceLocator:
    """Finds, in document order, where text pieces and cell start tags sit in ``source``."""

    def __init__(self, source: str):
        self.source = source
        spans = [m.span() for m in _MARKUP.finditer(source)]
        # columns of the (start, end) pairs, split at C speed: these are the page's largest lists
        self._mstarts, self._mends = (list(column) for column in zip(*spans)) if spans else ([], [])
        # A cell start tag is one where a markup run starts (not text inside a comment or a
        # script): matched against the markup's starts as sets, its end read from a dict.
        tags = {m.start() for m in _CELL_TAG.finditer(source)}
        cells = sorted(tags.intersection(self._mstarts)) if tags else []
        if cells:
            end_of = dict(spans)
            self._cells = [(start, end_of[start]) for start in cells]
        else:
            self._cells = []
        self._cell_starts = cells
        self._lines = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            self._lines.append(pos + 1)
            pos = find("\n", pos + 1)
        self.cursor = 0

    # -- positions ------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(end, start + 1))
        return Span(line, col, end_line, end_col)

    def line_span(self, line: int | None) -> Span | None:
        """The fallback when no exact position is known: the element's line, column 1."""
        if not line or line < 1:
            return None
        return Span.point(min(line, len(self._lines)), 1)

    def hint_line(self, line: int | None) -> None:
        """An element starts on ``line``: nothing after it can sit before that line."""
        if line and 1 <= line <= len(self._lines):
            start = self._lines[line - 1]
            if start > self.cursor:
                self.cursor = start

    # -- lookups --------------------------------------------------------------------------
    def _skip_blank(self, pos: int, end: int) -> int:
        source = self.source
        while pos < end:
            char = source[pos]
            if char.isspace():
                pos += 1
            elif char == "&":
                match = _BLANK_ENTITY.match(source, pos, end)
                if not match:
                    return pos
                pos = match.end()
            else:
                return pos
        return pos

    def _rstrip_blank(self, start: int, end: int) -> int:
        source = self.source
        while end > start:
            if source[end - 1].isspace():
                end -= 1
                continue
            if source[end - 1] == ";":
                match = _ENTITY_TAIL.search(source, max(start, end - 12), end)
                if match and _BLANK_ENTITY.fullmatch(match.group()):
                    end = match.start()
                    continue
            break
        return end

    def locate(self, text: str) -> tuple[int, int] | None:
        """Offsets (start, end) of the stripped text piece ``text``, advancing the cursor."""
        text = text.strip()
        if not text:
            return None
        source = self.source
        size = len(source)
        starts, ends = self._mstarts, self._mends
        count = len(starts)
        pos = self.cursor
        # Out of the markup the cursor may be in; ``j`` is then the next markup. Later steps
        # go from one text segment to the next in order, without searching again.
        j = bisect_right(starts, pos)
        if j and ends[j - 1] > pos:
            pos = ends[j - 1]
        nonblank = 0
        first_char = text[0]
        for _ in range(_MAX_STEPS):
            if pos >= size:
                return None
            seg_end = starts[j] if j < count else size
            start = pos
            if start < seg_end:
                char = source[start]
                if char.isspace() or char == "&":
                    start = self._skip_blank(start, seg_end)
            if start < seg_end:
                if source.startswith(text, start):
                    self.cursor = start + len(text)
                    return start, self.cursor
                first = source[start]
                if first == first_char or first == "&":
                    # Entities or a merged node: the piece runs to the end of its segment.
                    end = self._rstrip_blank(start, seg_end)
                    self.cursor = max(end, start + 1)
                    return start, self.cursor
                nonblank += 1
                if nonblank >= _MAX_SEGMENTS:
                    return None
            if j < count:
                pos = ends[j]
                j += 1
            else:
                pos = size
        return None

    def locate_cell(self) -> tuple[int, int] | None:
        """Offsets of the next ``<td>``/``<th>`` start tag after the cursor; moves past it."""
        i = bisect_left(self._cell_starts, self.cursor)
        if i >= len(self._cells):
            return None
        start, end = self._cells[i]
        self.cursor = end
        return start, end
