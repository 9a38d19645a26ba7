"""A time limit for code that runs in govlint's own process: plugin imports and their hooks,
and the file of a one-file check.

Files of a run are bounded by killing the worker that checks them (``govlint.workers``), but
plugins are imported in the main process before any worker starts, and a one-file check runs
in the main process too (a worker would cost more than the check). There an interval timer
raises an exception in the code that overran: ``TimeLimitExceeded``, which the plugin host turns
into a warning naming the plugin, or the caller's own ``error``. It needs POSIX signals and
the main thread (``usable()``); elsewhere the code runs unbounded (Python cannot interrupt a
thread from outside), so callers that must be bounded check ``usable()`` first.

Limits nest: an inner limit that would end after the enclosing one is not set (the enclosing
one fires first), and leaving the inner limit puts the enclosing one back with the time it has
left.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

#: seconds a plugin may take to import or to answer one registering hook
PLUGIN_SECONDS = 10.0


class TimeLimitExceeded(Exception):
    """Raised inside code that ran past its limit."""


def usable() -> bool:
    """Whether a limit can be enforced here: POSIX interval timers, and the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, error: type[BaseException] = TimeLimitExceeded):
    """Raise ``error`` in the code running after ``seconds``. An error outside ``Exception``
    (the fuzz harness's, a one-file check's) passes through the engine's containment, which
    turns every ``Exception`` of a stage into GL000 and goes on."""
    if seconds <= 0 or not usable():
        yield
        return
    enclosing, _ = signal.getitimer(signal.ITIMER_REAL)
    if enclosing and enclosing <= seconds:  # the enclosing limit ends first: it stays in charge
        yield
        return

    def expired(signum, frame):
        raise error(f"超过 {seconds:g} 秒仍未完成")

    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if enclosing:  # the enclosing limit goes on with what is left (fires at once if passed)
            signal.setitimer(signal.ITIMER_REAL, max(enclosing - (time.monotonic() - start), 1e-6))
