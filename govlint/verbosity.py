"""Whether third-party libraries may speak on standard error.

Libraries govlint runs (lxml, pdfminer, python-docx, plugins' own) log warnings and raise
``warnings`` for oddities of a damaged file. govlint reports the file itself (GL001, GL003),
and its standard error is read by people and by pre-commit, so by default those messages are
dropped: a NullHandler on the root logger keeps Python's last-resort handler from printing
them, and ``warnings`` are ignored. ``govlint check -v`` shows them instead.
"""

from __future__ import annotations


_VERBOSE = False


def is_verbose() -> bool:
    """Whether this process shows libraries' warnings (``check -v``): a loader that silences
    a library's warnings of its own accord asks this first."""
    return _VERBOSE


def quiet_libraries(verbose: bool) -> None:
    """Apply the choice in this process (the main process, and each worker as it starts)."""
    import logging
    import warnings

    global _VERBOSE
    _VERBOSE = bool(verbose)

    root = logging.getLogger()
    if verbose:
        if not root.handlers or all(isinstance(h, logging.NullHandler) for h in root.handlers):
            logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
        warnings.simplefilter("default")
    else:
        if not root.handlers:
            root.addHandler(logging.NullHandler())
        warnings.simplefilter("ignore")
