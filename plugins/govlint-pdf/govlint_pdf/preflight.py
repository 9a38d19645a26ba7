"""Page count and drawing-operation count, checked before any page is materialised.

pdfplumber's ``pdf.pages`` builds a Page for every page of the document (a 100,000-page
file took 25 s before its length could be refused), and its table finder works on every
line segment drawn (200,000 segments took over a minute). pdfminer's page-tree walk is a
generator, so the pages are counted lazily and the walk stops one page past the limit; the
content streams of the pages that remain are then scanned for path-construction operators
(``m l c v y re``) and the document refused past a total, before any layout is done.
"""

from __future__ import annotations

import re
from itertools import islice

MAX_PAGES = 500
MAX_DRAWING_OPERATIONS = 50_000
_MAX_FORM_DEPTH = 8
# A path operator is a whole token: delimited by white space or PDF delimiters. Text in
# strings can match too; the count only errs upwards.
_DELIMITED = rb"[^\s\x00\[\]()<>{}/%]"
_PATH_OPERATOR = re.compile(rb"(?<!" + _DELIMITED + rb")(?:re|[mlcvy])(?!" + _DELIMITED + rb")")
_DO = re.compile(rb"/([^\s\x00\[\]()<>{}/%]+)\s+Do(?!" + _DELIMITED + rb")")


def first_pages(document, limit: int = MAX_PAGES) -> list:
    """pdfminer's PDFPages of ``document``, at most ``limit + 1`` of them (walked lazily)."""
    from pdfminer.pdfpage import PDFPage

    return list(islice(PDFPage.create_pages(document), limit + 1))


def drawing_operations(page, limit: int = MAX_DRAWING_OPERATIONS) -> int:
    """Path operators drawn by a PDFPage: its content streams and the forms they paint.

    A form painted n times counts n times; counting stops soon after ``limit``.
    """
    from pdfminer.pdftypes import resolve1

    return _count(b"\n".join(_data(s) for s in page.contents), resolve1(page.resources), limit, 0)


def _count(content: bytes, resources, limit: int, depth: int) -> int:
    from pdfminer.pdftypes import resolve1

    total = len(_PATH_OPERATOR.findall(content))
    if depth >= _MAX_FORM_DEPTH or total > limit or not isinstance(resources, dict):
        return total
    xobjects = resolve1(resources.get("XObject"))
    if not isinstance(xobjects, dict):
        return total
    painted: dict[bytes, int] = {}
    for name in _DO.findall(content):
        painted[name] = painted.get(name, 0) + 1
    for name, times in painted.items():
        form = resolve1(xobjects.get(name.decode("latin-1")))
        if not _is_form(form):
            continue
        inner = _count(_data(form), resolve1(form.get("Resources")) or resources, limit, depth + 1)
        total += inner * times
        if total > limit:
            break
    return total


def _is_form(xobject) -> bool:
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    return isinstance(xobject, PDFStream) and xobject.get("Subtype") is LIT("Form")


def _data(stream) -> bytes:
    from pdfminer.pdftypes import PDFStream, resolve1

    stream = resolve1(stream)
    return stream.get_data() if isinstance(stream, PDFStream) else b""
