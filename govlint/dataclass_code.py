"""The methods ``dataclasses`` generates, compiled once and kept between runs.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__`` (and for frozen
classes ``__setattr__`` and ``__delattr__``) and hands it to ``exec``, which parses and compiles
it on every start: three quarters of a dataclass's creation time, and on CPython 3.11 some
70 million instructions for the classes a one-file ``govlint check`` imports, a tenth of the
whole check. ``install()`` gives the ``dataclasses`` module an ``exec`` of its own (a module's
globals come before the builtins) that looks the source text up first: the code object that
``compile`` would make from it is kept, as ``.pyc`` files keep a module's, in the user's cache
folder (``regex_cache.stored_path``, one file per Python build, bounded with the other caches).
The code is run exactly as ``exec`` would run the text (same globals and namespace, same
compiler flags: ``dataclasses`` has no ``__future__`` imports), so every class is the class
``dataclasses`` would have made; the cache changes how long it takes, nothing else.

Trust is that of ``.pyc`` files: the folder is the user's own. Any problem reading or writing
(another Python implementation, a foreign or torn file) means compiling as usual.
"""

from __future__ import annotations

import builtins
import sys

_table: dict | None = None  # source text → the marshalled code object (unmarshalled when used)
_new: dict = {}


def install() -> None:
    """From now on, dataclasses created in this process reuse stored code (CPython only)."""
    import dataclasses

    if sys.implementation.name == "cpython" and vars(dataclasses).get("exec") is not _exec:
        dataclasses.exec = _exec


def _exec(source, globals=None, locals=None, /):  # noqa: A002 - exec's own parameter names
    """``exec`` as ``dataclasses`` calls it, with the compiled code of ``source`` reused."""
    if globals is None:  # exec's own default: the caller's namespaces
        caller = sys._getframe(1)
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    if type(source) is str:
        source = _code(source)
    builtins.exec(source, globals, locals)


def _code(source: str):
    import marshal

    table = _load()
    stored = table.get(source)
    if stored is not None:
        try:
            return marshal.loads(stored)
        except (ValueError, EOFError, TypeError):  # damaged: compiled again below
            pass
    # dont_inherit: this module's ``annotations`` future must not leak into the code, which
    # ``dataclasses`` (no future imports) would compile without it
    code = compile(source, "<string>", "exec", dont_inherit=True)
    table[source] = _new[source] = marshal.dumps(code)
    return code


def _path() -> str:
    from importlib._bootstrap_external import MAGIC_NUMBER  # frozen, already imported

    from govlint.regex_cache import stored_path

    return stored_path("dataclass", f"{sys.version}\0{MAGIC_NUMBER!r}")


def _load() -> dict:
    global _table
    if _table is None:
        from govlint.regex_cache import read_table

        # each code object stays marshalled until a class needs it: the file holds the methods
        # of every dataclass any run imported, a run needs a few of them
        _table = {k: v for k, v in read_table(_path()).items() if type(k) is str and type(v) is bytes}
        import atexit

        atexit.register(save)
    return _table


def save() -> None:
    """Store the code compiled since the last save (merged with the file as it is now)."""
    from govlint.regex_cache import write_table

    if _new and write_table(_path(), _new):
        _new.clear()
