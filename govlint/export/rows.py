"""One dataset row per file: what the parser read of a report, flattened to named columns.

A cell's value is a number (int, or Decimal for amounts), None for a blank, non-numeric or
absent cell, or the sorted list of its possible values when the source glued digits that can be
cut several ways (the writers join them with ``|`` in CSV). A file that gives no report still
gets a row: its ``file`` and ``error`` (``govlint parse`` shows the same message), so a dataset
never silently drops a file.
"""

from __future__ import annotations


def report_row(report, aliases: dict[str, str] | None = None) -> dict:
    """The row of a parsed report. The agency is named as the facts of ``govlint check`` name
    it (``govlint.corpus.agency.report_agency``, with the config's ``aliases``)."""
    from govlint.corpus.agency import report_agency
    from govlint.export.columns import META_COLUMNS, cell_columns
    from govlint.export.ratios import RATIOS

    meta = report.metadata
    key, name = report_agency(report, aliases)
    row: dict = dict.fromkeys(META_COLUMNS)
    row.update({"file": report.path, "format": report.format, "agency": name, "agency_key": key,
                "year": meta.year, "template": report.template, "title": meta.title,
                "published": meta.published.isoformat() if meta.published else None})
    for column, kind, row_key, col_key in cell_columns():
        table = report.tables.get(kind)
        cell = table.get(row_key, col_key) if table is not None else None
        if cell is None:
            row[column] = None
        elif cell.values is not None:
            row[column] = sorted(cell.values)
        else:
            row[column] = cell.value
    for ratio in RATIOS:
        row[ratio.key] = ratio.value(row)
    return row


def error_row(path: str, error: str) -> dict:
    """The row of a file that gives no report: every column empty but ``file`` and ``error``."""
    from govlint.export.columns import all_columns

    row = dict.fromkeys(all_columns())
    row.update({"file": path, "error": error})
    return row
