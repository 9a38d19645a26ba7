"""Compiled regular expressions kept between runs.

Compiling govlint's patterns (the table-label alternations above all) is the largest part of
a one-file check after the imports: Python parses each pattern and generates its matching
code on every start, and only keeps the result for the life of the process. This module
keeps that code, as ``re`` itself produces it, in the user's cache directory (next to the
entry-point cache), and builds the pattern from it on later runs, as ``.pyc`` files do for
modules: loading some 130 patterns' code takes a few milliseconds where compiling them takes
tens.

Trust and fallbacks: the file is keyed by the exact Python build (``sys.version``), the
regex engine's ``MAGIC`` and the interpreter, so that code is only reused by the engine that
wrote it; the engine validates the code again when the pattern is built. Any problem (another
Python implementation, an unreadable or foreign file, a changed engine API) means the pattern
is compiled the ordinary way. New patterns are written back by ``save()`` (at exit in the
main process, after each file in a worker), merged with what other processes wrote.
"""

from __future__ import annotations

import os
import re
import sys

_MAX_ENTRIES = 4000  # beyond this (patterns edited many times) the file starts afresh
_table: dict | None = None  # (pattern, flags) → arguments of the engine's compile
_new: dict = {}


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name
    """``re.compile(pattern, flags)``, from the stored code when this Python stored it before."""
    try:
        import _sre

        key = (pattern, int(flags))
        table = _load()
        args = table.get(key)
        if args is None:
            args = _compile_args(pattern, int(flags))
            table[key] = _new[key] = args
        return _sre.compile(pattern, *args)
    except Exception:  # noqa: BLE001 - the cache is an optimisation: never a reason to fail
        return re.compile(pattern, flags)


def _compile_args(pattern, flags: int) -> tuple:
    """What ``re``'s compiler hands the engine: flags, code, group count, group names."""
    from re import _compiler, _parser

    tree = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]
    names = dict(tree.state.groupdict)
    by_index = [None] * tree.state.groups
    for name, index in names.items():
        by_index[index] = name
    return (int(flags | tree.state.flags), code, tree.state.groups - 1, names, tuple(by_index))


def _path() -> str:
    import _sre

    return stored_path("regex", f"{sys.version}\0{_sre.MAGIC}\0{sys.executable}")


def _read() -> dict:
    return read_table(_path())


def _load() -> dict:
    global _table
    if _table is None:
        if sys.implementation.name != "cpython":
            raise RuntimeError("compiled-pattern cache is for CPython only")
        _table = _read()
        import atexit

        atexit.register(save)
    return _table


def save() -> None:
    """Store the patterns compiled since the last save (merged with the file as it is now)."""
    if _new and write_table(_path(), _new):
        _new.clear()


# -- the files ---------------------------------------------------------------------------------
def stored_path(kind: str, build: str) -> str:
    """The file of ``kind`` for the Python ``build`` (a string naming what must match to reuse it)."""
    import zlib

    from govlint.entry_points import CACHE_DIR

    return os.path.join(CACHE_DIR, f"{kind}-{zlib.crc32(build.encode('utf-8', 'surrogateescape')):08x}.marshal")


def read_table(path: str) -> dict:
    """The stored dict, or an empty one when the file is absent, torn or foreign."""
    import marshal

    try:
        with open(path, "rb") as handle:
            # one read, then loads: marshal.load on a file object reads item by item, and
            # took 60 ms for this file where loads takes 1 ms
            table = marshal.loads(handle.read())
        return table if isinstance(table, dict) else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


def write_table(path: str, new: dict) -> bool:
    """Merge ``new`` into the file as it is now (atomically); False when it cannot be written."""
    import marshal

    table = read_table(path)
    if len(table) + len(new) > _MAX_ENTRIES:
        table = {}
    table.update(new)
    temporary = f"{path}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump(table, handle)
        os.replace(temporary, path)  # atomic: a reader sees a whole file or the old one
    except (OSError, ValueError):  # not writable: the next run compiles them again
        try:
            os.remove(temporary)
        except OSError:
            pass
        return False
    from govlint.entry_points import prune

    prune()  # the cache folder stays bounded (entry_points.MAX_FILES)
    return True
