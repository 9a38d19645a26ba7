"""The HTML locator's markup patterns match exactly what they matched written with ``(?i:…)``.

``source.py`` writes the raw-text element names (and, in ``_NEXT_CELL``, the cell tag names)
as classes grouped by first letter, and a tag's first letter as a class, so that the regular
expression engine passes over them with one test per tag; and it makes the loops possessive
where nothing after them could take a character back. The plain patterns below are the same
expressions with the names as ``(?i:script|style|…)``, the letter as ``(?i:[a-z])`` and every
loop as it was: every scan and match must give the same spans.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.loaders.html import source

RAW = source.RAW_TEXT
BLANK = source._BLANK_ENTITY_BODY
TAG_BODY = source._TAG_BODY


def _plain_markup(raw: str) -> str:
    return (r"<(?:/(?i:[a-z])[^>\"'<]*>"
            r"|!--.*?(?:-->|\Z)"
            rf"|(?P<{raw}>(?i:{RAW}))\b"
            r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>"""
            rf"[^<]*(?:<(?!/(?i:(?P={raw}))\s*>)[^<]*)*(?:</(?i:(?P={raw}))\s*>|\Z)"
            r"|[!?][^>]*>?"
            r"""|/?(?i:[a-z])[^\s/>]*[^>"'<]*(?:(?:"[^"]*"|'[^']*')[^>"'<]*)*>?)""")


PLAIN_MARKUP = re.compile(_plain_markup("raw"), re.S)
PLAIN_RUN = re.compile(_plain_markup("raw") + "(?:" + _plain_markup("raw2") + r"|\s+|(?i:" + BLANK + "))*", re.S)
PLAIN_REST = re.compile("(?:" + _plain_markup("raw") + r"|\s+|(?i:" + BLANK + "))*", re.S)
PLAIN_NEXT_CELL = re.compile(
    rf"""(?:[^<]+|</(?i:[a-z])[^>"'<]*>|<(?!(?i:{RAW})\b|(?i:t[dh])[\s/>])(?i:[a-z])(?>{TAG_BODY})>)*+"""
    rf"""(?P<cell><(?=(?i:t[dh])[\s/>])(?i:[a-z])(?>{TAG_BODY})>?)""")


def test_each_letter_class_is_what_ignorecase_matches():
    letters = sorted(set(RAW.replace("|", "") + "tdh"))
    any_letter = re.compile("(?i:[" + "".join(letters) + "])")
    # every character some letter matches, found in one pass over all of Unicode
    matched = [chr(c) for c in range(sys.maxunicode + 1) if any_letter.fullmatch(chr(c))]
    for letter in letters:
        want = {ch for ch in matched if re.fullmatch("(?i:" + letter + ")", ch)}
        assert set(source._nocase(letter)[1:-1]) == want, letter
    assert {"ſ", "İ", "ı"} <= set(matched)  # the letters whose folds are not just two cases
    a_to_z = re.compile("(?i:[a-z])")
    assert {chr(c) for c in range(sys.maxunicode + 1) if a_to_z.fullmatch(chr(c))} == \
        set(re.findall(".", source._LETTER[1:-1].replace("A-Z", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                                .replace("a-z", "abcdefghijklmnopqrstuvwxyz")))


# pieces of HTML in every case, with the characters Python folds onto ASCII letters
_PIECES = st.sampled_from([
    "<td>", "<TD class=x>", "<th\n>", "<tD/>", "<tdx>", "<thead>", "<t>", "<tr>", "</td>", "</TD >", "<p>", "</p>",
    "<script>", "</script>", "<SCRIPT type='a>b'>", "</ScRiPt >", "<ſcript>", "</ſcript>", "<scrİpt>",
    "<style>", "</style>", "<stYle>", "<title>", "</tıtle>", "</TITLE>", "<textarea>", "</textarea>", "<xmp>",
    "</XMP>", "<iframe>", "</İframe>", "<noembed>", "</noembed>", "<noframes>", "</noframeſ>", "<plaintext>",
    "<scripts>", "<styles>", "<titles>", "<!-- x <td> -->", "<!-->", "<!doctype html>", "<?php ?>", "<",
    ">", "\"", "'", "<b title=\"<td>\">", "<span class='a'>", "&nbsp;", "&#160;", " ", "\n", "文字", "12",
    "<K>", "<ſ>", "</ı>", "<td", "<s", "<t", "<a href=\"x\" b='y'>", "<a\"b c=\"d\">", "</a x=\"y\">",
    "<a b=\"c", "'>", "=\"", "<p/", "<!", "<?", "-->"])
_HTML = st.lists(_PIECES, max_size=30).map("".join)


def _spans(matches, *groups):
    return [(m.span(), *(m.span(g) for g in groups)) for m in matches]


@settings(max_examples=400, deadline=None)
@given(_HTML)
def test_scans_equal_the_plain_patterns(text):
    assert _spans(source._MARKUP.finditer(text)) == _spans(PLAIN_MARKUP.finditer(text))
    assert _spans(source._RUN.finditer(text)) == _spans(PLAIN_RUN.finditer(text))


@settings(max_examples=300, deadline=None)
@given(_HTML)
def test_matches_at_every_place_equal_the_plain_patterns(text):
    for pos in range(len(text) + 1):
        assert source._REST.match(text, pos).span() == PLAIN_REST.match(text, pos).span()
        fast, plain = source._NEXT_CELL.match(text, pos), PLAIN_NEXT_CELL.match(text, pos)
        assert (fast is None) == (plain is None)
        if fast is not None:
            assert fast.span() == plain.span() and fast.span("cell") == plain.span("cell")


def test_the_patterns_differ_from_the_plain_ones_only_in_how_names_are_written():
    # the oracle above is the pattern as it was: only the names' spelling changed, and some
    # loops became possessive
    def plain(pattern):
        return (pattern.replace(source._RAW_NAMES, f"(?i:{RAW})").replace(source._LETTER, "(?i:[a-z])")
                .replace("*+", "*").replace("++", "+").replace(f"{{0,{source._ITEMS}}}", "*"))

    assert plain(source._REST.pattern) == PLAIN_REST.pattern
    assert plain(source._RUN.pattern) == PLAIN_RUN.pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_runs_bounded_at_two_items_end_where_the_plain_ones_do(text):
    """A run's loop stops after ``_ITEMS`` items (a bound on the engine's memory) and is taken on
    from there: with two items a run, every end is still the plain pattern's."""
    run, rest = source._loops(2)
    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "_REST", rest)
        patch.setattr(source, "_RUN", run)
        for pos in range(len(text) + 1):
            assert source._rest_on(text, rest.match(text, pos).end()) == PLAIN_REST.match(text, pos).end()
        scanned = source.SourceLocator(text, scan_all=True)
        assert list(zip(scanned._rstarts, scanned._rends)) == [m.span() for m in PLAIN_RUN.finditer(text)]
