"""The PDF loader: text lines become paragraphs, ruled tables become grids.

Each page's tables are found by pdfplumber (ruled lines); the characters outside them are
grouped into lines, and the lines into paragraphs by indentation and line length, as a
reader would (a wrapped sentence is one paragraph; page numbers are dropped). A PDF without
a text layer (a scan) is GL001, never a page of garbage.

A hostile PDF is refused before it costs much: pages and drawing operations are counted
before pdfplumber builds a page (``preflight.py``), every stream is decoded against a byte
budget (``decoding.py``), and the libraries' log warnings stay off standard error.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import median

from govlint.api import Cell, Document, Finding, Grid, Loader, Paragraph, SourceBuilder, Span, join_pieces

from govlint_pdf import is_pdf
from govlint_pdf import tables as tbl
from govlint_pdf.text import group_lines, line_text

_PAGE_NUMBER = re.compile(r"^([-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$")
_HEAVY_FONT = ("bold", "hei", "黑体", "heavy", "black", "xbs")  # 黑体, 小标宋 and bold faces


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    size: float
    font: str
    page: int


class PdfLoader(Loader):
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return is_pdf(head)

    def load(self, path: str, data: bytes) -> Document:
        from govlint_pdf.decoding import DecodeBudget, bounded

        doc = Document(path=path, format="pdf")
        budget = DecodeBudget()
        with _quiet(), bounded(budget):
            items = _read(data, doc)
        if budget.exceeded:  # also when library code caught and dropped the error
            doc.problems[:] = [Finding(budget.exceeded, code="GL001")]
            return doc
        if items is None:
            return doc
        chars = sum(len(item.text) for item in items if isinstance(item, _Line))
        cells = sum(len(item.cells) for item in items if isinstance(item, tbl.LogicalTable))
        if not chars and not cells:
            doc.problems.append(Finding("PDF 无文本层（可能为扫描件），无法检查", code="GL001"))
            return doc
        _assemble(items, doc)
        return doc


def _read(data: bytes, doc: Document) -> list | None:
    """Lines and tables of the PDF, or None with a GL001 in ``doc.problems``."""
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any failure to open is unreadable input
        doc.problems.append(Finding(f"无法打开 PDF 文件（已损坏、加密或不是 PDF）: {type(exc).__name__}",
                                    code="GL001"))
        return None
    try:
        problem = _preflight(pdf)
        if problem:  # not closed: pdfplumber's close() builds every page first
            doc.problems.append(Finding(problem, code="GL001"))
            return None
        with pdf:
            return _read_pages(pdf, doc)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises on damaged streams
        doc.problems.append(Finding(f"无法读取 PDF 内容: {type(exc).__name__}: {exc}", code="GL001"))
        return None


def _preflight(pdf) -> str | None:
    """Why the PDF is too large to lay out, found before pdfplumber builds any page."""
    from govlint_pdf.preflight import MAX_DRAWING_OPERATIONS, MAX_PAGES, drawing_operations, first_pages
    from pdfminer.pdftypes import resolve1

    pages = first_pages(pdf.doc, MAX_PAGES)
    if len(pages) > MAX_PAGES:
        tree = resolve1(pdf.doc.catalog.get("Pages"))
        claimed = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
        stated = f"（页面树记载 {claimed} 页）" if isinstance(claimed, int) else ""
        return f"PDF 超过 {MAX_PAGES} 页的上限{stated}，未检查"
    drawn = 0
    for page in pages:
        drawn += drawing_operations(page, MAX_DRAWING_OPERATIONS - drawn)
        if drawn > MAX_DRAWING_OPERATIONS:
            return (f"PDF 含超过 {MAX_DRAWING_OPERATIONS} 个矢量绘图操作（线段、曲线、矩形），"
                    "过于复杂，未检查")
    return None


@contextmanager
def _quiet():
    """pdfminer and pdfplumber log a warning for each oddity of a damaged file, and with no
    logging configured Python prints those to standard error; govlint reports the file
    itself (GL001), so they are kept out of the output. A NullHandler leaves them to any
    logging the application does configure. ``warnings`` are left to the application too:
    govlint ignores them unless ``check -v`` asks to see them (``govlint.verbosity``), and
    elsewhere they are ignored while a PDF loads."""
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    if _verbose():
        yield
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _verbose() -> bool:
    """Whether the host asked to see libraries' warnings (``govlint check -v``)."""
    try:
        from govlint.verbosity import is_verbose
    except ImportError:  # an older govlint
        return False
    return is_verbose()


