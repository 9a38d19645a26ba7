"""Paths as machine formats write them: relative to the run's root, with ``/`` separators."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def _absolute(path: str) -> str:
    return os.path.abspath(path or ".")


def relative_posix(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` with ``/`` separators, or None when it lies outside."""
    try:
        rel = os.path.relpath(_absolute(path), _absolute(root))
    except ValueError:  # another drive on Windows
        return None
    rel = rel.replace(os.sep, "/")
    if rel == ".." or rel.startswith("../"):
        return None
    return rel


def display_relative(path: str, root: str) -> str:
    """The path for annotations: relative to ``root`` when inside it, else as given."""
    rel = relative_posix(path, root)
    return rel if rel is not None else path.replace(os.sep, "/")


def root_uri(root: str) -> str:
    """``root`` as an absolute ``file:`` URI ending in ``/`` (SARIF's base URI form)."""
    uri = Path(_absolute(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_uri(path: str, root: str) -> tuple[str, bool]:
    """(uri, relative): a percent-encoded URI reference relative to ``root``, or an absolute
    ``file:`` URI for a file outside it.

    Everything but unreserved characters and ``/`` is encoded, so spaces, ``#``, ``%``,
    ``?``, ``:`` and non-ASCII names cannot be misread as URI syntax.
    """
    rel = relative_posix(path, root)
    if rel is None:
        return Path(_absolute(path)).as_uri(), False
    # surrogateescape: an undecodable file name keeps its original bytes
    return quote(rel, safe="/", errors="surrogateescape"), True
