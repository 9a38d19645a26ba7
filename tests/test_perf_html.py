"""The HTML loader's fast paths give what the plain ones gave.

``html.source._MARKUP`` was rewritten for speed (plain end tags first, unrolled loops, no
global IGNORECASE); the first plain version is kept here as the oracle.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govlint.loaders.html import source as html_source
from plain_locator import PlainLocator

PLAIN_MARKUP = re.compile(
    r"<(?:!--.*?(?:-->|\Z)"
    r"|(?P<raw>script|style|title|textarea|xmp|iframe|noembed|noframes|plaintext)\b"
    r"""(?:[^>"']|"[^"]*"|'[^']*')*>.*?(?:</(?P=raw)\s*>|\Z)"""
    r"|[!?][^>]*>?"
    r"""|/?[A-Za-z][^\s/>]*(?:[^>"'<]|"[^"]*"|'[^']*')*>?)""",
    re.S | re.I)

fragments = st.sampled_from([
    "<", ">", "</", "/", "<!--", "-->", "--", "<!", "<?", "?>", '"', "'", "=", " ", "\n", "a", "p", "td", "TD",
    "script", "SCRIPT", "Script", "\u017fcript", "style", "title", "textarea", "xmp", "iframe", "noembed",
    "noframes", "plaintext", "titlex", "styles", "\u0130frame", "div", "br/", 'class="x>y"', "k='<'",
    "&nbsp;", "文字", "12", "\u212a",
])
sources = st.lists(fragments, max_size=40).map("".join)


@settings(max_examples=100, deadline=None)
@given(sources)
def test_markup_spans_equal_the_plain_expression(source):
    want = [m.span() for m in PLAIN_MARKUP.finditer(source)]
    assert [m.span() for m in html_source._MARKUP.finditer(source)] == want


def test_markup_on_real_pages(fixtures):
    pages = sorted((fixtures / "corpus").glob("*.html")) + sorted((fixtures / "seeds_html").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        want = [m.span() for m in PLAIN_MARKUP.finditer(text)]
        assert len(want) > 100
        assert [m.span() for m in html_source._MARKUP.finditer(text)] == want, page.name


def test_a_tag_without_end_fails_in_linear_time():
    # an unterminated raw element start tag must not backtrack exponentially
    source = "<script " + "a" * 3000 + '"' + "b" * 3000
    assert [m.span() for m in html_source._MARKUP.finditer(source)] == \
        [m.span() for m in PLAIN_MARKUP.finditer(source)]


def test_raw_elements_in_any_case():
    # the case-insensitive plain expression also takes ſ for s and İ, ı for i (and its
    # back-reference does not fold ſ: ``<ſcript>…</script>`` runs to the end of the source)
    for source in ("<\u017fcript>a<b>c</script>x", "<\u017fcript>a<b>c</\u017fcript>x", "<\u0130frame src='<'>y<i>z</IFRAME >t",
                   "<Title>a<b></TITLE>", "<styles>a</styles>", "<xmp>1<2</xmp"):
        want = [m.span() for m in PLAIN_MARKUP.finditer(source)]
        assert [m.span() for m in html_source._MARKUP.finditer(source)] == want, source


# -- grids: the first, plain expansion of rowspan/colspan is the oracle --------------------
def _plain_grid(rows):
    from govlint.document import Cell
    from govlint.loaders.html.grid import MAX_CELLS, MAX_SPAN, _span_value

    n_rows = len(rows)
    taken = {}
    budget = MAX_CELLS
    for r, row in enumerate(rows):
        c = 0
        for text, span, raw_rowspan, raw_colspan in row:
            while (r, c) in taken:
                c += 1
            colspan = _span_value(raw_colspan) or 1
            rowspan = _span_value(raw_rowspan)
            if rowspan is None:
                rowspan = 1
            elif rowspan == 0:
                rowspan = n_rows - r
            colspan = min(colspan, MAX_SPAN)
            rowspan = max(1, min(rowspan, MAX_SPAN, n_rows - r))
            if budget <= 0:
                break
            if rowspan * colspan > budget:
                colspan = max(1, min(colspan, budget // rowspan or 1))
                rowspan = max(1, min(rowspan, budget // colspan or 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    if (r + dr, c + dc) not in taken:
                        taken[(r + dr, c + dc)] = Cell(text, span, r + dr, c + dc, rowspan, colspan,
                                                       dr == 0 and dc == 0)
            budget -= rowspan * colspan
            c += colspan
    grid_rows = [[] for _ in range(n_rows)]
    for (r, c), cell in taken.items():
        grid_rows[r].append(cell)
    for r, row in enumerate(grid_rows):
        row.sort(key=lambda cell: cell.col)
        if row and row[-1].col + 1 != len(row):
            present = {cell.col for cell in row}
            row.extend(Cell("", None, r, c) for c in range(row[-1].col) if c not in present)
            row.sort(key=lambda cell: cell.col)
    kept = [row for row in grid_rows if row]
    for r, row in enumerate(kept):
        for cell in row:
            cell.row = r
    return kept


span_attr = st.one_of(st.none(), st.sampled_from(["0", "1", "2", "3", " 2", "2x", "x", "", "9999999999"]))
raw_rows = st.lists(st.lists(st.tuples(st.sampled_from(["a", "1", ""]), st.none(), span_attr, span_attr),
                             max_size=5), max_size=6)


@settings(max_examples=100, deadline=None)
@given(raw_rows)
def test_grid_expansion_equals_the_plain_one(rows):
    from govlint.loaders.html.grid import build_grid

    def shape(grid_rows):
        return [[(c.text, c.row, c.col, c.rowspan, c.colspan, c.origin) for c in row] for row in grid_rows]

    got = build_grid(rows).rows
    assert shape(got) == shape(_plain_grid(rows))
    assert all(cell.col == i for row in got for i, cell in enumerate(row))


# -- locating text: the first, bisect-per-step walk is the oracle ---------------------------
page_parts = st.sampled_from(["<p>", "</p>", "<td class='a>b'>", "</td>", "<br/>", "<!-- 12 <b> -->", "&nbsp;",
                              "&amp;", " ", "\n", "12", "3", "商业企业", "其他", "<script>1<2</script>", "<b>",
                              "</b>", "&#160;"])
wanted = st.lists(st.tuples(st.sampled_from(["12", "3", "商业企业", "其他", "&", "1", "x", " 3 "]),
                            st.one_of(st.none(), st.integers(min_value=0, max_value=40))), max_size=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(page_parts, max_size=60).map("".join), wanted)
@example("3<p>12</p>", [("12", None)])
@example("x<b>y</b>\n<p>&nbsp;</p><td>3</td>12", [("3", None), ("12", None)])
@example("<p>1&amp;2</p>", [("1&2", None)])
@example("<b>&nbsp;x</b>", [("x", 4)])  # a cursor inside a blank entity after markup
@example("<b>&nbsp;x</b>", [("n", 4)])
@example("<b>\n&nbsp;<i>&#160; x", [("x", 11)])
@example("<b>&nbsp;&#160; x<i>y", [("x", 7)])  # inside an entity, then blanks to the run's end
@example("<b>&nbsp;&#160; x<i>y", [("y", 7), ("y", 4)])
@example("<a>1<b>&#x3000; x<i>1<i>2", [("1z", None), ("x", 9)])  # in the last run scanned, inside an entity
def test_locate_walks_like_the_plain_locator(source, pieces):
    import pytest

    for steps, segments in ((html_source._MAX_STEPS, html_source._MAX_SEGMENTS), (6, 2)):
        with pytest.MonkeyPatch.context() as patch:  # small limits: the give-up paths too
            patch.setattr(html_source, "_MAX_STEPS", steps)
            patch.setattr(html_source, "_MAX_SEGMENTS", segments)
            patch.setattr(html_source, "_BATCH", 2)  # the lazy scan goes on a few runs at a time
            fast, plain = html_source.SourceLocator(source), PlainLocator(source)
            for text, cursor in pieces:
                if cursor is not None and cursor <= len(source):
                    fast.cursor = plain.cursor = cursor  # as a line hint or a cell tag moves it
                assert fast.locate(text) == plain.locate(text)
                assert fast.cursor == plain.cursor


# Long runs: hundreds of tags with blanks between, on either side of the step limit (400
# matches), so that the fast walk's markup count (a bound first, then match by match) decides
# as the plain walk's steps do; text that looks like markup ("<b" in a segment, "1<2").
_long_parts = st.one_of(
    page_parts,
    st.builds(lambda unit, n: unit * n,
              st.sampled_from(["<b></b>", "<br>", " <i> ", "&nbsp;<br/>", "<!---->", "<td>\n</td>", "<p>&#160;</p>",
                               "<script><b>1</b></script>", "<td>x</td>", "<b>商业企业</b>"]),
              st.sampled_from([1, 2, 11, 12, 13, 198, 199, 200, 201, 399, 400, 401])))
_long_wanted = st.lists(st.tuples(st.sampled_from(["12", "3", "商业企业", "x", "<b>", "1<2", "&", "其他"]),
                                  st.one_of(st.none(), st.integers(min_value=0, max_value=3000))), max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(_long_parts, max_size=8).map("".join), _long_wanted)
@example("<b></b>" * 399 + "12", [("12", 0)])
@example("<b></b>" * 200 + "12", [("12", 0)])
@example("<br>" * 399 + "12", [("12", 0)])
@example("<br>" * 400 + "12", [("12", 0)])
@example("x" + " <i> " * 400 + "12", [("12", 1)])
@example("<td>" * 399 + "12", [("12", 2)])
@example("<p>&#160;</p>" * 300, [("12", 200)])  # from inside an entity, then blank segments
def test_locate_across_long_runs_like_the_plain_locator(source, pieces):
    fast, plain = html_source.SourceLocator(source), PlainLocator(source)
    for text, cursor in pieces:
        if cursor is not None and cursor <= len(source):
            fast.cursor = plain.cursor = cursor
        assert fast.locate(text) == plain.locate(text)
        assert fast.cursor == plain.cursor
        assert fast.locate_cell() == plain.locate_cell()
        assert fast.cursor == plain.cursor


# -- cell start tags: the plain scan of every markup match is the oracle --------------------
def _same_cells(source, cursors):
    """Cell tags found from each cursor (or from where the last one left off) are the plain ones."""
    fast, plain = html_source.SourceLocator(source), PlainLocator(source)
    for cursor in cursors:
        if cursor is not None and cursor <= len(source):
            fast.cursor = plain.cursor = cursor
        assert fast.locate_cell() == plain.locate_cell()
        assert fast.cursor == plain.cursor


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<td>", "<TH class='x'>", "</td>", "<!-- <td> -->", "<script><td></script>",
                                 "<tdx>", "td", "<t", "d>", "文字", " ", "<tr>", "<tr class=\"a<td>\">", "1<2",
                                 "<title><td></title>", "<b>", "</b>", "<td/>", "<?x <td>?>", "</td x='>'>"]),
                max_size=40).map("".join),
       st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=80)), max_size=12))
def test_cell_tags_equal_the_plain_scan(source, cursors):
    _same_cells(source, cursors)


def test_cell_tags_on_real_pages(fixtures):
    for page in sorted((fixtures / "corpus").glob("*.html")):
        source = page.read_text(encoding="utf-8", errors="replace")
        plain = PlainLocator(source)
        assert len(plain._cells) > 50, page.name
        _same_cells(source, [None] * (len(plain._cells) + 1))
