"""Walking an lxml tree into Document blocks: paragraphs and grids in reading order.

One pass with ``lxml.etree.iterwalk`` (no recursion, so deep trees cannot overflow the
stack). Each text piece is noted, in document order, for ``SourceLocator`` to find in the
source when a position is first read; a paragraph or cell keeps the range of its notes.
Chrome subtrees (``<nav>``, ``class="share"`` …) are noted too, so that the locator stays
in step, but their text goes to ``harvest`` (read for metadata) instead of ``blocks``.
"""

from __future__ import annotations

from itertools import islice

from govlint.document import Cell, DeferredGrid, LocatedCell, LocatedParagraph, Paragraph
from govlint.loaders import base, chrome
from govlint.loaders.html.grid import lay_out
from govlint.loaders.html.source import SourceLocator

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
_new = object.__new__


class _Full(Exception):
    """A paragraph or table past ``base.MAX_BLOCKS`` of them: the walk stops before it (the
    argument is the line it starts on)."""


def _covered(cell) -> Cell:
    """The copy of ``cell`` at a grid position its span covers: the same text and place."""
    copy = _new(LocatedCell)
    copy.text = cell.text
    copy._where = cell._where
    return copy


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


# -- tag kinds: one dict lookup per element instead of a chain of set tests ------------------
# bit flags; a heading is also a block, a table is a block too
_SKIP, _DROP, _HEAD, _BREAK, _BLOCK, _GUARD, _TABLE = 1, 2, 4, 8, 16, 32, 64
_INLINE = 0
_KINDS: dict = {}


def _kind_of(tag) -> int:
    """The kind of an element tag (lxml gives comments and PIs a function as tag)."""
    kind = _KINDS.get(tag)
    if kind is None:
        name = tag.lower() if isinstance(tag, str) else ""
        if not name or name in RAW_TAGS:
            kind = _SKIP
        elif name in ALWAYS_DROP:
            kind = _DROP
        elif name in HEADINGS:
            kind = _HEAD | _BLOCK
        elif name == "br":
            kind = _BREAK
        else:
            kind = _BLOCK if name in BLOCK_TAGS else _INLINE
            if name in GUARDED_DROP:
                kind |= _GUARD
            if name == "table":
                kind |= _TABLE
        if len(_KINDS) < 1024:  # pages may invent tags; keep the memo bounded
            _KINDS[tag] = kind
    return kind


class _Pieces:
    """Text being gathered for one paragraph or cell, with its first note to the locator."""

    __slots__ = ("parts", "first")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.first: int | None = None

    def text(self) -> str:
        return _joined(self.parts)


def _joined(parts: list[str]) -> str:
    """The text of gathered parts, white space collapsed."""
    return " ".join("".join(parts).split())


_CHROME_NAMES: dict[str, bool] = {}


def _chrome_name(value: str | None) -> bool:
    """``chrome.chrome_class``, remembered per value (pages repeat a few class names)."""
    if not value:
        return False
    found = _CHROME_NAMES.get(value)
    if found is None:
        found = chrome.chrome_class(value)
        if len(_CHROME_NAMES) < 4096:
            _CHROME_NAMES[value] = found
    return found


