from govlint.findings import Finding
from govlint.rule import Rule

from .._common import has_content


class NotAnAnnualReport(Rule):
    """Nothing of an annual report was recognised: no section heading and no statistical table.

    Why it matters: a wrong file in a report folder (a notice, a guide, an index page) would
    otherwise be reported as dozens of missing sections. One clear finding says it instead,
    and every other rule is skipped for the file.

    Failing example: a page containing only ``关于开展政务公开培训的通知``.

    Passing example: any text with a heading such as ``一、总体情况`` or a recognisable 表三.
    """

    code = "GL002"
    name = "not-an-annual-report"
    severity = "error"
    summary = "未识别出年度报告的任何章节或统计表"
    needs_report = False  # it is the rule for files that are not reports

    def check(self, report, ctx):
        if not has_content(report):
            yield Finding("未识别出年度报告的任何章节（一、总体情况 等）或统计表，文件可能不是政府信息公开工作年度报告",
                          location="全文")
