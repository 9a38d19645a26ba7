"""The accounting identities of tables 三 and 四 (domain notes §4), shared by GL201–GL205.

Blank cells count as 0; a cell holding text that is not a number makes every identity it
takes part in unknowable, so those identities are skipped (GL205 reports the cell itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.format import table3 as t3
from govlint.format import table4 as t4

TABLE3_COLUMNS = t3.columns()
TABLE3_APPLICANT_COLUMNS = t3.applicant_columns()
TABLE3_LEGAL_PERSON_COLUMNS = t3.LEGAL_PERSON_COLUMNS
TABLE3_LEGAL_PERSON_SUBTOTAL = t3.LEGAL_PERSON_SUBTOTAL.key

#: placeholders that real reports print for "nothing" (treated as blank, i.e. 0)
BLANK_MARKS = frozenset({"", "-", "—", "–", "－", "--", "——", "/", "／", "\\", "无", "空"})


def is_blank(cell) -> bool:
    return cell is None or (cell.value is None and re.sub(r"\s+", "", cell.raw or "") in BLANK_MARKS)


def is_text(cell) -> bool:
    """A cell that holds something that is not a number (and is not a blank mark)."""
    return cell is not None and cell.value is None and not is_blank(cell)


def value(table, row, col):
    """The number in a cell, 0 when blank or absent, None when the cell holds text."""
    cell = table.get(row, col)
    if cell is None or is_blank(cell):
        return 0
    return cell.value  # None for text


def total(table, cells):
    """The sum of ``cells`` ((row, col) pairs), or None when one of them is text."""
    out = 0
    for row, col in cells:
        v = value(table, row, col)
        if v is None:
            return None
        out += v
    return out


def table3_layout(table) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(rows, result rows) of the template a table 3 follows.

    Decided by the cells the parser found (a single （六） row means the 2019 layout), so a
    hybrid table is checked against what it actually prints.
    """
    rows = {row for row, _ in table.cells}
    template = "2021"
    if not any(row.startswith("other.") for row in rows) and ("other" in rows or table.template == "2019"):
        template = "2019"
    return t3.rows(template), t3.result_rows(template)


@dataclass(frozen=True)
class Mismatch:
    key: str          # the column (GL201/202), row (GL203) or group (GL204) that fails
    expected: object  # what the identity's left side gives
    found: object     # what the table prints on the other side
    blank: bool = False  # the printed total is a blank cell (counted as 0)

    @property
    def difference(self):
        return self.found - self.expected


def checkable(table) -> bool:
    return table is not None and table.complete


def table3_balance(table):
    """一 + 二 = 三(七)总计 + 四, per column."""
    for col in TABLE3_COLUMNS:
        left = total(table, [("new", col), ("carried_over", col)])
        right = total(table, [("total", col), ("carried_forward", col)])
        if left is not None and right is not None and left != right:
            yield Mismatch(col, left, right)


def table3_results(table):
    """(七)总计 = the sum of the result sub-items, per column."""
    _, result_rows = table3_layout(table)
    for col in TABLE3_COLUMNS:
        parts = total(table, [(row, col) for row in result_rows])
        printed = total(table, [("total", col)])
        if parts is not None and printed is not None and parts != printed:
            yield Mismatch(col, parts, printed, is_blank(table.get("total", col)))


def table3_applicants(table):
    """总计 = the six applicant columns, per row."""
    rows, _ = table3_layout(table)
    for row in rows:
        parts = total(table, [(row, col) for col in TABLE3_APPLICANT_COLUMNS])
        printed = total(table, [(row, "total")])
        if parts is not None and printed is not None and parts != printed:
            yield Mismatch(row, parts, printed, is_blank(table.get(row, "total")))


def table3_legal_subtotal(table):
    """An added 法人或其他组织 subtotal = its five sub-columns, per row (when printed)."""
    rows, _ = table3_layout(table)
    for row in rows:
        if table.get(row, TABLE3_LEGAL_PERSON_SUBTOTAL) is None:
            continue
        parts = total(table, [(row, col) for col in TABLE3_LEGAL_PERSON_COLUMNS])
        printed = total(table, [(row, TABLE3_LEGAL_PERSON_SUBTOTAL)])
        if parts is not None and printed is not None and parts != printed:
            yield Mismatch(row, parts, printed, is_blank(table.get(row, TABLE3_LEGAL_PERSON_SUBTOTAL)))


TABLE4_PARTS = t4.parts()


def table4_groups(table):
    """总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group."""
    for group in t4.groups():
        parts = total(table, [(group, outcome) for outcome in TABLE4_PARTS])
        printed = total(table, [(group, "total")])
        if parts is not None and printed is not None and parts != printed:
            yield Mismatch(group, parts, printed, is_blank(table.get(group, "total")))
