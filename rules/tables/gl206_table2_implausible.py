from govlint.format import location
from govlint.format import table2 as t2
from govlint.findings import Finding, Identity, TableCells
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import value
from .._common import cell_span, fmt, plain


class Table2Implausible(Rule):
    """In 表二, more documents were issued this year than are in force plus repealed.

    What it checks: for the rows 规章 and 行政规范性文件 of the 2021 format, that 本年制发件数 ≤
    现行有效件数 + 本年废止件数. Blank cells count as 0; cells holding text are skipped (GL205).
    Each row is checked on its own: a row of table 二 that is missing or unreadable does not
    stop the check of another.

    Why it matters: a document issued this year is either still in force at the end of the
    year or was repealed within it, so 现行有效 ≥ 制发 − 废止 (domain notes §4, heuristic on
    the columns of 国办公开办函〔2021〕30号). Breaking it usually means the columns were
    swapped or 现行有效件数 was left at last year's number.

    Failing example: 行政规范性文件 本年制发件数 5, 本年废止件数 0, 现行有效件数 3.

    Passing example: 本年制发件数 3, 本年废止件数 0, 现行有效件数 34.
    """

    code = "GL206"
    name = "table2-implausible"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表二本年制发件数大于现行有效件数与本年废止件数之和"

    def check(self, report, ctx):
        table = report.table("table2")
        if table is None:
            return
        columns = ("issued", "repealed", "in_force")
        for row in ("regulations", "normative"):
            if any(table.get(row, col) is None for col in columns):
                continue  # a row the table lacks or could not read: only that row is skipped
            issued, repealed, in_force = (value(table, row, col) for col in columns)
            if None in (issued, repealed, in_force) or issued <= in_force + repealed:
                continue
            label = t2.label(row)
            issued_label, in_force_label, repealed_label = map(t2.label, ("issued", "in_force", "repealed"))
            yield Finding(
                f"表二“{label}”：{issued_label}={fmt(issued)}，大于"
                f"{in_force_label}+{repealed_label}="
                f"{fmt(in_force)}+{fmt(repealed)}={fmt(in_force + repealed)}",
                span=cell_span(table, row, "issued"), location=location("table2", row, "issued"),
                properties={"row": row, "expected": f"<= {plain(in_force + repealed)}", "found": plain(issued)},
                cells=TableCells("table2", (Identity(((row, "issued"),), ((row, "in_force"), (row, "repealed")), "<="),),
                                 marked=((row, "issued"),)))
