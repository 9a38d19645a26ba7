"""One finding per line: ``path:line:col: SEVERITY CODE message``.

Never wrapped: line breaks and control characters in paths and messages are folded, so
that every finding is exactly one line for grep, editors and problem matchers. The severity
(``error``, ``warning``, ``info``) is written in English, as a problem matcher's pattern
expects, so that a blocked commit shows which lines block it. The closing count goes to
standard error (the command line writes it), so standard output holds findings only.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.sanitize import one_line, safe_write
from govlint.reporters.statistics import severity_of


def concise_line(f) -> str:
    return (f"{one_line(f.path)}:{f.line}:{f.column}: {severity_of(f)} {one_line(f.code)} "
            f"{one_line(f.message)}")


class ConciseReporter(Reporter):
    name = "concise"
    summary = "one finding per line, never wrapped"
    reads_facts = False
    reads_tables = False

    def open(self, info, out):
        return ConciseSink(self, info, out)


class ConciseSink(Sink):
    """Each file's lines as soon as the file is done; nothing is kept."""

    def add(self, findings):
        if findings:
            safe_write(self.out, "".join(concise_line(f) + "\n" for f in findings))

    def close(self):
        pass
