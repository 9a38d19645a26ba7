"""Tests of the example rule pack, run through the real engine with govlint.testing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from govlint.config import ConfigError
from govlint.api import Document, Metadata, Paragraph, Report, RuleContext, Section, Span
from govlint.testing import assert_cases, codes, lint_text, registry
from govlint_example_rules.pv101_local_deadline import LocalDeadline
from govlint_example_rules.pv201_required_item import RequiredItem
from govlint_example_rules.pv301_preferred_wording import PreferredWording

SEED = (Path(__file__).parent / "data" / "seed000.txt").read_text(encoding="utf-8")
SEED_OTHER = "2023年壶关县未发生对政府信息公开申请收费的情况。"


def seed(published: str | None = None, other: str | None = None, replace: tuple = ()) -> str:
    """Seed 000 (壶关县 2023) with its publication date or section 六 changed."""
    text = SEED
    if published is not None:
        text = text.replace("发布日期:2024-02-20", f"发布日期:{published}")
    if other is not None:
        text = text.replace(SEED_OTHER, other)
    for old, new in replace:
        text = text.replace(old, new)
    return text


def test_the_pack_is_installed_through_the_entry_point():
    reg = registry()
    for code in ("PV101", "PV201", "PV301"):
        assert reg.rules[code].plugin == "govlint-example-rules:example-rules"
    assert reg.options["pv-deadline"].default == "01-20"
    assert reg.options["pv-deadline"].help  # declared through govlint_config_options


# -- PV101 local-deadline ---------------------------------------------------------------------
def _dated_report(year, published):
    doc = Document(path="r.txt", format="text")
    return Report(path="r.txt", format="text", document=doc,
                  metadata=Metadata(year=year, published=published))


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2008, 2030), month=st.integers(1, 12), day=st.integers(1, 28),
       shift=st.integers(-60, 60))
def test_pv101_flags_exactly_the_dates_after_the_deadline(year, month, day, shift):
    deadline = date(year + 1, month, day)
    published = deadline + timedelta(days=shift)
    found = list(LocalDeadline().check(_dated_report(year, published),
                                       RuleContext({"pv-deadline": f"{month:02d}-{day:02d}"})))
    assert len(found) == (1 if shift > 0 else 0)
    if found:
        assert f"逾期 {shift} 天" in found[0].message
        assert deadline.isoformat() in found[0].message


def test_pv101_needs_a_year_and_a_date():
    rule, ctx = LocalDeadline(), RuleContext({"pv-deadline": "01-20"})
    assert list(rule.check(_dated_report(None, date(2024, 5, 1)), ctx)) == []
    assert list(rule.check(_dated_report(2023, None), ctx)) == []


@pytest.mark.parametrize("value", ["0131", "02-30", "13-01", "soon"])
def test_pv101_reports_a_malformed_deadline_instead_of_crashing(value):
    found = list(LocalDeadline().check(_dated_report(2023, date(2024, 1, 1)),
                                       RuleContext({"pv-deadline": value})))
    assert len(found) == 1 and "pv-deadline" in found[0].message and value in found[0].message


def test_pv101_end_to_end_on_seed_000():
    # Seed 000 was published 2024-02-20: late for a 01-20 province, on time for 03-31.
    late = lint_text(seed(), select=["PV101"], options={"pv-deadline": "01-20"})
    assert codes(late) == ["PV101"]
    assert "2024-02-20" in late[0].message and "2024-01-20" in late[0].message
    assert lint_text(seed(), select=["PV101"], options={"pv-deadline": "03-31"}) == []


def test_pv101_option_type_is_checked_like_the_config_file():
    with pytest.raises(ConfigError, match="pv-deadline"):
        lint_text(seed(), select=["PV101"], options={"pv-deadline": 120})


# -- PV201 required-item-in-other ---------------------------------------------------------------
def test_pv201_cases():
    assert_cases(
        "PV201",
        passing=[
            seed(other=SEED_OTHER + "年度政务公开工作要点落实情况：已全部落实。"),
            # whitespace inside the phrase (line wraps in extractions) does not matter
            seed(other=SEED_OTHER + "年度政务公开工作 要点落实情况：已全部落实。"),
        ],
        failing=[(seed(), "年度政务公开工作要点落实情况")],
    )


def test_pv201_items_and_start_year_are_options():
    items = ["年度政务公开工作要点落实情况", "人大代表建议和政协委员提案办理结果公开情况"]
    text = seed(other=SEED_OTHER + "年度政务公开工作要点落实情况：已落实。")
    found = lint_text(text, select=["PV201"], options={"pv-required-items": items})
    assert len(found) == 1 and "提案办理结果" in found[0].message
    # the seed reports 2023: a requirement starting in 2024 does not apply
    assert lint_text(seed(), select=["PV201"], options={"pv-required-from": 2024}) == []


def test_pv201_leaves_a_missing_section_to_gl101():
    heading = "六、其他需要报告的事项"
    report = Report(path="r.txt", format="text", document=Document(path="r.txt", format="text"),
                    sections=[Section(1, "overview", "一、总体情况", "……")])
    assert list(RequiredItem().check(report, RuleContext(dict(RequiredItem.options)))) == []
    report.sections.append(Section(6, "other", heading, "无。", span=Span(9, 1, 9, 12)))
    found = list(RequiredItem().check(report, RuleContext(dict(RequiredItem.options))))
    assert len(found) == 1 and found[0].span == Span(9, 1, 9, 12)


# -- PV301 preferred-wording ---------------------------------------------------------------------
def test_pv301_cases():
    assert_cases(
        "PV301",
        passing=[seed()],
        failing=[
            (seed(replace=[("2023年政府信息公开工作年度报告", "2023年政府信息公开年度报告")]), 2),
            (seed(other="本年度未收取政府信息公开处理费。"), "政府信息公开信息处理费"),
        ],
    )


def test_pv301_points_at_the_phrase():
    text = "六、其他需要报告的事项\n本机关未收取政府信息公开处理费。\n"
    doc = Document(path="r.txt", format="text", source=text,
                   blocks=[Paragraph("本机关未收取政府信息公开处理费。", span=Span(2, 1, 2, 17))])
    report = Report(path="r.txt", format="text", document=doc)
    (finding,) = PreferredWording().check(report, RuleContext(dict(PreferredWording.options)))
    assert finding.span == Span(2, 7, 2, 16)
    assert text.split("\n")[1][finding.span.column - 1:finding.span.end_column - 1] == "政府信息公开处理费"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["甲", "乙。", "新媒体", "政务新媒体", "，"]), max_size=30))
def test_pv301_never_flags_the_preferred_wording_itself(parts):
    text = "".join(parts)
    doc = Document(path="r.txt", format="text", blocks=[Paragraph(text)])
    report = Report(path="r.txt", format="text", document=doc)
    found = list(PreferredWording().check(report, RuleContext({"pv-wording": {"新媒体": "政务新媒体"}})))
    assert len(found) == text.count("新媒体") - text.count("政务新媒体")


def test_pv301_checks_the_title_once():
    title = "示例局2023年政府信息公开年度报告"
    ctx = RuleContext(dict(PreferredWording.options))
    chrome_title = Report(path="r.txt", format="text", document=Document(path="r.txt", format="text"),
                          metadata=Metadata(title=title, title_span=Span(3, 4, 3, 20)))
    (finding,) = PreferredWording().check(chrome_title, ctx)
    assert finding.span == Span(3, 4, 3, 20)
    in_body = Report(path="r.txt", format="text", metadata=Metadata(title=title),
                     document=Document(path="r.txt", format="text", blocks=[Paragraph(title)]))
    assert len(list(PreferredWording().check(in_body, ctx))) == 1
