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

__all__ = ["column_labels", "legacy_locations", "location", "location_parts", "table_name"]


@lru_cache(maxsize=1)
def column_labels() -> frozenset[str]:
    """Column headers of the statistical tables (never row labels), normalised."""
    from govlint.normalize import normalize

    from . import table2, table3, table4

    columns = table2.COLUMNS + table3.COLUMNS + table4.OUTCOMES
    return frozenset(normalize(c.label) for c in columns)
