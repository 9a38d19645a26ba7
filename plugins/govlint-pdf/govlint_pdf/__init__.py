"""govlint loader plugin for PDF reports.

Registered through the ``govlint`` entry-point group like govlint's own loaders. The hook
registers a stand-in that names the loader, its suffix and its sniffer; the loader module
is imported only when a PDF is loaded, and pdfplumber only when it opens one.
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.loaders.base import Loader

__version__ = "0.1.0"


def is_pdf(head: bytes) -> bool:
    """Whether the first bytes of a file are a PDF header."""
    return head.lstrip()[:5] == b"%PDF-"


class _PdfLoaderStub(Loader):
    """``govlint_pdf.loader.PdfLoader``, imported on the first ``load``."""

    name = "pdf"
    suffixes = (".pdf",)
    _loader = None

    def sniff(self, head: bytes) -> bool:
        return is_pdf(head)

    def load(self, path, data):
        if self._loader is None:
            from govlint_pdf.loader import PdfLoader

            self._loader = PdfLoader()
        return self._loader.load(path, data)


@hookimpl
def govlint_register_loaders(register):
    register(_PdfLoaderStub())
