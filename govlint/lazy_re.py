"""Regular expressions compiled on first use, not at import.

Compiling is the costliest part of importing govlint's modules: a module-level
``re.compile`` runs on every start, for ``govlint --version``, for rules that are not
selected, for loaders of formats the run never reads. ``lazy_pattern(source, flags)`` is
written where ``re.compile`` was and behaves as the compiled pattern (``search``,
``finditer``, ``sub``, ``groupindex`` …), but compiles on the first such use; each method is
then kept on the object, so later calls cost what a plain pattern's do. ``pattern`` (the
source) is there without compiling, for code that builds a larger expression from it.
Compiled code is kept between runs by ``govlint.regex_cache``.
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, done when a method or attribute of it is first used."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if this is its first use)."""
        if self._compiled is None:
            from govlint import regex_cache

            self._compiled = regex_cache.compile(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probe for these: not the pattern's
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        if callable(value):
            self.__dict__[name] = value  # found directly from now on
        return value

    def __reduce__(self):
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"lazy_pattern({self.pattern!r}, {self._flags!r}) ({state})"


def lazy_pattern(pattern: str | bytes, flags: int = 0) -> LazyPattern:
    """A pattern that compiles on first use; write it where ``re.compile`` would be."""
    return LazyPattern(pattern, flags)
