"""The terminal draws a table finding's excerpt: rows, columns, values, the wrong cell marked,
the identity with its numbers, CJK text aligned; and streams each file as it comes."""

from __future__ import annotations

import io
import re

from rich.cells import cell_len

from govlint.reporters.base import RunInfo
from govlint.reporters.table_view import excerpt
from govlint.reporters.terminal import TerminalReporter
from govlint_rules.tables.gl201_table3_balance import Table3Balance
from govlint_rules.tables.gl202_table3_results_total import Table3ResultsTotal
from govlint_rules.tables.gl203_table3_applicant_total import Table3ApplicantTotal
from rule_builders import make_report, run_rule

BOX = "┌│├└"


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def _findings(rule, report, path="报告/2023 年报.txt"):
    out = []
    for f in run_rule(rule, report):
        f.table, f.path, f.name = excerpt(report, f.cells), path, rule.name
        out.append(f)
    return out


def _render(findings, width=100, color=False, monkeypatch=None) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = FakeTTY() if color else io.StringIO()
    if color:
        monkeypatch.setattr("govlint.reporters.terminal._width", lambda stream, tty: width)
    TerminalReporter().write(findings, RunInfo(files=1, color=color), out)
    return out.getvalue()


def _table_lines(text: str) -> list[list[str]]:
    """The drawn tables: runs of lines starting (after the indent) with a box character."""
    tables, run = [], []
    for line in text.splitlines():
        if line.startswith("    ") and line[4:5] in BOX:
            run.append(line)
        elif run:
            tables.append(run)
            run = []
    return tables + ([run] if run else [])


def test_a_balance_finding_is_drawn_as_its_table_with_the_identity(monkeypatch):
    report = make_report(t3_values={"natural": {"new": 8, "granted": 8}}, table3={("total", "natural"): 0})
    findings = [f for f in _findings(Table3Balance, report) if f.properties["column"] == "natural"]
    text = _render(findings, monkeypatch=monkeypatch)
    [table] = _table_lines(text)
    header = findings[0].span
    assert f"报告/2023 年报.txt:{header.line}:{header.column}: 错误 GL201" in text  # path:line:col stays
    rows = [re.split(r"\s*│\s*", line.strip("│ ")) for line in table if line.lstrip().startswith("│")]
    assert rows == [["表三", "自然人"], ["一、本年新收政府信息公开申请数量", "8"], ["二、上年结转政府信息公开申请数量", "0"],
                    ["（七）总计", "0 ✗"], ["四、结转下年度继续办理", "0"]]
    assert "    勾稽关系：本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0" in text.splitlines()
    # the table replaces the source line: no numbered source excerpt is shown
    assert not re.search(r"^\s+\d+ │ ", text, re.M)


def test_cjk_labels_keep_every_line_of_the_table_the_same_width(monkeypatch):
    report = make_report(table3={("new", "total"): 7})
    findings = _findings(Table3ApplicantTotal, report)
    for width in (80, 100, 160):
        for table in _table_lines(_render(findings, width=width, monkeypatch=monkeypatch)):
            widths = {cell_len(line) for line in table}
            assert len(widths) == 1 and widths.pop() <= width


def test_a_long_sum_folds_rows_of_zeros_and_keeps_every_other_row(monkeypatch):
    report = make_report(t3_values={"natural": {"new": 8, "granted": 4, "unable.1": 2, "unable.3": 2}},
                         table3={("total", "natural"): 0})
    findings = [f for f in _findings(Table3ResultsTotal, report) if f.properties["column"] == "natural"]
    [table] = _table_lines(_render(findings, monkeypatch=monkeypatch))
    body = "\n".join(table)
    for label, value in (("（一）予以公开", "4"), ("1.本机关不掌握相关政府信息", "2"), ("3.补正后申请内容仍不明确", "2"),
                         ("（七）总计", "0 ✗")):
        assert re.search(rf"│ +{re.escape(label)} +│ +{re.escape(value)} │", body), label
    folded = [int(n) for n in re.findall(r"（(\d+) 行均为 0，从略）", body)]
    shown = sum(1 for line in table if re.search(r"│ +\d+( ✗)? │$", line))
    assert sum(folded) + shown == len(findings[0].table.rows)  # every row is drawn or counted


def test_in_colour_the_wrong_cell_is_on_red(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    report = make_report(t3_values={"natural": {"new": 8, "granted": 8}}, table3={("total", "natural"): 0})
    findings = [f for f in _findings(Table3Balance, report) if f.properties["column"] == "natural"]
    text = _render(findings, color=True, monkeypatch=monkeypatch)
    assert re.search(r"\x1b\[[0-9;]*41m +0 ✗", text)


def test_each_file_is_written_as_soon_as_it_is_added(monkeypatch):
    report = make_report(t3_values={"natural": {"new": 8, "granted": 8}}, table3={("total", "natural"): 0})
    out = io.StringIO()
    sink = TerminalReporter().open(RunInfo(files=2, color=False), out)
    sink.add(_findings(Table3Balance, report, path="a.txt"))
    first = out.getvalue()
    assert "勾稽关系" in first and "a.txt" in first and "个文件" not in first
    sink.add(_findings(Table3Balance, report, path="b.txt"))
    assert out.getvalue().startswith(first) and "b.txt" in out.getvalue()[len(first):]
    sink.close()
