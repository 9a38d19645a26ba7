"""Plain-text extractions of reports (placeholder: one paragraph per line)."""

from __future__ import annotations

from govlint.document import Document, Paragraph
from govlint.loaders.base import Loader
from govlint.loaders.decode import decode_bytes
from govlint.span import Span


class TextLoader(Loader):
    name = "text"
    suffixes = (".txt", ".text")

    def load(self, path: str, data: bytes) -> Document:
        text, problems = decode_bytes(data, path)
        doc = Document(path=path, format="text", source=text, problems=problems)
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                doc.blocks.append(Paragraph(line.strip(), Span(number, 1, number, len(line) + 1)))
        return doc
