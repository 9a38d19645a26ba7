"""The HTML loader: decoding, grids, spans, chrome, robustness."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Document, Grid, Paragraph
from govlint.loaders.decode import decode_bytes, declared_charset
from govlint.loaders.html import HtmlLoader
from govlint.loaders.html.grid import MAX_SPAN

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"


def load(html: str | bytes, name: str = "page.html") -> Document:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return HtmlLoader().load(name, data)


def codes(doc: Document) -> list[str]:
    return [p.code for p in doc.problems]


def source_slice(doc: Document, span) -> str:
    assert span.line == span.end_line
    return doc.source.splitlines()[span.line - 1][span.column - 1:span.end_column - 1]


# -- decoding ---------------------------------------------------------------------------------
def test_gbk_page_labelled_gb2312_keeps_gbk_only_characters():
    text = '<html><head><meta charset="gb2312"></head><body><p>王堃同志与朱镕基文选，共计12件。</p></body></html>'
    doc = load(text.encode("gbk"))
    assert doc.paragraphs()[0].text == "王堃同志与朱镕基文选，共计12件。"
    assert codes(doc) == []  # a GB label is read as gb18030, which is right


def test_utf8_declared_but_gb18030_bytes_is_gl003_with_correct_text():
    text = '<html><head><meta charset="utf-8"></head><body><p>政府信息公开工作年度报告</p></body></html>'
    doc = load(text.encode("gb18030"))
    assert doc.paragraphs()[0].text == "政府信息公开工作年度报告"
    assert codes(doc) == ["GL003"]
    assert doc.problems[0].properties["actual"] == "gb18030"


def test_gb_label_on_utf8_bytes_is_gl003_not_mojibake():
    text = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>总体情况</p>'
    doc = load(text.encode("utf-8"))
    assert doc.paragraphs()[0].text == "总体情况"
    assert codes(doc) == ["GL003"]


def test_undecodable_bytes_are_replaced_and_reported():
    data = b"<html><body><p>\xe6\x80\xbb\xff\xfe\x80 ok</p></body></html>"
    text, problems = decode_bytes(data, "x.html", "utf-8")
    assert "\ufffd" in text and text.endswith("</html>")
    assert [p.code for p in problems] == ["GL003"]
    assert problems[0].properties["replaced"] >= 1


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"<html>\x00\x00\x01\x02</html>", "NUL"),
])
def test_binary_input_is_gl001(data, kind):
    doc = load(data)
    assert codes(doc) == ["GL001"] and kind in doc.problems[0].message
    assert doc.blocks == []


def test_declared_charset_reads_meta_http_equiv_and_xml_declaration():
    assert declared_charset(b'<meta charset="GBK">') == "GBK"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />') == "gb2312"
    assert declared_charset(b'<?xml version="1.0" encoding="euc-cn"?><html/>') == "euc-cn"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_xml_declaration_with_encoding_is_parsed_and_offsets_kept():
    html = '<?xml version="1.0" encoding="gb2312"?>\n<html><body><p>统计期限</p></body></html>'
    doc = load(html.encode("gb18030"))
    para = doc.paragraphs()[0]
    assert para.text == "统计期限"
    assert source_slice(doc, para.span) == "统计期限"


# -- grids ------------------------------------------------------------------------------------
SPAN_TABLE = """<html><body><table>
<tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人</td></tr>
<tr><td>自然人</td><td>商业<br/>企业</td></tr>
<tr><td rowspan="2">三、办理结果</td><td>（一）予以公开</td><td>5</td><td>&nbsp;</td></tr>
<tr><td>（二）部分公开</td><td>4</td><td></td></tr>
</table></body></html>"""


def test_rowspan_and_colspan_expand_into_a_full_grid():
    grid = load(SPAN_TABLE).grids()[0]
    texts = [[c.text for c in row] for row in grid.rows]
    assert texts == [
        ["项目", "项目", "申请人", "申请人"],
        ["项目", "项目", "自然人", "商业 企业"],
        ["三、办理结果", "（一）予以公开", "5", ""],
        ["三、办理结果", "（二）部分公开", "4", ""],
    ]
    for r, row in enumerate(grid.rows):
        assert [c.col for c in row] == list(range(len(row)))
        assert all(c.row == r for c in row)
    origin = grid.rows[0][0]
    assert (origin.origin, origin.rowspan, origin.colspan) == (True, 2, 2)
    copies = [grid.rows[0][1], grid.rows[1][0], grid.rows[1][1], grid.rows[3][0]]
    assert not any(c.origin for c in copies)
    assert grid.rows[3][0].span == grid.rows[2][0].span
    assert [c.text for c in grid.cells()] == ["项目", "申请人", "自然人", "商业 企业", "三、办理结果",
                                              "（一）予以公开", "5", "", "（二）部分公开", "4", ""]


def test_nbsp_cell_is_an_empty_cell_with_a_position():
    doc = load(SPAN_TABLE)
    blank = doc.grids()[0].rows[2][3]
    assert blank.text == "" and blank.origin
    assert blank.span is not None and source_slice(doc, blank.span).startswith("<td")


def test_absurd_spans_are_capped():
    html = ('<table><tr><td colspan="100000" rowspan="100000">a</td><td colspan="99999999999999">b</td></tr>'
            '<tr><td>1</td></tr></table>')
    grid = load(html).grids()[0]
    assert len(grid.rows) == 2  # a rowspan never adds rows
    assert all(len(row) <= 2 * MAX_SPAN + 1 for row in grid.rows)
    assert grid.rows[0][0].colspan == MAX_SPAN and grid.rows[0][0].rowspan == 2
    assert [c.text for c in grid.cells()] == ["a", "b", "1"]


def test_many_huge_spans_stay_within_the_cell_budget():
    row = '<td colspan="200" rowspan="200">x</td>' * 30
    html = "<table>" + f"<tr>{row}</tr>" * 300 + "</table>"
    grid = load(html).grids()[0]
    assert sum(len(r) for r in grid.rows) <= 200_000


def test_layout_table_does_not_swallow_inner_data_tables():
    html = """<table class="layout"><tr><td>
