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
whole page costs one linear pass, not a search per cell. The scan yields runs (markup with
the blanks between, ``_RUN``), one per non-blank text segment rather than one per tag: blank
segments only count towards a lookup's step limit, and the tags are counted one by one only
when a lookup could reach that limit. Most lookups need no run at all: from the last place
known to be outside markup (the end of the last piece found, a cell start tag's end), one
match of ``_REST`` passes the markup and blanks before the next segment, as its run would;
the run scan starts (again) only where that first try fails, from that place, so the markup
before a cell's text is not scanned a second time after ``locate_cell``. Replaying the same
questions in the same order gives the same answers whenever the replay happens (``force``
answers them all).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from govlint.lazy_re import lazy_pattern
from govlint.span import LineIndex, Span

# Elements whose content is raw text: everything up to their end tag is markup to us.
RAW_TEXT = "script|style|title|textarea|xmp|iframe|noembed|noframes|plaintext"
# What ``(?i:…)`` lets each letter of these names match (Python's case-insensitive matching: "s"
# also matches "ſ", "i" also "İ" and "ı"), written out as classes, and the names grouped by
# their first letter: the engine passes over a branch that opens on a class with one test of
# the character, where it enters one that opens on ``(?i:…)`` and tries every name (a tenth of
# the markup scan). ``tests/test_html_markup_patterns.py`` holds both to the plain patterns.
_FOLDS = {"s": "Ss\u017f", "i": "Ii\u0130\u0131"}


def _nocase(word: str) -> str:
    """``word`` as ``(?i:word)`` matches it, a class per letter."""
    return "".join(f"[{_FOLDS.get(ch, ch.upper() + ch)}]" for ch in word)


def _by_first_letter(words: list[tuple[str, str]]) -> str:
    """An alternation of ``(word, then)`` pairs: each word matched as ``(?i:word)`` would, then
    the pattern ``then``; the branches grouped by first letter."""
    groups: dict[str, list[str]] = {}
    for word, then in words:
        groups.setdefault(word[0], []).append(_nocase(word[1:]) + then)
    return "|".join(_nocase(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


_RAW_NAMES = "(?:" + _by_first_letter([(name, "") for name in RAW_TEXT.split("|")]) + ")"
#: what ``(?i:[a-z])`` matches: a tag name's first letter
_LETTER = "[A-Za-z\u017f\u0130\u0131\u212a]"

# One leading literal "<" lets the regex engine skip text quickly between tags. Plain end
# tags come first (half of all markup; no other branch can match them), then comments, raw
# text elements up to their end tag (any case), declarations and any other tag, quoted
# attribute values kept whole. The loops are unrolled (``[^<]*(?:<…[^<]*)*`` rather than a
# lazy ``.*?``, one run of plain characters per step rather than one character), so that a
# tag without its ``>`` still fails in linear time. A loop is possessive (``*+``) where giving
# characters back could not help what follows match (it stops at a character that what
# follows needs, or all that follows is optional): the same matches, and the engine keeps no
# state to back into (a tenth of the scan). Not around a group: Python 3.11's engine then
# misplaces the group's span.
def _markup_pattern(raw: str) -> str:
    return (rf"<(?:/{_LETTER}[^>\"'<]*+>"
            r"|!--.*?(?:-->|\Z)"
            rf"|(?P<{raw}>{_RAW_NAMES})\b"
            r"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+>"""
            rf"[^<]*+(?:<(?!/(?i:(?P={raw}))\s*>)[^<]*+)*+(?:</(?i:(?P={raw}))\s*>|\Z)"
            r"|[!?][^>]*+>?"
            rf"""|/?{_LETTER}[^\s/>]*+[^>"'<]*+(?:(?:"[^"]*+"|'[^']*+')[^>"'<]*+)*+>?)""")


_MARKUP = lazy_pattern(_markup_pattern("raw"), re.S)
_BLANK_ENTITY_BODY = (r"&(?:nbsp|ensp|emsp|thinsp|#0*160|#x0*a0|#0*12288|#x0*3000|#0*32|#x0*20"
                      r"|#0*9|#0*10|#0*13);?")
# A run: markup, then any markup, whitespace and blank entities that follow it, so that it
# ends where the next non-blank text segment starts (as ``_skip_blank`` would find it). Its
# first markup is the leftmost ``_MARKUP`` match (search skips text to a "<" where markup
# starts), and each later one starts where a whole-source scan would find it: nothing in a
# blank run can start markup. So the runs split the source exactly as the markup scan's
# matches do, one match per text segment rather than one per tag. ``\s`` is ``str.isspace``.
#
# Both loops are bounded (``_ITEMS``): Python's engine keeps a record per iteration of a loop
# over a group, and these cannot be possessive (Python 3.11 misplaces the raw-element group's
# span in a possessive loop around it), so one match over a million tags held 330 MB. A match
# that stops at the bound is taken on from where it stopped (``_rest_on``): the same end, in
# bounded memory.
_ITEMS = 1024


def _loops(items: int) -> tuple:
    """``_RUN`` and ``_REST`` with at most ``items`` items after a run's first (tests lower it)."""
    tail = r"|\s++|(?i:" + _BLANK_ENTITY_BODY + "))" + f"{{0,{items}}}"
    return (lazy_pattern(_markup_pattern("raw") + "(?:" + _markup_pattern("raw2") + tail, re.S),
            lazy_pattern("(?:" + _markup_pattern("raw") + tail, re.S))


# The rest of a run (``_REST``) from a place where no markup is open: markup, blanks and blank
# entities, as the run would go on from there; it ends where the next non-blank text segment
# starts.
_RUN, _REST = _loops(_ITEMS)
# What ``_MARKUP`` takes of a tag after "<" and its first letter, greedily (held atomic below,
# so that nothing else is tried when what follows does not match).
_TAG_BODY = r"""[^\s/>]*[^>"'<]*(?:(?:"[^"]*+"|'[^']*+')[^>"'<]*+)*+"""
# A tag name that ``_NEXT_CELL``'s loop must not pass: a raw-text element's or a cell's.
_NOT_PLAIN = _by_first_letter([*((name, r"\b") for name in RAW_TEXT.split("|")), ("td", r"[\s/>]"),
                               ("th", r"[\s/>]")])
# Text and tags up to the next cell start tag, then that tag (``cell``). Each tag taken is
# one ``_MARKUP`` would take whole: an end tag, or a start tag closed by ">" that is neither
# a raw-text element nor a cell; no comment, declaration or "<" that starts no tag. So, from
# a place where no markup is open, this matches only when the next markup that is a cell
# start tag is ``cell``; when anything else stands in the way, ``locate_cell`` walks the
# markup match by match. The loop is possessive: no backtracking when it fails.
_NEXT_CELL = lazy_pattern(
    rf"""(?:[^<]+|</{_LETTER}[^>"'<]*>|<(?!{_NOT_PLAIN}){_LETTER}(?>{_TAG_BODY})>)*+"""
    rf"""(?P<cell><(?=[Tt][DdHh][\s/>]){_LETTER}(?>{_TAG_BODY})>?)""")
_CELL_TAG = lazy_pattern(r"<t[dh](?=[\s/>])", re.I)
_BLANK_ENTITY = lazy_pattern(_BLANK_ENTITY_BODY, re.I)
_ENTITY_TAIL = lazy_pattern(r"&[#\w]{1,10};$")
# Pieces that matched nothing in this many non-blank segments are given up on.
_MAX_SEGMENTS = 12
# Never walk more than this many segments (blank ones included) for one piece.
_MAX_STEPS = 400
#: libxml2 keeps an element's line in 16 bits: from here on a ``sourceline`` means "this line
#: or a later one", a bound for the replay to start from but no place to point a finding at
LAST_LINE = 65535
# Markup runs taken from the scan at a time (a run is about seven tags on real pages).
_BATCH = 32


def _rest_on(source: str, at: int) -> int:
    """Where a match of ``_REST`` or ``_RUN`` that ended at ``at`` would end without the bound
    on its items: ``at`` itself unless markup, a blank or a blank entity starts there (the
    bound was reached), else as far as ``_REST`` goes on from there."""
    if at >= len(source):
        return at
    char = source[at]
    if char != "<" and char != "&" and not char.isspace():
        return at  # a text character: the match ended where the loop found no more
    match = _REST.match
    while True:
        end = match(source, at).end()
        if end == at:
            return at
        at = end


class SourceLocator:
    """Where text pieces and cell start tags sit in ``source``, found on demand.

    The walk appends a note to ``lines`` and ``texts`` for each text piece (``text`` None:
    the next cell start tag); ``reach(n)`` answers the first ``n`` notes, in order, into
    ``found``.
    ``scan_all`` scans all the markup at once, as the replay would bit by bit (the oracle
    of the tests).
    """

    def __init__(self, source: str, scan_all: bool = False, line_index: LineIndex | None = None):
        self.source = source
        #: the document's line starts (shared with the parser's stream and the fixes)
        self.line_index = line_index if line_index is not None else LineIndex(source)
        #: the notes: the line an element starts on (for a cell tag: the cell's) and the text
        #: piece to find there (None: the next cell start tag), one entry each
        self.lines: list[int | None] = []
        self.texts: list[str | None] = []
        #: offsets (start, end) or None for each note answered so far
        self.found: list[tuple[int, int] | None] = []
        #: the markup runs scanned so far: where each starts and ends (``_RUN``)
        self._rstarts: list[int] = []
        self._rends: list[int] = []
        self._matches = None  # the run scan, taken from as far as needed
        self._frontier = 0  # where the run scan goes on from
        self._floor = 0  # where the runs known start to be complete (the last restart)
        self._batch = _BATCH  # how many runs the next ``_more`` takes (at most ``_BATCH``)
        self._done = False  # the scan has reached the end of the source
        self._clear = 0  # a place at or before the cursor where no markup is open
        self._no_cell_from = None  # no cell start tag at or after this offset
        self.cursor = 0
        if scan_all:
            self._more(everything=True)

    # -- the replay -----------------------------------------------------------------------
    def reach(self, stop: int) -> list:
        """Answer the notes before ``stop`` (those not answered yet), in order; ``found``."""
        found = self.found
        if len(found) < stop:
            self._answer(self.lines, self.texts, len(found), stop, found)
        return found

    def locate(self, text: str) -> tuple[int, int] | None:
        """Offsets (start, end) of the stripped text piece ``text``, advancing the cursor: one
        question asked directly, answered as a note without a line is."""
        out: list = []
        self._answer((None,), (text,), 0, 1, out)
        return out[0]

    def locate_cell(self) -> tuple[int, int] | None:
        """Offsets of the next ``<td>``/``<th>`` start tag after the cursor; moves past it.

        Only a tag where markup starts counts (not one in a comment, a script or an
        attribute value): from the last place known to be outside markup, one match of
        ``_NEXT_CELL`` usually passes the cell's text and the end tags before; otherwise the
        markup is scanned match by match (``_cell_by_markup``)."""
        out: list = []
        self._answer((None,), (None,), 0, 1, out)
        return out[0]

    def _answer(self, lines, texts, first: int, stop: int, out: list) -> None:
        """Answer notes ``[first, stop)`` of ``lines`` and ``texts`` into ``out``, in order.

        The commonest answers are worked out here, with the cursor and ``_clear`` kept in
        locals (a page has about a thousand notes, and a method call or two per note was half
        the replay): a cell start tag that one ``_NEXT_CELL`` match reaches, and a piece found
        by the first try below; the rest go to ``_cell_by_markup`` and ``_segments``.
        """
        source = self.source
        size = len(source)
        index = self.line_index
        line_starts = index.starts_to(self.cursor)  # found further as notes' lines ask
        count = len(line_starts)
        rest, next_cell = _REST.match, _NEXT_CELL.match
        startswith, find = source.startswith, source.find
        most = 2 * _MAX_STEPS
        cursor, clear = self.cursor, self._clear
        for k in range(first, stop):
            text = texts[k]
            if text is None:  # the next cell start tag
                if self._no_cell_from is not None and cursor >= self._no_cell_from:
                    out.append(None)
                    continue
                begin = clear
                if cursor < self._floor or clear > cursor:
                    self.cursor, self._clear = cursor, clear
                    if cursor < self._floor:
                        self._back()
                        clear = begin = self._clear
                    if clear > cursor:
                        begin = self._aligned(cursor)
                match = next_cell(source, begin)
                if match is not None:
                    at, end = match.span("cell")
                    if at >= cursor:
                        cursor = clear = end
                        out.append((at, end))
                        continue
                self.cursor, self._clear = cursor, clear
                out.append(self._cell_by_markup(cursor))
                cursor, clear = self.cursor, self._clear
                continue
            # An element starts on ``line``: nothing after it can sit before that line.
            line = lines[k]
            if line and line > count and not index.complete:
                count = len(index.starts_through(line))  # the same list, grown
            if line and 1 <= line <= count:
                start = line_starts[line - 1]
                if start > cursor:
                    cursor = start
            text = text.strip()
            if not text:
                out.append(None)
                continue
            pos = cursor
            if pos < self._floor or pos < clear:
                self.cursor, self._clear = pos, clear
                self._back()
                clear = self._clear
            starts = self._rstarts
            if not self._done and (not starts or starts[-1] <= pos):
                # Past the runs scanned so far, or in the last of them: a first try needs no
                # more runs. In the last run, the text segment after it is its end, as in
                # ``_segments`` (unless the cursor may sit in an entity). Past it, from a place
                # where no markup is open (the cursor, when no "<" lies between it and the last
                # such place) the next segment starts where ``_REST`` ends, as a run would say:
                # no run is scanned when the piece is there (and the markup before a cell's
                # text, up to its start tag, is not scanned twice). A cursor moved to a line
                # start past markup is in the run after the last such place, or beyond it
                # (then the runs decide; a line start is never inside an entity). When the try
                # fails, ``_clear`` moves up to the cursor's run, so that no stretch is passed
                # over again and again.
                ends = self._rends
                if starts and ends[-1] > pos:
                    at = ends[-1]
                    if pos > starts[-1] and "&" in source[max(starts[-1], pos - 11):pos]:
                        at = size
                elif pos == clear or find("<", clear, pos) == -1:
                    at = rest(source, pos).end()
                    if at < size and (source[at] in "<&" or source[at].isspace()):
                        at = _rest_on(source, at)  # the bound on its items, or text "<"/"&"
                else:
                    at = rest(source, clear).end()
                    if at < size and (source[at] in "<&" or source[at].isspace()):
                        at = _rest_on(source, at)
                    if at < pos or "&" in source[max(clear, pos - 11):pos]:
                        at = size
                if at <= pos + most and startswith(text, at):
                    cursor = end = at + len(text)
                    clear = end if "<" not in text else at  # no markup starts in the text
                    out.append((at, end))
                    continue
                self.cursor, self._clear = pos, clear
                self._scan_past(pos)
                clear = self._aligned(pos)
            self.cursor, self._clear = pos, clear
            out.append(self._segments(text, pos))
            cursor, clear = self.cursor, self._clear
        self.cursor, self._clear = cursor, clear

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
        """Take the next markup runs from the scan (or all that are left): two after the scan
        starts (again), twice as many each time after, at most ``_BATCH``."""
        if self._done:
            return
        if self._matches is None or self._frontier < self._clear <= self.cursor:
            # The replay found its way past the scan without it (``locate``'s first try): the
            # scan starts again at the last place known to be outside markup. Every later
            # question is at or after it, and a scan from there finds what a scan from the
            # start of the source finds; the runs it skipped are never asked about.
            start = self._clear if self._clear <= self.cursor else 0
            self._frontier = self._floor = start
            self._matches = _RUN.finditer(self.source, start)
            self._batch = 2  # what brought the replay here needs a run or two: then more
        size = min(self._batch, _BATCH)
        self._batch = size * 2
        source = self.source
        batch = []
        while everything or len(batch) < size:
            match = next(self._matches, None)
            if match is None:
                self._done = True
                break
            start, end = match.span()
            more = _rest_on(source, end)
            if more != end:  # the run stopped at the bound on its items: it goes on
                end = more
                self._matches = _RUN.finditer(source, end)
            batch.append((start, end))
        if batch:
            starts, ends = zip(*batch)
            self._rstarts += starts
            self._rends += ends
            self._frontier = ends[-1]

    def _back(self) -> None:
        """The cursor was set back (only tests do that: the replay moves it forward): past
        places may be asked about again, so the scan starts over from the start of the source."""
        self._rstarts, self._rends = [], []
        self._matches, self._done = None, False
        self._frontier = self._floor = 0
        if self._clear > self.cursor:
            self._clear = 0

    def _scan_past(self, pos: int) -> None:
        """Scan until every markup run starting at or before ``pos`` is known."""
        starts = self._rstarts
        while not self._done and (not starts or starts[-1] <= pos):
            self._more()

    def _aligned(self, pos: int) -> int:
        """A place at or before ``pos`` where no markup is open (a markup scan may start
        there and find what the whole-source scan finds): ``pos`` itself between runs, else
        the start of its run, or ``_clear`` if that is nearer."""
        self._scan_past(pos)
        starts = self._rstarts
        i = bisect_right(starts, pos)
        if i and self._rends[i - 1] > pos:
            clear = self._clear
            pos = starts[i - 1] if starts[i - 1] >= clear or clear > pos else clear
        return pos

    # -- positions ------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        lines = self.line_index.starts_to(offset)
        line = bisect_right(lines, offset)
        return line, offset - lines[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of offsets ``[start, end)`` (``position`` of both ends, inline)."""
        if end < start + 1:
            end = start + 1
        lines = self.line_index.starts_to(end)
        line = bisect_right(lines, start)
        end_line = bisect_right(lines, end)
        return Span(line, start - lines[line - 1] + 1, end_line, end - lines[end_line - 1] + 1)

    def line_span(self, line: int | None) -> Span | None:
        """The fallback when no exact position is known: the element's line, column 1 (none
        from ``LAST_LINE`` on: there libxml2's line says only "this line or later")."""
        if not line or line < 1 or line >= LAST_LINE:
            return None
        return Span.point(min(line, len(self.line_index.starts_through(line))), 1)

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

    def _steps(self, pos: int, end: int) -> int:
        """How many markup matches start in ``(pos, end)`` (counted up to ``_MAX_STEPS``):
        the steps a walk from ``pos`` takes to the text segment at ``end``."""
        if end - pos <= 2 * _MAX_STEPS:
            return 0  # markup is at least two characters long: fewer than the limit
        source = self.source
        if source.count("<", pos + 1, end) < _MAX_STEPS:
            return 0  # each markup starts with "<": fewer than the limit
        steps = 0
        for match in _MARKUP.finditer(source, self._aligned(pos)):
            start = match.start()
            if start >= end:
                break
            if start > pos:
                steps += 1
                if steps >= _MAX_STEPS:
                    break
        return steps

    def _segments(self, text: str, pos: int) -> tuple[int, int] | None:
        """Where the stripped piece ``text`` is, walking the text segments from the cursor
        ``pos``, when ``_answer``'s first try did not find it (or could not try).

        The pieces' text segments (the text between markup, blanks skipped) are tried in
        order: the piece starts where its text does, or, when the segment starts with the
        piece's first character or an entity, the piece is the segment. A segment that is
        neither counts against ``_MAX_SEGMENTS``; a segment more than ``_MAX_STEPS`` markup
        matches away is not tried. Blank segments cost nothing: one run of ``_RUN`` passes
        them with the markup around them, and the markup is counted only when so much lies
        between that the step limit could be reached (``_steps``).
        """
        source = self.source
        size = len(source)
        starts, ends = self._rstarts, self._rends
        i = bisect_right(starts, pos)  # the next run after the segment at ``at``
        inside = None  # the end of a text segment that starts inside a run
        if i and ends[i - 1] > pos:
            at = ends[i - 1]  # in a run: the text segment after it
            if pos > starts[i - 1] and "&" in source[max(starts[i - 1], pos - 11):pos]:
                found = self._inside_entity(pos, starts[i - 1], starts[i] if i < len(starts) else size)
                if found is not None:
                    at, inside = found
        else:
            at = self._skip_blank(pos, starts[i] if i < len(starts) else size)
            if i < len(starts) and at >= starts[i]:
                at = ends[i]  # a blank segment: the one after the next run
                i += 1
        nonblank = 0
        first_char = text[0]
        limit = pos + 2 * _MAX_STEPS
        while at < size:
            while i >= len(starts) and not self._done:
                self._more()  # the scan goes on as far as the walk
            seg_end = starts[i] if i < len(starts) else size
            if inside is not None:
                seg_end, inside = inside, seg_end
            if at > limit and self._steps(pos, at) >= _MAX_STEPS:
                return None
            if source.startswith(text, at):
                self.cursor = end = at + len(text)
                self._clear = end if "<" not in text else at  # no markup starts in the text
                return at, end
            first = source[at]
            if first == first_char or first == "&":
                # Entities or a merged node: the piece runs to the end of its segment.
                end = self._rstrip_blank(at, seg_end)
                self._clear = at
                self.cursor = max(end, at + 1)
                return at, self.cursor
            nonblank += 1
            if nonblank >= _MAX_SEGMENTS:
                return None
            if inside is not None and seg_end < inside:
                at = ends[i - 1]  # the rest of the run is blank: the segment after it
                inside = None
                continue
            inside = None
            if i >= len(starts):
                return None
            at = ends[i]
            i += 1
        return None

    def _inside_entity(self, pos: int, run: int, after: int) -> tuple[int, int] | None:
        """The text segment (start, end) a walk from ``pos`` (in the run starting at ``run``,
        before the next run at ``after``) meets first, when ``pos`` is not in markup: inside a
        blank entity, the entity's rest is text to it. None when ``pos`` is in markup or only
        blanks lie between it and the next markup (the run's end is then the answer)."""
        source = self.source
        for match in _MARKUP.finditer(source, run):
            start, end = match.span()
            if start > pos:
                after = start
                break
            if end > pos:
                return None  # in markup
        start = self._skip_blank(pos, after)
        return (start, after) if start < after else None

    def _cell_by_markup(self, cursor: int) -> tuple[int, int] | None:
        """The next cell start tag after ``cursor`` where markup starts, scanning the markup
        match by match (``_answer``'s one match did not reach it); remembered when none is
        left."""
        source = self.source
        if _CELL_TAG.search(source, cursor):
            for match in _MARKUP.finditer(source, self._aligned(cursor)):
                start = match.start()
                if start >= cursor and _CELL_TAG.match(source, start):
                    self.cursor = self._clear = match.end()
                    return start, self.cursor
        self._no_cell_from = cursor
        return None
