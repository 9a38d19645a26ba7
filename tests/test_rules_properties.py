"""Properties of the arithmetic and section rules, on generated reports.

A table that satisfies every identity yields no GL201–GL204; changing one cell yields exactly
the findings its column, row and group take part in (worked out from the identities of
domain notes §4, not by running the rules); removing one section yields exactly one GL101.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.format import sections as format_sections
from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint_rules.structure.gl101_missing_section import MissingSection
from govlint_rules.tables.gl201_table3_balance import Table3Balance
from govlint_rules.tables.gl202_table3_results_total import Table3ResultsTotal
from govlint_rules.tables.gl203_table3_applicant_total import Table3ApplicantTotal
from govlint_rules.tables.gl204_table4_total import Table4Total
from rule_builders import make_report, make_table, run_rule

SECTION_KEYS = format_sections.KEYS
TABLE3_APPLICANT_COLUMNS = format_table3.applicant_columns()
TABLE3_COLUMNS = format_table3.columns()
TABLE3_RESULT_ROWS_2019 = format_table3.result_rows("2019")
TABLE3_RESULT_ROWS_2021 = format_table3.result_rows("2021")
TABLE3_ROWS_2019 = format_table3.rows("2019")
TABLE3_ROWS_2021 = format_table3.rows("2021")
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

ARITHMETIC = (Table3Balance, Table3ResultsTotal, Table3ApplicantTotal, Table4Total)
counts = st.integers(min_value=0, max_value=50)


@st.composite
def table3_grid(draw, template):
    """A table 3 that satisfies all three identities, in every column."""
    rows = TABLE3_ROWS_2021 if template == "2021" else TABLE3_ROWS_2019
    results = TABLE3_RESULT_ROWS_2021 if template == "2021" else TABLE3_RESULT_ROWS_2019
    grid = {}
    for col in TABLE3_APPLICANT_COLUMNS:
        for row in results:
            grid[(row, col)] = draw(counts)
        grid[("total", col)] = sum(grid[(row, col)] for row in results)
        grid[("carried_forward", col)] = draw(counts)
        pool = grid[("total", col)] + grid[("carried_forward", col)]
        grid[("carried_over", col)] = draw(st.integers(min_value=0, max_value=pool))
        grid[("new", col)] = pool - grid[("carried_over", col)]
    for row in rows:
        grid[(row, "total")] = sum(grid[(row, col)] for col in TABLE3_APPLICANT_COLUMNS)
    return grid


@st.composite
def table4_grid(draw):
    grid = {}
    for group in TABLE4_GROUPS:
        for outcome in TABLE4_OUTCOMES[:-1]:
            grid[(group, outcome)] = draw(counts)
        grid[(group, "total")] = sum(grid[(group, o)] for o in TABLE4_OUTCOMES[:-1])
    return grid


def report_with(template, grid3, grid4):
    year = 2023 if template == "2021" else 2020
    tables = {"table3": make_table("table3", grid3, template, first_line=300),
              "table4": make_table("table4", grid4, template, first_line=400)}
    return make_report(year, template=template, tables=tables)


def arithmetic_findings(report) -> set[tuple[str, str]]:
    out = set()
    for rule in ARITHMETIC:
        for f in run_rule(rule, report):
            key = f.properties.get("column") or f.properties.get("row") or f.properties.get("group")
            out.add((f.code, key))
    return out


def expected_after_change(template, row, col) -> set[tuple[str, str]]:
    """The findings one changed cell of table 3 must produce, from the identities alone."""
    results = TABLE3_RESULT_ROWS_2021 if template == "2021" else TABLE3_RESULT_ROWS_2019
    expected = {("GL203", row)}  # the row's 总计 no longer equals its six applicant cells
    if row in ("new", "carried_over", "total", "carried_forward"):
        expected.add(("GL201", col))  # 一 + 二 = （七） + 四 in this column
    if row in results or row == "total":
        expected.add(("GL202", col))  # （七） = sum of the result items in this column
    return expected


templates = st.sampled_from(["2021", "2019"])


@settings(max_examples=60, deadline=None)
@given(data=st.data(), template=templates)
def test_consistent_tables_give_no_arithmetic_finding(data, template):
    report = report_with(template, data.draw(table3_grid(template)), data.draw(table4_grid()))
    assert arithmetic_findings(report) == set()


@settings(max_examples=100, deadline=None)
@given(data=st.data(), template=templates)
def test_one_changed_table3_cell_gives_exactly_its_findings(data, template):
    grid3 = data.draw(table3_grid(template))
    rows = TABLE3_ROWS_2021 if template == "2021" else TABLE3_ROWS_2019
    row = data.draw(st.sampled_from(rows))
    col = data.draw(st.sampled_from(TABLE3_COLUMNS))
    delta = data.draw(st.integers(min_value=-5, max_value=5).filter(bool))
    grid3[(row, col)] += delta
    report = report_with(template, grid3, data.draw(table4_grid()))
    assert arithmetic_findings(report) == expected_after_change(template, row, col)


def test_worked_examples_of_single_changes():
    assert expected_after_change("2021", "denied.3", "natural") == {("GL202", "natural"), ("GL203", "denied.3")}
    assert expected_after_change("2021", "total", "total") == {
        ("GL201", "total"), ("GL202", "total"), ("GL203", "total")}
    assert expected_after_change("2021", "new", "commercial") == {("GL201", "commercial"), ("GL203", "new")}
    assert expected_after_change("2019", "other", "legal") == {("GL202", "legal"), ("GL203", "other")}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_one_changed_table4_cell_breaks_only_its_group(data):
    grid4 = data.draw(table4_grid())
    group = data.draw(st.sampled_from(TABLE4_GROUPS))
    outcome = data.draw(st.sampled_from(TABLE4_OUTCOMES))
    grid4[(group, outcome)] += data.draw(st.integers(min_value=-5, max_value=5).filter(bool))
    report = report_with("2021", data.draw(table3_grid("2021")), grid4)
    assert arithmetic_findings(report) == {("GL204", group)}


@settings(max_examples=50, deadline=None)
@given(order=st.permutations(SECTION_KEYS), missing=st.sampled_from(SECTION_KEYS + (None,)))
def test_missing_section_names_exactly_the_missing_one(order, missing):
    keys = [k for k in order if k != missing]
    findings = run_rule(MissingSection, make_report(sections=keys))
    assert [f.properties["section"] for f in findings] == ([] if missing is None else [missing])
