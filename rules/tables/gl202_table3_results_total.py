from govlint.findings import Finding
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import checkable, table3_results
from .._common import cell_span, fmt, plain, shown


class Table3ResultsTotal(Rule):
    """Table 三's （七）总计 differs from the sum of the result sub-items in some column.

    What it checks: for each of the seven columns, that （七）总计 equals （一）予以公开 +
    （二）部分公开 + the eight （三） items + the three （四） items + the five （五） items +
    the three （六） items (a single （六） row in the 2019 format). Blank cells count as 0;
    one finding per failing column; incomplete tables (GL104) are skipped.

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
        if not checkable(table):
            return
        for m in table3_results(table):
            label = column_label(m.key)
            yield Finding(
                f"表三“{label}”列：第三项（一）至（六）各项之和={fmt(m.expected)}，（七）总计={shown(m)}，"
                f"相差 {fmt(abs(m.difference))}",
                span=cell_span(table, "total", m.key), location=location("table3", "total", m.key),
                properties={"column": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), "blank": m.blank})
