from govlint.findings import Finding, Identity, TableCells
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from govlint.format import location
from govlint.format.table3 import row_label

from .._arith import TABLE3_LEGAL_PERSON_SUBTOTAL, table3_legal_subtotal
from .._common import cell_span, plain
from .._readings import mismatch_text, readings_properties
from ._related import layout, reported, see_also


class Table3ApplicantTotal(Rule):
    """In some row of table 三, the 总计 column differs from the sum of the six applicant columns.

    What it checks: for every row (一, 二, each result item, （七）总计, 四), that 总计 equals
    自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他. The format has no
    法人或其他组织 subtotal column; when a report adds one, it must equal 商业企业 + 科研机构 +
    社会公益组织 + 法律服务机构 + 其他 and is checked too. Blank cells count as 0; one finding
    per failing row (and subtotal); a row the table lacks (GL104) is not checked, the others
    are. A glued row is checked over its readings and reported only when none balances it.
    A row whose identity shares a cell with a failing column of GL201 or GL202 names that
    finding and the cell (另见): one wrong cell breaks its row and its column alike.

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
        found = reported(report)
        for m in found["GL203"].values():
            yield Finding(
                mismatch_text(table, m, f"表三“{row_label(m.key)}”行", "六类申请人之和", "总计列"),
                span=cell_span(table, m.key, "total"), location=location("table3", m.key, "total"),
                properties={"row": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), "blank": m.blank, **readings_properties(m)},
                related=see_also(report, self.code, m.key, found),
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=((m.key, "total"),)))
        sub = TABLE3_LEGAL_PERSON_SUBTOTAL
        for m in table3_legal_subtotal(table, layout(report)):
            yield Finding(
                mismatch_text(table, m, f"表三“{row_label(m.key)}”行", "法人或其他组织五列之和", "小计列"),
                span=cell_span(table, m.key, sub), location=location("table3", m.key, sub),
                properties={"row": m.key, "column": sub, "expected": plain(m.expected),
                            "found": plain(m.found), "difference": plain(m.difference), "blank": m.blank,
                            **readings_properties(m)},
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=((m.key, sub),)))
