"""Source excerpts for the terminal: which text to show for a span and where the caret goes.

Span columns count code points, but a terminal draws CJK characters and most emoji two
cells wide, so every offset on screen is measured with ``rich.cells.cell_len``. Plain lines
that fit the screen are shown as they are. A line of markup, or one wider than the screen
(real HTML often keeps a whole table on one line, some reports are one line), is replaced by
the sentence that holds the span, markup removed (``passage``); a sentence still wider than
the screen is cut to a window around the span, marked with ``...`` (ASCII, so its width is
the same in every locale).
"""

from __future__ import annotations

from dataclasses import dataclass

from govlint.reporters.passage import is_markup, passage
from govlint.reporters.sanitize import visible_char

ELLIPSIS = "..."
MAX_LINES = 3
#: cells of context kept before the span when a long line is cut
LEAD = 12


@dataclass(frozen=True)
class ExcerptLine:
    """One source line as shown: ``text[start:end]`` is the highlighted part, and the
    caret line is ``caret_offset`` spaces then ``caret_width`` carets (0 when the span does
    not touch this line)."""

    number: int
    text: str
    start: int
    end: int
    caret_offset: int
    caret_width: int


def excerpt(snippet: str, span, width: int = 80, first: int | None = None) -> list[ExcerptLine]:
    """What to show of ``snippet`` (source lines from line ``first``, by default ``span.line``)
    for ``span``: the lines it covers when they are plain text that fits the screen, else the
    sentence that holds it with markup removed (``passage``), as one line; nothing when the
    span covers markup only."""
    from rich.cells import cell_len

    width = max(width, 20)
    lines = [raw[:-1] if raw.endswith("\r") else raw for raw in snippet.split("\n")]
    first = max(span.line, 1) if first is None else first
    top = min(max(span.line, 1) - first, len(lines) - 1)
    bottom = min(max(span.end_line - first, top), len(lines) - 1)
    covered = lines[top:bottom + 1]
    if any(is_markup(line) or len(line) > width // 2 and cell_len(line) > width for line in covered):
        return _sentence(lines, top, bottom, span, width, cell_len)
    first = max(span.line, 1)
    last = max(span.end_line, first)
    out = []
    for index, line in enumerate(covered[:MAX_LINES]):
        number = first + index
        if number > last:
            break
        start = span.column - 1 if number == first else 0
        end = span.end_column - 1 if number == last else len(line)
        start = min(max(start, 0), len(line))
        end = min(max(end, start), len(line))
        out.append(_window(number, line, start, end, width, cell_len, point=number == first))
    return out


def _sentence(lines, top, bottom, span, width, cell_len) -> list[ExcerptLine]:
    """The sentence around the span, as one excerpt line numbered as the span's first line."""
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    start = offsets[top] + min(max(span.column - 1, 0), len(lines[top]))
    end = offsets[bottom] + min(max(span.end_column - 1, 0), len(lines[bottom]))
    found = passage("\n".join(lines), start, max(end, start))
    if not found.text:
        return []
    return [_window(max(span.line, 1), found.text, found.start, found.end, width, cell_len, point=True)]


def _window(number, line, start, end, width, cell_len, point) -> ExcerptLine:
    shown = [visible_char(ch) for ch in line]
    cells = [cell_len(s) for s in shown]
    lo, hi = 0, len(line)
    if sum(cells) > width:
        lo, hi = _cut(cells, start, end, width - 2 * len(ELLIPSIS))
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(line) else ""
    before = head + "".join(shown[lo:max(start, lo)])
    marked = "".join(shown[max(start, lo):max(min(end, hi), lo)])
    text = before + marked + "".join(shown[max(min(end, hi), lo):hi]) + tail
    caret_width = cell_len(marked)
    if caret_width == 0 and (end > start or point):
        caret_width = 1  # an empty span, or one at the end of the line: still point at it
    return ExcerptLine(number, text, len(before), len(before) + len(marked),
                       cell_len(before), caret_width)


def _cut(cells: list[int], start: int, end: int, budget: int) -> tuple[int, int]:
    """A window [lo, hi) of characters at most ``budget`` cells wide that shows the start
    of the span with some context before it, and as much of the span as fits."""
    budget = max(budget, 1)
    span_cells = sum(cells[start:end])
    lead = min(LEAD, max(budget - span_cells, 0) // 2) if span_cells < budget else min(LEAD, budget // 4)
    lo, used = start, 0
    while lo > 0 and used + cells[lo - 1] <= lead:
        lo -= 1
        used += cells[lo]
    hi, used = lo, 0
    while hi < len(cells) and used + cells[hi] <= budget:
        used += cells[hi]
        hi += 1
    if hi == lo and hi < len(cells):
        hi += 1  # one character wider than the screen is still shown
    # room left at the end of the line: spend it on context before the span
    while lo > 0 and used + cells[lo - 1] <= budget:
        lo -= 1
        used += cells[lo]
    return lo, hi
