"""The text and JSON reporters on a fixed list of findings with Chinese paths and messages."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from govlint.findings import Finding, Severity
from govlint.reporters.base import RunInfo
from govlint.reporters.concise import ConciseReporter
from govlint.reporters.excerpt import ELLIPSIS, excerpt
from govlint.reporters.passage import is_markup
from govlint.reporters.github import GithubReporter
from govlint.reporters.json import JsonReporter
from govlint.reporters.progress import MIN_FILES, progress, wanted
from govlint.reporters.base import by_path
from govlint.reporters.statistics import StatisticsSink, count_line, summary_line
from govlint.reporters.terminal import TerminalReporter
from govlint.span import Span

ROW = "自然人\t8\t0\t0"
HTML = "<tr><td>（七）总计</td><td>12</td></tr>"


def findings() -> list[Finding]:
    return [
        Finding("表三“自然人”列：第一项+第二项=8，第三项+第四项=0", span=Span(4, 5, 4, 6),
                location="表三 / 一、本年新收政府信息公开申请数量 / 自然人", code="GL201",
                name="table3-balance", severity=Severity.ERROR, path="报告/2023 年报.txt",
                snippet=ROW, properties={"expected": 8, "found": Decimal("0"), "amount": Decimal("1.5")}),
        Finding("缺少第五部分\n（存在的主要问题及改进情况）", code="GL101", name="missing-section",
                severity=Severity.WARNING, path="报告/2023 年报.txt"),
        Finding("表三（七）总计: 100%,\r\n不符", span=Span(7, 9, 7, 14), location="表三 / （七）总计",
                code="GL202", name="table3-results-total", severity=Severity.ERROR,
                path="a:b,c.html", snippet=HTML),
        Finding("单元格为空", span=Span(2, 3, 3, 4), code="GL205", name="invalid-cell",
                severity=Severity.INFO, path="a:b,c.html", snippet="第一行\n第二行"),
    ]


def info(**changes) -> RunInfo:
    base = dict(files=2, root=".", version="9.9.9")
    base.update(changes)
    return RunInfo(**base)


def render(reporter, items=None, **changes) -> str:
    out = io.StringIO()
    reporter.write(findings() if items is None else items, info(**changes), out)
    return out.getvalue()


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


# -- concise --------------------------------------------------------------------------------
def test_concise_lines_are_exact_and_one_per_finding():
    assert render(ConciseReporter()).splitlines() == [
        "报告/2023 年报.txt:4:5: error GL201 表三“自然人”列：第一项+第二项=8，第三项+第四项=0",
        "报告/2023 年报.txt:1:1: warning GL101 缺少第五部分 （存在的主要问题及改进情况）",
        "a:b,c.html:7:9: error GL202 表三（七）总计: 100%, 不符",
        "a:b,c.html:2:3: info GL205 单元格为空",
    ]


def test_concise_folds_every_line_break_and_control_character():
    nasty = Finding("一\u2028二\x1b[31m三\x85四\t五", code="GL001", severity=Severity.ERROR, path="换\n行.txt")
    out = render(ConciseReporter(), [nasty])
    assert out.count("\n") == 1 and "\x1b" not in out and "\u2028" not in out
    assert out.startswith("换 行.txt:1:1: error GL001 一 二")


def test_statistics_are_the_per_rule_counts_alone_ending_with_the_summary_line():
    out = io.StringIO()
    sink = StatisticsSink(info(statistics=True), out)
    for group in by_path(findings()):
        sink.add(group)
    sink.close()
    lines = out.getvalue().splitlines()
    assert lines[-1] == "2 个文件，4 个问题：2 个错误，1 个警告，1 个提示"
    counts = {line.split()[1]: int(line.split()[0]) for line in lines[:-1]}
    assert counts == {"GL201": 1, "GL101": 1, "GL202": 1, "GL205": 1}


def test_count_line_names_every_severity_and_the_files():
    assert count_line(2, findings()) == "发现 4 个问题：2 个错误，1 个警告，1 个提示（检查了 2 个文件）"
    assert count_line(3, []) == "未发现问题（检查了 3 个文件）"


def test_concise_writes_nothing_for_no_findings():
    assert render(ConciseReporter(), []) == ""


# -- json -----------------------------------------------------------------------------------
def test_json_schema_keys_and_values():
    doc = json.loads(render(JsonReporter()))
    assert set(doc) == {"schema_version", "version", "files", "findings"}
    assert doc["schema_version"] == 1 and doc["version"] == "9.9.9" and doc["files"] == 2
    first, second = doc["findings"][:2]
    assert set(first) == {"path", "code", "name", "severity", "message", "line", "column", "end_line",
                          "end_column", "location", "fingerprint", "properties"}
    assert (first["path"], first["code"], first["name"], first["severity"]) == \
        ("报告/2023 年报.txt", "GL201", "table3-balance", "error")
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (4, 5, 4, 6)
    assert first["location"] == "表三 / 一、本年新收政府信息公开申请数量 / 自然人"
    # Decimals from parsed cells stay numbers
    assert first["properties"] == {"expected": 8, "found": 0, "amount": 1.5}
    assert [f["fingerprint"] for f in doc["findings"]] == [f.fingerprint() for f in findings()]
    assert second["line"] is None and second["end_column"] is None and second["severity"] == "warning"
    assert second["message"] == "缺少第五部分\n（存在的主要问题及改进情况）"


def test_json_statistics_on_request():
    doc = json.loads(render(JsonReporter(), statistics=True))
    assert doc["statistics"]["severities"] == {"error": 2, "warning": 1, "info": 1}
    assert {r["code"]: r["count"] for r in doc["statistics"]["rules"]} == \
        {"GL201": 1, "GL101": 1, "GL202": 1, "GL205": 1}


def test_json_survives_odd_properties_and_undecodable_names():
    odd = Finding("x", code="GL001", severity=Severity.ERROR, path="bad\udcff.html",
                  properties={"span": Span(1, 2, 1, 3), "codes": {"GL2", "GL1"}, "nan": float("nan"),
                              "sev": Severity.INFO, "obj": object()})
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding="utf-8")
    JsonReporter().write([odd], info(), stream)
    stream.flush()
    doc = json.loads(out.getvalue().decode("utf-8"))
    props = doc["findings"][0]["properties"]
    assert props["span"] == {"line": 1, "column": 2, "end_line": 1, "end_column": 3}
    assert props["codes"] == ["GL1", "GL2"] and props["nan"] == "nan" and props["sev"] == "info"
    assert doc["findings"][0]["path"] == "bad\ufffd.html"


# -- github ---------------------------------------------------------------------------------
def test_github_annotations_are_exact():
    assert render(GithubReporter()).splitlines() == [
        "::error file=报告/2023 年报.txt,line=4,col=5,endLine=4,endColumn=6,title=GL201 table3-balance"
        "::表三“自然人”列：第一项+第二项=8，第三项+第四项=0（表三 / 一、本年新收政府信息公开申请数量 / 自然人）",
        "::warning file=报告/2023 年报.txt,line=1,title=GL101 missing-section"
        "::缺少第五部分%0A（存在的主要问题及改进情况）",
        # ':' and ',' escaped only in properties; '%', CR and LF everywhere
        "::error file=a%3Ab%2Cc.html,line=7,col=9,endLine=7,endColumn=14,title=GL202 table3-results-total"
        "::表三（七）总计: 100%25,%0D%0A不符（表三 / （七）总计）",
        # multi-line span: the runner rejects columns, so lines only; info is a notice
        "::notice file=a%3Ab%2Cc.html,line=2,endLine=3,title=GL205 invalid-cell::单元格为空",
    ]


def test_github_paths_are_relative_to_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repo" / "报告").mkdir(parents=True)
    f = Finding("x", code="GL001", severity=Severity.ERROR, path="repo/报告/a,b.html")
    out = render(GithubReporter(), [f], root=str(tmp_path / "repo"))
    assert out.startswith("::error file=报告/a%2Cb.html,line=1,")


# -- terminal -------------------------------------------------------------------------------
def test_terminal_groups_by_file_with_positions_locations_and_summary():
    out = render(TerminalReporter(), color=False)
    lines = out.splitlines()
    headers = [l for l in lines if l.endswith("个问题）")]
    assert headers == ["报告/2023 年报.txt（2 个问题）", "a:b,c.html（2 个问题）"]
    # each finding under its file header, with path:line:col, severity, code, message
    first = lines.index(headers[0])
    second = lines.index(headers[1])
    assert "报告/2023 年报.txt:4:5: 错误 GL201 表三“自然人”列" in "\n".join(lines[first:second])
    assert "a:b,c.html:2:3: 提示 GL205 单元格为空" in "\n".join(lines[second:])
    assert "    位置：表三 / 一、本年新收政府信息公开申请数量 / 自然人" in lines
    # a multi-line message continues indented
    assert "    （存在的主要问题及改进情况）" in lines
    assert lines[-1] == "2 个文件，4 个问题：2 个错误，1 个警告，1 个提示"
    table = lines[lines.index(next(l for l in lines if l.startswith("按规则统计"))) + 2:-1]
    rows = {row.split()[0]: (row.split()[2], int(row.split()[3])) for row in table}
    assert rows == {"GL201": ("错误", 1), "GL101": ("警告", 1), "GL202": ("错误", 1), "GL205": ("提示", 1)}


def _caret_pairs(out: str):
    """(source line text, caret line text) pairs of the excerpts, gutters removed."""
    lines = out.splitlines()
    pairs = []
    for above, below in zip(lines, lines[1:]):
        m_src = re.match(r"^\s+\d+ │ (.*)$", above)
        m_car = re.match(r"^\s+│ ( *)(\^+)$", below)
        if m_src and m_car:
            pairs.append((m_src.group(1), len(m_car.group(1)), len(m_car.group(2))))
    return pairs


def test_terminal_caret_sits_under_the_cjk_cell():
    pairs = _caret_pairs(render(TerminalReporter(), color=False))
    # 自然人<tab>8: column 5 is "8", after three two-cell characters and a tab shown as 4 spaces
    assert ("自然人    8    0    0", 10, 1) in pairs
    # （七）总计 is columns 9-13 of a line of markup: the cell's text is shown, without tags,
    # with the caret under the whole label (10 cells)
    src, offset, width = next(p for p in pairs if "总计" in p[0])
    assert (src, offset, width) == ("（七）总计", 0, cell_len("（七）总计"))
    # a span over two lines marks the rest of the first line and the start of the second
    assert ("第一行", 4, 2) in pairs and ("第二行", 0, 6) in pairs


@pytest.mark.parametrize("how", ["color-false", "no-color-env"])
def test_terminal_plain_output_has_no_escape_codes(how, monkeypatch):
    items = findings() + [Finding("注入\x1b[2J", code="GL001", severity=Severity.ERROR, path="x.txt")]
    out = FakeTTY()
    if how == "no-color-env":
        monkeypatch.setenv("NO_COLOR", "1")
        TerminalReporter().write(items, info(color=True), out)
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
        TerminalReporter().write(items, info(color=False), out)
    text = out.getvalue()
    assert "\x1b" not in text and "注入␛[2J" in text


def test_terminal_colours_a_tty_when_allowed(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    out = FakeTTY()
    TerminalReporter().write(findings(), info(color=True), out)
    assert "\x1b[" in out.getvalue()


def test_terminal_windows_a_long_line_around_the_span(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    line = "表" * 300 + "，自然人，" + "x" * 300
    col = 302
    f = Finding("长行", span=Span(1, col, 1, col + 3), code="GL205", severity=Severity.INFO,
                path="长.html", snippet=line)
    out = render(TerminalReporter(), [f], color=False)
    (src, offset, width), = _caret_pairs(out)
    assert src.startswith(ELLIPSIS) and src.endswith(ELLIPSIS) and cell_len(src) <= 60
    # the carets cover exactly 自然人 in what is shown
    cells, i = 0, 0
    while cells < offset:
        cells += cell_len(src[i])
        i += 1
    assert src[i:i + 3] == "自然人" and width == 6


def test_terminal_summary_without_findings():
    assert render(TerminalReporter(), [], files=3, color=False) == "3 个文件，0 个问题：0 个错误，0 个警告，0 个提示\n"


def test_summary_line_counts_severities():
    assert summary_line(1, findings()[:2]) == "1 个文件，2 个问题：1 个错误，1 个警告，0 个提示"


# -- excerpt property -----------------------------------------------------------------------
LINE_CHARS = st.sampled_from(list("ab 1|<>自然人表三（）“”、𠀀😀é") + ["\u0301", "\t"])


@settings(max_examples=100, deadline=None)
@given(line=st.text(LINE_CHARS, min_size=1, max_size=120), data=st.data(),
       width=st.integers(min_value=20, max_value=100))
def test_excerpt_caret_offset_is_the_display_width_before_the_span(line, data, width):
    assume(not is_markup(line))  # a line of markup shows its text (test_passage.py)
    start = data.draw(st.integers(0, len(line) - 1))
    end = data.draw(st.integers(start + 1, len(line)))
    (shown,) = excerpt(line, Span(1, start + 1, 1, end + 1), width)
    assert shown.caret_offset == cell_len(shown.text[:shown.start])
    assert shown.caret_width == max(cell_len(shown.text[shown.start:shown.end]), 1)
    visible_line = line.replace("\t", "    ")
    if cell_len(visible_line) <= width:
        assert shown.text == visible_line
        assert shown.caret_offset == cell_len(line[:start].replace("\t", "    "))
    else:
        # the window starts the highlight exactly where the span starts, and fits the width
        span_text = line[start:end].replace("\t", "    ")
        marked = shown.text[shown.start:shown.end]
        assert marked and span_text.startswith(marked)
        assert cell_len(shown.text) <= width


# -- progress -------------------------------------------------------------------------------
def test_progress_is_a_noop_unless_many_files_on_a_tty(monkeypatch):
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    tty = FakeTTY()
    assert not wanted(MIN_FILES - 1, True, tty)
    assert not wanted(MIN_FILES, False, tty)
    assert not wanted(MIN_FILES, True, io.StringIO())
    assert wanted(MIN_FILES, True, tty)
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert not wanted(500, True, tty)
    with progress(500, True, tty) as advance:
        advance(1, 500)
    assert tty.getvalue() == ""


def test_progress_draws_on_the_stream_and_clears_it(monkeypatch):
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    tty = FakeTTY()
    with progress(MIN_FILES, True, tty) as advance:
        for done in range(1, MIN_FILES + 1):
            advance(done, MIN_FILES)
    assert f"{MIN_FILES}/{MIN_FILES}" in tty.getvalue()


# -- robustness -----------------------------------------------------------------------------
ODD_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | \
    st.text(st.sampled_from(list("表三自然人 \n\r\t%#?:,\x1b\u202e𠀀😀")), max_size=40)


@st.composite
def odd_findings(draw):
    line = draw(st.integers(-1, 6))
    span = draw(st.none() | st.builds(Span, st.just(line), st.integers(-2, 300), st.integers(line - 1, line + 4),
                                      st.integers(-2, 300)))
    return Finding(draw(ODD_TEXT), span=span, location=draw(ODD_TEXT), code=draw(ODD_TEXT),
                   name=draw(ODD_TEXT), severity=draw(st.none() | st.sampled_from(list(Severity))),
                   path=draw(ODD_TEXT), snippet=draw(ODD_TEXT))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(odd_findings(), max_size=5), color=st.booleans())
def test_text_reporters_never_raise_and_stay_line_oriented(items, color):
    for reporter in (TerminalReporter(), ConciseReporter(), GithubReporter()):
        out = FakeTTY()
        reporter.write(items, info(color=color), out)
        if not isinstance(reporter, TerminalReporter):
            assert out.getvalue().count("\n") == len(items)
    json.loads(render(JsonReporter(), items))


def test_excerpt_of_a_megabyte_line_shows_only_the_neighbourhood():
    line = "<td>表三</td>" * 100_000
    col = 11 * 50_000 + len("<td>") + 1  # the 表 of the 50 001st cell (cells are 11 characters)
    (shown,) = excerpt(line, Span(1, col, 1, col + 2), 80)
    assert (shown.text, shown.start, shown.end, shown.caret_width) == ("表三", 0, 2, 4)  # the cell, no tags
    line = "表三" * 500_000  # a megabyte of text without a sentence end
    (shown,) = excerpt(line, Span(1, col, 1, col + 2), 80)
    assert shown.text.startswith(ELLIPSIS) and shown.text.endswith(ELLIPSIS)
    assert cell_len(shown.text) <= 80
    assert shown.text[shown.start:shown.end] == "表三" and shown.caret_width == 4
    assert shown.caret_offset == cell_len(shown.text[:shown.start])
