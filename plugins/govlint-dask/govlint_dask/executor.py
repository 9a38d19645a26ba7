"""The ``dask`` executor: batches of files checked by dask.distributed workers.

The driver (the ``govlint check`` process) sends batches of paths, never file contents: the
workers must see the files under the same paths (a shared file system) and, for relative
paths, run in the same working directory. A worker checks a batch exactly as ``local`` does:
it loads the plugins once per settings (``tasks.check_batch``) and checks the batch in a
forked govlint worker, so each file keeps its time limit and a crash costs that file only.
Only findings and facts come back: small, picklable, independent of the report's size.

Results are yielded in path order through a bounded window of batches in flight, so the
driver's memory does not grow with the number of files. ``--scheduler ADDRESS`` connects to
a running scheduler; without it a ``LocalCluster`` of ``--jobs`` single-threaded worker
processes is started for the run and closed after it.
"""

from __future__ import annotations

import os
from collections import deque

from govlint.api import Executor, ExecutorOptions, Finding

#: files per task: large enough that dask's per-task cost (a few ms) is small next to the
#: checking, small enough that a lost worker costs few files and the load stays balanced
BATCH = 16
#: batches in flight per worker thread
AHEAD = 3


class DaskExecutor(Executor):
    name = "dask"
    summary = "dask.distributed cluster (--scheduler ADDRESS, or a local cluster of --jobs workers)"

    def check(self, paths, checker, options: ExecutorOptions):
        return _results(list(paths), checker, options)


def _connect(options: ExecutorOptions):
    from distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler), None
    cluster = LocalCluster(n_workers=max(1, options.jobs), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def _results(paths, checker, options: ExecutorOptions):
    if not paths:
        return
    from govlint_dask.tasks import check_batch

    client, cluster = _connect(options)
    try:
        threads = max(1, sum(client.nthreads().values()))
        batches = [[os.path.abspath(p) for p in paths[i:i + BATCH]] for i in range(0, len(paths), BATCH)]
        settings, cwd = checker.settings, os.getcwd()
        pending: deque = deque()
        sent = 0
        while sent < len(batches) or pending:
            while sent < len(batches) and len(pending) < threads * AHEAD:
                pending.append((paths[sent * BATCH:(sent + 1) * BATCH],
                                client.submit(check_batch, batches[sent], settings, cwd, pure=False)))
                sent += 1
            batch, future = pending.popleft()
            try:
                results = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker or a failed task costs its batch
                results = [_failed(checker, path, exc) for path in batch]
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _failed(checker, path: str, exc: BaseException):
    from govlint.engine import FileResult, display_path

    shown = display_path(path)
    finding = Finding(f"dask 执行器未能检查本文件: {type(exc).__name__}: {exc}", code="GL000",
                      location="内部错误", properties={"exception": type(exc).__name__})
    return FileResult(shown, checker._finish([finding], shown, ""))
