"""Facts: the per-file record the corpus stage reads instead of parsed reports."""

import json
import shutil

from click.testing import CliRunner

from conftest import FIXTURES
from govlint.corpus import facts as facts_mod
from govlint.corpus.agency import agency_key, alias_map, normalize_agency
from govlint.corpus.provider import MemoryFacts
from govlint.testing import parse_file


def test_agency_key_strips_decoration_year_and_report_name():
    assert normalize_agency("平潭综合实验区海坛片区管理局 2022年度政府信息公开工作年度报告") == "平潭综合实验区海坛片区管理局"
    assert normalize_agency("《平潭综合实验区苏平片区管理局》关于报送2020年度政府信息公开工作年度报告的函") \
        == "平潭综合实验区苏平片区管理局"
    assert normalize_agency("  ") is None and normalize_agency("2023年") is None


def test_config_names_map_to_the_canonical_agency():
    aliases = alias_map({"某市 财政局": ["某市财政金融局（原）"]})
    assert agency_key("某市财政金融局（原）", aliases=aliases)[0] == "某市财政局"
    assert agency_key("某市财政局", aliases=aliases)[0] == "某市财政局"


def test_crawler_publisher_is_not_trusted_but_issuer_is():
    assert agency_key(None, {"publisher": "某市人民政府门户网站"})[0] is None
    assert agency_key(None, {"issuer": "某县民政局"})[0] == "某县民政局"
    assert agency_key(None, None, "特向社会公布某县民政局2022年度政府信息公开工作年度报告。")[0] == "某县民政局"
    # a title split over two lines at the top, after a label; an agency that says it wrote the report
    assert agency_key(None, None, "正文\n2024 年上海市科委政府信息公开工作\n年度报告\n根据")[0] == "上海市科委"
    assert agency_key(None, None, "根据《条例》，大英县政府办公室制定了2020年度政府信息公开工作报告")[0] \
        == "大英县政府办公室"
    assert agency_key(None, None, "根据《条例》和上级要求编制本报告。")[0] is None


def test_facts_are_json_and_rebuild_the_tables_with_their_readings():
    report = parse_file(FIXTURES / "corpus" / "2023_pingtan_czj.txt")
    record = facts_mod.extract(report, sketch=True)
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert (record["agency"], record["year"], record["template"]) == ("平潭综合实验区财政金融局", 2023, "2021")
    assert record["published"] == "2024-01-31" and len(record["sketch"]) == 128
    table = facts_mod.table(record, "table3")
    original = report.table("table3")
    assert {k: (c.value, c.values) for k, c in table.cells.items()} == \
        {k: (c.value, c.values) for k, c in original.cells.items()}


def test_glued_cells_keep_their_linked_readings():
    from test_parser_tables import T4_HEADER, _doc, _para

    from govlint.parser import parse

    lines = ["四、政府信息公开行政复议、行政诉讼情况", "".join(T4_HEADER), "1" * 16, "五、存在的主要问题及改进情况"]
    report = parse(_doc([_para(t, i + 1) for i, t in enumerate(lines)]))
    group = report.table("table4").readings[0]
    rebuilt = facts_mod.table(facts_mod.extract(report), "table4")
    assert len(group.values) > 1
    assert rebuilt.readings[0].cells == group.cells and rebuilt.readings[0].values == group.values


def test_a_page_and_its_text_extraction_share_a_signature():
    html = facts_mod.extract(parse_file(FIXTURES / "corpus" / "2019_pingtan_gaj.html"))
    txt = facts_mod.extract(parse_file(FIXTURES / "corpus" / "2019_pingtan_gaj.txt"))
    other = facts_mod.extract(parse_file(FIXTURES / "corpus" / "2020_pingtan_gaj.txt"))
    assert html["signature"] == txt["signature"] != other["signature"]


def test_memory_facts_answer_by_agency_in_time_order():
    store = MemoryFacts()
    for path, year, published in (("b", 2021, "2022-01-02"), ("a", 2022, None), ("c", 2021, "2022-01-01")):
        store.add({"path": path, "agency": "某局", "year": year, "published": published})
    store.add({"path": "d", "agency": None, "year": 2021})
    assert [r["path"] for r in store.by_agency("某局")] == ["c", "b", "a"]
    assert [r["path"] for r in store] == ["a", "b", "c", "d"] and store.agencies() == ["某局"]
    assert store.get("d")["year"] == 2021 and store.get("x") is None


def test_every_checked_file_reaches_the_sink_with_its_facts_before_its_findings(workdir, monkeypatch):
    from govlint.reporters import base

    for name in ("2021_pingtan_czj.txt", "2023_pingtan_czj.txt"):
        shutil.copy(FIXTURES / "corpus" / name, workdir / name)
    (workdir / "empty.txt").write_text("", encoding="utf-8")
    calls = []
    monkeypatch.setattr(base.Sink, "file", lambda self, path, facts: calls.append(("file", path, facts)))
    original = base.Sink.add
    monkeypatch.setattr(base.Sink, "add", lambda self, group: (calls.append(("add", [f.path for f in group])),
                                                               original(self, group)))
    from govlint.cli import cli

    CliRunner().invoke(cli, ["check", "--format", "json", "."], catch_exceptions=False)
    files = [c for c in calls if c[0] == "file"]
    assert [c[1] for c in files] == ["2021_pingtan_czj.txt", "2023_pingtan_czj.txt", "empty.txt"]
    assert files[1][2]["year"] == 2023 and files[2][2]["agency"] is None
    for i, call in enumerate(calls):
        if call[0] == "add" and call[1]:
            assert calls[i - 1][0] == "file" and calls[i - 1][1] == call[1][0]


