"""HTML report pages (placeholder: paragraphs from text lines)."""

from __future__ import annotations

import re

from govlint.document import Document, Paragraph
from govlint.loaders.base import Loader
from govlint.loaders.decode import declared_charset, decode_bytes


class HtmlLoader(Loader):
    name = "html"
    suffixes = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        return bool(re.match(rb"\s*(<!doctype html|<html)", head[:512], re.I))

    def load(self, path: str, data: bytes) -> Document:
        text, problems = decode_bytes(data, path, declared_charset(data))
        doc = Document(path=path, format="html", source=text, problems=problems)
        import lxml.html

        root = lxml.html.document_fromstring(text) if text.strip() else None
        if root is not None:
            for line in root.text_content().split("\n"):
                if line.strip():
                    doc.blocks.append(Paragraph(line.strip()))
        return doc
