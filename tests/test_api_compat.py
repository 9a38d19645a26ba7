"""``govlint.api`` stays backward compatible: a plugin written against the API as the
example plugins first taught it still loads, registers and reports."""

from __future__ import annotations

from pathlib import Path

from govlint.testing import lint_file

REPORT = Path(__file__).parent / "fixtures" / "plugins" / "report.txt"

# Only what the first public API offered: Rule, Finding, Span, hookimpl and the
# register-callback hook. Do not modernise this plugin: it stands for the ones out there.
PLUGIN_ON_THE_FIRST_API = '''
from govlint.api import Finding, Rule, Span, hookimpl


class FeeSentence(Rule):
    """Points at the sentence about the processing fee."""

    code = "OLD101"
    name = "fee-sentence"
    severity = "info"
    summary = "收费说明"

    def check(self, report, ctx):
        for paragraph in report.document.paragraphs():
            if "信息处理费" in paragraph.text:
                yield Finding("说明了信息处理费", span=Span(paragraph.span.line, 1, paragraph.span.line, 3),
                              location="六、其他需要报告的事项")


@hookimpl
def govlint_register_rules(register):
    register(FeeSentence())
'''


def test_a_plugin_on_the_first_api_still_reports(tmp_path):
    plugin = tmp_path / "old_plugin.py"
    plugin.write_text(PLUGIN_ON_THE_FIRST_API, encoding="utf-8")
    fee_line = REPORT.read_text(encoding="utf-8").splitlines().index("本年度未收取信息处理费。") + 1

    findings = lint_file(REPORT, select=["OLD101"], plugins=[plugin])

    assert [(f.code, f.message, f.line, f.location) for f in findings] \
        == [("OLD101", "说明了信息处理费", fee_line, "六、其他需要报告的事项")]
