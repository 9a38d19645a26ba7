"""Helpers shared by the built-in rules: report year, labels, number formatting, prose spans.

Not a rule module: ``registry.FAMILIES`` lists the rules.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal

from govlint.lazy_re import lazy_pattern
from govlint.normalize import first_year
from govlint.record import Frozen
from govlint.span import Span

SECTION_NUMERALS = "一二三四五六"

_TITLE_MARKS = lazy_pattern("[《》]")
_NEWLINE = lazy_pattern("\n")


def mask_titles(text: str) -> str:
    """``text`` with what stands inside 《》 (nested ones too) replaced by ``＿``, offsets kept.

    The brackets themselves stay; an unmatched 》 is ignored. Walks from bracket to bracket,
    not character by character.
    """
    if "《" not in text:
        return text
    out, depth, last = [], 0, 0
    for mark in _TITLE_MARKS.finditer(text):
        at = mark.start()
        out.append("＿" * (at - last) if depth else text[last:at])
        out.append(text[at])
        depth = depth + 1 if text[at] == "《" else max(0, depth - 1)
        last = at + 1
    out.append("＿" * (len(text) - last) if depth else text[last:])
    return "".join(out)


def title_year(report) -> int | None:
    """The year printed in the report's title (the report year, by convention)."""
    return first_year(report.metadata.title or "")


def report_year(report) -> int | None:
    """The report year: the parser's, else the title's, else the statistical period's."""
    meta = report.metadata
    if meta.year:
        return meta.year
    year = title_year(report)
    if year:
        return year
    if meta.period is not None:
        return meta.period.end.year
    return None


def has_content(report) -> bool:
    """False for a file where nothing of a report was recognised (GL002 covers it).

    A report in the 2008–2018 format (``report.template == "pre2019"``) is a report even when
    none of the six sections of the 2019/2021 format was recognised.
    """
    return bool(report.sections or report.tables or report.template)


def fmt(value) -> str:
    """A number as a report prints it: ``8``, ``3080.699``, never ``8.0`` or ``1E+1``."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(int(value))
        return format(value.normalize(), "f")
    return str(value)


def shown(m) -> str:
    """The printed side of a mismatch: the number, or a blank cell counted as 0."""
    return "空白（按 0 计）" if getattr(m, "blank", False) else fmt(m.found)


def plain(value):
    """A JSON-friendly number for ``properties``: ints stay ints, Decimals become strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else format(value.normalize(), "f")
    return value


def cell_span(table, row: str, col: str) -> Span | None:
    cell = table.get(row, col)
    if cell is not None and cell.span is not None:
        return cell.span
    return table.span


# --- prose with positions ------------------------------------------------------------------
class Prose(Frozen):
    """A run of report prose with its position; ``section`` is a canonical key or None."""

    _fields = ("text", "span", "section")
    __slots__ = _fields + ("_breaks",)

    def __init__(self, text: str, span: Span | None, section: str | None) -> None:
        set_ = object.__setattr__
        set_(self, "text", text)
        set_(self, "span", span)
        set_(self, "section", section)
        set_(self, "_breaks", None)

    @property
    def _newlines(self) -> list[int]:
        """Offsets of the line breaks in ``text``, found on first use: a finding's span is
        found with a binary search, not by reading the text up to it (many findings in one
        long run were quadratic)."""
        if self._breaks is None:
            object.__setattr__(self, "_breaks", [m.start() for m in _NEWLINE.finditer(self.text)])
        return self._breaks

    def span_of(self, start: int, end: int) -> Span | None:
        """The source span of ``text[start:end]`` when it can be located exactly.

        Loaders may have trimmed or joined lines, so offsets are trusted only when the text
        fits its span exactly; otherwise the whole run's span is the honest answer.
        """
        span = self.span
        if span is None:
            return None
        text, breaks = self.text, self._newlines
        if len(breaks) != span.end_line - span.line:
            return span
        if not breaks and span.end_column - span.column != len(text):
            return span
        start = min(max(start, 0), len(text))
        stop = min(max(end, start + 1), len(text))
        above = bisect_left(breaks, start)  # line breaks before ``start``
        line = span.line + above
        column = (span.column + start) if not above else start - breaks[above - 1]
        inside = bisect_left(breaks, stop) - above  # line breaks inside the stretch
        end_line = line + inside
        if inside:
            end_column = stop - breaks[above + inside - 1]
        else:
            end_column = column + (stop - start)
        return Span(line, column, end_line, end_column)


class _ParagraphProse(Prose):
    """A paragraph's prose: its span is the paragraph's, read when asked for (most never are,
    and the HTML loader finds a position in the source only when it is read)."""

    __slots__ = ("_paragraph",)

    def __init__(self, text: str, paragraph, section: str | None):
        set_ = object.__setattr__
        set_(self, "text", text)
        set_(self, "section", section)
        set_(self, "_breaks", None)
        set_(self, "_paragraph", paragraph)

    @property
    def span(self) -> Span | None:
        return getattr(self._paragraph, "span", None)


def _paragraph_runs(paragraphs, section_key):
    for para in paragraphs or ():
        text = getattr(para, "text", None)
        if isinstance(text, str) and text.strip():
            yield _ParagraphProse(text, para, section_key)
        elif isinstance(para, str) and para.strip():
            yield Prose(para, None, section_key)


def prose(report, include_preamble: bool = True) -> list[Prose]:
    """The report's prose in reading order, tables excluded, each run with its section.

    Uses the sections' paragraphs when the parser kept them (positions), else their text.
    Derived once per report (several rules read it); each caller gets its own list.
    """
    name = "prose" if include_preamble else "prose-body"
    return list(report.view(name, lambda rep: tuple(_prose(rep, include_preamble))))


def _prose(report, include_preamble: bool) -> list[Prose]:
    out: list[Prose] = []
    if include_preamble:
        out.extend(_preamble_runs(report))
    for section in report.sections:
        runs = list(_paragraph_runs(section.paragraphs, section.key))
        if not runs and section.text.strip():
            runs = [Prose(section.text, None, section.key)]
        out.extend(runs)
    return out


def _preamble_runs(report) -> list[Prose]:
    if not report.preamble.strip():
        return []
    from govlint.document import Paragraph

    first = report.sections[0].span if report.sections else None
    runs: list[Prose] = []
    if first is not None and report.document is not None:
        preamble, after = report.preamble, 0
        for block in report.document.blocks:
            if not isinstance(block, Paragraph):
                continue
            if block.span is None or block.span.line >= first.line:
                break
            text = block.text.strip()
            if not text:
                continue
            # blocks come in the preamble's order: looking on from the last one found keeps a
            # long preamble of many blocks linear (a search of the whole made it quadratic)
            at = preamble.find(text, after)
            if at == -1 and text not in preamble:
                continue
            after = max(after, at)
            runs.append(Prose(block.text, block.span, None))
    if not runs:
        runs = [Prose(report.preamble, None, None)]
    return runs


def first_span(report) -> Span | None:
    """A position for whole-report findings: the title, else the first section."""
    if report.metadata.title_span is not None:
        return report.metadata.title_span
    for section in report.sections:
        if section.span is not None:
            return section.span
    return None
