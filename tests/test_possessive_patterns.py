"""Possessive loops in the loaders' and parser's patterns match what the plain loops matched.

Python's engine keeps a record per iteration of a loop over a group (``(?:…)*``) so that it can
back into it: a 5 MB text line of ``1 1 1 …`` held 650 MB in the run-on scanner's number
pattern. Where nothing after a loop can use what backing off would give back, the loop is
possessive (``*+``), which keeps no such record. Each pattern here is held to its plain form,
written out below, on inputs made of the characters it reads.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.loaders import markdown
from govlint.loaders.html import source
from govlint.loaders.text import regions, runon
from govlint.parser import sections, values

_ATOM = r"\d[\d.．\-－]*"
# (the pattern in use, its plain form, how it is used, the characters of the inputs)
CASES = {
    "runon number runs": (runon._TOKEN, r"(?P<c><!--[^<>]{0,300}-->)|(?P<n>" + _ATOM
                          + r"(?:[ \t\u3000\xa0]+" + _ATOM + r")*)", "finditer", "1 2.-－\t\u3000<!-->x"),
    "row of counts": (values._PLAIN_ROW, r"(?:\x1f[0-9]*)+", "fullmatch", "\x1f12a "),
    "Markdown separator": (markdown._SEPARATOR, r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$",
                           "match", "|-: \tx"),
    "Markdown bullet": (markdown._BULLET, r"^(\s*(?:>\s*)*(?:[-*+][ \t]+)?)", "match", "> -*+\tx"),
    "text Markdown rule": (regions._MD_RULE, r"\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*\r?",
                           "fullmatch", "|-: \t\rx"),
    "piece opening a heading": (sections._OPENS_PIECE, r"\x1f(?=[^\S\x1f]|[#*第一二三四五六七八九十])"
                                r"(?:[^\S\x1f]|[#*])*(?:第[^\S\x1f]*)?([一二三四五六七八九十])",
                                "finditer", "\x1f #*第一二x"),
    "next cell start tag": (source._NEXT_CELL, None, "match", "<td a=\"'>/x \n"),
}


def _outcome(pattern, how: str, text: str):
    if how == "finditer":
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]
    found = getattr(pattern, how)(text)
    return None if found is None else (found.span(), found.groups())


@pytest.mark.parametrize("name", sorted(CASES))
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_possessive_pattern_matches_as_the_plain_one(name, data):
    pattern, plain, how, alphabet = CASES[name]
    if plain is None:  # a pattern whose loops are possessive by construction: its tag body
        plain = pattern.pattern.replace(source._TAG_BODY, source._TAG_BODY.replace("*+", "*"))
    text = data.draw(st.text(alphabet=alphabet, max_size=24))
    assert _outcome(pattern, how, text) == _outcome(re.compile(plain, pattern.flags), how, text)


def test_every_case_is_possessive_now():
    """The plain forms above are not what runs (a test of the test: each was changed)."""
    for name, (pattern, plain, _, _) in CASES.items():
        assert "*+" in pattern.pattern or "++" in pattern.pattern, name
        assert plain is None or plain != pattern.pattern, name
