from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import first_span, has_content, report_year
from ._fees import fee_facts


class MissingFeeStatement(Rule):
    """A report for 2021 or later says nothing about the 信息处理费.

    What it checks: from report year 2021, that the prose contains a statement on charging
    the 信息处理费 to disclosure applicants (信息处理费, 处理费, 收费通知, 对…申请收费,
    信息公开…收费, or a citation of 国办函〔2020〕109号 with 收费/收取), whether a fee was
    charged or not. The
    bare word 收费 does not count: 表二's 行政事业性收费 is a different fee. Reports for 2020
    and earlier are not checked (the fee exists from 2021-01-01).

    Why it matters: 国办函〔2020〕109号 (《政府信息公开信息处理费管理办法》) lets agencies charge
    applicants from 2021, and the 2021 format (国办公开办函〔2021〕30号) is read as asking section
    六 to report it (the number of 收费通知, the amounts). The official wording could not be
    confirmed, hence a warning.

    Failing example: a 2023 report whose section 六 says only "无".

    Passing example: "本年度未收取信息处理费。" or "2023年未发生对政府信息公开申请收费的情况。"
    """

    code = "GL401"
    name = "missing-fee-statement"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "2021年度及以后的报告未说明信息处理费收取情况"

    def check(self, report, ctx):
        year = report_year(report)
        if year is None or year < 2021 or not has_content(report):
            return
        if fee_facts(report).statements:
            return
        section = report.section("other")
        span = section.span if section is not None else first_span(report)
        yield Finding(f"{year}年度报告未说明信息处理费收取情况（如“本年度未收取信息处理费”或发出收费通知的件数和金额）",
                      span=span, location="六、其他需要报告的事项 / 信息处理费",
                      properties={"year": year, "expected": "信息处理费说明", "found": None})