def _read_pages(pdf, doc: Document) -> list:
    """Lines and tables of every page, in reading order."""
    items: list = []
    undecodable = total = 0
    for number, page in enumerate(pdf.pages, 1):
        chars = page.chars
        total += len(chars)
        undecodable += sum(1 for c in chars if c["text"].startswith("(cid:"))
        found = []
        for table in page.find_tables():
            logical = tbl.from_pdfplumber(table, chars, number)
            # A one-column "table" is a framed text box: its text stays prose.
            if logical is not None and logical.width >= 2:
                found.append(logical)
        boxes = [t.bbox for t in found]

        def outside(char):
            cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

        positioned = [(t.bbox[1], t) for t in found]
        for chars_of_line in group_lines([c for c in chars if outside(c)]):
            text = line_text(chars_of_line)
            if not text or _PAGE_NUMBER.match(text):
                continue
            first = chars_of_line[0]
            positioned.append((first["top"], _Line(text, min(c["x0"] for c in chars_of_line),
                                                   max(c["x1"] for c in chars_of_line),
                                                   round(first.get("size", 0), 1),
                                                   str(first.get("fontname", "")), number)))
        positioned.sort(key=lambda pair: pair[0])
        items.extend(item for _, item in positioned)
    if total and undecodable > total / 2:
        # Fonts without a Unicode map: the "text" would be (cid:123) codes.
        doc.problems.append(Finding("PDF 文本层无法解码（字体缺少 Unicode 映射），无法检查", code="GL001"))
        return []
    return _join_tables(items)


def _join_tables(items: list) -> list:
    """Join a table with its continuation at the top of the next page."""
    out: list = []
    for item in items:
        previous = out[-1] if out else None
        if isinstance(item, tbl.LogicalTable) and isinstance(previous, tbl.LogicalTable) \
                and item.page == previous.page + 1 and item.width == previous.width:
            tbl.join(previous, item)
            previous.page = item.page
            continue
        out.append(item)
    return out


def _assemble(items: list, doc: Document) -> None:
    lines = [item for item in items if isinstance(item, _Line)]
    body_size = Counter(line.size for line in lines).most_common(1)[0][0] if lines else 0
    left = Counter(round(line.x0) for line in lines if line.size == body_size).most_common(1)[0][0] if lines else 0
    full = [line.x1 for line in lines if abs(line.x0 - left) <= 2]
    right = median(full) if full else max((line.x1 for line in lines), default=0)
    source = SourceBuilder()
    paragraph: list[tuple[_Line, Span]] = []

    def flush():
        if paragraph:
            text = join_pieces([line.text for line, _ in paragraph])
            first, last = paragraph[0][1], paragraph[-1][1]
            heading = len(paragraph) == 1 and _looks_heading(paragraph[0][0], body_size) \
                or paragraph[0][0].size > body_size + 1
            doc.blocks.append(Paragraph(text, Span(first.line, first.column, last.end_line, last.end_column),
                                        heading=heading))
            paragraph.clear()

    for item in items:
        if isinstance(item, tbl.LogicalTable):
            flush()
            doc.blocks.append(_grid(item, source))
            continue
        if paragraph:
            before = paragraph[-1][0]
            size = max(before.size, 1)
            title_run = before.size > body_size + 1 and item.size == before.size
            starts_new = (item.x0 > left + 0.8 * size or before.x1 < right - 1.5 * size
                          or abs(item.size - before.size) > 1 or _looks_heading(before, body_size))
            if starts_new and not title_run:
                flush()
        paragraph.append((item, source.add_line(item.text)))
    flush()
    doc.source = source.text()
    first = doc.blocks[0] if doc.blocks else None
    if isinstance(first, Paragraph) and first.heading:
        doc.title = first.text


def _looks_heading(line: _Line, body_size: float) -> bool:
    font = line.font.lower()
    return line.size > body_size + 1 or any(mark in font for mark in _HEAVY_FONT)


def _grid(table: tbl.LogicalTable, source: SourceBuilder) -> Grid:
    owner = table.owner_map()
    spans: dict[int, Span] = {}
    first_line = source.next_line
    for r in range(table.height):
        starting = [i for c in range(table.width) if (i := owner.get((r, c))) is not None
                    and table.cells[i].row == r and table.cells[i].col == c]
        for i, span in zip(starting, source.add_row([table.cells[i].text for i in starting])):
            spans[i] = span
    rows = []
    for r in range(table.height):
        row = []
        for c in range(table.width):
            i = owner.get((r, c))
            if i is None:  # no ruled cell here
                row.append(Cell("", None, r, c))
                continue
            cell = table.cells[i]
            row.append(Cell(cell.text, spans.get(i), r, c, cell.rowspan, cell.colspan,
                            origin=(cell.row == r and cell.col == c)))
        rows.append(row)
    return Grid(rows=rows, span=Span(first_line, 1, max(source.next_line - 1, first_line), 2))
