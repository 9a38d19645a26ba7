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
from functools import lru_cache, partial
from operator import itemgetter

from govlint import regex_cache
from govlint.lazy_re import lazy_pattern

from govlint.record import Frozen


#: what may stand between two characters of a label: a little whitespace or a piece break
_JOIN = r"\s{0,3}"


class Hit(tuple):
    """A label found in the stream: what it is (``tag``, ``key``) and where (``start``,
    ``end``). A tuple, made without a constructor call in the scan: a report has a hundred."""

    __slots__ = ()
    _fields = ("tag", "key", "start", "end")

    def __new__(cls, tag: str, key: str | None, start: int, end: int) -> "Hit":
        return tuple.__new__(cls, (tag, key, start, end))

    tag = property(itemgetter(0))
    key = property(itemgetter(1))
    start = property(itemgetter(2))
    end = property(itemgetter(3))

    def __repr__(self) -> str:
        return f"Hit(tag={self[0]!r}, key={self[1]!r}, start={self[2]!r}, end={self[3]!r})"


_hit = partial(tuple.__new__, Hit)


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


class Entry(Frozen):
    """One label of a set: what a hit on it is (``tag``, ``key``), how it may start, its rest.

    ``ways`` are (first character, pattern of what follows that character up to the label's
    text), one per numbering prefix form in the order the engine should try them; ``tail``
    is the pattern of the rest (the label's text after its first character, and any
    ``extra``). ``weight`` orders the labels of a set: heavier (longer) ones are tried first.
    """

    __slots__ = _fields = ("tag", "key", "ways", "tail", "weight")

    def __init__(self, tag: str, key: str | None, ways: tuple[tuple[str, str], ...], tail: str,
                 weight: int) -> None:
        set_ = object.__setattr__
        set_(self, "tag", tag)
        set_(self, "key", key)
        set_(self, "ways", ways)
        set_(self, "tail", tail)
        set_(self, "weight", weight)

    @property
    def pattern(self) -> str:
        """The label alone as one pattern (the plain form the set's scan is tested against)."""
        if len(self.ways) == 1:
            first, way = self.ways[0]
            return re.escape(first) + way + self.tail
        firsts = "".join(dict.fromkeys(re.escape(first) for first, _ in self.ways))
        ways = "|".join(f"(?<={re.escape(first)}){way}" for first, way in self.ways)
        return f"[{firsts}](?:{ways})" + self.tail


def label_ways(prefixes: tuple, text: str, extra: str = "") -> tuple[tuple[tuple[str, str], ...], str]:
    """(ways, tail) of ``text`` with any of the prefix forms before it, tried in order.

    ``(?:一P)?本年…`` becomes the ways ``一`` → ``P本`` and ``本`` → (nothing), and the tail
    ``年…``: every way opens on one character, so the set's scan can go straight to the
    labels that may start with the character it stands on (see ``LabelSet``).
    """
    head = re.escape(text[0])
    tail = (_JOIN + literal(text[1:]) if len(text) > 1 else "") + extra
    if not prefixes:
        return ((text[0], ""),), tail
    ways = tuple((text[0], "") if form is None else (form[0], form[1] + head) for form in prefixes)
    return ways, tail


def label_pattern(prefixes: tuple, text: str, extra: str = "") -> str:
    """The pattern of ``text`` (any prefix form before it, tried in order), opening on a
    character class of its possible first characters.

    ``(?:一P)?本年…`` is written ``[一本](?:(?<=一)P本|(?<=本))年…``: the label's text written
    once, and no branch opening on a group or an optional prefix (which the engine would
    enter at every position).
    """
    ways, tail = label_ways(prefixes, text, extra)
    return Entry("", None, ways, tail, 0).pattern


class LabelSet:
    """The labels of one table as one compiled expression; ``scan(text)`` yields hits left to
    right: at each position the heaviest label that matches there, then on after it.

    The expression dispatches on the character a hit starts with: one branch per first
    character, holding in weight order the ways of every label that can start with it
    (``本`` → 本年新收…, 本年度办理结果, 本机关不掌握…). Written as one branch per label, the
    engine tried each of some two hundred labels at every candidate position; now it tries
    the few that can start there. Each label's way ends in an empty group that names it
    (a label starting with several characters has one such group under each).
    Where no label starts, the engine passes on after one test of the character (the branches
    all opening on a literal, it knows the set of first characters). A branch that several
    labels open with first tests what must come next (``_guard``: a few white space
    characters, then one of the characters its labels go on with), so that a digit of a count
    or the 信 of 信息 is passed over without trying each label there.
    """

    def __init__(self, entries: list[Entry]):
        entries = sorted(entries, key=lambda e: -e.weight)
        self._meta: list[tuple[str, str | None]] = [("", None)]  # by group number
        branches: dict[str, list[tuple[str, Entry]]] = {}  # first character → ways, in order
        openings: dict[str, list[str]] = {}  # first character → each way with its label's rest
        for entry in entries:
            by_first: dict[str, list[str]] = {}
            for ch, way in entry.ways:
                by_first.setdefault(ch, []).append(way)
                openings.setdefault(ch, []).append(way + entry.tail)
            for ch, ways in by_first.items():
                body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
                branches.setdefault(ch, []).append((f"{body}{entry.tail}()", entry))
        self.firsts = tuple(branches)
        parts = []
        for ch, alternatives in branches.items():
            # where several labels start with ``ch``, one test passes over the places none can
            guard = _guard(openings[ch]) if len(alternatives) > 1 else ""
            parts.append(re.escape(ch) + guard + "(?:" + "|".join(way for way, _ in alternatives) + ")")
            # group numbers follow the order the empty groups are written in
            self._meta.extend((entry.tag, entry.key) for _, entry in alternatives)
        self._regex = regex_cache.compile("|".join(parts))

    def scan(self, text: str, start: int = 0, end: int | None = None):
        meta, hit = self._meta, _hit
        for match in self._regex.finditer(text, start, len(text) if end is None else end):
            yield hit((*meta[match.lastindex], *match.span()))


