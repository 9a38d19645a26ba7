"""Findings of table 三 that share a cell point at each other (``Finding.related``).

A （七）总计 cell left at 0 breaks both identities of its column, GL201 (一+二 = （七）+四)
and GL202 (（七） = the result items). Each is reported, since each is a true statement,
and each names the other, so a reader sees one cell to fix rather than two problems.
"""

from __future__ import annotations

from govlint.findings import Related
from govlint.format import location
from govlint.format.table3 import column_label

from .._common import cell_span

_WHAT = {
    "GL201": "第一项+第二项≠第三项（七）总计+第四项",
    "GL202": "（七）总计≠（一）至（六）各项之和",
}


def see_also(table, code: str, col: str) -> tuple[Related, ...]:
    """The other finding of column ``col`` (``code``), both resting on its （七）总计 cell."""
    where = location("table3", column=col) if code == "GL201" else location("table3", "total", col)
    return (Related(cell_span(table, "total", col), where,
                    f"另见 {code}：表三“{column_label(col)}”列{_WHAT[code]}，两处都涉及该列（七）总计单元格"),)
