"""The dataset's column names: ``t2.<row>.<column>``, ``t3.<row>.<column>``, ``t4.<group>.<outcome>``.

Every name is built from the keys of the format records (``govlint.format.table2/3/4``), so a
cell has the same name here, in ``govlint parse --format json`` and in rule properties, and a
row or column the format gains becomes a column of the dataset without an edit here. A row key
may hold a dot (``denied.3``): the column key is what follows the last dot
(``t3.denied.3.natural``).

The set is the union of both templates, in printed order (2021 first): a report fills the
columns of its own layout and leaves the others empty, so datasets of different years line up.
"""

from __future__ import annotations

from functools import lru_cache

#: the short table names used as column prefixes
PREFIXES = {"table2": "t2", "table3": "t3", "table4": "t4"}
#: what every row starts with: the file and what the parser read of its metadata
META_COLUMNS = ("file", "format", "agency", "agency_key", "year", "template", "title", "published", "error")


def cell_name(kind: str, row: str, col: str) -> str:
    """``("table3", "new", "natural")`` → ``t3.new.natural``."""
    return f"{PREFIXES[kind]}.{row}.{col}"


@lru_cache(maxsize=1)
def cell_columns() -> tuple[tuple[str, str, str, str], ...]:
    """``(name, table, row, column)`` for every exported cell, in a stable order."""
    from govlint.format import table2, table3, table4
    from govlint.format.records import TEMPLATES

    out: list[tuple[str, str, str]] = []
    for record in table2.ROWS:
        block = table2.block(record.block)
        for template in reversed(TEMPLATES):  # 2021 first
            if template in record.templates:
                out.extend(("table2", record.key, col) for col in block.columns.get(template, ()))
    table3_columns = table3.columns() + (table3.LEGAL_PERSON_SUBTOTAL.key,)
    out.extend(("table3", row, col) for row in table3.all_rows() for col in table3_columns)
    out.extend(("table4", group, outcome) for group in table4.groups() for outcome in table4.outcomes())
    unique = dict.fromkeys(out)
    return tuple((cell_name(*key), *key) for key in unique)


@lru_cache(maxsize=1)
def all_columns() -> tuple[str, ...]:
    """Every column of the dataset, in order: metadata, cells, ratios."""
    from govlint.export.ratios import RATIOS

    return META_COLUMNS + tuple(name for name, *_ in cell_columns()) + tuple(r.key for r in RATIOS)
