"""The Markdown loader: headings, pipe tables, PDF page noise, exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Document, Grid, Paragraph
from govlint.loaders.markdown import MarkdownLoader, noise_lines

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def load(text: str) -> Document:
    return MarkdownLoader().load("r.md", text.encode("utf-8"))


def sliced(doc: Document, span) -> str:
    # Lines end at "\n" only, as in govlint.span.LineIndex (a lone "\r" is not a break).
    return doc.source.split("\n")[span.line - 1][span.column - 1:span.end_column - 1]


def test_headings_tables_and_paragraphs():
    doc = load("# 某局2023年政府信息公开工作年度报告\n\n一、总体情况\n正文一行。\n\n"
               "## 表二：主动公开政府信息情况\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 |  |\n| 行政规范性文件 | 3 |\n"
               "后文\n")
    kinds = [(type(b).__name__, getattr(b, "heading", None)) for b in doc.blocks]
    assert kinds == [("Paragraph", True), ("Paragraph", False), ("Paragraph", False), ("Paragraph", True),
                     ("Grid", None), ("Paragraph", False)]
    assert doc.title == "某局2023年政府信息公开工作年度报告"
    grid = doc.grids()[0]
    assert [[c.text for c in row] for row in grid.rows] == [["信息内容", "本年制发件数"], ["规章", ""],
                                                            ["行政规范性文件", "3"]]
    assert [(c.row, c.col) for c in grid.rows[2]] == [(2, 0), (2, 1)]


def test_spans_are_exact_for_cells_paragraphs_and_headings():
    doc = load("## 表三\n|  一、本年新收 | 20 |   |\n|---|---|---|\n  **二、主动公开**  \n")
    heading, grid, bold = doc.blocks
    assert sliced(doc, heading.span) == "表三"
    label, value, blank = grid.rows[0]
    assert sliced(doc, label.span) == "一、本年新收" and (label.span.line, label.span.column) == (2, 4)
    assert sliced(doc, value.span) == "20"
    assert blank.text == "" and sliced(doc, blank.span).strip() == ""
    assert bold.text == "二、主动公开" and sliced(doc, bold.span) == "二、主动公开"


def test_escaped_pipe_and_table_without_outer_pipes():
    doc = load("信息内容 | 数量\n--- | ---\n规章 \\| 条例 | 2\n")
    rows = [[c.text for c in row] for row in doc.grids()[0].rows]
    assert rows == [["信息内容", "数量"], ["规章 | 条例", "2"]]


def test_dash_cells_are_data_not_separators():
    doc = load("| 行政许可 | - |\n|---|---|\n| 行政处罚 | - |\n")
    assert [[c.text for c in row] for row in doc.grids()[0].rows] == [["行政许可", "-"], ["行政处罚", "-"]]


def test_page_numbers_dropped_and_split_table_values_kept():
    text = ("正文\n第一段\n— 1 —\n第二段\n22\n（其中修订 16 件）\n55\n第三段\n- 2 -\n第 3 页\n第四段\n"
            "7\n" + "填充\n" * 6 + "8\n" + "填充\n" * 6 + "9\n末尾\n")
    doc = load(text)
    texts = [p.text for p in doc.paragraphs()]
    assert "22" in texts and "55" in texts  # values, not page numbers
    assert not any(t in ("— 1 —", "- 2 -", "第 3 页", "7", "8", "9") for t in texts)
    assert texts[:3] == ["正文", "第一段", "第二段"]


def test_running_header_repeated_at_page_breaks_is_dropped():
    lines = ["某县2023年政府信息公开工作年度报告", "一、总体情况", "内容甲", "— 1 —", "某县年报", "内容乙", "— 2 —",
             "某县年报", "内容丙", "内容某县年报"]
    doc = load("\n".join(lines))
    texts = [p.text for p in doc.paragraphs()]
    assert "某县年报" not in texts
    assert texts == ["某县2023年政府信息公开工作年度报告", "一、总体情况", "内容甲", "内容乙", "内容丙", "内容某县年报"]
    assert noise_lines(lines) == {3, 4, 6, 7}


@pytest.mark.parametrize("name, page_marks", [("2025_shanghai_bgt.md", 7), ("2024_shanghai_kw.md", 0)])
def test_corpus_markdown(name, page_marks):
    data = (CORPUS / name).read_bytes()
    doc = MarkdownLoader().load(name, data)
    lines = doc.source.split("\n")
    marks = [i for i, line in enumerate(lines) if line.strip().startswith("—")]
    assert len(marks) == page_marks
    shown = {b.span.line for b in doc.blocks if isinstance(b, Paragraph)}
    assert not any(i + 1 in shown for i in marks)
    assert doc.problems == []
    # Every pipe line is in a grid and every separator row skipped.
    pipe_rows = sum(1 for line in lines if line.startswith("|") and "---" not in line)
    assert sum(len(g.rows) for g in doc.grids()) == pipe_rows
    for block in doc.blocks:
        items = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]
        for item in items:
            if item.text:
                assert sliced(doc, item.span) == item.text


def test_kw_report_keeps_lone_value_line():
    doc = MarkdownLoader().load("kw.md", (CORPUS / "2024_shanghai_kw.md").read_bytes())
    assert any(p.text == "1" and p.span.line == 172 for p in doc.paragraphs())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["|", "||", "|---|", "# ", "— 3 —", "1", "\\|", "**", " ", "\r"]),
                          st.text(max_size=15)), max_size=40).map("".join))
def test_arbitrary_markdown_never_raises_and_spans_hold(text):
    doc = load(text)
    for block in doc.blocks:
        items = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block]
        for item in items:
            if item.text and "\\|" not in sliced(doc, item.span):
                assert sliced(doc, item.span) == item.text
