"""The sentence a finding points into, as a reader sees it (``govlint.reporters.passage``)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.reporters.excerpt import excerpt
from govlint.reporters.passage import is_markup, passage
from govlint.span import Span

WORD_EXPORT = Path(__file__).parent / "fixtures" / "corpus" / "2022_pingtan_htp.html"


def _marked(found) -> str:
    return found.text[found.start:found.end]


def test_a_word_export_shows_the_sentence_not_its_markup():
    source = WORD_EXPORT.read_text(encoding="utf-8")
    lines = source.split("\n")
    # line 126 is `font-size:16.0000pt;mso-font-kerning:0.0000pt;">4</span><span style=…`
    line = lines[125]
    column = line.index('">4<') + 3  # the 4, 1-based
    # the sentence runs over lines 123 to 130: the lines around the span are read
    (shown,) = excerpt("\n".join(lines[105:145]), Span(126, column, 126, column + 1), 100, first=106)
    assert shown.text == "2022年，我局共受理政务信息公开的申请4条，均按期予以办理答复。"
    assert shown.text[shown.start:shown.end] == "4" and shown.number == 126
    assert "pt;" not in shown.text and "<" not in shown.text


def test_the_sentence_ends_at_its_full_stop_and_starts_after_the_previous_one():
    text = "第一句。第二句有数字12件，占比3%；另有说明。第三句。"
    found = passage(text, text.index("12"), text.index("12") + 2)
    assert found.text == "第二句有数字12件，占比3%；另有说明。" and _marked(found) == "12"


def test_paragraphs_and_cells_keep_sentences_apart_and_entities_are_decoded():
    source = "<p>上一段没有句号</p><p>本段&nbsp;收到&lt;申请&gt;<b>7</b>件</p><td>9</td>"
    found = passage(source, source.index("7"), source.index("7") + 1)
    assert found.text == "本段 收到<申请>7件" and _marked(found) == "7"


def test_a_span_over_markup_only_marks_nothing_and_a_cut_tag_is_not_shown():
    source = "<td style=\"width:47px\">&nbsp;</td>"
    assert passage(source, 0, len(source)).text == ""
    # a region starting inside a very long tag: the tag's tail is dropped, not shown as text
    source = '<span style="' + "x" * 6000 + '">共收到申请12件。</span>'
    found = passage(source, source.index("12"), source.index("12") + 2)
    assert found.text == "共收到申请12件。" and _marked(found) == "12"


def test_a_span_on_white_space_at_the_edge_of_a_sentence_is_still_marked():
    found = passage(" 1111、、", 0, 1)
    assert found.text == " 1111、、" and _marked(found) == " "


def test_angle_brackets_of_chinese_titles_are_not_markup():
    text = "根据<政府信息公开处理费管理办法>规定，本年度未收费。"
    assert not is_markup(text)
    assert passage(text, 3, 5).text == text


WORDS = st.text(st.sampled_from(list("收到申请件数为予以公开总计0123456789，、")), min_size=1, max_size=6)
TAGS = st.sampled_from(["<span style=\"font-size:16.0000pt;\">", "</span>", "<b>", "</b>", "<o:p></o:p>",
                        "<font face=宋体>", "</font>", "&#32;"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(TAGS, WORDS), min_size=1, max_size=12), st.data())
def test_the_marked_text_is_what_a_browser_shows_of_the_span(pieces, data):
    """Whatever inline markup surrounds the words, the passage is the words and the span's
    word is what is marked."""
    source, where = "<p>", []
    for tag, word in pieces:
        source += tag
        where.append((len(source), word))
        source += word
    source += "</p>"
    at, word = data.draw(st.sampled_from(where))
    found = passage(source, at, at + len(word))
    words = "".join(w for _, w in pieces)
    assert found.text.replace(" ", "") == words.replace(" ", "")
    assert _marked(found).replace(" ", "") == word.replace(" ", "")
