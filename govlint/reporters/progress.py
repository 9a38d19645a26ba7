"""A progress bar on stderr for long terminal runs.

Shown only when it helps and cannot get in the way: stderr is a terminal, at least
``MIN_FILES`` files are checked, and the run is not under pre-commit (which sets
``PRE_COMMIT``; its captured output must stay clean). Otherwise a no-op with the same
interface, so the CLI needs no branches.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator

MIN_FILES = 20

Advance = Callable[[int, int], None]


def _noop(done: int, total: int) -> None:
    pass


def wanted(total: int, enabled: bool, stream) -> bool:
    """Whether a bar would be shown for ``total`` files on ``stream``."""
    if not enabled or total < MIN_FILES or "PRE_COMMIT" in os.environ:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@contextmanager
def progress(total: int, enabled: bool = True, stream=None) -> Iterator[Advance]:
    """Yield ``advance(done, total)``; the engine calls it after each file."""
    stream = sys.stderr if stream is None else stream
    if not wanted(total, enabled, stream):
        yield _noop
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, highlight=False, markup=False, emoji=False)
    bar = Progress(TextColumn("检查"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=console, transient=True)
    with bar:
        task = bar.add_task("检查", total=total)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
