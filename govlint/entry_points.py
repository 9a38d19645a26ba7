"""The installed entry points of one group, read with ``importlib.metadata`` and cached.

Why a cache: importing ``importlib.metadata`` (it pulls in ``email``, ``zipfile`` and more)
and reading the metadata of every installed distribution costs some 40 ms, more than a
tenth of a one-file ``govlint check`` (measured on 3.11: 263 ms against 304 ms, best of 30). The answer changes only when packages are installed,
upgraded or removed, and each of those adds or removes a ``*.dist-info`` directory, which
changes the modification time of its ``sys.path`` directory. So the answer is stored in
the user's cache directory (``$XDG_CACHE_HOME/govlint``, else ``~/.cache/govlint``), one
file per Python environment, under a key made of ``sys.path`` and those times; a run whose
key matches reads the stored answer and never imports ``importlib.metadata``.

The cache is not written (the next run asks ``importlib.metadata`` again):

- when a ``sys.path`` entry changed in the last ``SETTLE_SECONDS``: a second change within
  the same clock tick would leave the time as it was;
- when a finder other than the path finder lists distributions (its state is not in the key);
- when an entry point could not be read (an unparsable ``entry_points.txt``, a malformed
  value), so that its warning is given on every run until it is fixed;
- when the cache directory is not writable.

Not seen: an ``entry_points.txt`` edited in place by hand. Delete the cache file (or
reinstall the package) after doing that.

Size: each environment's file keeps its ``KEEP`` newest answers (``python -m govlint`` puts the
working directory on ``sys.path``, so each folder it runs in is an answer of its own), and the
folder as a whole keeps the ``MAX_FILES`` most recently written files of govlint's caches
(these and ``regex_cache``'s): every write removes the oldest beyond that, so throwaway
environments (a test's, pre-commit's) cannot make it grow without bound. A removed file only
costs its environment one more reading of the metadata.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time

from govlint.record import Frozen, as_dict


#: the folder of the stored answers
CACHE_DIR = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                         "govlint")
SETTLE_SECONDS = 2
KEEP = 8  # answers kept per environment, newest first
MAX_FILES = 64  # files kept in CACHE_DIR (every environment's answers, every Python's patterns)
#: the names of the files ``prune`` may remove: only what govlint's caches write
CACHE_FILE_PREFIXES = ("entry_points-", "regex-", "dataclass-")
_FORMAT = 1  # bump when the stored fields change: an older file is then ignored


class EntryPoint(Frozen):
    """``name = module:attr`` of a group, with its distribution; ``load()`` imports it.

    ``error`` is set instead when the distribution's entry points could not be read or the
    value is malformed: loading then raises, so the plugin host reports it by name.
    """

    __slots__ = _fields = ("name", "value", "module", "attr", "dist", "version", "error")

    def __init__(self, name: str, value: str, module: str, attr: str, dist: str, version: str,
                 error: str = "") -> None:
        set_ = object.__setattr__
        set_(self, "name", name)
        set_(self, "value", value)
        set_(self, "module", module)
        set_(self, "attr", attr)
        set_(self, "dist", dist)
        set_(self, "version", version)
        set_(self, "error", error)

    def load(self):
        import importlib

        if self.error:
            raise ValueError(self.error)
        obj = importlib.import_module(self.module)
        for part in filter(None, self.attr.split(".")):
            obj = getattr(obj, part)
        return obj


def installed(group: str) -> list[EntryPoint]:
    """The entry points of ``group``, first distribution of each name along ``sys.path``."""
    key = _key(group)
    if key is not None:
        cached = _read_cache(key)
        if cached is not None:
            return cached
    found = read_metadata(group)
    if key is not None and _settled(key) and not any(ep.error for ep in found):
        _write_cache(key, found)
    return found


def read_metadata(group: str) -> list[EntryPoint]:
    """Ask ``importlib.metadata``, one distribution at a time, so that another package's
    broken metadata costs only that package."""
    from importlib.metadata import distributions

    found: list[EntryPoint] = []
    seen: set[str] = set()
    for dist in distributions():
        try:
            meta = dist.metadata
            name = meta["Name"] or ""
        except Exception:  # noqa: BLE001 - unreadable metadata: not a distribution we can name
            continue
        normalized = re.sub(r"[-_.]+", "-", name).lower()
        if normalized in seen:  # shadowed by an earlier copy on sys.path
            continue
        seen.add(normalized)
        try:
            mine = [ep for ep in dist.entry_points if ep.group == group]
        except Exception as exc:  # noqa: BLE001 - e.g. a line without "="
            if _has_section(dist, group):  # another tool's broken section is not our business
                problem = f"entry_points.txt 无法解析（每行应为 name = module:attr）: {type(exc).__name__}: {exc}"
                found.append(EntryPoint("entry_points.txt", "", "", "", name, meta["Version"] or "", problem))
            continue
        found.extend(_entry_point(ep, name, meta["Version"] or "") for ep in mine)
    return found


def _has_section(dist, group: str) -> bool:
    try:
        return f"[{group}]" in (dist.read_text("entry_points.txt") or "")
    except Exception:  # noqa: BLE001 - undecodable: nothing to tell the user about
        return False


def _entry_point(ep, dist: str, version: str) -> EntryPoint:
    match = ep.pattern.match(ep.value)
    if match is None:
        return EntryPoint(ep.name, ep.value, "", "", dist, version,
                          f"malformed entry point {ep.name!r} = {ep.value!r}")
    return EntryPoint(ep.name, ep.value, match.group("module"), match.group("attr") or "", dist, version)


def _key(group: str) -> dict | None:
    """``sys.path`` with each entry's modification time, or None when that cannot tell."""
    from importlib.machinery import PathFinder

    if any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path):
        return None
    paths = []
    for entry in sys.path:
        if not isinstance(entry, str):
            return None
        entry = os.path.abspath(entry)
        try:
            paths.append([entry, os.stat(entry).st_mtime_ns])
        except OSError:
            paths.append([entry, None])  # absent now; its creation changes the key
    return {"format": _FORMAT, "group": group, "python": sys.version, "paths": paths}


