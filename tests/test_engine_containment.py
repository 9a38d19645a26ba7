"""Hostile rules cannot take the run down: a worker that dies or runs out of time costs one file.

The rules here are a repo-local plugin that misbehaves only on files whose text asks for it, so
each test can compare the other files' results with a run in which nothing misbehaves.
"""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from govlint.engine import Checker, Settings, run
from govlint.plugin_host import load_plugins
from govlint.selection import Selection

PLUGIN = textwrap.dedent('''
    import os, time
    from govlint.api import Finding, Rule, hookimpl
    from govlint.findings import Severity

    class Hostile(Rule):
        """Misbehaves as the report's first line asks."""
        code = "HX001"
        name = "hostile"
        severity = "warning"
        summary = "按报告首行的要求捣乱"
        needs_report = False

        def check(self, report, context):
            text = report.document.source
            if "EXIT" in text:
                os._exit(9)
            if "LOOP" in text:
                while True:
                    time.sleep(0.01)
            if "SLOW" in text:
                time.sleep(0.6)
            if "BADMESSAGE" in text:
                yield Finding(12345)
            if "BADSEVERITY" in text:
                yield Finding("问题", severity="catastrophic")
            if "BADSPAN" in text:
                yield Finding("问题", span=(1, 2, 3, 4))
            if "BADRELATED" in text:
                yield Finding("问题", related=("另见别处",))
            yield Finding("正常的发现")

    @hookimpl
    def govlint_register_rules(register):
        register(Hostile())
''')

BODY = "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n"


@pytest.fixture()
def corpus(tmp_path):
    plugin = tmp_path / "hostile_plugin.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(f"{i}\n" + BODY, encoding="utf-8")
    return tmp_path, plugin


def _run(base, plugin, jobs, timeout=None):
    registry = load_plugins([str(plugin)])
    settings = Settings(selection=Selection(select=("HX",)), root=str(base), plugins=(str(plugin),),
                        timeout=timeout)
    files = sorted(str(p) for p in base.glob("*.txt"))
    cwd = os.getcwd()
    os.chdir(base)
    try:
        result = run([os.path.relpath(f) for f in files], Checker(registry, settings), jobs=jobs)
    finally:
        os.chdir(cwd)
    return [(f.path, f.code, f.message) for f in result.findings]


def _others(findings, path):
    return [f for f in findings if f[0] != path]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_exits_costs_only_its_file(corpus, jobs):
    base, plugin = corpus
    clean = _run(base, plugin, jobs)
    (base / "r2.txt").write_text("EXIT\n" + BODY, encoding="utf-8")
    findings = _run(base, plugin, jobs)
    assert _others(findings, "r2.txt") == _others(clean, "r2.txt")
    lost = [f for f in findings if f[0] == "r2.txt"]
    assert [f[1] for f in lost] == ["GL000"]
    assert "检查进程意外退出" in lost[0][2] and "退出码 9" in lost[0][2] and "HX001" in lost[0][2]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_runaway_rule_is_stopped_at_the_time_limit(corpus, jobs):
    base, plugin = corpus
    clean = _run(base, plugin, jobs)
    (base / "r1.txt").write_text("LOOP\n" + BODY, encoding="utf-8")
    (base / "r4.txt").write_text("LOOP\n" + BODY, encoding="utf-8")
    findings = _run(base, plugin, jobs, timeout=1.0)
    for path in ("r1.txt", "r4.txt"):
        lost = [f for f in findings if f[0] == path]
        assert [f[1] for f in lost] == ["GL000"]
        assert "检查超时" in lost[0][2] and "规则 HX001" in lost[0][2]
    survivors = [f for f in findings if f[0] not in ("r1.txt", "r4.txt")]
    assert survivors == [f for f in clean if f[0] not in ("r1.txt", "r4.txt")]


def test_a_file_waiting_behind_another_gets_its_whole_time(corpus):
    # a worker holds the next path while it checks one: that file's time starts when the
    # result before it arrives, not when it was sent (two slow files in a row, each well
    # within the limit, but not both within one)
    base, plugin = corpus
    clean = _run(base, plugin, 1)
    for name in ("r2.txt", "r3.txt"):
        (base / name).write_text("SLOW\n" + BODY, encoding="utf-8")
    findings = _run(base, plugin, 1, timeout=1.0)
    assert [f for f in findings if f[1] == "GL000"] == []
    assert [(f[0], f[1]) for f in findings] == [(f[0], f[1]) for f in clean]


