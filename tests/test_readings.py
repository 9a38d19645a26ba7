"""Checks over the readings of glued digit runs: never a finding some reading satisfies.

The identities of tables 三 and 四 (GL201–GL204), the misassigned pair (GL207), table 二
(GL206) and the rules comparing prose with the tables (GL403, GL501, GL502) are each checked on
generated reports: consistent ones give nothing, and one changed cell or stated number gives
exactly what fails under every admissible reading.

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


# --- prose-vs-table rules and table 二 over readings -----------------------------------------
#: the rules that read cells of glued rows besides the identities above
PROSE_CODES = ("GL203", "GL206", "GL207", "GL403", "GL501", "GL502")
T2_HEADER = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]


def _rules():
    from govlint_rules import all_rules

    return {rule.code: rule for rule in all_rules() if rule.code in PROSE_CODES}


@st.composite
def documents(draw):
    """A consistent report: tables 二 (row 行政规范性文件), 三, 四 and prose stating their numbers."""
    values, t4 = draw(consistent())
    issued = draw(small)
    repealed = draw(small)
    in_force = max(issued - repealed, 0) + draw(small)
    return {"t3": values, "t4": t4, "t2": [issued, repealed, in_force], "said": {}}


def render_report(doc, spaces) -> list[str]:
    """The whole report as glued text lines: prose of section 一 stating the tables' numbers."""
    t3 = {key: row for key, row in zip(ROWS, doc["t3"])}
    said = {"new": t3["new"][-1], "granted": t3["granted"][-1], "carried_forward": t3["carried_forward"][-1],
            "issued": doc["t2"][0], "repealed": doc["t2"][1], "in_force": doc["t2"][2], **doc["said"]}
    prose = [f"本年度共受理政府信息公开申请{said['new']}件，予以公开{said['granted']}件，"
             f"结转下年度继续办理{said['carried_forward']}件。",
             f"本年度制发行政规范性文件{said['issued']}件，废止{said['repealed']}件，现行有效{said['in_force']}件。"]
    if doc["t3"][ROWS.index("carried_forward")][-1] == 0:
        prose.append("所有申请均已全部办结。")
    if doc["t3"][ROWS.index("other.2")][-1] == 0:
        prose.append("本年度未发出收费通知。")
    lines = ["一、总体情况", *prose, "二、主动公开政府信息情况", *T2_HEADER,
             "行政规范性文件" + _glue(doc["t2"], spaces, 98)]
    return lines + render(doc["t3"], doc["t4"], spaces)


def _prose_findings(report):
    """(code, message) of each finding of the prose and table-二 rules."""
    return [(rule.code, f.message) for rule in _rules().values() for f in rule.check(report, None)]


@settings(max_examples=25, deadline=None)
@given(documents(), space_maps)
def test_consistent_glued_reports_give_nothing_from_the_prose_and_table2_rules(doc, spaces):
    report = _parse(render_report(doc, spaces))
    assert _prose_findings(report) == []


def _row_readings(table, row, cols):
    """Every admissible reading of ``row``'s cells ``cols``: dicts col → value."""
    group = table.reading_of(row, cols[0])
    if group is None:
        return [{col: _known(table, row, col) for col in cols}]
    return [{col: reading[group.index(row, col)] for col in cols} for reading in group.values]


def _brute_expected(report, doc):
    """The codes whose comparison fails under every admissible reading (brute force)."""
    t3, t2 = report.table("table3"), report.table("table2")
    said = doc["said"]
    out = set()
    cols = list(COLUMNS)

    def sums(row):
        return {(r["total"], sum(r[c] for c in APPLICANTS)) for r in _row_readings(t3, row, cols)}

    # GL501: 受理 N (一 or 一+二), 予以公开 N, 结转下年度 N; each against 总计 or the applicant sum
    new, over = sums("new"), sums("carried_over")
    accepted_new = {v for pair in new for v in pair} | {a[i] + b[i] for a in new for b in over for i in (0, 1)}
    stated = {"new": doc["t3"][ROWS.index("new")][-1], "granted": doc["t3"][ROWS.index("granted")][-1],
              "carried_forward": doc["t3"][ROWS.index("carried_forward")][-1], **said}
    if stated["new"] not in accepted_new:
        out.add("GL501")
    for key in ("granted", "carried_forward"):
        if stated[key] not in {v for pair in sums(key) for v in pair}:
            out.add("GL501")
    # GL502: the claim is printed when the generated table carried nothing over
    if doc["t3"][ROWS.index("carried_forward")][-1] == 0 and all(min(p) > 0 for p in sums("carried_forward")):
        out.add("GL502")
    if doc["t3"][ROWS.index("other.2")][-1] == 0 and all(p[0] > 0 for p in sums("other.2")):
        out.add("GL403")
    # GL206 over the readings the prose leaves (the only one agreeing with it, else all)
    readings = _row_readings(t2, "normative", ["issued", "repealed", "in_force"])
    prose = {"issued": said.get("issued", doc["t2"][0]), "repealed": said.get("repealed", doc["t2"][1]),
             "in_force": said.get("in_force", doc["t2"][2])}
    agree = [r for r in readings if r == prose]
    if all(r["issued"] > r["repealed"] + r["in_force"] for r in (agree if len(agree) == 1 else readings)):
        out.add("GL206")
    # GL203 row by row over its own readings
    if any(all(p[0] != p[1] for p in sums(row)) for row in ROWS):
        out.add("GL203")
    return out


