from govlint.findings import Finding, Severity
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import first_span, report_year
from ._template import outdated_markers


class OutdatedTemplate(Rule):
    """The tables use the 2019 format (国办公开办函〔2019〕60号), superseded from the 2021 report year.

    What it checks: labels of the 2019 format in tables 二 and 三: the columns 本年新制作数量,
    本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, a whole-cell 处理决定数量 or a
    truncated 本年新; the rows 其他对外管理服务事项, 第二十条第（九）项, 政府集中采购, 采购项目数量,
    采购总金额; a single-row （六）其他处理 carrying numbers. All labels seen are listed in one
    finding per report. The severity depends on the report year: error from 2021, info for
    2020 and earlier (the format was then correct; the finding only notes that it was
    superseded), warning when the year cannot be determined.

    Why it matters: 国办公开办函〔2021〕30号 replaced the trial format of 〔2019〕60号 from the
    2021 reports on (new 表二 columns 本年制发件数/本年废止件数/现行有效件数, no （九）项, （六）
    split into three). A 2021-or-later report in the old format reports different quantities
    than every other agency's and cannot be compared.

    Failing example: a 2023 report whose 表二 has ``本年新制作数量 | 本年新公开数量 | 对外公开总数量``.

    Passing example: a 2023 report with ``本年制发件数 | 本年废止件数 | 现行有效件数``; a 2020
    report in the 2019 format (info only).
    """

    code = "GL301"
    name = "outdated-template"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表格使用2019年版格式（2021年度起已被国办公开办函〔2021〕30号格式取代）"

    def check(self, report, ctx):
        markers = outdated_markers(report)
        if not markers:
            return
        labels = [m for m, _ in markers]
        listed = "、".join(f"“{m}”" for m in labels)
        year = report_year(report)
        if year is None:
            severity = Severity.WARNING
            message = (f"表格含2019年版格式（国办公开办函〔2019〕60号）的标签：{listed}；无法确定报告年度，"
                       "若为2021年度及以后的报告，应改用国办公开办函〔2021〕30号格式")
        elif year >= 2021:
            severity = Severity.ERROR
            message = (f"{year}年度报告仍使用2019年版格式（国办公开办函〔2019〕60号）的标签：{listed}；"
                       "自2021年度报告起应使用国办公开办函〔2021〕30号格式")
        else:
            severity = Severity.INFO
            message = (f"{year}年度报告使用2019年版格式（国办公开办函〔2019〕60号），对该年度是正确的；"
                       f"该格式自2021年度报告起已被国办公开办函〔2021〕30号格式取代（所见旧格式标签：{listed}）")
        # the first marker that has a position: the later ones' are never worked out
        span = next((s for s in (where.span for _, where in markers) if s is not None), None) \
            or first_span(report)
        yield Finding(message, span=span, location="表格格式 / 2019年版", severity=severity,
                      properties={"year": year, "labels": labels, "expected": "2021", "found": "2019"})
