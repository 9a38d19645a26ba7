"""Recognising a report in the 2008–2018 format (``govlint.format.pre2019``).

Such a report has none of the tables of the 2019/2021 template, only its own 附表 of
indicators with a unit column. It is recognised when no table 二, 三 or 四 yielded a cell and
the text prints several rows only that format has: three of them, or two under the header
指标名称/统计指标 | 单位. One row alone is not enough (a modern report may quote an old
indicator in its prose).
"""

from __future__ import annotations

from govlint.format import pre2019
from govlint.normalize import normalize


def is_pre2019(stream, tables: dict) -> bool:
    """Whether the stream reads as a 2008–2018 report (see the module docstring)."""
    if any(table.cells for table in tables.values()):
        return False
    text = normalize(stream.text)
    rows = sum(1 for row in pre2019.ROWS if any(alias in text for alias in row.aliases))
    if rows >= 3:
        return True
    label_column, unit_column = pre2019.column_labels()
    header = any(label in text for label in label_column) and any(unit in text for unit in unit_column)
    return header and rows >= 2
