"""The report format as data: the one place that knows what a report prints.

Sources: 国办公开办函〔2021〕30号 (the 2021 format), 国办公开办函〔2019〕60号 (the 2019 format,
试行), 国办函〔2020〕109号 (信息处理费). Each section, row, column and block is one record
(``records``); the modules per table hold the records and the views derived from them:

- ``sections``: the six sections, their titles, heading patterns and keywords;
- ``table2``: blocks, rows and columns of 表二 in both templates;
- ``table3``: rows (which add up to （七）总计 in each template) and applicant columns of 表三;
- ``table4``: groups and outcomes of 表四;
- ``templates``: the labels that mark the 2019 or the 2021 layout, and the hybrid labels;
- ``location``: the one function that names a cell's logical location;
- ``citations``, ``fees``: titles reports cite and how they state the 信息处理费.

Labels are written normalised (``govlint.normalize.normalize``). Adding a wording the parser
should accept is one alias in one record. Importing this package compiles no pattern.
"""

from __future__ import annotations

from functools import lru_cache

from .location import legacy_locations, location, location_parts, table_name

__all__ = ["UnknownCellKey", "cell_keys", "check_cell_key", "column_labels", "legacy_locations",
           "location", "location_parts", "table_name"]


@lru_cache(maxsize=1)
def column_labels() -> frozenset[str]:
    """Column headers of the statistical tables (never row labels), normalised."""
    from govlint.normalize import normalize

    from . import table2, table3, table4

    columns = table2.COLUMNS + table3.COLUMNS + table4.OUTCOMES
    return frozenset(normalize(c.label) for c in columns)


class UnknownCellKey(KeyError):
    """A row or column key that the format does not have (a typo in a rule, say).

    A KeyError, so code that catches one still does, with a message that names the valid keys:
    a mistyped key must fail loudly, not read as a blank cell and make a rule never fire.
    """

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


@lru_cache(maxsize=None)
def cell_keys(kind: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The row and column keys a table of ``kind`` can have; None for a kind the format does
    not describe (a plugin's own table), whose keys are not checked."""
    from . import table2, table3, table4

    if kind == "table2":
        return frozenset(r.key for r in table2.ROWS), frozenset(c.key for c in table2.COLUMNS)
    if kind == "table3":
        return (frozenset(r.key for r in table3.ROWS),
                frozenset(c.key for c in table3.COLUMNS + (table3.LEGAL_PERSON_SUBTOTAL,)))
    if kind == "table4":
        return frozenset(g.key for g in table4.GROUPS), frozenset(o.key for o in table4.OUTCOMES)
    return None


def check_cell_key(kind: str, row: str, col: str) -> None:
    """Raise ``UnknownCellKey`` naming the valid keys when ``row`` or ``col`` is not a key of
    ``kind``; a valid key whose cell a report lacks is not an error."""
    keys = cell_keys(kind)
    if keys is None:
        return
    rows, cols = keys
    for what, key, valid in (("行键 row", row, rows), ("列键 column", col, cols)):
        if key not in valid:
            raise UnknownCellKey(
                f"{kind} 没有{what} {key!r}；可用的键：{', '.join(sorted(valid))}")
