from govlint.format import location
from govlint.format import table2 as t2
from govlint.findings import Finding, Identity, TableCells
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import at_least
from .._common import cell_span, fmt, plain
from .._corroborate import corroborated
from .._readings import glued_clause, inferred_note, values_text


class Table2Implausible(Rule):
    """In 表二, more documents were issued this year than are in force plus repealed.

    What it checks: for the rows 规章 and 行政规范性文件 of the 2021 format, that 本年制发件数 ≤
    现行有效件数 + 本年废止件数. Blank cells count as 0; cells holding text are skipped (GL205).
    Each row is checked on its own: a row of table 二 that is missing or unreadable does not
    stop the check of another. A row glued into one digit run is checked over its readings and
    reported only when every reading breaks the inequality ("无论如何拆分…"); when the prose
    states the row's numbers and exactly one reading agrees with all of them, that reading is
    adopted (``_corroborate``), and a finding relying on it says so.

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
        table = corroborated(report)
        if table is None:
            return
        columns = ("issued", "repealed", "in_force")
        issued_label, in_force_label, repealed_label = map(t2.label, ("issued", "in_force", "repealed"))
        for row in ("regulations", "normative"):
            if any(table.get(row, col) is None for col in columns):
                continue  # a row the table lacks or could not read: only that row is skipped
            excess = at_least(table, [((row, "issued"), 1), ((row, "in_force"), -1), ((row, "repealed"), -1)], 1)
            if excess is None:
                continue
            label = t2.label(row)
            if excess.glued:
                message = (f"表二“{label}”：{glued_clause(table, excess.glued)}，{issued_label}都大于"
                           f"{in_force_label}+{repealed_label}（多出 {values_text(sorted(excess.values))}）")
                properties = {"row": row, "excess": [plain(v) for v in sorted(excess.values)[:50]], "readings": True}
            else:
                issued, repealed, in_force = (table.get(row, col).value or 0 for col in columns)
                message = (f"表二“{label}”：{issued_label}={fmt(issued)}，大于"
                           f"{in_force_label}+{repealed_label}="
                           f"{fmt(in_force)}+{fmt(repealed)}={fmt(in_force + repealed)}")
                properties = {"row": row, "expected": f"<= {plain(in_force + repealed)}", "found": plain(issued)}
            yield Finding(message + inferred_note(excess.inferred),
                          span=cell_span(table, row, "issued"), location=location("table2", row, "issued"),
                          properties=properties,
                          cells=TableCells("table2", (Identity(((row, "issued"),), ((row, "in_force"), (row, "repealed")),
                                                               "<="),), marked=((row, "issued"),)))
