"""One finding per line: ``path:line:col: CODE message``."""

from __future__ import annotations

from govlint.reporters.base import Reporter


class ConciseReporter(Reporter):
    name = "concise"
    summary = "one finding per line, never wrapped"

    def write(self, findings, info, out):
        for f in findings:
            message = " ".join(f.message.split())
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {message}\n")
        if info.statistics:
            from govlint.reporters.statistics import statistics_lines

            for line in statistics_lines(findings):
                out.write(line + "\n")
