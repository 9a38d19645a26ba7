"""Which printed labels tell the 2019 format from the 2021 format, derived from the records.

A label marks a template when only that template prints it: every wording of a block, row or
column of table 二 that only one template has, and the wordings a shared item marks as one
template's (处理决定数量 vs 本年处理决定数量). Hybrid labels are 2019 wordings that the 2021
format renamed (规范性文件 → 行政规范性文件), seen in otherwise 2021 tables.
"""

from __future__ import annotations

from functools import lru_cache

from . import table2
from .records import marked


def _items():
    return table2.BLOCKS + table2.ROWS + table2.COLUMNS + (table2.TRUNCATED_NEW,)


@lru_cache(maxsize=None)
def outdated_labels() -> frozenset[str]:
    """Labels (normalised, whole label) that only the 2019 format prints."""
    return frozenset(marked(_items(), "2019"))


@lru_cache(maxsize=None)
def current_labels() -> frozenset[str]:
    """Labels (normalised) that only the 2021 format prints."""
    return frozenset(marked(_items(), "2021"))


@lru_cache(maxsize=None)
def hybrid_labels() -> dict[str, str]:
    """A 2019 label → the 2021 label that replaced it, for labels kept in otherwise 2021 tables."""
    return {old: row.label for row in table2.ROWS for old in row.renamed}
