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

from .location import legacy_locations, location, table_name

__all__ = ["column_labels", "label_vocabulary", "legacy_locations", "location", "table_name"]


@lru_cache(maxsize=1)
def label_vocabulary() -> frozenset[str]:
    """Every wording the format prints in a table or a heading, normalised: labels, aliases and
    numberings of every row, column and block, header texts, section titles.

    The text loader joins label fragments that a line wrap cut apart only into one of these.
    """
    from govlint.normalize import normalize

    from . import sections, table2, table3, table4

    found: set[str] = set()
    items = (table2.BLOCKS + table2.ROWS + table2.COLUMNS + (table2.TRUNCATED_NEW,)
             + table3.ROWS + table3.COLUMNS + (table3.LEGAL_PERSON_SUBTOTAL,)
             + table4.GROUPS + table4.OUTCOMES)
    for item in items:
        found.add(item.label)
        found.update(item.aliases)
        found.update(getattr(item, "renamed", ()))
        if getattr(item, "numbering", ""):
            found.add(item.numbering)
    found.update(table2.HEADER_TEXTS + table3.HEADER_TEXTS)
    found.update(s.title for s in sections.SECTIONS)
    return frozenset(n for n in map(normalize, found) if n)


@lru_cache(maxsize=1)
def column_labels() -> frozenset[str]:
    """Column headers of the statistical tables (never row labels), normalised."""
    from govlint.normalize import normalize

    from . import table2, table3, table4

    columns = table2.COLUMNS + table3.COLUMNS + table4.OUTCOMES
    return frozenset(normalize(c.label) for c in columns)
