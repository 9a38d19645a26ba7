"""Source positions for text found by lxml, worked out only when something reads them.

lxml gives each element a ``sourceline`` but no column and nothing for text nodes. The walk
(``blocks``) therefore only *records*, in document order, what it would ask: "an element
starts on this line, where does this text piece start?" and "where is the next cell start
tag?" (``SourceLocator.lines`` and ``texts``, one note each). Each paragraph and cell keeps
the range of its notes. When a span or offset is first read, the locator replays the notes
up to that block's last one (``reach``) and keeps every answer, so a report whose findings
read no position pays nothing for positions, and one whose finding sits in table 3 pays up
to there.

The replay tells markup (tags, comments, raw-text elements such as ``<script>``) from text
with one scan of the source that goes no further than the replay needs, and a cursor that
only moves forward: every lookup inspects a few text segments after the previous one, so the
whole page costs one linear pass, not a search per cell. Replaying the same questions in the
same order gives the same answers whenever the replay happens (``force`` answers them all).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, islice
from operator import add

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
# Markup matches taken from the scan at a time.
_BATCH = 256


class SourceLocator:
    """Where text pieces and cell start tags sit in ``source``, found on demand.

    The walk appends a note to ``lines`` and ``texts`` for each text piece (``text`` None:
    the next cell start tag); ``reach(n)`` answers the first ``n`` notes, in order, into
    ``found``.
    ``scan_all`` scans all the markup at once, as the replay would bit by bit (the oracle
    of the tests).
    """

    def __init__(self, source: str, scan_all: bool = False):
        self.source = source
        #: the notes: the line an element starts on (for a cell tag: the cell's) and the text
        #: piece to find there (None: the next cell start tag), one entry each
        self.lines: list[int | None] = []
        self.texts: list[str | None] = []
        #: offsets (start, end) or None for each note answered so far
        self.found: list[tuple[int, int] | None] = []
        self._line_starts: list[int] | None = None
        self._mstarts: list[int] = []
        self._mends: list[int] = []
        self._cells: list[tuple[int, int]] = []
        self._cell_starts: list[int] = []
        self._matches = None  # the markup scan, taken from as far as needed
        self._done = False  # the scan has reached the end of the source
        self.cursor = 0
        if scan_all:
            self._more(everything=True)

    # -- the replay -----------------------------------------------------------------------
    def reach(self, stop: int) -> list:
        """Answer the notes before ``stop`` (those not answered yet), in order; ``found``."""
        found = self.found
        if len(found) < stop:
            lines, texts = self.lines, self.texts
            locate, locate_cell = self.locate, self.locate_cell
            line_starts = self._lines()
            count = len(line_starts)
            for k in range(len(found), stop):
                text = texts[k]
                if text is None:
                    found.append(locate_cell())
                    continue
                # An element starts on ``line``: nothing after it can sit before that line.
                line = lines[k]
                if line and 1 <= line <= count:
                    start = line_starts[line - 1]
                    if start > self.cursor:
                        self.cursor = start
                found.append(locate(text))
        return found

    def force(self) -> None:
        """Answer every note now (what the walk used to do as it went)."""
        self.reach(len(self.texts))

    def extent(self, first: int, stop: int) -> tuple[int, int] | None:
        """Offsets from the first found piece of notes ``[first, stop)`` to the end of the last."""
        found = self.found
        if len(found) < stop:
            self.reach(stop)
        if stop - first == 1:
            return found[first]  # the usual cell or paragraph: one piece
        start = end = None
        for k in range(first, stop):
            where = found[k]
            if where is not None:
                if start is None:
                    start = where[0]
                end = where[1]
        return None if start is None else (start, end)

    def first_line(self, first: int, stop: int) -> int | None:
        """The first element line among notes ``[first, stop)``: where an unfound piece points."""
        lines = self.lines
        for k in range(first, stop):
            if lines[k] is not None:
                return lines[k]
        return None

    def paragraph_place(self, first: int, stop: int) -> tuple:
        """(span, at) of a paragraph whose pieces are notes ``[first, stop)``."""
        at = self.extent(first, stop)
        if at is not None:
            return self.span(*at), at
        return self.line_span(self.first_line(first, stop)), None

    def cell_place(self, tag: int, stop: int) -> tuple:
        """(span, at) of a cell: note ``tag`` asked for its start tag, ``[tag + 1, stop)`` for
        its text. A blank cell points at the first line of its start tag."""
        at = self.extent(tag + 1, stop)
        if at is None:
            tag_at = self.found[tag]
            if tag_at is None:
                span = self.line_span(self.first_line(tag + 1, stop))
                return (span if span is not None else self.line_span(self.lines[tag])), None
            newline = self.source.find("\n", tag_at[0], tag_at[1])
            at = (tag_at[0], newline if newline != -1 else tag_at[1])
        return self.span(*at), at

    def grid_place(self, first: int, stop: int, line: int | None) -> Span | None:
        """The span of a table whose notes are ``[first, stop)``: its first cell start tag found."""
        found, texts = self.reach(stop), self.texts
        for k in range(first, stop):
            if texts[k] is None and found[k] is not None:
                start = found[k][0]
                return self.span(start, start + 1)
        return self.line_span(line)

    # -- the markup scan, as far as needed ------------------------------------------------
    def _more(self, everything: bool = False) -> None:
        """Take the next ``_BATCH`` markup runs from the scan (or all that are left)."""
        if self._done:
            return
        if self._matches is None:
            self._matches = _MARKUP.finditer(self.source)
        batch = [m.span() for m in (self._matches if everything else islice(self._matches, _BATCH))]
        if everything or len(batch) < _BATCH:
            self._done = True
        if not batch:
            return
        starts, ends = zip(*batch)
        self._mstarts += starts
        self._mends += ends
        # A cell start tag is one where a markup run starts (not text inside a comment or a
        # script): matched against this batch's starts as sets, its end read from a dict.
        first, last = starts[0], starts[-1]
        tags = {m.start() for m in _CELL_TAG.finditer(self.source, first, last + 4)}
        if tags:
            cells = sorted(tags.intersection(starts))
            if cells:
                end_of = dict(batch)
                self._cells += [(start, end_of[start]) for start in cells]
                self._cell_starts += cells

    def _scan_past(self, pos: int) -> None:
        """Scan until every markup run starting at or before ``pos`` is known."""
        starts = self._mstarts
        while not self._done and (not starts or starts[-1] <= pos):
            self._more()

    # -- positions ------------------------------------------------------------------------
    def _lines(self) -> list[int]:
        """Offsets where each line starts (worked out once, at C speed)."""
        starts = self._line_starts
        if starts is None:
            sizes = list(map(len, self.source.split("\n")))
            starts = [0]
            starts += map(add, accumulate(sizes[:-1]), range(1, len(sizes)))
            self._line_starts = starts
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        lines = self._lines()
        line = bisect_right(lines, offset)
        return line, offset - lines[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of offsets ``[start, end)`` (``position`` of both ends, inline)."""
        lines = self._line_starts or self._lines()
        if end < start + 1:
            end = start + 1
        line = bisect_right(lines, start)
        end_line = bisect_right(lines, end)
        return Span(line, start - lines[line - 1] + 1, end_line, end - lines[end_line - 1] + 1)

    def line_span(self, line: int | None) -> Span | None:
        """The fallback when no exact position is known: the element's line, column 1."""
        if not line or line < 1:
            return None
        return Span.point(min(line, len(self._lines())), 1)

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
        pos = self.cursor
        starts, ends = self._mstarts, self._mends
        if not self._done and (not starts or starts[-1] <= pos):
            self._scan_past(pos)
        count = len(starts)
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
            while j >= count and not self._done:
                self._more()  # the scan goes on as far as the walk
                count = len(starts)
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
        cursor = self.cursor
        if not self._done:
            self._scan_past(cursor)
        i = bisect_left(self._cell_starts, cursor)
        while i >= len(self._cells) and not self._done:
            self._more()
        if i >= len(self._cells):
            return None
        start, end = self._cells[i]
        self.cursor = end
        return start, end
