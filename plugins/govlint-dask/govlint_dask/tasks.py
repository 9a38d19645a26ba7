"""What runs on a dask worker: one batch of files through govlint's own worker process.

A dask worker is a long-lived process, so the plugins are loaded once per distinct settings
and kept (``_CHECKERS``); each batch is then checked by ``govlint.workers`` in a forked
process, with the per-file time limit and crash containment of a local run.
"""

from __future__ import annotations

import os
import pickle
import threading

_CHECKERS: dict[bytes, object] = {}
_LOCK = threading.Lock()


class _working_directory:
    """Inside: the process's working directory is ``cwd`` (if it exists here)."""

    def __init__(self, cwd: str):
        self.cwd, self.before = cwd, None

    def __enter__(self):
        if os.path.isdir(self.cwd):
            self.before = os.getcwd()
            os.chdir(self.cwd)

    def __exit__(self, *exc):
        if self.before is not None:
            os.chdir(self.before)
        return False


def _checker(settings):
    from govlint.engine import Checker
    from govlint.plugin_host import load_plugins

    key = pickle.dumps(settings)
    with _LOCK:
        checker = _CHECKERS.get(key)
        if checker is None:
            checker = _CHECKERS[key] = Checker(load_plugins(settings.plugins), settings)
    return checker


def check_batch(paths: list[str], settings, cwd: str) -> list:
    """Each path's ``FileResult`` (findings and facts, never the parsed report), in order.

    ``cwd`` is the driver's working directory: findings show paths relative to it, and
    ``per-file-ignores`` match them so, exactly as in a local run. The forked checker starts
    there (where the worker's machine has that folder; else paths show in full)."""
    import warnings

    from govlint.engine import lost_result, time_limit_for
    from govlint.workers import check_in_workers

    checker = _checker(settings)
    with _LOCK, _working_directory(cwd), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking a threaded worker: the child runs govlint only
        return list(check_in_workers(paths, checker, 1, time_limit_for(settings),
                                     lambda *lost: lost_result(checker, *lost)))
