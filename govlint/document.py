"""The Document: what a loader produces, before any understanding of the report.

A loader's only job is to turn a file into a faithful Document: the report's text blocks
and its tables as expanded cell grids, in reading order, each with its source span. The
report parser (``govlint.parser``) turns a Document into a ``Report``; it never sees the
raw file format.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Union

from govlint.record import Record
from govlint.span import LineIndex, Span, deferred_span

if TYPE_CHECKING:
    from govlint.findings import Finding


class Paragraph(Record):
    """A run of prose (a paragraph, a heading, a line of text).

    ``heading`` is a hint from the source format (an HTML ``<h1>``–``<h6>``, a Markdown ``#``
    line); the parser decides what is really a section heading.
    ``at`` is the (start, end) offsets in ``Document.source`` of the range ``span`` covers,
    when the loader knows them (the parser then needs no line arithmetic to find the text).
    """

    __slots__ = _fields = ("text", "span", "heading", "at")

    def __init__(self, text: str, span: Span | None = None, heading: bool = False,
                 at: tuple[int, int] | None = None) -> None:
        self.text = text
        self.span = span
        self.heading = heading
        self.at = at


class Cell(Record):
    """One cell of an expanded table grid.

    A cell that spans several rows or columns appears at each grid position it covers; the
    copies have ``origin=False`` and share the text and span of the origin cell. ``at`` is as
    for ``Paragraph``.
    """

    __slots__ = _fields = ("text", "span", "row", "col", "rowspan", "colspan", "origin", "at")

    def __init__(self, text: str, span: Span | None = None, row: int = 0, col: int = 0,
                 rowspan: int = 1, colspan: int = 1, origin: bool = True,
                 at: tuple[int, int] | None = None) -> None:
        self.text = text
        self.span = span
        self.row = row
        self.col = col
        self.rowspan = rowspan
        self.colspan = colspan
        self.origin = origin
        self.at = at


class Grid(Record):
    """A table as the source laid it out: rows of cells, spans expanded.

    Text extractions may produce ragged rows or a single column of cells (one cell per
    line); the parser recognises tables by label, using rows only as hints.
    """

    __slots__ = _fields = ("rows", "span")

    def __init__(self, rows: list[list[Cell]] | None = None, span: Span | None = None) -> None:
        self.rows = [] if rows is None else rows
        self.span = span

    def cells(self) -> list[Cell]:
        """Origin cells in reading order (row-major), skipping span copies."""
        return [cell for row in self.rows for cell in row if cell.origin]


Block = Union[Paragraph, Grid]

#: a paragraph and a cell whose span a loader works out only when something reads it
#: (``govlint.span.deferred_span``; the HTML loader knows offsets, lines cost a search)
DeferredParagraph = deferred_span(Paragraph, "DeferredParagraph", stores=True)
DeferredCell = deferred_span(Cell, "DeferredCell")
#: the HTML loader's: offsets ``at`` and span both found when either is first read (the walk
#: only records what to look for, ``govlint.loaders.html.source``), and a grid's span
LocatedParagraph = deferred_span(Paragraph, "LocatedParagraph", ("span", "at"))
LocatedCell = deferred_span(Cell, "LocatedCell", ("span", "at"))
DeferredGrid = deferred_span(Grid, "DeferredGrid")


class Document(Record):
    """A loaded file.

    ``source`` is the decoded text of the file (used for source excerpts and suppression
    comments); loaders of binary formats may leave it empty. ``meta`` holds what the page
    chrome said even though the chrome itself is dropped from ``blocks``, under English keys
    that every loader shares whatever label the page printed (``索引号`` → ``index_number``,
    ``发布日期`` → ``published``); the vocabulary is listed in ``govlint.loaders.chrome``.
    ``problems`` carries findings raised while loading (GL001, GL003).
    """

    _fields = ("path", "format", "source", "blocks", "title", "published", "meta", "problems")
    __slots__ = (*_fields, "_lines")

    def __init__(self, path: str, format: str, source: str = "", blocks: list[Block] | None = None,
                 title: str | None = None, published: date | None = None,
                 meta: dict[str, str] | None = None, problems: list["Finding"] | None = None) -> None:
        self.path = path
        self.format = format
        self.source = source
        self.blocks = [] if blocks is None else blocks
        self.title = title
        self.published = published
        self.meta = {} if meta is None else meta
        self.problems = [] if problems is None else problems
        self._lines: LineIndex | None = None

    def line_index(self) -> LineIndex:
        """The line starts of ``source``, one table for everyone who maps its offsets (made
        again if ``source`` is replaced)."""
        index, source = self._lines, self.source or ""
        if index is None or index.text is not source:
            index = self._lines = LineIndex(source)
        return index

    def paragraphs(self):
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def grids(self):
        return [b for b in self.blocks if isinstance(b, Grid)]
