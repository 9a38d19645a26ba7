"""The ``govlint`` entry points of the installed distributions, without importing importlib.metadata.

``importlib.metadata`` costs some 18 ms to import (it pulls in ``email``, ``zipfile`` and
more), which is more than a whole scan of ``site-packages`` takes. For the ordinary layout,
``*.dist-info`` / ``*.egg-info`` directories in the directories of ``sys.path``, this module
finds the same entry points in the same order as ``importlib.metadata.entry_points(group=…)``
(first distribution of each normalised name along ``sys.path``; entry points in file order)
and reads a distribution's ``Name`` and ``Version`` from its metadata headers. Anything else
(zip or egg entries on ``sys.path``, another finder that knows distributions, metadata it
does not read with certainty) makes ``scan`` return None, and the caller asks
``importlib.metadata`` instead.
"""

from __future__ import annotations

import os
import re
import sys

_NORMALIZE = re.compile(r"[-_.]+")
_HEADER = re.compile(r"([\x21-\x39\x3b-\x7e]+):[ \t]*(.*)")
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
_SUFFIXES = (".dist-info", ".egg-info")


class _Unsure(Exception):
    """The layout is not one this module reads with certainty."""


class Dist:
    """A distribution's ``name`` and ``version`` (read on first use)."""

    def __init__(self, path: str):
        self._path = path
        self._headers: dict[str, str] | None = None

    def _header(self, key: str) -> str:
        if self._headers is None:
            self._headers = _read_headers(self._path)
        return self._headers[key]

    @property
    def name(self) -> str:
        return self._header("name")

    @property
    def version(self) -> str:
        return self._header("version")


class EntryPoint:
    """``name = module:attr`` of a group; ``load()`` imports it."""

    def __init__(self, name: str, value: str, group: str, dist: Dist):
        self.name, self.value, self.group, self.dist = name, value, group, dist

    def load(self):
        import importlib

        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"malformed entry point {self.name!r} = {self.value!r}")
        module = importlib.import_module(match.group("module"))
        obj = module
        for attr in filter(None, (match.group("attr") or "").split(".")):
            obj = getattr(obj, attr)
        return obj


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None


def _read_headers(info_dir: str) -> dict[str, str]:
    text = _read(os.path.join(info_dir, "METADATA")) or _read(os.path.join(info_dir, "PKG-INFO"))
    if not text:
        raise _Unsure(info_dir)
    headers: dict[str, str] = {}
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if not line:
            break
        match = _HEADER.fullmatch(line)
        if match is None:  # a folded or malformed header: leave it to the email parser
            raise _Unsure(info_dir)
        headers.setdefault(match.group(1).lower(), match.group(2))
    if "name" not in headers or "version" not in headers:
        raise _Unsure(info_dir)
    return headers


def _entry_points_txt(text: str, group: str, dist: Dist) -> list[EntryPoint]:
    found, section = [], None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section != group:  # other groups are other tools' business, malformed or not
            continue
        name, equals, value = line.partition("=")
        # a malformed line still becomes an entry point: loading it fails and is reported
        found.append(EntryPoint(name.strip(), value.strip() if equals else "", group, dist))
    return found


def scan(group: str) -> list[EntryPoint] | None:
    """The entry points of ``group`` in discovery order, or None when unsure of the layout."""
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            return None
    seen: set[str] = set()
    found: list[EntryPoint] = []
    try:
        for root in sys.path:
            if not isinstance(root, str) or os.path.basename(root).lower().endswith(".egg"):
                return None
            try:
                children = os.listdir(root or ".")
            except OSError:
                if os.path.isfile(root):  # a zip archive
                    return None
                continue
            by_name: dict[str, list[str]] = {}
            for child in children:
                low = child.lower()
                if low.endswith(_SUFFIXES):
                    by_name.setdefault(_normalize(low.rpartition(".")[0].partition("-")[0]), []).append(child)
            for children_of_name in by_name.values():
                for child in children_of_name:
                    stem, ext = os.path.splitext(child)
                    if ext not in _SUFFIXES:
                        raise _Unsure(child)
                    key = _normalize(stem.partition("-")[0])
                    if key in seen:
                        continue
                    seen.add(key)
                    path = os.path.join(root, child)
                    text = _read(os.path.join(path, "entry_points.txt"))
                    if text:
                        found.extend(_entry_points_txt(text, group, Dist(path)))
        for ep in found:
            ep.dist.name, ep.dist.version  # noqa: B018 - read now, so that doubt still falls back
    except (_Unsure, ValueError, OSError):  # ValueError covers undecodable and malformed files
        return None
    return found


def _normalize(name: str) -> str:
    return _NORMALIZE.sub("-", name).lower().replace("-", "_")
