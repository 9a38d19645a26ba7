"""``--format html``: escaping, self-containment, the overview's counts, streaming and memory.

What a browser does with the page (filters, search, rendering) is tested in
tests/test_html_browser.py; here the page is parsed with lxml.
"""

from __future__ import annotations

import io
import json
import re
import tracemalloc
from base64 import b64encode
from hashlib import sha256

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_output_safety import findings as any_finding

from govlint.findings import Finding, Related, Severity
from govlint.reporters.base import RunInfo
from govlint.reporters.html import HtmlReporter
from govlint.reporters.html.page import asset
from govlint.reporters.html.sink import section_id
from govlint.reporters.sanitize import keep_lines
from govlint.span import Span
from govlint.testing import run_cli

HOSTILE = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; background:url(http://x/)",
           "</section></main><iframe src=//evil>", "&lt;b&gt;", "\u202eevil\u202c", "a\x1b[31mred"]


def finding(path="a/2021_县财政局.txt", code="GL201", severity=Severity.ERROR, message="表三“自然人”列：不平衡",
            location="表三 / 自然人", line=3, **changes) -> Finding:
    return Finding(message, span=Span(line, 2, line, 3), location=location, code=code, name="table3-balance",
                   severity=severity, path=path, **changes)


def page(groups, files=None, facts=None, announce=True, **info) -> str:
    """The page for ``groups`` (path, findings) as the CLI drives a sink."""
    out = io.StringIO()
    sink = HtmlReporter().open(RunInfo(files=files or len(groups), version="9.9", **info), out)
    for path, items in groups:
        if announce and path is not None:
            sink.file(path, (facts or {}).get(path))
        sink.add(items)
    sink.close()
    return out.getvalue()


def tree(html: str):
    return lxml.html.document_fromstring(html)


# -- escaping ---------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), min_size=1, max_size=4), hostile=st.sampled_from(HOSTILE))
def test_text_from_a_report_is_shown_never_obeyed(items, hostile):
    items = [f.with_(message=f.message + hostile, location=hostile + f.location) for f in items]
    facts = {items[0].path: {"agency": hostile, "agency_name": hostile, "year": 2021, "title": hostile}}
    groups = [(path, [f for f in items if f.path == path]) for path in dict.fromkeys(f.path for f in items)]
    doc = tree(page(groups, facts=facts))
    items = [f for _path, group in groups for f in group]
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].text == asset("page.js")
    assert not doc.xpath("//img | //iframe | //*[@src] | //*[starts-with(name(@*), 'on')]")
    assert not [a for a in doc.xpath("//@*") if a.attrname.lower().startswith("on")]
    shown = [li.xpath("string(.//span[@class='msg'])") for li in doc.xpath("//li[contains(@class,'finding')]")]
    # as the terminal shows them (controls as symbols); HTML reads a CR as a line break
    assert shown == [keep_lines(f.message).replace("\r\n", "\n").replace("\r", "\n") for f in items]


def test_bidi_controls_and_escapes_are_shown_as_symbols():
    html = page([("x.txt", [finding(path="x.txt", message="a\u202eb\x1bc")])])
    assert "\u202e" not in html and "\x1b" not in html
    assert "a\ufffdb\u241bc" in html


# -- self-contained ---------------------------------------------------------------------------
def test_the_page_asks_for_nothing_outside_itself():
    html = page([("a/2021_县财政局.txt", [finding()])])
    doc = tree(html)
    assert not doc.xpath("//*[@src]") and not doc.xpath("//link")
    assert all(href.startswith("#") for href in doc.xpath("//@href"))
    style = doc.xpath("//style")[0].text
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"\b(fetch|XMLHttpRequest|import\(|src\s*=)", asset("page.js"))


def test_the_security_policy_allows_exactly_the_inline_style_and_script():
    doc = tree(page([("a.txt", [finding(path="a.txt")])]))
    policy = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]

    def digest(source):
        return "'sha256-" + b64encode(sha256(source.encode()).digest()).decode() + "'"

    assert "default-src 'none'" in policy
    assert f"style-src {digest(doc.xpath('//style')[0].text)};" in policy
    assert f"script-src {digest(doc.xpath('//script')[0].text)};" in policy


