"""The PDF loader on the 淮安市 2024 report, on scans and on broken files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import hostile_pdf
import pytest

from govlint.document import Grid, Paragraph
from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint.testing import codes, lint_file, load_document, parse_file, registry
from govlint_pdf.loader import PdfLoader

TABLE3_COLUMNS = format_table3.columns()
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

DATA = Path(__file__).parent / "data"
HUAIAN = DATA / "2024_huaian.pdf"

# Typed from the PDF (pages 4-5); columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
HUAIAN_TABLE3 = {
    "new": [3001, 53, 0, 0, 61, 4, 3119],
    "carried_over": [34, 0, 0, 0, 0, 0, 34],
    "granted": [1288, 21, 0, 0, 50, 3, 1362],
    "partial": [447, 7, 0, 0, 0, 0, 454],
    "denied.1": [2, 0, 0, 0, 0, 0, 2],
    "denied.2": [30, 1, 0, 0, 0, 0, 31],
    "denied.3": [5, 0, 0, 0, 0, 0, 5],
    "denied.4": [6, 0, 0, 0, 0, 0, 6],
    "denied.5": [7, 1, 0, 0, 0, 0, 8],
    "denied.6": [12, 0, 0, 0, 0, 0, 12],
    "denied.7": [9, 0, 0, 0, 0, 0, 9],
    "denied.8": [105, 0, 0, 0, 0, 0, 105],
    "unable.1": [746, 12, 0, 0, 10, 1, 769],
    "unable.2": [11, 0, 0, 0, 0, 0, 11],
    "unable.3": [1, 0, 0, 0, 0, 0, 1],
    "not_processed.1": [56, 6, 0, 0, 0, 0, 62],
    "not_processed.2": [25, 0, 0, 0, 0, 0, 25],
    "not_processed.3": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.4": [0, 0, 0, 0, 0, 0, 0],
    "not_processed.5": [1, 0, 0, 0, 0, 0, 1],
    "other.1": [67, 3, 0, 0, 1, 0, 71],
    "other.2": [6, 0, 0, 0, 0, 0, 6],
    "other.3": [108, 2, 0, 0, 0, 0, 110],
    "total": [2932, 53, 0, 0, 61, 4, 3050],
    "carried_forward": [103, 0, 0, 0, 0, 0, 103],
}
# 行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 (page 5)
HUAIAN_TABLE4 = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
SECTIONS = [
    (1, "overview", "一、总体情况"),
    (2, "proactive", "二、主动公开政府信息情况"),
    (3, "requests", "三、收到和处理政府信息公开申请情况"),
    (4, "appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    (5, "problems", "五、存在的主要问题及改进情况"),
    (6, "other", "六、其他需要报告的事项"),
]


@pytest.fixture(scope="module")
def huaian_doc():
    return load_document(HUAIAN)


@pytest.fixture(scope="module")
def huaian():
    return parse_file(HUAIAN)


def test_registered_through_the_entry_point():
    reg = registry()
    assert reg.loader_for("a.pdf").plugin == "govlint-pdf:pdf"
    assert reg.loader_for("no-suffix", b"%PDF-1.7\n").name == "pdf"


# -- the Document -----------------------------------------------------------------------
def test_prose_lines_are_joined_into_paragraphs(huaian_doc):
    texts = [b.text for b in huaian_doc.paragraphs()]
    assert huaian_doc.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    # a sentence wrapped over two lines (and over a page break) is one paragraph
    appeals = next(t for t in texts if t.startswith("（二）依申请公开情况"))
    assert "全市共受理政府信息公开申请3119件，答复3050件" in appeals
    assert "尚未审结37件" in appeals
    # Chinese next to digits gets no invented space; page numbers are gone
    assert "统计期限自2024年1月1日至2024年12月31日" in texts[1]
    assert not any(t.strip("- ").isdigit() for t in texts)


def test_tables_follow_their_section_headings(huaian_doc):
    order = ["T" if isinstance(b, Grid) else b.text for b in huaian_doc.blocks]
    t = [i for i, kind in enumerate(order) if kind == "T"]
    assert order.index("二、主动公开政府信息情况") < t[0]
    assert order.index("三、收到和处理政府信息公开申请情况") < t[-2] < order.index("四、政府信息公开行政复议、行政诉讼情况") < t[-1]


def test_table3_cut_by_the_page_break_is_one_grid_with_whole_labels(huaian_doc):
    grid = next(g for g in huaian_doc.grids() if len(g.rows[0]) == 10)
    assert len(grid.rows) == 28
    labels = {cell.text for cell in grid.cells()}
    assert {"（四）无法提供", "三、本年度办理结果", "法人或其他组织", "商业企业"} <= labels
    results = grid.rows[5][0]
    assert results.text == "三、本年度办理结果" and results.rowspan == 22
    unable = [row[1] for row in grid.rows if row[1].text == "（四）无法提供"]
    assert len(unable) == 3 and [c.origin for c in unable] == [True, False, False]
    lines = huaian_doc.source.split("\n")
    for cell in grid.cells():
        if cell.text:
            assert lines[cell.span.line - 1][cell.span.column - 1:cell.span.end_column - 1] == cell.text


# -- through the parser ----------------------------------------------------------------------
def test_six_sections(huaian):
    assert [(s.number, s.key, s.heading.replace(" ", "")) for s in huaian.sections] == SECTIONS
    assert "3940元" in huaian.section("other").text.replace(" ", "")


def test_full_table3(huaian):
    table = huaian.table("table3")
    assert table is not None and table.complete and table.template == "2021"
    got = {key: cell.value for key, cell in table.cells.items()}
    assert got == {(row, col): values[i] for row, values in HUAIAN_TABLE3.items()
                   for i, col in enumerate(TABLE3_COLUMNS)}


def test_full_table4(huaian):
    table = huaian.table("table4")
    assert table is not None and table.complete
    got = {key: cell.value for key, cell in table.cells.items()}
    assert got == {(g, o): HUAIAN_TABLE4[5 * i + j] for i, g in enumerate(TABLE4_GROUPS)
                   for j, o in enumerate(TABLE4_OUTCOMES)}


def test_table2_and_metadata(huaian):
    values = sorted(cell.value for cell in huaian.table("table2"))
    assert values == sorted([1, 0, 11, 8, 26, 66, 447228, 3985758, 88283, Decimal("96171.6")])
    assert huaian.metadata.year == 2024
    assert (huaian.metadata.period.start.isoformat(), huaian.metadata.period.end.isoformat()) == ("2024-01-01", "2024-12-31")


def test_huaian_arithmetic_is_consistent():
    assert lint_file(HUAIAN, select=["GL0", "GL1", "GL2"]) == []


# -- scans and broken files ------------------------------------------------------------------------
def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws ``content`` (no fonts: no text layer)."""
    return hostile_pdf.one_page(hostile_pdf.stream(content))