class BlockBuilder:
    def __init__(self, locator: SourceLocator):
        self.loc = locator
        self._lines = locator.lines  # the notes, appended to directly (the hot path)
        self._texts = locator.texts
        self.blocks: list = []
        self.harvest: list[str] = []  # lines of dropped chrome, in order
        self.h1_runs: list[list[str]] = []  # consecutive content <h1>s
        self.chrome_h1: list[str] = []
        self.meta_grids: list[list[tuple[str, str]]] = []
        #: (line of the ``<table>``, cells left out) of each table cut at ``grid.MAX_CELLS``
        self.cut_tables: list[tuple[int | None, int]] = []
        #: the line of the first block past ``base.MAX_BLOCKS`` paragraphs and tables, where the
        #: walk stopped (0 when it has none)
        self.cut_at: int | None = None
        self._max_blocks = base.MAX_BLOCKS
        self._made = 0  # paragraphs (chrome's too) and tables so far
        self._cur = _Pieces()
        self._drop: list = []  # stack of dropped subtree roots
        self._heading = None
        self._last_was_h1 = False

    # -- text ------------------------------------------------------------------------------
    def _add(self, pieces: _Pieces, text: str | None, line: int | None) -> None:
        """Gather ``text`` into ``pieces``; a non-blank one is noted for the locator (its
        element starts on ``line``)."""
        if not text:
            return
        pieces.parts.append(text)
        if text.isspace():
            return
        texts = self._texts
        if pieces.first is None:
            pieces.first = len(texts)
        self._lines.append(line)
        texts.append(text)

    def _paragraph(self, text: str, first: int | None, heading: bool = False) -> Paragraph:
        """The paragraph whose notes run from ``first`` to the last one; its span is worked
        out when read (most never are)."""
        if first is None:
            return Paragraph(text, None, heading)
        return LocatedParagraph(text, None, heading).defer(self.loc.paragraph_place, first, len(self._texts))

    def _flush(self, heading: str | None = None) -> None:
        pieces = self._cur
        if pieces.first is None:
            # nothing but blanks gathered (every non-blank piece is noted): no text to keep
            pieces.parts.clear()
            return
        self._cur = _Pieces()
        if self._made >= self._max_blocks:  # chrome's paragraphs count too: they cost as much
            raise _Full(self._lines[pieces.first])
        self._made += 1
        text = pieces.text()
        if self._drop:
            self.harvest.append(text)
            if heading == "h1":
                self.chrome_h1.append(text)
            return
        self.blocks.append(self._paragraph(text, pieces.first, heading is not None))
        if heading == "h1":
            if self._last_was_h1:
                self.h1_runs[-1].append(text)
            else:
                self.h1_runs.append([text])
        self._last_was_h1 = heading == "h1"

    # -- the walk --------------------------------------------------------------------------
    def walk(self, root) -> None:
        """Every element under ``root``, in document order, into blocks. The walk stops before
        the block past ``base.MAX_BLOCKS`` paragraphs and tables (``cut_at``): a page of a
        million paragraphs costs what its first ones cost."""
        try:
            self._walk(root)
        except _Full as full:
            self.cut_at = full.args[0] or 0

    def _walk(self, root) -> None:
        from lxml import etree

        kinds = _KINDS
        lines, texts = self._lines, self._texts
        drop = self._drop
        walker = etree.iterwalk(root, events=("start", "end", "comment"))
        # ``_add`` and ``_boundary`` are written out below: this loop runs twice per element
        for event, el in walker:
            if event == "comment":
                text = el.tail
                if text:
                    self._add(self._cur, text, el.sourceline)
                continue
            tag = el.tag
            kind = kinds.get(tag)
            if kind is None:
                kind = _kind_of(tag)
            if event == "start":
                if kind & _SKIP:
                    walker.skip_subtree()
                    continue
                # chrome starts here: a guarded container, or a chrome class or id, while small
                if not drop and not kind & _DROP and (
                        kind & _GUARD or ((name := el.get("class")) and _chrome_name(name))
                        or ((name := el.get("id")) and _chrome_name(name))) and _small_without_tables(el):
                    self._flush()
                    drop.append(el)
                if kind & _TABLE and not drop and not is_layout_table(el):
                    self._flush()
                    self._table(el)
                    walker.skip_subtree()
                    continue
                if kind & _DROP:
                    walker.skip_subtree()  # no text worth keeping, and none located
                    continue
                if kind & _HEAD and self._heading is None:
                    self._flush()
                    self._heading = el
                elif kind & (_BLOCK | _BREAK):
                    if self._heading is not None:
                        self._cur.parts.append(" ")
                    elif self._cur.parts:
                        self._flush()
                text = el.text
            else:
                if el is self._heading:
                    self._flush(heading=tag.lower())
                    self._heading = None
                elif kind & _BLOCK:
                    if self._heading is not None:
                        self._cur.parts.append(" ")
                    elif self._cur.parts:
                        self._flush()
                if drop and drop[-1] is el:
                    self._flush()
                    drop.pop()
                if el is root:
                    continue
                text = el.tail
            if text:
                pieces = self._cur
                pieces.parts.append(text)
                if not text.isspace():
                    if pieces.first is None:
                        pieces.first = len(texts)
                    lines.append(el.sourceline)
                    texts.append(text)
        self._flush()

    # -- tables ----------------------------------------------------------------------------
    def _table(self, table) -> None:
        if self._made >= self._max_blocks:
            raise _Full(table.sourceline)
        self._made += 1
        rows: list[list[tuple]] = []  # (cell, rowspan, colspan) for grid.lay_out
        lines, texts = self._lines, self._texts
        first = len(texts)
        place = self.loc.cell_place
        for el in table.iter("caption", "tr"):
            if el.tag == "caption":
                parts: list[str] = []
                start = len(texts)
                _gather(el, parts, lines, texts)
                text = _joined(parts)
                if text:
                    self.blocks.append(self._paragraph(text, start if start < len(texts) else None))
                continue
            row = []
            for cell in el:
                tag = cell.tag
                if tag != "td" and tag != "th" and (not isinstance(tag, str) or tag.lower() not in CELL_TAGS):
                    continue
                # a note for the cell's start tag (a blank cell points at it), then its text's
                tag_note = len(texts)
                lines.append(cell.sourceline)
                texts.append(None)
                parts = []
                _gather(cell, parts, lines, texts)
                # the grid's cell, built slot by slot as ``LocatedCell.defer`` leaves it (the
                # commonest object of a page); ``lay_out`` gives it its row, column and spans
                made = _new(LocatedCell)
                made.text = _joined(parts) if parts else ""
                made._where = (place, tag_note, len(texts))
                row.append((made, cell.get("rowspan"), cell.get("colspan")))
            rows.append(row)
        grid_span = self.loc.grid_place, first, len(texts), table.sourceline
        grid = lay_out(rows, _covered, DeferredGrid,
                       on_cut=lambda left_out: self.cut_tables.append((table.sourceline, left_out)))
        if not grid.rows:
            return
        grid.defer(*grid_span)
        pairs = None
        if len(grid.rows) <= chrome.MAX_META_ROWS:
            pairs = chrome.grid_meta([[c.text for c in row if c.origin] for row in grid.rows])
        if pairs is not None:
            self.meta_grids.append(pairs)
            return
        self.blocks.append(grid)
        self._last_was_h1 = False