#: what a label's pattern may open with after its first character, as written here: white space
#: (``\s{0,3}``, ``\s?``), zero-width assertions, a class or an escaped or plain character
_WHITE = lazy_pattern(r"\\s\{0,(\d)\}|\\s\?")
_CLASS = lazy_pattern(r"\[((?:\\.|[^\]\\^])+)\](\??)")
_LOOK = "(?<!", "(?<=", "(?!", "(?="


def _guard(alternatives: list[str]) -> str:
    r"""A lookahead that every one of ``alternatives`` (what may follow a branch's first
    character) needs to match: at most K white space characters, then one of the characters
    any of them can go on with: ``(?=\s{0,K}[…])``; "" when one of them opens in a way this
    reading does not follow (then nothing is assumed).

    At a character many labels start with, the engine would try each label in turn; most
    such places (digits in a row of counts, 信 of 信息, （ of prose) hold none, and the one
    test passes them over. The test only ever rejects a place where no label can match."""
    most, chars = 0, set()
    for pattern in alternatives:
        found = _opening(pattern)
        if found is None:
            return ""
        most, chars = max(most, found[0]), chars | found[1]
    if not chars:
        return ""
    spaces = rf"\s{{0,{most}}}" if most else ""
    return f"(?={spaces}[{''.join(re.escape(ch) for ch in sorted(chars))}])"


def _opening(pattern: str) -> tuple[int, set[str]] | None:
    """(the most white space before it, the characters it can be) of the first character that
    is not white space which ``pattern`` can match; None when the pattern opens with anything
    but white space, zero-width assertions, optional classes and then a character or class."""
    at, white, chars = 0, 0, set()
    while at < len(pattern):
        match = _WHITE.match(pattern, at)
        if match:
            white += int(match.group(1)) if match.group(1) else 1
            at = match.end()
            continue
        if pattern.startswith(_LOOK, at):
            at = _after_group(pattern, at)
            if at is None:
                return None
            continue
        found = _CLASS.match(pattern, at)
        if found:
            members = set(re.sub(r"\\(.)", r"\1", found.group(1)))
            if "-" in found.group(1).replace("\\-", "") or any(ch.isspace() for ch in members):
                return None  # a range, or white space that may stand for the spaces counted
            chars |= members
            at = found.end()
            if found.group(2):
                continue  # optional: what follows it may come first
            return white, chars
        if pattern[at] == "\\" and at + 1 < len(pattern) and not pattern[at + 1].isalnum():
            ch, at = pattern[at + 1], at + 2
        elif pattern[at] not in "\\()[]{}|?*+.^$":
            ch, at = pattern[at], at + 1
        else:
            return None
        if ch.isspace() or (at < len(pattern) and pattern[at] in "?*+{"):
            return None
        return white, chars | {ch}
    return None


def _after_group(pattern: str, at: int) -> int | None:
    """The index after the group opening at ``at`` (escapes and classes inside skipped)."""
    depth, inside = 0, False
    while at < len(pattern):
        ch = pattern[at]
        if ch == "\\":
            at += 2
            continue
        if inside:
            inside = ch != "]"
        elif ch == "[":
            inside = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return None

def _entry(tag, key, prefix, text, extra="") -> Entry:
    ways, tail = label_ways(prefix, text, extra)
    return Entry(tag, key, ways, tail, len(text) + (1 if prefix else 0))


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
    # the note 本列数据的勾稽关系为…, in brackets or not (a space before it is never a start)
    note = r"列数据的\s?[勾钩]\s?稽关系[^）\x1f]{0,60}）?"
    entries.append(Entry("hdr", None, (("（", r"\s?本"), ("本", "")), note, 30))
    return LabelSet(entries)


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
    return LabelSet(entries)


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
    return LabelSet(entries)
