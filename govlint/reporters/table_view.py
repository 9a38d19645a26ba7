"""The part of a table a finding is about, as plain data: ``Finding.table``.

A reader checks a table finding against the table, not against a line of markup: which rows,
which columns, what each cell holds, which cell is wrong and how the identity fails with its
numbers (``本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0``). The rule says which
cells (``Finding.cells``, a ``TableCells``); ``excerpt`` reads their values and labels from
the parsed report in the worker, where the report exists, so the main process and every
reporter (terminal, HTML, xlsx, JSON) get the same small serialisable record without
re-reading the file. Labels come from ``govlint.format.cells``; nothing here draws.

The record is documented in docs/output.md (the ``table`` key of a JSON finding); keys are
only ever added.
"""

from __future__ import annotations

from decimal import Decimal

from govlint.format import cells as labels
from govlint.format.cells import blank_text
from govlint.record import Frozen

#: a side of an identity with more terms than this lists only its non-zero terms
MAX_TERMS = 4
#: what joins the possible values of a cell cut from a glued digit run
VALUES_JOIN = "|"
_SYMBOLS = {"=": ("=", "≠"), "<=": ("≤", ">")}


class ExcerptCell(Frozen):
    """One cell as the excerpt shows it.

    ``shown`` is the number as read (``8``, ``3080.699``), the possible values of a glued cell
    (``2|23|230``), or the text as printed for a blank or text cell (``""``, ``-``, ``若干``);
    ``values`` the possible numbers (one for a plain number; empty for blank, text or a cell
    the table lacks); ``blank`` a cell counted as 0; ``marked`` a cell the finding says is wrong.
    """

    __slots__ = _fields = ("column", "shown", "values", "blank", "marked", "line")

    def __init__(self, column: str, shown: str, values: tuple = (), blank: bool = False,
                 marked: bool = False, line: int | None = None) -> None:
        set_ = object.__setattr__
        set_(self, "column", column)
        set_(self, "shown", shown)
        set_(self, "values", values)
        set_(self, "blank", blank)
        set_(self, "marked", marked)
        set_(self, "line", line)

    def to_dict(self) -> dict:
        return {"column": self.column, "shown": self.shown, "values": list(self.values),
                "blank": self.blank, "marked": self.marked, "line": self.line}


class ExcerptRow(Frozen):
    """A row: ``label`` in full (``（四）无法提供 / 1.本机关不掌握相关政府信息``), and split for
    drawing into the ``heading`` it is printed under ("" for none) and its own ``name``."""

    __slots__ = _fields = ("key", "label", "cells", "heading", "name")

    def __init__(self, key: str, label: str, cells: tuple[ExcerptCell, ...], heading: str = "",
                 name: str = "") -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "label", label)
        set_(self, "cells", cells)
        set_(self, "heading", heading)
        set_(self, "name", name)

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "heading": self.heading, "name": self.name,
                "cells": [c.to_dict() for c in self.cells]}


class ExcerptColumn(Frozen):
    __slots__ = _fields = ("key", "label")

    def __init__(self, key: str, label: str) -> None:
        set_ = object.__setattr__
        set_(self, "key", key)
        set_(self, "label", label)

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label}


class TableExcerpt(Frozen):
    """The rows and columns a finding involves, in printed order, and its identity in words.

    ``table`` is the kind (``table3``), ``name`` the table's name (``表三``); every row has one
    cell per column, in the order of ``columns``. ``identity`` states each identity with its
    numbers (several joined by ``；``), or is empty for a finding on one cell.
    """

    __slots__ = _fields = ("table", "name", "columns", "rows", "identity")

    def __init__(self, table: str, name: str, columns: tuple[ExcerptColumn, ...],
                 rows: tuple[ExcerptRow, ...], identity: str = "") -> None:
        set_ = object.__setattr__
        set_(self, "table", table)
        set_(self, "name", name)
        set_(self, "columns", columns)
        set_(self, "rows", rows)
        set_(self, "identity", identity)

    def to_dict(self) -> dict:
        return {"table": self.table, "name": self.name, "columns": [c.to_dict() for c in self.columns],
                "rows": [r.to_dict() for r in self.rows], "identity": self.identity}

    def cell(self, row: str, column: str) -> ExcerptCell | None:
        for r in self.rows:
            if r.key == row:
                for c in r.cells:
                    if c.column == column:
                        return c
        return None


