"""No report can make a built-in rule raise, and positions inside prose are exact."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Paragraph
from govlint.report import TableCell
from govlint.span import Span
from govlint_rules._common import Prose
from rule_builders import make_report, run_all

WORDS = ["受理", "申请", "件", "收到", "上年结转", "结转下年度", "予以公开", "行政复议", "行政诉讼", "信息处理费",
         "收费通知", "未收取", "0元", "100元", "万元", "全部办结", "均已按期答复", "2023年", "2019年以来", "《",
         "》", "〈", "<", "国办函【2020】109号", "（", "）", "，", "。", "；", "\n", "其中", "无", "零", "十二",
         "统计期限", "1月1日", "12月31日", "行政事业性收费"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 99999).map(str), st.text(max_size=5)),
                 max_size=30).map("".join)
values = st.one_of(st.none(), st.integers(-5, 10**9), st.decimals(allow_nan=False, allow_infinity=False,
                                                                 places=3, min_value=-10, max_value=10**6))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), year=st.one_of(st.none(), st.integers(1990, 2100)))
def test_rules_never_raise_on_odd_reports(data, year):
    report = make_report(2023, texts={k: data.draw(texts) for k in ("overview", "requests", "other", "problems")},
                         preamble=data.draw(texts))
    report.metadata.year = year
    report.metadata.title = data.draw(st.one_of(st.none(), texts))
    for table in report.tables.values():
        for key, cell in list(table.cells.items()):
            if data.draw(st.booleans()):
                value = data.draw(values)
                raw = data.draw(st.one_of(st.just(""), texts)) if value is None else str(value)
                table.cells[key] = TableCell(cell.row, cell.col, value, raw, cell.span, cell.location)
        table.complete = data.draw(st.booleans())
    findings = run_all(report)
    for f in findings:
        assert f.message and isinstance(f.properties, dict)


def test_prose_span_of_is_exact_when_the_text_fits_its_span():
    text = "按照（国办函【2020】109 号）规定"
    run = Prose(text, Span(7, 3, 7, 3 + len(text)), "other")
    start = text.index("国办函")
    assert run.span_of(start, start + 3) == Span(7, 3 + start, 7, 6 + start)
    two = Prose("第一行\n第二行文字", Span(4, 5, 5, 6), None)
    assert two.span_of(6, 8) == Span(5, 3, 5, 5)
    # a text that does not fit its span (trimmed by a loader) falls back to the whole span
    loose = Prose("abc", Span(1, 1, 1, 10), None)
    assert loose.span_of(1, 2) == Span(1, 1, 1, 10)


def test_paragraph_positions_reach_findings():
    text = "按照（国办函【2020】109号）规定。"
    report = make_report(texts={"other": "本年度未收取信息处理费。"})
    report.section("other").paragraphs.append(Paragraph(text, Span(90, 1, 90, 1 + len(text))))
    found = [f for f in run_all(report) if f.code == "GL701"]
    assert len(found) == 1 and found[0].span == Span(90, 4, 90, 4 + len("国办函【2020】109号"))
