"""The rule pack on real reports (tests/fixtures/corpus): the defects they really have, and
none of the false alarms found while reviewing the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.findings import Severity
from govlint.testing import lint_file

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def serious(findings, code):
    return [f for f in findings if f.code == code and f.severity >= Severity.WARNING]


@pytest.fixture(scope="module")
def findings():
    return {path.name: lint_file(path, select=["GL"]) for path in sorted(CORPUS.iterdir())
            if path.suffix in (".html", ".txt", ".md")}


def test_no_internal_error_on_any_real_report(findings):
    assert findings
    crashes = [(name, f.message) for name, found in findings.items() for f in found if f.code == "GL000"]
    assert crashes == []


def test_2022_report_in_the_2019_format_with_a_zero_total(findings):
    found = findings["2022_pingtan_htp.html"]
    outdated = [f for f in found if f.code == "GL301"]
    assert len(outdated) == 1 and outdated[0].severity == Severity.ERROR
    assert "本年新制作数量" in outdated[0].properties["labels"]
    assert {f.properties["column"] for f in serious(found, "GL201")} == {"natural", "total"}
    assert {f.properties["column"] for f in serious(found, "GL202")} == {"natural", "total"}


def test_report_without_section_six_says_nothing_about_fees(findings):
    found = findings["2021_pingtan_czj.txt"]
    assert [f.properties["section"] for f in serious(found, "GL101")] == ["other"]
    assert len(serious(found, "GL401")) == 1


def test_total_column_left_at_zero(findings):
    found = findings["2024_pingtan_htp.txt"]
    rows = {f.properties["row"] for f in serious(found, "GL203")}
    assert {"new", "total"} <= rows
    # the prose's 6 applications match the applicant columns: the table is wrong, not the text
    assert serious(found, "GL501") == []


def test_total_row_left_at_zero_in_2020(findings):
    found = findings["2020_pingtan_jsp.txt"]
    assert {f.properties["column"] for f in serious(found, "GL202")} == {"natural", "other", "total"}


def test_false_alarms_found_in_review_stay_away(findings):
    # "2023年度…政府信息公开未发生收费情况" is a fee statement
    assert serious(findings["2023_shuyang_fgj.html"], "GL401") == []
    # "答复805件（…另有72件…顺延到下年度答复），均在法定期限内予以答复" is no completion claim
    shanghai = findings["2019_shanghai_bgt.html"]
    assert serious(shanghai, "GL502") == []
    # a government's own report, a department's and a township's, each published on time
    for name in findings:
        assert serious(findings[name], "GL603") == [], name


def test_combined_and_reason_counts_that_do_not_add_up(findings):
    # 上海 2019: "予以公开及部分公开258件 … 不予公开35件 … 因本机关不掌握等原因无法提供265件 … 不予处理
    # 158件" adds up to 716 of the 805 results of 表三; 不予公开 and 不予处理 match their groups, while
    # 258 is only the 自然人 cell of （一） (（一）+（二）=275) and 265 only 1.本机关不掌握 (（四）=337)
    found = {f.properties["quantity"]: (f.properties["found"], f.properties["expected"])
             for f in serious(findings["2019_shanghai_bgt.html"], "GL501")}
    assert found == {"granted_partial": (258, 275), "unable": (265, 337)}
