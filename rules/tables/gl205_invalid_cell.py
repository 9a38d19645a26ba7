import re
from decimal import Decimal

from govlint.format import location, table_name
from govlint.format import table2 as t2
from govlint.findings import Finding, Severity, TableCells
from govlint.format.records import TEMPLATES
from govlint.lazy_re import lazy_pattern
from govlint.rule import Rule

from .._arith import is_blank, is_text
from .._common import fmt, plain

#: an amount printed with its unit inside the cell (``251000元``), as 2019-format tables do
_AMOUNT_WITH_UNIT = lazy_pattern(r"^[0-9][0-9,，]*(\.[0-9]+)?(万元|元)$")
#: a number the parser would not read: too many digits to be a count or an amount
_LONG_NUMBER = lazy_pattern(r"^-?(?P<int>[0-9][0-9,]*)(\.[0-9]+)?$")


def _amount_cell(kind: str, cell) -> bool:
    """Cells that hold money, where decimals are normal (表二 收费金额/采购总金额, in 万元)."""
    return kind == "table2" and cell.col in t2.amount_columns()


def _zeros(blanks):
    """The unsafe fix: 0 written over each blank mark (``-``, ``/``, ``无``) whose span holds
    exactly that mark. It changes what the report states (a blank becomes a count of zero),
    so it is applied only with ``--unsafe-fixes``; cells with no text at all get no edit."""
    from govlint.fixes import Edit, Fix

    edits = []
    for cell in blanks:
        mark = cell.raw.strip()
        if not mark:
            continue  # an empty cell: no edit, and its position (worked out on demand) is not read
        span = cell.span
        if span is not None and span.line == span.end_line and span.end_column - span.column == len(mark):
            edits.append(Edit(span, "0", mark))
    return Fix(tuple(edits), safe=False, message="把空白标记写为 0") if edits else None


class InvalidCell(Rule):
    """A numeric cell holds a negative number, a fraction where a count is due, or text.

    What it checks: every cell of tables 二, 三 and 四. Counts must be non-negative
    integers; amounts (表二 本年收费金额, in 万元) may have decimals but not be negative; a cell
    must hold a number or be blank (a dash, a slash or 无 counts as blank). The 2019 format's
    本年增/减 column is a change and may be negative. Blank cells are not errors: they are reported once per
    table, as information, with how many there are (they count as 0 everywhere else).

    Why it matters: the tables of 国办公开办函〔2021〕30号 count applications, documents and
    cases; ``-3``, ``2.5`` or ``见附件`` in such a cell cannot be right, and the arithmetic
    rules cannot check what is not a number. Blank cells are common practice for 0 but leave
    a reader unsure whether 0 was meant.

    Failing example: ``2.5`` in 表三 （一）予以公开 / 自然人; ``若干`` in 表四 行政复议 / 总计.

    Passing example: ``0``, ``12``; ``3080.699`` in 表二 本年收费金额（单位：万元）.
    """

    code = "GL205"
    name = "invalid-cell"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "数值单元格为负数、非整数计数或非数字文字（空白单元格：提示）"

    def check(self, report, ctx):
        for kind in ("table2", "table3", "table4"):
            table = report.table(kind)
            if table is None:
                continue
            name = table_name(kind)
            blanks = []
            for cell in table:
                v = cell.value
                if type(v) is int and v >= 0:
                    continue  # a count, as almost every cell holds
                if cell.values is not None:
                    continue  # several possible values, all digits (GL105 lists the run)
                if is_blank(cell):
                    blanks.append(cell)
                    continue
                where = cell.location or location(kind, cell.row, cell.col)
                marked = TableCells(kind, marked=((cell.row, cell.col),))
                if is_text(cell):
                    if _amount_cell(kind, cell) and _AMOUNT_WITH_UNIT.match(re.sub(r"\s+", "", cell.raw)):
                        continue
                    long = _LONG_NUMBER.match(cell.raw.strip())
                    if long:
                        digits = len(long["int"].replace(",", ""))
                        yield Finding(f"{name}单元格“{where}”的数字有 {digits} 位，不是有效的数值",
                                      span=cell.span, location=where, cells=marked,
                                      properties={"table": kind, "row": cell.row, "col": cell.col,
                                                  "problem": "too_long", "digits": digits})
                        continue
                    yield Finding(f"{name}单元格“{where}”应为数字，实际为“{cell.raw.strip()}”",
                                  span=cell.span, location=where, cells=marked,
                                  properties={"table": kind, "row": cell.row, "col": cell.col,
                                              "problem": "text", "expected": "number",
                                              "found": cell.raw.strip()})
                    continue
                if v < 0 and not (kind == "table2" and cell.col in t2.signed_columns()):
                    yield Finding(f"{name}单元格“{where}”不应为负数，实际为 {fmt(v)}",
                                  span=cell.span, location=where, cells=marked,
                                  properties={"table": kind, "row": cell.row, "col": cell.col,
                                              "problem": "negative", "expected": ">= 0", "found": plain(v)})
                elif isinstance(v, Decimal) and v != v.to_integral_value() and not _amount_cell(kind, cell):
                    yield Finding(f"{name}单元格“{where}”应为整数（件数），实际为 {fmt(v)}",
                                  span=cell.span, location=where, cells=marked,
                                  properties={"table": kind, "row": cell.row, "col": cell.col,
                                              "problem": "fraction", "expected": "integer", "found": plain(v)})
            if blanks:
                first = blanks[0]
                yield Finding(f"{name}有 {len(blanks)} 个空白单元格（共 {len(table.cells)} 个），按 0 计算；"
                              "建议填写 0 以免歧义",
                              span=first.span or table.span, location=f"{name} / 空白单元格",
                              severity=Severity.INFO,
                              properties={"table": kind, "problem": "blank", "blank": len(blanks),
                                          "cells": len(table.cells)},
                              fix=_zeros(blanks))
