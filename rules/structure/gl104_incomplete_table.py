from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from govlint.format import table_name


class IncompleteTable(Rule):
    """A statistical table lacks required rows or columns, or its cells cannot be separated.

    What it checks: the problems the parser recorded for each recognised table
    (``Table.problems``): missing rows or columns of the template, or cells that cannot be
    told apart without guessing (for example a text extraction that glued ``5000005``).

    Why it matters: the format fixes every row and column of the tables; a reader cannot
    check a table with holes, and govlint will not guess. The arithmetic rules (GL201–GL204)
    stay silent for an incomplete table, so this finding is the only sign that it was not
    checked.

    Failing example: a 表三 without the row ``二、上年结转政府信息公开申请数量``.

    Passing example: every row and column of the template, one value (or a blank) per cell.
    """

    code = "GL104"
    name = "incomplete-table"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "统计表缺少必需的行或列，或单元格无法可靠区分"

    def check(self, report, ctx):
        for kind in ("table2", "table3", "table4"):
            table = report.table(kind)
            if table is None or (table.complete and not table.problems):
                continue
            name = table_name(kind)
            problems = [p for p in table.problems if p] or ["表格结构不完整"]
            skipped = "，未做算术检查" if not table.complete else ""
            yield Finding(f"{name}不完整{skipped}：" + "；".join(problems),
                          span=table.span, location=name,
                          properties={"table": kind, "problems": list(problems),
                                      "complete": table.complete})
