"""Plain-text extractions of reports (.txt).

The styles found in real extractions, all handled here:

1. one cell per line with trailing pipes and row terminators (``20 | ||``, ``|||`` lines),
   or a whole row on one line (``0 | 0 | 0 |``), Markdown pipe tables included;
2. leading pipes with cells continued on the next line (``| 规章`` ``|`` ``0`` ``|``);
3. tab-separated rows whose cells shift between rows (empty cells kept);
4. one cell per line separated by blank lines (a label split by a wrap stays one cell per
   line: the parser joins the pieces, as for every loader);
5. crawler files: a ``key: value`` header up to ``==== 正文 ====`` and a body flattened
   into very long lines (see ``runon``);
6. Markdown ``#`` headings inside a .txt.

Page chrome (breadcrumbs, font-size widgets, metadata lines, footers) is read into
``Document.title``/``published``/``meta`` and dropped from the blocks (``chrome_lines``, with
the vocabulary of ``govlint.loaders.chrome``). ``regions`` cuts the body into the styles
above, ``runon`` the long lines, ``common`` holds what they share. Every block and cell keeps
its exact source span. Section and table recognition is the parser's job.
"""

from __future__ import annotations

from govlint.document import Cell, Document, Grid, Paragraph
from govlint.loaders.base import Loader
from govlint.loaders.decode import decode_bytes

_TITLE_MAX = 100


class TextLoader(Loader):
    fixable = True
    name = "text"
    suffixes = (".txt", ".text")

    def source_text(self, path: str, data: bytes) -> str:
        return decode_bytes(data, path)[0]

    def load(self, path: str, data: bytes) -> Document:
        text, problems = decode_bytes(data, path)
        document = Document(path=path, format="text", source=text, problems=problems)
        fill_document(document, text)
        return document


def fill_document(document: Document, text: str) -> None:
    """Read ``text`` into ``document``: chrome into its metadata, the rest into blocks."""
    from govlint.gc_pause import collector_paused

    # A big file makes hundreds of thousands of small acyclic objects; the cycle collector
    # would rescan them again and again for nothing, so it pauses while they are built.
    with collector_paused():
        _fill(document, text)


def _fill(document: Document, text: str) -> None:
    from itertools import accumulate

    from govlint.loaders.chrome import runon_chrome_end
    from govlint.loaders.text.chrome_lines import Chrome, chrome_line, crawler_header, looks_like_body
    from govlint.loaders.text.common import Positions
    from govlint.loaders.text.regions import Lines, body_blocks

    from govlint.loaders.base import cut_lines, read_lines

    texts, left_out = read_lines(text)
    if left_out:
        document.problems.append(cut_lines(left_out))
    starts = [0]
    starts.extend(accumulate(len(t) + 1 for t in texts[:-1]))
    ends = [s + len(t) for s, t in zip(starts, texts)]

    head = texts[:60]
    chrome = Chrome()
    first = crawler_header(head, chrome)
    body_starts = list(starts)
    for i in range(first):
        body_starts[i] = ends[i]        # the header is not part of the report
    # top chrome: only before the first line of the report proper
    for i in range(first, min(len(head), first + 40)):
        line = head[i]
        cut = runon_chrome_end(line)
        if cut:
            body_starts[i] = starts[i] + cut
            if cut < len(line):
                break
            continue
        if looks_like_body(line):
            break
        if chrome_line(line, chrome):
            body_starts[i] = ends[i]

    for i in range(min(len(head), first + 40)):
        if body_starts[i] != starts[i]:
            texts[i] = text[body_starts[i]:ends[i]]
    if "govlint:" in text:  # a suppression directive's line is not part of the report
        from govlint.suppressions import is_directive_line

        kept = [i for i, t in enumerate(texts) if not is_directive_line(t)]
        body_starts, ends, texts = ([seq[i] for i in kept] for seq in (body_starts, ends, texts))
    blocks = body_blocks(Lines(text, body_starts, ends, texts))
    positions = Positions(starts)
    for raw in blocks:
        document.blocks.append(_block(raw, positions, document.problems))

    document.meta.update(chrome.meta)
    document.title = chrome.title or _title_from_blocks(document.blocks)
    document.published = chrome.published


def _block(raw, positions, problems: list):
    from govlint.loaders import base
    from govlint.loaders.text.common import RawGrid

    if isinstance(raw, RawGrid):
        span = positions.span
        cells = [cell for raw_row in raw.rows for cell in raw_row]
        whole = span(min(c.start for c in cells), max(c.end for c in cells)) if cells else None
        rows, room = [], base.MAX_CELLS  # past the bound a table's cells are not read (GL006)
        for r, raw_row in enumerate(raw.rows):
            if len(raw_row) > room:
                raw_row = raw_row[:room]
                if not raw_row:
                    break
            rows.append([Cell(cell.text, span(cell.start, cell.end), r, c) for c, cell in enumerate(raw_row)])
            room -= len(raw_row)
        left_out = max(0, len(cells) - base.MAX_CELLS) + raw.left_out
        if left_out:
            problems.append(base.cut_table(whole.line if whole else None, left_out))
        return Grid(rows=rows, span=whole)
    return Paragraph(raw.text, positions.span(raw.start, raw.end), heading=raw.heading)


def _title_from_blocks(blocks) -> str | None:
    """A report title printed as the first line (no chrome said it): short, names a 报告."""
    from govlint.loaders.text.common import TOP_NUMERAL

    if not blocks or not isinstance(blocks[0], Paragraph):
        return None
    text = blocks[0].text
    if len(text) <= _TITLE_MAX and "报告" in text and not TOP_NUMERAL.match(text):
        return text
    return None
