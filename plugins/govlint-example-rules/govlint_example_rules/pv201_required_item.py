from __future__ import annotations

from govlint.api import Finding, Rule

from govlint_example_rules._text import squeeze


class RequiredItem(Rule):
    """Section 六 does not report an item the province requires.

    Why it matters: provinces ask every agency to report, under 六、其他需要报告的事项,
    how it carried out the year's 政务公开工作要点 (and sometimes more: 人大代表建议和政协
    委员提案办理结果公开情况, …). A report that leaves the item out forces the compiling
    office to chase the agency.

    Options: ``pv-required-items`` (list of phrases, default
    ``[年度政务公开工作要点落实情况]``) and ``pv-required-from`` (first report year the
    requirement applies to, default 2021; reports of unknown year are checked). Matching
    ignores whitespace. A report without section 六 is left to GL101.

    Failing example: a 六、其他需要报告的事项 that only says 本年度未收取信息处理费。

    Passing example: the same section adding 年度政务公开工作要点落实情况：……
    """

    code = "PV201"
    name = "required-item-in-other"
    severity = "warning"
    summary = "第六部分缺少本省要求报告的事项"
    # a province's own requirements: run only where a config selects PV
    default_enabled = False
    options = {"pv-required-items": ["年度政务公开工作要点落实情况"], "pv-required-from": 2021}

    def check(self, report, ctx):
        since = ctx.option("pv-required-from", 2021)
        year = report.metadata.year
        if year is not None and year < since:
            return
        section = report.section("other")
        if section is None:
            return
        text = squeeze(section.heading + section.text)
        where = f"{section.heading.strip()}"
        for item in ctx.option("pv-required-items", self.options["pv-required-items"]):
            if squeeze(str(item)) not in text:
                yield Finding(f"第六部分“其他需要报告的事项”未报告本省要求的“{item}”",
                              span=section.span, location=f"{where} / {item}",
                              properties={"item": str(item)})
