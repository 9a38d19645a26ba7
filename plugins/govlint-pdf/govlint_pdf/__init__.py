"""govlint loader plugin for PDF reports.

Registered through the ``govlint`` entry-point group like govlint's own loaders;
pdfplumber is imported only when a PDF is loaded.
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl

__version__ = "0.1.0"


@hookimpl
def govlint_register_loaders(register):
    from govlint_pdf.loader import PdfLoader

    register(PdfLoader())
