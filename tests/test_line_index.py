"""``LineIndex``: the line starts it finds are the plain ones, however long the lines run.

``span._line_starts`` reads some stretches with ``str.find`` and others with a regular
expression, switching on the length of the lines it has just read; the oracle is a plain
enumeration of the breaks.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.span import LineIndex, Span, _line_starts


def _plain(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


# lines short and long (a page's head of short lines, then a page on a few long ones), and
# characters that are not breaks but share a byte with one ("上" is U+4E0A)
_LINE = st.one_of(st.text(alphabet="a上\r\u2028 ", max_size=8),
                  st.integers(0, 9000).map(lambda n: "文" * n))
_TEXT = st.lists(_LINE, max_size=400).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_line_starts_are_the_plain_ones(text):
    assert _line_starts(text) == _plain(text)


def test_line_starts_across_stretches_of_short_and_long_lines():
    # short lines enough to switch to the regex, long ones to switch back, a break at the end
    text = "\n".join(["x"] * 5000 + ["y" * 40000] * 3 + ["z"] * 300) + "\n"
    assert _line_starts(text) == _plain(text)
    index = LineIndex(text)
    assert index.offset(5001, 1) == 10000
    assert index.position(len(text) - 1) == (len(text.split("\n")) - 1, 2)


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.lists(st.one_of(st.tuples(st.just("to"), st.integers(0, 50_000)),
                                 st.tuples(st.just("through"), st.integers(1, 500))), max_size=12))
def test_starts_found_as_far_as_asked_are_the_plain_ones(text, questions):
    """The starts are found only as far as a question needs: each answer is a prefix of the plain
    list that settles the question, and the positions it gives are the plain ones."""
    from bisect import bisect_right

    plain = _plain(text)
    index = LineIndex(text)
    for kind, value in questions:
        if kind == "to":
            offset = min(value, len(text))
            starts = index.starts_to(offset)
            assert starts == plain[:len(starts)]
            assert index.complete or starts[-1] > offset  # a start past it: ``bisect`` may trust the list
            line = bisect_right(plain, offset)
            assert index.position(offset) == (line, offset - plain[line - 1] + 1)
        else:
            starts = index.starts_through(value)
            assert starts == plain[:len(starts)] and len(starts) >= min(value, len(plain))
            if value <= len(plain):
                assert index.offset(value, 1) == plain[value - 1]
    assert index.starts() == plain and index.complete


def test_a_position_near_the_start_reads_no_further_than_it_needs():
    text = "x\n" * 1_000_000
    index = LineIndex(text)
    assert index.position(10) == (6, 1)
    assert len(index._starts) < 100_000  # a window, not the two million characters
    assert index.span(4, 7) == Span(3, 1, 4, 2)
