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

from govlint.format import sections as format_sections
from govlint.parser.sections import heading_candidates, split_headings
from govlint.parser.stream import SEP, Stream
from govlint.testing import load_document

CORPUS = sorted((Path(__file__).resolve().parent / "fixtures" / "corpus").iterdir())

#: the words strict headings are made of, and what stands around them in reports
_TITLES = [section.title for section in format_sections.SECTIONS] + ["行政机关主动公开政府信息的情况", "概述"]
_BITS = st.sampled_from(["一", "二", "三", "六", "十", "十二", "第", "部分", "部 分", "、", ".", "，", ",", "：",
                         " ", "  ", "\u3000", "#", "*", "。", "）", "1", "|", "本年", "其他", "是"])
_PIECE = st.lists(st.one_of(_BITS, st.sampled_from(_TITLES)), max_size=8).map("".join)


def _plain(folded: str):
    """``split_headings`` asked about every piece (it names no candidates)."""
    return split_headings(folded)


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


@pytest.mark.parametrize("page", CORPUS, ids=lambda p: p.name)
def test_the_stream_cuts_the_pieces_it_would_cut_asking_about_every_piece(page):
    document = load_document(page)
    fast, plain = Stream(document, splitter=split_headings), Stream(document, splitter=_plain)
    assert fast.split_headings == plain.split_headings
    assert fast.text == plain.text and fast.raw == plain.raw
    assert [(p.text, p.start, p.base, p.kind) for p in fast.pieces] == \
        [(p.text, p.start, p.base, p.kind) for p in plain.pieces]
