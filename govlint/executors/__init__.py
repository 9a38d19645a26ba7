"""Executors: what runs the per-file stage (load, parse, per-report rules, facts) for a list of files.

The per-file stage is shared-nothing: a file's result depends on its bytes and the run's
settings only, so any executor that gives back each file's ``FileResult`` in the order of the
paths it was given produces exactly the output of a serial run. ``govlint check --executor
NAME`` chooses one; ``local`` (``govlint.executors.local``) is built in, plugins register others
through the ``govlint_register_executors`` hook (``plugins/govlint-dask`` adds ``dask``).
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.hookspecs import hookimpl
from govlint.record import Record


class ExecutorOptions(Record):
    """What the command line tells an executor: ``jobs`` (``--jobs``, already resolved to a
    number) and ``scheduler`` (``--scheduler``, an address for executors that connect to one)."""

    __slots__ = _fields = ("jobs", "scheduler")

    def __init__(self, jobs: int = 1, scheduler: str | None = None) -> None:
        self.jobs = jobs
        self.scheduler = scheduler


class Executor:
    """Runs the per-file stage over many files.

    ``name`` is the ``--executor`` value. ``check(paths, checker, options)`` yields one
    ``FileResult`` per path, in the order of ``paths``, and should keep memory bounded (a
    window of results in flight, not all of them). A file that cannot be checked is a
    ``GL000`` or ``GL001`` finding in its result, never an exception.
    """

    name: str = ""
    summary: str = ""
    plugin: str = ""

    def check(self, paths: list[str], checker, options: ExecutorOptions) -> Iterator:  # pragma: no cover
        raise NotImplementedError


@hookimpl
def govlint_register_executors(register) -> None:
    from govlint.executors.local import LocalExecutor

    register(LocalExecutor())
