"""The parser on snippets cut from real reports that it once misread (issue: known misses)."""

from __future__ import annotations

from govlint.testing import parse_text

#: 上海市科委 2024 (../shared/corpus/real/2024_shanghai_kw.md): the PDF extraction glued the cut
#: words of the two-level header of table 四 into one line, before its 15 values
TABLE4_GLUED_HEADER = """\
三、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼
未经复议直接起诉复议后起诉
结果结果其他尚未
总计
总计总计
维持纠正结果审结维持纠正结果审结
| 维持 | 纠正 | 结果 | 审结 | 结果 | 结果 | 其他 | 尚未 | 结果 | 结果 | 其他 | 尚未 |
|---|---|---|---|---|---|---|---|---|---|---|---|
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|

四、存在的主要问题及改进情况
市科委根据机构改革工作安排调整了政务公开栏目。
"""


def test_a_glued_table4_header_is_not_prose_and_the_15_values_are_read():
    report = parse_text(TABLE4_GLUED_HEADER, "markdown")
    table = report.table("table4")
    assert table is not None and table.complete, table and table.problems
    assert table.value("review", "upheld") == 1 and table.value("review", "total") == 1
    assert sum(table.value(group, "total") for group in ("litigation_direct", "litigation_after_review")) == 0
    prose = "\n".join(p.text for s in report.sections for p in s.paragraphs)
    assert "维持纠正" not in prose and "审结" not in prose


def test_a_header_fragment_does_not_swallow_prose_that_follows_a_table4_without_values():
    text = TABLE4_GLUED_HEADER.replace("| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", "")
    report = parse_text(text, "markdown")
    assert not report.table("table4").complete
    appeals = report.section("problems")
    assert appeals is not None and "栏目" in appeals.text
