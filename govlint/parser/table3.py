"""表三 (收到和处理政府信息公开申请情况): rows by label, the current group tracked.

The header (applicant columns) comes first; then each row label is followed by its values.
Sub-items ``1.``–``8.`` restart in every group; most carry their own wording, and the one that
does not (``3.其他`` of （六）) is told from the applicant column ``其他`` by the group it
follows. A （六）其他处理 row that carries values itself is the 2019 layout.
"""

from __future__ import annotations

from govlint.format import location as cell_location
from govlint.format import table3 as t3
from govlint.parser.builder import TableBuilder
from govlint.parser.values import Gap, count_cells, count_gap, read_gap, take

NAME = t3.NAME
_GROUP_HEADERS = {"results", "denied", "unable", "not_processed"}


row_label = t3.row_label
_SUBTOTAL = t3.LEGAL_PERSON_SUBTOTAL.key


def location(row: str, col: str) -> str:
    return cell_location("table3", row, col)


def parse_table3(stream, hits: list, limit: int):
    """``hits`` are the table-3 label hits from the table's first header label on."""
    text = stream.text
    builder = TableBuilder("table3", stream)
    builder.narrow = narrow_to_row_total
    header_cols: list[str] = []
    in_rows = False
    group = None
    pending = None               # (key, hit) waiting for the values after it
    results_seen = False
    first_value_at = None        # (grid, column) of 自然人 in a grid whose columns are positions
    found: dict[str, bool] = {}
    columns = list(t3.columns())

    def close(key, hit, gap_end, next_key=None):
        # a row of counts and blank cells (the usual grid row) is read without a token per
        # cell: no prose, every cell a value or a blank
        cells = count_cells(text, hit.end, gap_end)
        if cells is not None:
            kept = _beside_label_cells(stream, cells, first_value_at)
            has_value, empty = any(digits for _, digits in kept), not kept
        else:
            gap = _beside_label(stream, read_gap(text, hit.end, gap_end), first_value_at)
            if gap.prose:
                return False
            has_value, empty = any(t.kind != "blank" for t in gap.tokens), not gap.tokens
        if key in found:
            return True
        if next_key == key and not has_value:
            # the same label again (a heading above its own table row): the later one counts
            return True
        if key in _GROUP_HEADERS or key == "other":
            # a group heading: its sub-items follow; with none following, a row of its own
            # (the single （六）其他处理 row of the 2019 layout, even when left blank)
            if next_key is not None and next_key.partition(".")[0] == key:
                return True
            if key == "results" or empty:
                return True
        if cells is not None:
            if len(kept) == len(columns):
                # one cell per column: what ``take`` gives, every value and blank in its place
                found[key] = True
                builder.counts(key, columns, kept)
                return True
            gap = _beside_label(stream, count_gap(cells, hit.end), first_value_at)
        values, reason = take(gap, len(columns))
        found[key] = True
        if values is None:
            builder.problem(f"“{row_label(key)}”行{reason}", reason)
            return True
        builder.row(key, columns, values)
        return True

    for index, hit in enumerate(hits):
        if hit.start >= limit:
            break
        if not in_rows:
            if hit.tag in ("col", "amb_other", "amb_total", "hdr"):
                if hit.tag != "hdr":
                    header_cols.append(hit.key)
                if hit.key == "natural" and first_value_at is None:
                    first_value_at = stream.column(hit.start)
                builder.label(hit, hit.key if hit.tag != "hdr" else None)
                continue
            in_rows = True
            columns = _columns(header_cols)
        key = _resolve(hit, group, pending[0] if pending else None, found)
        if key is None:
            continue
        if key == "results" and results_seen:
            # 三、本年度办理结果 repeated on every row (a merged cell printed again): a heading,
            # it neither ends the row before it nor opens one
            builder.label(hit, key)
            continue
        results_seen = results_seen or key == "results"
        if pending is not None:
            if not close(*pending, hit.start, key):
                pending = None
                _last_row(stream, builder, hits[index:], limit, columns, found)
                break
        group = key.partition(".")[0] if "." in key else (key if key in t3.groups() else None)
        builder.label(hit, key)
        pending = (key, hit)
        if key == "carried_forward":
            break
    if pending is not None:
        close(*pending, limit)

    table = builder.table
    has_split_other = any(k.startswith("other.") for k in found)
    if has_split_other:
        table.template = "2021"
    elif "other" in found:
        table.template = "2019"
    required = t3.rows("2019" if table.template == "2019" else "2021")
    missing = [r for r in required if r not in found]
    if table.template is None:
        missing = [r for r in missing if not r.startswith("other")]
        builder.problem(f"缺少“{t3.row('other').label}”行")
    if missing:
        shown = "、".join(f"“{row_label(r)}”" for r in missing[:5])
        more = f"等{len(missing)}行" if len(missing) > 5 else ""
        builder.problem(f"缺少行：{shown}{more}")
    return builder


