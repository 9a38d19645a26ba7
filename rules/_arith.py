"""The accounting identities of tables 三 and 四 (domain notes §4), shared by GL201–GL207.

Blank cells count as 0; a cell holding text that is not a number, or a cell the table lacks
(a missing row), makes every identity it takes part in unknowable, so those identities are
skipped (GL205 and GL104 report the cells themselves) and the others are still checked.

Cells cut from a glued digit run may have several possible values (``TableCell.values``).
``achievable`` gives the set of values a linear expression over cells can take: cells of one
row are linked (one reading fixes them all), so each row's readings are enumerated on the
cells the expression uses; rows are independent, so their sets of partial sums are combined.
An identity fails only when no achievable value satisfies it (``Mismatch`` then carries the
glued cells, for the "无论如何拆分" wording). The rules reading prose against the tables
(GL403, GL501, GL502) use ``achievable`` too.
"""

from __future__ import annotations

from operator import itemgetter

from govlint.format import table3 as t3
from govlint.format.cells import blank_text  # what reports print for nothing (blank, i.e. 0)
from govlint.format import table4 as t4
from govlint.record import Frozen

TABLE3_COLUMNS = t3.columns()
TABLE3_APPLICANT_COLUMNS = t3.applicant_columns()
TABLE3_LEGAL_PERSON_COLUMNS = t3.LEGAL_PERSON_COLUMNS
TABLE3_LEGAL_PERSON_SUBTOTAL = t3.LEGAL_PERSON_SUBTOTAL.key


def is_blank(cell) -> bool:
    return cell is None or (cell.value is None and blank_text(cell.raw))


def is_text(cell) -> bool:
    """A cell that holds something that is not a number (and is not a blank mark)."""
    return (cell is not None and cell.value is None and getattr(cell, "values", None) is None
            and not is_blank(cell))


def value(table, row, col):
    """The number in a cell, 0 when blank or absent, None when the cell holds text or has
    several possible values (use ``achievable`` for those)."""
    cell = table.get(row, col)
    if cell is None or is_blank(cell):
        return 0
    return cell.value  # None for text or several readings


def total(table, cells):
    """The sum of ``cells`` ((row, col) pairs), or None when one of them is text."""
    out = 0
    for row, col in cells:
        v = value(table, row, col)
        if v is None:
            return None
        out += v
    return out


