"""Where the store lives, and whether it can be written there.

``.govlint_cache/`` next to the config file (so every run of one project shares it, from
whichever subfolder), else in the working directory; ``--cache-dir`` (or
``GOVLINT_CACHE_DIR``) names another folder. The folder holds a ``.gitignore`` of ``*`` so that
it never shows up in ``git status``. A folder that cannot be made or written turns the cache
off for the run with one warning: the check itself never depends on the cache.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_NAME = ".govlint_cache"
DATABASE_NAME = "govlint.sqlite3"


def default_cache_dir(config_path: Path | None) -> Path:
    base = config_path.parent if config_path is not None else Path.cwd()
    return base / CACHE_DIR_NAME


def prepare(folder: Path) -> str | None:
    """Make ``folder`` ready for the store; the reason in Chinese when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        if not os.access(folder, os.W_OK | os.X_OK):
            return "目录不可写"
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
