"""HTML positions found on demand are the positions found up front.

The HTML walk only notes what to look for; ``SourceLocator`` answers the notes when a span or
offset is first read, scanning the markup no further than needed. The oracle is the plain
path (``load_html(..., eager=True)`` with ``plain_locator.PlainLocator``): the whole markup
scanned first, one match per tag, and every note answered right after the walk by stepping
from segment to segment, as the loader did before. Both must give every block, cell, grid, piece,
label, section and finding the same span and offsets whatever order the spans are read in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Grid
from govlint.loaders.html import load_html
from govlint.loaders.html import source as html_source
from govlint.parser import parse
from govlint.parser.serialize import report_to_dict
from plain_locator import plain_loading


def _items(document) -> list:
    """Every block, grid cell (span copies too) of ``document``, in reading order."""
    out = []
    for block in document.blocks:
        out.append(block)
        if isinstance(block, Grid):
            out.extend(cell for row in block.rows for cell in row)
    return out


def _place(item) -> tuple:
    return (type(item).__name__, item.text if not isinstance(item, Grid) else None, item.span,
            None if isinstance(item, Grid) else item.at)


def _locator(document):
    """The locator behind a document's deferred positions (None when nothing is deferred)."""
    for item in _items(document):
        where = getattr(item, "_where", None)
        if where is not None:
            return where[0].__self__
    return None


def _same_positions(data: bytes, order) -> None:
    with plain_loading():
        plain = load_html("page.html", data, eager=True)
    eager = load_html("page.html", data, eager=True)
    lazy = load_html("page.html", data)
    want = [_place(item) for item in _items(plain)]
    assert [_place(item) for item in _items(eager)] == want
    items = _items(lazy)
    assert len(items) == len(want)
    for index in order(len(items)):  # read in the given order: the replay goes as far as needed
        assert _place(items[index]) == want[index], index
    assert report_to_dict(parse(load_html("page.html", data))) == report_to_dict(parse(plain))


def _pages(fixtures: Path) -> list[Path]:
    pages = sorted((fixtures / "corpus").glob("*.html")) + sorted((fixtures / "seeds_html").glob("*.html"))
    assert len(pages) > 4
    return pages


