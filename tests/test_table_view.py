"""The table excerpt of a finding (``Finding.table``): the cells its identity involves, their
values as the table holds them, the wrong cell marked and the identity stated with its numbers."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.findings import Finding, Identity, TableCells
from govlint.reporters.table_view import excerpt
from govlint_rules.tables.gl201_table3_balance import Table3Balance
from govlint_rules.tables.gl202_table3_results_total import Table3ResultsTotal
from govlint_rules.tables.gl203_table3_applicant_total import Table3ApplicantTotal
from govlint_rules.tables.gl204_table4_total import Table4Total
from govlint_rules.tables.gl205_invalid_cell import InvalidCell
from govlint_rules.tables.gl206_table2_implausible import Table2Implausible
from govlint_rules.tables.gl207_table3_misassigned_applicant import Table3MisassignedApplicant
from rule_builders import TABLE3_APPLICANT_COLUMNS, make_report, run_rule

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _excerpts(rule, report):
    return [(f, excerpt(report, f.cells)) for f in run_rule(rule, report)]


def test_a_column_that_does_not_balance_shows_its_four_rows_and_states_the_identity():
    report = make_report(t3_values={"natural": {"new": 8, "granted": 8}}, table3={("total", "natural"): 0})
    [(finding, view)] = [(f, v) for f, v in _excerpts(Table3Balance, report) if f.properties["column"] == "natural"]
    assert view.name == "表三" and [c.label for c in view.columns] == ["自然人"]
    assert [r.key for r in view.rows] == ["new", "carried_over", "total", "carried_forward"]
    assert [r.cells[0].shown for r in view.rows] == ["8", "0", "0", "0"]
    assert [r.cells[0].marked for r in view.rows] == [False, False, True, False]
    # the example of the issue and of docs/output.md
    assert view.identity == "本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0"
    assert view.rows[2].cells[0].line == finding.span.line  # the marked cell is where the finding points


def test_a_long_side_lists_its_non_zero_terms_and_counts_the_rest():
    report = make_report(t3_values={"natural": {"new": 8, "granted": 4, "unable.1": 2, "unable.3": 2}},
                         table3={("total", "natural"): 0})
    view = next(v for f, v in _excerpts(Table3ResultsTotal, report) if f.properties["column"] == "natural")
    assert view.identity == "（一）予以公开 4 + （四）第1项 2 + （四）第3项 2 + 其余 18 项 0 = 8 ≠ （七）总计 0"
    assert len(view.rows) == 22 and view.rows[-1].key == "total"  # every term's row, in printed order
    assert [r.key for r in view.rows if r.cells[0].marked] == ["total"]


def test_a_row_identity_names_its_terms_by_column_and_marks_a_blank_total():
    report = make_report(table3={("new", "total"): None})
    [(finding, view)] = [(f, v) for f, v in _excerpts(Table3ApplicantTotal, report) if f.properties["row"] == "new"]
    assert [c.key for c in view.columns] == [*TABLE3_APPLICANT_COLUMNS, "total"]
    total = view.cell("new", "total")
    assert total.marked and total.blank and total.values == ()
    assert view.identity.startswith("自然人 18 + 商业企业 2 + 其余 4 项 0 = 20 ≠ 总计 0（空白）")


def test_table4_and_table2_findings_carry_their_excerpt():
    report = make_report(table4={("review", "total"): 0})
    [(_, view)] = _excerpts(Table4Total, report)
    assert view.name == "表四" and [r.key for r in view.rows] == ["review"]
    assert view.identity == "结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2 ≠ 总计 0"
    report = make_report(table2={("normative", "issued"): 40, ("normative", "in_force"): 3,
                                 ("normative", "repealed"): 0})
    [(_, view)] = _excerpts(Table2Implausible, report)
    assert view.identity == "本年制发件数 40 > 现行有效件数 3 + 本年废止件数 0 = 3"
    assert [c.label for c in view.columns] == ["本年制发件数", "本年废止件数", "现行有效件数"]


def test_a_cell_finding_shows_the_cell_as_printed_without_an_identity():
    report = make_report(table3={("granted", "natural"): -3})
    [(finding, view)] = [(f, v) for f, v in _excerpts(InvalidCell, report) if f.properties.get("problem") == "negative"]
    assert [(r.key, [c.shown for c in r.cells]) for r in view.rows] == [("granted", ["-3"])]
    assert view.rows[0].cells[0].marked and view.identity == ""


def test_a_misassigned_pair_states_both_columns():
    report = make_report(t3_values={"natural": {"new": 10, "granted": 9, "carried_forward": 0},
                                    "commercial": {"new": 0, "granted": 1, "carried_forward": 0}},
                         table3={("carried_forward", "natural"): 0, ("carried_forward", "commercial"): 0})
    [(finding, view)] = _excerpts(Table3MisassignedApplicant, report)
    assert [c.key for c in view.columns] == ["natural", "commercial"]
    # in the message's order: the column counted +k first
    assert view.identity == ("商业企业：本年新收 0 + 上年结转 0 = 0 ≠ （七）总计 1 + 结转下年度 0 = 1；"
                             "自然人：本年新收 10 + 上年结转 0 = 10 ≠ （七）总计 9 + 结转下年度 0 = 9")
    assert {(r.key, c.column) for r in view.rows for c in r.cells if c.marked} == {("total", "natural"),
                                                                                  ("total", "commercial")}


def test_glued_cells_show_their_possible_values_and_the_record_is_plain_data():
    # the real run whose table 四 is one glued run of digits
    findings = _check(CORPUS / "2024_pingtan_shs.txt")
    [gl204] = [f for f in findings if f.code == "GL204"]
    assert "1|2|3|13|32|132" in gl204.table.identity
    cell = gl204.table.cell(gl204.table.rows[0].key, "upheld")
    assert cell.shown == "1|2|3|13|32|132" and cell.values == (1, 2, 3, 13, 32, 132)
    record = gl204.to_dict()["table"]
    assert json.loads(json.dumps(record)) == record
    assert pickle.loads(pickle.dumps(gl204)).table == gl204.table  # crosses the worker pipe


def _check(path: Path):
    """The findings the worker stage gives for one file (excerpts built from its report)."""
    from govlint.engine import Checker, Settings
    from govlint.plugin_host import load_plugins
    from govlint.selection import Selection

    return Checker(load_plugins(), Settings(selection=Selection())).check_file(str(path)).findings


def test_an_excerpt_that_cannot_be_built_costs_the_excerpt_not_the_finding(monkeypatch):
    import govlint.reporters.table_view as table_view

    def broken(report, cells):
        raise ValueError("boom")

    monkeypatch.setattr(table_view, "excerpt", broken)
    findings = _check(CORPUS / "2024_pingtan_shs.txt")
    assert any(f.code == "GL204" and f.table is None for f in findings)
    assert any(f.code == "GL000" and "表格摘录" in f.message for f in findings)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TABLE3_APPLICANT_COLUMNS), st.integers(0, 40), st.integers(0, 40), st.integers(1, 9))
def test_the_excerpt_states_the_numbers_of_the_table(col, new, old, off):
    """Whatever the numbers, the excerpt's cells are the table's cells and its sums add up."""
    report = make_report(t3_values={col: {"new": new, "carried_over": old, "granted": new + old,
                                          "carried_forward": 0}},
                         table3={("total", col): new + old + off, ("carried_forward", col): 0})
    [(finding, view)] = [(f, v) for f, v in _excerpts(Table3Balance, report) if f.properties["column"] == col]
    table = report.table("table3")
    for row in view.rows:
        assert row.cells[0].values == (table.get(row.key, col).value,)
    assert view.identity == (f"本年新收 {new} + 上年结转 {old} = {new + old} ≠ "
                             f"（七）总计 {new + old + off} + 结转下年度 0 = {new + old + off}")


def test_a_declaration_naming_no_table_the_report_has_gives_no_excerpt():
    report = make_report()
    del report.tables["table4"]
    assert excerpt(report, TableCells("table4", (Identity((("review", "upheld"),), (("review", "total"),)),))) is None
    assert excerpt(report, TableCells("table3")) is None
    finding = Finding("x", cells=TableCells("table3", marked=(("new", "natural"),)))
    finding.table = excerpt(report, finding.cells)
    assert finding.to_dict()["table"]["rows"][0]["cells"][0]["marked"] is True
    assert "table" not in Finding("x").to_dict()


def test_the_command_line_builds_excerpts_only_for_a_reporter_that_draws_them(workdir, monkeypatch):
    """Concise, GitHub and SARIF output show no table: with no cache keeping the results, no
    finding gets its excerpt, and what they print is what they print with every excerpt built."""
    import shutil

    from click.testing import CliRunner

    from govlint.cli import cli
    from govlint.reporters import table_view

    shutil.copy(CORPUS / "2022_pingtan_htp.html", workdir / "a.html")
    built = []
    plain = table_view.excerpt
    monkeypatch.setattr(table_view, "excerpt", lambda report, cells: built.append(cells) or plain(report, cells))

    def run(*args):
        built.clear()
        result = CliRunner().invoke(cli, ["check", "--ignore", "GL8", *args, "a.html"], catch_exceptions=False)
        return result.output, len(built)

    for fmt in ("concise", "github", "sarif"):
        # a cache keeps whole results: with it, every excerpt is built (in a worker process)
        (bare, none), (full, _) = run("--no-cache", "--format", fmt), run("--format", fmt)
        assert none == 0 and bare == full
    output, some = run("--no-cache", "--format", "json")
    assert some == 4 and [bool(f.get("table")) for f in json.loads(output)["findings"]].count(True) == 4
