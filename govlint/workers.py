"""Worker processes that check files, each file bounded in time, a dead worker costing one file.

Why not ``concurrent.futures``: a worker that calls ``os._exit`` or is killed breaks a whole
``ProcessPoolExecutor`` (every pending result is lost), and a future cannot be cancelled once it
runs, so a rule caught in an endless loop would hold the run forever. Here each worker is a
long-lived process with its own pipe: the parent sends it a path and the next one (so that it
never waits for the parent between files), waits on all pipes with the nearest deadline as
time-out, and

- when a file's time is up, kills that worker and reports GL000 检查超时 naming the stage the
  worker had reached (it writes its stage into a small shared buffer before each one);
- when a worker dies (``os._exit``, a signal, an out-of-memory kill), reports GL000
  检查进程意外退出 for the file it held;

then starts a fresh worker and goes on, so the other files' results are exactly those of a
serial run. ``--jobs 1`` uses one such worker too (forked once, reused for every file), so a
serial run is bounded in the same way at the cost of one fork.

A run of one file has no other files to protect, and there a worker would cost more than the
check: forking copies every page either process then writes (a fifth of a one-file check's
CPU time). So ``check_files`` checks a single file in the main process, bounded by an interval
timer (``govlint.time_limit``) whose exception no stage can catch: a file past its limit is
the same GL000 检查超时 naming the stage, a loader, parser or rule that raises is GL000 as
everywhere. What only a separate process survives, a rule that ends the process itself
(``os._exit``, a crash of a C extension, an out-of-memory kill), then ends the run with that
status instead of GL000; and as a backstop for code that neither returns nor lets the timer
interrupt it (a loop inside a C extension), ``faulthandler`` ends the process
``BACKSTOP_SECONDS`` after the limit with a traceback on standard error. Where no interval timer
can be used (Windows, a thread other than the main one), one file goes to a worker too.

Workers are forked where the platform can (they inherit the loaded plugins and compiled
patterns), with ``govlint.forked`` rather than multiprocessing, whose imports would cost a
one-file check about as much as lxml's; elsewhere they are spawned by multiprocessing and load
the plugins themselves. A worker notices its
parent's death (``PR_SET_PDEATHSIG`` on Linux, and a watcher thread everywhere) and exits, so
no worker outlives a killed run.

Results come back in the order the paths were given, through a reorder window of bounded size:
a file is sent out only while fewer than ``window`` finished results wait for an earlier one,
so memory does not grow with the number of files.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator

#: size of the shared buffer holding the name of the stage a worker is in (UTF-8, truncated)
STAGE_BYTES = 240
#: paths a worker holds at once: the one it checks, and the next waiting in its pipe
QUEUED = 2
#: how often a worker's watcher thread looks for its parent
PARENT_POLL_SECONDS = 0.5
#: seconds past its limit after which a one-file check that the timer could not interrupt
#: ends the process (``faulthandler``)
BACKSTOP_SECONDS = 5.0


def default_timeout(size: int) -> float:
    """The per-file limit when none is configured: 10 s plus 2 s per MB of the file."""
    return 10.0 + 2.0 * size / (1024 * 1024)


def _context():
    """None where ``os.fork`` exists (workers are made by ``govlint.forked``, which needs no
    multiprocessing), else multiprocessing's spawn context."""
    if hasattr(os, "fork"):
        return None
    import multiprocessing

    return multiprocessing.get_context("spawn")


def _wait(ctx, conns: list, timeout: float) -> list:
    if ctx is None:
        from govlint.forked import wait
    else:
        from multiprocessing.connection import wait
    return wait(conns, timeout=timeout)


# -- the worker's side ------------------------------------------------------------------------
def _die_with_parent(parent: int) -> None:
    """Exit when the parent dies: by the kernel on Linux, by a watcher thread elsewhere."""
    by_kernel = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            by_kernel = libc.prctl(1, int(signal.SIGKILL)) == 0  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)
    if by_kernel:  # no thread waking the worker up to poll
        return
    import threading

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="govlint-parent-watch", daemon=True).start()


