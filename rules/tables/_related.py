"""Findings of table 三 that share a cell point at each other (``Finding.related``).

A （七）总计 cell left at 0 breaks both identities of its column, GL201 (一+二 = （七）+四)
and GL202 (（七） = the result items), and the identity of its row, GL203 (总计 = the six
applicant columns). Each is reported, since each is a true statement, and each names the
others with the one cell they share, so a reader sees one cell to fix rather than three
problems. Two identities of table 三 share at most one cell (a column's and a row's cross
once; GL201 and GL202 of a column share its （七）总计).
"""

from __future__ import annotations

from govlint.findings import Related
from govlint.format import location
from govlint.format.table3 import column_label, row_label

from .._arith import (TABLE3_APPLICANT_COLUMNS, misassigned_pairs, plain_grid, table3_applicants,
                      table3_balance, table3_layout, table3_results)
from .._common import cell_span

#: the rows of GL201's column identity (一 + 二 = （七） + 四)
_BALANCE_ROWS = ("new", "carried_over", "total", "carried_forward")


def failures(report) -> dict[str, tuple]:
    """The failing identities of the report's table 三 by the rule that checks them, each with
    the pairs of applicant columns that GL207 reports instead: ``{code: (mismatches, pairs)}``
    (``_arith.misassigned_pairs``; GL203 has no pairs). Derived once per report: GL201, GL202,
    GL203 and GL207 read it, and each identity is evaluated over its readings once."""
    return report.view("table3-failures", _failures)


def _failures(report) -> dict[str, tuple]:
    table, shape = report.table("table3"), layout(report)
    grid = plain_grid(table, shape[0])  # every identity below is first decided over it
    out = {}
    for code, mismatches in (("GL201", tuple(table3_balance(table, grid))),
                             ("GL202", tuple(table3_results(table, shape, grid)))):
        out[code] = (mismatches, tuple(misassigned_pairs(table, list(mismatches))))
    out["GL203"] = (tuple(table3_applicants(table, shape, grid)), ())
    return out


def layout(report) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(rows, result rows) of the report's table 三 (``_arith.table3_layout``), once per report."""
    return report.view("table3-layout", lambda rep: table3_layout(rep.table("table3")))


def reported(report) -> dict[str, dict]:
    """The failing identities of table 三 that are reported, by code: GL201 and GL202 by
    column (without the pairs GL207 reports instead), GL203 by row. Derived once per report."""
    return report.view("table3-reported", _reported)


def _reported(report) -> dict[str, dict]:
    out = {}
    for code, (mismatches, pairs) in failures(report).items():
        paired = {col for pair in pairs for col in pair[:2]}
        out[code] = {m.key: m for m in mismatches if m.key not in paired}
    return out


def _cells(report, code: str, key: str) -> set:
    if code == "GL201":
        return {(row, key) for row in _BALANCE_ROWS}
    if code == "GL202":
        _, result_rows = layout(report)
        return {(row, key) for row in (*result_rows, "total")}
    return {(key, col) for col in (*TABLE3_APPLICANT_COLUMNS, "total")}


def _what(code: str, key: str) -> tuple[str, str]:
    """(where the other finding is, what it says)."""
    if code == "GL201":
        return (location("table3", column=key),
                f"表三“{column_label(key)}”列第一项+第二项≠第三项（七）总计+第四项")
    if code == "GL202":
        return location("table3", "total", key), f"表三“{column_label(key)}”列（七）总计≠（一）至（六）各项之和"
    return location("table3", key, "total"), f"表三“{row_label(key)}”行总计≠六类申请人之和"


def see_also(report, code: str, key: str, found: dict) -> tuple[Related, ...]:
    """The other reported findings (``found``, from ``reported``) whose identity shares a cell
    with finding ``code`` of column or row ``key``; each points at that cell."""
    table = report.table("table3")
    mine = _cells(report, code, key)
    out = []
    for other, mismatches in found.items():
        for other_key in mismatches:
            if (other, other_key) == (code, key):
                continue
            shared = mine & _cells(report, other, other_key)
            if not shared:
                continue
            row, col = min(shared)
            where, what = _what(other, other_key)
            cell = location("table3", row, col).split(" / ", 1)[-1]
            out.append(Related(cell_span(table, row, col), where, f"另见 {other}：{what}，两处都涉及单元格“{cell}”"))
    return tuple(out)