def _gather(top, parts: list[str], lines: list, texts: list, depth: int = 0) -> None:
    """All text under ``top`` into ``parts``, each non-blank piece noted for the locator (its
    element's line into ``lines``, the piece into ``texts``); block boundaries and ``<br>``
    become spaces.

    Recursive (cells are shallow: an iterwalk per cell costs more, and so does one ``iter()``
    over the cell with a stack of open elements for the tails, by 40%), a plain function (no
    method lookups: it runs for every element of every table), with a depth cap: past it the
    remaining text is taken without block boundaries.
    """
    text = top.text
    if text:
        parts.append(text)
        if not text.isspace():
            lines.append(top.sourceline)
            texts.append(text)
    count = len(top)
    if not count:
        return  # a leaf (half of all elements): lxml's child iterator costs ten times ``len``
    kinds = _KINDS
    for child in (top[0],) if count == 1 else top[:]:
        tag = child.tag
        kind = kinds.get(tag)
        if kind is None:
            kind = _kind_of(tag)
        if kind & (_SKIP | _DROP):
            pass  # comments and scripts: only their tail is text
        elif depth >= _MAX_CELL_DEPTH:
            text = "".join(child.itertext())
            if text:
                parts.append(text)
                if not text.isspace():
                    lines.append(child.sourceline)
                    texts.append(text)
        elif kind & _BREAK:
            parts.append(" ")
        elif kind & _BLOCK:  # a block (or a heading: a block inside a cell)
            parts.append(" ")
            _gather(child, parts, lines, texts, depth + 1)
            parts.append(" ")
        else:
            _gather(child, parts, lines, texts, depth + 1)
        text = child.tail
        if text:
            parts.append(text)
            if not text.isspace():
                lines.append(child.sourceline)
                texts.append(text)
