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
from hypothesis import example, given, settings
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
    ordered = sorted(entries, key=lambda e: -e.weight)
    forms = [(re.compile(e.pattern), e.tag, e.key) for e in ordered]
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


def _entries(make):
    """The entries that ``make`` (a label set's builder) hands to ``LabelSet``, and the
    characters they may start with."""
    captured = []
    original = labels.LabelSet

    class Capture(original):
        def __init__(self, entries):
            captured.append((list(entries), {ch for e in entries for ch, _ in e.ways}))
            super().__init__(entries)

    labels.LabelSet = Capture
    try:
        make.__wrapped__()
    finally:
        labels.LabelSet = original
    return captured[0]


def _words(entries):
    """Every label's own text, as the format records write it."""
    from govlint.format import table2 as t2, table4 as t4

    t3 = format_table3
    return {
        "table3": sorted({t for r in t3.ROWS for t in r.aliases}
                         | {t for c in t3.COLUMNS + (t3.LEGAL_PERSON_SUBTOTAL,) for t in c.aliases}
                         | set(t3.HEADER_TEXTS) | {"本列数据的勾稽关系为：", "（本列数据的钩稽关系"}),
        "table2": sorted({b.label for b in t2.BLOCKS} | {t for r in t2.ROWS for t in r.aliases}
                         | {t for c in t2.COLUMNS for t in c.aliases} | set(t2.HEADER_TEXTS)
                         | {t2.TRUNCATED_NEW.label, "本年新收"}),
        "table4": sorted({t for g in t4.GROUPS for t in g.aliases} | {t for o in t4.OUTCOMES for t in o.aliases}),
    }[entries]


SETS = {"table3": labels.table3_labels, "table2": labels.table2_labels, "table4": labels.table4_labels}
ENTRIES = {name: _entries(make) for name, make in SETS.items()}
T3_ENTRIES, T3_FIRST = ENTRIES["table3"]


def _table_text(name):
    """Text made of a set's real labels (whole, cut short or glued), numbering and noise."""
    words = _words(name)
    word = st.sampled_from(words)
    cut = st.tuples(word, st.integers(1, 6)).map(lambda w: w[0][:w[1]])
    spaced = word.map(lambda w: " ".join(w))
    return st.lists(st.one_of(word, cut, spaced, pieces,
                              st.sampled_from(["（一）", "三、", "四.", "1.", "2、", "（七）", "12 0 3", "00000002."])),
                    max_size=12).map("".join)


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_dispatched_scan_equals_a_naive_per_label_scan(name):
    """One expression dispatching on the first character finds what trying every label's own
    pattern, heaviest first, at every position finds."""
    entries, first = ENTRIES[name]
    label_set = SETS[name]()

    @settings(max_examples=150, deadline=None)
    @given(_table_text(name))
    def check(text):
        assert list(label_set.scan(text)) == _naive_scan(entries, first, text)

    check()


def test_every_label_pattern_opens_on_a_literal_or_class():
    # the point of label_pattern: no label opens on a group or an optional prefix
    for entries, _ in ENTRIES.values():
        for entry in entries:
            pattern = entry.pattern
            assert not pattern.startswith("("), entry
            assert re.match(r"\[[^\]]+\]\(\?:|[^\\(\[?*+{]", pattern), entry


def test_each_character_opens_one_branch_of_the_set():
    """The dispatch is exact only when no two branches open on the same character."""
    for make in SETS.values():
        firsts = make().firsts
        assert len(firsts) == len(set(firsts)) and all(len(ch) == 1 and not ch.isspace() for ch in firsts)


# -- the guard before a branch: a test every label of the branch needs to pass --------------
#: what a label's pattern opens with after its first character, and (rarely) what the guard
#: does not follow
_FOLLOWED = [r"\s{0,2}", r"\s{0,3}", r"\s?", "[、.，]", "[、.，]?", "本", "年", r"\.", r"(?<![0-9.]1)", r"(?!\s{0,3}收)"]
_NOT_FOLLOWED = ["(?:a|b)", "[^）]", "x?", "[0-9]", r"\d", "()"]
_OPENING = st.lists(st.one_of(*[st.sampled_from(_FOLLOWED)] * 4, st.sampled_from(_NOT_FOLLOWED)),
                    min_size=1, max_size=5).map("".join)
_NEAR_LABELS = st.lists(st.sampled_from([" ", "  ", "   ", " \x1f ", "\x1f", "本", "年", "、", ".", "1", "收", "a", "0"]),
                        max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_OPENING, min_size=1, max_size=2), _NEAR_LABELS)
@example([r"\s{0,2}本"], "  本")
@example([r"\s{0,2}[、.，]?\s{0,2}本"], " \x1f  本")
@example([r"(?<![0-9.]1)\s?年", "本"], " 年")
def test_a_branch_guard_passes_wherever_one_of_its_labels_matches(patterns, text):
    guard = labels._guard(patterns)
    for at in range(len(text) + 1):
        if any(re.match(pattern, text[at:]) for pattern in patterns):
            assert re.match(guard or "", text[at:]), (patterns, guard, text, at)


def test_the_guards_pass_over_digits_of_counts():
    # the digits of a row of counts open several table-三 items (1.…, 2.…): the guard, not
    # each item's pattern, passes them over
    pattern = labels.table3_labels()._regex.pattern
    assert "1(?=" in pattern and "（(?=" in pattern
    assert labels._guard([r"\s{0,2}[.、，]\s{0,2}申", r"(?<![0-9.]1)\s{0,2}本"]) == r"(?=\s{0,2}[\.、本，])"
    assert labels._guard([r"\s{0,3}年", "(?:a|b)"]) == ""  # an opening it does not read: no guard
