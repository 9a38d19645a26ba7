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
    return result, json.loads(result.stdout)["findings"]


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
    # per-file findings in path order, then the run-scope rule's findings, also in path order
    per_file = [k for k in keys if k[3] != "TS003"]
    assert per_file == sorted(per_file)
    assert keys == per_file + sorted(k for k in keys if k[3] == "TS003")


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


def test_baseline_says_how_many_it_hid_and_works_from_a_subfolder(local_plugin, monkeypatch):
    base = local_plugin.parent
    (base / "reports").mkdir()
    (base / "reports" / "r.txt").write_text(REPORT, encoding="utf-8")
    (base / ".govlint.yaml").write_text("plugins: [local_rules.py]\nselect: [TS001]\nbaseline: base.json\n",
                                        encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", "--write-baseline", "base.json", "reports"]).exit_code == 0
    result = CliRunner().invoke(cli, ["check", "--format", "json", "reports"])
    assert json.loads(result.stdout)["findings"] == [] and "隐藏了 2 个" in result.stderr
    monkeypatch.chdir(base / "reports")  # the config is found upward; fingerprints still match
    result = CliRunner().invoke(cli, ["check", "--format", "json", "r.txt"])
    assert json.loads(result.stdout)["findings"] == [] and result.exit_code == 0


def test_fifo_is_a_finding_not_a_hang(workdir):
    os.mkfifo(workdir / "pipe.html")
    checker = Checker(load_plugins(), Settings())
    findings = run(["pipe.html"], checker).findings
    assert [f.code for f in findings] == ["GL001"] and "不是普通文件" in findings[0].message


def test_utf16_report_is_decoded_not_called_binary(workdir):
    text = "一、总体情况\n二、主动公开政府信息情况\n"
    (workdir / "u16.txt").write_bytes(text.encode("utf-16"))
    checker = Checker(load_plugins(), Settings(selection=Selection(select=("GL001", "GL002"))))
    assert run(["u16.txt"], checker).findings == []


def test_the_same_file_named_twice_is_checked_once(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    _, twice = check_json("--select", "TS001", "r.txt", "./r.txt", ".")
    assert [f["line"] for f in twice] == [2, 4]


def test_selection_never_hides_unreadable_files_or_crashes(local_plugin):
    base = local_plugin.parent
    (base / "empty.html").write_bytes(b"")
    (base / "r.txt").write_text(REPORT, encoding="utf-8")
    _, findings = check_json("--select", "TS002", "empty.html", "r.txt")
    assert sorted((f["path"], f["code"]) for f in findings) == [("empty.html", "GL001"), ("r.txt", "GL000")]
    _, findings = check_json("--select", "TS002", "--ignore", "GL000,GL001", "empty.html", "r.txt")
    assert findings == []


def test_plugin_calling_sys_exit_is_a_warning_and_the_run_goes_on(workdir):
    (workdir / "bad.py").write_text("import sys\nsys.exit(0)\n", encoding="utf-8")
    (workdir / ".govlint.yaml").write_text("plugins: [bad.py]\n", encoding="utf-8")
    (workdir / "notice.txt").write_text("关于培训的通知\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "concise", "notice.txt"])
    assert result.exit_code == 1 and "bad.py" in result.stderr and "GL002" in result.stdout


def test_output_to_a_missing_folder_is_a_usage_error(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-o", "no/such/dir/out.json", "r.txt"])
    assert result.exit_code == 2 and "目录不存在" in result.output
    result = CliRunner().invoke(cli, ["check", "--select=", "r.txt"])
    assert result.exit_code == 2 and "--select" in result.output


def test_cli_select_replaces_config_extend_select(local_plugin):
    (local_plugin.parent / ".govlint.yaml").write_text("plugins: [local_rules.py]\nextend-select: [TS003]\n",
                                                       encoding="utf-8")
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    _, findings = check_json("--select", "TS001", "r.txt")
    assert {f["code"] for f in findings} == {"TS001"}


def test_directives_accept_crlf_lines_and_space_separated_codes():
    from govlint.suppressions import FILE, parse

    def file_wide(source):
        return {code for kind, _, _, codes, _ in parse(source).scopes if kind == FILE for code in codes}

    assert file_wide("正文\r\ngovlint: disable=GL6\r\n结尾") == {"GL6"}
    assert file_wide("<!-- govlint: disable=GL302 GL205 -->") == {"GL302", "GL205"}
    prefix = parse("正文\r\ngovlint: disable=GL6\r\n结尾")
    assert prefix.match("GL602", 1, 1) is not None and prefix.match("GL702", 1, 1) is None
    assert file_wide("正文中的 govlint: disable=GL6 不是指令") == set()


def test_a_file_is_searched_for_suppression_directives_once(workdir, monkeypatch):
    """Looking for ``govlint:`` costs a pass over the whole text: the file's check does it once
    and hands the answer on, with directives or without."""
    from govlint import engine

    calls = []
    plain = engine._directives
    monkeypatch.setattr(engine, "_directives", lambda source, known: calls.append(1) or plain(source, known))
    checker = Checker(load_plugins(), Settings())
    for name, text in (("plain.txt", REPORT), ("directive.txt", REPORT + "# govlint: disable=GL101\n")):
        (workdir / name).write_text(text, encoding="utf-8")
        calls.clear()
        result = checker.check_file(str(workdir / name))
        assert len(calls) == 1
        assert ("GL101" in {f.code for f in result.findings}) == (name == "plain.txt")
