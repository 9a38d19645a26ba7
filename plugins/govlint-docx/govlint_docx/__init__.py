"""govlint loader plugin for Word (.docx) reports.

Registered through the ``govlint`` entry-point group like govlint's own loaders. The hook
registers a stand-in that names the loader and its suffix; the loader module (and
python-docx with it) is imported only when a .docx file is loaded.
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.loaders.base import Loader

__version__ = "0.1.0"


class _DocxLoaderStub(Loader):
    """``govlint_docx.loader.DocxLoader``, imported on the first ``load``."""

    name = "docx"
    suffixes = (".docx",)
    _loader = None

    def load(self, path, data):
        if self._loader is None:
            from govlint_docx.loader import DocxLoader

            self._loader = DocxLoader()
        return self._loader.load(path, data)


@hookimpl
def govlint_register_loaders(register):
    register(_DocxLoaderStub())
