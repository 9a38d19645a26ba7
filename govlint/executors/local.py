"""The built-in ``local`` executor: govlint's own worker processes on this machine (``--jobs``).

Each file is bounded by the per-file time limit and a dead worker costs that file only
(``govlint.workers``).
"""

from __future__ import annotations

from govlint.executors import Executor, ExecutorOptions


class LocalExecutor(Executor):
    name = "local"
    summary = "worker processes on this machine (--jobs)"

    def check(self, paths, checker, options: ExecutorOptions):
        from govlint.engine import lost_result, time_limit_for
        from govlint.workers import check_files

        if not paths:
            return iter(())
        # one file is checked in this process, more in worker processes (``workers.check_files``)
        return check_files(paths, checker, options.jobs, time_limit_for(checker.settings),
                           lambda *lost: lost_result(checker, *lost))
