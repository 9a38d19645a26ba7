"""A time limit for code that runs in govlint's own process: plugin imports and their hooks.

Files are bounded by killing the worker that checks them (``govlint.workers``), but plugins
are imported in the main process before any worker starts. There an interval timer raises
``TimeLimitExceeded`` in the code that overran, which the plugin host turns into a warning
naming the plugin. It needs POSIX signals and the main thread; elsewhere the code runs
unbounded (Python cannot interrupt a thread from outside).
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

#: seconds a plugin may take to import or to answer one registering hook
PLUGIN_SECONDS = 10.0


class TimeLimitExceeded(Exception):
    """Raised inside code that ran past its limit."""


@contextmanager
def time_limit(seconds: float, error: type[BaseException] = TimeLimitExceeded):
    """Raise ``error`` in the code running after ``seconds``. An error outside ``Exception``
    (the fuzz harness's) passes through the engine's containment and ends the whole check."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expired(signum, frame):
        raise error(f"超过 {seconds:g} 秒仍未完成")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