def test_real_pages_give_the_eager_positions_in_any_reading_order(fixtures):
    for page in _pages(fixtures):
        data = page.read_bytes()
        _same_positions(data, lambda n: range(n))
        _same_positions(data, lambda n: reversed(range(n)))
        _same_positions(data, lambda n: [*range(n // 2, n, 7), *range(0, n, 3), *range(n)])


@pytest.mark.parametrize("unit", [
    "<p>{k}" + "<i title='<<'></i>" * 150 + "y</p>\n",  # many "<", fewer tags than the step limit
    "<p>{k}" + "<b></b>" * 199 + "y</p>",  # 398 tags: just under the limit, on one line
    "<p>{k}" + "<b></b>" * 200 + "y</p>",  # 400 tags: the tail is given up on
    "<p>{k}" + "<b> </b>&nbsp;" * 150 + "y" + "<b>z</b>" * 12 + "</p>",  # blank segments, then text ones
    "<tr><!-- c --><td title='1<2'>{k}</td><td><b>&lt;b&gt;</b></td></tr>\n",  # text that reads like markup
])
def test_long_runs_of_markup_give_the_plain_positions(unit):
    body = "".join(unit.format(k=i) for i in range(6))
    if unit.startswith("<tr>"):
        body = f"<table>{body}</table>"
    page = f"<html><body><p>表</p>{body}</body></html>".encode()
    _same_positions(page, lambda n: range(n))
    _same_positions(page, lambda n: reversed(range(n)))


@pytest.mark.parametrize("body", [
    "<p>a<button>12</button>\n<span>12</span></p>",  # a line start past the run after the last piece
    "<p>a<b\nclass='x'>12</b></p>",  # a line start inside a tag
    "<p>a&nbsp;<b>\n&nbsp;12</b>&#0000000012288;<i>\n12</i></p>",  # blank entities around line starts
    "<p>&lt;b&gt;<b>x</b>\n<i>y</i></p>",  # a piece that reads like markup
])
def test_pieces_after_a_line_start_give_the_plain_positions(body):
    """``locate`` finds most pieces without the run scan, from the last place known to be
    outside markup; where the cursor jumped to a line start past the run after it, the runs
    decide."""
    page = f"<html><body>{body}</body></html>".encode()
    _same_positions(page, lambda n: range(n))
    _same_positions(page, lambda n: reversed(range(n)))


def test_nothing_is_located_until_a_position_is_read(fixtures):
    page = sorted((fixtures / "corpus").glob("*.html"))[-1]
    document = load_html(page.name, page.read_bytes())
    parse(document)  # the parser reads texts and the loader's order, no position
    locator = _locator(document)
    assert locator is not None and len(locator.texts) > 100
    assert locator.found == [] and locator._rstarts == []
    # a paragraph near the top costs the notes before it, not the page
    first = next(b for b in document.blocks if getattr(b, "_where", None) is not None)
    assert first.span is not None
    assert 0 < len(locator.found) < len(locator.texts) // 4
    assert locator.cursor < len(document.source) // 2
    assert not locator._rstarts or locator._rstarts[-1] < len(document.source) // 2


# -- generated pages: tags, comments, entities, scripts, nested cells, CRLF ---------------
_TEXT = st.sampled_from(["12", "3", "0", "商业企业", "其他", "一、总体情况", "予以公开", "x", "1<2", "a > b",
                         "（一）", "总计", " ", "  ", "\t"])
_MARK = st.sampled_from([
    "&nbsp;", "&amp;", "&#160;", "&#x3000;", "&lt;", "&ensp;", "\n", "\r\n", "<br>", "<br/>", "<!-- 12 <td> -->",
    "<!---->", "<script>var a = '<td>1</td>';</script>", "<style>td{}</style>", "<SCRIPT>x</SCRIPT >",
    "<b>", "</b>", "<span class='a>b'>", "</span>", "<p>", "</p>", "<div\nclass=\"x\">", "</div>", "<h2>", "</h2>",
    "<title>t</title>", "<select><option>1</option></select>", "<?xml x?>", "<!doctype html>",
])


@st.composite
def _cells(draw, depth: int = 0):
    parts = draw(st.lists(st.one_of(_TEXT, _MARK), max_size=5))
    if depth < 1 and draw(st.booleans()):
        parts.append(draw(_tables(depth + 1)))
    tag = draw(st.sampled_from(["td", "th", "TD"]))
    attrs = draw(st.sampled_from(["", " rowspan=2", " colspan='2'", " class=\"c\"", "\n", " title=\"a>b\"",
                                  " title='x\"y'", " title=\"1<2\" class=\"c\"", " a=\"b\" c=\"d\"/", "\tstyle=\"it's\"",
                                  " title=\"unclosed"]))
    close = draw(st.sampled_from([f"</{tag}>", ""]))
    return f"<{tag}{attrs}>" + "".join(parts) + close


@st.composite
def _tables(draw, depth: int = 0):
    rows = draw(st.lists(st.lists(_cells(depth), min_size=1, max_size=3), min_size=1, max_size=4))
    newline = draw(st.sampled_from(["", "\n", "\r\n"]))
    body = newline.join("<tr>" + newline.join(row) + "</tr>" for row in rows)
    caption = draw(st.sampled_from(["", "<caption>表二</caption>"]))
    return f"<table>{caption}{body}</table>"


_pages_html = st.lists(st.one_of(_TEXT, _MARK, _tables()), max_size=25).map(
    lambda parts: "<html><head><title>报告</title></head><body>" + "".join(parts) + "</body></html>")


@settings(max_examples=100, deadline=None)
@given(_pages_html, st.randoms(use_true_random=False))
def test_generated_pages_give_the_eager_positions(page, random):
    def shuffled(n):
        order = list(range(n))
        random.shuffle(order)
        return order

    _same_positions(page.encode("utf-8"), shuffled)


@settings(max_examples=40, deadline=None)
@given(_pages_html, st.randoms(use_true_random=False))
def test_generated_pages_with_a_scan_of_few_runs_at_a_time(page, random):
    # batches of two markup runs: every read crosses the scan's frontier
    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_source, "_BATCH", 2)
        _same_positions(page.encode("utf-8"), lambda n: random.sample(range(n), n))


@settings(max_examples=40, deadline=None)
@given(_pages_html, st.randoms(use_true_random=False))
def test_generated_pages_with_runs_bounded_at_two_items(page, random):
    # a run's loop stops after two items and is taken on from there (``source._rest_on``)
    import pytest

    run, rest = html_source._loops(2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_source, "_RUN", run)
        patch.setattr(html_source, "_REST", rest)
        _same_positions(page.encode("utf-8"), lambda n: random.sample(range(n), n))


def test_real_pages_with_runs_bounded_at_two_items(fixtures, monkeypatch):
    run, rest = html_source._loops(2)
    monkeypatch.setattr(html_source, "_RUN", run)
    monkeypatch.setattr(html_source, "_REST", rest)
    for page in _pages(fixtures):
        _same_positions(page.read_bytes(), lambda n: range(n))


def test_deferred_places_make_no_reference_cycle(fixtures):
    """A parsed page is freed as soon as it is dropped: its deferred places refer to the
    locator and the source, never back to what holds them (a cycle would keep every report
    until a full collection, and memory would grow with the number of files)."""
    import gc

    page = sorted((fixtures / "corpus").glob("*.html"))[-1]
    parse(load_html(page.name, page.read_bytes()))  # patterns compiled, caches warm
    gc.collect()
    gc.disable()
    try:
        report = parse(load_html(page.name, page.read_bytes()))
        assert [cell.span for table in report.tables.values() for cell in table] and report.sections[0].span
        del report
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_an_element_past_line_65535_gives_no_line_rather_than_a_wrong_one():
    """libxml2 keeps an element's line in 16 bits: 65535 means "this line or later". A piece
    found in the source gets its true line; one that is not (here past the step limit, behind a
    thousand tags) gets no position instead of line 65535."""
    blank = "\n" * 70_000
    hidden = ("<html><body><p>表</p>" + blank + "<p>" + "<b></b>" * 500 + "一、总体情况</p>"
              "\n<p>二、主动公开政府信息情况</p></body></html>")
    paragraphs = {block.text: block for block in load_html("page.html", hidden.encode()).blocks}
    assert paragraphs["一、总体情况"].span is None
    assert paragraphs["二、主动公开政府信息情况"].span is None  # the replay starts no later than line 65535
    plain = "<html><body><p>表</p>" + blank + "<p>一、总体情况</p>\n<p>二、主动公开政府信息情况</p></body></html>"
    paragraphs = {block.text: block for block in load_html("page.html", plain.encode()).blocks}
    assert paragraphs["一、总体情况"].span.line == 70_001
    assert paragraphs["二、主动公开政府信息情况"].span.line == 70_002
