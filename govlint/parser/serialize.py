"""The Report as plain data for ``govlint parse --format json`` (docs/parse-format.md)."""

from __future__ import annotations

from decimal import Decimal

from govlint.format import table3 as format_table3


def _number(value):
    """JSON number: ints stay ints, Decimals become int when whole, else float."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    return value


def _grid(table) -> dict:
    rows: dict[str, dict] = {}
    for cell in table:
        rows.setdefault(cell.row, {})[cell.col] = _number(cell.value)
    return rows


def _readings(table, out: dict) -> dict:
    """Adds, when there are any, the cells with several possible values and how they were read.

    ``possible``: row → column → the sorted possible values (the cell's value is null);
    ``inferred``: row → column → the narrowing that chose the value (``row-total``);
    ``readings``: each glued row's runs, cells and number of readings; ``unreadable``: rows
    whose digits allow too many readings to keep.
    """
    possible: dict[str, dict] = {}
    inferred: dict[str, dict] = {}
    for cell in table:
        if cell.values is not None:
            possible.setdefault(cell.row, {})[cell.col] = [_number(v) for v in cell.values]
        if cell.inferred:
            inferred.setdefault(cell.row, {})[cell.col] = cell.inferred
    if possible:
        out["possible"] = possible
    if inferred:
        out["inferred"] = inferred
    if table.readings:
        out["readings"] = [{"runs": list(g.runs), "cells": [list(k) for k in g.cells], "count": g.count,
                            "inferred": g.inferred} for g in table.readings]
    if table.unreadable:
        out["unreadable"] = list(table.unreadable)
    return out


def _table2(table):
    if table is None:
        return None
    return _readings(table, {"complete": table.complete, "template": table.template, "rows": _grid(table)})


def _table3(table):
    if table is None:
        return None
    rows = _grid(table)
    # the 2021 rows, then 2019's single （六） row
    order = {key: i for i, key in enumerate(dict.fromkeys(format_table3.rows("2021") + format_table3.rows("2019")))}
    rows = dict(sorted(rows.items(), key=lambda item: order.get(item[0], len(order))))
    return _readings(table, {"complete": table.complete, "template": table.template, "rows": rows,
                             "problems": list(table.problems)})


def _table4(table):
    if table is None:
        return None
    return _readings(table, {"complete": table.complete, "groups": _grid(table)})


def report_to_dict(report) -> dict:
    meta = report.metadata
    period = None
    if meta.period is not None:
        period = {"start": meta.period.start.isoformat(), "end": meta.period.end.isoformat()}
    return {
        "path": report.path,
        "format": report.format,
        "template": report.template,
        "metadata": {
            "title": meta.title,
            "agency": meta.agency,
            "year": meta.year,
            "published": meta.published.isoformat() if meta.published else None,
            "period": period,
        },
        "sections": [{"number": s.number, "key": s.key, "heading": s.heading,
                      "line": s.span.line if s.span else None} for s in report.sections],
        "tables": {
            "table2": _table2(report.tables.get("table2")),
            "table3": _table3(report.tables.get("table3")),
            "table4": _table4(report.tables.get("table4")),
        },
    }


def report_cells(report):
    """Every recognised cell: table, row, column, value, raw text, location and span."""
    for kind in ("table2", "table3", "table4"):
        table = report.tables.get(kind)
        if table is None:
            continue
        for cell in table:
            out = {
                "table": kind,
                "row": cell.row,
                "col": cell.col,
                "value": _number(cell.value),
                "raw": cell.raw,
                "location": cell.location,
                "span": cell.span.to_dict() if cell.span else None,
            }
            if cell.values is not None:
                out["possible"] = [_number(v) for v in cell.values]
            if cell.inferred:
                out["inferred"] = cell.inferred
            yield out
