"""The cycle collector paused while one file is checked.

A report's model is acyclic by design (``tests/test_lazy_positions.py`` checks that a parsed
page forms no reference cycle): everything a check builds is freed by reference counting the
moment it is dropped. The cycle collector has nothing to find there, but it still runs every
few hundred allocations and, as the objects of a big file pile up, rescans more of them each
time: on a 2.5 MB table it was 40% of the check, growing faster than the file. So it pauses for
the check of one file and resumes after it; whatever garbage a plugin leaves in cycles is
collected then, so memory stays bounded by one file.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's state is restored after it (a
    caller that switched it off keeps it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