<p>一、总体情况</p>
<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
</td><td><table><tr><td>总计</td><td>7</td></tr></table></td></tr></table>"""
    blocks = load(html).blocks
    kinds = [(type(b).__name__, b.text if isinstance(b, Paragraph) else len(b.rows)) for b in blocks]
    assert kinds == [("Paragraph", "一、总体情况"), ("Grid", 2), ("Paragraph", "三、收到和处理政府信息公开申请情况"),
                     ("Grid", 1)]
    assert blocks[1].rows[1][1].text == "0"


def test_truncated_html_still_gives_its_text_and_cells():
    html = "<html><body><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td rowspan=3>12"
    doc = load(html)
    assert doc.paragraphs()[0].text == "二、主动公开政府信息情况"
    assert [[c.text for c in r] for r in doc.grids()[0].rows] == [["规章", "12"]]


def test_deeply_nested_markup_does_not_crash():
    doc = load("<div>" * 20000 + "文本" + "<table><tr><td>" * 2000)
    assert isinstance(doc, Document)


# -- spans ------------------------------------------------------------------------------------
def test_paragraph_and_cell_spans_point_at_their_text():
    html = ("<html>\n<body>\n  <p class='x'>  一、<b>总体</b>情况</p>\n"
            "<table><tr><td>\n   规章 </td><td><span style='a:1'>0</span></td><td>&#36825;里</td></tr></table>\n"
            "</body></html>")
    doc = load(html)
    para = doc.paragraphs()[0]
    assert para.text == "一、总体情况"
    assert (para.span.line, para.span.column) == (3, 18)  # the 一, after the <p> tag and blanks
    assert source_slice(doc, para.span) == "一、<b>总体</b>情况"
    cells = doc.grids()[0].rows[0]
    assert source_slice(doc, cells[0].span) == "规章"
    assert (cells[0].span.line, cells[0].span.column) == (5, 4)
    assert source_slice(doc, cells[1].span) == "0"
    assert cells[2].text == "这里" and source_slice(doc, cells[2].span) == "&#36825;里"


def test_digits_in_attributes_are_not_mistaken_for_cell_text():
    html = '<table><tr><td width="100" style="line-height:1">1</td><td height="0">0</td></tr></table>'
    doc = load(html)
    one, zero = doc.grids()[0].rows[0]
    assert doc.source[one.span.column - 2] == ">" and source_slice(doc, one.span) == "1"
    assert doc.source[zero.span.column - 2] == ">" and source_slice(doc, zero.span) == "0"


@pytest.mark.parametrize("name", ["2019_pingtan_gaj.html", "2019_shanghai_bgt.html", "2022_pingtan_htp.html",
                                  "2023_shuyang_fgj.html", "2024_pingtan_jsp.html"])
def test_real_page_cell_spans_are_exact_for_single_run_cells(name):
    doc = HtmlLoader().load(name, (CORPUS / name).read_bytes())
    lines = doc.source.splitlines()
    checked = 0
    for grid in doc.grids():
        for cell in grid.cells():
            assert cell.span is not None
            if not cell.text:
                continue
            span = cell.span
            raw = lines[span.line - 1][span.column - 1:] if span.line == span.end_line else None
            if raw is not None and raw.startswith(cell.text):
                assert lines[span.line - 1][span.column - 1:span.end_column - 1] == cell.text
                checked += 1
            else:
                # Text split by markup: the span still starts at the cell's first character.
                assert lines[span.line - 1][span.column - 1] == cell.text[0]
    assert checked >= 50


# -- chrome, title, date ----------------------------------------------------------------------
REAL_PAGES = {
    "2019_pingtan_gaj.html": ("平潭综合实验区公安局2019年政府信息公开工作年度报告", date(2020, 1, 17)),
    "2019_shanghai_bgt.html": ("2019年上海市人民政府办公厅政府信息公开工作年度报告", date(2020, 1, 31)),
    "2022_pingtan_htp.html": ("平潭综合实验区海坛片区管理局2022年度政府信息公开工作年度报告", date(2023, 1, 9)),
    "2023_shuyang_fgj.html": ("沭阳县发展和改革局2023年政府信息公开年度报告", date(2024, 1, 17)),
    "2024_pingtan_jsp.html": ("平潭综合实验区君山片区管理局2024年政府信息公开工作年度报告", date(2025, 1, 24)),
}
CHROME_WORDS = ("扫一扫", "全真版", "文字版", "相关链接", "关闭", "来源：", "时间：", "索引号", "首页", "繁體版",
                "采集时间", "无障碍", "发布日期", ".pdf")


@pytest.mark.parametrize("name", sorted(REAL_PAGES))
def test_real_pages_title_date_and_no_chrome(name):
    doc = HtmlLoader().load(name, (CORPUS / name).read_bytes())
    title, published = REAL_PAGES[name]
    assert doc.title == title
    assert doc.published == published
    assert codes(doc) == []
    texts = [p.text for p in doc.paragraphs()]
    for word in CHROME_WORDS:
        assert not any(t.startswith(word) or t == word or t.endswith(word) for t in texts), (word, name)
    # The body and its three tables survive.
    assert any(t.startswith("一、") and "总体情况" in t for t in texts)
    assert any("其他需要报告的事项" in t for t in texts)
    widths = sorted({len(row) for g in doc.grids() for row in g.rows})
    assert len(doc.grids()) == 3 and 15 in widths and 10 in widths


def test_shuyang_metadata_box_is_read_not_kept():
    doc = HtmlLoader().load("p.html", (CORPUS / "2023_shuyang_fgj.html").read_bytes())
    assert doc.meta["index_number"] == "014314799/2024-00002"
    assert doc.meta["publisher"] == "沭阳县发展和改革局"
    assert all("索引号" not in c.text for g in doc.grids() for c in g.cells())


def test_chrome_widgets_dropped_and_report_contact_line_kept():
    html = """<html><head><title>某县2023年政府信息公开工作年度报告_某县人民政府</title></head><body>
