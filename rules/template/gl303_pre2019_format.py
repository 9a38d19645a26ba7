from govlint.findings import Finding, Severity
from govlint.format import pre2019
from govlint.rule import Rule

from .._common import first_span, report_year


class Pre2019Format(Rule):
    """The report uses the 2008–2018 format; the checks of the 2019/2021 template do not apply.

    What it checks: a report with none of the tables 二, 三, 四 of the 2019/2021 template and
    the 附表 of the earlier format (政府信息公开情况统计表, columns 指标名称 | 单位 | 数量, rows
    such as 主动公开政府信息数, 收到申请数, 同意公开答复数, 依申请公开信息收取的费用). One
    finding per report says that the sections, tables, template, fee and prose-vs-table rules
    (GL101–GL104, GL2xx, GL301/GL302, GL401–GL403, GL501/GL502, GL602) were not run. It is
    info for a report year up to 2018; from 2019 on the format is outdated, and the finding is
    a warning saying so.

    Why it matters: reports for 2008–2018 followed 条例（2007年）第三十二条 and their own
    statistical table; judged against 国办公开办函〔2019〕60号 or 〔2021〕30号 they would show
    every section and table as missing, which says nothing about the report. An evaluator
    reading a corpus of old reports needs to know which ones were not checked, and why.

    Failing example (info): a 2017 report whose 附表 reads ``指标名称 | 单位 | 数量`` /
    ``主动公开政府信息数 | 条 | 1256`` / ``收到申请数 | 件 | 32``.

    Passing example: any report with the tables of the 2019 or 2021 format.
    """

    code = "GL303"
    name = "pre-2019-format"
    severity = "info"
    templates = (pre2019.PRE2019,)
    summary = "报告使用2008—2018年度格式，不适用2019/2021年版格式的检查"

    def check(self, report, ctx):
        if report.template != pre2019.PRE2019:
            return
        year = report_year(report)
        message = ("报告使用2008—2018年度的格式（统计表按指标名称、单位列示，没有2019/2021年版的表二、表三、表四），"
                   "未按国办公开办函〔2019〕60号或〔2021〕30号格式检查章节、统计表、收费及正文与表格的一致性")
        severity = Severity.INFO
        if year is not None and year >= 2019:
            severity = Severity.WARNING
            message += f"；但报告年度为{year}年，自2019年度报告起应使用国办公开办函〔2019〕60号或〔2021〕30号格式"
        yield Finding(message, span=first_span(report), location="表格格式 / 2019年以前",
                      severity=severity, properties={"year": year, "found": pre2019.PRE2019})
