"""How findings over glued cells say so: the runs, each cell's candidate values, inferences.

A finding over cells whose digits the source glued is reported only when the check fails
under every reading (``_arith.achievable``); its message then says "无论如何拆分" and lists
what each cell could be, so a reader can verify it against the printed run. A finding that
relies on a cell the parser adopted by a narrowing names the assumption behind it.
"""

from __future__ import annotations

from ._common import fmt, shown

#: candidate values shown per cell before "等N种"
_SHOWN = 6


def values_text(values) -> str:
    """``3``, or ``2、23 或 230`` (at most a few, then how many)."""
    values = list(values)
    if len(values) == 1:
        return fmt(values[0])
    head = [fmt(v) for v in values[:_SHOWN]]
    if len(values) > _SHOWN:
        return "、".join(head) + f"等{len(values)}种"
    return "、".join(head[:-1]) + " 或 " + head[-1]


def _where(cell) -> str:
    return cell.location.split(" / ", 1)[-1] if cell.location else f"{cell.row} / {cell.col}"


def runs_of(table, cells) -> list[str]:
    """The glued runs the given cells were cut from, in table order, once each."""
    out: list[str] = []
    for cell in cells:
        group = table.reading_of(cell.row, cell.col)
        if group is not None:
            run = " ".join(group.runs)
            if run not in out:
                out.append(run)
    return out


def glued_clause(table, cells) -> str:
    """``无论如何拆分“230000023”（一、…/自然人可能为 2、23 或 230）``, or "" without glued cells."""
    if not cells:
        return ""
    runs = "、".join(f"“{r}”" for r in runs_of(table, cells))
    each = "；".join(f"{_where(c)}可能为 {values_text(c.values)}" for c in cells)
    return f"无论如何拆分{runs}（{each}）"


#: how each narrowing (``TableCell.inferred``) is named in a finding that relies on it
NARROWINGS = {
    "row-total": "按唯一使本行总计平衡的拆分推断",
    "prose": "按唯一与正文所述数字相符的拆分推断",
}


def inferred_note(cells) -> str:
    """``（…的值按唯一使本行总计平衡的拆分推断）`` for cells adopted by a narrowing: the row's
    own 总计 (the parser's) or the numbers the prose states (``_corroborate``)."""
    if not cells:
        return ""
    by_kind: dict[str, dict[str, list[str]]] = {}
    for cell in cells:
        row, _, col = _where(cell).rpartition(" / ")
        by_kind.setdefault(cell.inferred, {}).setdefault(row, []).append(col)
    return "".join(f"（{'；'.join(_cells_text(rows))}的值{NARROWINGS.get(kind, '按推断的拆分')}）"
                   for kind, rows in by_kind.items())


def _cells_text(rows: dict[str, list[str]]) -> list[str]:
    """``一、本年新收… / 自然人、总计`` per row: the cells of a row named once with their row."""
    return [f"{row} / {'、'.join(cols)}" if row else "、".join(cols) for row, cols in rows.items()]


def mismatch_text(table, m, where: str, left: str, right: str) -> str:
    """A failed identity in words: ``where：left=8，right=0，相差 8``, or over glued cells
    ``where：无论如何拆分…，left（…）都不等于right（…）``; with the notes on glued cells that do
    not change the sums and on inferred cells."""
    if m.glued and None in (m.expected, m.found):
        text = (f"{where}：{glued_clause(table, m.glued)}，{left}（{values_text(m.left)}）"
                f"都不等于{right}（{values_text(m.right)}）")
    else:
        text = f"{where}：{left}={fmt(m.expected)}，{right}={shown(m)}，相差 {fmt(abs(m.difference))}"
    return text + unaffected_note(table, m) + inferred_note(m.inferred)


def readings_properties(m) -> dict:
    """Machine-readable extras of a mismatch over readings (empty when nothing was glued)."""
    out: dict = {}
    if m.glued:
        out["readings"] = True
        out["differences"] = [int(d) if d == int(d) else str(d) for d in m.differences[:50]]
        out["glued_cells"] = [[c.row, c.col] for c in m.glued]
    if m.inferred:
        out["inferred_cells"] = [[c.row, c.col] for c in m.inferred]
    return out


def unaffected_note(table, m) -> str:
    """For a mismatch whose sides are the same under every reading although glued cells take
    part (``1100…`` read as 11+0 or 1+10): the plain message is exact, and this says why."""
    if not m.glued or m.expected is None or m.found is None:
        return ""
    return f"（{glued_clause(table, m.glued)}，两边之和都不变）"
