from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from govlint.format import table_name


class IncompleteTable(Rule):
    """A published statistical table lacks a required row, column or cell.

    What it checks: the problems the parser recorded for each recognised table
    (``Table.problems``): rows or columns of the template that the table does not print, and
    rows that print fewer cells than the template needs (digits too few to fill the row
    however they are cut). One finding per table names every such row. Cells that the source
    prints but does not separate (a glued digit run) are not a lack of the report: GL105
    lists them, and the checks run over their possible readings.

    Why it matters: the format fixes every row and column of the tables (国办公开办函〔2021〕30号);
    a reader cannot check a table with holes. The identities that need a missing row are not
    checked (GL201–GL204 check the others), so this finding also says what was not checked.

    Failing example: a 表三 without the row ``二、上年结转政府信息公开申请数量``.

    Passing example: every row and column of the template, one value (or a blank) per cell.
    """

    code = "GL104"
    name = "incomplete-table"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "发布的统计表缺少必需的行、列或单元格"

    def check(self, report, ctx):
        for kind in ("table2", "table3", "table4"):
            table = report.table(kind)
            if table is None or (table.complete and not table.problems):
                continue
            name = table_name(kind)
            problems = [p for p in table.problems if p] or ["表格结构不完整"]
            yield Finding(f"发布的{name}缺少必需的行或单元格，需要这些行的检查未做：" + "；".join(problems),
                          span=table.span, location=name,
                          properties={"table": kind, "problems": list(problems),
                                      "complete": table.complete})
