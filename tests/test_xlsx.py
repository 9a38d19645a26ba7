"""``--format xlsx``: the workbook read back with openpyxl says what the findings say, in the
three sheets, with no formula anywhere, in flat memory, and a clear error where it cannot be written."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tracemalloc

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_output_safety import findings as any_finding
from test_sarif import real_rules

from govlint.findings import Finding, Severity
from govlint.format import location
from govlint.normalize import display_width
from govlint.reporters.base import RunInfo, by_path
from govlint.reporters.sanitize import keep_lines
from govlint.reporters.xlsx import (
    AGENCY_HEADER, FINDING_HEADER, RULE_HEADER, UNKNOWN_AGENCY, XlsxReporter,
)
from govlint.span import Span

RULES = real_rules()
CORPUS = os.path.join(os.path.dirname(__file__), "fixtures", "corpus")


def workbook(groups, facts=None, **changes):
    """Write ``groups`` (one list of findings per file) with ``facts`` per path; read it back."""
    out = io.BytesIO()
    files = len(groups)
    sink = XlsxReporter().open(RunInfo(rules=RULES, files=files, version="0.1.0", **changes), out)
    for group in groups:
        if group and facts is not None:
            sink.file(group[0].path, facts.get(group[0].path))
        sink.add(group)
    sink.close()
    out.seek(0)
    return openpyxl.load_workbook(out)


def rows(sheet):
    return [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]


def finding(path, code, message, loc="", severity=Severity.ERROR, **props):
    return Finding(message, span=Span(3, 5, 3, 6), location=loc, code=code, name=f"rule-{code}",
                   severity=severity, path=path, properties=props)


FACTS = {
    "a/2023.html": {"agency": "某县财政局", "agency_name": "某县财政局", "year": 2023},
    "a/2024.html": {"agency": "某县财政局", "agency_name": "某县财政局", "year": 2024},
    "b/2024.html": {"agency": "某县人民政府办公室", "agency_name": "某县人民政府办公室", "year": 2024},
}


def sample():
    cell = location("table3", "total", "natural")
    return [
        [finding("a/2023.html", "GL201", "表三“自然人”列：第一项+第二项=8，第三项+第四项=0", cell,
                 expected=8, found=0),
         finding("a/2023.html", "GL401", "未说明信息处理费", severity=Severity.WARNING)],
        [finding("a/2024.html", "GL201", "=HYPERLINK(\"http://x\")", location("table3", "denied.3", "total"),
                 expected="=1+1", found="@SUM(A1)")],
        [finding("b/2024.html", "GL702", "-3+2 引用标题不准确", severity=Severity.INFO, expected="+x", found=-2)],
    ]


def test_the_finding_list_has_one_row_per_finding_with_the_location_split():
    book = workbook(sample(), FACTS)
    assert book.sheetnames == ["问题清单", "按规则汇总", "按单位汇总"]
    sheet = book["问题清单"]
    assert [c.value for c in sheet[1]] == list(FINDING_HEADER)
    got = rows(sheet)
    assert len(got) == 4
    first = dict(zip(FINDING_HEADER, got[0]))
    assert first == {"文件": "a/2023.html", "单位": "某县财政局", "年度": 2023, "表": "表三", "行": "（七）总计",
                     "列": "自然人", "代码": "GL201", "规则": "rule-GL201", "级别": "错误",
                     "问题": "表三“自然人”列：第一项+第二项=8，第三项+第四项=0", "应为": 8, "实为": 0,
                     "等式": None, "源位置": "3:5", "位置": "表三 / （七）总计 / 自然人"}
    second = dict(zip(FINDING_HEADER, got[2]))
    assert (second["表"], second["行"], second["列"]) == ("表三", "（三）不予公开 / 3.危及“三安全一稳定”", "总计")
    prose = dict(zip(FINDING_HEADER, got[1]))
    assert (prose["表"], prose["行"], prose["列"], prose["级别"]) == (None, None, None, "警告")


def test_report_text_never_becomes_a_formula():
    book = workbook(sample(), FACTS)
    texts = {}
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts[cell.value] = cell.data_type
    for text in ("=HYPERLINK(\"http://x\")", "=1+1", "@SUM(A1)", "+x", "-3+2 引用标题不准确"):
        assert texts[text] in ("s", "inlineStr"), text
    assert rows(book["问题清单"])[3][FINDING_HEADER.index("实为")] == -2  # a number stays a number


def test_the_summaries_count_per_rule_and_per_agency():
    book = workbook(sample(), FACTS)
    assert [c.value for c in book["按规则汇总"][1]] == list(RULE_HEADER)
    by_rule = {r[0]: r for r in rows(book["按规则汇总"])}
    assert by_rule["GL201"][:5] == ["GL201", "rule-GL201", "错误", 2, 2]
    assert by_rule["GL201"][5] == RULES["GL201"].summary
    assert by_rule["GL702"][2:5] == ["提示", 1, 1]
    assert [c.value for c in book["按单位汇总"][1]] == list(AGENCY_HEADER)
    assert rows(book["按单位汇总"]) == [
        ["某县财政局", 2, "2023、2024", 3, 2, 1, 0],
        ["某县人民政府办公室", 1, "2024", 1, 0, 0, 1],
    ]


def test_files_without_findings_count_as_reports_and_unnamed_agencies_are_grouped():
    out = io.BytesIO()
    sink = XlsxReporter().open(RunInfo(rules=RULES, files=3), out)
    sink.file("c/1.html", {"agency": "某镇", "agency_name": "某镇", "year": 2022})
    sink.add([])
    sink.file("c/2.html", None)
    sink.add([finding("c/2.html", "GL001", "文件为空")])
    sink.add([finding("c/late.html", "GL801", "跨年度结转不一致")])  # a run-scope finding, no facts
    sink.close()
    out.seek(0)
    got = rows(openpyxl.load_workbook(out)["按单位汇总"])
    assert got == [[UNKNOWN_AGENCY, 1, None, 2, 2, 0, 0], ["某镇", 1, "2022", 0, 0, 0, 0]]


def test_run_scope_findings_after_every_file_keep_their_file_agency():
    groups = sample()
    out = io.BytesIO()
    sink = XlsxReporter().open(RunInfo(rules=RULES, files=3), out)
    for group in groups:
        sink.file(group[0].path, FACTS[group[0].path])
        sink.add(group)
    sink.add([finding("a/2024.html", "GL801", "上年结转与上一年度结转下年度不一致", severity=Severity.WARNING)])
    sink.close()
    out.seek(0)
    last = rows(openpyxl.load_workbook(out)["问题清单"])[-1]
    assert last[:3] == ["a/2024.html", "某县财政局", 2024]


def test_every_sheet_has_a_frozen_header_a_filter_and_widths_that_fit_chinese():
    book = workbook(sample(), FACTS)
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
    sheet = book["问题清单"]
    widths = {}
    for dim in sheet.column_dimensions.values():  # openpyxl groups equal neighbours: min..max
        for index in range(dim.min, dim.max + 1):
            widths[index] = dim.width
    agency = FINDING_HEADER.index("单位") + 1
    # 某县人民政府办公室: 9 wide characters are 18 narrow ones
    assert widths[agency] >= display_width("某县人民政府办公室") == 18
    message = FINDING_HEADER.index("问题") + 1
    assert widths[message] <= 62  # long messages wrap instead of stretching the column
    assert sheet.cell(2, message).alignment.wrap_text


def test_a_list_longer_than_a_sheet_goes_on_in_a_second_sheet(monkeypatch):
    import govlint.reporters.xlsx as xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)  # header + 2 findings per sheet
    groups = [[finding(f"f{i}.html", "GL201", f"问题{i}")] for i in range(5)]
    book = workbook(groups)
    assert book.sheetnames == ["问题清单", "问题清单（2）", "问题清单（3）", "按规则汇总", "按单位汇总"]
    listed = [r[FINDING_HEADER.index("问题")] for name in book.sheetnames[:3] for r in rows(book[name])]
    assert listed == [f"问题{i}" for i in range(5)]
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames[:3])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), max_size=6).map(lambda items: sorted(items, key=lambda f: f.path)))
def test_any_findings_read_back_as_written(items):
    book = workbook(by_path(items))
    got = rows(book["问题清单"])
    assert len(got) == len(items)
    column = FINDING_HEADER.index("问题")
    for f, row in zip(items, got):
        expected = keep_lines(f.message).replace("\r\n", "\n").replace("\r", "\n")
        expected = expected.translate({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})
        assert (row[column] or "") == expected
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    assert sum(r[3] for r in rows(book["按规则汇总"])) == len(items)


def test_memory_stays_flat_however_many_findings():
    """constant_memory: rows go to a temporary file, so 10x the findings cost no more memory."""
    def peak(n_files: int) -> int:
        out = io.BytesIO()
        sink = XlsxReporter().open(RunInfo(rules=RULES, files=n_files), out)
        text = "表三“自然人”列：第一项+第二项=8，第三项+第四项=0" * 3
        cell = location("table3", "total", "natural")
        tracemalloc.start()
        for i in range(n_files):
            path = f"reports/{i % 40}.html"  # the per-file facts are not what is measured
            sink.add([finding(path, "GL201", f"{text}{i}{j}", cell, expected=i, found=j) for j in range(10)])
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        sink.close()
        return size

    # 200 and 2,000 rows; kept in memory, the larger would cost some 3 MB more
    small, large = peak(20), peak(200)
    assert large < small + 500_000, (small, large)


def run(*args, **kwargs):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "govlint", *args], env=env, capture_output=True,
                          text=True, timeout=120, **kwargs)


def test_check_writes_a_workbook_the_json_output_agrees_with(tmp_path):
    import json

    files = [os.path.join(CORPUS, name) for name in ("2021_pingtan.txt", "2022_pingtan_htp.html")]
    target = tmp_path / "结果.xlsx"
    result = run("check", *files, "--format", "xlsx", "--output", str(target))
    assert result.returncode == 1, result.stderr
    listed = json.loads(run("check", *files, "--format", "json").stdout)["findings"]
    book = openpyxl.load_workbook(target)
    got = rows(book["问题清单"])
    where = FINDING_HEADER.index("位置")
    assert [(r[0], r[6], r[where] or "") for r in got] == [(f["path"], f["code"], f["location"]) for f in listed]
    # the agency and year come from each file's facts
    assert {(r[1], r[2]) for r in got} == {("平潭综合实验区", 2021), ("平潭综合实验区海坛片区管理局", 2022)}
    agencies = {r[0]: r for r in rows(book["按单位汇总"])}
    assert agencies["平潭综合实验区"][1:3] == [1, "2021"]
    assert sum(r[3] for r in agencies.values()) == len(listed)


def test_check_writes_a_workbook_to_a_redirected_stdout(tmp_path):
    target = tmp_path / "out.xlsx"
    with open(target, "wb") as out:
        result = subprocess.run([sys.executable, "-m", "govlint", "check", os.path.join(CORPUS, "2021_pingtan.txt"),
                                 "--format", "xlsx"], stdout=out, stderr=subprocess.PIPE, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert openpyxl.load_workbook(target).sheetnames[0] == "问题清单"


def test_a_workbook_is_not_written_to_a_terminal():
    import pty

    parent, child = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "govlint", "check", os.path.join(CORPUS, "2021_pingtan.txt"),
                                 "--format", "xlsx"], stdout=child, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(child)
        os.close(parent)
    assert result.returncode == 2
    assert "--output" in result.stderr and "二进制" in result.stderr


def test_without_the_extra_the_error_says_what_to_install(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from govlint.cli import cli

    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    target = tmp_path / "out.xlsx"
    result = CliRunner().invoke(cli, ["check", os.path.join(CORPUS, "2021_pingtan.txt"), "--format", "xlsx",
                                      "-o", str(target)])
    assert result.exit_code == 2
    assert "pip install 'govlint[xlsx]'" in result.output and "XlsxWriter" in result.output
    assert not target.exists()  # nothing checked, no empty file left behind


@pytest.mark.parametrize("text, width", [("abc", 3), ("表三", 4), ("第一行\nab", 6), ("", 0), ("（七）", 6)])
def test_display_width_counts_wide_characters_twice(text, width):
    assert display_width(text) == width


def test_the_identity_column_states_the_excerpt_identity():
    from types import SimpleNamespace

    from govlint.reporters.xlsx import _identity

    stated = "本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0"
    assert _identity(SimpleNamespace(table=SimpleNamespace(identity=stated))) == stated
    assert _identity(SimpleNamespace(table=None)) == ""
    assert _identity(finding("a.html", "GL401", "未说明信息处理费")) == ""  # a finding without an excerpt
