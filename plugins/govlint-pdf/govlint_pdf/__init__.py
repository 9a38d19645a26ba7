"""govlint loader plugin for PDF reports.

Registered through the ``govlint`` entry-point group. The hook registers a ``LazyLoader``
that names the loader, its suffix and its sniffer; the loader module is imported only when
a PDF is loaded, and pdfplumber only when it opens one.
"""

from __future__ import annotations

from govlint.api import LazyLoader, hookimpl

__version__ = "0.1.0"


def is_pdf(head: bytes) -> bool:
    """Whether the first bytes of a file are a PDF header."""
    return head.lstrip()[:5] == b"%PDF-"


@hookimpl
def govlint_register_loaders(register):
    register(LazyLoader("pdf", (".pdf",), "govlint_pdf.loader:PdfLoader", sniff=is_pdf))