#: what a cell adopted by ``narrow_to_row_total`` is marked with
ROW_TOTAL = "row-total"


def narrow_to_row_total(table, group) -> None:
    """Adopt the only reading of a glued row that balances the row's own 总计.

    Applicant columns summing to 总计 (and an added 法人或其他组织 subtotal to its five
    columns) is the row's own identity; when exactly one reading satisfies it, that reading
    is adopted for the other checks and its cells are marked ``inferred``. This assumes the
    row's 总计 is right, so findings that rely on such a cell say so. With no or several
    balancing readings nothing is chosen.
    """
    rows = {row for row, _ in group.cells}
    if len(rows) != 1:
        return
    row = rows.pop()
    cols = [col for _, col in group.cells]
    if "total" not in cols:
        return
    at = {col: i for i, col in enumerate(cols)}
    applicants = [at[c] for c in t3.applicant_columns() if c in at]
    if len(applicants) != len(t3.applicant_columns()):
        return
    legal = [at[c] for c in t3.LEGAL_PERSON_COLUMNS if c in at]
    sub = at.get(_SUBTOTAL)

    def balances(reading):
        if sum(reading[i] for i in applicants) != reading[at["total"]]:
            return False
        return sub is None or sum(reading[i] for i in legal) == reading[sub]

    fits = [reading for reading in group.values if balances(reading)]
    if len(fits) != 1:
        return
    (chosen,) = fits
    group.values, group.inferred = (chosen,), ROW_TOTAL
    for key, value in zip(group.cells, chosen):
        cell = table.cells.get(key)
        if cell is not None and cell.values is not None:
            cell.value, cell.values, cell.inferred = value, None, ROW_TOTAL
            cell.raw = f"{value}（拆分自“{' '.join(group.runs)}”，按唯一使本行总计平衡的拆分推断）"


def _last_row(stream, builder, hits, limit, columns, found) -> None:
    """四、结转下年度继续办理 read from its own row after the rows before it ran into text.

    An extraction may scramble the middle of the table (labels wrapped into lines of their
    own) and still print the last row whole; the claim that every application was handled
    (GL502) needs only that row. It is taken only when its own values are all there.
    """
    key = "carried_forward"
    for i, hit in enumerate(hits):
        if hit.start >= limit:
            return
        if hit.tag != "row" or hit.key != key or key in found:
            continue
        end = hits[i + 1].start if i + 1 < len(hits) and hits[i + 1].start < limit else limit
        gap = read_gap(stream.text, hit.end, end)
        values, _ = take(gap, len(columns)) if not gap.prose else (None, None)
        if values is None:
            return
        found[key] = True
        builder.label(hit, key)
        builder.row(key, columns, values)
        return


def _beside_label(stream, gap, first_value_at):
    """The gap without the blank cells left of the first value column: what a row label's
    merged cells leave in a Markdown or Word grid (``| （一）予以公开 |  | 5 |``), which would
    otherwise be taken for a blank value and shift the row."""
    if first_value_at is None:
        return gap
    grid, first = first_value_at
    keep = []
    for token in gap.tokens:
        if token.kind == "blank":
            at = stream.column(token.start)
            if at is not None and at[0] == grid and at[1] < first:
                continue
        keep.append(token)
    return gap if len(keep) == len(gap.tokens) else Gap(keep, gap.end, gap.prose)


def _beside_label_cells(stream, cells, first_value_at):
    """``_beside_label`` for the cells ``count_cells`` read: the blank ones left of the first
    value column dropped."""
    if first_value_at is None:
        return cells
    grid, first = first_value_at
    keep = []
    for cell in cells:
        if not cell[1]:
            at = stream.column(cell[0])
            if at is not None and at[0] == grid and at[1] < first:
                continue
        keep.append(cell)
    return keep


def _columns(header_cols: list[str]) -> list[str]:
    columns = list(t3.columns())
    if _SUBTOTAL in header_cols:
        sub = header_cols.index(_SUBTOTAL)
        first = header_cols.index("commercial") if "commercial" in header_cols else len(header_cols)
        at = 1 if sub < first else len(columns) - 1
        columns.insert(at, _SUBTOTAL)
    return columns


def _resolve(hit, group, pending, found):
    """The row key of a label hit in the row part of the table, or None to skip it."""
    if hit.tag == "row":
        return hit.key
    if hit.tag == "amb_other":
        return "other.3" if group == "other" else None
    if hit.tag == "amb_total":
        # a bare 总计 among the rows is （七）总计 only where that row is due
        if "total" not in found and pending is not None and pending.startswith("other"):
            return "total"
    return None