# -- what the page says ----------------------------------------------------------------------
def test_each_report_has_its_metadata_and_its_findings():
    facts = {"r/a.txt": {"agency": "县财政局", "agency_name": "某县财政局", "year": 2022, "title": "某县财政局2022年报告",
                         "template": "2021", "published": "2023-01-20"}}
    doc = tree(page([("r/a.txt", [finding(path="r/a.txt"), finding(path="r/a.txt", code="GL602",
                                                                     severity=Severity.WARNING, message="未说明统计期限")]),
                     ("r/b.txt", [])], facts=facts, root="."))
    first, second = doc.xpath("//section[contains(@class,'report')]")
    assert first.get("id") == section_id("r/a.txt")
    assert (first.get("data-agency"), first.get("data-year")) == ("县财政局", "2022")
    assert first.xpath("string(.//h2)") == "某县财政局2022年报告"
    meta = {dt.text: dt.getnext().text_content() for dt in first.xpath(".//dl[@class='meta']//dt")}
    assert meta == {"文件": "r/a.txt", "单位": "某县财政局", "年度": "2022", "模板": "2021", "发布日期": "2023-01-20"}
    items = first.xpath(".//li[contains(@class,'finding')]")
    assert [(li.get("data-severity"), li.get("data-rule")) for li in items] == [("error", "GL201"), ("warning", "GL602")]
    assert items[0].xpath("string(.//code[@class='pos'])") == "r/a.txt:3:2"
    assert "位置：表三 / 自然人" in items[0].text_content()
    assert second.xpath("string(.//p[@class='clean'])") == "未发现问题"


def test_without_facts_agency_and_year_come_from_the_file_name():
    doc = tree(page([("x/2020_pingtan_gaj.txt", [finding(path="x/2020_pingtan_gaj.txt")])], announce=False))
    section = doc.xpath("//section[contains(@class,'report')]")[0]
    assert (section.get("data-agency"), section.get("data-year")) == ("pingtan gaj", "2020")


def test_a_table_excerpt_is_drawn_with_its_wrong_cells_marked():
    from rule_builders import make_report, run_rule

    from govlint.reporters.table_view import excerpt
    from govlint_rules.tables.gl201_table3_balance import Table3Balance

    report = make_report(t3_values={"natural": {"new": 8, "granted": 8}}, table3={("total", "natural"): 0})
    found = next(f for f in run_rule(Table3Balance, report) if f.properties["column"] == "natural")
    item = found.with_(path="a.txt", code="GL201", severity=Severity.ERROR, table=excerpt(report, found.cells))
    doc = tree(page([(item.path, [item])]))
    grid = doc.xpath("//figure[@class='excerpt-table']//table")[0]
    assert grid.xpath("string(caption)") == "表三"
    assert [th.text_content() for th in grid.xpath(".//thead//th")] == ["自然人"]
    assert [(tr.xpath("string(th)"), tr.xpath("string(td)")) for tr in grid.xpath(".//tbody/tr")] == [
        (row.label, row.cells[0].shown + ("（有误）" if row.cells[0].marked else "")) for row in item.table.rows]
    wrong = grid.xpath(".//td[@class='wrong']")
    assert len(wrong) == 1 and wrong[0].getparent().xpath("string(th)") == item.table.rows[2].label
    assert doc.xpath("string(//figure/figcaption)") == "本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0"
    assert not doc.xpath("//pre[@class='source']")  # the table replaces the source line


def test_glued_and_blank_cells_say_so():
    table = {"name": "表三", "columns": [{"key": "natural", "label": "自然人"}],
             "rows": [{"key": "new", "label": "一、本年新收", "cells": [{"shown": "5|50", "values": [5, 50]}]},
                      {"key": "total", "label": "（七）总计", "cells": [{"shown": "", "blank": True, "marked": True}]}]}
    doc = tree(page([("a.txt", [finding(path="a.txt", table=table)])]))
    glued, blank = doc.xpath("//figure//tbody//td")
    assert glued.text == "5|50" and glued.get("title") == "可能的读法：5 / 50"
    assert blank.get("class") == "wrong" and blank.get("title") == "有误；空白，按 0 计算"
    assert blank.xpath("string(strong)") == "（空）"


def test_prose_findings_show_the_source_line_with_the_span_marked():
    item = finding(snippet="本年度共收到申请8件。", message="正文与表格不一致")
    item.span = Span(3, 9, 3, 10)
    doc = tree(page([(item.path, [item])]))
    assert doc.xpath("string(//pre[@class='source']/mark)") == "8"


