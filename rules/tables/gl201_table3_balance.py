from govlint.findings import Finding
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import checkable, table3_balance
from .._common import cell_span, fmt, plain


class Table3Balance(Rule):
    """Table 三 does not balance in some column: 一 + 二 ≠ 三(七)总计 + 四.

    What it checks: for each of the seven columns (自然人, 商业企业, 科研机构, 社会公益组织,
    法律服务机构, 其他, 总计), that 本年新收 + 上年结转 equals 本年度办理结果（七）总计 +
    结转下年度继续办理. Blank cells count as 0. One finding per failing column; tables that
    could not be read completely (GL104) are skipped.

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
        if not checkable(table):
            return
        for m in table3_balance(table):
            label = column_label(m.key)
            yield Finding(
                f"表三“{label}”列：第一项+第二项={fmt(m.expected)}，第三项（七）总计+第四项={fmt(m.found)}，"
                f"相差 {fmt(abs(m.difference))}",
                span=cell_span(table, "total", m.key), location=location("table3", column=m.key),
                properties={"column": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference)})
