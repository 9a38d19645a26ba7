"""The loader interface."""

from __future__ import annotations

from govlint.document import Document


class Loader:
    """Turns the bytes of a file into a Document.

    ``suffixes`` are the file endings the loader claims (lower case, with the dot);
    ``sniff(head)`` may claim files by content when the suffix says nothing. ``load`` must
    not raise for bad input: it returns a Document whose ``problems`` say what is wrong
    (GL001 for unreadable input, GL003 for encoding trouble).
    """

    name: str = ""
    suffixes: tuple[str, ...] = ()
    plugin: str = ""
    #: the file is text whose bytes ``--fix`` may rewrite in place (not Word or PDF)
    fixable: bool = False

    def sniff(self, head: bytes) -> bool:
        return False

    def load(self, path: str, data: bytes) -> Document:  # pragma: no cover - interface
        raise NotImplementedError

    def source_text(self, path: str, data: bytes) -> str:
        """The text that the spans of this file's findings point into (``Document.source``).

        Findings carry spans, not text; a reporter that shows an excerpt asks for the text
        again when it prints. Loaders of text formats override this with their decoding
        alone; the default loads the file again.
        """
        return self.load(path, data).source
