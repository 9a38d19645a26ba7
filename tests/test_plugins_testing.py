"""govlint.testing: the helpers plugin authors test their rules with."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.config import ConfigError
from govlint.findings import Finding
from govlint.rule import Rule, rule
from govlint.testing import assert_cases, codes, lint_text, parse_text, registry

REPORT = (Path(__file__).parent / "fixtures" / "plugins" / "report.txt").read_text(encoding="utf-8")


@rule("TST101", "mentions-word", severity="warning", summary="出现指定词语", options={"tst-word": "信息处理费"})
def mentions_word(report, ctx):
    """Reports each paragraph that contains the ``tst-word`` option."""
    for paragraph in report.document.paragraphs():
        if ctx.option("tst-word") in paragraph.text:
            yield Finding(f"出现“{ctx.option('tst-word')}”", span=paragraph.span, location=paragraph.text[:10])


class Crashing(Rule):
    """Raises."""

    code = "TST102"
    name = "crashing"
    summary = "总是出错"

    def check(self, report, ctx):
        raise KeyError("boom")


def test_rules_not_installed_run_through_the_engine():
    found = lint_text(REPORT, rules=[mentions_word], select=["TST"])
    assert codes(found) == ["TST101"]
    assert found[0].severity.name == "WARNING" and found[0].name == "mentions-word"
    assert found[0].span is not None and found[0].span.line == REPORT.split("\n").index("本年度未收取信息处理费。") + 1
    # the installed registry is not changed by a test's extra rules
    assert "TST101" not in registry().rules


def test_options_are_validated_like_the_config_file():
    assert lint_text(REPORT, rules=[mentions_word], select=["TST101"], options={"tst-word": "不存在的词"}) == []
    with pytest.raises(ConfigError, match="tst-word"):
        lint_text(REPORT, rules=[mentions_word], options={"tst-word": 3})
    with pytest.raises(ConfigError, match="no-such-option"):
        lint_text(REPORT, rules=[mentions_word], options={"no-such-option": 1})


def test_a_code_taken_by_an_installed_plugin_is_refused():
    clash = rule("GL001", "clash", summary="重复")(lambda report, ctx: ())
    with pytest.raises(ValueError, match="GL001"):
        registry(rules=[clash])


def test_assert_cases_passes_and_fails_as_it_should():
    other = REPORT.replace("本年度未收取信息处理费。", "本年度情况如上。")
    assert_cases(mentions_word, passing=[other], failing=[REPORT, (REPORT, 1), (REPORT, "信息处理费")])
    with pytest.raises(AssertionError, match="passing case 0"):
        assert_cases(mentions_word, passing=[REPORT])
    with pytest.raises(AssertionError, match="failing case 0: expected a TST101 finding"):
        assert_cases(mentions_word, failing=[other])
    with pytest.raises(AssertionError, match="expected 2 TST101 findings, got 1"):
        assert_cases(mentions_word, failing=[(REPORT, 2)])
    with pytest.raises(AssertionError, match="no TST101 message contains"):
        assert_cases(mentions_word, failing=[(REPORT, "不存在")])


def test_assert_cases_reports_a_crashing_rule():
    with pytest.raises(AssertionError, match="(?s)internal error.*KeyError"):
        assert_cases(Crashing(), passing=[REPORT])


def test_parse_text_gives_the_report():
    report = parse_text(REPORT)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.section("other").text.strip() == "本年度未收取信息处理费。"


def test_unknown_format_names_the_installed_loaders():
    with pytest.raises(ValueError, match="html"):
        lint_text(REPORT, format="no-such-format")


def test_a_selector_that_matches_no_rule_is_an_error_not_an_empty_result():
    import pytest

    from govlint.testing import assert_cases, lint_text

    with pytest.raises(ValueError, match="XJ999"):
        lint_text("一、总体情况\n", select=["XJ999"])
    with pytest.raises(ValueError, match="XJ999"):
        assert_cases("XJ999", passing=["一、总体情况\n"])
