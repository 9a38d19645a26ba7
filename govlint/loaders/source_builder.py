"""A plain-text rendering of a binary document, so that findings have lines to point at.

For loaders of formats without lines of their own (.docx, .pdf). The loader writes each paragraph as one line and each
table row as one line (cells separated by `` | ``) and gives every block and cell the span
of its text in that rendering, which becomes ``Document.source`` (shown in excerpts).
"""

from __future__ import annotations

from govlint.normalize import is_wide
from govlint.span import Span


class SourceBuilder:
    def __init__(self) -> None:
        self._lines: list[str] = []

    @property
    def next_line(self) -> int:
        return len(self._lines) + 1

    def add_line(self, text: str) -> Span:
        text = _one_line(text)
        self._lines.append(text)
        line = len(self._lines)
        return Span(line, 1, line, len(text) + 1)

    def add_row(self, texts: list[str]) -> list[Span]:
        """One table row on one line; the span of each cell's text within it."""
        line = len(self._lines) + 1
        parts, spans, column = [], [], 1
        for i, text in enumerate(texts):
            if i:
                parts.append(" | ")
                column += 3
            text = _one_line(text)
            parts.append(text)
            spans.append(Span(line, column, line, column + max(len(text), 1)))
            column += len(text)
        self._lines.append("".join(parts))
        return spans

    def text(self) -> str:
        return "\n".join(self._lines) + ("\n" if self._lines else "")


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def join_pieces(pieces: list[str]) -> str:
    """Join line pieces of one cell or paragraph: no space between Chinese characters
    (a wrapped ``商业`` / ``企业`` is one word), a space between Latin words or numbers."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not (is_wide(out[-1]) or is_wide(piece[0])):
            out += " "
        out += piece
    return out