def table3_layout(table) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(rows, result rows) of the template a table 3 follows (the identities below take it as
    ``layout`` when their caller has it already: it reads every cell).

    Decided by the cells the parser found (a single （六） row means the 2019 layout), so a
    hybrid table is checked against what it actually prints.
    """
    rows = {row for row, _ in table.cells}
    template = "2021"
    if not any(row.startswith("other.") for row in rows) and ("other" in rows or table.template == "2019"):
        template = "2019"
    return t3.rows(template), t3.result_rows(template)


#: a set of achievable sums larger than this is not built (the check then stays silent)
MAX_SUMS = 100_000


class Sums(Frozen):
    """The values a linear expression over cells can take, and the cells that made it uncertain.

    ``glued``: cells with several possible values; ``inferred``: cells whose value the parser
    adopted by a narrowing (``TableCell.inferred``), which a finding relying on them names.
    """

    __slots__ = _fields = ("values", "glued", "inferred")

    def __init__(self, values: frozenset, glued: tuple = (), inferred: tuple = ()) -> None:
        set_ = object.__setattr__
        set_(self, "values", values)
        set_(self, "glued", glued)
        set_(self, "inferred", inferred)

    @property
    def single(self):
        """The value when only one is achievable, else None."""
        return next(iter(self.values)) if len(self.values) == 1 else None


def _combine(a: set, b: set) -> set | None:
    if len(a) * len(b) > MAX_SUMS:
        out = set()
        for x in a:
            for y in b:
                out.add(x + y)
                if len(out) > MAX_SUMS:
                    return None
        return out
    return {x + y for x in a for y in b}


def achievable(table, terms) -> Sums | None:
    """The achievable values of ``sum(coef * cell)`` over ``terms`` ((row, col), coef).

    None when a cell is absent (a row the table lacks), holds text, or the set would exceed
    ``MAX_SUMS``. Blank cells count as 0. Cells of the same glued row are evaluated reading by
    reading (they are linked); different rows are combined as independent sets.
    """
    fixed = 0
    linked: dict[int, tuple] = {}     # id(Readings) → (readings, [(index, coef)])
    glued, inferred = [], []
    cells = table.cells
    for key, coef in terms:
        if type(key) is not tuple:
            key = tuple(key)  # a [row, col] pair (facts are JSON)
        cell = cells.get(key)
        if cell is None:
            table.get(*key)  # a key the format does not have raises (``Table.get``)
            return None
        if cell.values is not None:
            group = table.reading_of(*key)
            if group is None:
                return None
            linked.setdefault(id(group), (group, []))[1].append((group.index(*key), coef))
            glued.append(cell)
            continue
        v = cell.value
        if v is None:
            if not blank_text(cell.raw):
                return None
            v = 0  # a blank cell counts as 0
        if cell.inferred:
            inferred.append(cell)
        fixed += coef * v
    sums = {fixed}
    for group, picks in linked.values():
        part = {sum(coef * reading[i] for i, coef in picks) for reading in group.values}
        sums = _combine(sums, part)
        if sums is None:
            return None
    return Sums(frozenset(sums), tuple(glued), tuple(inferred))


class Mismatch(Frozen):
    __slots__ = _fields = ("key", "expected", "found", "blank", "differences", "glued", "inferred",
                           "left", "right", "left_cells", "right_cells")

    def __init__(self, key: str, expected: object, found: object, blank: bool = False,
                 differences: tuple = (), glued: tuple = (), inferred: tuple = (), left: tuple = (),
                 right: tuple = (), left_cells: tuple = (), right_cells: tuple = ()) -> None:
        set_ = object.__setattr__
        # the column (GL201/202), row (GL203) or group (GL204) that fails
        set_(self, "key", key)
        # what the identity's left side gives (None: several values possible)
        set_(self, "expected", expected)
        # what the table prints on the other side (None: several values possible)
        set_(self, "found", found)
        # the printed total is a blank cell (counted as 0)
        set_(self, "blank", blank)
        #: right − left under each reading (one value when no glued cell takes part)
        set_(self, "differences", differences)
        # cells with several possible values that the identity uses
        set_(self, "glued", glued)
        # cells adopted by a narrowing (row-total) that it relies on
        set_(self, "inferred", inferred)
        # the achievable values of each side, sorted
        set_(self, "left", left)
        set_(self, "right", right)
        # the (row, col) keys of each side (the finding's table excerpt)
        set_(self, "left_cells", left_cells)
        set_(self, "right_cells", right_cells)

    @property
    def terms(self) -> tuple:
        """The identity as one linear expression, right − left: ((row, col), coef) pairs."""
        return tuple([(k, 1) for k in self.right_cells] + [(k, -1) for k in self.left_cells])

    @property
    def difference(self):
        """right − left when it is one number, else None."""
        if self.expected is not None and self.found is not None:
            return self.found - self.expected
        return self.differences[0] if len(self.differences) == 1 else None


def identity(table, key, left, right, blank_cell=None) -> Mismatch | None:
    """Checks ``sum(left) == sum(right)`` over every reading; a Mismatch only when all fail.

    None when the identity holds under some reading, or cannot be evaluated (a cell absent,
    text, or too many sums). Most identities hold over cells of one value each: ``_plain_sum``
    sees that in one pass, and only the rest are evaluated over readings (``achievable``).
    """
    cells = table.cells
    lhs = _plain_sum(cells, left)
    if lhs is not None and lhs == _plain_sum(cells, right):
        return None
    return identity_over_readings(table, key, left, right, blank_cell)


def _plain_sum(cells: dict, keys):
    """The sum of ``keys``' cells when each is a plain number or blank, else None (a cell
    absent, text, or with several possible values: ``achievable`` decides then)."""
    out = 0
    for key in keys:
        cell = cells.get(key)
        if cell is None or cell.values is not None:
            return None
        if cell.value is None:
            if not blank_text(cell.raw):
                return None
        else:
            out += cell.value
    return out


def plain_grid(table, rows) -> dict[str, tuple]:
    """Row → the plain number of each cell of ``TABLE3_COLUMNS`` in that row (blank as 0; None
    for a cell absent, holding text or cut from a glued run), read in one pass over the cells.

    A caller checking every identity of table 三 decides most of them over it with a sum of a
    tuple (``_holds``), where ``identity`` reads each cell again for each identity it is in;
    only the rest go to ``identity``, which answers them as it answers any.
    """
    cells = table.cells
    out = {}
    for row in rows:
        values = []
        for col in TABLE3_COLUMNS:
            cell = cells.get((row, col))
            if cell is None or cell.values is not None:
                values.append(None)
            elif cell.value is not None:
                values.append(cell.value)
            else:
                values.append(0 if blank_text(cell.raw) else None)
        out[row] = tuple(values)
    return out


def _holds(left: tuple, right: tuple) -> bool:
    """Whether an identity over plain numbers holds: what ``identity``'s one pass finds (a
    None, a cell that is not one plain number, leaves it to ``identity``)."""
    return None not in left and None not in right and sum(left) == sum(right)


#: where the applicant columns and 总计 stand in a row of ``plain_grid``
_APPLICANTS_OF = itemgetter(*(TABLE3_COLUMNS.index(c) for c in TABLE3_APPLICANT_COLUMNS))
_TOTAL_AT = TABLE3_COLUMNS.index("total")


def identity_over_readings(table, key, left, right, blank_cell=None) -> Mismatch | None:
    """``identity`` evaluated over the achievable values of both sides, whatever the cells."""
    diff = achievable(table, [(k, 1) for k in right] + [(k, -1) for k in left])
    if diff is None or 0 in diff.values:
        return None
    lhs = achievable(table, [(k, 1) for k in left])
    rhs = achievable(table, [(k, 1) for k in right])
    if lhs is None or rhs is None:
        return None
    return Mismatch(key, lhs.single, rhs.single, blank_cell is not None and is_blank(table.get(*blank_cell)),
                    tuple(sorted(diff.values)), diff.glued, diff.inferred,
                    tuple(sorted(lhs.values)), tuple(sorted(rhs.values)), tuple(left), tuple(right))


def at_least(table, terms, bound) -> Sums | None:
    """The achievable values of ``terms`` when every one of them is at least ``bound``, else
    None (also when the expression cannot be evaluated): an inequality that holds under every
    reading, for the checks that report only what fails under every reading."""
    sums = achievable(table, terms)
    if sums is None or min(sums.values) < bound:
        return None
    return sums


def table3_balance(table, grid=None):
    """一 + 二 = 三(七)总计 + 四, per column (``grid``: the table's ``plain_grid``, when at hand)."""
    if table is None:
        return
    rows = (grid.get("new"), grid.get("carried_over"), grid.get("total"), grid.get("carried_forward")) \
        if grid is not None else ()
    if None in rows:
        rows = ()
    for i, col in enumerate(TABLE3_COLUMNS):
        if rows and _holds((rows[0][i], rows[1][i]), (rows[2][i], rows[3][i])):
            continue
        m = identity(table, col, [("new", col), ("carried_over", col)], [("total", col), ("carried_forward", col)])
        if m is not None:
            yield m


def table3_results(table, layout=None, grid=None):
    """(七)总计 = the sum of the result sub-items, per column."""
    if table is None:
        return
    _, result_rows = layout or table3_layout(table)
    columns = totals = ()
    if grid is not None and "total" in grid and all(row in grid for row in result_rows):
        columns, totals = tuple(zip(*(grid[row] for row in result_rows))), grid["total"]
    for i, col in enumerate(TABLE3_COLUMNS):
        if columns and _holds(columns[i], (totals[i],)):
            continue
        m = identity(table, col, [(row, col) for row in result_rows], [("total", col)], ("total", col))
        if m is not None:
            yield m


def table3_applicants(table, layout=None, grid=None):
    """总计 = the six applicant columns, per row."""
    if table is None:
        return
    rows, _ = layout or table3_layout(table)
    for row in rows:
        values = grid.get(row) if grid is not None else None
        if values is not None and _holds(_APPLICANTS_OF(values), (values[_TOTAL_AT],)):
            continue
        m = identity(table, row, [(row, col) for col in TABLE3_APPLICANT_COLUMNS], [(row, "total")],
                     (row, "total"))
        if m is not None:
            yield m


def table3_legal_subtotal(table, layout=None):
    """An added 法人或其他组织 subtotal = its five sub-columns, per row (when printed)."""
    if table is None:
        return
    rows, _ = layout or table3_layout(table)
    cells = table.cells
    for row in rows:
        sub = (row, TABLE3_LEGAL_PERSON_SUBTOTAL)
        if sub not in cells:  # the usual table: no subtotal (a key of the format, never to check)
            continue
        m = identity(table, row, [(row, col) for col in TABLE3_LEGAL_PERSON_COLUMNS], [sub], sub)
        if m is not None:
            yield m


TABLE4_PARTS = t4.parts()


def table4_groups(table):
    """总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group."""
    if table is None:
        return
    for group in t4.groups():
        m = identity(table, group, [(group, outcome) for outcome in TABLE4_PARTS], [(group, "total")],
                     (group, "total"))
        if m is not None:
            yield m


def misassigned_pairs(table, mismatches) -> list[tuple]:
    """Pairs of applicant columns whose column identity fails by +k and −k (GL207).

    Given one identity's failing columns: when the 总计 column balances (under some reading)
    and exactly two applicant columns fail, and their differences cancel under every reading
    (the sum of the two identities, one linear expression, can only be 0), the likelier cause
    is k applications counted in the wrong applicant column. Returns
    [(column +k, column −k, the achievable k)], k a ``Sums`` of the positive column's
    difference (one value unless glued cells make it depend on the reading). The sign of k
    must not depend on the reading either.
    """
    failing = {m.key: m for m in mismatches}
    if "total" in failing:
        return []
    applicants = [m for key, m in failing.items() if key in TABLE3_APPLICANT_COLUMNS]
    if len(applicants) != 2 or len(failing) != 2:
        return []
    a, b = applicants
    both = achievable(table, a.terms + b.terms)
    k = achievable(table, a.terms)
    if both is None or both.values != {0} or k is None:
        return []
    if min(k.values) > 0:
        return [(a.key, b.key, k)]
    if max(k.values) < 0:
        return [(b.key, a.key, achievable(table, b.terms))]
    return []
