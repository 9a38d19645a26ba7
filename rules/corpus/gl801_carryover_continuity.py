from govlint.corpus.facts import span
from govlint.findings import Finding
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.format.table3 import row as table3_row
from govlint.rule import Rule

from .._arith import TABLE3_COLUMNS
from .._common import plain
from .._readings import glued_clause, values_text
from ._corpus import cell_values, consecutive_years, name_of, rebuilt


#: how messages name last year's row 四 (its short name in the format)
FORWARD = table3_row("carried_forward").name


class CarryoverContinuity(Rule):
    """Last year's 结转下年度 does not reappear as this year's 上年结转.

    What it checks: for two reports of one agency (the agency key, ``govlint parse`` shows it;
    config ``agencies`` joins renamed agencies) for consecutive years in the same run, in
    each column of table 三, that last year's 四、结转下年度继续办理 equals this year's
    二、上年结转政府信息公开申请数量. Blank cells count as 0; a column with a missing or text
    cell on either side is not checked. Cells of a glued digit run are checked over every
    reading: a column is reported only when no reading of either report makes the two
    equal. The finding is on the later report and names the other file and both values. A
    report published twice (a page and its text extraction: same agency, year and prose) is
    compared once, through its better-read copy.

    Why it matters: applications carried forward at the end of one year are, by definition,
    the applications carried over at the start of the next (国办公开办函〔2021〕30号, 表三
    第二项 and 第四项). A break means applications were lost, double-counted, or one of the
    two tables is wrong.

    Failing example: 2022 report 结转下年度 总计 3, 2023 report 上年结转 总计 0 →
    ``表三“总计”列：上年报告 2022.txt（2022 年度，某局）结转下年度 3，本年上年结转 0``.

    Passing example: 2022 结转下年度 3, 2023 上年结转 3; or a 2021 report without a 2022 one.
    """

    code = "GL801"
    name = "carryover-continuity"
    severity = "warning"
    scope = "run"
    summary = "上年结转下年度与本年上年结转不一致（跨年度）"

    def check_run(self, facts, ctx):
        for previous, current in consecutive_years(facts):
            for col in TABLE3_COLUMNS:
                before = cell_values(previous, "table3", [(("carried_forward", col), 1)])
                now = cell_values(current, "table3", [(("carried_over", col), 1)])
                if before is None or now is None or before.values & now.values:
                    continue
                yield self._finding(previous, current, col, before, now)

    def _finding(self, previous, current, col, before, now):
        label = column_label(col)
        glued = [clause for clause in (glued_clause(rebuilt(previous, "table3"), before.glued),
                                       glued_clause(rebuilt(current, "table3"), now.glued)) if clause]
        how = f"{'；'.join(glued)}，" if glued else ""
        message = (f"表三“{label}”列：{how}上年报告 {name_of(previous)} {FORWARD} {values_text(sorted(before.values))}，"
                   f"本年上年结转 {values_text(sorted(now.values))}，两者应相等")
        return Finding(message, path=current["path"], location=location("table3", "carried_over", col),
                       span=span(current, "table3", "carried_over", col),
                       properties={"column": col, "other": previous["path"], "other_year": previous.get("year"),
                                   "previous": plain(before.single), "found": plain(now.single),
                                   "readings": bool(glued)})
