from govlint.findings import Finding, Identity, TableCells
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from govlint.format import location
from govlint.format.table3 import row_label

from .._arith import TABLE3_LEGAL_PERSON_SUBTOTAL, table3_applicants, table3_legal_subtotal
from .._common import cell_span, fmt, plain, shown
from .._readings import glued_clause, inferred_note, readings_properties, unaffected_note, values_text


class Table3ApplicantTotal(Rule):
    """In some row of table 三, the 总计 column differs from the sum of the six applicant columns.

    What it checks: for every row (一, 二, each result item, （七）总计, 四), that 总计 equals
    自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. The format has no
    法人或其他组织 subtotal column; when a report adds one, it must equal 商业企业 + 科研机构 +
    社会公益组织 + 法律服务机构 + 其他 and is checked too. Blank cells count as 0; one finding
    per failing row (and subtotal); a row the table lacks (GL104) is not checked, the others
    are. A glued row is checked over its readings and reported only when none balances it.

    Why it matters: 总计 is by construction the sum over applicants (国办公开办函〔2021〕30号
    table layout); a row whose total disagrees has a wrong total or a misplaced number.

    Failing example: row 一 with 自然人=5, 商业企业=1 and 总计=5 → ``表三“一、本年新收政府信息
    公开申请数量”行：六类申请人之和=6，总计列=5，相差 1``.

    Passing example: the same row with 总计=6.
    """

    code = "GL203"
    name = "table3-applicant-total"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表三某行：总计≠六类申请人之和"

    def check(self, report, ctx):
        table = report.table("table3")
        if table is None:
            return
        for m in table3_applicants(table):
            label = row_label(m.key)
            if m.glued and None in (m.expected, m.found):
                message = (f"表三“{label}”行：{glued_clause(table, m.glued)}，六类申请人之和"
                           f"（{values_text(m.left)}）都不等于总计列（{values_text(m.right)}）")
            else:
                message = f"表三“{label}”行：六类申请人之和={fmt(m.expected)}，总计列={shown(m)}，相差 {fmt(abs(m.difference))}"
            yield Finding(
                message + unaffected_note(table, m) + inferred_note(m.inferred),
                span=cell_span(table, m.key, "total"), location=location("table3", m.key, "total"),
                properties={"row": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), "blank": m.blank, **readings_properties(m)},
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=((m.key, "total"),)))
        for m in table3_legal_subtotal(table):
            label = row_label(m.key)
            if m.glued and None in (m.expected, m.found):
                message = (f"表三“{label}”行：{glued_clause(table, m.glued)}，法人或其他组织五列之和"
                           f"（{values_text(m.left)}）都不等于小计列（{values_text(m.right)}）")
            else:
                message = f"表三“{label}”行：法人或其他组织五列之和={fmt(m.expected)}，小计列={shown(m)}，相差 {fmt(abs(m.difference))}"
            yield Finding(
                message + unaffected_note(table, m) + inferred_note(m.inferred),
                span=cell_span(table, m.key, TABLE3_LEGAL_PERSON_SUBTOTAL), location=location("table3", m.key, TABLE3_LEGAL_PERSON_SUBTOTAL),
                properties={"row": m.key, "column": TABLE3_LEGAL_PERSON_SUBTOTAL, "expected": plain(m.expected),
                            "found": plain(m.found), "difference": plain(m.difference), "blank": m.blank,
                            **readings_properties(m)},
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),),
                                 marked=((m.key, TABLE3_LEGAL_PERSON_SUBTOTAL),)))
