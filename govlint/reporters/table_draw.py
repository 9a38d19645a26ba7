"""A finding's table excerpt (``Finding.table``) drawn for the terminal with rich.

The reader sees the rows and columns the identity involves as the report prints them, the
wrong cell marked, and the identity with its numbers under the table. Rich measures CJK text
by display width, so the columns line up; the wrong cell is marked ``✗`` as well as coloured,
so the mark survives ``--no-color`` and a log that drops escapes. A long list of result rows
(GL202 sums twenty of them) keeps its non-zero rows and folds each run of rows that are all 0.
"""

from __future__ import annotations

from govlint.reporters.sanitize import one_line

MARK = "✗"
MARKED_STYLE = "bold white on red"
FAIL_STYLE = "bold red"
#: tables with more rows than this fold runs of rows that are all 0
MAX_ROWS = 8
INDENT = 4


def draw(view, width: int) -> list:
    """Renderables for ``view`` (a ``TableExcerpt``), indented under the finding."""
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SQUARE, header_style="bold", show_edge=True, pad_edge=True, expand=False)
    table.add_column(one_line(view.name), overflow="fold", max_width=max(12, (width - INDENT) // 3))
    for column in view.columns:
        table.add_column(one_line(column.label), justify="right", overflow="fold")
    blank = [""] * len(view.columns)
    heading = ""
    for row in _rows(view):
        if isinstance(row, int):
            table.add_row(Text(f"（{row} 行均为 0，从略）", style="dim"), *blank)
            continue
        if row.heading and row.heading != heading:  # the heading once, its items under it
            table.add_row(one_line(row.heading), *blank)
        heading = row.heading
        name = one_line(row.name or row.label)
        table.add_row(f"  {name}" if row.heading else name, *(_cell(c) for c in row.cells))
    out = [Padding(table, (0, 0, 0, INDENT), expand=False)]
    if view.identity:
        line = Text.assemble(" " * INDENT, ("勾稽关系：", "dim"), one_line(view.identity))
        line.highlight_regex(r"[≠>]", FAIL_STYLE)
        out.append(line)
    return out


def _cell(cell):
    from rich.text import Text

    text = one_line(cell.shown) if cell.shown else ""
    style = ""
    if cell.blank:
        text, style = "空白", "dim"
    if cell.marked:
        return Text(f"{text} {MARK}", style=MARKED_STYLE)
    return Text(text, style=style)


def _zero(row) -> bool:
    return all(not c.marked and (c.blank or c.values == (0,)) for c in row.cells)


def _rows(view) -> list:
    """The rows to draw: every row of a short table; in a long one, each run of two or more
    rows that are all 0 (and not marked) becomes its length."""
    rows = list(view.rows)
    if len(rows) <= MAX_ROWS:
        return rows
    out: list = []
    run: list = []
    for row in rows + [None]:
        if row is not None and _zero(row):
            run.append(row)
            continue
        out.extend(run if len(run) < 2 else [len(run)])
        run = []
        if row is not None:
            out.append(row)
    return out