def test_the_overview_counts_reports_and_findings_per_rule_agency_and_year():
    facts = {f"r/{i}.txt": {"agency": f"单位{i % 2}", "year": 2021 + i % 3} for i in range(6)}
    groups = [(f"r/{i}.txt", [finding(path=f"r/{i}.txt", code=f"GL20{j}", severity=Severity.ERROR if j else Severity.INFO)
                              for j in range(i % 3)]) for i in range(6)]
    doc = tree(page(groups, facts=facts))
    cards = {div.xpath("string(dt)"): div.xpath("string(dd)") for div in doc.xpath("//dl[@class='cards']/div")}
    assert cards == {"报告": "6", "问题": "6", "错误": "2", "警告": "0", "提示": "4"}
    bars = doc.xpath("//svg//rect")
    assert len(bars) == 2
    widths = {bar.getparent().xpath("string(text[@class='label'])"): int(bar.get("width")) for bar in bars}
    assert widths["GL200"] == 2 * widths["GL201"]  # 4 and 2 findings
    tables = doc.xpath("//section[@id='overview']//table[@class='counts']")
    by_agency = {tr.xpath("string(td[1])"): [td.text for td in tr.xpath("td")[1:]] for tr in tables[1].xpath(".//tbody/tr")}
    assert by_agency == {"单位0": ["3", "3", "1", "0", "2"], "单位1": ["3", "3", "1", "0", "2"]}
    by_year = {tr.xpath("string(td[1])"): [td.text for td in tr.xpath("td")[1:3]] for tr in tables[2].xpath(".//tbody/tr")}
    assert by_year == {"2021": ["2", "0"], "2022": ["2", "2"], "2023": ["2", "4"]}
    options = doc.xpath("//form[@id='filters']//select[@name='year']/option/@value")
    assert options == ["", "2021", "2022", "2023"]


def test_run_scope_findings_link_to_their_report():
    late = finding(path="r/a.txt", code="GL801", message="上年结转与上一年度结转下年度不符")
    doc = tree(page([("r/a.txt", [finding(path="r/a.txt")]), ("r/b.txt", []), (None, [late])], files=2))
    extra = doc.xpath("//section[contains(@class,'run-scope')]")[0]
    assert extra.get("data-for") == section_id("r/a.txt")
    assert extra.xpath("string(.//h2/a/@href)") == "#" + section_id("r/a.txt")
    rows = {tr.xpath("string(td[1])"): tr.xpath("string(td[3])")
            for tr in doc.xpath("//section[@id='overview']//table[@class='counts']")[1].xpath(".//tbody/tr")}
    assert rows["（跨报告检查）"] == "1"


# -- streaming and memory ----------------------------------------------------------------------
class Recorder(io.StringIO):
    pass


def test_each_report_is_written_as_it_arrives_and_the_overview_last():
    out = Recorder()
    sink = HtmlReporter().open(RunInfo(files=2, version="9.9"), out)
    sink.file("a.txt", None)
    sink.add([finding(path="a.txt", message="第一份")])
    assert "第一份" in out.getvalue() and "id=overview" not in out.getvalue()
    sink.file("b.txt", None)
    sink.add([])
    assert out.getvalue().count("<section class=report") == 2
    sink.close()
    assert out.getvalue().index("id=overview") > out.getvalue().index("第一份")


class Discard(io.TextIOBase):
    def write(self, text):
        return len(text)


def _peak(files: int) -> int:
    tracemalloc.start()
    sink = HtmlReporter().open(RunInfo(files=files, version="9.9"), Discard())
    for i in range(files):
        path = f"corpus/{2019 + i % 5}_单位{i % 40}_{i}.txt"
        sink.file(path, {"agency": f"单位{i % 40}", "year": 2019 + i % 5, "title": "某单位年度报告" * 3})
        sink.add([finding(path=path, message="消息" * 40), finding(path=path, code="GL602", severity=Severity.WARNING,
                                                                  related=(Related(None, "表三", "另见"),))])
    sink.close()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_the_number_of_reports():
    _peak(20)  # imports, caches and compiled patterns are not the reports' memory
    small, large = _peak(200), _peak(2000)
    assert large < small + 64 * 1024, (small, large)


# -- the command line --------------------------------------------------------------------------
def test_the_cli_writes_the_page_with_the_json_formats_counts(fixtures, tmp_path):
    corpus = fixtures / "corpus"
    target = tmp_path / "report.html"
    result = run_cli("check", "--format", "html", "--output", str(target), "--exit-zero", str(corpus))
    assert result.returncode == 0, result.stderr
    doc = json.loads(run_cli("check", "--format", "json", "--exit-zero", str(corpus)).stdout)
    page_ = tree(target.read_text(encoding="utf-8"))
    assert len(page_.xpath("//li[contains(@class,'finding')]")) == len(doc["findings"])
    cards = {div.xpath("string(dt)"): div.xpath("string(dd)") for div in page_.xpath("//dl[@class='cards']/div")}
    assert cards["问题"] == str(len(doc["findings"]))
    assert cards["错误"] == str(sum(f["severity"] == "error" for f in doc["findings"]))
    assert page_.xpath("//pre[@class='source']/mark")  # source lines read back from the files
