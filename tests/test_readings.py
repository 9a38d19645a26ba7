"""Checks over the readings of glued digit runs: never a finding some reading satisfies.

Rows are rendered the way crawled pages print them (each row's digits glued after its label,
with stray spaces at some cell boundaries, which the parser takes as certain boundaries).
The oracle is brute force: every reading of every glued row, combined, each identity
evaluated directly.
"""

from __future__ import annotations

from itertools import product

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint.parser import parse
from govlint.parser.glued import count_readings, readings
from test_parser_tables import GROUP_BEFORE, HEADER, ROW_TEXT, T4_HEADER, _doc, _para

from govlint_rules._arith import achievable, table3_applicants, table3_balance, table3_results, table4_groups

ROWS = format_table3.rows("2021")
COLUMNS = format_table3.columns()
APPLICANTS = format_table3.applicant_columns()
RESULTS = format_table3.result_rows("2021")
GROUPS = format_table4.groups()
PARTS = format_table4.parts()
small = st.integers(0, 12)


@st.composite
def consistent(draw):
    """Table 三 (2021 layout) and table 四 values satisfying every identity."""
    cols = {}
    for col in APPLICANTS:
        results = {row: draw(small) if draw(st.integers(0, 3)) == 0 else 0 for row in RESULTS}
        forward, over = draw(small), draw(small)
        done = sum(results.values())
        over = min(over, done + forward)
        cols[col] = {**results, "total": done, "carried_forward": forward, "carried_over": over,
                     "new": done + forward - over}
    values = [[cols[c][row] for c in APPLICANTS] + [sum(cols[c][row] for c in APPLICANTS)] for row in ROWS]
    t4 = []
    for _ in GROUPS:
        parts = [draw(small) if draw(st.booleans()) else 0 for _ in PARTS]
        t4 += parts + [sum(parts)]
    return values, t4


def render(values, t4, spaces) -> str:
    """One line per row, digits glued, a space at the cell boundaries ``spaces`` picks."""
    lines = ["三、收到和处理政府信息公开申请情况", "".join(HEADER)]
    for i, (key, nums) in enumerate(zip(ROWS, values)):
        labels = ([GROUP_BEFORE[key]] if key in GROUP_BEFORE else []) + [ROW_TEXT[key]]
        lines.append("".join(labels) + _glue(nums, spaces, i))
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "".join(T4_HEADER), _glue(t4, spaces, 99),
              "五、存在的主要问题及改进情况"]
    return lines


def _glue(nums, spaces, salt) -> str:
    out = str(nums[0])
    for j, n in enumerate(nums[1:], 1):
        out += (" " if spaces.get((salt, j)) else "") + str(n)
    return out


def _parse(lines):
    return parse(_doc([_para(t, i + 1) for i, t in enumerate(lines)]))


space_maps = st.dictionaries(st.tuples(st.integers(0, 99), st.integers(1, 14)), st.booleans(), max_size=60)


@settings(max_examples=25, deadline=None)
@given(consistent(), space_maps)
def test_consistent_glued_tables_give_no_arithmetic_finding(data, spaces):
    values, t4 = data
    report = _parse(render(values, t4, spaces))
    t3, t4table = report.table("table3"), report.table("table4")
    assert not list(table3_balance(t3)) and not list(table3_results(t3)) and not list(table3_applicants(t3))
    assert not list(table4_groups(t4table))


def _brute_table4(run: str):
    """Per group: whether its identity fails under every reading of ``run`` (15 cells)."""
    fails = {g: True for g in GROUPS}
    for reading in readings([run], 15):
        cells = [int(t) for t in reading[0]]
        for i, g in enumerate(GROUPS):
            group = cells[5 * i:5 * i + 5]
            if sum(group[:4]) == group[4]:
                fails[g] = False
    return fails


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=15, max_size=15))
def test_table4_over_readings_agrees_with_brute_force(t4):
    run = "".join(map(str, t4))
    if count_readings([run], 15) > 2000:
        return
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "".join(T4_HEADER), run, "五、存在的主要问题及改进情况"]
    table = _parse(lines).table("table4")
    reported = {m.key for m in table4_groups(table)}
    assert reported == {g for g, fails in _brute_table4(run).items() if fails}


@settings(max_examples=30, deadline=None)
@given(consistent(), st.integers(0, len(ROWS) - 1), st.integers(0, len(COLUMNS) - 1), st.integers(1, 9))
def test_a_perturbed_cell_gives_exactly_the_identities_every_reading_fails(data, r, c, delta):
    """Table 三 glued row by row, one cell changed: each column identity is reported exactly
    when it fails under every combination of the rows' readings (brute force over the rows
    it uses, which are independent)."""
    values, t4 = data
    values = [list(row) for row in values]
    values[r][c] += delta
    report = _parse(render(values, t4, {}))
    table = report.table("table3")
    for col in COLUMNS:
        left = [("new", col), ("carried_over", col)]
        right = [("total", col), ("carried_forward", col)]
        expected = _brute_fails(table, left, right)
        reported = col in {m.key for m in table3_balance(table)}
        assert reported == expected, col


def _brute_fails(table, left, right) -> bool:
    """Whether ``sum(left) != sum(right)`` under every combination of the rows' readings."""
    rows = sorted({row for row, _ in left + right})
    choices = []
    for row in rows:
        group = table.reading_of(row, "total")
        if group is None:
            choices.append([{(row, col): _known(table, row, col) for col in COLUMNS}])
        else:
            choices.append([dict(zip(group.cells, reading)) for reading in group.values])
    size = 1
    for options in choices:
        size *= len(options)
    assume(size <= 5000)  # keep the oracle small; the rule itself never enumerates this product
    for combo in product(*choices):
        cells = {k: v for part in combo for k, v in part.items()}
        if sum(cells[k] for k in left) == sum(cells[k] for k in right):
            return False
    return True


def _known(table, row, col):
    cell = table.get(row, col)
    return 0 if cell is None or cell.value is None else cell.value


def test_achievable_links_cells_of_one_row_and_combines_rows():
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "".join(T4_HEADER), "1200000000000000",
             "五、存在的主要问题及改进情况"]
    table = _parse(lines).table("table4")
    upheld, corrected = ("review", "upheld"), ("review", "corrected")
    assert table.get(*upheld).values == (1, 12) and table.get(*corrected).values == (0, 20)
    # linked: 12+0 or 1+20, never 1+0 or 12+20
    assert achievable(table, [(upheld, 1), (corrected, 1)]).values == {12, 21}
    assert achievable(table, [(upheld, 1), (corrected, -1)]).values == {12, -19}


def test_pingtan_2021_run_is_read_over_its_readings():
    """The corpus's 2021 Pingtan report glues a row into ``640020470``: several readings."""
    from pathlib import Path

    path = Path(__file__).resolve().parent / "fixtures" / "corpus" / "2021_pingtan.txt"
    from govlint.testing import parse_file

    report = parse_file(str(path))
    groups = [g for t in report.tables.values() for g in t.readings if "640020470" in g.runs]
    assert groups and groups[0].count == len(readings(["640020470"], 7))
