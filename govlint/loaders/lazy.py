"""A loader that imports its implementation on the first file it loads.

govlint imports every plugin module on every run, and the loaders register at that time.
A loader whose module is costly (python-docx, pdfplumber, a Markdown loader compiling its
patterns) would make every run pay for formats most runs never see. ``LazyLoader`` says
what the engine needs before any file is read (name, suffixes, and a sniffer that needs no
heavy import) and imports the real loader class, named as ``"module:Class"``, only when a
file of its kind is loaded.
"""

from __future__ import annotations

from typing import Callable

from govlint.document import Document
from govlint.loaders.base import Loader


class LazyLoader(Loader):
    """Stands in for ``target`` (``"package.module:LoaderClass"``) until the first ``load``.

    ``sniff`` claims files by their first bytes, as ``Loader.sniff`` does; give the same
    function the real loader uses, so that both claim the same files.
    """

    def __init__(self, name: str, suffixes: tuple[str, ...], target: str,
                 sniff: Callable[[bytes], bool] | None = None):
        self.name = name
        self.suffixes = tuple(suffixes)
        self.target = target
        self._sniff = sniff
        self._loader: Loader | None = None

    def sniff(self, head: bytes) -> bool:
        return self._sniff(head) if self._sniff is not None else False

    def load(self, path: str, data: bytes) -> Document:
        return self.real().load(path, data)

    def source_text(self, path: str, data: bytes) -> str:
        return self.real().source_text(path, data)

    @property
    def fixable(self) -> bool:  # asked after a load, when the real loader is imported anyway
        return bool(getattr(self.real(), "fixable", False))

    def real(self) -> Loader:
        """The loader itself, imported and made on the first call."""
        if self._loader is None:
            import importlib

            module, _, cls = self.target.partition(":")
            self._loader = getattr(importlib.import_module(module), cls)()
        return self._loader

    def __repr__(self) -> str:
        return f"LazyLoader({self.name!r}, {self.target!r})"
