from govlint.findings import Finding, Identity, TableCells
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import misassigned_pairs, table3_balance, table3_results
from .._common import cell_span, fmt, plain, shown
from .._readings import glued_clause, inferred_note, readings_properties, unaffected_note, values_text
from ._related import see_also


class Table3ResultsTotal(Rule):
    """Table 三's （七）总计 differs from the sum of the result sub-items in some column.

    What it checks: for each of the seven columns, that （七）总计 equals （一）予以公开 +
    （二）部分公开 + the eight （三） items + the three （四） items + the five （五） items +
    the three （六） items (a single （六） row in the 2019 format). Blank cells count as 0;
    one finding per failing column; a column missing one of those cells (GL104) is not
    checked, the others are. Glued cells are checked over every reading, and a column is
    reported only when no reading balances it. Two applicant columns failing by +k and −k
    while 总计 balances are reported once, as GL207; a column that also fails GL201 names
    that finding (另见).

    Why it matters: the note on （二） ("只计这一情形，不计其他情形") makes every handled
    application count exactly once, so （七） must be the sum of the rows above it
    (国办公开办函〔2021〕30号). A wrong total hides a result that was not counted, or one that
    was counted twice.

    Failing example: 自然人 （一）=4, （四）1=2, （四）3=2, （七）总计=0 → ``表三“自然人”列：
    第三项（一）至（六）各项之和=8，（七）总计=0，相差 8``.

    Passing example: the same items with （七）总计=8.
    """

    code = "GL202"
    name = "table3-results-total"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表三某列：（七）总计≠（一）至（六）各项之和"

    def check(self, report, ctx):
        table = report.table("table3")
        if table is None:
            return
        mismatches = list(table3_results(table))
        paired = {col for pair in misassigned_pairs(mismatches) for col in pair[:2]}
        balance = {m.key for m in table3_balance(table)}
        for m in mismatches:
            if m.key in paired:
                continue  # GL207 reports the pair
            label = column_label(m.key)
            if m.glued and None in (m.expected, m.found):
                message = (f"表三“{label}”列：{glued_clause(table, m.glued)}，第三项（一）至（六）各项之和"
                           f"（{values_text(m.left)}）都不等于（七）总计（{values_text(m.right)}）")
            else:
                message = (f"表三“{label}”列：第三项（一）至（六）各项之和={fmt(m.expected)}，（七）总计={shown(m)}，"
                           f"相差 {fmt(abs(m.difference))}")
            related = see_also(table, "GL201", m.key) if m.key in balance else ()
            yield Finding(
                message + unaffected_note(table, m) + inferred_note(m.inferred),
                span=cell_span(table, "total", m.key), location=location("table3", "total", m.key),
                properties={"column": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), "blank": m.blank, **readings_properties(m)},
                related=related,
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=(("total", m.key),)))
