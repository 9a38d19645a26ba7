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


def _corpus_report(name):
    from govlint.testing import parse_file

    return parse_file(str(CORPUS / name))


def test_prose_corroborates_the_glued_table2_row_of_2022_pingtan(findings):
    # "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件" against the run
    # 8855698 (15 readings): only 88|55|698 agrees with both numbers
    from govlint_rules._corroborate import corroborated

    table = corroborated(_corpus_report("2022_pingtan.txt"))
    cells = [table.get("normative", col) for col in ("issued", "repealed", "in_force")]
    assert [c.value for c in cells] == [88, 55, 698] and {c.inferred for c in cells} == {"prose"}
    listed = [f for f in findings["2022_pingtan.txt"] if f.code == "GL105" and f.properties["table"] == "table2"]
    assert len(listed) == 1 and "按唯一与正文所述数字相符的拆分推断" in listed[0].message
    assert serious(findings["2022_pingtan.txt"], "GL206") == []


def test_prose_that_fits_no_reading_or_several_adopts_none():
    from govlint_rules._corroborate import corroborated

    # 2023: "现行有效行政规范性文件393件" fits no reading of 77132470; 2024: "制发…62件" fits four of 6233440
    for name in ("2023_pingtan.txt", "2024_pingtan.txt"):
        report = _corpus_report(name)
        assert corroborated(report) is report.table("table2"), name


def test_glued_table4_is_compared_with_the_prose_over_its_readings(findings):
    # 2025: "行政复议36件" and "行政诉讼9件" against the run 25380363300630003 (48 readings): some
    # reading gives each number, so nothing is reported, yet the comparison ran (it is not all values)
    from govlint_rules.claims._claims import table_values

    report = _corpus_report("2025_pingtan.txt")
    review = table_values(report, "review")[0].sums
    assert 36 in review.values and review.glued and len(review.values) < 48
    assert serious(findings["2025_pingtan.txt"], "GL501") == []


def test_table_findings_of_2020_and_2024_pingtan_hold_under_every_reading(findings):
    # 2020: the result rows add up to 26 (自然人) and 27 (总计) while （七）总计 "20 0 00 0 121" reads
    # 2, 20 (自然人) and 1, 21 or 121 (总计) however it is cut: GL202 is no artefact of a reading
    found = serious(findings["2020_pingtan.txt"], "GL202")
    assert {f.properties["column"] for f in found} == {"natural", "total"}
    assert {f.properties["expected"] for f in found} == {26, 27}
    # 2024 社会事业局: 17 digits for the 15 cells of 表四; 复议后起诉 balances under no cut of them
    shs = serious(findings["2024_pingtan_shs.txt"], "GL204")
    assert [f.properties["group"] for f in shs] == ["litigation_after_review"] and shs[0].properties["readings"]
    # and its 规范性文件 row "500" (5 issued, 0 repealed, 0 in force) is read alone, 规章 being absent
    assert [f.properties["found"] for f in serious(findings["2024_pingtan_shs.txt"], "GL206")] == [5]