<div class="breadcrumb">当前位置：首页 &gt; 信息公开 &gt; 年报</div>
<div>字体：【大】【中】【小】</div>
<table><tr><td>索引号：</td><td>1234/2024-01</td><td>发布机构：</td><td>某县政府办</td></tr>
<tr><td>发布日期：</td><td>2024年1月30日</td><td>成文日期：</td><td>2024-01-29</td></tr></table>
<h1>某县2023年政府信息公开工作年度报告</h1>
<p>六、其他需要报告的事项</p>
<p>如对本报告有疑问，请与县政府办联系，联系电话：0123-4567890。</p>
<p>浏览次数：1024</p>
<div><a href="#">打印本页</a> | <a href="#">关闭窗口</a></div>
<div id="foot"><p>主办单位：某县人民政府办公室</p></div>
<p>版权所有：某县人民政府 网站标识码：1234000001 某ICP备12345678号</p>
<p>联系电话：0123-1111111</p>
</body></html>"""
    doc = load(html)
    assert [p.text for p in doc.paragraphs()] == [
        "某县2023年政府信息公开工作年度报告", "六、其他需要报告的事项",
        "如对本报告有疑问，请与县政府办联系，联系电话：0123-4567890。"]
    assert doc.grids() == []
    assert doc.title == "某县2023年政府信息公开工作年度报告"
    assert doc.published == date(2024, 1, 30)
    assert doc.meta["written"] == "2024-01-29" and doc.meta["index_number"] == "1234/2024-01"


def test_large_form_wrapper_is_not_dropped():
    body = "".join(f"<p>第{i}段，报告正文的内容足够长，不是页面外壳。</p>" for i in range(100))
    doc = load(f'<html><body><form id="form1">{body}<table><tr><td>1</td></tr></table></form></body></html>')
    assert len(doc.paragraphs()) == 100 and len(doc.grids()) == 1


def test_title_falls_back_to_title_tag_without_site_suffix():
    doc = load("<html><head><title>XX局2022年度政府信息公开工作年度报告-XX市人民政府网</title></head>"
               "<body><p>正文</p></body></html>")
    assert doc.title == "XX局2022年度政府信息公开工作年度报告"


# -- seeds as HTML ----------------------------------------------------------------------------
def _grid_with(doc: Document, label: str) -> Grid:
    return next(g for g in doc.grids() if any(label in c.text for c in g.cells()))


@pytest.mark.parametrize("name, rows, has_six_subrows", [("000.html", 28, True), ("003.html", 26, False)])
def test_seed_table3_grid_has_seven_numbers_in_every_data_row(name, rows, has_six_subrows):
    doc = HtmlLoader().load(name, (FIXTURES / "seeds_html" / name).read_bytes())
    grid = _grid_with(doc, "本列数据的勾稽关系")
    assert len(grid.rows) == rows
    assert all(len(row) == 10 for row in grid.rows)
    for row in grid.rows[3:]:
        assert all(c.text.isdigit() for c in row[3:]), [c.text for c in row]
        assert not any(c.text.isdigit() for c in row[:3])
    group = [row[0].text for row in grid.rows[5:-1]]
    assert set(group) == {"三、本年度办理结果"}
    labels = [row[2].text for row in grid.rows]
    assert ("3.其他" in labels) == has_six_subrows


def test_seed_000_values_chrome_and_metadata():
    doc = HtmlLoader().load("000.html", (FIXTURES / "seeds_html" / "000.html").read_bytes())
    assert codes(doc) == []
    assert doc.title == "壶关县人民政府2023年政府信息公开工作年度报告"
    assert doc.published == date(2024, 2, 20)
    t3 = _grid_with(doc, "本列数据的勾稽关系")
    assert [c.text for c in t3.rows[2][3:8]] == ["自然人", "商业 企业", "科研 机构", "社会公益组织", "法律服务机构"]
    new = next(row for row in t3.rows if row[0].text.startswith("一、"))
    assert [c.text for c in new[3:]] == ["20", "0", "0", "0", "0", "0", "20"]
    t2 = _grid_with(doc, "行政事业性收费")
    assert t2.rows[-1][1].text == "3080.699" and t2.rows[-1][1].colspan == 3
    t4 = _grid_with(doc, "复议后起诉")
    assert len(t4.rows[-1]) == 15
    texts = [p.text for p in doc.paragraphs()]
    assert "一、 总体情况" in texts  # written with &nbsp; in the page
    assert not any(t.startswith(("当前位置", "字体大小", "分享到", "主办单位", "联系电话")) for t in texts)


def test_seed_003_is_gb18030_labelled_gb2312():
    data = (FIXTURES / "seeds_html" / "003.html").read_bytes()
    assert declared_charset(data) == "gb2312"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = HtmlLoader().load("003.html", data)
    assert codes(doc) == [] and doc.title == "大英县政府办公室2020年度政府信息公开工作报告"
    t2 = _grid_with(doc, "政府集中采购")
    assert [c.text for c in t2.rows[1]] == ["信息内容", "本年新", "本年新", "对外公开总数量"]


def test_page_with_a_huge_inline_image_keeps_its_tables(tmp_path):
    """An attribute over libxml2's 10 MB node limit (a Word export's base64 image) loses nothing."""
    data = (FIXTURES / "seeds_html" / "000.html").read_bytes()
    image = b'<img src="data:image/png;base64,' + b"A" * (12 * 1024 * 1024) + b'">'
    assert data.count(b"<body>") == 1
    big = tmp_path / "000.html"
    big.write_bytes(data.replace(b"<body>", b"<body>" + image, 1))
    doc = HtmlLoader().load(big.name, big.read_bytes())
    assert codes(doc) == []
    assert doc.title == "壶关县人民政府2023年政府信息公开工作年度报告"
    new = next(row for row in _grid_with(doc, "本列数据的勾稽关系").rows if row[0].text.startswith("一、"))
    assert [c.text for c in new[3:]] == ["20", "0", "0", "0", "0", "0", "20"]
    assert _grid_with(doc, "行政事业性收费") and _grid_with(doc, "复议后起诉")


# -- properties -------------------------------------------------------------------------------
@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    doc = HtmlLoader().load("x.html", data)
    assert isinstance(doc, Document)
    for block in doc.blocks:
        assert isinstance(block, (Paragraph, Grid))


_FRAGMENTS = st.sampled_from(["<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>", "<br>", "&nbsp;",
                              "<td rowspan=3>", "<th colspan=0>", "<!--", "-->", "<script>", "</script>", "<",
                              ">", "&", "'", '"', "<div class=share>", "</div>", "\n", "当前位置：", "一、总体情况",
                              "0", "12", "<h1>", "</h1>", "<td colspan=999999>"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=60))
def test_arbitrary_text_in_html_never_raises_and_spans_are_in_range(parts):
    doc = load("<html><body>" + "".join(parts) + "</body></html>")
    n_lines = max(1, len(doc.source.splitlines()))
    for block in doc.blocks:
        cells = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]
        for item in cells:
            if item.span is not None:
                assert 1 <= item.span.line <= item.span.end_line <= n_lines + 1
                assert item.span.column >= 1
