"""Section headings, metadata and the JSON form of a Report, on hand-built Documents."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Cell, Document, Grid, Paragraph
from govlint.parser import parse
from govlint.parser.sections import loose_heading
from govlint.parser.serialize import report_cells, report_to_dict
from govlint.span import Span


def _doc(lines, **kw) -> Document:
    source = "\n".join(lines)
    blocks = [Paragraph(t, Span(i + 1, 1, i + 1, len(t) + 1)) for i, t in enumerate(lines) if t]
    return Document(path="r.txt", format="text", source=source, blocks=blocks, **kw)


@pytest.mark.parametrize("heading, number, key", [
    ("一、 总体情况", 1, "overview"),
    (" 二、主动公开政府信息的情况", 2, "proactive"),
    ("二、行政机关主动公开政府信息情况", 2, "proactive"),
    ("三、收到和处理政府信息公开申请情况", 3, "requests"),
    ("四、政府信息公开行政复议及行政诉讼情况", 4, "appeals"),
    ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", 4, "appeals"),
    ("五、政府信息公开工作存在的主要问题及改进情况", 5, "problems"),
    ("五、存在的主要问题和改进情况", 5, "problems"),
    ("七、其他需要报告的事项", 7, "other"),
    ("## 六、其他需要报告的事项", 6, "other"),
])
def test_heading_variants(heading, number, key):
    report = parse(_doc(["前言。", heading, "正文。"]))
    assert [(s.number, s.key) for s in report.sections] == [(number, key)]
    assert report.sections[0].text == "正文。"
    assert report.preamble == "前言。"


@pytest.mark.parametrize("line", [
    "一主动公开情况", "（一）主动公开情况", "一是加强组织领导", "四、结转下年度继续办理",
    "一、本年新收政府信息公开申请数量", "三、本年度办理结果", "二、工作机制保障",
])
def test_not_section_headings(line):
    assert parse(_doc([line])).sections == []


def test_headings_inside_one_glued_line():
    text = ("根据条例编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。一、总体情况2021年，我区…"
            "二、主动公开政府信息情况（有关情况附表）第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
            "规章000行政规范性文件123第二十条第（五）项信息内容本年处理决定数量行政许可7"
            "第二十条第（六）项信息内容本年处理决定数量行政处罚1行政强制0第二十条第（八）项信息内容"
            "本年收费金额（单位：万元）行政事业性收费0三、收到和处理政府信息公开申请情况无。"
            "六、其他需要报告的事项无收费。")
    report = parse(_doc([text]))
    assert [(s.number, s.key) for s in report.sections] == [
        (1, "overview"), (2, "proactive"), (3, "requests"), (6, "other")]
    assert report.section("proactive").text == "（有关情况附表）"
    assert report.section("overview").text == "2021年，我区…"
    table2 = report.table("table2")
    assert table2.value("normative", "in_force") == 3 and table2.value("licensing", "decisions") == 7
    # spans of a heading found inside the line point at the heading itself
    span = report.section("requests").span
    assert text[span.column - 1:span.end_column - 1] == "三、收到和处理政府信息公开申请情况"


def test_headings_never_inside_a_table():
    grid = Grid([[Cell("（七）总计"), *[Cell("0")] * 7],
                 [Cell("四、结转下年度继续办理"), *[Cell("0")] * 7],
                 [Cell("四、政府信息公开行政复议、行政诉讼情况")]])
    doc = Document(path="r.html", format="html", blocks=[
        Paragraph("三、收到和处理政府信息公开申请情况"),
        Grid([[Cell("一、本年新收政府信息公开申请数量"), *[Cell("0")] * 7]]), grid])
    keys = [s.key for s in parse(doc).sections]
    assert keys == ["requests", "appeals"]


def test_loose_heading_needs_keywords_and_a_separator():
    assert loose_heading("四、政府信息公开行政法复议、行政诉讼情况") == (4, "appeals")
    assert loose_heading("五、存在的主要问题及明年工作计划") == (5, "problems")
    assert loose_heading("五监督保障情况") is None
    assert loose_heading("二、依申请公开情况") is None


def test_metadata_from_text():
    doc = _doc(["盘山县石新镇 2024年政府信息公开工作年度报告", "发布时间:2025-01-20 浏览次数:14",
                "本年度报告中所列数据的统计周期为 2024 年 1 月 1 日至 12 月 31 日。", "一、总体情况", "略。"])
    meta = parse(doc).metadata
    assert meta.title == "盘山县石新镇 2024年政府信息公开工作年度报告"
    assert meta.title_span == Span(1, 1, 1, len(meta.title) + 1)
    assert meta.agency == "盘山县石新镇" and meta.year == 2024
    assert meta.published == date(2025, 1, 20)
    assert (meta.period.start, meta.period.end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert meta.period.span.line == 3


@pytest.mark.parametrize("lines, published", [
    (["某县人民政府2025年政府信息公开工作年度报告", "（2026年1月23日）", "一、总体情况"], date(2026, 1, 23)),
    (["一、总体情况", "略。", "某某中心", "2023年1月4日"], date(2023, 1, 4)),
    (["成文时间:2024-02-19", "发布日期:2024-02-20", "一、总体情况"], date(2024, 2, 20)),
    (["发布日期:2024-02-30", "一、总体情况"], None),
])
def test_publication_date(lines, published):
    assert parse(_doc(lines)).metadata.published == published


def test_document_metadata_wins_and_title_is_cleaned():
    doc = _doc(["一、总体情况"], title="平潭综合实验区君山片区管理局2024年政府信息公开工作年度报告_政府信息公开年报_平潭",
               published=date(2025, 1, 24))
    meta = parse(doc).metadata
    assert meta.title == "平潭综合实验区君山片区管理局2024年政府信息公开工作年度报告"
    assert meta.agency == "平潭综合实验区君山片区管理局" and meta.published == date(2025, 1, 24)
    assert parse(_doc(["2023年度某市财政局政府信息公开工作年度报告"])).metadata.agency == "某市财政局"
    assert parse(_doc(["平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函"])).metadata.agency \
        == "平潭综合实验区苏平片区管理局"


def test_year_from_period_then_body():
    assert parse(_doc(["报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。", "一、总体情况"])).metadata.year == 2020
    assert parse(_doc(["一、总体情况", "2022年度，本局认真落实条例。"])).metadata.year == 2022


def test_report_to_dict_shape_and_json():
    from parser_expect import FIXTURES, parse_file

    report = parse_file(FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt")
    data = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    assert set(data) == {"path", "format", "template", "metadata", "sections", "tables"}
    assert data["metadata"] == {"title": "壶关县人民政府2023年政府信息公开工作年度报告", "agency": "壶关县人民政府",
                                "year": 2023, "published": "2024-02-20",
                                "period": {"start": "2023-01-01", "end": "2023-12-31"}}
    assert [s["number"] for s in data["sections"]] == [1, 2, 3, 4, 5, 6]
    assert set(data["sections"][0]) == {"number", "key", "heading", "line"}
    t2, t3, t4 = (data["tables"][k] for k in ("table2", "table3", "table4"))
    assert set(t2) == {"complete", "template", "rows"} and t2["rows"]["fees"]["amount"] == 3080.699
    assert set(t3) == {"complete", "template", "rows", "problems"}
    assert list(t3["rows"])[0] == "new" and t3["rows"]["total"]["natural"] == 19
    assert set(t4) == {"complete", "groups"} and t4["groups"]["review"]["total"] == 0
    cells = list(report_cells(report))
    assert len(cells) == 10 + 25 * 7 + 15             # 表二 10, 表三 25×7, 表四 15
    first = next(c for c in cells if c["table"] == "table3" and c["row"] == "new" and c["col"] == "natural")
    assert first["value"] == 20 and first["raw"] == "20" and first["span"]["line"] > 0
    empty = report_to_dict(parse(Document(path="x.txt", format="text")))
    assert empty["tables"] == {"table2": None, "table3": None, "table4": None} and empty["template"] is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), st.sampled_from(
    ["一、总体情况", "四、结转下年度继续办理", "自然人", "1000001", "（七）总计", "行政复议", "复议后起诉",
     "第二十条第（一）项", "3.其他", "统计期限自2023年1月1日起至2023年2月30日止"])), max_size=30))
def test_parse_never_raises(lines):
    report = parse(_doc(lines))
    json.dumps(report_to_dict(report), ensure_ascii=False)
    list(report_cells(report))
