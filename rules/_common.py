"""Helpers shared by the built-in rules: report year, labels, number formatting, prose spans.

Not a rule module: ``registry.FAMILIES`` lists the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from govlint.normalize import first_year
from govlint.span import Span

SECTION_NUMERALS = "一二三四五六"

_TITLE_MARKS = re.compile("[《》]")


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
@dataclass(frozen=True)
class Prose:
    """A run of report prose with its position; ``section`` is a canonical key or None."""

    text: str
    span: Span | None
    section: str | None

    def span_of(self, start: int, end: int) -> Span | None:
        """The source span of ``text[start:end]`` when it can be located exactly.

        Loaders may have trimmed or joined lines, so offsets are trusted only when the text
        fits its span exactly; otherwise the whole run's span is the honest answer.
        """
        span = self.span
        if span is None:
            return None
        text = self.text
        lines = text.split("\n")
        if len(lines) - 1 != span.end_line - span.line:
            return span
        if len(lines) == 1 and span.end_column - span.column != len(text):
            return span
        before = text[:start]
        line = span.line + before.count("\n")
        column = (span.column if "\n" not in before else 1) + len(before.rsplit("\n", 1)[-1])
        inner = text[start:max(end, start + 1)]
        end_line = line + inner.count("\n")
        if "\n" in inner:
            end_column = 1 + len(inner.rsplit("\n", 1)[-1])
        else:
            end_column = column + len(inner)
        return Span(line, column, end_line, end_column)


def _paragraph_runs(paragraphs, section_key):
    for para in paragraphs or ():
        text = getattr(para, "text", None)
        if isinstance(text, str) and text.strip():
            yield Prose(text, getattr(para, "span", None), section_key)
        elif isinstance(para, str) and para.strip():
            yield Prose(para, None, section_key)


def prose(report, include_preamble: bool = True) -> list[Prose]:
    """The report's prose in reading order, tables excluded, each run with its section.

    Uses the sections' paragraphs when the parser kept them (positions), else their text.
    """
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
        for block in report.document.blocks:
            if not isinstance(block, Paragraph):
                continue
            if block.span is None or block.span.line >= first.line:
                break
            if block.text.strip() and block.text.strip() in report.preamble:
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
