"""The six top-level sections: headings found by wording, never inside a table.

Two tests, both requiring a known section's wording:

- *strict*: a section numeral, a separator and one of the heading wordings of
  ``govlint.format.sections`` in full. Safe enough to be found in the middle of a run of
  glued text (after a sentence end or a table's last number), where it splits the run.
- *loose*: a short piece that starts with ``一、`` … and holds a section's keywords
  (the sections' keywords), for wordings the patterns do not know.

Sub-headings (``（一）主动公开情况``, ``一主动公开情况``, ``一是…``) and table rows
(``四、结转下年度继续办理``) fail both tests.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from govlint import regex_cache
from govlint.format import sections as format_sections
from govlint.lazy_re import lazy_pattern
from govlint.normalize import chinese_number
from govlint.record import Record

_NUM = r"[一二三四五六七八九十]{1,3}"
_NO_NUMERAL = lazy_pattern(r"[^一二三四五六七八九十]*")
#: characters after which a heading may start inside a glued run of text
_BEFORE = "。；！？）」\"'0-9|：:.…"


class Heading(Record):
    __slots__ = _fields = ("start", "end", "number", "key")

    def __init__(self, start: int, end: int, number: int, key: str) -> None:
        # stream offsets of the heading text
        self.start = start
        self.end = end
        self.number = number
        self.key = key


_SPACE = lazy_pattern(r"\s+")


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and the index in ``text`` of every kept character."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in keep), keep


@lru_cache(maxsize=1)
def _strict():
    titles = "|".join(f"(?P<{key}>{'|'.join(f'(?:{p})' for p in patterns)})"
                      for key, patterns in ((s.key, s.patterns) for s in format_sections.SECTIONS))
    # ``(?<![^B])(?:第)?(?P<num>N)…`` written to open on the class of its first character (the
    # engine then passes over other characters at the cost of one test each): the character
    # before the taken one is checked from after it, and a numeral taken first starts ``more``
    numerals = _NUM[:-5]
    inline = regex_cache.compile(rf"[第{numerals[1:-1]}](?<![^{_BEFORE}][\s\S])"
                                 rf"(?:(?<=第)(?P<num>{_NUM})|(?<={numerals})(?P<more>{numerals}{{0,2}}))"
                                 rf"(?:部分)?[、.，,](?:{titles})")
    start = regex_cache.compile(rf"^[#*]*(?:第)?(?P<num>{_NUM})(?:部分)?[、.，,]?(?:{titles})")
    return inline, start


_LOOSE = lazy_pattern(rf"^[#*\s]*(?:第\s*)?(?P<num>{_NUM})\s*(?:部分)?\s*(?:[、.，,：:]|\s)\s*(?P<title>\S.*)$")


def _key_of(match) -> str | None:
    for key in format_sections.KEYS:
        if match.group(key) is not None:
            return key
    return None


def split_headings(folded: str) -> tuple:
    """Strict headings inside one piece's folded text: (start, end, (number, key)) each.

    A short piece's answer is remembered: the pieces asked about are mostly table labels that
    every report prints (``第二十条第（一）项``, ``一、本年新收政府信息公开申请数量``)."""
    if len(folded) <= _REMEMBERED:
        return _short_headings(folded)
    return tuple(_headings(folded))


_REMEMBERED = 48


@lru_cache(maxsize=4096)
def _short_headings(folded: str) -> tuple:
    return tuple(_headings(folded))


def _headings(folded: str):
    if _NO_NUMERAL.fullmatch(folded):
        return
    # most pieces hold no heading: squeeze in one call, and index the kept characters only
    # when there is a hit to map back
    squeezed = _SPACE.sub("", folded)
    inline, start = _strict()
    seen = set()
    first = start.match(squeezed)
    hits = [first] if first else []
    hits.extend(m for m in inline.finditer(squeezed) if m.start() > 0)
    if not hits:
        return
    index = _squeeze(folded)[1] if len(squeezed) != len(folded) else range(len(folded))
    for match in hits:
        if match.start() in seen:
            continue
        seen.add(match.start())
        numeral = match.group("num")
        if numeral is None:  # an inline heading whose first character is its numeral
            numeral = match.string[match.start():match.end("more")]
        number = chinese_number(numeral)
        key = _key_of(match)
        if number is None or key is None:
            continue
        a = index[match.start()]
        b = index[match.end() - 1] + 1
        yield a, b, (number, key)


#: a numeral that may open a strict heading, whitespace anywhere between as ``split_headings``
#: squeezes it: at a piece's start (after ``#``, ``*``, ``第``), or before a separator (after
#: ``部分``). Each opens on a literal or a class, so the search passes over other characters
#: at the cost of one test each.
_NUMERAL = "[一二三四五六七八九十]"
#: (``[^\S\x1f]`` is white space other than the piece break: an attempt from one break never
#: reads on into the next piece, so a run of blank cells is read once)
_OPENS_PIECE = lazy_pattern(rf"\x1f(?=[^\S\x1f]|[#*第一二三四五六七八九十])(?:[^\S\x1f]|[#*])*+"
                            rf"(?:第[^\S\x1f]*)?({_NUMERAL})")
_BEFORE_SEPARATOR = lazy_pattern(rf"({_NUMERAL})\s*(?:部\s*分\s*)?[、.，,]")


def heading_candidates(text: str) -> list[int]:
    """Offsets in ``text`` (every piece's folded text, joined by ``\x1f``) of the numerals that
    may open a strict heading, in order.

    A piece in which ``split_headings`` finds a heading holds one of them, so the stream asks
    ``split_headings`` about those pieces only: two scans of the report instead of a squeeze
    and two searches per piece (a report has hundreds of pieces, and a heading in a handful).
    """
    found = [m.start(1) for m in _OPENS_PIECE.finditer("\x1f" + text)]
    found = [at - 1 for at in found]
    found.extend(m.start(1) for m in _BEFORE_SEPARATOR.finditer(text))
    return sorted(set(found))


split_headings.candidates = heading_candidates


def loose_heading(text: str) -> tuple[int, str] | None:
    """(number, key) of a short heading line that the strict test missed."""
    stripped = text.strip().strip("*#").strip()
    if not stripped or len(stripped) > 48:
        return None
    match = _LOOSE.match(stripped)
    if not match:
        return None
    title = re.sub(r"\s+", "", match.group("title")).rstrip("*").rstrip("。:：")
    if len(title) < 2 or len(title) > 36 or "数量" in title or "。" in title:
        return None
    number = chinese_number(match.group("num"))
    if number is None:
        return None
    for section in format_sections.SECTIONS:
        key = section.key
        for words in section.keywords:
            if all(w in title for w in words):
                return number, key
    return None


def find_headings(stream, tables: list[tuple[int, int]]) -> list[Heading]:
    """Section headings in reading order, none inside a table's region."""
    # the regions as disjoint sorted ranges, walked alongside the pieces (which come in order)
    merged: list[list[int]] = []
    for a, b in sorted(tables):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        elif a < b:
            merged.append([a, b])
    region = 0
    out: list[Heading] = []
    strict_at = {}
    for start, end, (number, key) in stream.split_headings:
        strict_at[start] = (end, number, key)
    starts, texts = stream.starts, stream.texts
    count = len(starts)
    i = 0
    while i < count:
        pos = starts[i]
        while region < len(merged) and merged[region][1] <= pos:
            region += 1
        if region < len(merged) and merged[region][0] <= pos:
            # inside a table: on to the first piece that starts at or after its end
            i = max(i + 1, bisect_left(starts, merged[region][1]))
            continue
        text = texts[i]
        i += 1
        if pos in strict_at:
            end, number, key = strict_at[pos]
            out.append(Heading(pos, end, number, key))
            continue
        found = loose_heading(text)
        if found:
            out.append(Heading(pos, pos + len(text), found[0], found[1]))
    return out
