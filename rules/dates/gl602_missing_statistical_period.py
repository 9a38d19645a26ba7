from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import first_span, has_content, report_year
from ._dates import states_period


class MissingStatisticalPeriod(Rule):
    """The report does not state its statistical period.

    What it checks: that the report says which period its numbers cover, usually in the
    preamble: "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止". Any
    sentence naming a 统计期限/统计时限/统计期间, or a span from 1月1日 to 12月31日, is accepted.

    Why it matters: the tables count applications, documents and cases over a period; the
    period is the calendar year (DB51/T 2660—2019 §2.1), and the conventional sentence makes
    that explicit. Whether 国办公开办函〔2021〕30号 itself requires the sentence could not be
    confirmed, hence a warning.

    Failing example: a preamble that goes straight from the title to ``一、总体情况``.

    Passing example: "报告所列数据的统计期限自2024年1月1日起至12月31日止。"
    """

    code = "GL602"
    name = "missing-statistical-period"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "未说明统计期限"

    def check(self, report, ctx):
        if not has_content(report) or states_period(report):
            return
        year = report_year(report)
        example = f"自{year}年1月1日起至{year}年12月31日止" if year else "自某年1月1日起至12月31日止"
        yield Finding(f"未说明报告数据的统计期限（如“本年度报告中所列数据的统计期限{example}”）",
                      span=first_span(report), location="前言 / 统计期限",
                      properties={"expected": "统计期限说明", "found": None})
