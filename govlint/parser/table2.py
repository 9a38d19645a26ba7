"""表二 (主动公开政府信息情况): blocks of 条例第二十条, each with its own column header.

Each block (``第二十条第（一）项`` …) prints ``信息内容`` and its column labels, then rows. The
columns of a block are the labels printed since its last row, so 2019 columns (本年新制作数量,
上一年项目数量 …), 2021 columns and hybrids are all read as printed. A block without a
readable header gets the 2021 (or, when the count fits only that, the 2019) columns.
"""

from __future__ import annotations

from functools import lru_cache

from govlint.format import location as cell_location
from govlint.format import table2 as t2
from govlint.format import templates
from govlint.parser.builder import TableBuilder
from govlint.parser.values import count_cells, count_gap, has_numbers, read_gap, take

NAME = t2.NAME


def location(row: str, col: str) -> str:
    return cell_location("table2", row, col)


class _State:
    def __init__(self):
        self.block: str | None = None
        self.columns: list[str] = []
        self.after_row = False


def parse_table2(stream, hits: list, limit: int):
    text = stream.text
    builder = TableBuilder("table2", stream)
    state = _State()
    rows_found: dict[str, str] = {}          # row key → block
    printed: set[str] = set()                # normalised labels seen (for the template)
    blocks_seen: list[str] = []
    for i, hit in enumerate(hits):
        if hit.start >= limit:
            break
        nxt = hits[i + 1].start if i + 1 < len(hits) and hits[i + 1].start < limit else limit
        if hit.tag == "block":
            state.block, state.columns, state.after_row = hit.key, [], False
            blocks_seen.append(hit.key)
            builder.label(hit, hit.key)
            printed.add(_norm(stream, hit))
            continue
        if hit.tag == "hdr":
            builder.label(hit, None)
            continue
        if hit.tag in ("col", "col_new"):
            if state.after_row:
                state.columns, state.after_row = [], False
            key = hit.key
            if hit.tag == "col_new":
                key = "new_made" if "new_made" not in state.columns else "new_published"
            state.columns.append(key)
            builder.label(hit, key)
            printed.add(_norm(stream, hit))
            continue
        # a row
        row = hit.key
        # a row of counts and blank cells (the usual grid row) is read without a token per cell
        cells = count_cells(text, hit.end, nxt)
        if cells is not None:
            if not cells:
                continue  # a row label with nothing after it: a stray word in the table
            printed_values = sum(1 for _, digits in cells if digits)
        else:
            gap = read_gap(text, hit.end, nxt)
            if gap.prose:
                break
            if not has_numbers(gap) and not gap.tokens:
                # a row label with nothing after it: a stray word in the table, not a row
                continue
            printed_values = sum(1 for t in gap.tokens if t.kind != "blank")
        builder.label(hit, row)
        printed.add(_norm(stream, hit))
        block = state.block or t2.row(row).block
        if state.block is None:
            state.block = block
        state.after_row = True
        columns = _columns(state.columns, block, printed_values)
        if row in rows_found:
            continue
        rows_found[row] = block
        if cells is not None:
            if len(cells) == len(columns):
                # one cell per column: what ``take`` gives, every value and blank in its place
                builder.counts(row, columns, cells, t2.amount_columns())
                continue
            gap = count_gap(cells, hit.end)
        values, reason = take(gap, len(columns))
        if values is None:
            builder.problem(f"“{t2.label(row)}”行{reason}", reason)
            continue
        builder.row(row, columns, values, t2.amount_columns())
    table = builder.table
    table.template = _template(printed, table)
    _check_complete(builder, rows_found, table.template)
    return builder


def _norm(stream, hit):
    """The label of ``hit`` as the format writes it (the same few dozen labels in every report)."""
    return _normalized(stream.original(hit.start, hit.end))


@lru_cache(maxsize=1024)
def _normalized(printed: str) -> str:
    from govlint.normalize import normalize

    return normalize(printed)  # piece breaks are white space: normalize drops them


def _columns(printed: list[str], block: str, values: int) -> list[str]:
    """The block's columns: as printed, or the template's when the header is short of it."""
    if printed:
        templates = (t2.block_columns("2021"), t2.block_columns("2019"))
        if any(list(t.get(block, ())) == printed for t in templates):
            return printed
        for template in templates:
            full = list(template.get(block, ()))
            # a header label we could not read (先行有效件数 for 现行有效件数)
            if len(printed) < len(full) and all(c in full for c in printed):
                return full
        return printed
    return _default_columns(block, values)


def _default_columns(block: str, values: int) -> list[str]:
    """The template's columns of ``block``: the 2019 ones when only they fit the row's
    ``values`` (its printed values, blanks not counted)."""
    v2 = list(t2.block_columns("2021").get(block, ()))
    v1 = list(t2.block_columns("2019").get(block, ()))
    if v1 and values == len(v1) and values != len(v2):
        return v1
    return v2 or v1


def _template(printed: set[str], table) -> str | None:
    outdated, hybrid = templates.outdated_labels(), templates.hybrid_labels()
    old = any(label in outdated or label in hybrid for label in printed)
    new = any(label in templates.current_labels() for label in printed)
    if not printed and not table.cells:
        return None
    if old and new:
        return "hybrid"
    if old:
        return "2019"
    if new:
        return "2021"
    return None


def _check_complete(builder, rows_found: dict, template: str | None):
    required = t2.rows("2019" if template == "2019" else "2021")
    missing = [r for r in required if r not in rows_found]
    if missing:
        builder.problem("缺少行：" + "、".join(f"“{t2.label(r)}”" for r in missing))
