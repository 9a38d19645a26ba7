"""Tests of the built-in rules that are not example cases.

The example tests of each rule are its case file, tests/rules/cases/GLxxx.yaml. What stays
here: the catalogue and its documentation, the whole pack on hand-built consistent reports
(tests/rule_builders.py), and the states the loaders and parser cannot produce but a plugin's
Report can (a cell of text, an option value that skipped validation), plus GL603's helper.
"""

from __future__ import annotations

from datetime import date

import pytest

from govlint.findings import Severity
from govlint.rule import validate_rule
from govlint_rules import all_rules
from govlint_rules.dates.gl603_late_publication import LatePublication, infer_kind
from govlint_rules.tables.gl202_table3_results_total import Table3ResultsTotal
from govlint_rules.tables.gl203_table3_applicant_total import Table3ApplicantTotal
from govlint_rules.tables.gl205_invalid_cell import InvalidCell
from rule_builders import make_report, run_all, run_rule

CATALOGUE = ["GL101", "GL102", "GL103", "GL104", "GL201", "GL202", "GL203", "GL204", "GL205", "GL206",
             "GL301", "GL302", "GL401", "GL402", "GL403", "GL501", "GL502", "GL601", "GL602", "GL603",
             "GL701", "GL702"]
HEADINGS = ("What it checks:", "Why it matters:", "Failing example:", "Passing example:")


# --- the catalogue ---------------------------------------------------------------------------
def test_every_catalogue_code_is_implemented_with_documentation():
    rules = {r.code: r for r in all_rules()}
    for code in CATALOGUE:
        rule = rules[code]
        validate_rule(rule)
        for heading in HEADINGS:
            assert heading in rule.docs, (code, heading)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.summary), code
    assert rules["GL603"].options and "Options:" in rules["GL603"].docs


def test_a_consistent_report_has_no_warning_or_error():
    for year in (2019, 2020, 2021, 2023):
        bad = [f for f in run_all(make_report(year)) if f.severity >= Severity.WARNING]
        assert bad == [], (year, [(f.code, f.message) for f in bad])


# --- states only a plugin's Report can be in --------------------------------------------------
def test_text_cell_silences_the_identities_it_is_in():
    # the parser reads numbers and blank marks only; a plugin loader may keep a cell's text
    report = make_report(table3={("granted", "natural"): None})
    report.tables["table3"].cells[("granted", "natural")].raw = "见附件"
    assert run_rule(Table3ResultsTotal, report) == []
    assert run_rule(Table3ApplicantTotal, report) == []
    invalid = run_rule(InvalidCell, report)
    assert [f.properties["problem"] for f in invalid] == ["text"]
    assert "见附件" in invalid[0].message


def test_late_publication_option_that_skipped_validation():
    # .govlint.yaml is validated before any check; a Report checked through the API may not be
    gov = make_report(2023, title="壶关县人民政府2023年政府信息公开工作年度报告", published=date(2024, 2, 20))
    gov.metadata.agency = None
    bad = run_rule(LatePublication, gov, **{"deadline-township": "13-45"})
    assert len(bad) == 1 and "13-45" in bad[0].message


@pytest.mark.parametrize("name,kind", [
    ("壶关县人民政府", "government"), ("叶县任店镇人民政府", "township"), ("盘山县石新镇", "township"),
    ("上海市人民政府办公厅", "department"), ("沭阳县发展和改革局", "department"),
    ("平潭综合实验区", "government"), ("镇江市人民政府", "government"), ("某某街道办事处", "township"),
    ("某某", None),
])
def test_agency_kind(name, kind):
    assert infer_kind(name) == kind
