"""The findings of a failed column identity of table 三, shared by GL201 and GL202.

Both rules report one finding per failing column, in the same words over readings
(``_readings.mismatch_text``), leave the pairs of applicant columns to GL207, and point at the
other findings that share a cell (``_related``); only the identity and its wording differ.
"""

from __future__ import annotations

from govlint.findings import Finding, Identity, TableCells
from govlint.format.table3 import column_label

from .._common import cell_span, plain
from .._readings import mismatch_text, readings_properties
from ._related import reported, see_also


def column_findings(report, code: str, left: str, right: str, where, blank: bool = False):
    """Findings of ``code``'s failing columns of the report's table 三: ``left``/``right`` name
    the identity's sides, ``where(col)`` gives the location; ``blank`` adds whether the printed
    total was blank."""
    table = report.table("table3")
    found = reported(report)
    for m in found[code].values():
        extra = {"blank": m.blank} if blank else {}
        yield Finding(
            mismatch_text(table, m, f"表三“{column_label(m.key)}”列", left, right),
            span=cell_span(table, "total", m.key), location=where(m.key),
            properties={"column": m.key, "expected": plain(m.expected), "found": plain(m.found),
                        "difference": plain(m.difference), **extra, **readings_properties(m)},
            related=see_also(report, code, m.key, found),
            cells=TableCells("table3", (Identity(m.left_cells, m.right_cells),), marked=(("total", m.key),)))
