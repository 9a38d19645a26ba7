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
