"""Whether third-party libraries may speak on standard error.

Libraries govlint runs (lxml, pdfminer, python-docx, plugins' own) log warnings and raise
``warnings`` for oddities of a damaged file. govlint reports the file itself (GL001, GL003),
and its standard error is read by people and by pre-commit, so by default those messages are
dropped: a NullHandler on the root logger keeps Python's last-resort handler from printing
them, and ``warnings`` are ignored. ``govlint check -v`` shows them instead.
"""

from __future__ import annotations

import sys

_VERBOSE = False


def is_verbose() -> bool:
    """Whether this process shows libraries' warnings (``check -v``): a loader that silences
    a library's warnings of its own accord asks this first."""
    return _VERBOSE


def quiet_libraries(verbose: bool) -> None:
    """Apply the choice in this process (the main process, and each worker as it starts).

    Quiet, the root logger's NullHandler is added when ``logging`` is first imported (by a
    library that logs), not before: a run whose libraries never log never imports it."""
    import warnings

    global _VERBOSE
    _VERBOSE = bool(verbose)

    if verbose:
        import logging

        root = logging.getLogger()
        if not root.handlers or all(isinstance(h, logging.NullHandler) for h in root.handlers):
            logging.basicConfig(level=logging.WARNING, format="%(name)s: %(levelname)s: %(message)s")
        warnings.simplefilter("default")
    else:
        if "logging" in sys.modules:
            _silence_root(sys.modules["logging"])
        elif not any(isinstance(f, _SilenceOnImport) for f in sys.meta_path):
            sys.meta_path.insert(0, _SilenceOnImport())
        warnings.simplefilter("ignore")


def _silence_root(logging) -> None:
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


class _SilenceOnImport:
    """A finder that answers for nothing: it sees ``logging`` being imported, steps aside, and
    hands the real module's loader a wrapper that silences the root logger once it has run."""

    def find_spec(self, name, path=None, target=None):
        if name != "logging":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _Silencing(spec.loader)
        return spec


class _Silencing:
    """A loader that runs ``inner`` and then silences the root logger of the module it made."""

    def __init__(self, inner):
        self.inner = inner

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        if not _VERBOSE:
            _silence_root(module)

    def __getattr__(self, name):  # get_source, is_package, ...: as the real loader
        return getattr(self.inner, name)
