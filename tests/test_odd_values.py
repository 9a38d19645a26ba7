"""Values that look valid to ``str`` methods or ``codecs`` but not to ``int()`` or a browser.

Each case once crashed a loader or rule (GL000 with a traceback) where the report deserves a
clear finding or none: ``rowspan="²"`` (``isdigit()`` is true, ``int()`` fails), a page
declaring ``charset="undefined"``/``idna``/``base64`` (Python codecs, not page charsets), and
numbers of thousands of digits (``int()`` refuses past 4,300 digits, and printing a sum of
two such numbers fails too). Every case runs through the real loader, parser and rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.loaders.decode import canonical_encoding
from govlint.loaders.html.grid import RawCell, build_grid
from govlint.testing import codes, lint_text

FIXTURES = Path(__file__).parent / "fixtures"
HTML_REPORT = (FIXTURES / "corpus" / "2022_pingtan_htp.html").read_text(encoding="utf-8")
CLEAN = (Path(__file__).parent / "rules" / "cases" / "reports" / "clean_2023.md").read_text(encoding="utf-8")
NEW_ROW = "| 一、本年新收政府信息公开申请数量 | 20 | 0 | 0 |"
CLAIM = "2023年共受理政府信息公开申请20件"
FEES = "2023年度本机关未收取信息处理费。"


def lint_md(text: str):
    return lint_text(text, format="markdown")


def replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


# -- rowspan/colspan --------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [("²", 1), ("٣", 1), ("３", 1), ("2²", 2), (" 3 ", 3), ("x", 1)])
def test_a_span_is_read_from_leading_ascii_digits_only(raw, expected):
    grid = build_grid([[RawCell("a", None, raw, raw), RawCell("b", None)], [RawCell("c", None)],
                       [RawCell("d", None)]])
    assert (grid.rows[0][0].rowspan, grid.rows[0][0].colspan) == (expected, expected)


@pytest.mark.parametrize("span", ["²", "٣", "¹²³"])
def test_a_non_ascii_digit_span_reads_as_no_span_in_a_real_report(span):
    odd = codes(lint_text(replaced(HTML_REPORT, 'rowspan="3"', f'rowspan="{span}"'), format="html"))
    one = codes(lint_text(replaced(HTML_REPORT, 'rowspan="3"', 'rowspan="1"'), format="html"))
    assert "GL000" not in odd
    assert odd == one


# -- declared charsets -------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["undefined", "idna", "punycode", "base64", "zlib", "rot13",
                                   "unicode_escape", "utf-7"])
def test_a_codec_that_is_no_page_charset_is_refused(label):
    assert canonical_encoding(label) is None


@pytest.mark.parametrize("label, name", [("UTF-8", "utf-8"), ("gb2312", "gb18030"), ("latin1", "iso8859-1"),
                                         ("windows-1252", "cp1252"), ("Shift_JIS", "shift_jis"),
                                         ("big5", "big5"), ("koi8-r", "koi8-r")])
def test_page_charsets_are_still_honoured(label, name):
    assert canonical_encoding(label) == name


@pytest.mark.parametrize("label", ["undefined", "idna", "punycode", "base64"])
def test_a_gbk_page_declaring_a_non_page_codec_gets_gl003_and_is_read(label):
    def page(charset: str) -> bytes:
        return replaced(HTML_REPORT, 'charset="UTF-8"', f'charset="{charset}"').encode("gb18030")

    found = lint_text(page(label), format="html")
    wrong = [f for f in found if f.code == "GL003"]
    assert "GL000" not in codes(found)
    assert len(wrong) == 1 and wrong[0].properties["declared"] == label and label in wrong[0].message
    # detection then reads the page as a correct GBK declaration would
    assert [c for c in codes(found) if c != "GL003"] == codes(lint_text(page("gbk"), format="html"))


# -- numbers too long to be counts ---------------------------------------------------------------
def test_a_4301_digit_number_in_a_sentence_is_no_claim():
    found = lint_md(replaced(CLEAN, CLAIM, CLAIM.replace("20件", "9" * 4301 + "件")))
    assert "GL000" not in codes(found) and "GL501" not in codes(found)


@pytest.mark.parametrize("digits, read", [(15, True), (16, False)])
def test_a_claim_is_read_up_to_15_digits(digits, read):
    found = lint_md(replaced(CLEAN, CLAIM, CLAIM.replace("20件", "9" * digits + "件")))
    assert ("GL501" in codes(found)) is read  # the table says 20


def test_cells_of_thousands_of_digits_are_invalid_cells():
    # two 4,300-digit cells: each converts, but their sum has 4,301 digits and cannot be printed
    big = "9" * 4300
    found = lint_md(replaced(CLEAN, NEW_ROW, f"| 一、本年新收政府信息公开申请数量 | {big} | {big} | 0 |"))
    long = [f for f in found if f.code == "GL205" and f.properties.get("problem") == "too_long"]
    assert "GL000" not in codes(found)
    assert [(f.properties["col"], f.properties["digits"]) for f in long] == [("natural", 4300), ("commercial", 4300)]
    assert all("4300 位" in f.message and big not in f.message for f in long)


@pytest.mark.parametrize("digits, too_long", [(15, False), (16, True)])
def test_a_cell_is_a_number_up_to_15_digits(digits, too_long):
    found = lint_md(replaced(CLEAN, NEW_ROW, f"| 一、本年新收政府信息公开申请数量 | {'1' * digits} | 0 | 0 |"))
    long = [f for f in found if f.code == "GL205" and f.properties.get("problem") == "too_long"]
    assert bool(long) is too_long
    assert ("GL203" in codes(found)) is not too_long  # read: the row no longer adds up


@pytest.mark.parametrize("sentence", [
    "2023年度本机关未发出收费通知。发出{n}件收费通知。",
    "2023年度本机关未收取信息处理费。收取信息处理费{n}元。",
    "收取信息处理费{n}.5万元。收取信息处理费5元。",
])
def test_fee_statements_with_thousands_of_digits_are_not_read(sentence):
    found = lint_md(replaced(CLEAN, FEES, sentence.format(n="9" * 5000)))
    assert "GL000" not in codes(found)
    assert not [f for f in found if f.code.startswith("GL40")]
