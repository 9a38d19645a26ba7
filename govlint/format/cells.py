"""Rows and columns of each table by kind: labels, short labels and printed order.

A view that draws part of a table (the table excerpt of a finding) names its rows and columns
and sorts them as the report prints them, for whichever table a finding is on; this module
answers those questions from the records of ``table2``, ``table3`` and ``table4`` so that the
view spells no label itself. Unknown keys stand for themselves and sort last.
"""

from __future__ import annotations

from functools import lru_cache

from . import table2, table3, table4

#: placeholders that real reports print for "nothing" (a blank cell, counted as 0)
BLANK_MARKS = frozenset({"", "-", "—", "–", "－", "--", "——", "/", "／", "\\", "无", "空"})


def blank_text(raw: str | None) -> bool:
    """Whether a cell's printed text, spaces aside, says "nothing"."""
    return "".join((raw or "").split()) in BLANK_MARKS


def row_label(kind: str, key: str) -> str:
    """The row's label as printed (a table-三 sub-item with its heading: ``（三）不予公开 / 3.…``)."""
    if kind == "table3":
        return table3.row_label(key)
    if kind == "table4":
        return table4.group_label(key)
    if kind == "table2":
        return table2.label(key)
    return key


def column_label(kind: str, key: str) -> str:
    if kind == "table3":
        return table3.column_label(key)
    if kind == "table4":
        return table4.outcome_label(key)
    if kind == "table2":
        return table2.label(key)
    return key


def row_parts(kind: str, key: str) -> tuple[str, str]:
    """(the heading a row is printed under, the row's own label): ``（四）无法提供`` and
    ``1.本机关不掌握相关政府信息``; ``行政诉讼`` and ``未经复议直接起诉``; 表二's rows under their
    block (``第二十条第（一）项``). The heading is "" for a row printed under none."""
    if kind == "table3":
        record = table3.ROWS_BY_KEY.get(key)
        if record is not None and record.group:
            return table3.row(record.group).label, record.label
    elif kind == "table4":
        record = dict((g.key, g) for g in table4.GROUPS).get(key)
        if record is not None and record.group:
            return table4.group_label(record.group), record.aliases[0]
    elif kind == "table2":
        record = table2._ROWS.get(key)
        if record is not None and record.block:
            return table2.label(record.block), record.label
    return "", row_label(kind, key)


def short_row_label(kind: str, key: str) -> str:
    """A name short enough for a term of an identity: ``本年新收``, ``（七）总计``, ``（四）第1项``.

    A row's ``short`` name when it has one, else its number and first wording; a table-三
    sub-item is its heading's number and its own (the full wording is in the drawn table).
    """
    if kind == "table3":
        record = table3.ROWS_BY_KEY.get(key)
        if record is None:
            return key
        if record.group:
            heading = table3.row(record.group)
            return f"{heading.numbering}第{key.partition('.')[2]}项"
        if record.short:
            return record.short
        return record.numbering + record.aliases[0]
    return row_label(kind, key)


@lru_cache(maxsize=None)
def _row_order(kind: str) -> dict[str, int]:
    if kind == "table3":
        keys = table3.all_rows()
    elif kind == "table4":
        keys = table4.groups()
    elif kind == "table2":
        keys = tuple(r.key for r in table2.ROWS)
    else:
        keys = ()
    return {key: i for i, key in enumerate(keys)}


@lru_cache(maxsize=None)
def _column_order(kind: str) -> dict[str, int]:
    if kind == "table3":
        # a 法人或其他组织 subtotal some reports add sits after its five columns, before 总计
        keys = table3.applicant_columns() + (table3.LEGAL_PERSON_SUBTOTAL.key, "total")
    elif kind == "table4":
        keys = table4.outcomes()
    elif kind == "table2":
        keys = tuple(c.key for c in table2.COLUMNS)
    else:
        keys = ()
    return {key: i for i, key in enumerate(keys)}


def row_rank(kind: str, key: str) -> tuple[int, str]:
    """A sort key putting rows in printed order (unknown rows last, by key)."""
    order = _row_order(kind)
    return (order.get(key, len(order)), key)


def column_rank(kind: str, key: str) -> tuple[int, str]:
    order = _column_order(kind)
    return (order.get(key, len(order)), key)