perturbations = st.one_of(
    st.tuples(st.just("t3"), st.integers(0, len(ROWS) - 1), st.integers(0, len(COLUMNS) - 1), st.integers(1, 9)),
    st.tuples(st.just("t2"), st.just(0), st.integers(0, 2), st.integers(1, 30)),
    st.tuples(st.just("said"), st.sampled_from(["new", "granted", "carried_forward"]), st.just(0), st.integers(1, 9)),
)


@settings(max_examples=25, deadline=None)
@given(documents(), perturbations)
def test_a_perturbed_report_gives_exactly_what_fails_under_every_reading(doc, change):
    """One cell of table 二 or 三, or one number of the prose, changed: each prose-vs-table and
    table-二 rule reports exactly when its comparison fails under every admissible reading
    (brute force over the readings of the rows it reads; GL207 is left to its own test)."""
    where, i, j, delta = change
    if where == "t3":
        doc["t3"] = [list(row) for row in doc["t3"]]
        doc["t3"][i][j] += delta
    elif where == "t2":
        doc["t2"] = list(doc["t2"])
        doc["t2"][j] += delta
    else:
        row = doc["t3"][ROWS.index(i)]
        doc["said"] = {i: row[-1] + delta}
    report = _parse(render_report(doc, {}))
    reported = {code for code, _ in _prose_findings(report)} - {"GL207"}
    assert reported == _brute_expected(report, doc) - {"GL207"}


def _sides(identity, col):
    """(left, right) cells of the column identity of GL201 (balance) or GL202 (results)."""
    if identity == "balance":
        return [("new", col), ("carried_over", col)], [("total", col), ("carried_forward", col)]
    return [(row, col) for row in RESULTS], [("total", col)]


@settings(max_examples=20, deadline=None)
@given(consistent(), st.data(), st.booleans())
def test_misassigned_pair_holds_under_every_reading(data, draw, spaced):
    """k results moved from one applicant column to another in one row (the 总计 column kept):
    GL207 names a pair only when, under every combination of the rows' readings, the two
    columns fail the identity by +k and −k; with every cell separated it names that pair."""
    from govlint_rules._arith import misassigned_pairs

    values, t4 = data
    values = [list(r) for r in values]
    # a row with some applicant cell to take from (the （七）总计 row has one unless all is 0)
    rows = [r for r in ("total",) + RESULTS if any(values[ROWS.index(r)][:len(APPLICANTS)])]
    assume(rows)
    row = draw.draw(st.sampled_from(rows))
    i = ROWS.index(row)
    b = draw.draw(st.sampled_from([j for j in range(len(APPLICANTS)) if values[i][j]]))
    a = draw.draw(st.sampled_from([j for j in range(len(APPLICANTS)) if j != b]))
    k = draw.draw(st.integers(1, values[i][b]))
    order = (APPLICANTS[a], APPLICANTS[b])
    values[i][a] += k
    values[i][b] -= k
    spaces = {(r, j): True for r in range(len(ROWS)) for j in range(1, 7)} if spaced else {}
    table = _parse(render(values, t4, spaces)).table("table3")
    for identity, mismatches in (("balance", table3_balance), ("results", table3_results)):
        pairs = misassigned_pairs(table, list(mismatches(table)))
        moved = row == "total" or identity == "results"
        if spaced:
            # the row 总计 gains on column a; a result row gains on a, so （七）总计 falls short there
            expected = (order[0], order[1]) if row == "total" else (order[1], order[0])
            assert [(p, m) for p, m, _ in pairs] == ([expected] if moved else [])
        for plus, minus, _ in pairs:
            _assert_every_reading_cancels(table, identity, plus, minus)


def _assert_every_reading_cancels(table, identity, plus, minus):
    rows = sorted({r for col in (plus, minus) for side in _sides(identity, col) for r, _ in side})
    choices = []
    for r in rows:
        group = table.reading_of(r, "total")
        choices.append([dict(zip(group.cells, reading)) for reading in group.values] if group is not None
                       else [{(r, c): _known(table, r, c) for c in COLUMNS}])
    size = 1
    for options in choices:
        size *= len(options)
    assume(size <= 5000)
    for combo in product(*choices):
        cells = {key: v for part in combo for key, v in part.items()}

        def diff(col):
            left, right = _sides(identity, col)
            return sum(cells[key] for key in right) - sum(cells[key] for key in left)
        assert diff(plus) > 0 and diff(plus) + diff(minus) == 0
