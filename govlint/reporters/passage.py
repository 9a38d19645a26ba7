"""The sentence a finding points into, as a reader sees it: markup removed, cut at the sentence.

A finding's span is a position in the decoded source. In a Word-exported HTML page that line
is mostly markup (``<span style="font-family:仿宋_GB2312;…">258</span>``), and in a report
saved on one line it is thousands of characters long; neither is what a reader looks for.
``passage`` turns the source around a span into the visible text (tags dropped, entities
decoded, white space folded, paragraphs and cells kept apart), then keeps the sentence that
holds the span, and says where the span lies in it. Pure text, no rich: the terminal and any
other reporter can use it.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from govlint.lazy_re import lazy_pattern

#: an HTML or XML tag with an ASCII name (``<政府信息公开条例>`` in a text report is no tag)
_TAG = lazy_pattern(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_TOKENS = lazy_pattern(
    r"(?P<skip><!--.*?-->|<(?:script|style)\b.*?</(?:script|style)\s*>)"
    r"|(?P<tag></?(?P<name>[A-Za-z][\w:.-]*)(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"
    r"|(?P<space>[ \t\r\n\f\v\u00a0]+)",
    re.S | re.I)
#: tags that end a paragraph, a heading or a table cell: a sentence never runs across them
_BLOCKS = frozenset("p div td th tr li table tbody thead tfoot ul ol h1 h2 h3 h4 h5 h6 title "
                    "head body html section article blockquote pre hr caption dt dd".split())
#: characters that end a sentence (kept in it)
_ENDS = "。！？!?"
BREAK = "\n"
#: characters of source kept on each side of the span before markup is removed
REACH = 4000


@dataclass(frozen=True)
class Passage:
    """``text[start:end]`` is what the span covers (``start == end``: it covers only markup)."""

    text: str
    start: int
    end: int


def is_markup(text: str) -> bool:
    """Whether ``text`` holds tags (a line of an HTML page, not of a text extraction)."""
    return _TAG.search(text) is not None


def passage(source: str, start: int, end: int) -> Passage:
    """The sentence of ``source`` around ``source[start:end]``, markup removed if there is any."""
    start = min(max(start, 0), len(source))
    end = min(max(end, start), len(source))
    lo, hi = max(0, start - REACH), min(len(source), end + REACH)
    region = source[lo:hi]
    if is_markup(region):
        text, origin = _visible(region, lo)
    else:
        text, origin = region, range(lo, hi)
    s = bisect_left(origin, start)
    e = max(bisect_left(origin, end), s)
    return _sentence(text, s, e)


def _visible(region: str, offset: int) -> tuple[str, list[int]]:
    """The text a browser shows of ``region`` and, per character, its offset in the source."""
    # a region cut inside a tag: drop the tag's tail before the first '>' / after the last '<'
    first_close, first_open = region.find(">"), region.find("<")
    begin = first_close + 1 if first_close != -1 and (first_open == -1 or first_close < first_open) else 0
    last_open, last_close = region.rfind("<"), region.rfind(">")
    stop = last_open if last_open > last_close else len(region)
    chars: list[str] = []
    origin: list[int] = []

    def add(text: str, at: int) -> None:
        chars.extend(text)
        origin.extend([offset + at] * len(text))

    pos = begin
    for match in _TOKENS.finditer(region, begin, stop):
        for i in range(pos, match.start()):
            add(region[i], i)
        pos = match.end()
        kind = match.lastgroup if match.lastgroup != "name" else "tag"
        if kind == "tag":
            name = match.group("name").lower()  # Word's <o:p> is no paragraph
            if name in _BLOCKS:
                add(BREAK, match.start())
            elif name == "br" and chars and chars[-1] not in (" ", BREAK):
                add(" ", match.start())
        elif kind == "entity":
            decoded = html.unescape(match.group())
            add(" " if decoded.isspace() else decoded, match.start())
        elif kind == "space" and chars and chars[-1] not in (" ", BREAK):
            add(" ", match.start())
    for i in range(pos, stop):
        add(region[i], i)
    return "".join(chars), origin


def _sentence(text: str, s: int, e: int) -> Passage:
    """The sentence holding ``text[s:e]``: from after the previous end mark or break to the
    next end mark (kept) or break; breaks inside the span itself become spaces."""
    lo = s
    while lo > 0 and text[lo - 1] != BREAK and text[lo - 1] not in _ENDS:
        lo -= 1
    hi = max(e, s)
    if hi > s and text[hi - 1] in _ENDS:
        pass  # the span ends the sentence
    else:
        while hi < len(text) and text[hi] != BREAK:
            hi += 1
            if text[hi - 1] in _ENDS:
                break
    shown = text[lo:hi].replace(BREAK, " ")
    # white space at the edges is not part of the sentence, unless the span is on it
    left = len(shown) - len(shown.lstrip())
    right = len(shown.rstrip())
    if e > s and shown.strip():
        left, right = min(left, s - lo), max(right, e - lo)
    s, e = min(max(s - lo - left, 0), right - left), min(max(e - lo - left, 0), right - left)
    return Passage(shown[left:right], s, max(e, s))
