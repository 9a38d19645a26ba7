"""The record types of the report format: one frozen record per section, row, column, block.

A record holds everything the format says about one item (its key, how it is numbered, how it
is printed, in which template it appears, whether it adds up to a total), so a question about
an item has one place to look. The views in the table modules (``rows("2019")``,
``result_rows("2021")`` …) filter these records; nothing is written twice.
"""

from __future__ import annotations

from govlint.record import Frozen


#: the two formats: 国办公开办函〔2019〕60号 (试行) and 国办公开办函〔2021〕30号
TEMPLATES = ("2019", "2021")
BOTH = frozenset(TEMPLATES)
ONLY_2019 = frozenset({"2019"})
ONLY_2021 = frozenset({"2021"})
#: a heading of sub-items that carries no cells of its own in any template
HEADING = frozenset()


class Section(Frozen):
    """A numbered section of the report (一、总体情况 …).

    ``patterns`` are the heading wordings accepted in full (regular expressions over normalised
    text); ``keywords`` a looser test for a short numbered line: every word of one tuple must
    occur in it.
    """

    __slots__ = _fields = ("key", "number", "title", "patterns", "keywords")

    def __init__(self, key: str, number: int, title: str, patterns: tuple[str, ...],
                 keywords: tuple[tuple[str, ...], ...]) -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "number", number)
        set_(self, "title", title)
        set_(self, "patterns", patterns)
        set_(self, "keywords", keywords)


class Row(Frozen):
    """A row of a statistical table, or a group heading above sub-items.

    ``label`` is the canonical wording as locations and messages print it; ``aliases`` are the
    normalised wordings the parser recognises (the first is canonical; add one to accept a new
    wording). ``templates`` are the templates that print cells on this row (empty for a group
    heading). ``numbering`` is the printed number (``一``, ``（一）``; sub-items take theirs from
    the key). ``sums_to_total`` marks the result rows that add up to （七）总计. ``short`` is the
    name messages use for the row when the label is too long.
    """

    __slots__ = _fields = ("key", "label", "aliases", "templates", "numbering", "group",
                           "sums_to_total", "short", "block", "marks", "renamed")

    def __init__(self, key: str, label: str, aliases: tuple[str, ...],
                 templates: frozenset[str] = BOTH, numbering: str = "", group: str | None = None,
                 sums_to_total: bool = False, short: str = "", block: str | None = None,
                 marks: tuple[tuple[str, str], ...] = (), renamed: tuple[str, ...] = ()) -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "label", label)
        set_(self, "aliases", aliases)
        set_(self, "templates", templates)
        set_(self, "numbering", numbering)
        set_(self, "group", group)
        set_(self, "sums_to_total", sums_to_total)
        set_(self, "short", short)
        #: table 二: the block (item of 条例第二十条) the row belongs to
        set_(self, "block", block)
        #: wordings only one template prints, alias → template (markers of the layout)
        set_(self, "marks", marks)
        #: wordings of the 2019 format that the 2021 format renamed to ``label`` (hybrid tables)
        set_(self, "renamed", renamed)

    @property
    def name(self) -> str:
        """The short name: ``short`` when set, else the first alias."""
        return self.short or self.aliases[0]

    @property
    def numbered(self) -> str:
        """The first alias after its printed number: ``一、本年新收…``, ``（二）部分公开``."""
        number = self.numbering
        if number and not number.startswith("（"):
            number += "、"
        return number + self.aliases[0]


class Column(Frozen):
    """A column of a statistical table (or an outcome of table 四); fields as in ``Row``.

    ``amount`` marks money (Decimal values, 万元); ``signed`` a column that may be negative
    (2019's 本年增/减 is a change, not a count).
    """

    __slots__ = _fields = ("key", "label", "aliases", "templates", "amount", "signed", "marks")

    def __init__(self, key: str, label: str, aliases: tuple[str, ...],
                 templates: frozenset[str] = BOTH, amount: bool = False, signed: bool = False,
                 marks: tuple[tuple[str, str], ...] = ()) -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "label", label)
        set_(self, "aliases", aliases)
        set_(self, "templates", templates)
        set_(self, "amount", amount)
        set_(self, "signed", signed)
        set_(self, "marks", marks)


class Block(Frozen):
    """A block of table 二: the item of 条例第二十条 it reports, and its columns per template."""

    __slots__ = _fields = ("key", "label", "templates", "columns")

    def __init__(self, key: str, label: str, templates: frozenset[str],
                 columns: dict[str, tuple[str, ...]] | None = None) -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "label", label)
        set_(self, "templates", templates)
        set_(self, "columns", {} if columns is None else columns)

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.label,)


def marked(items, template: str) -> set[str]:
    """The wordings of ``items`` that only ``template`` prints: every alias of an item that only
    that template has, and the aliases an item marks as that template's."""
    out: set[str] = set()
    for item in items:
        if item.templates == frozenset({template}):
            out.update(item.aliases)
        out.update(alias for alias, only in getattr(item, "marks", ()) if only == template)
    return out
