from govlint.corpus.facts import span
from govlint.findings import Finding
from govlint.format import location
from govlint.format import table2 as format_table2
from govlint.rule import Rule

from .._common import plain
from .._readings import glued_clause, values_text
from ._corpus import cell_values, consecutive_years, name_of, rebuilt

#: the rows of table 二 that count documents issued, repealed and in force
ROWS = ("regulations", "normative")


class InForceChain(Rule):
    """现行有效件数 does not follow from last year's and this year's issued and repealed documents.

    What it checks: for two reports of one agency for consecutive years in the same run,
    both printing the 2021 template's 第二十条第（一）项 (本年制发件数, 本年废止件数,
    现行有效件数), for 规章 and for 行政规范性文件, that last year's 现行有效件数 + this year's
    本年制发件数 − 本年废止件数 = this year's 现行有效件数. Blank cells count as 0; a row with
    a missing or text cell is not checked. Cells of a glued digit run are checked over every
    reading (the three cells of this year's row are linked): a row is reported only when no
    reading satisfies the chain. The finding is on the later report and names the other file.

    Why it matters: the three columns are a stock and its flows; a 现行有效件数 that does not
    follow from last year's means documents were issued or repealed without being counted,
    or the stock is misstated in one of the years. Documents that lapse without being repealed
    (有效期届满) break the chain too: the report should then count them as 废止 or explain.

    Failing example: 2022 规章 现行有效 10; 2023 制发 2, 废止 1, 现行有效 10 →
    ``表二“规章”：上年报告 … 现行有效件数 10 + 本年制发 2 − 本年废止 1 = 11，本年现行有效件数 10``.

    Passing example: 2022 现行有效 10; 2023 制发 2, 废止 1, 现行有效 11.
    """

    code = "GL803"
    name = "in-force-chain"
    severity = "warning"
    scope = "run"
    summary = "上年现行有效件数+本年制发−本年废止≠本年现行有效件数（跨年度）"

    def check_run(self, facts, ctx):
        for previous, current in consecutive_years(facts):
            for row in ROWS:
                before = cell_values(previous, "table2", [((row, "in_force"), 1)])
                flows = cell_values(current, "table2", [((row, "issued"), 1), ((row, "repealed"), -1),
                                                         ((row, "in_force"), -1)])
                if before is None or flows is None or any(-d in before.values for d in flows.values):
                    continue
                yield self._finding(previous, current, row, before, flows)

    def _finding(self, previous, current, row, before, flows):
        label = format_table2.label(row)
        now = rebuilt(current, "table2")
        issued, repealed, in_force = (now.value(row, col) for col in ("issued", "repealed", "in_force"))
        glued = [c for c in (glued_clause(rebuilt(previous, "table2"), before.glued),
                             glued_clause(now, flows.glued)) if c]
        if glued or before.single is None:
            message = (f"表二“{label}”：{'；'.join(glued)}，上年报告 {name_of(previous)} 现行有效件数"
                       f"（{values_text(sorted(before.values))}）加本年制发、减本年废止都不等于本年现行有效件数")
            expected = None
        else:
            expected = before.single + issued - repealed
            message = (f"表二“{label}”：上年报告 {name_of(previous)} 现行有效件数 {before.single} + 本年制发 {issued} − "
                       f"本年废止 {repealed} = {expected}，本年现行有效件数 {in_force}")
        return Finding(message, path=current["path"], location=location("table2", row, "in_force"),
                       span=span(current, "table2", row, "in_force"),
                       properties={"row": row, "other": previous["path"], "other_year": previous.get("year"),
                                   "previous": plain(before.single), "expected": plain(expected),
                                   "found": plain(in_force), "readings": bool(glued)})
