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
DeferredPiece = deferred_span(Piece, "DeferredPiece", ("span", "base"))


class Stream:
    def __init__(self, document, splitter=None):
        self.source = document.source or ""
        self._places = _Places(self.source, document.line_index())
        self.pieces: list[Piece] = []
        #: (start, end) stream ranges of the headings ``splitter`` found
        self.split_headings: list[tuple[int, int, object]] = []
        #: stream offset of a cell's piece → (grid number, column), for grids whose columns are
        #: positions (HTML, Markdown, Word …); text extractions shift cells between rows
        #: (seed 002's tabs), so their column numbers say nothing and are left out
        self.columns: dict[int, tuple[int, int]] = {}
        positional = document.format != "text"
        blocks = []
        for number, block in enumerate(document.blocks):
            cols = None
            if isinstance(block, Paragraph):
                items = [(block.text or "", block, "para", block.heading)]
            elif isinstance(block, Grid):
                items = [(cell.text or "", cell, "cell", False) for cell in block.cells()]
                if positional:
                    cols = [cell.col for cell in block.cells()]
            else:
                continue
            blocks.append((number, items, cols))
        # Every text folded in one call: folding maps characters one to one, so the folded
        # text of any slice is the same slice of the folded whole.
        folded_all = fold(SEP.join([item[0] for _, items, _ in blocks for item in items]))
        # a splitter may name, over the whole text at once, the places where it could cut: the
        # pieces without one are not handed to it
        candidates = getattr(splitter, "candidates", None)
        marks = candidates(folded_all) if candidates is not None else None
        mark = 0
        at = 0
        raw_parts: list[str] = []
        folded_parts: list[str] = []
        pieces = self.pieces
        offset = 0
        for number, items, cols in blocks:
            for index, (text, where, kind, heading) in enumerate(items):
                size = len(text)
                folded = folded_all[at:at + size]
                if marks is not None:
                    while mark < len(marks) and marks[mark] < at:
                        mark += 1
                    may_cut = mark < len(marks) and marks[mark] < at + size
                else:
                    may_cut = True
                at += size + 1
                if cols is not None:
                    self.columns[offset] = (number, cols[index])
                cuts = list(splitter(folded)) if may_cut and splitter is not None and text else None
                if not cuts:
                    # the usual piece: whole, no heading inside
                    pieces.append(DeferredPiece(text, None, offset, kind, heading,
                                                where=(self._places.place, text, where)))
                    raw_parts.append(text)
                    folded_parts.append(folded)
                    offset += size + 1
                    continue
                for part, a, found in self._split(text, cuts):
                    piece = DeferredPiece(part, None, offset, kind, heading).defer(
                        self._places.place, text, where, a, a + len(part))
                    if found is not None:
                        self.split_headings.append((offset, offset + found[0], found[1]))
                    pieces.append(piece)
                    raw_parts.append(part)
                    folded_parts.append(folded[a:a + len(part)])
                    offset += len(part) + 1
        self.raw = SEP.join(raw_parts)
        self.text = SEP.join(folded_parts)
        self._piece_starts = [p.start for p in self.pieces]

    # -- building -------------------------------------------------------------------------
    def _split(self, text, cuts):
        """The piece, cut before (and after) every heading in ``cuts``: (part, its offset in
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

    # -- reading --------------------------------------------------------------------------
    def piece_index(self, pos: int) -> int:
        return max(0, bisect_right(self._piece_starts, pos) - 1)

    def span(self, start: int, end: int) -> Span | None:
        """The source span of stream characters ``[start, end)``."""
        pieces = self.pieces
        if not pieces:
            return None
        if end < start + 1:
            end = start + 1
        piece_starts = self._piece_starts
        first = bisect_right(piece_starts, start) - 1
        if first < 0:
            first = 0
        piece = pieces[first]
        if end <= piece.start + len(piece.text) + 1 or first == len(pieces) - 1:
            last = first  # the range ends in the piece (or the separator after it)
        else:
            last = self.piece_index(end - 1)
        if first == last:
            if piece.base is not None:
                size = len(piece.text)
                a = min(max(start - piece.start, 0), size)
                b = min(max(end - piece.start, a + 1), max(size, a + 1))
                return self._places.source_span(piece.base + a, piece.base + b)
            return piece.span
        head = self.span(start, min(end, self.pieces[first].end) if self.pieces[first].end > start
                         else start + 1)
        tail_piece = self.pieces[last]
        tail = self.span(max(tail_piece.start, start), end)
        if head is None:
            return tail
        if tail is None:
            return head
        return Span(head.line, head.column, tail.end_line, tail.end_column)

    def column(self, pos: int) -> tuple[int, int] | None:
        """(grid number, column) of the positional grid cell at stream offset ``pos``, if any."""
        if not self.columns:
            return None
        return self.columns.get(self.pieces[self.piece_index(pos)].start)

    def original(self, start: int, end: int) -> str:
        return self.raw[start:end]


class _Places:
    """The document source with its line starts: where a piece's text sits, and the span of
    source offsets. Apart from the ``Stream`` so that the pieces' deferred places do not refer
    back to it (a reference cycle would keep each parsed report until a full collection)."""

    __slots__ = ("source", "_index", "_starts")

    def __init__(self, source: str, index: LineIndex):
        self.source = source
        self._index = index  # the document's line starts, shared with its loader
        self._starts: list[int] | None = None

    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = self._index.starts()
        return self._starts

    def _offset(self, line: int, column: int) -> int | None:
        starts = self.line_starts()
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
        starts = self._starts if self._starts is not None else self.line_starts()
        line = span.line
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
        starts = self._starts if self._starts is not None else self.line_starts()
        line = bisect_right(starts, start)
        if end < start + 1:
            end = start + 1
        if line == len(starts) or end <= starts[line]:
            end_line = line  # the usual case: the range ends on the line it starts on
        else:
            end_line = bisect_right(starts, end - 1)
        # end column is exclusive: one past the last character
        return Span(line, start - starts[line - 1] + 1, end_line, end - 1 - starts[end_line - 1] + 2)
