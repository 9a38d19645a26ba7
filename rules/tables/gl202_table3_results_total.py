from govlint.format import location
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from ._columns import column_findings


class Table3ResultsTotal(Rule):
    """Table 三's （七）总计 differs from the sum of the result sub-items in some column.

    What it checks: for each of the seven columns, that （七）总计 equals （一）予以公开 +
    （二）部分公开 + the eight （三） items + the three （四） items + the five （五） items +
    the three （六） items (a single （六） row in the 2019 format). Blank cells count as 0;
    one finding per failing column; a column missing one of those cells (GL104) is not
    checked, the others are. Glued cells are checked over every reading, and a column is
    reported only when no reading balances it. Two applicant columns failing by +k and −k
    while 总计 balances are reported once, as GL207; a column that also fails GL201, or
    crosses a row failing GL203, names that finding and the shared cell (另见).

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
        yield from column_findings(report, self.code, "第三项（一）至（六）各项之和", "（七）总计",
                                   lambda col: location("table3", "total", col), blank=True)
