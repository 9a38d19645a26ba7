"""The parser's fast paths find what the plain ones find.

Each optimisation of the report parser does once per report what used to be done per piece,
per table or per label; each is held here to the plain way of doing the same thing, on
generated text and on the real reports in ``tests/fixtures/corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import re

from govlint.format import sections as format_sections
from govlint.normalize import chinese_number
from govlint.parser import find_tables
from govlint.parser import sections
from govlint.parser.sections import find_headings, heading_candidates, split_headings
from govlint.parser.stream import SEP, Stream
from govlint.testing import load_document

CORPUS = sorted((Path(__file__).resolve().parent / "fixtures" / "corpus").iterdir())

#: the words strict headings are made of, and what stands around them in reports
_TITLES = [section.title for section in format_sections.SECTIONS] + ["行政机关主动公开政府信息的情况", "概述"]
_BITS = st.sampled_from(["一", "二", "三", "六", "十", "十二", "第", "部分", "部 分", "、", ".", "，", ",", "：",
                         " ", "  ", "\u3000", "#", "*", "。", "）", "1", "|", "本年", "其他", "是"])
_PIECE = st.lists(st.one_of(_BITS, st.sampled_from(_TITLES)), max_size=8).map("".join)


def _plain(folded: str):
    """The plain way to cut pieces: every piece asked, with the inline pattern as first written."""
    return _plain_split(folded)


def _assert_candidates_cover(pieces):
    text = SEP.join(pieces)
    marks = heading_candidates(text)
    assert marks == sorted(marks)
    at = 0
    for piece in pieces:
        if list(split_headings(piece)):
            assert any(at <= mark < at + len(piece) for mark in marks), (piece, text, marks)
        at += len(piece) + 1


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=6))
def test_every_piece_with_a_strict_heading_holds_a_candidate(pieces):
    _assert_candidates_cover(pieces)


@pytest.mark.parametrize("piece", ["前言。一、总体情况", " ## 二 、主动公开政府信息情况",
                                   "第三部分，收到和处理政府信息公开申请情况", "正文。第 四 部 分 、政府信息公开行政复议、行政诉讼情况",
                                   "12 0 3|五.存在的主要问题及改进情况", "*六其他需要报告的事项"])
def test_the_candidates_cover_real_heading_forms(piece):
    # the property above would hold of a scan that never fires: these pieces hold headings
    assert list(split_headings(piece))
    _assert_candidates_cover(["正文", piece, "正文"])
    _assert_candidates_cover([piece])


def _plain_split(folded: str):
    """``split_headings`` with the inline pattern as first written (a lookbehind, then an
    optional ``第``), tried at every position of the squeezed piece."""
    titles = "|".join(f"(?P<{s.key}>{'|'.join(f'(?:{p})' for p in s.patterns)})" for s in format_sections.SECTIONS)
    inline = re.compile(rf"(?<![^{sections._BEFORE}])(?:第)?(?P<num>{sections._NUM})(?:部分)?[、.，,](?:{titles})")
    _, start = sections._strict()
    squeezed, index = sections._squeeze(folded)
    first = start.match(squeezed)
    hits = ([first] if first else []) + [m for m in inline.finditer(squeezed) if m.start() > 0]
    seen, out = set(), []
    for match in hits:
        if match.start() in seen:
            continue
        seen.add(match.start())
        number, key = chinese_number(match.group("num")), sections._key_of(match)
        if number is not None and key is not None:
            out.append((index[match.start()], index[match.end() - 1] + 1, (number, key)))
    return out


@settings(max_examples=300, deadline=None)
@given(_PIECE)
def test_the_inline_heading_pattern_finds_what_the_plain_one_finds(piece):
    assert list(split_headings(piece)) == _plain_split(piece)


@pytest.mark.parametrize("piece", ["正文。二、主动公开政府信息情况", "正文。第三部分，收到和处理政府信息公开申请情况",
                                   "1|十二、其他需要报告的事项", "是二、主动公开政府信息情况", "。第 二 、主动公开政府信息情况"])
def test_the_inline_heading_pattern_on_known_forms(piece):
    assert list(split_headings(piece)) == _plain_split(piece)


def _plain_headings(stream, tables):
    """``find_headings`` testing every region for every piece."""
    out = []
    strict_at = {start: (end, number, key) for start, end, (number, key) in stream.split_headings}
    for piece in stream.pieces:
        if any(a <= piece.start < b for a, b in tables):
            continue
        if piece.start in strict_at:
            end, number, key = strict_at[piece.start]
            out.append(sections.Heading(piece.start, end, number, key))
            continue
        found = sections.loose_heading(piece.text)
        if found:
            out.append(sections.Heading(piece.start, piece.end, found[0], found[1]))
    return out


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.name)
def test_headings_walked_beside_the_regions_are_the_plain_ones(page):
    stream = Stream(load_document(page), splitter=split_headings)
    _, regions = find_tables(stream)
    assert find_headings(stream, sorted(regions)) == _plain_headings(stream, regions)
    # regions ending and starting at the pieces that are headings, overlapping, empty, unordered
    heads = [h.start for h in _plain_headings(stream, [])]
    size = len(stream.text)
    odd = [(a - 2, a) for a in heads[::2]] + [(a, a + 1) for a in heads[1::3]]
    odd += [(size // 3, size // 2), (size // 4, size // 3), (size // 2, size // 2), (10, 5)]
    assert find_headings(stream, odd) == _plain_headings(stream, odd)


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.name)
def test_the_stream_cuts_the_pieces_it_would_cut_asking_about_every_piece(page):
    document = load_document(page)
    fast, plain = Stream(document, splitter=split_headings), Stream(document, splitter=_plain)
    assert fast.split_headings == plain.split_headings
    assert fast.text == plain.text and fast.raw == plain.raw
    assert [(p.text, p.start, p.base, p.kind) for p in fast.pieces] == \
        [(p.text, p.start, p.base, p.kind) for p in plain.pieces]


_GAP_BITS = st.sampled_from(["\x1f", "\x1f", "0", "12", "3", "1,234", "5.5", " ", "|", "-", "无", "件", "万元", "合计",
                             "０", "٣", "注：本表数据", "。"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_GAP_BITS, max_size=16).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_a_gap_of_counts_reads_as_token_by_token(text, lead, trail):
    # the fast path for a row of counts against the general tokenizer, on any gap
    from govlint.parser.values import _read_tokens, read_gap

    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - trail)
    assert read_gap(text, start, end) == _read_tokens(text, start, end)


@pytest.mark.parametrize("gap", ["\x1f1\x1f0\x1f12\x1f", "\x1f1\x1f0\x1f12", "\x1f7"])
def test_the_fast_path_reads_rows_of_counts(gap):
    from govlint.parser.values import _read_tokens, read_gap

    found = read_gap(gap, 0, len(gap))
    assert found == _read_tokens(gap, 0, len(gap)) and found.tokens and not found.prose


# -- the stream: parallel lists against one object per piece (tests/plain_stream.py) --------
def _assert_stream_as_plain(document, splitter=split_headings, ranges=()):
    from plain_stream import PlainStream

    plain = PlainStream(document, splitter=splitter)
    fast = Stream(document, splitter=splitter)
    assert fast.text == plain.text and fast.raw == plain.raw
    assert fast.split_headings == plain.split_headings
    assert fast.starts == plain._piece_starts and fast.texts == [p.text for p in plain.pieces]
    # spans first, from a stream whose pieces were never made: each place worked out on demand
    for a, b in ranges:
        assert fast.span(a, b) == plain.span(a, b), (a, b)
    assert [fast.column(pos) for pos in range(len(fast.text) + 1)] == \
        [plain.column(pos) for pos in range(len(plain.text) + 1)]
    assert [fast.heading(i) for i in range(len(fast.starts))] == [p.heading for p in plain.pieces]
    assert [(p.text, p.start, p.end, p.kind, p.heading, p.base, p.span) for p in fast.pieces] == \
        [(p.text, p.start, p.end, p.kind, p.heading, p.base, p.span) for p in plain.pieces]


def _ranges(stream_text: str, seed: int, count: int = 150):
    import random

    pick = random.Random(seed)
    size = len(stream_text)
    out = [(0, 0), (size, size), (size - 1, size + 3)]
    for _ in range(count):
        a = pick.randrange(0, size + 1)
        out.append((a, min(size + 2, a + pick.choice([0, 1, 2, 5, 20, 80, 400]))))
    return out


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.name)
def test_the_stream_is_the_plain_one(page):
    document = load_document(page)
    text = Stream(document, splitter=split_headings).text
    _assert_stream_as_plain(document, ranges=_ranges(text, len(text)))
    _assert_stream_as_plain(load_document(page), splitter=_plain)
    _assert_stream_as_plain(load_document(page), splitter=None)


#: texts of paragraphs and cells: headings that cut a text, blanks, numbers, prose
_STREAM_TEXTS = st.one_of(
    _PIECE,
    st.sampled_from(["", " ", "正文。", "12", "一、总体情况", "前言。二、主动公开政府信息情况 正文", "  三、收到和处理政府信息公开申请情况  ",
                     "本年新收政府信息公开申请数量", "合计", "四、政府信息公开行政复议、行政诉讼情况。五、存在的主要问题及改进情况"]))


@st.composite
def _documents(draw):
    from govlint.document import Cell, Document, Grid, Paragraph
    from govlint.span import Span

    source_parts, at = [], 0
    blocks = []

    def placed(text):
        nonlocal at
        how = draw(st.sampled_from(["at", "span", "none"]))
        start = at
        source_parts.append(text + "\n")
        at += len(text) + 1
        if how == "at":
            return None, (start, start + len(text))
        if how == "span":
            line = len(source_parts)
            return Span(line, 1, line, len(text) + 1), None
        return None, None

    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            text = draw(_STREAM_TEXTS)
            span, where = placed(text)
            blocks.append(Paragraph(text, span, draw(st.booleans()), where))
        else:
            rows = []
            for r in range(draw(st.integers(0, 3))):
                row = []
                for c in range(draw(st.integers(0, 3))):
                    text = draw(_STREAM_TEXTS)
                    span, where = placed(text)
                    row.append(Cell(text, span, r, c, 1, 1, draw(st.integers(0, 4)) > 0, where))
                rows.append(row)
            blocks.append(Grid(rows))
        if draw(st.integers(0, 5)) == 0:
            blocks.append("not a block")  # what the stream passes over
    fmt = draw(st.sampled_from(["html", "text", "markdown"]))
    return Document(path="r", format=fmt, source="".join(source_parts), blocks=blocks)


@settings(max_examples=300, deadline=None)
@given(_documents(), st.integers(0, 10**6))
def test_the_stream_of_any_document_is_the_plain_one(document, seed):
    text = Stream(document, splitter=split_headings).text
    _assert_stream_as_plain(document, ranges=_ranges(text, seed, 40))
    _assert_stream_as_plain(document, splitter=_plain, ranges=_ranges(text, seed + 1, 10))


def _plain_prose(stream, start, end, regions):
    """``parser._prose`` asking every piece of the stretch, table cells included."""
    from govlint.parser import _DEBRIS, _subtract

    near = [(ra, rb) for ra, rb in regions if ra < end and rb > start]
    for i, piece in enumerate(stream.pieces):
        a, b = max(start, piece.start), min(end, piece.end)
        if a >= b:
            continue
        for s, e in _subtract(a, b, near):
            raw = stream.raw[s:e]
            text = raw.strip()
            if _DEBRIS.fullmatch(text):
                continue
            s += len(raw) - len(raw.lstrip())
            e -= len(raw) - len(raw.rstrip())
            yield text, piece.heading, s, e


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.name)
def test_prose_passes_over_table_cells_as_the_plain_walk_does(page):
    from govlint.parser import _prose

    stream = Stream(load_document(page), splitter=split_headings)
    _, regions = find_tables(stream)
    size = len(stream.text)
    heads = [h.start for h in find_headings(stream, sorted(regions))]
    cases = [sorted(regions), [], sorted([(size // 3, size // 2), (size // 4, size // 3), (size // 2, size // 2)]),
             sorted((a - 1, a + 3) for a in stream.starts[::7])]
    stretches = [(0, size)] + list(zip([0] + heads, heads + [size])) + [(size // 5, size // 2)]
    for regions in cases:
        for a, b in stretches:
            fast = [(p.text, p.heading, p.span) for p in _prose(stream, a, b, regions)]
            plain = [(text, heading, stream.span(s, e)) for text, heading, s, e in _plain_prose(stream, a, b, regions)]
            assert fast == plain


# -- rows of counts placed without a token per cell, against the token-by-token path -------
def _tables_both_ways(document):
    from govlint.parser import table2, table3

    fast = find_tables(Stream(document, splitter=split_headings))
    with pytest.MonkeyPatch.context() as patch:
        for module in (table2, table3):
            patch.setattr(module, "count_cells", lambda text, start, end: None)
        plain = find_tables(Stream(document, splitter=split_headings))
    return fast, plain


_PAGES = CORPUS + sorted((Path(__file__).resolve().parent / "fixtures" / "seeds").iterdir()) + \
    sorted((Path(__file__).resolve().parent / "fixtures" / "seeds_html").iterdir())


@pytest.mark.parametrize("page", _PAGES, ids=lambda p: p.name)
def test_rows_of_counts_are_placed_as_token_by_token(page):
    fast, plain = _tables_both_ways(load_document(page))
    assert fast == plain


#: what a cell of a table row may hold: counts as printed, blanks, marks, glued and odd runs
_CELL_TEXTS = st.sampled_from(["0", "12", "7", "", " ", "１２", "-", "无", "3 4", "1000001", "12.5", "5件", "00", "注：无"])


@st.composite
def _table_documents(draw):
    from govlint.document import Cell, Document, Grid, Paragraph
    from govlint.format import table2 as t2, table3 as t3

    header = ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [header[:draw(st.integers(3, len(header)))]]
    labels = [row.label for row in t3.ROWS] + ["第二十条第（一）项", "信息内容", "本年制发件数", "规章"] + \
        [row.label for row in t2.ROWS][:4]
    for _ in range(draw(st.integers(1, 12))):
        label = draw(st.sampled_from(labels))
        # mostly a row as long as the table's (7 columns, 8 with a subtotal, 3 or 4 in table 二)
        size = draw(st.sampled_from([7, 7, 7, 8, 3, 4, 0, 6, 9]))
        cell = st.one_of(st.integers(0, 999).map(str), st.integers(0, 99).map(str), _CELL_TEXTS)
        cells = draw(st.lists(cell, min_size=size, max_size=size))
        rows.append([label, *cells])
    at = 0
    grid = []
    for r, texts in enumerate(rows):
        grid.append([Cell(text, None, r, c) for c, text in enumerate(texts)])
    # a heading may cut the grid, and labels and rows may follow the last heading
    cut = draw(st.integers(0, len(grid)))
    blocks = [Paragraph("三、收到和处理政府信息公开申请情况"), Grid(grid[:cut]),
              Paragraph(draw(st.sampled_from(["四、政府信息公开行政复议、行政诉讼情况", "正文"]))), Grid(grid[cut:])]
    if draw(st.booleans()):
        blocks.insert(0, Paragraph("二、主动公开政府信息情况"))
    if draw(st.booleans()):
        blocks += [Paragraph("五、存在的主要问题及改进情况"), Grid(grid[1:])]
    return Document(path="t", format=draw(st.sampled_from(["html", "text"])), blocks=blocks)


@settings(max_examples=300, deadline=None)
@given(document=_table_documents())
def test_rows_of_counts_in_any_table_are_placed_as_token_by_token(document):
    fast, plain = _tables_both_ways(document)
    assert fast == plain


def _tables_scanning_everything(document):
    """``find_tables`` with every label set scanned to the end of the text."""
    from govlint.parser import tables

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "_until", lambda scan, hits, limit: hits.extend(scan))
        return find_tables(Stream(document, splitter=split_headings))


@pytest.mark.parametrize("page", _PAGES, ids=lambda p: p.name)
def test_label_scans_stopped_at_the_heading_after_a_table_find_its_tables(page):
    document = load_document(page)
    assert find_tables(Stream(document, splitter=split_headings)) == _tables_scanning_everything(document)


@settings(max_examples=200, deadline=None)
@given(document=st.one_of(_table_documents(), _documents()))
def test_label_scans_stopped_at_the_heading_after_any_table_find_its_tables(document):
    assert find_tables(Stream(document, splitter=split_headings)) == _tables_scanning_everything(document)
