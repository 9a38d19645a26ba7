from govlint.format.sections import title
from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

_EXPECTED = (("proactive", "table2", "二", "表二（主动公开政府信息情况）"),
             ("requests", "table3", "三", "表三（收到和处理政府信息公开申请情况）"),
             ("appeals", "table4", "四", "表四（行政复议、行政诉讼情况）"))


class MissingTable(Rule):
    """Section 二, 三 or 四 has no recognisable statistical table.

    What it checks: when the report has section 二, 三 or 四, that section's fixed statistical
    table was recognised (by its row and column labels). A missing section is GL101's, not
    reported again here.

    Why it matters: the three tables are the core of the format (国办公开办函〔2021〕30号,
    and 〔2019〕60号 before it); replacing them by prose, an image or a table of one's own
    making loses the numbers that supervisors compare across agencies and years.

    Failing example: ``三、收到和处理政府信息公开申请情况`` followed only by "本年度未收到申请".

    Passing example: the section followed by the table with ``一、本年新收政府信息公开申请数量``
    … ``四、结转下年度继续办理`` and the seven applicant columns (blank cells allowed).
    """

    code = "GL103"
    name = "missing-table"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "第二、三、四部分缺少可识别的统计表"

    def check(self, report, ctx):
        for key, kind, numeral, name in _EXPECTED:
            section = report.section(key)
            if section is None or report.table(kind) is not None:
                continue
            yield Finding(f"第{numeral}部分“{title(key)}”中未找到可识别的{name}",
                          span=section.span, location=f"{numeral}、{title(key)}",
                          properties={"section": key, "table": kind})
