from govlint.format import location
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from ._columns import column_findings


class Table3Balance(Rule):
    """Table 三 does not balance in some column: 一 + 二 ≠ 三(七)总计 + 四.

    What it checks: for each of the seven columns (自然人, 商业企业, 科研机构, 社会公益组织,
    法律服务机构, 其他, 总计), that 本年新收 + 上年结转 equals 本年度办理结果（七）总计 +
    结转下年度继续办理. Blank cells count as 0. One finding per failing column; a column
    whose four cells are not all present (a row the table lacks, GL104) is not checked, the
    others are. Cells of a glued digit run are checked over every reading: the column is
    reported only when no reading balances it ("无论如何拆分…"). Two applicant columns that
    fail by +k and −k while 总计 balances are reported once, as GL207. A column whose
    （七）总计 also fails GL202, or whose cell of a row failing GL203, names that finding and
    the shared cell (另见).

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
        yield from column_findings(report, self.code, "第一项+第二项", "第三项（七）总计+第四项",
                                   lambda col: location("table3", column=col))
