from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from govlint.format import location
from govlint.format import table3 as t3

from .._arith import achievable, at_least
from .._common import cell_span, fmt, plain
from .._readings import glued_clause, inferred_note, values_text
from ._fees import fee_facts


class FeeVsTable(Rule):
    """A fee statement contradicts table 三.

    What it checks: (1) the prose denies that any 收费通知 was issued, while table 三 row
    （六）2 "申请人逾期未按收费通知要求缴纳费用" is above 0 in the 总计 column (that row counts
    applications dropped after a fee notice went unpaid); (2) the prose says a fee was charged
    or a 收费通知 issued, while table 三 shows no application at all (一 and 二 both 0).
    A plain "未收取信息处理费" with （六）2 > 0 is consistent (the applicant did not pay) and is
    not reported. Each comparison needs its own cells only: a row the table lacks stops the
    comparison that needs it, not the other. Cells of a glued digit run are compared over
    every reading, and a contradiction is reported only when it holds under every one
    ("无论如何拆分…").

    Why it matters: under 国办函〔2020〕109号 a fee can only arise from an application, and an
    application stops when its 收费通知 is not paid; prose and table must tell the same story.

    Failing example: "本年度未发出收费通知。" with （六）2 总计 = 1.

    Passing example: "发出收费通知1件，申请人逾期未缴纳，未收取费用。" with （六）2 总计 = 1.
    """

    code = "GL403"
    name = "fee-vs-table"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "信息处理费说明与表三数据矛盾"

    def check(self, report, ctx):
        table = report.table("table3")
        if table is None:
            return
        facts = fee_facts(report)
        dropped = at_least(table, [(("other.2", "total"), 1)], 1) if facts.notice_denials else None
        if dropped is not None:
            denial = facts.notice_denials[0]
            row = t3.row("other.2")
            shown = fmt(dropped.single) if dropped.single is not None else \
                f"{values_text(sorted(dropped.values))}，都大于 0"
            glued = f"{glued_clause(table, dropped.glued)}，" if dropped.glued else ""
            yield Finding(f"正文称未发出收费通知（“{denial.text}”），但表三{t3.row(row.group).label} 2.“{row.name}”"
                          f"{t3.column_label('total')}{glued}为 {shown}" + inferred_note(dropped.inferred),
                          span=cell_span(table, "other.2", "total"),
                          location=location("table3", "other.2", "total"),
                          properties={"expected": 0, "found": plain(min(dropped.values)), "statement": denial.text})
        # over every reading of glued cells: reported only when each reading gives no application
        received = achievable(table, [(("new", "total"), 1), (("carried_over", "total"), 1)])
        charged = facts.collected[0][1] if facts.collected else (facts.notices[0][1] if facts.notices else None)
        if charged is not None and received is not None and received.values == {0}:
            yield Finding(f"正文称收取了信息处理费或发出了收费通知（“{charged.text}”），但表三{t3.row('new').name}和"
                          f"{t3.row('carried_over').name}的申请均为 0",
                          span=charged.span, location="信息处理费 / 申请数量",
                          properties={"expected": "申请数 > 0", "found": 0, "statement": charged.text})
