"""``LineIndex``: the line starts it finds are the plain ones, however long the lines run.

``span._line_starts`` reads some stretches with ``str.find`` and others with a regular
expression, switching on the length of the lines it has just read; the oracle is a plain
enumeration of the breaks.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.span import LineIndex, _line_starts


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
