"""Exactness on the five seed reports (and the HTML versions of seeds 000 and 003).

Every expected number below was typed in from the report files, not produced by the parser.
Seed 003 is a 2019-template report with real arithmetic errors (一+二 = 8 but （七）总计 = 0):
the parser must give the numbers as printed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parser_expect import (
    FIXTURES,
    ZERO_T3_2019,
    ZERO_T3_2021,
    ZERO_T4,
    grid,
    parse_file,
    table2,
    table4,
    table_values,
    with_rows,
)

SEED_000_T3 = with_rows(ZERO_T3_2021, """
new              20 0 0 0 0 0 20
granted           5 0 0 0 0 0 5
partial           4 0 0 0 0 0 4
unable.1          9 0 0 0 0 0 9
not_processed.2   1 0 0 0 0 0 1
total            19 0 0 0 0 0 19
carried_forward   1 0 0 0 0 0 1
""")
SEED_000_T2 = table2("""
regulations  issued=0 repealed=0 in_force=0
normative    issued=3 repealed=0 in_force=34
licensing    decisions=5710
penalty      decisions=305
coercion     decisions=26
fees         amount=3080.699
""")

SEED_003_T3 = with_rows(ZERO_T3_2019, """
new        8 0 0 0 0 0 8
granted    4 0 0 0 0 0 4
unable.1   2 0 0 0 0 0 2
unable.3   2 0 0 0 0 0 2
""")
SEED_003_T4 = table4("""
review                   0 1 0 0 0
litigation_direct        0 0 0 0 0
litigation_after_review  0 0 0 0 0
""")
SEED_003_T2 = table2("""
regulations     new_made=0 new_published=0 published_total=0
normative       new_made=1 new_published=1 published_total=11
licensing       last_year_items=0 change=0 decisions=0
other_services  last_year_items=0 change=0 decisions=0
penalty         last_year_items=0 change=0 decisions=0
coercion        last_year_items=0 change=0 decisions=0
fees            last_year_items=0 change=0
procurement     procurement_items=0 procurement_amount=0
""")

ZERO_T2_2021 = table2("""
regulations  issued=0 repealed=0 in_force=0
normative    issued=0 repealed=0 in_force=0
licensing    decisions=0
penalty      decisions=0
coercion     decisions=0
fees         amount=0
""")

SIX = [(1, "overview"), (2, "proactive"), (3, "requests"), (4, "appeals"), (5, "problems"), (6, "other")]

SEEDS = {
    "000_db9075ea3fbb176c.txt": dict(year=2023, template="2021", t3=SEED_000_T3, t4=table4(ZERO_T4), t2=SEED_000_T2, t2_template="2021"),
    "001_94a61b35bf8fd14e.txt": dict(year=2022, template="hybrid", t3=grid(ZERO_T3_2021),
                                     t4=table4(ZERO_T4), t2=ZERO_T2_2021, t2_template="hybrid"),
    "002_463710bd784f756a.txt": dict(year=2023, template="2021", t3=grid(ZERO_T3_2021),
                                     t4=table4(ZERO_T4), t2=ZERO_T2_2021, t2_template="2021"),
    "003_8d709f72cafe127b.txt": dict(year=2020, template="2019", t3=SEED_003_T3, t4=SEED_003_T4,
                                     t2=SEED_003_T2, t2_template="2019"),
    "004_da86c2562bcf1309.txt": dict(year=2024, template="hybrid", t3=grid(ZERO_T3_2021),
                                     t4=table4(ZERO_T4), t2=ZERO_T2_2021, t2_template="hybrid"),
}
HTML_SEEDS = {"000.html": "000_db9075ea3fbb176c.txt", "003.html": "003_8d709f72cafe127b.txt"}


def _check(report, expected):
    assert [(s.number, s.key) for s in report.sections] == SIX
    assert report.metadata.year == expected["year"]
    assert report.template == expected["template"]
    t3 = report.table("table3")
    assert table_values(t3) == expected["t3"]
    assert t3.complete and not t3.problems
    assert t3.template == ("2019" if expected["template"] == "2019" else "2021")
    t4 = report.table("table4")
    assert table_values(t4) == expected["t4"]
    assert t4.complete
    t2 = report.table("table2")
    assert table_values(t2) == expected["t2"]
    assert t2.complete
    assert t2.template == expected["t2_template"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_text(name):
    _check(parse_file(FIXTURES / "seeds" / name), SEEDS[name])


@pytest.mark.parametrize("name", sorted(HTML_SEEDS))
def test_seed_html(name):
    path = FIXTURES / "seeds_html" / name
    if not path.exists():
        pytest.skip("HTML seed not present")
    _check(parse_file(path), SEEDS[HTML_SEEDS[name]])


def test_seed_003_keeps_the_printed_errors():
    t3 = parse_file(FIXTURES / "seeds" / "003_8d709f72cafe127b.txt").table("table3")
    # 一 + 二 = 8 while （七）总计 = 0 and 四 = 0: printed so, not repaired
    assert t3.value("new", "natural") + t3.value("carried_over", "natural") == 8
    assert t3.value("total", "natural") == 0
    assert t3.get("other", "natural").value == 0 and t3.get("other.1", "natural") is None


def test_seed_000_amount_is_decimal_and_located():
    report = parse_file(FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt")
    fees = report.table("table2").get("fees", "amount")
    assert fees.value == Decimal("3080.699") and isinstance(fees.value, Decimal)
    assert fees.raw == "3080.699"
    line = (FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt").read_text("utf-8").splitlines()
    assert line[fees.span.line - 1][fees.span.column - 1:fees.span.end_column - 1] == "3080.699"
    assert fees.location == "表二 / 第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）"
    new = report.table("table3").get("new", "natural")
    assert new.location == "表三 / 一、本年新收政府信息公开申请数量 / 自然人"


def test_seed_metadata():
    r0 = parse_file(FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt").metadata
    assert r0.title == "壶关县人民政府2023年政府信息公开工作年度报告"
    assert r0.agency == "壶关县人民政府"
    assert r0.published == date(2024, 2, 20)          # 发布日期, not 成文时间 2024-02-19
    assert (r0.period.start, r0.period.end) == (date(2023, 1, 1), date(2023, 12, 31))
    r1 = parse_file(FIXTURES / "seeds" / "001_94a61b35bf8fd14e.txt").metadata
    assert r1.agency == "阿克陶县慕士塔格城区服务中心" and r1.published == date(2023, 1, 9)
    assert r1.period is None
    r2 = parse_file(FIXTURES / "seeds" / "002_463710bd784f756a.txt").metadata
    assert r2.agency == "叶县任店镇人民政府" and r2.published is None
    r3 = parse_file(FIXTURES / "seeds" / "003_8d709f72cafe127b.txt").metadata
    assert r3.title is None and r3.year == 2020        # no title: the year comes from the period
    r4 = parse_file(FIXTURES / "seeds" / "004_da86c2562bcf1309.txt").metadata
    assert r4.agency == "盘山县石新镇" and r4.published == date(2025, 1, 20)


def test_seed_002_subheadings_are_not_sections():
    report = parse_file(FIXTURES / "seeds" / "002_463710bd784f756a.txt")
    overview = report.section("overview")
    assert "一主动公开情况" in overview.text and "五监督保障情况" in overview.text
    # the table-3 row 四、结转下年度继续办理 right before the real 四、 heading is not a section
    assert [s.heading for s in report.sections if s.number == 4] == ["四、政府信息公开行政复议、行政诉讼情况"]


def test_section_text_excludes_tables():
    report = parse_file(FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt")
    proactive = report.section("proactive")
    assert proactive.text == "" and proactive.paragraphs == []
    assert "未发生对政府信息公开申请收费" in report.section("other").text
    assert "统计期限自2023年1月1日起至2023年12月31日止" in report.preamble
    for para in report.section("overview").paragraphs:
        assert para.span is not None
