"""The logical location of a cell, row or column: the one place that composes it.

A location names a place in the report's format, independent of lines: ``表三 / （七）总计 /
自然人``, ``表二 / 第二十条第（一）项 / 规章 / 本年制发件数``, ``表四 / 行政复议 / 总计``. The
parser gives every cell its location here and the rules name cells the same way, so one cell
has one location, and one baseline fingerprint (``Finding.fingerprint``).

Before locations were composed in one place, two rules named cells their own way; baselines
recorded then still match through ``legacy_locations``.
"""

from __future__ import annotations

from functools import lru_cache

from . import table2, table3, table4

TABLE_NAMES = {"table2": table2.NAME, "table3": table3.NAME, "table4": table4.NAME}


def table_name(table: str) -> str:
    """``table3`` → ``表三``; an unknown kind as it is."""
    return TABLE_NAMES.get(table, table)


@lru_cache(maxsize=4096)  # the same few hundred cells in every report
def location(table: str, row: str | None = None, column: str | None = None) -> str:
    """The location of a cell (or of a whole row or column when the other is None).

    Keys are the format's (``denied.3``, ``natural``); a text that is no key (a label as
    printed) stands for itself.
    """
    parts = [table_name(table)]
    if table == "table2":
        if row is not None:
            record = table2._ROWS.get(row)
            if record is not None and record.block:
                parts.append(table2.label(record.block))
            parts.append(table2.label(row))
        if column is not None:
            parts.append(table2.label(column))
    elif table == "table3":
        if row is not None:
            parts.append(table3.row_label(row))
        if column is not None:
            parts.append(table3.column_label(column))
    elif table == "table4":
        if row is not None:
            parts.append(table4.group_label(row))
        if column is not None:
            parts.append(table4.outcome_label(column))
    else:
        parts.extend(p for p in (row, column) if p is not None)
    return " / ".join(parts)


@lru_cache(maxsize=1024)
def row_locations(table: str, row: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """``location`` of each cell of ``row`` in ``columns``: a table parser places a row at a
    time, and a report's rows have the same few column lists."""
    return tuple(location(table, row, column) for column in columns)


def legacy_locations(current: str) -> tuple[str, ...]:
    """Earlier spellings of a location, so that baselines written before still match.

    Table-二 cells were named without their block (GL206), and the table-三 sub-items that
    have a short name by that name after their number (GL403: ``2.逾期未按收费通知要求缴纳费用``).
    """
    return _legacy().get(current, ())


@lru_cache(maxsize=1)
def _legacy() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for row in table2.ROWS:
        for col in table2.COLUMNS:
            out[location("table2", row.key, col.key)] = (f"{table2.NAME} / {row.label} / {col.label}",)
    for row in table3.ROWS:
        if row.group and row.short:
            number = row.key.partition(".")[2]
            for col in table3.COLUMNS:
                old = f"{table3.NAME} / {table3.row(row.group).label} / {number}.{row.short} / {col.label}"
                out[location("table3", row.key, col.key)] = (old,)
    return out


def location_parts(text: str) -> tuple[str, str, str]:
    """A location split back into (table, row, column), e.g. ``表三 / （七）总计 / 自然人`` →
    ``("表三", "（七）总计", "自然人")``; parts a location lacks are ``""``.

    Exact for every location ``location`` composes (the inverse is built from the same
    records); a location that names no table (a section, a sentence) is ``("", "", "")``, and
    one that starts with a table's name but holds keys the format does not know keeps the
    rest as its row. Tabular outputs (the xlsx workbook) show the three in their own columns.
    """
    known = _parts().get(text)
    if known is not None:
        return known
    head, _, rest = text.partition(" / ")
    if head in TABLE_NAMES.values():
        return head, rest, ""
    return "", "", ""


@lru_cache(maxsize=1)
def _parts() -> dict[str, tuple[str, str, str]]:
    """Every location of a row, a column or a cell, with its parts: a few hundred entries."""
    kinds = {
        "table2": ([r.key for r in table2.ROWS], [c.key for c in table2.COLUMNS]),
        "table3": ([r.key for r in table3.ROWS], [c.key for c in table3.COLUMNS + (table3.LEGAL_PERSON_SUBTOTAL,)]),
        "table4": ([g.key for g in table4.GROUPS], [o.key for o in table4.OUTCOMES]),
    }
    out: dict[str, tuple[str, str, str]] = {}
    for kind, (rows, columns) in kinds.items():
        name = table_name(kind)
        prefix = len(name) + len(" / ")
        for row in (None, *rows):
            row_text = location(kind, row)[prefix:] if row is not None else ""
            for column in (None, *columns):
                column_text = location(kind, None, column)[prefix:] if column is not None else ""
                out[location(kind, row, column)] = (name, row_text, column_text)
    return out
