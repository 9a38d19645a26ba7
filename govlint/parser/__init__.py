"""The report parser: Document → Report.

Steps (one module each):

1. ``stream``: every paragraph and cell as one character stream with source positions; runs
   of glued text are cut at strict section headings (``sections.split_headings``).
2. ``tables``: tables 二, 三, 四 found by label (``labels``) and read row by row
   (``table2``/``table3``/``table4``, values via ``values`` and ``glued``).
3. ``sections``: the six headings, never inside a table; text between them is section prose.
4. ``metadata``: title, agency, year, publication date, statistical period.

``serialize`` turns a Report into the JSON of ``govlint parse`` (docs/parse-format.md).
"""

from __future__ import annotations

from govlint.document import DeferredParagraph
from govlint.format.pre2019 import PRE2019
from govlint.lazy_re import lazy_pattern
from govlint.parser import metadata as _metadata
from govlint.parser.pre2019 import is_pre2019
from govlint.parser.sections import find_headings, split_headings
from govlint.parser.stream import SEP, Stream
from govlint.parser.tables import find_tables
from govlint.report import DeferredSection, Report

#: what is left of a table line once its cells are taken out (``| ||``)
_DEBRIS = lazy_pattern(r"[\s|｜:：,，;；\-—_]*")


def parse(document) -> Report:
    stream = Stream(document, splitter=split_headings)
    tables, regions = find_tables(stream)
    regions.sort()
    headings = find_headings(stream, regions)
    report = Report(path=document.path, format=document.format, document=document)
    report.tables = tables
    report.template = PRE2019 if is_pre2019(stream, tables) else overall_template(tables)
    ends = [h.start for h in headings[1:]] + [len(stream.text)]
    first = headings[0].start if headings else len(stream.text)
    preamble = list(_prose(stream, 0, first, regions))
    report.preamble = "\n".join(p.text for p in preamble)
    for heading, end in zip(headings, ends):
        paragraphs = list(_prose(stream, heading.end, end, regions))
        title = stream.original(heading.start, heading.end).replace(SEP, " ").strip()
        report.sections.append(DeferredSection(heading.number, heading.key, title,
                                               "\n".join(p.text for p in paragraphs), None,
                                               paragraphs).defer(stream.span, heading.start, heading.end))
    body = "\n".join(s.text for s in report.sections[:1])
    report.metadata = _metadata.extract(document, stream, headings[0].start if headings else None,
                                        report.preamble, body)
    return report


def overall_template(tables: dict) -> str | None:
    found = {t.template for t in tables.values() if t.template}
    if not found:
        return None
    if len(found) > 1 or "hybrid" in found:
        return "hybrid"
    return found.pop()


def _prose(stream, start: int, end: int, regions):
    """Paragraphs of the text in ``[start, end)`` outside table regions, with their spans
    (worked out when read: a report has hundreds of paragraphs and few findings)."""
    if start >= end:
        return
    # the table regions this stretch overlaps (none in most sections): the others cannot cut
    # any of its pieces
    near = [(ra, rb) for ra, rb in regions if ra < end and rb > start]
    raw_text, span = stream.raw, stream.span
    starts, texts = stream.starts, stream.texts
    count = len(starts)
    i = stream.piece_index(start)
    while i < count and starts[i] < end:
        piece_start = starts[i]
        a, b = max(start, piece_start), min(end, piece_start + len(texts[i]))
        i += 1
        if a >= b:
            continue
        if near:
            inside = _inside(a, b, near)
            if inside is not None:
                # the pieces up to the region's end are inside it too (pieces come in order):
                # table cells, passed over at once
                i = max(i, stream.piece_index(inside))
                continue
        for s, e in (_subtract(a, b, near) if near else ((a, b),)):
            raw = raw_text[s:e]
            text = raw.strip()
            if _DEBRIS.fullmatch(text):
                continue
            if len(text) != len(raw):
                s += len(raw) - len(raw.lstrip())
                e -= len(raw) - len(raw.rstrip())
            yield DeferredParagraph(text, None, stream.heading(i - 1), None, where=(span, s, e))


def _inside(a: int, b: int, regions) -> int | None:
    """The end of the region holding all of ``[a, b)``, if one does."""
    for ra, rb in regions:
        if ra <= a and b <= rb:
            return rb
    return None


def _subtract(a: int, b: int, regions):
    for ra, rb in regions:
        if rb <= a or ra >= b:
            continue
        if ra > a:
            yield a, ra
        a = max(a, rb)
        if a >= b:
            return
    if a < b:
        yield a, b
