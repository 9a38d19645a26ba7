"""The built-in rules on the five seed reports, end to end (loader, parser, rules).

Exactly the findings a careful reader finds: the warnings and errors of each seed as a set of
(code, column / group / label), and the info findings the seeds are known for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.findings import Severity
from govlint.testing import lint_file

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def _key(finding):
    p = finding.properties
    return (finding.code, p.get("column") or p.get("row") or p.get("group") or p.get("found")
            if finding.code in ("GL201", "GL202", "GL203", "GL204", "GL302") else None)


EXPECTED = {
    # a county government's own report, consistent; 3080.699万元 of 行政事业性收费 is not a fee
    # charged to applicants, and it was published on time (2024-02-20, due 2024-03-31)
    "000_db9075ea3fbb176c.txt": (set(), set()),
    "001_94a61b35bf8fd14e.txt": ({("GL302", "规范性文件"), ("GL602", None)}, {"GL702"}),
    "002_463710bd784f756a.txt": ({("GL602", None)}, {"GL701", "GL702"}),
    "003_8d709f72cafe127b.txt": ({("GL201", "natural"), ("GL201", "total"), ("GL202", "natural"),
                                  ("GL202", "total"), ("GL204", "review")}, {"GL301"}),
    "004_da86c2562bcf1309.txt": ({("GL302", "规范性文件")}, set()),
}


@pytest.fixture(scope="module")
def seed_findings():
    return {name: lint_file(SEEDS / name, select=["GL"]) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_findings_exactly(seed_findings, name):
    findings = seed_findings[name]
    expected_serious, expected_info = EXPECTED[name]
    serious = {_key(f) for f in findings if f.severity >= Severity.WARNING}
    assert serious == expected_serious, [(f.code, f.message) for f in findings]
    infos = {f.code for f in findings if f.severity == Severity.INFO}
    assert expected_info <= infos
    # no other info finding than these and blank-cell notes (none of the seeds has blanks)
    assert infos == expected_info, [(f.code, f.message) for f in findings if f.severity == Severity.INFO]


def test_seed3_messages_give_the_numbers(seed_findings):
    by_code = {}
    for f in seed_findings["003_8d709f72cafe127b.txt"]:
        by_code.setdefault(f.code, []).append(f)
    natural = next(f for f in by_code["GL201"] if f.properties["column"] == "natural")
    assert natural.message == "表三“自然人”列：第一项+第二项=8，第三项（七）总计+第四项=0，相差 8"
    assert natural.location == "表三 / 自然人"
    assert natural.properties["expected"] == 8 and natural.properties["found"] == 0
    assert natural.line > 1  # points at the （七）总计 cell, not at the top of the file
    review = by_code["GL204"][0]
    assert review.properties == {"group": "review", "expected": 1, "found": 0, "difference": -1, "blank": False}
    outdated = by_code["GL301"][0]
    assert outdated.severity == Severity.INFO and "2021年度报告起" in outdated.message
    for label in ("本年新", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
                  "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量", "采购总金额"):
        assert label in outdated.properties["labels"], label
    assert any("（六）其他处理" in label for label in outdated.properties["labels"])


def test_seed2_citation_findings_point_at_the_text(seed_findings):
    findings = {f.code: f for f in seed_findings["002_463710bd784f756a.txt"]}
    number = findings["GL701"]
    assert number.properties == {"expected": "国办函〔2020〕109号", "found": "国办函【2020】109 号"}
    source = (SEEDS / "002_463710bd784f756a.txt").read_text(encoding="utf-8").split("\n")
    line = source[number.span.line - 1]
    assert line[number.span.column - 1:number.span.end_column - 1] == "国办函【2020】109 号"
    title = findings["GL702"]
    line = source[title.span.line - 1]
    assert line[title.span.column - 1:title.span.end_column - 1] == "政府信息公开处理费管理办法"


def test_deadline_policy_is_configurable_end_to_end():
    seed0 = SEEDS / "000_db9075ea3fbb176c.txt"
    assert lint_file(seed0, select=["GL603"]) == []  # a government's own report: due 03-31
    late = lint_file(seed0, select=["GL603"], options={"agency-kind": "department"})
    assert [(f.code, f.properties["expected"], f.properties["days_late"]) for f in late] == [
        ("GL603", "2024-01-31", 20)]
    seed4 = SEEDS / "004_da86c2562bcf1309.txt"  # 石新镇, published 2025-01-20
    assert lint_file(seed4, select=["GL603"]) == []
    tight = lint_file(seed4, select=["GL603"], options={"deadline-township": "01-15"})
    assert [f.properties["expected"] for f in tight] == ["2025-01-15"]
