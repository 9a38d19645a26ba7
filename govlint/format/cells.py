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


#: per table kind, the function naming a row (a group of 表四) and a column (an outcome)
_ROW_LABEL = {"table2": table2.label, "table3": table3.row_label, "table4": table4.group_label}
_COLUMN_LABEL = {"table2": table2.label, "table3": table3.column_label, "table4": table4.outcome_label}


def row_label(kind: str, key: str) -> str:
    """The row's label as printed (a table-三 sub-item with its heading: ``（三）不予公开 / 3.…``)."""
    label = _ROW_LABEL.get(kind)
    return label(key) if label is not None else key


def column_label(kind: str, key: str) -> str:
    label = _COLUMN_LABEL.get(kind)
    return label(key) if label is not None else key


def row_parts(kind: str, key: str) -> tuple[str, str]:
    """(the heading a row is printed under, the row's own label): ``（四）无法提供`` and
    ``1.本机关不掌握相关政府信息``; ``行政诉讼`` and ``未经复议直接起诉``; 表二's rows under their
    block (``第二十条第（一）项``). The heading is "" for a row printed under none."""
    if kind == "table3":
        record = table3.ROWS_BY_KEY.get(key)
        if record is not None and record.group:
            return table3.row(record.group).label, record.label
    elif kind == "table4":
        record = table4._GROUPS.get(key)
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
def _order(kind: str, what: str) -> dict[str, int]:
    """Key → printed position, for the rows or the columns of a table kind."""
    keys = {
        ("table2", "rows"): tuple(r.key for r in table2.ROWS),
        ("table2", "columns"): tuple(c.key for c in table2.COLUMNS),
        ("table3", "rows"): table3.all_rows(),
        # a 法人或其他组织 subtotal some reports add sits after its five columns, before 总计
        ("table3", "columns"): table3.applicant_columns() + (table3.LEGAL_PERSON_SUBTOTAL.key, "total"),
        ("table4", "rows"): table4.groups(),
        ("table4", "columns"): table4.outcomes(),
    }.get((kind, what), ())
    return {key: i for i, key in enumerate(keys)}


def row_rank(kind: str, key: str) -> tuple[int, str]:
    """A sort key putting rows in printed order (unknown rows last, by key)."""
    order = _order(kind, "rows")
    return (order.get(key, len(order)), key)


def column_rank(kind: str, key: str) -> tuple[int, str]:
    order = _order(kind, "columns")
    return (order.get(key, len(order)), key)
