"""Table labels as one precompiled expression per table, found anywhere in the stream.

Each label is written in the records of ``govlint.format`` in normalised form; here it becomes a pattern that
tolerates whitespace and piece separators between its characters (``商业 企业``, ``结果|维持``)
and an optional numbering prefix (``一、``, ``（一）``, ``1.``). The alternatives are ordered
longest first, so ``法人或其他组织`` wins over ``其他`` and ``本年处理决定数量`` over
``处理决定数量``. A hit carries a *tag* (what kind of label) and a *key*.

This tolerance is the one place where a label cut by a line wrap is joined again, whatever
the loader: a wrap inside a cell (``商业<br>企业``) or a text extraction that puts each piece
on a line of its own (``本年新`` / ``制作数量``). Loaders keep the pieces as laid out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from govlint import regex_cache

from govlint.record import Frozen


#: what may stand between two characters of a label: a little whitespace or a piece break
_JOIN = r"\s{0,3}"


class Hit(Frozen):
    __slots__ = _fields = ("tag", "key", "start", "end")

    def __init__(self, tag: str, key: str | None, start: int, end: int) -> None:
        set_ = object.__setattr__
        set_(self, "tag", tag)
        set_(self, "key", key)
        set_(self, "start", start)
        set_(self, "end", end)


def literal(text: str) -> str:
    return _JOIN.join(re.escape(ch) for ch in text)


# A numbering prefix is written as its forms in the order the engine should try them, each
# (first character, the rest of its pattern); None is "no prefix".


def _numeral_prefix(numeral: str, required: bool = False) -> tuple:
    """``一、`` / ``一.`` / ``一`` before a top-level row label."""
    if required:
        return ((numeral, r"\s{0,2}[、.]\s{0,2}"),)
    return ((numeral, r"\s{0,2}[、.，]?\s{0,2}"), None)


def _bracket_prefix(numeral: str, required: bool = False) -> tuple:
    """``（一）`` (or ``一、``) before a group label."""
    forms = (("（", rf"\s?{numeral}\s?）\s{{0,2}}"), (numeral, r"\s?[、.]\s{0,2}"))
    return forms if required else forms + (None,)


def _item_prefix(number: str, required: bool = False) -> tuple:
    """``1.`` before a sub-item; without its dot only when no digit precedes it, so the last
    digit of a glued value run (``00000002.其他…``) is never taken for the item number."""
    first, more = number[0], re.escape(number[1:])
    dotted = (first, rf"{more}\s{{0,2}}[.、，]\s{{0,2}}")
    if required:
        return (dotted,)
    # the lookbehind sits after the number: no digit or dot before it
    return (dotted, (first, rf"{more}(?<![0-9.]{re.escape(number)})\s{{0,2}}"), None)


def label_pattern(prefixes: tuple, text: str, extra: str = "") -> str:
    """The pattern of ``text`` (any prefix form before it, tried in order), opening on a
    character class of its possible first characters.

    ``(?:一P)?本年…`` is written ``[一本](?:(?<=一)P本|(?<=本))年…``: one branch per label
    that the regex engine passes over at the cost of one lookup where neither character
    stands (a branch opening on a group or an optional prefix is entered at every position),
    and the label's text written once.
    """
    head, tail = re.escape(text[0]), (_JOIN + literal(text[1:]) if len(text) > 1 else "")
    if not prefixes:
        return head + tail + extra
    firsts, ways = [], []
    for form in prefixes:
        first, rest = (text[0], "") if form is None else form
        if first not in firsts:
            firsts.append(first)
        ways.append(f"(?<={re.escape(first)})" + ("" if form is None else rest + head))
    chars = "".join(re.escape(c) for c in firsts)
    return f"[{chars}](?:{'|'.join(ways)})" + tail + extra


class LabelSet:
    """A compiled alternation of label patterns; ``scan(text)`` yields hits left to right."""

    def __init__(self, entries: list[tuple[str, str | None, str, int]], first: str):
        # entries: (tag, key, pattern, weight); heavier (longer) labels are tried first. Each
        # pattern is a branch ending in an empty group that names the label (a named group
        # around the branch would make the engine enter every branch at every position).
        # ``first`` holds every character a label can start with: a cheap test that lets the
        # engine skip most positions before trying the alternation.
        entries = sorted(entries, key=lambda e: -e[3])
        self._meta: list[tuple[str, str | None]] = [("", None)]  # by group number
        parts = []
        for tag, key, pattern, _ in entries:
            parts.append(f"{pattern}()")
            self._meta.append((tag, key))
        chars = "".join(sorted(set(first)))
        self._regex = regex_cache.compile(f"(?=[{re.escape(chars)}])(?:" + "|".join(parts) + ")")

    def scan(self, text: str, start: int = 0, end: int | None = None):
        meta = self._meta
        for match in self._regex.finditer(text, start, len(text) if end is None else end):
            tag, key = meta[match.lastindex]
            yield Hit(tag, key, match.start(), match.end())


_NUMBERING_FIRST = "（一二三四五六七八九0123456789"


def _first(entries) -> str:
    """First characters of the labels (text starts; prefixes add ``_NUMBERING_FIRST``)."""
    return _NUMBERING_FIRST + "".join(text[0] for text in entries)


def _entry(tag, key, prefix, text, extra=""):
    return (tag, key, label_pattern(prefix, text, extra), len(text) + (1 if prefix else 0))


@lru_cache(maxsize=1)
def table3_labels() -> LabelSet:
    from govlint.format import table3 as t3

    entries = []
    for row in t3.ROWS:
        key, numbering = row.key, row.numbering
        group, _, item = key.partition(".")
        for text in row.aliases:
            extra = ""
            if key == "partial":
                # the printed note（区分处理的，只计这一情形，不计其他情形）belongs to the label
                extra = r"(?:\s{0,2}（[^）\x1f]{0,40}）)?"
            if item:
                required = key == "other.3"      # a bare 其他 is the applicant column
                entries.append(_entry("row", key, _item_prefix(item, required), text))
            elif key in ("total",):
                entries.append(_entry("row", key, _bracket_prefix("七", required=True), text))
            elif numbering.startswith("（"):
                entries.append(_entry("row", key, _bracket_prefix(numbering[1]), text, extra))
            else:
                entries.append(_entry("row", key, _numeral_prefix(numbering), text))
    columns = t3.COLUMNS + (t3.LEGAL_PERSON_SUBTOTAL,)
    for column in columns:
        for text in column.aliases:
            tag = {"other": "amb_other", "total": "amb_total"}.get(column.key, "col")
            entries.append(_entry(tag, column.key, (), text))
    for text in t3.HEADER_TEXTS:
        entries.append(_entry("hdr", None, (), text))
    entries.append(("hdr", None, r"（?\s?本列数据的\s?[勾钩]\s?稽关系[^）\x1f]{0,60}）?", 30))
    texts = [t for r in t3.ROWS for t in r.aliases]
    texts += [t for c in columns for t in c.aliases]
    texts += list(t3.HEADER_TEXTS) + ["本"]
    return LabelSet(entries, _first(texts))


@lru_cache(maxsize=1)
def table4_labels() -> LabelSet:
    from govlint.format import table4 as t4

    entries = []
    for group in t4.GROUPS:
        for text in group.aliases:
            entries.append(_entry("group", group.key, "", text))
    for outcome in t4.OUTCOMES:
        for text in outcome.aliases:
            entries.append(_entry("out", outcome.key, "", text))
    texts = [t for g in t4.GROUPS for t in g.aliases]
    texts += [t for o in t4.OUTCOMES for t in o.aliases]
    return LabelSet(entries, "".join(t[0] for t in texts))


@lru_cache(maxsize=1)
def table2_labels() -> LabelSet:
    from govlint.format import table2 as t2

    entries = []
    for block in t2.BLOCKS:
        entries.append(_entry("block", block.key, "", block.label))
    for row in t2.ROWS:
        for text in row.aliases:
            entries.append(_entry("row", row.key, "", text))
    for column in t2.COLUMNS:
        for text in column.aliases:
            entries.append(_entry("col", column.key, "", text))
    # the truncated 2019 header 本年新, never the 本年新收… row of table 3
    truncated = t2.TRUNCATED_NEW.label
    entries.append(_entry("col_new", None, "", truncated, r"(?!\s{0,3}收)"))
    for text in t2.HEADER_TEXTS:
        entries.append(_entry("hdr", None, (), text))
    texts = [b.label for b in t2.BLOCKS] + list(t2.HEADER_TEXTS)
    texts += [t for r in t2.ROWS for t in r.aliases]
    texts += [t for c in t2.COLUMNS for t in c.aliases] + [truncated]
    return LabelSet(entries, "".join(t[0] for t in texts))
