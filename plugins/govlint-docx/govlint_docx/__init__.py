"""govlint loader plugin for Word (.docx) reports.

Registered through the ``govlint`` entry-point group like govlint's own loaders. The
loader module (and python-docx with it) is imported only when the hook runs.
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl

__version__ = "0.1.0"


@hookimpl
def govlint_register_loaders(register):
    from govlint_docx.loader import DocxLoader

    register(DocxLoader())
