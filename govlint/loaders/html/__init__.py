"""HTML report pages → Document.

The bytes are decoded here (``decode.py``: real pages are often GBK with a ``gb2312``
label), and lxml sees the decoded ``str``: given raw bytes with a gb2312 label, libxml2 cuts
the text at the first GBK-only character. The one exception is a page whose bytes decoded
strictly as UTF-8: libxml2 reads those bytes themselves, told they are UTF-8, so that no label
in the page is heeded (``parse_tree``). One lxml parse, one walk
(``blocks``); positions are found in the source only when first read (``source``: one linear
scan, no further than the furthest position read); ``grid`` expands
row and column spans, ``page`` drops the page chrome and reads its metadata with
``govlint.loaders.chrome``.
"""

from __future__ import annotations

import re

from govlint.document import Document
from govlint.lazy_re import lazy_pattern
from govlint.loaders import base
from govlint.loaders.base import Loader
from govlint.loaders.decode import declared_charset, decode_bytes, decode_page

_XML_DECL = lazy_pattern(r"^\s*<\?xml[^>]*>")
_SNIFF = lazy_pattern(rb"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<table|<p[\s>]|<div)",
                      re.I | re.S)


def _parseable(text: str) -> str:
    """lxml refuses a ``str`` with an XML encoding declaration: blank it, keeping offsets."""
    match = _XML_DECL.match(text)
    if not match:
        return text
    return " " * match.end() + text[match.end():] if "\n" not in match.group() else \
        re.sub(r"[^\n]", " ", match.group()) + text[match.end():]


def parse_tree(text: str, utf8: bytes | None = None):
    """The lxml root element for ``text``, or None when there is nothing to parse.

    ``utf8``: the page's own bytes, when they are ``text`` encoded in UTF-8 (strictly, no BOM,
    no XML declaration). libxml2 then reads them as they are, told their encoding, so that no
    ``charset`` label in the page can switch it: the tree is the one ``text`` gives (tested),
    without handing lxml a ``str`` to convert first (a tenth of the parse).
    """
    from lxml import etree

    # Plain etree elements (not lxml.html's classes): the walk needs no more, and is faster.
    # huge_tree: without it libxml2 drops a text node or attribute over 10 MB (a Word export's
    # inlined base64 image) and the rest of the page with it; the engine caps files at 50 MB.
    parser = etree.HTMLParser(no_network=True, collect_ids=False, default_doctype=False,
                              huge_tree=True, encoding="utf-8" if utf8 is not None else None)
    try:
        return etree.fromstring(_parseable(text) if utf8 is None else utf8, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


class HtmlLoader(Loader):
    fixable = True
    name = "html"
    suffixes = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        head = head[:1024].lstrip(b"\xef\xbb\xbf")
        return bool(_SNIFF.match(head))

    def source_text(self, path: str, data: bytes) -> str:
        return decode_bytes(data, path, declared_charset(data))[0]

    def load(self, path: str, data: bytes) -> Document:
        return load_html(path, data)


def load_html(path: str, data: bytes, eager: bool = False) -> Document:
    """The Document of an HTML page. ``eager``: the whole markup scanned up front and every
    position found right after the walk, not when first read (the plain path, kept as the
    oracle of the tests)."""
    text, problems, encoding = decode_page(data, path, declared_charset(data))
    doc = Document(path=path, format="html", source=text, problems=problems)
    if not text or text.isspace() or any(p.code == "GL001" for p in problems):
        return doc
    utf8 = encoding in ("utf-8", "ascii") and not _XML_DECL.match(text)
    cut = _markup_bound(text)
    if cut is None:
        root = parse_tree(text, data if utf8 else None)
    else:  # lxml reads the page up to the bound (in UTF-8 bytes, "<" is one byte and only "<")
        root = parse_tree(text[:cut], data[:base.nth(data, b"<", base.MAX_TAGS + 1)] if utf8 else None)
        doc.problems.append(base.cut_markup(*doc.line_index().position(cut)))
    if root is None:
        return doc
    from govlint.loaders.html.blocks import BlockBuilder
    from govlint.loaders.html.page import assemble
    from govlint.loaders.html.source import SourceLocator

    title_el = next(root.iter("title"), None)  # ``find(".//title")`` without ElementPath's Python
    title_tag = "".join(title_el.itertext()) if title_el is not None else None
    locator = SourceLocator(text, scan_all=eager, line_index=doc.line_index())
    builder = BlockBuilder(locator)
    builder.walk(root)
    if eager:
        locator.force()
    assemble(doc, builder, title_tag)
    if builder.cut_tables or builder.cut_at is not None:
        from govlint.loaders.html.source import LAST_LINE

        doc.problems.extend(base.cut_table(line if line and line < LAST_LINE else None, left_out, spans=True)
                            for line, left_out in builder.cut_tables)
        if builder.cut_at is not None:
            doc.problems.append(base.cut_blocks(builder.cut_at if builder.cut_at < LAST_LINE else None))
    return doc


def _markup_bound(text: str) -> int | None:
    """Where lxml stops reading ``text``: before the "<" past ``base.MAX_TAGS`` of them, None
    when it holds no more (a page no longer than the bound is never counted)."""
    if len(text) <= base.MAX_TAGS:
        return None
    return base.nth(text, "<", base.MAX_TAGS + 1)
