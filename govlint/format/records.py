"""The record types of the report format: one frozen record per section, row, column, block.

A record holds everything the format says about one item (its key, how it is numbered, how it
is printed, in which template it appears, whether it adds up to a total), so a question about
an item has one place to look. The views in the table modules (``rows("2019")``,
``result_rows("2021")`` …) filter these records; nothing is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: the two formats: 国办公开办函〔2019〕60号 (试行) and 国办公开办函〔2021〕30号
TEMPLATES = ("2019", "2021")
BOTH = frozenset(TEMPLATES)
ONLY_2019 = frozenset({"2019"})
ONLY_2021 = frozenset({"2021"})
#: a heading of sub-items that carries no cells of its own in any template
HEADING = frozenset()


@dataclass(frozen=True)
class Section:
    """A numbered section of the report (一、总体情况 …).

    ``patterns`` are the heading wordings accepted in full (regular expressions over normalised
    text); ``keywords`` a looser test for a short numbered line: every word of one tuple must
    occur in it.
    """

    key: str
    number: int
    title: str
    patterns: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Row:
    """A row of a statistical table, or a group heading above sub-items.

    ``label`` is the canonical wording as locations and messages print it; ``aliases`` are the
    normalised wordings the parser recognises (the first is canonical; add one to accept a new
    wording). ``templates`` are the templates that print cells on this row (empty for a group
    heading). ``numbering`` is the printed number (``一``, ``（一）``; sub-items take theirs from
    the key). ``sums_to_total`` marks the result rows that add up to （七）总计. ``short`` is the
    name messages use for the row when the label is too long.
    """

    key: str
    label: str
    aliases: tuple[str, ...]
    templates: frozenset[str] = BOTH
    numbering: str = ""
    group: str | None = None
    sums_to_total: bool = False
    short: str = ""
    #: table 二: the block (item of 条例第二十条) the row belongs to
    block: str | None = None
    #: wordings only one template prints, alias → template (markers of the layout)
    marks: tuple[tuple[str, str], ...] = ()
    #: wordings of the 2019 format that the 2021 format renamed to ``label`` (hybrid tables)
    renamed: tuple[str, ...] = ()

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


@dataclass(frozen=True)
class Column:
    """A column of a statistical table (or an outcome of table 四); fields as in ``Row``.

    ``amount`` marks money (Decimal values, 万元); ``signed`` a column that may be negative
    (2019's 本年增/减 is a change, not a count).
    """

    key: str
    label: str
    aliases: tuple[str, ...]
    templates: frozenset[str] = BOTH
    amount: bool = False
    signed: bool = False
    marks: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Block:
    """A block of table 二: the item of 条例第二十条 it reports, and its columns per template."""

    key: str
    label: str
    templates: frozenset[str]
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
