from govlint.format.sections import KEYS as SECTION_KEYS
from govlint.format.sections import title
from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import SECTION_NUMERALS, first_span, has_content


class MissingSection(Rule):
    """One of the six required sections of the annual report is absent.

    What it checks: that the report has each of the six top-level sections of the format
    (一、总体情况 … 六、其他需要报告的事项), recognised by heading, whatever their numbering.

    Why it matters: 条例第五十条 lists what every annual report must contain, and the format of
    国办公开办函〔2021〕30号 fixes the six parts; the content "不能遗漏". A missing section is
    usually a missing table or a missing statement on problems and improvements.

    Failing example: a report that goes from ``四、政府信息公开行政复议、行政诉讼情况`` straight
    to ``六、其他需要报告的事项`` (no ``五、存在的主要问题及改进情况``).

    Passing example: the six headings ``一、总体情况`` to ``六、其他需要报告的事项``, each once.
    """

    code = "GL101"
    name = "missing-section"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "缺少年度报告六个部分之一"

    def check(self, report, ctx):
        if not has_content(report):
            return  # GL002 says it once for the whole file
        present = {section.key for section in report.sections}
        for index, key in enumerate(SECTION_KEYS):
            if key in present:
                continue
            numeral = SECTION_NUMERALS[index]
            yield Finding(f"缺少第{numeral}部分“{numeral}、{title(key)}”",
                          span=first_span(report), location=f"{numeral}、{title(key)}",
                          properties={"section": key, "expected": f"{numeral}、{title(key)}"})