def excerpt(report, cells) -> TableExcerpt | None:
    """The excerpt of ``report``'s table that ``cells`` (a ``TableCells``) names; None when the
    report has no such table or the declaration names no cell."""
    from govlint.format import table_name

    table = report.table(cells.table) if report is not None else None
    keys = list(cells.marked)
    for identity in cells.identities:
        keys.extend(identity.left)
        keys.extend(identity.right)
    if table is None or not keys:
        return None
    kind = cells.table
    rows = sorted({r for r, _ in keys}, key=lambda k: labels.row_rank(kind, k))
    columns = sorted({c for _, c in keys}, key=lambda k: labels.column_rank(kind, k))
    marked = set(cells.marked)
    shown = {key: _cell(table.get(*key), key[1], key in marked) for key in
             ((r, c) for r in rows for c in columns)}
    statements = [_statement(kind, identity, shown) for identity in cells.identities]
    statements = [s for s in statements if s]
    if len(statements) > 1:  # several identities: each says which column or row it is on
        statements = [f"{_along(kind, i)}：{s}" for i, s in zip(cells.identities, statements)]
    return TableExcerpt(
        kind, table_name(kind),
        tuple(ExcerptColumn(c, labels.column_label(kind, c)) for c in columns),
        tuple(ExcerptRow(r, labels.row_label(kind, r), tuple(shown[(r, c)] for c in columns),
                         *labels.row_parts(kind, r)) for r in rows),
        "；".join(statements))


def _number(value):
    """JSON-friendly: ints stay ints, Decimals become ints when whole, else floats."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def number_text(value) -> str:
    """A number as a report prints it: ``8``, ``3080.699``, never ``8.0`` or ``1E+1``."""
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")
    return str(value)


def _cell(cell, column: str, marked: bool) -> ExcerptCell:
    if cell is None:
        return ExcerptCell(column, "", marked=marked)
    span = cell.span  # worked out on demand: read once
    line = span.line if span is not None else None
    values, value = cell.values, cell.value
    if values is not None:
        return ExcerptCell(column, VALUES_JOIN.join(number_text(v) for v in values),
                           tuple(_number(v) for v in values), marked=marked, line=line)
    if type(value) is int:  # a count, as almost every cell holds
        return ExcerptCell(column, str(value), (value,), marked=marked, line=line)
    if value is not None:
        return ExcerptCell(column, number_text(value), (_number(value),), marked=marked, line=line)
    raw = " ".join((cell.raw or "").split())
    return ExcerptCell(column, raw, (), blank=blank_text(raw), marked=marked, line=line)


def _along(kind: str, identity) -> str:
    """What an identity's cells share: a column (its label) or a row (its short label)."""
    keys = identity.left + identity.right
    columns = {c for _, c in keys}
    if len(columns) == 1:
        return labels.column_label(kind, next(iter(columns)))
    rows = {r for r, _ in keys}
    return labels.short_row_label(kind, next(iter(rows))) if len(rows) == 1 else ""


def _statement(kind: str, identity, shown: dict) -> str:
    """``本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0``; "" when a cell holds text."""
    keys = identity.left + identity.right
    by_row = len({c for _, c in keys}) == 1          # the terms differ by row: name them by row
    by_column = len({r for r, _ in keys}) == 1

    def name(key) -> str:
        if by_row:
            return labels.short_row_label(kind, key[0])
        if by_column:
            return labels.column_label(kind, key[1])
        return f"{labels.short_row_label(kind, key[0])}/{labels.column_label(kind, key[1])}"

    sides = []
    for side in (identity.left, identity.right):
        terms, total = [], 0
        for key in side:
            cell = shown[key]
            if not cell.blank and not cell.values:
                return ""  # text or absent: the identity cannot be stated with numbers
            terms.append((name(key), cell))
            total = None if total is None or len(cell.values) > 1 else total + (cell.values[0] if cell.values else 0)
        sides.append((_terms(terms), total))
    (left, lsum), (right, rsum) = sides
    holds, fails = _SYMBOLS.get(identity.relation, _SYMBOLS["="])
    symbol = fails
    if lsum is not None and rsum is not None:
        ok = lsum <= rsum if identity.relation == "<=" else lsum == rsum
        symbol = holds if ok else fails
    left_text = left + (f" = {number_text(lsum)}" if lsum is not None and _several(identity.left) else "")
    right_text = right + (f" = {number_text(rsum)}" if rsum is not None and _several(identity.right) else "")
    return f"{left_text} {symbol} {right_text}"


def _several(side) -> bool:
    return len(side) > 1


def _term(name: str, cell: ExcerptCell) -> str:
    if cell.blank:
        return f"{name} 0（空白）"
    return f"{name} {cell.shown}"


def _terms(terms: list) -> str:
    """The terms joined by ``+``; a long side keeps its non-zero terms and counts the rest."""
    if len(terms) <= MAX_TERMS:
        return " + ".join(_term(n, c) for n, c in terms)
    kept = [(n, c) for n, c in terms if not (c.blank or c.values == (0,))]
    rest = len(terms) - len(kept)
    if not kept:
        return f"{rest} 项均为 0"
    text = " + ".join(_term(n, c) for n, c in kept)
    return text + (f" + 其余 {rest} 项 0" if rest else "")