def _serve(conn, stage, checker, settings, parent: int) -> None:
    """A worker's loop: receive a path, check it, send the result; ``None`` ends it."""
    _die_with_parent(parent)
    from govlint import regex_cache
    from govlint.verbosity import quiet_libraries

    quiet_libraries(settings.verbose)
    if checker is None:  # spawned: nothing inherited, load the plugins here
        from govlint.engine import Checker
        from govlint.plugin_host import load_plugins

        checker = Checker(load_plugins(settings.plugins), settings)

    marks: dict[str, bytes] = {}  # a few dozen stage names, marked some forty times a file

    def mark(name: str) -> None:
        data = marks.get(name)
        if data is None:
            data = name.encode("utf-8")[:STAGE_BYTES - 1] + b"\0"
            if len(marks) < 1024:
                marks[name] = data
        stage[:len(data)] = data

    checker.on_stage = mark
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        mark("")
        result = checker.check_file(path)
        conn.send(result)
        regex_cache.save()  # a worker never runs exit handlers: store new patterns now


# -- one file, in the main process -----------------------------------------------------------
class _FileTimeout(BaseException):
    """A one-file check ran past its limit: outside ``Exception``, so no stage catches it."""


def check_files(paths: list[str], checker, jobs: int, timeout_for: Callable[[str], float],
                on_lost: Callable[[str, float, str, int | None], object], window: int | None = None) -> Iterator:
    """Each file's result in path order: one file in this process when a time limit can be
    enforced here, else (and for more files) in worker processes (``check_in_workers``)."""
    from govlint.time_limit import usable

    if len(paths) == 1 and usable():
        yield check_in_process(paths[0], checker, timeout_for(paths[0]), on_lost)
        return
    yield from check_in_workers(paths, checker, jobs, timeout_for, on_lost, window)


def check_in_process(path: str, checker, limit: float, on_lost: Callable[[str, float, str, int | None], object]):
    """Check ``path`` here, within ``limit`` seconds: past it, ``on_lost(path, limit, stage, None)``
    as a worker killed at its limit gives. Only in the main thread (``time_limit.usable()``)."""
    import faulthandler

    from govlint.time_limit import time_limit

    stage = [""]
    outer = checker.on_stage

    def mark(name: str) -> None:
        stage[0] = name
        if outer:
            outer(name)

    checker.on_stage = mark
    try:
        faulthandler.dump_traceback_later(limit + BACKSTOP_SECONDS, exit=True, file=2)
    except (OSError, ValueError):  # no usable standard error: the timer alone bounds the check
        pass
    try:
        with time_limit(limit, error=_FileTimeout):
            return checker.check_file(path)
    except _FileTimeout:
        return on_lost(path, limit, stage[0], None)
    finally:
        faulthandler.cancel_dump_traceback_later()
        checker.on_stage = outer