@pytest.mark.parametrize("marker,problem", [("BADMESSAGE", "message"), ("BADSEVERITY", "severity"),
                                            ("BADSPAN", "span"), ("BADRELATED", "related")])
def test_a_malformed_finding_becomes_gl000_naming_the_rule(corpus, marker, problem):
    base, plugin = corpus
    (base / "r3.txt").write_text(marker + "\n" + BODY, encoding="utf-8")
    findings = _run(base, plugin, 1)
    bad = [f for f in findings if f[0] == "r3.txt"]
    assert [f[1] for f in bad] == ["GL000"]
    assert "HX001" in bad[0][2] and problem in bad[0][2]
    # every other file keeps its finding
    assert sorted(f[0] for f in findings if f[1] == "HX001") == ["r0.txt", "r1.txt", "r2.txt", "r4.txt", "r5.txt"]


def test_the_cli_reports_a_dying_worker_and_keeps_the_other_files(corpus):
    base, plugin = corpus
    (base / ".govlint.yaml").write_text(f"plugins: [{plugin.name}]\nselect: [HX]\n", encoding="utf-8")
    (base / "r5.txt").write_text("EXIT\n" + BODY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "json", "--jobs", "2", "."],
                          cwd=base, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert sorted((f["path"], f["code"]) for f in findings) == \
        [(f"r{i}.txt", "HX001") for i in range(5)] + [("r5.txt", "GL000")]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_no_worker_outlives_a_killed_parent(corpus):
    base, plugin = corpus
    (base / ".govlint.yaml").write_text(f"plugins: [{plugin.name}]\nselect: [HX]\n", encoding="utf-8")
    for i in range(2):
        (base / f"r{i}.txt").write_text("LOOP\n" + BODY, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "govlint", "check", "--jobs", "2", "."], cwd=base,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    children: list[int] = []
    while time.monotonic() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = _children(proc.pid)
    assert len(children) >= 2, "the workers did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]


def _children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        pytest.skip("ps is not available")
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_plugin_import_that_never_returns_is_skipped_with_a_warning(tmp_path, monkeypatch):
    from govlint import time_limit

    monkeypatch.setattr(time_limit, "PLUGIN_SECONDS", 1.0)
    stuck = tmp_path / "stuck_plugin.py"
    stuck.write_text("import time\nwhile True:\n    time.sleep(0.05)\n", encoding="utf-8")
    hook = tmp_path / "stuck_hook.py"
    hook.write_text(textwrap.dedent('''
        import time
        from govlint.api import hookimpl

        @hookimpl
        def govlint_register_rules(register):
            while True:
                time.sleep(0.05)
    '''), encoding="utf-8")
    started = time.monotonic()
    registry = load_plugins([str(stuck), str(hook)])
    assert time.monotonic() - started < 30  # a hang guard, not a speed claim
    assert any("stuck_plugin.py" in w and "超过 1 秒" in w for w in registry.warnings), registry.warnings
    assert any("stuck_hook.py" in w and "govlint_register_rules" in w for w in registry.warnings), registry.warnings
    assert "GL201" in registry.rules  # the built-ins are all there


NOISY = textwrap.dedent('''
    import logging, warnings
    from govlint.api import Finding, Rule, hookimpl

    class Noisy(Rule):
        """Logs and warns like a third-party library reading a damaged file."""
        code = "HX002"
        name = "noisy"
        severity = "warning"
        summary = "像第三方库一样输出警告"
        needs_report = False

        def check(self, report, context):
            logging.getLogger("somelib").warning("somelib: damaged xref table")
            warnings.warn("somelib: deprecated call")
            yield Finding("正常的发现")

    @hookimpl
    def govlint_register_rules(register):
        register(Noisy())
''')


@pytest.mark.parametrize("verbose", [False, True])
def test_library_warnings_reach_stderr_only_with_verbose(tmp_path, verbose):
    (tmp_path / "noisy_plugin.py").write_text(NOISY, encoding="utf-8")
    (tmp_path / ".govlint.yaml").write_text("plugins: [noisy_plugin.py]\nselect: [HX]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(BODY, encoding="utf-8")
    args = [sys.executable, "-m", "govlint", "check", "--format", "concise", "r.txt"] + (["-v"] if verbose else [])
    proc = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "HX002" in proc.stdout
    assert ("damaged xref table" in proc.stderr) is verbose
    assert ("deprecated call" in proc.stderr) is verbose
