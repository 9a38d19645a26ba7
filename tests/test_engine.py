"""The engine: parallel runs, suppressions, baselines, crash containment."""

import json
import os

from click.testing import CliRunner

from govlint.cli import cli
from govlint.engine import Checker, Settings, run
from govlint.findings import Finding
from govlint.loaders.base import Loader
from govlint.plugin_host import load_plugins
from govlint.selection import Selection
from govlint.span import Span

REPORT = "一、总体情况\n这里有错误。\n二、主动公开政府信息情况\n还有一处错误。\n"


def check_json(*args):
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args], catch_exceptions=False)
    return result, json.loads(result.output)["findings"]


def test_parallel_run_prints_exactly_what_a_serial_run_prints(local_plugin):
    base = local_plugin.parent
    for i in range(12):
        text = REPORT if i % 3 else "一、总体情况\n正常。\n"
        (base / f"报告 {i:02d}.txt").write_text(text * (i % 4 + 1), encoding="utf-8")
    (base / "坏文件.html").write_bytes(b"")
    runner = CliRunner()
    serial = runner.invoke(cli, ["check", "--format", "json", "--jobs", "1", "."], catch_exceptions=False)
    parallel = runner.invoke(cli, ["check", "--format", "json", "--jobs", "2", "."], catch_exceptions=False)
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.output == parallel.output
    findings = json.loads(serial.output)["findings"]
    assert {f["code"] for f in findings} >= {"TS001", "TS003", "GL000", "GL001"}
    keys = [(f["path"], f["line"] or 1, f["column"] or 1, f["code"]) for f in findings]
    assert keys == sorted(keys)


def test_run_scope_rule_sees_every_report(local_plugin):
    base = local_plugin.parent
    for name in ("b.txt", "a.txt", "c.txt"):
        (base / name).write_text(REPORT, encoding="utf-8")
    _, findings = check_json("--select", "TS003", "--jobs", "2", ".")
    assert [(f["path"], f["message"]) for f in findings] == [("a.txt", "本次共 3 份报告")]


def test_html_comment_suppresses_listed_codes(local_plugin):
    base = local_plugin.parent
    (base / "a.html").write_text("<html><body><!-- govlint: disable=TS001,GL0 --><p>一、总体情况</p><p>这里有错误</p></body></html>",
                                 encoding="utf-8")
    (base / "b.html").write_text("<html><body><!-- govlint: disable --><p>一、总体情况</p><p>这里有错误</p></body></html>",
                                 encoding="utf-8")
    (base / "c.html").write_text("<html><body><!-- govlint: disable=GL2 --><p>一、总体情况</p><p>这里有错误</p></body></html>",
                                 encoding="utf-8")
    _, findings = check_json("--select", "TS001,TS002,GL000", ".")
    assert sorted({(f["path"], f["code"]) for f in findings}) == [("c.html", "GL000"), ("c.html", "TS001")]


def test_text_directive_on_its_own_line(local_plugin):
    base = local_plugin.parent
    (base / "a.txt").write_text(REPORT + "govlint: disable=TS001\n", encoding="utf-8")
    (base / "b.txt").write_text(REPORT.replace("这里有错误。", "这里有错误。govlint: disable=TS001"), encoding="utf-8")
    _, findings = check_json("--select", "TS001", ".")
    assert {f["path"] for f in findings} == {"b.txt"}  # inline text is not a directive


def test_baseline_hides_recorded_findings_even_when_lines_move(local_plugin):
    base = local_plugin.parent
    report = base / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--select", "TS001", "--write-baseline", "base.json", "r.txt"])
    assert result.exit_code == 0
    assert len(json.loads((base / "base.json").read_text(encoding="utf-8"))["findings"]) == 2
    # the same problems two lines lower: still hidden
    report.write_text("前言\n\n" + REPORT, encoding="utf-8")
    result, findings = check_json("--select", "TS001", "--baseline", "base.json", "r.txt")
    assert findings == [] and result.exit_code == 0
    # a new problem shows
    report.write_text("前言\n\n" + REPORT + "三、新的错误段落\n", encoding="utf-8")
    result, findings = check_json("--select", "TS001", "--baseline", "base.json", "r.txt")
    assert [f["line"] for f in findings] == [7] and result.exit_code == 1


def test_bad_baseline_file_is_usage_error(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    (local_plugin.parent / "base.json").write_text("[1, 2]", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--baseline", "base.json", "r.txt"])
    assert result.exit_code == 2 and "基线" in result.output


def test_fingerprint_ignores_lines_but_not_location():
    a = Finding("m", span=Span(3, 1, 3, 5), location="表三 / 自然人", code="GL201", path="r.html")
    b = a.with_(span=Span(40, 9, 40, 12))
    c = a.with_(location="表三 / 总计")
    assert a.fingerprint() == b.fingerprint() != c.fingerprint()


class ExplodingLoader(Loader):
    name = "boom"
    suffixes = (".boom",)

    def load(self, path, data):
        raise RuntimeError("loader bug")


def test_loader_crash_is_gl000_and_next_file_still_checked(workdir):
    registry = load_plugins()
    registry.loaders.insert(0, ExplodingLoader())
    (workdir / "a.boom").write_text("x", encoding="utf-8")
    (workdir / "b.txt").write_text("关于培训的通知\n", encoding="utf-8")
    checker = Checker(registry, Settings(selection=Selection()))
    result = run(["a.boom", "b.txt"], checker)
    assert [(f.path, f.code) for f in result.findings] == [("a.boom", "GL000"), ("b.txt", "GL002")]
    assert "loader bug" in result.findings[0].message and "boom" in result.findings[0].message


def test_oversize_file_is_gl001(workdir):
    (workdir / "big.txt").write_text("一" * 2000, encoding="utf-8")
    checker = Checker(load_plugins(), Settings(options={"max-file-size": 1000}))
    findings = run(["big.txt"], checker).findings
    assert [f.code for f in findings] == ["GL001"] and "过大" in findings[0].message


def test_off_by_default_rules_need_a_selector_that_names_them(local_plugin):
    from govlint.rule import Rule

    class LocalOnly(Rule):
        """Runs only where selected."""

        code = "TS009"
        name = "local-only"
        severity = "warning"
        summary = "only when selected"
        default_enabled = False

        def check(self, report, ctx):
            yield Finding("selected", location="x")

    registry = load_plugins()
    registry.rules["TS009"] = LocalOnly()
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")

    def codes(selection):
        checker = Checker(registry, Settings(selection=selection))
        return {f.code for f in run(["r.txt"], checker).findings}

    assert "TS009" not in codes(Selection())
    assert "TS009" in codes(Selection(extend_select=("TS",)))
    assert "TS009" in codes(Selection(select=("TS009",)))
    assert "TS009" not in codes(Selection(extend_select=("TS",), ignore=("TS009",)))


def test_a_file_that_is_not_a_report_gets_only_gl002(local_plugin):
    (local_plugin.parent / "README.md").write_text("# 说明\n这里有错误的说明文字。\n", encoding="utf-8")
    _, findings = check_json("--select", "TS001,GL", "README.md")
    assert [f["code"] for f in findings] == ["GL002"]