def _settled(key: dict) -> bool:
    newest = max((mtime for _path, mtime in key["paths"] if mtime is not None), default=0)
    return newest < time.time_ns() - SETTLE_SECONDS * 1_000_000_000


def _cache_path() -> str:
    """One file per environment, so that two virtual environments do not overwrite each other's."""
    import zlib

    environment = zlib.crc32(f"{sys.prefix}\0{sys.executable}".encode("utf-8", "surrogateescape"))
    return os.path.join(CACHE_DIR, f"entry_points-{environment:08x}.json")


def _stored() -> list[dict]:
    """The stored answers, newest first: ``[{"key": …, "entry_points": […]}, …]``."""
    try:
        with open(_cache_path(), encoding="utf-8") as handle:
            answers = json.load(handle)
        return answers if isinstance(answers, list) else []
    except (OSError, ValueError):  # absent or torn
        return []


def _read_cache(key: dict) -> list[EntryPoint] | None:
    for answer in _stored():
        try:
            if answer["key"] == key:
                return [EntryPoint(**record) for record in answer["entry_points"]]
        except (KeyError, TypeError):  # written by another version of govlint
            return None
    return None


def _write_cache(key: dict, found: list[EntryPoint]) -> None:
    answer = {"key": key, "entry_points": [as_dict(ep) for ep in found]}
    # a few keys per environment: `govlint` and `python -m govlint` see different sys.paths
    answers = [answer] + [a for a in _stored() if isinstance(a, dict) and a.get("key") != key]
    path = _cache_path()
    temporary = f"{path}.{os.getpid()}"
    try:
        os.makedirs(CACHE_DIR, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(answers[:KEEP], handle, ensure_ascii=False)
        os.replace(temporary, path)  # atomic: parallel workers read a whole file or none
    except OSError:  # not writable: every run asks importlib.metadata
        try:
            os.remove(temporary)
        except OSError:
            pass
        return
    prune()


def prune(keep: int | None = None) -> None:
    """Remove all but the ``keep`` (default ``MAX_FILES``) most recently written cache files."""
    keep = MAX_FILES if keep is None else keep
    try:
        entries = [e for e in os.scandir(CACHE_DIR) if e.name.startswith(CACHE_FILE_PREFIXES)
                   and e.name.endswith((".json", ".marshal")) and e.is_file()]  # not a file being written
    except OSError:
        return
    if len(entries) <= keep:
        return

    def written(entry) -> int:
        try:
            return entry.stat().st_mtime_ns
        except OSError:  # removed meanwhile by another run
            return 0
    for entry in sorted(entries, key=written, reverse=True)[keep:]:
        try:
            os.remove(entry.path)
        except OSError:  # another run removed it first
            pass