def test_a_page_without_text_layer_is_reported_as_a_scan():
    scan = _pdf(b"0.5 g 50 50 495 742 re f")  # a grey page, as an image-only scan would be
    doc = PdfLoader().load("scan.pdf", scan)
    assert [(f.code, f.message) for f in doc.problems] == [("GL001", "PDF 无文本层（可能为扫描件），无法检查")]
    assert doc.blocks == []


def test_scan_through_the_engine(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(b""))
    found = lint_file(path)
    assert codes(found) == ["GL001"] and "扫描件" in found[0].message


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n garbage without objects",
    b"not a pdf",
    HUAIAN.read_bytes()[:20000],  # truncated download
])
def test_broken_pdf_is_unreadable_not_a_traceback(data):
    doc = PdfLoader().load("x.pdf", data)
    assert [f.code for f in doc.problems] == ["GL001"]
    assert doc.blocks == []


def test_govlint_check_and_plugins_on_the_command_line(tmp_path):
    from govlint.testing import run_cli

    def govlint(*args):
        return run_cli(*args, cwd=tmp_path)

    listed = govlint("plugins")
    assert "govlint-pdf:pdf 0.1.0" in listed.stdout and "loaders: pdf" in listed.stdout
    clean = govlint("check", str(HUAIAN), "--select", "GL0,GL1,GL2", "--format", "concise")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_pdf(b"0 g 10 10 100 100 re f"))
    result = govlint("check", str(scan), "--format", "concise")
    assert result.returncode == 1 and "扫描件" in result.stdout
