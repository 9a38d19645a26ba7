"""One finding per line: ``path:line:col: CODE message``.

Never wrapped: line breaks and control characters in paths and messages are folded, so
that every finding is exactly one line for grep, editors and problem matchers.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.sanitize import one_line, safe_write
from govlint.reporters.statistics import Tally, statistics_lines, summary_line


def concise_line(f) -> str:
    return f"{one_line(f.path)}:{f.line}:{f.column}: {one_line(f.code)} {one_line(f.message)}"


class ConciseReporter(Reporter):
    name = "concise"
    summary = "one finding per line, never wrapped"

    def open(self, info, out):
        return ConciseSink(self, info, out)


class ConciseSink(Sink):
    """Each file's lines as soon as the file is done; counts only are kept."""

    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        self.tally = Tally()

    def add(self, findings):
        if findings:
            self.tally.add(findings)
            safe_write(self.out, "".join(concise_line(f) + "\n" for f in findings))

    def close(self):
        if self.info.statistics:
            lines = statistics_lines(self.tally) + [summary_line(self.info.files, self.tally)]
            safe_write(self.out, "\n".join(lines) + "\n")
