"""The text loader on every extraction style of the seeds and the corpus.

Each test loads a real file and checks concrete facts: how many grids, which cells with
which exact spans, that headings begin paragraphs, that chrome went into the metadata.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.document import Grid, Paragraph
from govlint.loaders.text import TextLoader

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CORPUS = FIXTURES / "corpus"


def load(path: Path, data: bytes | None = None):
    return TextLoader().load(str(path), path.read_bytes() if data is None else data)


def source_slice(source: str, span) -> str:
    """The source text a span covers (lines split at \\n, as ``LineIndex`` counts them)."""
    lines = source.split("\n")
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1:span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1:]]
    parts += lines[span.line:span.end_line - 1]
    parts.append(lines[span.end_line - 1][:span.end_column - 1])
    return "\n".join(parts)


def assert_spans_exact(doc) -> None:
    """Every paragraph and cell slices back to its text; a label joined across a line
    wrap slices back to its pieces with only whitespace between them."""
    for block in doc.blocks:
        items = [block] if isinstance(block, Paragraph) else list(block.cells())
        for item in items:
            got = source_slice(doc.source, item.span)
            if item.span.line == item.span.end_line:
                assert got == item.text, (item.span, got, item.text)
            else:
                assert "".join(got.split()) == "".join(item.text.split()), (item.span, got, item.text)


def rows_of(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def row_starting(doc, label: str) -> list:
    for grid in doc.grids():
        for row in grid.rows:
            if row and row[0].text == label:
                return row
    raise AssertionError(f"no row starts with {label!r}")


def cells_with(doc, text: str) -> list:
    return [c for g in doc.grids() for c in g.cells() if c.text == text]


def paragraph_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs()]


def all_text(doc) -> str:
    parts = paragraph_texts(doc) + [c.text for g in doc.grids() for c in g.cells()]
    return "\n".join(parts)


# --- style 1: one cell per line, trailing pipes, row terminators (seeds 000, 001) ------------

def test_seed000_trailing_pipes_rows_and_chrome():
    doc = load(SEEDS / "000_db9075ea3fbb176c.txt")
    assert len(doc.grids()) == 3
    assert_spans_exact(doc)

    # "20 | ||" ends the row; the cell is "20" without its pipes, at line 59
    row = row_starting(doc, "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row[1:]] == ["20", "0", "0", "0", "0", "0", "20"]
    assert (row[1].span.line, row[1].span.column, row[1].span.end_column) == (59, 1, 3)
    assert row[-1].span.line == 65

    # a header cell with a space inside stays one cell
    assert [c.span.line for c in cells_with(doc, "商业 企业")] == [53]

    # table 4: the whole data row on one line (283) is fifteen cells in one row
    table4 = doc.grids()[2]
    data_row = table4.rows[-1]
    assert [c.text for c in data_row] == ["0"] * 15
    assert {c.span.line for c in data_row} == {283}
    assert [c.span.column for c in data_row][:3] == [1, 5, 9]

    # page chrome: read into the metadata, absent from the blocks
    assert doc.title == "壶关县人民政府2023年政府信息公开工作年度报告"
    assert doc.published == date(2024, 2, 20)
    assert doc.meta["written"] == "2024-02-19"
    assert doc.meta["index_number"] == "000014349/2024-11355"
    text = all_text(doc)
    for chrome in ("当前位置", "字体大小", "索引号", "主题分类"):
        assert chrome not in text
    assert doc.blocks[0].span.line == 8


def test_seed000_section_headings_begin_paragraphs():
    doc = load(SEEDS / "000_db9075ea3fbb176c.txt")
    texts = paragraph_texts(doc)
    for heading in ("一、 总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                    "六、其他需要报告的事项"):
        assert heading in texts
    # the table row 四、结转下年度继续办理 stays inside the table, right before the heading
    assert "四、结转下年度继续办理" not in texts
    assert row_starting(doc, "四、结转下年度继续办理")[1].text == "1"


def test_seed000_values_after_labels_open_rows():
    """Table 二 prints no row terminators in its first block; a label after a value still
    starts a new row there."""
    doc = load(SEEDS / "000_db9075ea3fbb176c.txt")
    assert [c.text for c in row_starting(doc, "行政规范性文件")] == ["行政规范性文件", "3", "0", "34"]
    assert [c.text for c in row_starting(doc, "行政事业性收费")] == ["行政事业性收费", "3080.699"]


def test_seed001_pipe_only_terminator_lines():
    doc = load(SEEDS / "001_94a61b35bf8fd14e.txt")
    assert len(doc.grids()) == 3
    assert_spans_exact(doc)
    row = row_starting(doc, "二、上年结转政府信息公开申请数量")
    assert [c.text for c in row[1:]] == ["0"] * 7
    assert [c.span.line for c in row] == list(range(83, 91))
    assert [c.text for c in row_starting(doc, "三、本年度办理结果")][:2] == ["三、本年度办理结果", "(一)予以公开"]
    # "文 号 | 〔〕号 | 发布日期 | 2023-01-09 15:47 |": the key-value chrome table
    assert doc.published == date(2023, 1, 9)
    assert doc.meta["document_number"] == "〔〕号"
    # no chrome table is left: nothing between the title (line 1) and the preamble (line 7)
    assert not [b for b in doc.blocks if 2 <= b.span.line <= 6]
    # the title printed as the first line
    assert doc.title == "阿克陶县慕士塔格城区服务中心2022年政府信息公开工作年度报告"


# --- style 2: leading pipes, cells continued on the next line (seed 003) ---------------------

def test_seed003_leading_pipes():
    doc = load(SEEDS / "003_8d709f72cafe127b.txt")
    assert len(doc.grids()) == 3
    assert_spans_exact(doc)
    row = row_starting(doc, "规章")
    assert [c.text for c in row] == ["规章", "0", "0", "0"]
    assert [c.span.line for c in row] == [20, 22, 24, 26]
    assert (row[0].span.column, row[0].span.end_column) == (3, 5)     # after "| "
    # the truncated 2019 header "本年新" is printed twice and stays two cells
    assert [c.text for c in doc.grids()[0].rows[1]] == ["信息内容", "本年新", "本年新", "对外公开总数量"]
    assert [c.text for c in row_starting(doc, "政府集中采购")] == ["政府集中采购", "0", "0"]
    heads = [p for p in doc.paragraphs() if p.text == "四、政府信息公开行政复议、行政诉讼情况"]
    assert [p.span.line for p in heads] == [555]
    table4 = doc.grids()[2]
    assert [c.text for c in table4.rows[-1]] == ["0", "1"] + ["0"] * 13


# --- style 3: tab-separated rows, shifting cells (seed 002) ----------------------------------

def test_seed002_tabs_keep_empty_cells():
    doc = load(SEEDS / "002_463710bd784f756a.txt")
    grids = doc.grids()
    assert len(grids) == 3
    assert_spans_exact(doc)
    assert rows_of(grids[0])[0] == ["第二十条第（一）项", "", "", ""]
    empty = grids[0].rows[0][1]
    assert (empty.span.line, empty.span.column, empty.span.end_column) == (31, 11, 11)
    # one row per line, the shifted cells as printed
    table3 = rows_of(grids[1])
    assert len(table3) == 75 - 48 + 1
    assert table3[7][:3] == ["", "(三) 不予公开", "1.属于国家秘密"]
    assert table3[22][:3] == ["5.要求行政机关确认或重新出具已获取信息", "", "0"]
    assert rows_of(grids[2])[-1] == ["0"] * 15
    assert doc.title == "叶县任店镇人民政府 2023 年政府信息公开工作年度报告"
    assert doc.published is None
    assert "一主动公开情况" in paragraph_texts(doc)


# --- style 4: one cell per line, blank lines between (seed 004) ------------------------------

def test_seed004_blank_line_cells_and_wrapped_pieces():
    doc = load(SEEDS / "004_da86c2562bcf1309.txt")
    assert len(doc.grids()) == 3
    assert_spans_exact(doc)
    # a label a line wrap split stays one cell per line, each with its own span: the parser
    # joins the pieces (test_wrapped_labels_are_joined_by_the_parser)
    assert [c.span.line for c in cells_with(doc, "社会公")] == [106]
    assert [c.span.line for c in cells_with(doc, "益组织")] == [108]
    assert [c.span.line for c in cells_with(doc, "商业")] == [98]
    assert not cells_with(doc, "社会公益组织") and not cells_with(doc, "结果维持")
    assert len(cells_with(doc, "总计")) == 4
    # rows: a label and the values after it; table 4's values are a row of their own
    assert [c.text for c in row_starting(doc, "规章")] == ["规章", "0", "0", "0"]
    assert rows_of(doc.grids()[2])[-1] == ["0"] * 15
    assert doc.title == "盘山县石新镇 2024年政府信息公开工作年度报告"
    assert doc.published == date(2025, 1, 20)
    text = all_text(doc)
    for chrome in ("top_img.png", "foot_img", "ICP备", "版权所有"):
        assert chrome not in text
    assert "二、主动公开政府信息的情况" in paragraph_texts(doc)


def test_wrapped_labels_are_joined_by_the_parser():
    """The loader keeps each line of a wrapped label as a cell; the parser reads the pieces
    as the label (``本年新`` + ``制作数量``, ``规范性`` + ``文件``), as it does for any loader."""
    from govlint.parser import parse

    text = "\n\n".join(["二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年新", "制作数量",
                          "本年新", "公开数量", "对外公开总数量", "规章", "1", "2", "3", "规范性", "文件",
                          "4", "5", "6"])
    doc = load(SEEDS / "x.txt", text.encode("utf-8"))
    (grid,) = doc.grids()
    cells = [c.text for c in grid.cells()]
    assert cells[2:6] == ["本年新", "制作数量", "本年新", "公开数量"]
    assert cells[-5:] == ["规范性", "文件", "4", "5", "6"]
    assert_spans_exact(doc)
    got = {key: cell.value for key, cell in parse(doc).tables["table2"].cells.items()}
    assert got == {("regulations", "new_made"): 1, ("regulations", "new_published"): 2,
                   ("regulations", "published_total"): 3, ("normative", "new_made"): 4,
                   ("normative", "new_published"): 5, ("normative", "published_total"): 6}


# --- style 5: crawler files with a header and a run-on body (Pingtan) ------------------------

PINGTAN_HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                    "六、其他需要报告的事项")


@pytest.mark.parametrize("name, title, published", [
    ("2019_pingtan.txt", "平潭综合实验区2019年度政府信息公开工作年度报告", date(2020, 1, 20)),
    ("2021_pingtan.txt", "平潭综合实验区2021年度政府信息公开工作年度报告", date(2022, 2, 8)),
    ("2024_pingtan_gaj.txt", "平潭综合实验区公安局2024年政府信息公开工作年度报告", date(2025, 1, 20)),
    ("2025_pingtan_spp.txt", "平潭综合实验区苏平片区管理局2025年度政府信息公开工作年度报告", date(2026, 1, 21)),
])
def test_crawler_header_is_metadata(name, title, published):
    doc = load(CORPUS / name)
    assert doc.title == title
    assert doc.published == published
    assert doc.meta["column"] == "政府信息公开年报"
    assert doc.meta["url"].startswith("https://www.pingtan.gov.cn/")
    assert min(b.span.line for b in doc.blocks) == 10       # the header (lines 1-9) is gone
    text = all_text(doc)
    assert "正文 ====" not in text and "原文链接" not in text
    assert_spans_exact(doc)


@pytest.mark.parametrize("name", ["2019_pingtan.txt", "2020_pingtan.txt", "2022_pingtan_gaj.txt",
                                  "2023_pingtan.txt", "2024_pingtan_jsp.txt"])
def test_runon_headings_are_paragraphs_of_their_own(name):
    doc = load(CORPUS / name)
    texts = paragraph_texts(doc)
    for heading in PINGTAN_HEADINGS:
        assert heading in texts, heading
    # three statistical tables, each a grid between two section headings
    kinds = ["H" if isinstance(b, Paragraph) and b.text in PINGTAN_HEADINGS else
             "G" if isinstance(b, Grid) else "p" for b in doc.blocks]
    assert "".join(kinds[kinds.index("H", kinds.index("H") + 1):]).replace("p", "") == "HGHGHGHH"


def test_runon_glued_runs_stay_single_cells():
    doc = load(CORPUS / "2024_pingtan_jsp.txt")
    source_line = doc.source.split("\n")[9]
    row = row_starting(doc, "一、本年新收政府信息公开申请数量")
    assert [c.text for c in row] == ["一、本年新收政府信息公开申请数量", "5000005"]
    cell = row[1]
    assert source_line[cell.span.column - 1:cell.span.end_column - 1] == "5000005"
    # the ordinal of the next label is not part of the run: "00000002.其他…"
    assert [c.text for c in row_starting(doc, "2.其他法律和行政法规禁止公开")] == \
        ["2.其他法律和行政法规禁止公开", "0000000"]
    assert_spans_exact(doc)


def test_runon_2019_template_tables():
    doc = load(CORPUS / "2019_pingtan.txt")
    table2, table3, table4 = doc.grids()
    assert rows_of(table2)[-1] == ["第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购", "13575394432.52元"]
    assert rows_of(table2)[1] == ["规范性文件", "898989"]
    # a space in the run is a visible boundary: 23 0 | 0 0 0 0 23
    assert [c.text for c in row_starting(doc, "一、本年新收政府信息公开申请数量")][1:] == ["230", "000023"]
    # the repeated page header inside table 三 stays a label of the table
    assert sum(1 for c in table3.cells() if c.text == "三、本年度办理结果") == 2
    # table 四: the fifteen values glued into one run
    assert table4.rows[0][-1].text == "000000000000000"
    assert table4.rows[0][0].text.startswith("行政复议行政诉讼结果维持")


def test_runon_2021_template_tables():
    doc = load(CORPUS / "2021_pingtan.txt")
    table2, table3, table4 = doc.grids()
    assert rows_of(table2)[:2] == [["第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章", "000"],
                                   ["行政规范性文件", "693665"]]
    assert rows_of(table2)[-1] == ["第二十条第（八）项信息内容 本年收费金额（单位：万元）行政事业性收费", "24252.311082"]
    assert [c.text for c in row_starting(doc, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")][1:] == \
        ["500000", "5"]
    assert [c.text for c in row_starting(doc, "3.其他")] == ["3.其他", "1000001"]
    assert table4.rows[-1][-1].text == "10203120001200000"
    # the breadcrumb run into the body line is chrome
    assert "当前位置" not in all_text(doc)
    assert doc.blocks[0].text.startswith("根据《中华人民共和国政府信息公开条例》")


def test_runon_prose_between_tables_stays_prose():
    """The 财政金融局 files put prose before and after table 二 inside section 二."""
    doc = load(CORPUS / "2021_pingtan_czj.txt")
    texts = paragraph_texts(doc)
    assert any(t.startswith("(一)主动公开政府信息的数量2021年制作") for t in texts)
    assert any(t.startswith("(二)主动公开政府信息的主要类别") for t in texts)
    table2 = doc.grids()[0]
    assert rows_of(table2)[-1] == ["第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费", "7816"]
    # sub-headings in prose begin paragraphs
    assert any(t.startswith("（二）重点工作扎实推进") for t in texts)
    # a numeral after 第 is no heading: "第二十条第（一）项" never starts a paragraph
    assert not any(t.startswith("（一）项") for t in texts)


def test_runon_extra_fee_table_and_misnumbered_sections():
    doc = load(CORPUS / "2025_pingtan_spp.txt")
    texts = paragraph_texts(doc)
    assert "五、信息处理费收取情况" in texts and "六、存在的主要问题和改进情况" in texts
    fee = doc.grids()[-1]
    assert rows_of(fee) == [["通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况", "000"]]


def test_runon_prose_numbers_make_no_table():
    doc = load(CORPUS / "2019_pingtan.txt")
    assert len(doc.grids()) == 3
    assert any("229大项539小项" in t for t in paragraph_texts(doc))


# --- style 6: Markdown-like .txt and a tiny crawler file -------------------------------------

def test_markdown_headings_and_pipe_tables_in_txt():
    doc = load(CORPUS / "2025_shuyangxian.txt")
    assert_spans_exact(doc)
    first = doc.blocks[0]
    assert first.heading and first.text == "沐阳县人民政府 2025 年 政府信息公开工作年度报告"
    assert (first.span.line, first.span.column) == (1, 3)
    assert doc.title == first.text
    headings = [p.text for p in doc.paragraphs() if p.heading]
    assert "四、政府信息公开行政复议、行政诉讼情况" in headings
    assert "六、其他需要报告的事项" not in headings            # printed without "##"
    assert "六、其他需要报告的事项" in paragraph_texts(doc)
    table = doc.grids()[0]
    assert rows_of(table) == [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                              ["规章", "0", "0", "0"], ["行政规范性文件", "6", "1", "32"]]
    # the |---|---| rules separate rows and are no cells; a lone "-" is a printed blank
    assert not any("--" in c.text for g in doc.grids() for c in g.cells())
    assert [c.text for c in row_starting(doc, "(数据项目)")] == ["(数据项目)", "数量"]
    assert cells_with(doc, "-")
    assert [c.text for c in row_starting(doc, "（七）总计")] == ["（七）总计", "710", "3", "0", "0", "5", "0", "718"]


def test_tiny_crawler_file():
    doc = load(CORPUS / "2020_pingtan_gaj.txt")
    assert doc.title == "平潭综合实验区公安局2020年政府信息公开工作年度报告"
    assert doc.published == date(2021, 1, 28)
    assert doc.meta["publisher"] == "平潭综合实验区公安局"
    assert not doc.grids()
    assert paragraph_texts(doc) == ["平潭综合实验区公安局2020年政府信息公开工作年度报告"]


# --- every input, decoding, line endings ----------------------------------------------------

ALL_TEXT_FILES = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", ALL_TEXT_FILES, ids=lambda p: p.name)
def test_every_input_spans_exact_and_no_pipes_in_cells(path):
    doc = load(path)
    assert_spans_exact(doc)
    for grid in doc.grids():
        for cell in grid.cells():
            assert "|" not in cell.text and "\t" not in cell.text and cell.text == cell.text.strip()
        assert grid.span.line <= min(c.span.line for c in grid.cells())


def test_crlf_and_gb18030_give_the_same_document():
    path = SEEDS / "000_db9075ea3fbb176c.txt"
    plain = load(path)
    crlf = load(path, path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    assert not crlf.problems
    assert [rows_of(g) for g in crlf.grids()] == [rows_of(g) for g in plain.grids()]
    assert [(p.text, p.span) for p in crlf.paragraphs()] == [(p.text, p.span) for p in plain.paragraphs()]
    assert crlf.published == plain.published


def test_undecodable_bytes_are_a_finding():
    doc = load(SEEDS / "000_db9075ea3fbb176c.txt", "一、总体情况\n".encode("utf-8") + b"\xff\xfe\x80abc |\n")
    assert [p.code for p in doc.problems] == ["GL003"]
    assert doc.blocks[0].text == "一、总体情况"


@pytest.mark.parametrize("text", [
    "|" * 5000, "|\n" * 2000, "\t\n" * 2000, "一、" * 3000, "（一）" * 3000, "1." * 3000,
    "表1" * 3000, "<!--" * 2000, "0\n\n" * 2000, "商业\n企业\n" * 1000, "一、总体情况" * 1000,
])
def test_degenerate_inputs_load(text):
    doc = load(SEEDS / "x.txt", text.encode("utf-8"))
    assert_spans_exact(doc)
    assert all(b.text for b in doc.paragraphs())


# --- properties -------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("0123456789 |\t\n\r　、.（）()一二三四五六七情况事项总计商业企业其他结果"
                                 "规章文件数量：:，。；第条项元<!->#-"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ALPHABET, max_size=400) | st.text(max_size=200))
def test_arbitrary_text_never_raises_and_spans_slice_back(text):
    doc = load(SEEDS / "x.txt", text.encode("utf-8"))
    if any(p.code == "GL001" for p in doc.problems):     # NUL bytes: not text at all
        assert not doc.blocks
        return
    assert doc.source == text
    assert_spans_exact(doc)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert block.text.strip() == block.text and block.text
        else:
            assert block.rows and all(block.rows)


_LABELS = st.sampled_from(["规章", "行政许可", "（一）予以公开", "2.重复申请", "四、结转下年度继续办理",
                           "第二十条第（五）项信息内容本年处理决定数量行政强制"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_LABELS, st.lists(st.integers(0, 9999), min_size=1, max_size=7)),
                min_size=3, max_size=12))
def test_runon_rows_keep_every_digit(rows):
    """A table flattened onto one line: every label opens a row and the digits that follow
    it come back exactly, glued as printed, as that row's cells."""
    body = "".join(label + "".join(map(str, values)) for label, values in rows)
    text = "二、主动公开政府信息情况" + body + "五、存在的主要问题及改进情况本年度无。"
    text = text + "说明" * 200        # long enough to be read as a run-on body line
    doc = load(SEEDS / "x.txt", text.encode("utf-8"))
    (grid,) = doc.grids()
    got = [(row[0].text, "".join(c.text for c in row[1:])) for row in grid.rows]
    assert got == [(label, "".join(map(str, values))) for label, values in rows]
    assert "二、主动公开政府信息情况" in paragraph_texts(doc)
    assert_spans_exact(doc)
