from govlint.findings import Finding, Severity
from govlint.rule import Rule

from govlint.format import table_name

from .._corroborate import corroborated
from .._readings import NARROWINGS

#: the checks that run over the readings of each table's glued cells
_CHECKS = {
    "table2": "GL206",
    "table3": "GL201、GL202、GL203、GL207、GL403、GL501、GL502",
    "table4": "GL204、GL501",
}


class CellsNotSeparable(Rule):
    """Some cells of a statistical table are printed as one digit run that can be cut several ways.

    What it checks: the rows whose digits the source glued together (``230000023`` for seven
    cells) so that more than one split gives the row's cells, each a number without a leading
    zero (``Table.readings``), and rows with too many splits to keep (``Table.unreadable``).
    One finding per table lists the runs, how many readings each has, and which checks ran
    over the readings (those report only what fails under every reading). A row adopted as the
    only reading that balances its own 总计, or (table 二) as the only reading that agrees
    with every number the prose states for it, is named too.

    Why it matters: the published table probably separates its cells; the text the linter read
    does not (a PDF or web-page extraction). This is information, not a defect of the report:
    checks that depend on a glued cell say so in their own findings, and a reader can confirm
    against the original layout.

    Failing example: ``一、本年新收政府信息公开申请数量230000023`` (2|30|0|0|0|0|23,
    23|0|0|0|0|0|23 …).

    Passing example: ``一、本年新收政府信息公开申请数量 23 0 0 0 0 0 23``.
    """

    code = "GL105"
    name = "cells-not-separable"
    severity = "info"
    summary = "统计表部分单元格的数字在来源中连写，可有多种拆分"

    def check(self, report, ctx):
        for kind in ("table2", "table3", "table4"):
            table = corroborated(report) if kind == "table2" else report.table(kind)
            if table is None or not (table.readings or table.unreadable):
                continue
            name = table_name(kind)
            parts = []
            for group in table.readings:
                rows = "、".join(dict.fromkeys(_row_label(table, key) for key in group.cells))
                run = " ".join(group.runs)
                if group.inferred:
                    parts.append(f"“{rows}”的“{run}”有 {group.count} 种拆分，{NARROWINGS.get(group.inferred, '')}")
                else:
                    parts.append(f"“{rows}”的“{run}”有 {group.count} 种拆分")
            parts.extend(table.unreadable)
            ran = f"；{_CHECKS[kind]}已按全部可能的拆分核对，只报告在每种拆分下都不成立的问题" if table.readings else ""
            skipped = "；拆分方式过多的行未读取，涉及这些行的检查未做" if table.unreadable else ""
            yield Finding(f"{name}有单元格的数字在来源中连写、无法确定分隔：" + "；".join(parts) + ran + skipped,
                          span=table.readings[0].span if table.readings else table.span,
                          location=name, severity=Severity.INFO,
                          properties={"table": kind,
                                      "runs": [{"runs": list(g.runs), "cells": [list(k) for k in g.cells],
                                                "readings": g.count, "inferred": g.inferred}
                                               for g in table.readings],
                                      "unreadable": list(table.unreadable)})


def _row_label(table, key) -> str:
    cell = table.get(*key)
    if cell is not None and cell.location:
        parts = cell.location.split(" / ")
        return " / ".join(parts[1:-1]) or parts[-1]
    return key[0]
