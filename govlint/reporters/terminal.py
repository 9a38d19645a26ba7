"""Human output: findings grouped by file with a source excerpt, then a per-rule summary.

rich is imported inside ``write`` so that ``govlint --version`` and the machine formats do
not pay for it. Output is rendered one file at a time into a buffer and written with
``safe_write``, so a stream that cannot encode Chinese gets escapes instead of a traceback.
"""

from __future__ import annotations

import os

from govlint.reporters.base import Reporter
from govlint.reporters.sanitize import one_line, safe_write, visible
from govlint.reporters.statistics import SEVERITY_LABELS, rule_counts, severity_of, summary_line

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

    def write(self, findings, info, out):
        from io import StringIO

        from rich.console import Console

        tty = _isatty(out)
        plain = plain_output(info)
        buffer = StringIO()
        console = Console(
            file=buffer, width=_width(out, tty), soft_wrap=True,
            # force_terminal=None still lets FORCE_COLOR ask for colour in a CI log
            force_terminal=True if tty and not plain else (False if plain else None),
            color_system=None if plain else "auto", no_color=plain,
            highlight=False, markup=False, emoji=False, legacy_windows=False,
        )

        def flush():
            safe_write(out, buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()

        for path, group in _by_path(findings).items():
            self._file(console, path, group)
            flush()
        if findings:
            self._rule_table(console, findings)
        from rich.text import Text

        console.print(Text(summary_line(info.files, findings), style="bold"))
        flush()

    # -- one file -------------------------------------------------------------------------
    def _file(self, console, path, group):
        from rich.text import Text

        # one print per file: rich's per-call overhead dominates with thousands of findings
        lines = [Text.assemble((visible(path), "bold underline"), f"（{len(group)} 个问题）")]
        for finding in group:
            lines.extend(self._finding(finding, console.width))
        lines.append(Text(""))
        console.print(Text("\n").join(lines))

    def _finding(self, f, width: int) -> list:
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
        if f.span is not None and f.snippet:
            lines.extend(self._excerpt(f, width))
        return lines

    def _excerpt(self, f, width: int) -> list:
        from rich.text import Text

        from govlint.reporters.excerpt import excerpt

        number_width = len(str(max(f.span.end_line, f.span.line, 1)))
        indent = "    "
        room = width - len(indent) - number_width - len(GUTTER)
        lines = []
        for line in excerpt(f.snippet, f.span, room):
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


def _by_path(findings) -> dict[str, list]:
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(f.path, []).append(f)
    return groups
