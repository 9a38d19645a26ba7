"""The text loader's ``key: value`` reading keeps its answers and stays linear on long lines.

``^\\s*([^:：|]{1,12}?)\\s*[:：]\\s*(.*?)\\s*$`` (the plain expression, the oracle here) backtracks
cubically on a run of spaces: a fuzzed report with a 40,000-space line above its
``==== 正文 ====`` mark never finished loading (2,000 spaces already took 5 s).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.loaders.text.chrome_lines import Chrome, crawler_header, key_value
from govlint.testing import codes, lint_text

PLAIN = re.compile(r"^\s*([^:：|]{1,12}?)\s*[:：]\s*(.*?)\s*$")


def plain_key_value(line: str):
    match = PLAIN.match(line)
    return (match.group(1), match.group(2)) if match else None


pieces = st.sampled_from([" ", "\u3000", "\t", "\x1c", "\xa0", ":", "：", "|", "a", "索引号", "发布日期",
                          "2024-01-02", "x" * 13, "=", "正文"])


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
def test_key_value_equals_the_plain_expression(line):
    assert key_value(line) == plain_key_value(line)


def test_a_long_space_run_above_the_body_mark_reads_in_linear_time():
    lines = ["来源：平潭", " " * 50_000, "发布日期：2024-01-02", "==== 正文 ====", "正文第一行"]
    chrome = Chrome()
    assert crawler_header(lines, chrome) == 4
    assert chrome.published is not None and chrome.published.year == 2024
    assert key_value(" " * 50_000 + "x") is None


def test_a_report_with_a_long_space_run_in_its_crawler_header_is_checked():
    report = "标题：某某局2023年政府信息公开工作年度报告\n" + " " * 40_000 + "\n==== 正文 ====\n一、总体情况\n"
    assert "GL000" not in codes(lint_text(report))
