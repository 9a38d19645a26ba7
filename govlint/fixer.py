"""``govlint check --fix`` and ``--diff``: check, apply the fixes, check again, until stable.

Each file is fixed in this process, in passes: check the current bytes, apply every fix that
does not overlap one taken before it (``govlint.fixes.apply``), and check the result again;
a fix that overlapped waits for the next pass, and the passes stop when nothing changes (at
most ``fixes.MAX_PASSES``). Only findings that the run would report get fixed (selection,
suppressions and per-file ignores apply), and only safe fixes unless ``unsafe`` is given.
Each pass is bounded by the file's time limit; a file that runs out keeps its bytes. Files
are read and rewritten whole, and only when a fix applies, so ``--fix`` on a clean tree writes
nothing. ``--diff`` shows the same result as a unified diff and writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class _OutOfTime(BaseException):
    """Ends a fix pass that ran past the file's limit (a BaseException, so the engine's
    per-rule containment does not swallow it)."""


@dataclass
class Fixed:
    """What fixing one file did: its bytes before and after, and the codes fixed."""

    path: str
    shown: str
    before: bytes
    after: bytes
    codes: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self, source_before: str | None = None) -> str:
        """A unified diff of the decoded texts (decoded as the file was decoded)."""
        import difflib

        def text(data: bytes) -> str:
            for codec in ("utf-8-sig", "gb18030"):
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    continue
            return data.decode("utf-8", "replace")

        old, new = text(self.before), text(self.after)
        return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                            fromfile=f"a/{self.shown}", tofile=f"b/{self.shown}"))


def fix_file(checker, path: str, shown: str, unsafe: bool, seconds: float) -> Fixed | None:
    """Fix one file in passes; None when it cannot be read as a regular file."""
    import os
    import stat

    from govlint.fixes import MAX_PASSES, apply
    from govlint.time_limit import time_limit

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    result = Fixed(path, shown, data, data)
    try:
        with time_limit(seconds, _OutOfTime):
            for _ in range(MAX_PASSES):
                findings, source = checker.check_data(path, result.after)
                wanted = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
                if not wanted:
                    break
                after, applied = apply(result.after, source, [f.fix for f in wanted])
                if not applied or after == result.after:
                    break
                by_fix = {id(f.fix): f.code for f in wanted}
                result.codes.update(by_fix[id(fix)] for fix in applied)
                result.after = after
    except _OutOfTime:
        pass  # what the passes so far made is still a consistent file
    return result


def write(fixed: Fixed) -> None:
    """Replace the file's bytes (through a temporary file beside it, so an interrupted write
    never leaves half a report)."""
    import os
    import tempfile

    folder = os.path.dirname(os.path.abspath(fixed.path))
    handle, temporary = tempfile.mkstemp(prefix=".govlint-fix-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(fixed.after)
        try:
            os.chmod(temporary, os.stat(fixed.path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(temporary, fixed.path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