# -- the parent's side ----------------------------------------------------------------------------
class _Worker:
    def __init__(self, ctx, checker, settings):
        if ctx is None:  # forked: inherits the loaded plugins and compiled patterns
            from govlint import forked

            self.conn, child = forked.pipe()
            self.stage = forked.shared_buffer(STAGE_BYTES)
            self.process = forked.Process(_serve, (child, self.stage, checker, settings, os.getpid()),
                                          own=self.conn)
        else:  # spawned: loads the plugins itself
            self.conn, child = ctx.Pipe(duplex=True)
            self.stage = ctx.Array("c", STAGE_BYTES, lock=False)
            self.process = ctx.Process(target=_serve, name="govlint-worker", daemon=True,
                                       args=(child, self.stage, None, settings, os.getpid()))
            self.process.start()
        child.close()
        #: (index, path, limit) of the paths sent and not answered, the one being checked first
        self.jobs: deque = deque()
        #: when the file being checked runs out of time
        self.deadline = 0.0

    def take(self, index: int, path: str, limit: float) -> None:
        """``path`` was sent: its time starts now if the worker has nothing else to do."""
        if not self.jobs:
            self.deadline = time.monotonic() + limit
        self.jobs.append((index, path, limit))

    def finished(self, now: float) -> None:
        """The result of the first path came: the next one's time starts."""
        self.jobs.popleft()
        if self.jobs:
            self.deadline = now + self.jobs[0][2]

    def stage_name(self) -> str:
        return bytes(self.stage[:]).split(b"\0", 1)[0].decode("utf-8", "replace")

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def check_in_workers(paths: list[str], checker, jobs: int, timeout_for: Callable[[str], float],
                     on_lost: Callable[[str, float, str, int | None], object], window: int | None = None) -> Iterator:
    """Check ``paths`` in ``jobs`` worker processes; yield each file's result in path order.

    ``timeout_for(path)`` gives a file's limit in seconds; ``on_lost(path, limit, stage, exitcode)``
    makes the result of a file whose worker was killed at its limit (``exitcode`` None) or died
    on its own (``exitcode`` its exit code, negative for a signal).

    Each worker holds up to ``QUEUED`` paths: the one it checks and the next, waiting in its
    pipe, so that it goes on as soon as it has sent a result instead of sleeping until the
    parent has read it and answered (a sleep and a wake-up on each side cost about as much CPU
    time as reading the file). A file's time starts when the result before it arrives; the
    paths behind a file whose worker is killed or dies go to the next worker, in order.
    """
    ctx = _context()
    jobs = max(1, min(jobs, len(paths)))
    window = window or max(4 * jobs, 16)
    workers = [_Worker(ctx, checker, checker.settings) for _ in range(jobs)]
    done: dict[int, object] = {}
    again: deque = deque()  # (index, path) taken back from a lost worker, sent before the next new one
    sent = emitted = 0
    try:
        while emitted < len(paths):
            for i, worker in enumerate(workers):
                while len(worker.jobs) < QUEUED and (again or (sent < len(paths) and sent - emitted < window)):
                    index, path = again.popleft() if again else (sent, paths[sent])
                    try:
                        worker.conn.send(path)
                    except (OSError, ValueError):  # died while idle: replace it and send again
                        if worker.jobs:  # died with work: its loss is found by reading its pipe
                            again.appendleft((index, path))
                            break
                        worker.stop(kill=True)
                        workers[i] = worker = _Worker(ctx, checker, checker.settings)
                        worker.conn.send(path)
                    worker.take(index, path, timeout_for(path))
                    if index == sent:
                        sent += 1
            busy = [w for w in workers if w.jobs]
            if busy:
                nearest = min(w.deadline for w in busy)
                ready = _wait(ctx, [w.conn for w in busy], max(0.0, nearest - time.monotonic()))
                now = time.monotonic()
                for i, worker in enumerate(workers):
                    if not worker.jobs:
                        continue
                    index, path, limit = worker.jobs[0]
                    if worker.conn in ready:
                        try:
                            done[index] = worker.conn.recv()
                            worker.finished(now)
                            continue
                        except (EOFError, OSError):
                            stage = worker.stage_name()
                            worker.process.join(timeout=5)
                            code = worker.process.exitcode
                            worker.stop(kill=True)
                            done[index] = on_lost(path, limit, stage, code if code is not None else -1)
                    elif now >= worker.deadline:
                        stage = worker.stage_name()
                        worker.stop(kill=True)
                        done[index] = on_lost(path, limit, stage, None)
                    else:
                        continue
                    again.extendleft(reversed([(k, p) for k, p, _ in list(worker.jobs)[1:]]))
                    workers[i] = _Worker(ctx, checker, checker.settings)
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1
    finally:
        for worker in workers:
            worker.stop(kill=bool(worker.jobs))
