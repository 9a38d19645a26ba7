"""What makes a cached result valid: the file's content and everything else that shapes it.

A file's cached findings and facts are reused only when all of these are unchanged:

- the file's bytes (SHA-256) and the path it is shown under (findings carry the path, and
  ``per-file-ignores`` match it);
- govlint's version and, because a version number does not move while a checkout is edited,
  the size and modification time of every module of govlint and its rule pack;
- each loaded plugin's name and version, and the content of repo-local plugin files (they
  have no version, and are edited in place);
- the settings that change findings or facts, of the run's config and of every nested config:
  selection, what the facts hold (``Checker.facts``) and whether they carry the prose sketch
  (``Checker.sketch``: only when a corpus
  rule reads it and the run has several files), severities, per-file ignores, rule options, agency names,
  the project root (fingerprints are relative to it), and the layout of the facts record.

The per-file time limit is not part of the key: a file that ran out of time is never cached.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree_stamp(package_dir: Path, digest) -> None:
    """Every ``.py`` file under a package by path, size and mtime (cheap: no file is read)."""
    for dirpath, dirnames, filenames in os.walk(package_dir):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(dirpath, name))
                digest.update(f"{dirpath}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode(
                    "utf-8", "surrogatepass"))


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def run_key(checker) -> str:
    """The part of every file's key that is the same for the whole run, as a hex digest
    (``checker``: the run's ``govlint.engine.Checker``)."""
    import govlint
    import govlint_rules

    from govlint import __version__
    from govlint.corpus.facts import FACTS_VERSION

    settings, registry = checker.settings, checker.registry
    digest = hashlib.sha256()
    digest.update(f"govlint {__version__}\n".encode())
    for package in (govlint, govlint_rules):
        _tree_stamp(Path(package.__file__).parent, digest)
    local = set(settings.plugins)
    plugins = []
    for info in registry.plugins:
        stamp = _file_digest(info.source) if info.source in local else ""
        plugins.append([info.name, info.version, stamp, bool(info.error)])
    shape = {
        "plugins": plugins,
        "sketch": bool(checker.sketch),
        # what the facts hold (``Checker.facts``): a record without the corpus part never
        # answers a run whose corpus rules read it
        "facts_kind": getattr(checker, "facts", "corpus"),
        "facts": FACTS_VERSION,
        "settings": _settings_shape(settings),
        # nested configs (each file under one uses its settings): any change re-checks the run
        "nested": {path: _settings_shape(nested) for path, nested in sorted(checker.nested.items())},
    }
    digest.update(json.dumps(shape, sort_keys=True, ensure_ascii=False, default=repr).encode(
        "utf-8", "surrogatepass"))
    return digest.hexdigest()


def _settings_shape(settings) -> dict:
    """The parts of one config's settings that change a file's findings or facts."""
    selection = settings.selection
    return {
        "select": list(selection.select), "ignore": list(selection.ignore),
        "extend_select": list(selection.extend_select),
        "severity": {code: int(level) for code, level in sorted(settings.severity.items())},
        "per_file_ignores": {k: list(v) for k, v in sorted(settings.per_file_ignores.items())},
        "options": settings.options,
        "agencies": settings.agencies,
        "root": os.path.abspath(settings.root),
        # whether table findings carry their excerpt (``Finding.table``)
        "excerpts": getattr(settings, "excerpts", True),
    }
