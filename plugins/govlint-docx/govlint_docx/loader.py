"""The .docx loader: the document body in reading order, tables as expanded grids.

The body is walked element by element (``w:p`` and ``w:tbl`` interleaved, content controls
entered) so that paragraphs and tables keep their order. Merged cells are read from the
table XML itself: ``w:gridSpan`` gives a column span, ``w:vMerge`` continues the cell above,
and the grid gets one origin cell plus ``origin=False`` copies, as the HTML loader makes
from ``rowspan``/``colspan``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from govlint.api import Cell, Document, Finding, Grid, Loader, Paragraph, SourceBuilder, Span, join_pieces

from govlint_docx.safety import UnsafeArchive, checked_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_SPAN = 64          # wider than any real report table; defends against absurd gridSpan
MAX_TABLE_CELLS = 20000


class DocxLoader(Loader):
    name = "docx"
    suffixes = (".docx",)

    def load(self, path: str, data: bytes) -> Document:
        doc = Document(path=path, format="docx")
        try:
            package = checked_package(data)
        except UnsafeArchive as exc:
            doc.problems.append(Finding(str(exc), code="GL001"))
            return doc
        try:
            import docx

            word = docx.Document(io.BytesIO(package))
        except Exception as exc:  # noqa: BLE001 - any failure to open is unreadable input
            doc.problems.append(Finding(f"无法打开 Word 文档: {type(exc).__name__}: {exc}", code="GL001"))
            return doc
        _read_properties(word, doc)
        source = SourceBuilder()
        _walk(word.element.body, doc, source, _heading_styles(word))
        doc.source = source.text()
        return doc


def _read_properties(word, doc: Document) -> None:
    try:
        props = word.core_properties
        if props.title and props.title.strip():
            doc.meta["title"] = props.title.strip()
        if props.created:
            doc.meta["created"] = props.created.date().isoformat()
        if props.modified:
            doc.meta["modified"] = props.modified.date().isoformat()
    except Exception:  # noqa: BLE001 - broken core properties are not worth a finding
        pass


def _heading_styles(word) -> set[str]:
    """Style ids of headings (Heading 1…, 标题 1…, or styles with an outline level)."""
    ids = set()
    try:
        for style in word.styles.element.findall(f"{W}style"):
            style_id = style.get(f"{W}styleId") or ""
            name_el = style.find(f"{W}name")
            name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
            if name.lower().startswith(("heading", "title")) or name.startswith("标题") \
                    or style.find(f"{W}pPr/{W}outlineLvl") is not None:
                ids.add(style_id)
    except Exception:  # noqa: BLE001
        pass
    return ids


def _walk(parent, doc: Document, source: SourceBuilder, headings: set[str]) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            text = paragraph_text(child)
            if text:
                doc.blocks.append(Paragraph(text, span=source.add_line(text),
                                            heading=_is_heading(child, headings)))
        elif tag == f"{W}tbl":
            doc.blocks.append(_grid(child, source))
        elif tag in (f"{W}sdt", f"{W}customXml"):
            # content controls and custom XML wrap ordinary body content
            inner = child.find(f"{W}sdtContent")
            _walk(inner if inner is not None else child, doc, source, headings)


def _is_heading(p, headings: set[str]) -> bool:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return False
    if ppr.find(f"{W}outlineLvl") is not None:
        return True
    style = ppr.find(f"{W}pStyle")
    return style is not None and style.get(f"{W}val") in headings


def paragraph_text(p) -> str:
    """The visible text of a ``w:p``: runs, tabs and breaks; deleted text and field codes skipped."""
    pieces, current = [], []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = el.tag
        if tag == f"{W}t":
            current.append(el.text or "")
        elif tag == f"{W}tab":
            current.append("\t")
        elif tag == f"{W}noBreakHyphen":
            current.append("-")
        else:  # a manual line break: the text goes on, as after a line wrap
            pieces.append("".join(current))
            current = []
    pieces.append("".join(current))
    return join_pieces(pieces).replace("\u3000", " ").strip()


@dataclass
class _Logical:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def _int_attr(el, path: str, default: int) -> int:
    found = el.find(path)
    if found is None:
        return default
    try:
        return int(found.get(f"{W}val"))
    except (TypeError, ValueError):
        return default


def _cell_text(tc) -> str:
    # Each paragraph of a cell is a line of it; nested tables add their paragraphs too.
    return join_pieces([paragraph_text(p) for p in tc.iter(f"{W}p")])


def _table_rows(tbl):
    for child in tbl.iterchildren():
        if child.tag == f"{W}tr":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            yield from child.iter(f"{W}tr")


def _grid(tbl, source: SourceBuilder) -> Grid:
    cells: list[_Logical] = []
    # owner[(row, col)] -> index of the logical cell covering that grid position
    owner: dict[tuple[int, int], int] = {}
    height = 0
    for r, tr in enumerate(_table_rows(tbl)):
        height = r + 1
        col = min(max(_int_attr(tr, f"{W}trPr/{W}gridBefore", 0), 0), MAX_SPAN)
        for tc in tr.findall(f"{W}tc"):
            if len(owner) > MAX_TABLE_CELLS:
                break
            span = min(max(_int_attr(tc, f"{W}tcPr/{W}gridSpan", 1), 1), MAX_SPAN)
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            above = owner.get((r - 1, col))
            continues = (vmerge is not None and vmerge.get(f"{W}val") in (None, "continue")
                         and above is not None and cells[above].col == col
                         and cells[above].colspan == span
                         and cells[above].row + cells[above].rowspan == r)
            if continues:
                cells[above].rowspan += 1
                index = above
                extra = _cell_text(tc)  # Word keeps stray text of a continued cell; keep it too
                if extra:
                    cells[above].text = join_pieces([cells[above].text, extra])
            else:
                cells.append(_Logical(_cell_text(tc), r, col, colspan=span))
                index = len(cells) - 1
            for c in range(col, col + span):
                owner[(r, c)] = index
            col += span
    width = max((c for _, c in owner), default=-1) + 1
    # One source line per row, each origin cell written once, on the row where it starts.
    spans: dict[int, Span] = {}
    first_line = source.next_line
    for r in range(height):
        starting = [i for c in range(width) if (i := owner.get((r, c))) is not None
                    and cells[i].row == r and cells[i].col == c]
        for i, span in zip(starting, source.add_row([cells[i].text for i in starting])):
            spans[i] = span
    rows = []
    for r in range(height):
        row = []
        for c in range(width):
            i = owner.get((r, c))
            if i is None:  # a position no cell covers (gridBefore/gridAfter): an empty cell
                row.append(Cell("", spans.get(-1), r, c))
                continue
            cell = cells[i]
            row.append(Cell(cell.text, spans.get(i), r, c, cell.rowspan, cell.colspan,
                            origin=(cell.row == r and cell.col == c)))
        rows.append(row)
    last_line = max(source.next_line - 1, first_line)
    return Grid(rows=rows, span=Span(first_line, 1, last_line, 2))
