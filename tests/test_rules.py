"""Unit tests of the built-in rules on hand-built reports (tests/rule_builders.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from govlint.findings import Severity
from govlint.report import Period
from govlint.rule import validate_rule
from govlint_rules import all_rules
from govlint_rules.structure.gl101_missing_section import MissingSection
from govlint_rules.structure.gl102_section_order import SectionOrder
from govlint_rules.structure.gl103_missing_table import MissingTable
from govlint_rules.structure.gl104_incomplete_table import IncompleteTable
from govlint_rules.tables.gl201_table3_balance import Table3Balance
from govlint_rules.tables.gl202_table3_results_total import Table3ResultsTotal
from govlint_rules.tables.gl203_table3_applicant_total import Table3ApplicantTotal
from govlint_rules.tables.gl204_table4_total import Table4Total
from govlint_rules.tables.gl205_invalid_cell import InvalidCell
from govlint_rules.tables.gl206_table2_implausible import Table2Implausible
from govlint_rules.template.gl301_outdated_template import OutdatedTemplate
from govlint_rules.template.gl302_hybrid_template_label import HybridTemplateLabel
from govlint_rules.fees.gl401_missing_fee_statement import MissingFeeStatement
from govlint_rules.fees.gl402_contradictory_fee_statements import ContradictoryFeeStatements
from govlint_rules.fees.gl403_fee_vs_table import FeeVsTable
from govlint_rules.claims.gl501_text_table_mismatch import TextTableMismatch
from govlint_rules.claims.gl502_completion_claim import CompletionClaim
from govlint_rules.dates.gl601_year_mismatch import YearMismatch
from govlint_rules.dates.gl602_missing_statistical_period import MissingStatisticalPeriod
from govlint_rules.dates.gl603_late_publication import LatePublication, infer_kind
from govlint_rules.wording.gl701_document_number_format import DocumentNumberFormat
from govlint_rules.wording.gl702_misquoted_title import MisquotedTitle
from rule_builders import TABLE2_2021_LABELS, drop, make_report, make_table, run_all, run_rule

CATALOGUE = ["GL101", "GL102", "GL103", "GL104", "GL201", "GL202", "GL203", "GL204", "GL205", "GL206",
             "GL301", "GL302", "GL401", "GL402", "GL403", "GL501", "GL502", "GL601", "GL602", "GL603",
             "GL701", "GL702"]
HEADINGS = ("What it checks:", "Why it matters:", "Failing example:", "Passing example:")


def codes(findings):
    return sorted(f.code for f in findings)


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


# --- sections --------------------------------------------------------------------------------
def test_missing_section_names_it():
    findings = run_rule(MissingSection, make_report(sections=drop("problems")))
    assert len(findings) == 1
    assert "五、存在的主要问题及改进情况" in findings[0].message
    assert findings[0].properties["section"] == "problems"


def test_no_section_finding_when_nothing_was_recognised():
    report = make_report(sections=[], tables={})
    assert run_rule(MissingSection, report) == []


def test_section_order_misnumbered_duplicate_and_swapped():
    keys = ["overview", "proactive", "requests", "appeals", "problems", (7, "other")]
    findings = run_rule(SectionOrder, make_report(sections=keys))
    assert [f.properties["problem"] for f in findings] == ["number"]
    assert "七" in findings[0].message and findings[0].properties == {
        "section": "other", "problem": "number", "expected": 6, "found": 7}

    keys = ["overview", "proactive", "requests", "appeals", "problems", "other", (6, "other")]
    assert [f.properties["problem"] for f in run_rule(SectionOrder, make_report(sections=keys))] == ["duplicate"]

    keys = ["overview", (2, "requests"), (3, "proactive"), "appeals", "problems", "other"]
    problems = sorted(f.properties["problem"] for f in run_rule(SectionOrder, make_report(sections=keys)))
    assert problems == ["number", "number", "order"]
    assert run_rule(SectionOrder, make_report()) == []


def test_missing_table_only_for_present_sections():
    report = make_report()
    del report.tables["table3"]
    findings = run_rule(MissingTable, report)
    assert [f.properties["table"] for f in findings] == ["table3"]
    report = make_report(sections=drop("requests"))
    del report.tables["table3"]
    assert run_rule(MissingTable, report) == []


def test_incomplete_table_reports_the_parser_problems():
    report = make_report()
    report.tables["table3"].complete = False
    report.tables["table3"].problems = ["缺少行“二、上年结转政府信息公开申请数量”"]
    findings = run_rule(IncompleteTable, report)
    assert len(findings) == 1 and "上年结转" in findings[0].message and "表三" in findings[0].message


# --- arithmetic ------------------------------------------------------------------------------
def test_balance_message_names_column_and_numbers():
    report = make_report(table3={("total", "natural"): 0, ("carried_forward", "natural"): 0})
    report.tables["table3"].cells[("total", "natural")].raw = "0"
    findings = run_rule(Table3Balance, report)
    assert len(findings) == 1
    f = findings[0]
    assert f.message == "表三“自然人”列：第一项+第二项=20，第三项（七）总计+第四项=0，相差 20"
    assert f.location == "表三 / 自然人"
    assert f.properties["expected"] == 20 and f.properties["found"] == 0
    assert f.span == report.tables["table3"].get("total", "natural").span


def test_arithmetic_rules_skip_incomplete_tables():
    report = make_report(table3={("new", "natural"): 99}, table4={("review", "total"): 9})
    report.tables["table3"].complete = False
    report.tables["table4"].complete = False
    for rule in (Table3Balance, Table3ResultsTotal, Table3ApplicantTotal, Table4Total):
        assert run_rule(rule, report) == []


def test_blank_cells_count_as_zero():
    report = make_report(t3_values={}, t4_values={})
    for table in (report.tables["table3"], report.tables["table4"]):
        for cell in table:
            cell.value, cell.raw = None, ""
    report.tables["table3"].cells[("new", "natural")].value = 2
    report.tables["table3"].cells[("new", "natural")].raw = "2"
    assert codes(run_rule(Table3Balance, report)) == ["GL201"]
    assert run_rule(Table3Balance, report)[0].properties == {
        "column": "natural", "expected": 2, "found": 0, "difference": -2}
    assert codes(run_rule(Table3ApplicantTotal, report)) == ["GL203"]
    assert run_rule(Table4Total, report) == []


def test_2019_layout_uses_single_other_row():
    values = {"natural": {"new": 18, "carried_over": 2, "granted": 6, "other": 1, "carried_forward": 3}}
    report = make_report(2019, t3_values=values)
    assert report.tables["table3"].get("other", "total").value == 1
    assert run_rule(Table3ResultsTotal, report) == []
    assert run_rule(Table3Balance, report) == []
    report.tables["table3"].cells[("other", "natural")].value = 2
    assert [f.properties["column"] for f in run_rule(Table3Balance, report)] == []
    assert [f.properties["column"] for f in run_rule(Table3ResultsTotal, report)] == ["natural"]
    assert [f.properties["row"] for f in run_rule(Table3ApplicantTotal, report)] == ["other"]


def test_table4_group_message():
    report = make_report(table4={("review", "total"): 0})
    findings = run_rule(Table4Total, report)
    assert len(findings) == 1
    assert findings[0].message == "表四“行政复议”：结果维持+结果纠正+其他结果+尚未审结=2，总计=0，相差 2"
    assert findings[0].location == "表四 / 行政复议"


def test_text_cell_silences_the_identities_it_is_in():
    report = make_report(table3={("granted", "natural"): None})
    report.tables["table3"].cells[("granted", "natural")].raw = "见附件"
    assert run_rule(Table3ResultsTotal, report) == []
    assert run_rule(Table3ApplicantTotal, report) == []
    invalid = run_rule(InvalidCell, report)
    assert [f.properties["problem"] for f in invalid] == ["text"]
    assert "见附件" in invalid[0].message


# --- invalid cells ---------------------------------------------------------------------------
def test_invalid_cells_negative_fraction_and_blank_summary():
    report = make_report(table3={("new", "research"): -1, ("granted", "legal"): Decimal("2.5")})
    problems = sorted(f.properties["problem"] for f in run_rule(InvalidCell, report))
    assert problems == ["fraction", "negative"]

    report = make_report(table2={("fees", "amount"): Decimal("3080.699")})
    assert run_rule(InvalidCell, report) == []

    report = make_report()
    blanks = [("new", "research"), ("granted", "research"), ("total", "research")]
    for key in blanks:
        cell = report.tables["table3"].cells[key]
        cell.value, cell.raw = None, "  "
    findings = run_rule(InvalidCell, report)
    assert len(findings) == 1 and findings[0].severity == Severity.INFO
    assert findings[0].properties["blank"] == 3 and "3 个空白单元格" in findings[0].message


def test_table2_implausible():
    report = make_report(table2={("normative", "issued"): 5, ("normative", "repealed"): 0,
                                 ("normative", "in_force"): 3})
    findings = run_rule(Table2Implausible, report)
    assert len(findings) == 1 and "行政规范性文件" in findings[0].message and "5" in findings[0].message
    assert run_rule(Table2Implausible, make_report()) == []


# --- templates -------------------------------------------------------------------------------
@pytest.mark.parametrize("year,severity", [(2023, Severity.ERROR), (2020, Severity.INFO), (None, Severity.WARNING)])
def test_outdated_template_is_year_aware(year, severity):
    report = make_report(2020 if year is None else year, template="2019")
    if year is None:
        report.metadata.year = None
        report.metadata.title = "某某县人民政府政府信息公开工作年度报告"
        report.metadata.period = None
    findings = run_rule(OutdatedTemplate, report)
    assert len(findings) == 1
    assert findings[0].severity == severity
    labels = findings[0].properties["labels"]
    for label in ("本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
                  "政府集中采购", "采购总金额", "第二十条第（九）项"):
        assert label in labels
    assert any("（六）其他处理" in label for label in labels)
    if severity == Severity.INFO:
        assert "2021年度报告起已被" in findings[0].message


def test_outdated_template_whole_cell_markers_only():
    report = make_report(2023)
    table2 = report.tables["table2"]
    table2.labels = make_table("table2", {}, "2021", TABLE2_2021_LABELS + ("本年新",)).labels
    findings = run_rule(OutdatedTemplate, report)
    assert findings and findings[0].properties["labels"] == ["本年新"]
    table2.labels = make_table("table2", {}, "2021", TABLE2_2021_LABELS).labels
    assert run_rule(OutdatedTemplate, report) == []  # 本年处理决定数量 is not 处理决定数量


def test_hybrid_label_in_2021_table2():
    report = make_report(2022)
    labels = tuple("规范性文件" if t == "行政规范性文件" else t for t in TABLE2_2021_LABELS)
    report.tables["table2"].labels = make_table("table2", {}, "2021", labels).labels
    findings = run_rule(HybridTemplateLabel, report)
    assert len(findings) == 1 and findings[0].properties == {"expected": "行政规范性文件", "found": "规范性文件"}
    assert run_rule(HybridTemplateLabel, make_report(2022)) == []
    assert run_rule(HybridTemplateLabel, make_report(2019)) == []  # a whole 2019 table is GL301's


# --- fees ------------------------------------------------------------------------------------
SEED0_FEE = "2023年壶关县未发生对政府信息公开申请收费的情况。"


def fee_report(other_text, year=2023, **kw):
    return make_report(year, texts={"other": other_text}, **kw)


def test_fee_statement_found_by_meaning_not_bare_word():
    assert run_rule(MissingFeeStatement, fee_report(SEED0_FEE)) == []
    assert run_rule(MissingFeeStatement, fee_report("本年度没有产生政府信息公开处理费。")) == []
    findings = run_rule(MissingFeeStatement, fee_report("本年度行政事业性收费3080.699万元。无其他事项。"))
    assert codes(findings) == ["GL401"]
    # a citation alone says nothing about whether a fee was charged
    cited = "严格执行《政府信息公开信息处理费管理办法》。"
    assert codes(run_rule(MissingFeeStatement, fee_report(cited))) == ["GL401"]
    assert run_rule(MissingFeeStatement, fee_report("无。", year=2020)) == []


def test_seed0_fee_wording_with_table2_fees_is_consistent():
    report = fee_report(SEED0_FEE, table2={("fees", "amount"): Decimal("3080.699")})
    fee_codes = {"GL401", "GL402", "GL403"}
    assert [f for f in run_all(report) if f.code in fee_codes] == []


def test_contradictory_fee_statements():
    report = make_report(texts={"other": "本年度未收取信息处理费。",
                                "requests": "本年度共收取信息处理费300元。"})
    findings = run_rule(ContradictoryFeeStatements, report)
    assert len(findings) == 1 and findings[0].properties["found"] == 300
    # a notice sent but not paid is consistent
    ok = fee_report("本年度发出收费通知1件，金额200元，申请人逾期未缴纳，未收取信息处理费。")
    assert run_rule(ContradictoryFeeStatements, ok) == []
    notices = make_report(texts={"other": "本年度未发出收费通知。", "requests": "发出收费通知2件。"})
    assert [f.location for f in run_rule(ContradictoryFeeStatements, notices)] == ["信息处理费 / 收费通知"]
    amounts = make_report(texts={"other": "共收取信息处理费300元。", "requests": "收取信息处理费200元。"})
    assert [f.location for f in run_rule(ContradictoryFeeStatements, amounts)] == ["信息处理费 / 金额"]


def test_fee_vs_table():
    denial = fee_report("本年度未发出收费通知。", table3={("other.2", "natural"): 1, ("other.2", "total"): 1,
                                                 ("total", "natural"): 16, ("total", "total"): 18,
                                                 ("carried_forward", "natural"): 4,
                                                 ("carried_forward", "total"): 4})
    findings = run_rule(FeeVsTable, denial)
    assert len(findings) == 1 and "（六）" in findings[0].message and findings[0].properties["found"] == 1
    unpaid = fee_report("本年度未收取信息处理费。", table3={("other.2", "total"): 1})
    assert run_rule(FeeVsTable, unpaid) == []
    charged = fee_report("本年度收取信息处理费100元。", t3_values={})
    assert [f.location for f in run_rule(FeeVsTable, charged)] == ["信息处理费 / 申请数量"]


# --- prose numbers ---------------------------------------------------------------------------
def test_text_table_mismatch_reads_tied_numbers_only():
    # default table: 一 总计 20, 二 总计 2
    report = make_report(texts={"overview": "2023年共受理政府信息公开申请25件，主动公开政府信息12800余条。"})
    findings = run_rule(TextTableMismatch, report)
    assert len(findings) == 1
    f = findings[0]
    assert f.properties["expected"] == 20 and f.properties["found"] == 25
    assert "25" in f.message and "20" in f.message and "相差 5" in f.message
    for fine in ("2023年共受理政府信息公开申请20件。", "全县受理依申请公开22件，均在法定期限内答复。",
                 "其中网上收到申请7件。", "较2022年受理申请15件有所增加。", "共收到申请20余件。"):
        assert run_rule(TextTableMismatch, make_report(texts={"overview": fine})) == [], fine


def test_text_table_mismatch_other_quantities():
    text = "予以公开6件，部分公开3件，无法提供4件，结转下年度继续办理5件；被申请行政复议2件，行政诉讼1件。"
    findings = run_rule(TextTableMismatch, make_report(texts={"requests": text}))
    assert sorted(f.properties["quantity"] for f in findings) == ["granted", "unable"]
    assert {f.properties["quantity"]: f.properties["expected"] for f in findings} == {"granted": 7, "unable": 5}


def test_completion_claim():
    claim = "所有申请均已按期答复。"
    findings = run_rule(CompletionClaim, make_report(texts={"requests": claim}))
    assert len(findings) == 1 and findings[0].properties["found"] == 5
    handled = "所有申请件均已按照规定办理。"
    assert run_rule(CompletionClaim, make_report(texts={"requests": handled})) == []
    zero = make_report(texts={"requests": claim}, table3={("carried_forward", "natural"): 0,
                                                          ("carried_forward", "total"): 0,
                                                          ("total", "natural"): 20, ("total", "total"): 22,
                                                          ("unable.1", "natural"): 10,
                                                          ("unable.1", "total"): 10})
    assert run_rule(CompletionClaim, zero) == []


# --- dates -----------------------------------------------------------------------------------
def test_year_mismatch_title_and_period():
    report = make_report(2023)
    report.metadata.period = Period(date(2022, 1, 1), date(2022, 12, 31))
    findings = run_rule(YearMismatch, report)
    assert [f.location for f in findings] == ["报告年度 / 标题与统计期限"]
    assert findings[0].properties == {"expected": 2023, "found": 2022}


def test_year_mismatch_body_but_not_section_five_or_plans():
    stale = make_report(2023, texts={"overview": "2022年，本机关认真贯彻落实条例。"})
    assert [f.properties["found"] for f in run_rule(YearMismatch, stale)] == [2022]
    fine = make_report(2023, texts={"overview": "2019年以来持续推进；《2022年政务公开工作要点》已落实。2023年，本机关…"})
    assert run_rule(YearMismatch, fine) == []
    # the default report's section 五 names 2022 and 2024 on purpose
    assert run_rule(YearMismatch, make_report(2023)) == []


def test_year_mismatch_publication_before_year_end():
    findings = run_rule(YearMismatch, make_report(2023, published=date(2023, 6, 1)))
    assert [f.location for f in findings] == ["报告年度 / 发布日期"]


def test_missing_statistical_period():
    assert run_rule(MissingStatisticalPeriod, make_report(period=False)) != []
    stated = make_report(period=False, preamble="报告所列数据的统计期限自2024年1月1日起至12月31日止。")
    assert run_rule(MissingStatisticalPeriod, stated) == []
    assert run_rule(MissingStatisticalPeriod, make_report()) == []


@pytest.mark.parametrize("name,kind", [
    ("壶关县人民政府", "government"), ("叶县任店镇人民政府", "township"), ("盘山县石新镇", "township"),
    ("上海市人民政府办公厅", "department"), ("沭阳县发展和改革局", "department"),
    ("平潭综合实验区", "government"), ("镇江市人民政府", "government"), ("某某街道办事处", "township"),
    ("某某", None),
])
def test_agency_kind(name, kind):
    assert infer_kind(name) == kind


def test_late_publication_by_kind_and_options():
    gov = make_report(2023, title="壶关县人民政府2023年政府信息公开工作年度报告", published=date(2024, 2, 20))
    gov.metadata.agency = None
    assert run_rule(LatePublication, gov) == []
    dept = make_report(2023, title="某某县发展和改革局2023年政府信息公开工作年度报告", published=date(2024, 2, 20))
    dept.metadata.agency = None
    findings = run_rule(LatePublication, dept)
    assert len(findings) == 1 and findings[0].properties["expected"] == "2024-01-31"
    assert findings[0].properties["days_late"] == 20
    assert run_rule(LatePublication, dept, **{"deadline-department": "02-28"}) == []
    assert len(run_rule(LatePublication, gov, **{"agency-kind": "department"})) == 1
    bad = run_rule(LatePublication, gov, **{"deadline-township": "13-45"})
    assert len(bad) == 1 and "13-45" in bad[0].message


# --- citations -------------------------------------------------------------------------------
def test_document_number_format():
    text = "按照《通知》（国办函【2020】109 号）和（国办公开办函〔2021〕30号）要求；（2020）京01行初1号判决。"
    findings = run_rule(DocumentNumberFormat, make_report(texts={"other": text}))
    assert len(findings) == 1
    assert findings[0].properties == {"expected": "国办函〔2020〕109号", "found": "国办函【2020】109 号"}
    assert findings[0].severity is None  # the rule's default (info) applies


def test_misquoted_title_reports_inner_title_once():
    text = ("按照《国务院办公厅关于印发<政府信息公开处理费管理办法>的通知》规定，依据《政府信息公开条例》"
            "和《中华人民共和国政府信息公开条例》。")
    findings = run_rule(MisquotedTitle, make_report(texts={"other": text}))
    assert len(findings) == 1
    assert findings[0].properties == {"expected": "政府信息公开信息处理费管理办法", "found": "政府信息公开处理费管理办法"}
    typo = run_rule(MisquotedTitle, make_report(texts={"other": "《中华人民共和国政府信息公开条列》"}))
    assert [f.properties["expected"] for f in typo] == ["中华人民共和国政府信息公开条例"]
    right = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》"
    assert run_rule(MisquotedTitle, make_report(texts={"other": right})) == []


# --- cases taken from the real corpus ------------------------------------------------------
def test_change_column_of_2019_table2_may_be_negative():
    report = make_report(2020, table2={("fees", "change"): -15, ("licensing", "decisions"): -1})
    findings = run_rule(InvalidCell, report)
    assert [(f.properties["row"], f.properties["col"]) for f in findings] == [("licensing", "decisions")]


def test_completion_claim_that_names_the_carried_over_ones_is_not_a_claim():
    huaian = ("2024年，全市共受理政府信息公开申请20件，答复15件（含上年度结转申请2件，另有5件顺延到下年度答复），"
              "均在法定期限内予以答复。")
    assert run_rule(CompletionClaim, make_report(texts={"overview": huaian})) == []


def test_combined_and_reason_counts_are_not_read():
    shanghai = "予以公开及部分公开9件；因本机关不掌握等原因无法提供2件。"
    assert run_rule(TextTableMismatch, make_report(texts={"overview": shanghai})) == []


def test_text_may_follow_applicant_columns_when_total_column_disagrees():
    # the 总计 column says 0 while the applicant columns add up to 20 (GL203's finding)
    report = make_report(texts={"overview": "共受理政府信息公开申请20件。"}, table3={("new", "total"): 0})
    assert run_rule(TextTableMismatch, report) == []
    assert [f.properties["row"] for f in run_rule(Table3ApplicantTotal, report)] == ["new"]


def test_blank_total_is_named_in_the_message():
    report = make_report(table4={("review", "total"): None})
    findings = run_rule(Table4Total, report)
    assert len(findings) == 1 and "空白" in findings[0].message and findings[0].properties["blank"] is True


@pytest.mark.parametrize("text", ["2023年度，县发展和改革局政府信息公开未发生收费情况。",
                                  "2024 年，市科委未发生政府信息公开收费事项。",
                                  "2025 年度本机关未收取信息公开处理费。"])
def test_fee_statements_of_real_reports(text):
    assert run_rule(MissingFeeStatement, fee_report(text)) == []
    assert run_rule(ContradictoryFeeStatements, fee_report(text)) == []


def test_added_legal_person_subtotal_must_equal_its_five_columns():
    report = make_report(table3={("new", "legal_person"): 2, ("granted", "legal_person"): 5})
    # default table: 商业企业 new 2, granted 1
    findings = run_rule(Table3ApplicantTotal, report)
    assert [(f.properties["row"], f.properties["expected"], f.properties["found"]) for f in findings] == [
        ("granted", 1, 5)]
    assert "法人或其他组织" in findings[0].message
