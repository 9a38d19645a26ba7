"""Human output: findings grouped by file with a source excerpt, then a per-rule summary.

A finding on table cells shows the part of the table it is about (``table_draw``); any other
finding with a position shows the sentence it points into, markup removed (``excerpt``).

rich is imported inside ``write`` so that ``govlint --version`` and the machine formats do
not pay for it. Output is rendered one file at a time into a buffer and written with
``safe_write``, so a stream that cannot encode Chinese gets escapes instead of a traceback.
"""

from __future__ import annotations

import os

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.sanitize import one_line, safe_write, visible
from govlint.reporters.statistics import SEVERITY_LABELS, Tally, rule_counts, severity_of, summary_line

SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
HIGHLIGHT = "bold red underline"
CARET = "bold red"
GUTTER = " │ "


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _width(stream, tty: bool) -> int:
    if tty:
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            pass
    try:
        return max(int(os.environ.get("COLUMNS", "")), 20)
    except ValueError:
        return 80


def plain_output(info) -> bool:
    """No ANSI codes at all: the user said ``--no-color`` or set ``NO_COLOR`` (no-color.org)."""
    return not info.color or bool(os.environ.get("NO_COLOR"))


class TerminalReporter(Reporter):
    name = "terminal"
    summary = "findings grouped by file with source excerpts and a per-rule summary"
    reads_facts = False

    def open(self, info, out):
        return TerminalSink(self, info, out)

    # -- one file -------------------------------------------------------------------------
    def _file(self, console, path, group, source=None):
        from rich.console import Group
        from rich.text import Text

        # one print per file: rich's per-call overhead dominates with thousands of findings
        lines = [Text.assemble((visible(path), "bold underline"), f"（{len(group)} 个问题）")]
        text_lines = _SourceLines(source, path)
        for finding in group:
            lines.extend(self._finding(finding, console.width, text_lines))
        lines.append(Text(""))
        console.print(Group(*_joined(lines)))

    def _finding(self, f, width: int, text_lines=None) -> list:
        from rich.text import Text

        severity = severity_of(f)
        message = [visible(line) for line in (f.message.splitlines() or [""])]
        lines = [Text.assemble(
            (f"{visible(f.path)}:{f.line}:{f.column}", "bold"), ": ",
            (SEVERITY_LABELS.get(severity, visible(severity)), SEVERITY_STYLES.get(severity, "bold")), " ",
            (visible(f.code), "bold"), " ", message[0])]
        lines.extend(Text("    " + line) for line in message[1:])
        if f.location:
            lines.append(Text.assemble("    ", ("位置：", "dim"), (one_line(f.location), "cyan")))
        for r in getattr(f, "related", ()):
            at = f"（第 {r.span.line} 行）" if r.span is not None else ""
            said = one_line(r.message or r.location)
            label = "" if said.startswith("另见") else "另见："  # the message may name itself so
            lines.append(Text.assemble("    ", (label, "dim"), said,
                                       (one_line(f"  {r.location}" if r.message and r.location else ""), "cyan"),
                                       at))
        table = getattr(f, "table", None)
        if table is not None:
            from govlint.reporters.table_draw import draw

            lines.extend(draw(table, width))
        elif f.span is not None:
            snippet, first = f.snippet, f.span.line
            if not snippet and text_lines is not None:
                snippet, first = text_lines.around(f.span)
            if snippet:
                lines.extend(self._excerpt(f, width, snippet, first))
        return lines

    def _excerpt(self, f, width: int, snippet: str, first: int) -> list:
        from rich.text import Text

        from govlint.reporters.excerpt import excerpt

        number_width = len(str(max(f.span.end_line, f.span.line, 1)))
        indent = "    "
        room = width - len(indent) - number_width - len(GUTTER)
        lines = []
        for line in excerpt(snippet, f.span, room, first):
            text = Text(line.text)
            text.stylize(HIGHLIGHT, line.start, line.end)
            lines.append(Text.assemble((f"{indent}{line.number:>{number_width}}{GUTTER}", "dim"), text))
            if line.caret_width:
                lines.append(Text.assemble(
                    (f"{indent}{'':>{number_width}}{GUTTER}", "dim"),
                    " " * line.caret_offset, ("^" * line.caret_width, CARET)))
        return lines

    # -- the run --------------------------------------------------------------------------
    def _rule_table(self, console, findings):
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold",
                      title="按规则统计", title_justify="left", title_style="bold")
        table.add_column("规则")
        table.add_column("名称")
        table.add_column("级别")
        table.add_column("数量", justify="right")
        for code, name, severity, count in rule_counts(findings):
            table.add_row(visible(code), visible(name),
                          Text(SEVERITY_LABELS.get(severity, visible(severity)), SEVERITY_STYLES.get(severity, "")),
                          str(count))
        console.print(table)


class TerminalSink(Sink):
    """Each file's group printed as soon as the file is done; only counts are kept for the
    per-rule table and the summary line."""

    def __init__(self, reporter, info, out):
        from io import StringIO

        from rich.console import Console

        super().__init__(reporter, info, out)
        tty = _isatty(out)
        plain = plain_output(info)
        self.buffer = StringIO()
        self.console = Console(
            file=self.buffer, width=_width(out, tty), soft_wrap=True,
            # force_terminal=None still lets FORCE_COLOR ask for colour in a CI log
            force_terminal=True if tty and not plain else (False if plain else None),
            color_system=None if plain else "auto", no_color=plain,
            highlight=False, markup=False, emoji=False, legacy_windows=False,
        )
        self.tally = Tally()

    def _flush(self):
        safe_write(self.out, self.buffer.getvalue())
        self.buffer.seek(0)
        self.buffer.truncate()

    def add(self, findings):
        if not findings:
            return
        self.tally.add(findings)
        self.reporter._file(self.console, findings[0].path, findings, self.info.source)
        self._flush()

    def close(self):
        from rich.text import Text

        if self.info.quiet:
            self._flush()
            return
        if len(self.tally):
            self.reporter._rule_table(self.console, self.tally)
        self.console.print(Text(summary_line(self.info.files, self.tally), style="bold"))
        self._flush()


def _joined(parts: list) -> list:
    """Runs of consecutive ``Text`` lines joined into one (rich prints one Text faster than
    many), tables and other renderables kept as they are."""
    from rich.text import Text

    out: list = []
    run: list = []
    for part in parts:
        if isinstance(part, Text):
            run.append(part)
            continue
        if run:
            out.append(Text("\n").join(run))
            run = []
        out.append(part)
    if run:
        out.append(Text("\n").join(run))
    return out


class _SourceLines:
    """The lines of one file's source, read once, and only if a finding needs an excerpt."""

    #: lines of context on each side of a span: a Word export breaks its sentences over many
    #: lines of markup (``passage`` keeps only the sentence)
    CONTEXT = 20

    def __init__(self, source, path: str):
        self.source, self.path, self.lines = source, path, None

    def around(self, span) -> tuple[str, int]:
        """The lines around ``span`` and the number of the first one."""
        if self.lines is None:
            text = None
            if self.source is not None:
                try:
                    text = self.source(self.path)
                except Exception:  # noqa: BLE001 - an excerpt is a convenience, never a failure
                    text = None
            self.lines = text.split("\n") if text else []
        top = max(span.line - 1 - self.CONTEXT, 0)
        bottom = min(max(span.end_line, span.line), span.line + 2) + self.CONTEXT
        return "\n".join(self.lines[top:bottom]), top + 1
