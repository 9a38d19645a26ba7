"""GitHub Actions workflow commands, one annotation per finding:
``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``.

The runner rejects ``col``/``endColumn`` when ``line`` and ``endLine`` differ and an
``endColumn`` before ``col``, and then drops the annotation silently, so multi-line spans
carry lines only. ``file`` is relative to the run's root (the repository checkout).
"""

from __future__ import annotations

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.paths import display_relative
from govlint.reporters.sanitize import keep_lines, safe_write
from govlint.reporters.statistics import severity_of

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape the message part (after ``::``): ``%``, CR and LF as the runner decodes them;
    every other control, separator or bidi character shown visibly (``keep_lines``)."""
    return keep_lines(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: also ``:`` and ``,``, which separate properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def position(f) -> list[str]:
    span = f.span
    if span is None:
        return ["line=1"]
    line = max(span.line, 1)
    end_line = max(span.end_line, line)
    props = [f"line={line}"]
    if end_line != line:
        return props + [f"endLine={end_line}"]
    col = max(span.column, 1)
    return props + [f"col={col}", f"endLine={end_line}", f"endColumn={max(span.end_column, col)}"]


def annotation(f, root: str) -> str:
    props = [f"file={escape_property(display_relative(f.path, root))}", *position(f),
             f"title={escape_property(f'{f.code} {f.name}'.strip())}"]
    message = f.message + (f"（{f.location}）" if f.location else "")
    return f"::{LEVELS.get(severity_of(f), 'error')} {','.join(props)}::{escape_data(message)}"


class GithubReporter(Reporter):
    name = "github"
    summary = "GitHub Actions annotations"
    reads_facts = False
    reads_tables = False

    def open(self, info, out):
        return GithubSink(self, info, out)


class GithubSink(Sink):
    def add(self, findings):
        if findings:
            safe_write(self.out, "".join(annotation(f, self.info.root) + "\n" for f in findings))

    def close(self):
        pass
