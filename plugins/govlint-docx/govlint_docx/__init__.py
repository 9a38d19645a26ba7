"""govlint loader plugin for Word (.docx) reports.

Registered through the ``govlint`` entry-point group. The hook registers a ``LazyLoader``
that names the loader and its suffix; the loader module (and python-docx with it) is
imported only when a .docx file is loaded.
"""

from __future__ import annotations

from govlint.api import LazyLoader, hookimpl

__version__ = "0.1.0"


@hookimpl
def govlint_register_loaders(register):
    register(LazyLoader("docx", (".docx",), "govlint_docx.loader:DocxLoader"))
