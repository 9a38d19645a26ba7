"""The command line through click's runner and through a real subprocess."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govlint import __version__
from govlint.cli import cli

from conftest import govlint_cmd

REPORT = """壶关县人民政府2023年政府信息公开工作年度报告
一、总体情况
这里有错误的说法。
二、主动公开政府信息情况
无。
"""


def invoke(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_version_prints_package_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"govlint {__version__}"


def test_missing_path_is_usage_error_with_one_line(workdir):
    result = invoke("check", "没有这个文件.html")
    assert result.exit_code == 2
    lines = [l for l in result.output.splitlines() if l.strip()]
    assert len(lines) == 1 and "没有这个文件.html" in lines[0]


def test_findings_give_exit_1_and_concise_lines(local_plugin):
    (local_plugin.parent / "年报.txt").write_text(REPORT, encoding="utf-8")
    result = invoke("check", "--format", "concise", "--select", "TS001", "年报.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["年报.txt:3:1: warning TS001 段落中出现“错误”: 这里有错误的说法。"]
    # the closing count goes to standard error, so standard output stays one finding per line
    assert result.stderr.splitlines() == ["发现 1 个问题：0 个错误，1 个警告，0 个提示（检查了 1 个文件）"]


def test_exit_zero_and_fail_on(local_plugin):
    (local_plugin.parent / "年报.txt").write_text(REPORT, encoding="utf-8")
    assert invoke("check", "--format", "concise", "--select", "TS001", "--exit-zero", "年报.txt").exit_code == 0
    # TS001 is a warning: failing only on errors lets it pass
    assert invoke("check", "--format", "concise", "--select", "TS001", "--fail-on", "error", "年报.txt").exit_code == 0


def test_select_ignore_prefixes(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    result = invoke("check", "--format", "json", "--select", "TS", "--ignore", "TS002", "r.txt")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"TS001", "TS003"}
    result = invoke("check", "--format", "json", "--select", "TS", "--ignore", "TS0", "--extend-select", "TS003", "r.txt")
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"TS003"}


def test_unknown_selector_is_usage_error(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    result = invoke("check", "--select", "ZZ999", "r.txt")
    assert result.exit_code == 2 and "ZZ999" in result.output


def test_crashing_rule_is_gl000_and_other_rules_still_run(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    result = invoke("check", "--format", "json", "--select", "TS001,TS002,GL000", "r.txt")
    findings = json.loads(result.stdout)["findings"]
    assert {f["code"] for f in findings} == {"GL000", "TS001"}
    crash = next(f for f in findings if f["code"] == "GL000")
    assert "TS002" in crash["message"] and "ZeroDivisionError" in crash["message"]


def test_unreadable_and_unrecognised_files_are_findings(workdir):
    (workdir / "empty.html").write_bytes(b"")
    (workdir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (workdir / "notice.txt").write_text("关于开展政务公开培训的通知\n请各单位按时参加。\n", encoding="utf-8")
    result = invoke("check", "--format", "json", "empty.html", "image.txt", "notice.txt")
    assert result.exit_code == 1
    by_path = {}
    for f in json.loads(result.stdout)["findings"]:
        by_path.setdefault(f["path"], set()).add(f["code"])
    assert by_path == {"empty.html": {"GL001"}, "image.txt": {"GL001"}, "notice.txt": {"GL002"}}


def test_directories_are_walked_for_claimed_suffixes(local_plugin):
    base = local_plugin.parent
    (base / "reports" / "2023").mkdir(parents=True)
    (base / "reports" / "2023" / "a.txt").write_text(REPORT, encoding="utf-8")
    (base / "reports" / "b.html").write_text("<html><body><p>一、总体情况</p><p>这里有错误</p></body></html>", encoding="utf-8")
    (base / "reports" / "ignored.xyz").write_text("这里有错误", encoding="utf-8")
    result = invoke("check", "--format", "json", "--select", "TS001", "reports")
    paths = sorted({f["path"] for f in json.loads(result.stdout)["findings"]})
    assert paths == [os.path.join("reports", "2023", "a.txt"), os.path.join("reports", "b.html")]


def test_rules_and_rule_docs():
    listing = invoke("rules")
    assert listing.exit_code == 0
    assert any(line.startswith("GL001 ") and "unreadable-input" in line for line in listing.output.splitlines())
    doc = invoke("rule", "gl003")
    assert doc.exit_code == 0
    assert "GL003 encoding-problem" in doc.output and "默认级别: warning" in doc.output
    assert "Failing example" in doc.output
    assert invoke("rule", "GL9999").exit_code == 2


def test_plugins_lists_builtins_with_what_they_contribute():
    result = invoke("plugins")
    assert result.exit_code == 0
    out = result.output
    assert f"govlint:loaders {__version__}" in out and f"govlint:rules {__version__}" in out
    assert "loaders: html, text, markdown" in out
    assert "reporters:" in out and "sarif" in out


def test_github_format_is_default_in_actions(local_plugin, monkeypatch):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke("check", "--select", "TS001", "r.txt")
    assert result.stdout.startswith("::warning file=r.txt,line=3,col=1,")


def test_output_file(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    result = invoke("check", "--format", "json", "--select", "TS001", "--output", "out.json", "r.txt")
    assert result.exit_code == 1 and result.output == ""
    data = json.loads((local_plugin.parent / "out.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in data["findings"]] == ["TS001"]


def test_real_subprocess_exit_codes_and_no_traceback(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    (local_plugin.parent / "junk.html").write_bytes(os.urandom(2048))
    proc = subprocess.run(govlint_cmd() + ["check", "--format", "concise", "r.txt", "junk.html"],
                          capture_output=True, text=True, encoding="utf-8", cwd=local_plugin.parent)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "r.txt:3:1: warning TS001" in proc.stdout
    assert proc.stderr.startswith("发现 ") and "（检查了 2 个文件）" in proc.stderr
    proc = subprocess.run(govlint_cmd() + ["check", "nope.html"], capture_output=True, text=True,
                          encoding="utf-8", cwd=local_plugin.parent)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_init_writes_commented_file_that_loads(workdir):
    result = invoke("init")
    assert result.exit_code == 0
    text = (workdir / ".govlint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# govlint configuration")
    from govlint.config import load_config

    config = load_config(workdir / ".govlint.yaml")
    assert config.select == ("ALL",)


def test_init_keeps_user_comments_and_values(workdir):
    path = workdir / ".govlint.yaml"
    path.write_text("# 本单位的配置\nignore: [GL603]  # 发布日期由门户控制\n", encoding="utf-8")
    result = invoke("init")
    assert result.exit_code == 0 and "select" in result.output
    text = path.read_text(encoding="utf-8")
    assert "# 本单位的配置" in text and "# 发布日期由门户控制" in text
    from govlint.config import load_config

    config = load_config(path)
    assert config.ignore == ("GL603",) and config.select == ("ALL",)


def test_plugin_adds_a_command_and_sees_the_finished_run(workdir):
    import shutil

    from conftest import FIXTURES

    shutil.copy(FIXTURES / "core" / "command_plugin.py", workdir / "command_plugin.py")
    (workdir / ".govlint.yaml").write_text("plugins: [command_plugin.py]\n", encoding="utf-8")
    proc = subprocess.run(govlint_cmd() + ["hello", "平潭"], capture_output=True, text=True,
                          encoding="utf-8", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "你好，平潭"
    (workdir / "notice.txt").write_text("关于开展培训的通知\n", encoding="utf-8")
    proc = subprocess.run(govlint_cmd() + ["check", "--format", "concise", "notice.txt"],
                          capture_output=True, text=True, encoding="utf-8", cwd=workdir)
    assert proc.returncode == 1
    assert (workdir / "finished.txt").read_text(encoding="utf-8") == "GL002"
    # an unknown command is still click's usage error
    proc = subprocess.run(govlint_cmd() + ["no-such-command"], capture_output=True, text=True, cwd=workdir)
    assert proc.returncode == 2 and "No such command" in proc.stderr


def test_quiet_short_format_and_statistics_alone(local_plugin):
    (local_plugin.parent / "r.txt").write_text(REPORT, encoding="utf-8")
    quiet = invoke("check", "-f", "concise", "-q", "--select", "TS001", "r.txt")
    assert quiet.exit_code == 1
    assert quiet.stdout.splitlines() == ["r.txt:3:1: warning TS001 段落中出现“错误”: 这里有错误的说法。"]
    assert quiet.stderr == ""  # -q: the findings only, no count line
    terminal = invoke("check", "-f", "terminal", "-q", "--no-color", "--select", "TS001", "r.txt")
    assert "TS001" in terminal.stdout and "个文件" not in terminal.stdout  # no closing summary
    for fmt in ("concise", "terminal"):
        stats = invoke("check", "-f", fmt, "--statistics", "--no-color", "--select", "TS001", "r.txt")
        assert stats.exit_code == 1
        # the per-rule table and the summary, and not the finding itself
        assert stats.stdout.splitlines() == ["     1  TS001   mentions-error [warning]",
                                             "1 个文件，1 个问题：0 个错误，1 个警告，0 个提示"]
