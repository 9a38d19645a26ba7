"""One finding per line: ``path:line:col: CODE message``.

Never wrapped: line breaks and control characters in paths and messages are folded, so
that every finding is exactly one line for grep, editors and problem matchers.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter
from govlint.reporters.sanitize import one_line, safe_write
from govlint.reporters.statistics import statistics_lines, summary_line


def concise_line(f) -> str:
    return f"{one_line(f.path)}:{f.line}:{f.column}: {one_line(f.code)} {one_line(f.message)}"


class ConciseReporter(Reporter):
    name = "concise"
    summary = "one finding per line, never wrapped"

    def write(self, findings, info, out):
        lines = [concise_line(f) for f in findings]
        if info.statistics:
            lines += statistics_lines(findings)
            lines.append(summary_line(info.files, findings))
        if lines:
            safe_write(out, "\n".join(lines) + "\n")
