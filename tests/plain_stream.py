"""The plain way to build the parser's stream, the oracle of ``govlint.parser.stream.Stream``.

One ``Piece`` object per paragraph or cell, built as the document is walked, each text asked
of the splitter that may cut it where the candidates say so, and the column of every grid cell
noted by its piece's offset, as the stream was first written. The fast ``Stream`` keeps parallel
lists, takes runs of uncut pieces over whole and works columns and places out when read; both
must give the same text, pieces, headings, columns and spans.
"""

from __future__ import annotations

from bisect import bisect_right

from govlint.document import Grid, Paragraph
from govlint.normalize import fold
from govlint.parser.stream import SEP, DeferredPiece, Stream, _split
from govlint.span import Span


class PlainStream:
    def __init__(self, document, splitter=None):
        self.source = document.source or ""
        # the stream's own source places: what is compared is how the stream is built
        self._places = Stream(document)._places
        self.pieces = []
        self.split_headings = []
        self.columns = {}
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
        folded_all = fold(SEP.join([item[0] for _, items, _ in blocks for item in items]))
        candidates = getattr(splitter, "candidates", None)
        marks = candidates(folded_all) if candidates is not None else None
        mark = at = offset = 0
        raw_parts, folded_parts = [], []
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
                    self.pieces.append(DeferredPiece(text, None, offset, kind, heading,
                                                     where=(self._places.place, text, where)))
                    raw_parts.append(text)
                    folded_parts.append(folded)
                    offset += size + 1
                    continue
                for part, a, found in _split(text, cuts):
                    piece = DeferredPiece(part, None, offset, kind, heading).defer(
                        self._places.place, text, where, a, a + len(part))
                    if found is not None:
                        self.split_headings.append((offset, offset + found[0], found[1]))
                    self.pieces.append(piece)
                    raw_parts.append(part)
                    folded_parts.append(folded[a:a + len(part)])
                    offset += len(part) + 1
        self.raw = SEP.join(raw_parts)
        self.text = SEP.join(folded_parts)
        self._piece_starts = [p.start for p in self.pieces]

    def piece_index(self, pos: int) -> int:
        return max(0, bisect_right(self._piece_starts, pos) - 1)

    def span(self, start: int, end: int) -> Span | None:
        pieces = self.pieces
        if not pieces:
            return None
        if end < start + 1:
            end = start + 1
        first = max(0, bisect_right(self._piece_starts, start) - 1)
        piece = pieces[first]
        if end <= piece.end + 1 or first == len(pieces) - 1:
            last = first
        else:
            last = self.piece_index(end - 1)
        if first == last:
            if piece.base is not None:
                size = len(piece.text)
                a = min(max(start - piece.start, 0), size)
                b = min(max(end - piece.start, a + 1), max(size, a + 1))
                return self._places.source_span(piece.base + a, piece.base + b)
            return piece.span
        head = self.span(start, min(end, piece.end) if piece.end > start else start + 1)
        tail = self.span(max(pieces[last].start, start), end)
        if head is None:
            return tail
        if tail is None:
            return head
        return Span(head.line, head.column, tail.end_line, tail.end_column)

    def column(self, pos: int):
        if not self.columns:
            return None
        return self.columns.get(self.pieces[self.piece_index(pos)].start)
