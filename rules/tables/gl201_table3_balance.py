from govlint.findings import Finding, Identity, TableCells
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import misassigned_pairs, table3_balance, table3_results
from .._common import cell_span, fmt, plain
from .._readings import glued_clause, inferred_note, readings_properties, unaffected_note, values_text
from ._related import see_also


class Table3Balance(Rule):
    """Table 三 does not balance in some column: 一 + 二 ≠ 三(七)总计 + 四.

    What it checks: for each of the seven columns (自然人, 商业企业, 科研机构, 社会公益组织,
    法律服务机构, 其他, 总计), that 本年新收 + 上年结转 equals 本年度办理结果（七）总计 +
    结转下年度继续办理. Blank cells count as 0. One finding per failing column; a column
    whose four cells are not all present (a row the table lacks, GL104) is not checked, the
    others are. Cells of a glued digit run are checked over every reading: the column is
    reported only when no reading balances it ("无论如何拆分…"). Two applicant columns that
    fail by +k and −k while 总计 balances are reported once, as GL207. A column whose
    （七）总计 also fails GL202 names that finding (另见).

    Why it matters: the identity is printed in the table's own header, "本列数据的勾稽关系为：
    第一项加第二项之和，等于第三项加第四项之和" (国办公开办函〔2021〕30号 and 〔2019〕60号). A
    column that does not balance means applications were lost or counted twice. Checking
    only the 总计 column is not enough: an error in two applicant columns can cancel out.

    Failing example: 自然人 一=8, 二=0, （七）总计=0, 四=0 → ``表三“自然人”列：第一项+第二项=8，
    第三项（七）总计+第四项=0，相差 8``.

    Passing example: 一=20, 二=0, （七）总计=19, 四=1.
    """

    code = "GL201"
    name = "table3-balance"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表三某列：第一项+第二项≠第三项（七）总计+第四项"

    def check(self, report, ctx):
        table = report.table("table3")
        if table is None:
            return
        mismatches = list(table3_balance(table))
        paired = {col for pair in misassigned_pairs(mismatches) for col in pair[:2]}
        results = {m.key for m in table3_results(table)}
        for m in mismatches:
            if m.key in paired:
                continue  # GL207 reports the pair
            label = column_label(m.key)
            if m.glued and None in (m.expected, m.found):
                message = (f"表三“{label}”列：{glued_clause(table, m.glued)}，第一项+第二项（{values_text(m.left)}）"
                           f"都不等于第三项（七）总计+第四项（{values_text(m.right)}）")
            else:
                message = (f"表三“{label}”列：第一项+第二项={fmt(m.expected)}，第三项（七）总计+第四项={fmt(m.found)}，"
                           f"相差 {fmt(abs(m.difference))}")
            related = see_also(table, "GL202", m.key) if m.key in results else ()
            yield Finding(
                message + unaffected_note(table, m) + inferred_note(m.inferred),
                span=cell_span(table, "total", m.key), location=location("table3", column=m.key),
                properties={"column": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), **readings_properties(m)},
                related=related,
                cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=(("total", m.key),)))
