"""The bound on the cells a table may hold, for the Markdown and text loaders as for HTML (GL006).

A hostile file of one table line (``| 1 `` a million times) made a cell object and a span for
each; past ``loaders.base.MAX_CELLS`` the cells are counted and left out instead, and GL006 says
how many. The bound is lowered here so that the tables stay small.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.loaders import base
from govlint.loaders.markdown import MarkdownLoader, _cells
from govlint.loaders.text import TextLoader
from govlint.testing import lint_text


def _reference_cells(line: str) -> list[tuple[str, int]]:
    """(text, first column) of each cell of a pipe-table line, read the plain way: split at
    every unescaped pipe, without the piece before a leading pipe or after a trailing one."""
    pipes = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    stripped = line.strip()
    pieces = list(zip([-1] + pipes, pipes + [len(line)]))
    if stripped.startswith("|"):
        pieces = pieces[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        pieces = pieces[:-1]
    out = []
    for a, b in pieces:
        raw = line[a + 1:b]
        text = raw.strip()
        column = a + 2 + (len(raw) - len(raw.lstrip())) if text else a + 2
        out.append((text.replace("\\|", "|"), column))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="| \\a1\t", max_size=30), st.integers(0, 12))
def test_cells_are_the_first_room_of_the_plain_reading(line, room):
    cells, left_out = _cells(line, 1, 0, room)
    expected = _reference_cells(line)
    assert [(c.text, c.span.column) for c in cells] == expected[:room]
    assert [c.col for c in cells] == list(range(len(cells)))
    assert left_out == max(0, len(expected) - room)


def _markdown_table(rows: int, cols: int) -> str:
    lines = ["# 2023年政府信息公开工作年度报告", "", "| " + " | ".join("abcdefgh"[:cols]) + " |",
             "|" + "---|" * cols]
    lines += ["| " + " | ".join(str(r * cols + c) for c in range(cols)) + " |" for r in range(rows)]
    return "\n".join(lines) + "\n"


def test_markdown_table_past_the_bound_is_cut_with_gl006(monkeypatch):
    monkeypatch.setattr(base, "MAX_CELLS", 10)
    doc = MarkdownLoader().load("r.md", _markdown_table(3, 4).encode())
    grid = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert [[c.text for c in row] for row in grid.rows] == [list("abcd"), ["0", "1", "2", "3"], ["4", "5"]]
    (cut,) = [p for p in doc.problems if p.code == "GL006"]
    assert cut.line == 3 and cut.properties == {"limit": 10, "left_out": 6}
    assert "表格超过 10 格，其后的 6 个单元格未读取" in cut.message


def test_markdown_table_at_the_bound_is_whole(monkeypatch):
    monkeypatch.setattr(base, "MAX_CELLS", 16)
    doc = MarkdownLoader().load("r.md", _markdown_table(3, 4).encode())
    grid = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert sum(len(row) for row in grid.rows) == 16
    assert not [p for p in doc.problems if p.code == "GL006"]


def test_each_markdown_table_has_its_own_bound(monkeypatch):
    monkeypatch.setattr(base, "MAX_CELLS", 6)
    table = _markdown_table(1, 4).split("\n", 2)[2]  # the table lines alone
    doc = MarkdownLoader().load("r.md", (table + "\n正文\n\n" + table).encode())
    cuts = [(p.line, p.properties["left_out"]) for p in doc.problems if p.code == "GL006"]
    assert cuts == [(1, 2), (7, 2)]  # lines 1-3, a blank, 正文, a blank, then the second


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_text_table_past_the_bound_is_cut_with_gl006(monkeypatch, separator):
    monkeypatch.setattr(base, "MAX_CELLS", 5)
    rows = [separator.join(str(r * 4 + c + 1) for c in range(4)) for r in range(3)]
    doc = TextLoader().load("r.txt", ("2023年政府信息公开工作年度报告\n\n" + "\n".join(rows) + "\n").encode())
    grid = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert [c.text for row in grid.rows for c in row] == ["1", "2", "3", "4", "5"]
    (cut,) = [p for p in doc.problems if p.code == "GL006"]
    assert cut.line == 3 and cut.properties == {"limit": 5, "left_out": 7}


def test_gl006_reaches_the_findings_of_a_check(monkeypatch):
    monkeypatch.setattr(base, "MAX_CELLS", 10)
    found = [f for f in lint_text(_markdown_table(3, 4), format="markdown") if f.code == "GL006"]
    assert [(f.line, f.properties["left_out"]) for f in found] == [(3, 6)]


def _regions(text: str, cap: int, monkeypatch) -> list:
    from govlint.loaders.text.regions import Lines, body_blocks

    monkeypatch.setattr(base, "MAX_CELLS", cap)
    texts = text.split("\n")
    starts, at = [], 0
    for line in texts:
        starts.append(at)
        at += len(line) + 1
    return body_blocks(Lines(text, starts, [s + len(t) for s, t in zip(starts, texts)], texts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="| 1a\t", max_size=12).filter(lambda t: "|" in t or "\t" in t),
                min_size=1, max_size=6), st.integers(1, 8))
def test_text_raw_cells_past_the_bound_are_counted_not_made(lines, cap):
    """A pipe or tab region read under a bound makes the first ``cap`` of the cells it makes
    without one, in order, and counts the rest (every line holds a pipe or a tab: no line is
    a one-cell-per-line region, whose cells the loader bounds when it makes the grid)."""
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as mp:
        whole = _regions(text, 10**9, mp)
    with pytest.MonkeyPatch.context() as mp:
        capped = _regions(text, cap, mp)

    def cells(blocks):
        return [[(c.start, c.end, c.text) for row in b.rows for c in row] for b in blocks if hasattr(b, "rows")]

    full = {grid[0][0]: grid for grid in cells(whole) if grid}  # by where each grid starts
    kept = [b for b in capped if hasattr(b, "rows")]
    assert kept or not full
    for got, grid in zip(cells(capped), kept):
        want = full[got[0][0]]  # a region read whole is a grid too (it holds at least as much)
        assert got == want[:cap]
        assert grid.left_out == len(want) - len(got)


@pytest.mark.parametrize("loader, suffix", [(TextLoader, "r.txt"), (MarkdownLoader, "r.md")])
def test_lines_past_the_bound_are_not_read(monkeypatch, loader, suffix):
    """A text or Markdown file keeps its first ``MAX_LINES`` lines; GL006 points at the next and
    counts the rest (a file of millions of one-character lines held 800 MB)."""
    monkeypatch.setattr(base, "MAX_LINES", 4)
    lines = ["2023年政府信息公开工作年度报告", "", "一、总体情况", "第一段", "第二段", "", "第三段"]
    doc = loader().load(suffix, "\n".join(lines).encode())
    texts = [b.text for b in doc.blocks if hasattr(b, "text")]
    assert "第一段" in texts and not {"第二段", "第三段"} & set(texts)
    (cut,) = [p for p in doc.problems if p.code == "GL006"]
    assert (cut.line, cut.column) == (5, 1) and cut.properties == {"limit": 4, "left_out": 3}
    assert "文件超过 4 行，其后的 3 行未读取" in cut.message


def test_a_file_of_exactly_max_lines_is_read_whole(monkeypatch):
    monkeypatch.setattr(base, "MAX_LINES", 4)
    assert base.read_lines("a\nb\nc\nd") == (["a", "b", "c", "d"], 0)
    assert base.read_lines("a\nb\nc\nd\n") == (["a", "b", "c", "d"], 0)  # nothing after the last break
    assert base.read_lines("a\nb\nc\nd\n \n\t\n") == (["a", "b", "c", "d"], 0)  # blank lines only
    assert base.read_lines("a\nb\nc\nd\ne\nf") == (["a", "b", "c", "d"], 2)
    assert base.read_lines("a\nb\nc\nd\n\ne") == (["a", "b", "c", "d"], 2)


def _page(blocks: list[str]) -> bytes:
    return ("<html><body>\n" + "\n".join(blocks) + "\n</body></html>").encode()


def test_html_page_past_max_blocks_stops_before_the_next_block(monkeypatch):
    """A page of a million ``<p>`` held 635 MB: the walk stops before the paragraph or table
    past ``MAX_BLOCKS`` of them, and GL006 points at it."""
    from govlint.loaders.html import load_html

    monkeypatch.setattr(base, "MAX_BLOCKS", 3)
    blocks = ["<p>一</p>", "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>",
              "<p>二</p>", "<p>三</p>", "<p>四</p>"]
    doc = load_html("page.html", _page(blocks))
    assert [getattr(b, "text", None) for b in doc.blocks] == ["一", None, "二"]
    (cut,) = [p for p in doc.problems if p.code == "GL006"]
    assert cut.line == 5 and cut.properties == {"limit": 3}
    assert "页面超过 3 个段落和表格，其后的内容未读取" in cut.message
    whole = load_html("page.html", _page(blocks[:3]))
    assert len(whole.blocks) == 3 and not [p for p in whole.problems if p.code == "GL006"]


def test_html_chrome_paragraphs_count_towards_max_blocks(monkeypatch):
    from govlint.loaders.html import load_html

    monkeypatch.setattr(base, "MAX_BLOCKS", 2)
    doc = load_html("page.html", _page(["<nav>首页</nav>", "<nav>导航</nav>", "<p>正文</p>"]))
    assert not doc.blocks
    assert [p.line for p in doc.problems if p.code == "GL006"] == [4]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_html_page_past_max_tags_is_read_up_to_the_next_tag(monkeypatch, encoding):
    """lxml's tree of a 5 MB page of ``<br>`` held 330 MB before the walk could stop: lxml reads
    the page up to the "<" past ``MAX_TAGS`` of them (as UTF-8 bytes or as decoded text), and
    GL006 points at that "<"."""
    from govlint.loaders.html import load_html

    monkeypatch.setattr(base, "MAX_TAGS", 8)
    head = '<html><head><meta charset="%s"></head><body>\n' % encoding
    page = head + "<p>一</p>\n<p>二</p><p>三</p>\n<p>四</p>\n</body></html>"
    doc = load_html("page.html", page.encode(encoding))
    assert [b.text for b in doc.blocks] == ["一", "二"]  # the 9th "<" is the </p> after 二
    (cut,) = [p for p in doc.problems if p.code == "GL006"]
    assert (cut.line, cut.column) == (3, 5) and cut.properties == {"limit": 8}
    assert "页面超过 8 个标签，从此处起的内容未读取" in cut.message
    assert doc.source == page  # the source is whole: positions and fixes see the page as it is
    monkeypatch.setattr(base, "MAX_TAGS", page.count("<"))
    whole = load_html("page.html", page.encode(encoding))
    assert [b.text for b in whole.blocks] == ["一", "二", "三", "四"]
    assert not [p for p in whole.problems if p.code == "GL006"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="<a\n", max_size=60), n=st.integers(1, 40), chunk=st.integers(1, 9))
def test_nth_is_the_plain_nth_occurrence(text, n, chunk):
    """``base.nth`` (counts by chunk, then halving) against the plain walk over every occurrence,
    with chunks small enough to cut the text in many places; for bytes as for text."""
    offsets = [i for i, char in enumerate(text) if char == "<"]
    expected = offsets[n - 1] if n <= len(offsets) else None
    assert base.nth(text, "<", n, chunk) == expected
    assert base.nth(text.encode(), b"<", n, chunk) == expected