def test_the_corpus_rule_example_of_the_plugin_guide_works(tmp_path):
    import re

    from conftest import ROOT

    from govlint.testing import lint_reports

    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```python\n(.*?)```", guide, re.S) if "XJ801" in block)
    plugin = tmp_path / "year_gap.py"
    plugin.write_text(example, encoding="utf-8")
    clean = (ROOT / "tests" / "rules" / "cases" / "reports" / "clean_2023.md").read_text(encoding="utf-8")
    reports = [(f"r{year}.md", clean.replace("人民政府2023年", f"人民政府{year}年"), "markdown")
               for year in (2020, 2021, 2023)]
    found = lint_reports(reports, select=["XJ801"], plugins=[plugin])
    assert [(f.path, f.message, f.line) for f in found] == [
        ("r2023.md", "某某县人民政府 缺少 2022 年度报告（上一份为 r2021.md）", 1)]


def test_run_scope_findings_honour_the_suppressions_of_their_file():
    from conftest import ROOT

    from govlint.testing import lint_reports

    clean = (ROOT / "tests" / "rules" / "cases" / "reports" / "clean_2023.md").read_text(encoding="utf-8")
    earlier = clean.replace("人民政府2023年", "人民政府2022年")
    for directive, expected in (("", 2), ("<!-- govlint: disable=GL2 -->\n", 2), ("<!-- govlint: disable -->\n", 0),
                                ("<!-- govlint: disable=GL80 -->\n", 0)):
        found = lint_reports([("a.md", directive + clean, "markdown"), ("b.md", earlier, "markdown")],
                             select=["GL801"])
        assert [f.path for f in found] == ["a.md"] * expected, directive


# -- corpus rules over readings: a finding only when no reading of either report agrees --------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_readings = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=4, unique=True)


def _record(path, year, row, readings):
    """Facts of a report whose table 三 row ``row`` has 自然人 and 总计 cut from one glued run
    with ``readings`` ((自然人, 总计) per reading); a single reading is a plain cell pair."""
    cells = {"natural": [r[0] for r in readings], "total": [r[1] for r in readings]}
    if len(readings) == 1:
        cells = {"natural": readings[0][0], "total": readings[0][1]}
    else:
        cells = {col: sorted(set(values)) if len(set(values)) > 1 else values[0] for col, values in cells.items()}
    group = [{"runs": ["x"], "cells": [[row, "natural"], [row, "total"]], "values": [list(r) for r in readings]}]
    return {"path": path, "agency": "某局", "agency_name": "某局", "year": year, "published": None,
            "signature": path, "template": "2021",
            "tables": {"table3": {"cells": {row: cells}, "readings": group if len(readings) > 1 else []}}}


@settings(max_examples=60, deadline=None)
@given(_readings, _readings)
def test_carryover_is_reported_exactly_when_no_pair_of_readings_agrees(before, after):
    from govlint.rule import RuleContext
    from govlint_rules.corpus.gl801_carryover_continuity import CarryoverContinuity

    facts = MemoryFacts([_record("a.txt", 2022, "carried_forward", before),
                         _record("b.txt", 2023, "carried_over", after)])
    found = {f.properties["column"] for f in CarryoverContinuity().check_run(facts, RuleContext())}
    for index, col in enumerate(("natural", "total")):
        agree = any(x[index] == y[index] for x in before for y in after)
        assert (col in found) == (not agree), (col, before, after)


def test_copied_report_search_finds_the_same_copies_with_the_lsh_forest(monkeypatch):
    """Above EXACT_LIMIT reports GL802 searches with datasketch's LSH forest: on a small corpus
    of copies both searches report the same later copies, each naming an earlier member."""
    import random

    from govlint.corpus.prose import sketch
    from govlint.rule import RuleContext
    from govlint_rules.corpus import gl802_copied_report as gl802

    rng = random.Random(3)
    words = "公开政务信息平台申请办理答复解读政策监督制度规范培训考核网站栏目民生服务数据审查清理文件"
    facts = MemoryFacts()
    family = {}
    for base in range(6):
        text = "".join(rng.choice(words) for _ in range(600))
        for copy in range(4):
            edited = text[:100 * copy] + "".join(rng.choice(words) for _ in range(20)) + text[100 * copy + 20:]
            path = f"r{base}_{copy}.txt"
            family[path] = base
            facts.add({"path": path, "agency": f"局{base}{copy}", "agency_name": None, "year": 2020 + copy,
                       "published": None, "signature": path, "tables": {}, "sketch": sketch(edited)})
    exact = [(f.path, family[f.properties["other"]]) for f in gl802.CopiedReport().check_run(facts, RuleContext())]
    monkeypatch.setattr(gl802, "EXACT_LIMIT", 0)
    forest = [(f.path, family[f.properties["other"]]) for f in gl802.CopiedReport().check_run(facts, RuleContext())]
    expected = sorted((f"r{b}_{c}.txt", b) for b in range(6) for c in range(1, 4))
    assert sorted(exact) == sorted(forest) == expected


def test_memory_facts_keep_an_undecodable_file_name():
    from govlint.corpus.provider import MemoryFacts

    facts = MemoryFacts()
    facts.add({"path": "年报\udcff.txt", "agency": "某局", "year": 2023, "published": None})
    assert [record["path"] for record in facts] == ["年报\udcff.txt"]
