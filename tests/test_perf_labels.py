"""The label scanner's fast alternation finds exactly what the plain patterns find.

``labels.label_pattern`` writes a label with an optional numbering prefix so that its branch
opens on a character class (the regex engine then skips it cheaply). These tests hold it to
two oracles: the nested patterns with optional prefixes, and a naive scan that tries every
label in order at every position.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.format import table3 as format_table3
from govlint.parser import labels

BODY = "其他处理"
# the prefixes as they were first written: one nested pattern with an optional group
NESTED = {
    "numeral": lambda n: rf"(?:{n}\s{{0,2}}[、.，]?\s{{0,2}})?",
    "numeral_required": lambda n: rf"(?:{n}\s{{0,2}}[、.]\s{{0,2}})",
    "bracket": lambda n: rf"(?:(?:（\s?{n}\s?）|{n}\s?[、.])\s{{0,2}})?",
    "bracket_required": lambda n: rf"(?:(?:（\s?{n}\s?）|{n}\s?[、.])\s{{0,2}})",
    "item": lambda n: rf"(?:{n}\s{{0,2}}[.、，]\s{{0,2}}|(?<![0-9.]){n}\s{{0,2}})?",
    "item_required": lambda n: rf"(?:{n}\s{{0,2}}[.、，]\s{{0,2}})",
}
SPELT = {
    "numeral": lambda n: labels._numeral_prefix(n),
    "numeral_required": lambda n: labels._numeral_prefix(n, required=True),
    "bracket": lambda n: labels._bracket_prefix(n),
    "bracket_required": lambda n: labels._bracket_prefix(n, required=True),
    "item": lambda n: labels._item_prefix(n),
    "item_required": lambda n: labels._item_prefix(n, required=True),
}
NUMERALS = {"numeral": "一", "bracket": "六", "item": "3"}

pieces = st.sampled_from(["一", "六", "3", "13", "0", ".", "、", "，", "（", "）", " ", "  ", "\x1f", "其他",
                          "处理", "其", "他处理", "本年", "x"])
texts = st.lists(pieces, max_size=14).map("".join)


@pytest.mark.parametrize("kind", sorted(NESTED))
def test_spelt_out_prefixes_match_as_the_nested_ones(kind):
    # every string of up to four characters from the prefixes' alphabet before the label
    numeral = NUMERALS[kind.split("_")[0]]
    nested = re.compile(NESTED[kind](numeral) + labels.literal(BODY))
    spelt = re.compile(labels.label_pattern(SPELT[kind](numeral), BODY))
    alphabet = [numeral, "1", "0", ".", "、", "，", "（", "）", " "]
    checked = 0
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars) + BODY
            for at in range(size + 1):
                want, got = nested.match(text, at), spelt.match(text, at)
                assert (want and want.span()) == (got and got.span()), (text, at)
                checked += want is not None
    assert checked > 100  # the labels were found, not just missed alike


def _naive_scan(entries, first, text):
    """Leftmost first: at each position the first label (by weight, then order) that matches."""
    ordered = sorted(entries, key=lambda e: -e[3])
    forms = [(re.compile(pattern), tag, key) for tag, key, pattern, _ in ordered]
    out, pos = [], 0
    while pos < len(text):
        found = None
        if text[pos] in first:
            for regex, tag, key in forms:
                match = regex.match(text, pos)
                if match:
                    found = labels.Hit(tag, key, pos, match.end())
                    break
        if found is None or found.end == pos:
            pos += 1
            continue
        out.append(found)
        pos = found.end
    return out


def _table3_entries():
    """The entries and first characters that ``table3_labels`` hands to ``LabelSet``."""
    captured = []
    original = labels.LabelSet

    class Capture(original):
        def __init__(self, entries, first):
            captured.append((list(entries), set(first)))
            super().__init__(entries, first)

    labels.LabelSet = Capture
    try:
        labels.table3_labels.__wrapped__()
    finally:
        labels.LabelSet = original
    return captured[0]


T3_ENTRIES, T3_FIRST = _table3_entries()
T3_WORDS = sorted({t for r in format_table3.ROWS for t in r.aliases}
                  | {t for c in format_table3.COLUMNS + (format_table3.LEGAL_PERSON_SUBTOTAL,) for t in c.aliases})
table_text = st.lists(st.one_of(st.sampled_from(T3_WORDS), pieces,
                                st.sampled_from(["（一）", "三、", "四.", "1.", "2、", "（七）", "12 0 3"])),
                      max_size=12).map("".join)


@settings(max_examples=100, deadline=None)
@given(table_text)
def test_table3_scan_equals_a_naive_scan(text):
    label_set = labels.table3_labels()
    assert list(label_set.scan(text)) == _naive_scan(T3_ENTRIES, T3_FIRST, text)


def test_every_branch_opens_on_a_literal_or_class():
    # the point of label_pattern: no label opens on a group or an optional prefix (the one
    # hand-written header note excepted)
    for tag, key, pattern, _ in T3_ENTRIES:
        if key is None and pattern.startswith("（?"):
            continue
        assert not pattern.startswith("("), (tag, key, pattern)
        assert re.match(r"\[[^\]]+\]\(\?:|[^\\(\[?*+{]", pattern), (tag, key, pattern)
