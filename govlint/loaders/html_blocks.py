"""Walking an lxml tree into Document blocks: paragraphs and grids in reading order.

One pass with ``lxml.etree.iterwalk`` (no recursion, so deep trees cannot overflow the
stack). Text pieces are located in the source in document order by ``SourceLocator``.
Chrome subtrees (``<nav>``, ``class="share"`` …) are walked too, so that the locator stays
in step, but their text goes to ``harvest`` (read for metadata) instead of ``blocks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from govlint.document import Grid, Paragraph
from govlint.loaders import html_chrome as chrome
from govlint.loaders.html_grid import RawCell, build_grid
from govlint.loaders.html_source import SourceLocator

# Raw-text elements: the locator treats their content as markup, so it is never located.
RAW_TAGS = frozenset("script style title textarea xmp iframe noembed noframes plaintext".split())
ALWAYS_DROP = RAW_TAGS | frozenset(
    "template button select option datalist input svg math canvas object embed audio video map "
    "head meta link frameset frame".split())
# Semantic chrome containers; dropped only while small (ASP.NET pages wrap everything in a form).
GUARDED_DROP = frozenset("nav header footer aside form noscript".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form header hgroup hr html li main menu nav ol p pre section summary table tbody "
    "thead tfoot tr td th caption ul legend".split()) | HEADINGS
CELL_TAGS = frozenset(("td", "th"))
MAX_CHROME_CONTAINER = 1500  # characters: a bigger "header" or "form" holds the report
LAYOUT_CELL_TEXT = 200
_MAX_CELL_DEPTH = 60


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _small_without_tables(el) -> bool:
    """Whether ``el`` is small enough to be chrome (bounded scan: stops early)."""
    total = 0
    for text in el.itertext():
        total += len(text.strip())
        if total > MAX_CHROME_CONTAINER:
            return False
    return next(el.iter("table"), None) is None


def is_layout_table(table) -> bool:
    """A table used for page layout: it holds tables, or a few cells of long prose."""
    if len(list(islice(table.iter("table"), 2))) > 1:  # iter() yields the table itself first
        return True
    cells = list(islice(table.iter("td", "th"), 7))
    if len(cells) > 6:
        return False
    return any(len(_collapse("".join(cell.itertext()))) >= LAYOUT_CELL_TEXT for cell in cells)


@dataclass
class _Pieces:
    """Text being gathered for one paragraph or cell, with its located extent."""

    parts: list[str] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    line: int | None = None

    def text(self) -> str:
        return _collapse("".join(self.parts))


class BlockBuilder:
    def __init__(self, locator: SourceLocator):
        self.loc = locator
        self.blocks: list = []
        self.harvest: list[str] = []  # lines of dropped chrome, in order
        self.h1_runs: list[list[str]] = []  # consecutive content <h1>s
        self.chrome_h1: list[str] = []
        self.meta_grids: list[list[tuple[str, str]]] = []
        self._cur = _Pieces()
        self._drop: list = []  # stack of dropped subtree roots
        self._heading = None
        self._last_was_h1 = False

    # -- text ------------------------------------------------------------------------------
    def _add(self, pieces: _Pieces, text: str | None, line: int | None) -> None:
        if not text:
            return
        pieces.parts.append(text)
        if not text.strip():
            return
        self.loc.hint_line(line)
        found = self.loc.locate(text)
        if found:
            if pieces.start is None:
                pieces.start = found[0]
            pieces.end = found[1]
        elif pieces.line is None:
            pieces.line = line

    def _span(self, pieces: _Pieces):
        if pieces.start is not None:
            return self.loc.span(pieces.start, pieces.end)
        return self.loc.line_span(pieces.line)

    def _flush(self, heading: str | None = None) -> None:
        pieces, self._cur = self._cur, _Pieces()
        text = pieces.text()
        if not text:
            return
        if self._drop:
            self.harvest.append(text)
            if heading == "h1":
                self.chrome_h1.append(text)
            return
        self.blocks.append(Paragraph(text, self._span(pieces), heading=heading is not None))
        if heading == "h1":
            if self._last_was_h1:
                self.h1_runs[-1].append(text)
            else:
                self.h1_runs.append([text])
        self._last_was_h1 = heading == "h1"

    def _boundary(self) -> None:
        if self._heading is not None:
            self._cur.parts.append(" ")
        else:
            self._flush()

    # -- the walk --------------------------------------------------------------------------
    def walk(self, root) -> None:
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end", "comment"))
        for event, el in walker:
            if event == "comment":
                self._add(self._cur, el.tail, el.sourceline)
                continue
            tag = _tag(el)
            if event == "start":
                if tag in RAW_TAGS or not tag:
                    walker.skip_subtree()
                    continue
                if not self._drop and self._starts_chrome(el, tag):
                    self._flush()
                    self._drop.append(el)
                if tag == "table" and not self._drop and not is_layout_table(el):
                    self._flush()
                    self._table(el)
                    walker.skip_subtree()
                    continue
                if tag in ALWAYS_DROP:
                    walker.skip_subtree()  # no text worth keeping, and none located
                    continue
                if tag in HEADINGS and self._heading is None:
                    self._flush()
                    self._heading = el
                elif tag == "br" or tag in BLOCK_TAGS:
                    self._boundary()
                self._add(self._cur, el.text, el.sourceline)
            else:
                if el is self._heading:
                    self._flush(heading=tag)
                    self._heading = None
                elif tag in BLOCK_TAGS:
                    self._boundary()
                if self._drop and self._drop[-1] is el:
                    self._flush()
                    self._drop.pop()
                if el is not root:
                    self._add(self._cur, el.tail, el.sourceline)
        self._flush()

    def _starts_chrome(self, el, tag: str) -> bool:
        if tag in ALWAYS_DROP:
            return False  # skipped outright
        if tag in GUARDED_DROP:
            return _small_without_tables(el)
        if chrome.chrome_class(el.get("class")) or chrome.chrome_class(el.get("id")):
            return _small_without_tables(el)
        return False

    # -- tables ----------------------------------------------------------------------------
    def _table(self, table) -> None:
        rows: list[list[RawCell]] = []
        table_start = None
        for el in table.iter("caption", "tr"):
            if el.tag == "caption":
                caption = _Pieces()
                self._gather(el, caption)
                if caption.text():
                    self.blocks.append(Paragraph(caption.text(), self._span(caption)))
                continue
            row = []
            for cell in el:
                if _tag(cell) not in CELL_TAGS:
                    continue
                tag_at = self.loc.locate_cell()
                if table_start is None and tag_at:
                    table_start = tag_at[0]
                pieces = _Pieces()
                self._gather(cell, pieces)
                span = self._span(pieces)
                if pieces.start is None and tag_at:
                    # A blank cell: point at its start tag (first line of it).
                    tag_end = tag_at[1]
                    newline = self.loc.source.find("\n", tag_at[0], tag_end)
                    span = self.loc.span(tag_at[0], newline if newline != -1 else tag_end)
                elif span is None:
                    span = self.loc.line_span(cell.sourceline)
                row.append(RawCell(pieces.text(), span, cell.get("rowspan"), cell.get("colspan")))
            rows.append(row)
        grid_span = self.loc.span(table_start, table_start + 1) if table_start is not None \
            else self.loc.line_span(table.sourceline)
        grid = build_grid(rows, grid_span)
        if not grid.rows:
            return
        pairs = chrome.grid_meta([[c.text for c in row if c.origin] for row in grid.rows])
        if pairs is not None:
            self.meta_grids.append(pairs)
            return
        self.blocks.append(grid)
        self._last_was_h1 = False

    def _gather(self, top, pieces: _Pieces, depth: int = 0) -> None:
        """All text under ``top`` into ``pieces``; block boundaries and ``<br>`` become spaces.

        Recursive (cells are shallow and an iterwalk per cell costs more), with a depth cap:
        past it the remaining text is taken without block boundaries.
        """
        add = self._add
        add(pieces, top.text, top.sourceline)
        for child in top:
            tag = _tag(child)
            if tag in RAW_TAGS or tag in ALWAYS_DROP or not tag:
                pass  # comments and scripts: only their tail is text
            elif depth >= _MAX_CELL_DEPTH:
                add(pieces, "".join(child.itertext()), child.sourceline)
            elif tag == "br":
                pieces.parts.append(" ")
            elif tag in BLOCK_TAGS:
                pieces.parts.append(" ")
                self._gather(child, pieces, depth + 1)
                pieces.parts.append(" ")
            else:
                self._gather(child, pieces, depth + 1)
            add(pieces, child.tail, child.sourceline)
