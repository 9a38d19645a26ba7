"""The document as one searchable character stream with a way back to source positions.

Every text block and every origin cell of a grid becomes a *piece*; the pieces are joined with
``SEP`` into ``Stream.text`` (folded, see ``govlint.normalize.fold``) and ``Stream.raw`` (as printed).
Folding maps characters one to one, so an offset means the same character in both. Labels,
numbers and headings are then found with a few precompiled expressions over one string,
whatever the loader made of the layout (a cell per line, a row per line, a whole report glued
onto one line).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from govlint.document import Grid, Paragraph
from govlint.record import Record
from govlint.span import LineIndex, Span, deferred_span
from govlint.normalize import fold

#: separator between pieces; never part of a loader's text
SEP = "\x1f"


class Piece(Record):
    __slots__ = _fields = ("text", "span", "start", "kind", "heading", "base")

    def __init__(self, text: str, span: Span | None, start: int, kind: str = "para",
                 heading: bool = False, base: int | None = None) -> None:
        self.text = text
        self.span = span
        self.start = start
        self.kind = kind
        self.heading = heading
        #: offset of ``text[0]`` in the document source when the text is verbatim there
        self.base = base

    @property
    def end(self) -> int:
        return self.start + len(self.text)


#: a piece whose span and base are worked out only when asked for (``_Places.place``): the
#: HTML loader finds a block's offsets in the source only when they are first read
DeferredPiece = deferred_span(Piece, "DeferredPiece", ("span", "base"), stores=True)


class Stream:
    """The pieces as parallel lists: ``texts`` (as printed) and ``starts`` (stream offsets),
    one entry per piece, in order. A report has some three hundred pieces, and the parser
    reads little of each (its text and offset, and the source place of the few a finding
    points into), so no object is made per piece: ``pieces`` builds ``Piece`` objects only
    when asked for (tests, tools), and the source place of piece ``i`` is worked out by
    ``place(i)`` when first read."""

    def __init__(self, document, splitter=None):
        self.source = document.source or ""
        self._places = _Places(self.source, document.line_index())
        #: (start, end) stream ranges of the headings ``splitter`` found
        self.split_headings: list[tuple[int, int, object]] = []
        items: list = []                       # every paragraph and origin cell, in order
        grids: list[tuple[int, int, int]] = []  # (first item, end item, block number)
        # the column of a cell is its position in grids whose columns are positions (HTML,
        # Markdown, Word …); text extractions shift cells between rows (seed 002's tabs), so
        # their column numbers say nothing and are left out
        positional = document.format != "text"
        for number, block in enumerate(document.blocks):
            if isinstance(block, Paragraph):
                items.append(block)
            elif isinstance(block, Grid):
                first = len(items)
                items.extend(block.cells())
                if positional and len(items) > first:
                    grids.append((first, len(items), number))
        texts = [item.text or "" for item in items]
        # Every text folded in one call: folding maps characters one to one, so the folded
        # text of any slice is the same slice of the folded whole.
        folded = fold(SEP.join(texts))
        starts = _starts(texts)
        cut = _cuts(splitter, texts, starts, folded)
        self._grids = grids
        self._grid_firsts = [first for first, _, _ in grids]
        if not cut:
            # the usual document: every piece a whole paragraph or cell
            self.texts, self.starts, self.raw, self.text = texts, starts, SEP.join(texts), folded
            self._origins = _Origins(self._places, items, texts, None, {})
            return
        # a few paragraphs or cells hold a heading: each is cut before (and after) it, the
        # runs of whole pieces between them taken over as they are
        pieces: list[str] = []
        item_at: list[int] = []
        parts: dict[int, tuple[int, int]] = {}
        raw_runs: list[str] = []
        folded_runs: list[str] = []
        found_at: list[tuple[int, object]] = []
        prev = 0
        for k, cuts in cut:
            if prev < k:
                pieces.extend(texts[prev:k])
                item_at.extend(range(prev, k))
                raw_runs.append(SEP.join(texts[prev:k]))
                folded_runs.append(folded[starts[prev]:starts[k] - 1])
            text, at = texts[k], starts[k]
            for part, a, found in _split(text, cuts):
                if found is not None:
                    found_at.append((len(pieces), found))
                parts[len(pieces)] = (a, a + len(part))
                pieces.append(part)
                item_at.append(k)
                raw_runs.append(part)
                folded_runs.append(folded[at + a:at + a + len(part)])
            prev = k + 1
        if prev < len(texts):
            pieces.extend(texts[prev:])
            item_at.extend(range(prev, len(texts)))
            raw_runs.append(SEP.join(texts[prev:]))
            folded_runs.append(folded[starts[prev]:])
        self.texts, self.starts = pieces, _starts(pieces)
        self.raw, self.text = SEP.join(raw_runs), SEP.join(folded_runs)
        self.split_headings = [(self.starts[i], self.starts[i] + length, what)
                               for i, (length, what) in found_at]
        self._origins = _Origins(self._places, items, texts, item_at, parts)

    # -- reading --------------------------------------------------------------------------
    @property
    def _piece_starts(self) -> list[int]:
        return self.starts

    @property
    def pieces(self) -> list[Piece]:
        """The pieces as objects (their span and base worked out when read), made on first use."""
        made = self.__dict__.get("_pieces")
        if made is None:
            origins = self._origins
            made = self._pieces = [
                DeferredPiece(text, None, start, origins.kind(i), origins.heading(i), where=(origins.place, i))
                for i, (text, start) in enumerate(zip(self.texts, self.starts))]
        return made

    def piece_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def heading(self, index: int) -> bool:
        """The loader's heading hint of piece ``index`` (a paragraph's ``heading``)."""
        return self._origins.heading(index)

    def span(self, start: int, end: int) -> Span | None:
        """The source span of stream characters ``[start, end)``."""
        starts = self.starts
        if not starts:
            return None
        if end < start + 1:
            end = start + 1
        first = bisect_right(starts, start) - 1
        if first < 0:
            first = 0
        piece_start, size = starts[first], len(self.texts[first])
        if end <= piece_start + size + 1 or first == len(starts) - 1:
            last = first  # the range ends in the piece (or the separator after it)
        else:
            last = self.piece_index(end - 1)
        if first == last:
            span, base = self._origins.place(first)
            if base is not None:
                a = min(max(start - piece_start, 0), size)
                b = min(max(end - piece_start, a + 1), max(size, a + 1))
                return self._places.source_span(base + a, base + b)
            return span
        piece_end = piece_start + size
        head = self.span(start, min(end, piece_end) if piece_end > start else start + 1)
        tail = self.span(max(starts[last], start), end)
        if head is None:
            return tail
        if tail is None:
            return head
        return Span(head.line, head.column, tail.end_line, tail.end_column)

    def column(self, pos: int) -> tuple[int, int] | None:
        """(grid number, column) of the positional grid cell at stream offset ``pos``, if any:
        for the piece that starts the cell's text (a cell cut at a heading has its column on
        its first piece only)."""
        if not self._grids:
            return None
        index = self.piece_index(pos)
        item = self._origins.first_item(index)
        if item is None:
            return None
        at = bisect_right(self._grid_firsts, item) - 1
        if at < 0:
            return None
        first, end, number = self._grids[at]
        if item >= end:
            return None
        return number, self._origins.items[item].col

    def original(self, start: int, end: int) -> str:
        return self.raw[start:end]


def _starts(texts: list[str]) -> list[int]:
    """The stream offset of each text joined with ``SEP``: the lengths before it, plus one
    separator each."""
    if not texts:
        return []
    return list(accumulate([len(text) + 1 for text in texts[:-1]], initial=0))


def _cuts(splitter, texts: list[str], starts: list[int], folded: str) -> list[tuple[int, list]]:
    """(item index, the headings ``splitter`` found in it) of every text it cuts, in order.

    A splitter may name, over the whole folded text at once (``splitter.candidates``), the
    places where it could cut: texts without one are not handed to it."""
    if splitter is None:
        return []
    candidates = getattr(splitter, "candidates", None)
    if candidates is None:
        asked = [k for k, text in enumerate(texts) if text]
    else:
        asked = []
        for mark in candidates(folded):
            k = bisect_right(starts, mark) - 1
            if k >= 0 and mark < starts[k] + len(texts[k]) and (not asked or asked[-1] != k):
                asked.append(k)
    out = []
    for k in asked:
        cuts = list(splitter(folded[starts[k]:starts[k] + len(texts[k])]))
        if cuts:
            out.append((k, cuts))
    return out


def _split(text, cuts):
    """The text, cut before (and after) every heading in ``cuts``: (part, its offset in
    ``text``, heading found at its start) each."""
    bounds = []
    for start, end, what in cuts:
        bounds.append((start, "head", end - start, what))
        bounds.append((end, "tail", 0, None))
    points = sorted({0, len(text), *(b[0] for b in bounds)})
    heads = {b[0]: (b[2], b[3]) for b in bounds if b[1] == "head"}
    for a, b in zip(points, points[1:]):
        part = text[a:b]
        if not part.strip() and a not in heads:
            continue
        yield part, a, heads.get(a)


class _Origins:
    """Where each piece came from: its paragraph or cell (``items``), the part of that text it
    is when a heading cut it, and its source place once worked out. Apart from the ``Stream``
    so that deferred pieces do not refer back to it (a reference cycle would keep each parsed
    report until a full collection)."""

    __slots__ = ("places", "items", "texts", "item_at", "parts", "placed")

    def __init__(self, places, items, texts, item_at, parts):
        self.places = places
        self.items = items
        self.texts = texts      # the items' whole texts
        self.item_at = item_at  # piece → item, None when pieces and items are one to one
        self.parts = parts      # piece → (start, end) in its item's text, for cut pieces
        self.placed: dict[int, tuple] = {}

    def item(self, index: int) -> int:
        return index if self.item_at is None else self.item_at[index]

    def first_item(self, index: int) -> int | None:
        """The item piece ``index`` starts, None when it is a later part of one."""
        item_at = self.item_at
        if item_at is None:
            return index
        item = item_at[index]
        return item if index == 0 or item_at[index - 1] != item else None

    def kind(self, index: int) -> str:
        return "para" if isinstance(self.items[self.item(index)], Paragraph) else "cell"

    def heading(self, index: int) -> bool:
        item = self.items[self.item(index)]
        return item.heading if isinstance(item, Paragraph) else False

    def place(self, index: int) -> tuple:
        """(span, base) of piece ``index`` (``_Places.place``), worked out once."""
        found = self.placed.get(index)
        if found is None:
            item = self.item(index)
            part = self.parts.get(index)
            if part is None:
                found = self.places.place(self.texts[item], self.items[item])
            else:
                found = self.places.place(self.texts[item], self.items[item], *part)
            self.placed[index] = found
        return found


class _Places:
    """The document source with its line starts: where a piece's text sits, and the span of
    source offsets. Apart from the ``Stream`` so that the pieces' deferred places do not refer
    back to it (a reference cycle would keep each parsed report until a full collection)."""

    __slots__ = ("source", "_index")

    def __init__(self, source: str, index: LineIndex):
        self.source = source
        self._index = index  # the document's line starts, shared with its loader

    def _offset(self, line: int, column: int) -> int | None:
        starts = self._index.starts_through(line)
        if not 1 <= line <= len(starts):
            return None
        return starts[line - 1] + column - 1

    def locate(self, text: str, where) -> int | None:
        """Where ``text`` sits verbatim in the source inside the span of block or cell ``where``,
        if it does. A loader that knows the span's offsets (``at``) spares the line arithmetic."""
        if not text or not self.source:
            return None
        at = where.at
        if at is not None:
            start, end = at
            if self.source.startswith(text, start):
                return start
            found = self.source.find(text, start, max(end, start + 1) + 1)
            return found if found != -1 else None
        span = where.span
        if span is None:
            return None
        line = span.line
        starts = self._index.starts_through(line)
        if not 1 <= line <= len(starts):
            return None
        start = starts[line - 1] + span.column - 1
        if self.source.startswith(text, start):
            return start
        end = self._offset(span.end_line, span.end_column)
        if end is None or end < start:
            return None
        found = self.source.find(text, start, end + 1)
        return found if found != -1 else None

    def place(self, text: str, where, a: int | None = None, b: int | None = None) -> tuple:
        """(span, base) of a piece: block or cell ``where`` whose text is ``text``, or of its
        part ``text[a:b]``. Read on demand: ``where.at`` may cost the loader a search."""
        base = self.locate(text, where)
        if a is None:
            return where.span, base
        if base is None:
            return where.span, None
        return self.source_span(base + a, base + b), base + a

    def source_span(self, start: int, end: int) -> Span:
        if end < start + 1:
            end = start + 1
        starts = self._index.starts_to(end)
        line = bisect_right(starts, start)
        if line == len(starts) or end <= starts[line]:
            end_line = line  # the usual case: the range ends on the line it starts on
        else:
            end_line = bisect_right(starts, end - 1)
        # end column is exclusive: one past the last character
        return Span(line, start - starts[line - 1] + 1, end_line, end - 1 - starts[end_line - 1] + 2)
