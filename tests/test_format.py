"""The format records (govlint/format): views derived from them, one location per cell, and
baselines written before the locations were unified.

The views are checked against properties of the records (every row of a template, in printed
order; which rows add up to （七）总计), not against copies of the record data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.baseline import is_known, read_baseline, write_baseline
from govlint.findings import Finding
from govlint.format import label_vocabulary, legacy_locations, location, sections, table2, table3, table4
from govlint.format.records import TEMPLATES
from govlint.format.templates import current_labels, hybrid_labels, outdated_labels
from govlint.normalize import normalize
from govlint.testing import parse_file
from govlint_rules.tables.gl206_table2_implausible import Table2Implausible
from govlint_rules.fees.gl403_fee_vs_table import FeeVsTable
from rule_builders import make_report, run_rule

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# --- views ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("template", TEMPLATES)
def test_result_rows_are_the_rows_between_the_carry_over_and_the_total(template):
    rows = table3.rows(template)
    results = table3.result_rows(template)
    # printed order: 一, 二, the result rows, （七）总计, 四
    assert rows[:2] == ("new", "carried_over") and rows[-2:] == ("total", "carried_forward")
    assert results == rows[2:-2]
    assert all(table3.row(key).sums_to_total for key in results)


def test_the_2019_template_prints_one_other_row_where_2021_prints_three():
    only_2019 = set(table3.rows("2019")) - set(table3.rows("2021"))
    only_2021 = set(table3.rows("2021")) - set(table3.rows("2019"))
    assert only_2019 == {"other"}
    assert only_2021 == set(table3.items("other")) and len(only_2021) == 3


def test_group_headings_carry_no_cells_and_sub_items_name_their_group():
    for group in table3.groups():
        assert group not in table3.rows("2021")
        for key in table3.items(group):
            assert key.startswith(group + ".")
            assert table3.row_label(key).startswith(table3.row(group).label + " / ")


def test_table2_views_follow_the_blocks():
    for template in TEMPLATES:
        rows = table2.block_rows(template)
        assert [r for block in rows.values() for r in block] == list(table2.rows(template))
        assert set(rows) <= set(table2.block_columns(template))
    assert "art20.9" in table2.block_columns("2019") and "art20.9" not in table2.block_columns("2021")


def test_template_markers_are_disjoint_and_come_from_the_records():
    outdated, current = outdated_labels(), current_labels()
    assert outdated and current and not outdated & current
    aliases = {a for item in table2.BLOCKS + table2.ROWS + table2.COLUMNS + (table2.TRUNCATED_NEW,)
               for a in item.aliases}
    assert outdated | current <= aliases
    for column in table2.COLUMNS:
        if column.templates == frozenset({"2019"}):
            assert set(column.aliases) <= outdated
    # a renamed label is a hybrid marker, not an outdated one
    for old, new in hybrid_labels().items():
        assert old not in outdated and new in current


def test_label_vocabulary_holds_labels_only():
    vocabulary = label_vocabulary()
    for record in table3.ROWS + table3.COLUMNS + table4.GROUPS + table4.OUTCOMES + table2.ROWS:
        assert {normalize(a) for a in record.aliases} <= vocabulary
    assert {normalize(s.title) for s in sections.SECTIONS} <= vocabulary
    # no English keys, no regular-expression sources
    assert not [v for v in vocabulary if v.isascii() and v.isalpha()]
    assert not [v for v in vocabulary if "?" in v or "[" in v or "\\" in v]


# --- one location per cell ------------------------------------------------------------------------
def test_location_names_cells_rows_and_columns():
    assert location("table3", "total", "natural") == "表三 / （七）总计 / 自然人"
    assert location("table3", column="natural") == "表三 / 自然人"
    assert location("table3", "denied.3", "total").startswith("表三 / （三）不予公开 / 3.")
    assert location("table2", "normative", "issued") == "表二 / 第二十条第（一）项 / 行政规范性文件 / 本年制发件数"
    assert location("table4", "litigation_direct", "total") == "表四 / 行政诉讼 / 未经复议直接起诉 / 总计"
    assert location("table2", "规范性文件") == "表二 / 规范性文件"  # a printed label stands for itself


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")))
def test_parser_cells_carry_the_format_location(name):
    report = parse_file(EXAMPLES / name)
    cells = [cell for table in report.tables.values() for cell in table]
    assert cells
    for table in report.tables.values():
        for cell in table:
            assert cell.location == location(table.kind, cell.row, cell.col)


def test_gl403_and_gl206_name_the_cell_as_the_parser_does():
    denial = make_report(texts={"other": "本年度未发出收费通知。"},
                         table3={("other.2", "natural"): 1, ("other.2", "total"): 1,
                                 ("total", "natural"): 16, ("total", "total"): 18,
                                 ("carried_forward", "natural"): 4, ("carried_forward", "total"): 4})
    assert [f.location for f in run_rule(FeeVsTable, denial)] == [location("table3", "other.2", "total")]
    implausible = make_report(table2={("normative", "issued"): 5, ("normative", "repealed"): 0,
                                      ("normative", "in_force"): 3})
    [found] = run_rule(Table2Implausible, implausible)
    assert found.location == location("table2", "normative", "issued")


# --- baselines written before the locations were unified -----------------------------------------
OLD_GL403 = "表三 / （六）其他处理 / 2.逾期未按收费通知要求缴纳费用 / 总计"
OLD_GL206 = "表二 / 行政规范性文件 / 本年制发件数"


def test_legacy_locations_spell_the_cells_as_before():
    assert OLD_GL403 in legacy_locations(location("table3", "other.2", "total"))
    assert OLD_GL206 in legacy_locations(location("table2", "normative", "issued"))
    assert legacy_locations(location("table3", "new", "total")) == ()


@pytest.mark.parametrize("code,old,new", [
    ("GL403", OLD_GL403, location("table3", "other.2", "total")),
    ("GL206", OLD_GL206, location("table2", "normative", "issued")),
])
def test_a_baseline_with_the_old_location_still_hides_the_finding(tmp_path, code, old, new):
    before = Finding("…", location=old, code=code, path="r.txt")
    baseline = tmp_path / "baseline.json"
    write_baseline(baseline, [before])
    known = read_baseline(baseline)
    now = Finding("…", location=new, code=code, path="r.txt")
    assert now.fingerprint() not in known      # the location did change
    assert is_known(now, known)
    assert not is_known(now.with_(path="other.txt"), known)
    assert not is_known(now.with_(location=location("table3", "other.1", "total")), known)
