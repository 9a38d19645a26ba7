from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import fmt, plain
from ._fees import fee_facts


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class ContradictoryFeeStatements(Rule):
    """The report both denies and asserts charging the 信息处理费, or gives two different amounts.

    What it checks: the fee statements of the prose (see GL401). It reports a sentence that
    says nothing was charged (未收取, 没有产生, 未发生, 不存在, 0元 …) alongside one that states
    a collected amount above 0; a denial that any 收费通知 was issued alongside a number of
    notices above 0; and two different collected totals. A notice that was issued but not
    paid ("发出收费通知1件，申请人未缴纳，未收取费用") is consistent and not reported.

    Why it matters: the fee statement is the only place where a reader learns whether
    applicants were charged (国办函〔2020〕109号); two statements that cannot both be true make
    the report unreliable.

    Failing example: "本年度未收取信息处理费。" in section 六 and "共收取信息处理费300元" in
    section 三.

    Passing example: "本年度发出收费通知1件，金额200元，实际收取0元。"
    """

    code = "GL402"
    name = "contradictory-fee-statements"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "信息处理费的说明自相矛盾（既称未收取又称已收取，或金额不一致）"

    def check(self, report, ctx):
        facts = fee_facts(report)
        if facts.denials and facts.collected:
            amount, said = facts.collected[0]
            denial = facts.denials[0]
            yield Finding(f"信息处理费说明矛盾：“{_short(denial.text)}”称未收费，而“{_short(said.text)}”称收取"
                          f"{fmt(amount)}元",
                          span=said.span, location="信息处理费 / 是否收费",
                          properties={"expected": 0, "found": plain(amount), "denial": denial.text,
                                      "assertion": said.text})
        if facts.notice_denials and facts.notices:
            count, said = facts.notices[0]
            denial = facts.notice_denials[0]
            yield Finding(f"收费通知说明矛盾：“{_short(denial.text)}”称未发出收费通知，而“{_short(said.text)}”称发出"
                          f"{count}件",
                          span=said.span, location="信息处理费 / 收费通知",
                          properties={"expected": 0, "found": count, "denial": denial.text,
                                      "assertion": said.text})
        amounts = {}
        for amount, said in facts.totals:
            amounts.setdefault(amount, said)
        if len(amounts) > 1:
            (first, a), (second, b) = list(amounts.items())[:2]
            yield Finding(f"信息处理费金额不一致：“{_short(a.text)}”为{fmt(first)}元，“{_short(b.text)}”为{fmt(second)}元",
                          span=b.span, location="信息处理费 / 金额",
                          properties={"expected": plain(first), "found": plain(second),
                                      "amounts": [plain(x) for x in amounts]})
