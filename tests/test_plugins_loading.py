"""Robust plugin loading, shown on throwaway plugins installed as real distributions.

Each plugin is a module plus a ``*.dist-info`` directory (METADATA, entry_points.txt) on a
temporary ``PYTHONPATH`` entry: importlib.metadata finds it exactly like a pip-installed
package, and ``python -m govlint`` runs in a subprocess as a user would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPORT = Path(__file__).parent / "fixtures" / "plugins" / "report.txt"

GOOD = '''
from govlint.findings import Finding
from govlint.hookspecs import hookimpl
from govlint.rule import Rule


class Always(Rule):
    """Reports every file once (so the test sees that this plugin ran)."""
    code = "GOOD101"
    name = "always"
    severity = "warning"
    summary = "测试规则"

    def check(self, report, ctx):
        yield Finding("测试插件已运行", location="测试")


@hookimpl
def govlint_register_rules(register):
    register(Always())
'''

BROKEN_IMPORT = '''
import a_module_that_does_not_exist_anywhere
'''

DUPLICATE = '''
from govlint.findings import Finding
from govlint.hookspecs import hookimpl
from govlint.rule import Rule


class Clash(Rule):
    """Claims a built-in code."""
    code = "GL001"
    name = "clash"
    summary = "重复代码"


class Own(Rule):
    """The plugin's other, unique rule."""
    code = "DUP101"
    name = "own"
    severity = "warning"
    summary = "测试规则"

    def check(self, report, ctx):
        yield Finding("重复代码插件的另一条规则已运行", location="测试")


@hookimpl
def govlint_register_rules(register):
    register(Clash())
    register(Own())
'''

RAISING = '''
from govlint.hookspecs import hookimpl


@hookimpl
def govlint_register_rules(register):
    raise RuntimeError("hook exploded")
'''

CRASHING_RULE = '''
from govlint.hookspecs import hookimpl
from govlint.rule import Rule


class Crash(Rule):
    """Raises on every report."""
    code = "CRASH101"
    name = "crash"
    summary = "测试规则"

    def check(self, report, ctx):
        raise ZeroDivisionError("rule exploded")


@hookimpl
def govlint_register_rules(register):
    register(Crash())
'''


def install_fake(site: Path, dist: str, module: str, source: str, version: str = "1.0") -> None:
    """A module and the dist-info that makes it an installed distribution with an entry point."""
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[govlint]\n{module} = {module}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    return path


def run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def installed(site):
    install_fake(site, "govlint-good", "govlint_good", GOOD)
    install_fake(site, "govlint-broken", "govlint_broken", BROKEN_IMPORT)
    install_fake(site, "govlint-duplicate", "govlint_duplicate", DUPLICATE)
    install_fake(site, "govlint-raising", "govlint_raising", RAISING)
    return site


def test_broken_plugins_are_named_and_the_others_still_run(installed, tmp_path):
    result = run(installed, "check", str(REPORT), "--select", "GOOD101,DUP101", "--format", "concise",
                 cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("govlint: 警告")]
    # one warning per broken plugin, each naming it
    assert any("govlint-broken:govlint_broken" in w and "ModuleNotFoundError" in w for w in warnings)
    assert any("govlint-duplicate:govlint_duplicate" in w and "GL001" in w and "govlint:rules" in w for w in warnings)
    assert any("govlint-raising:govlint_raising" in w and "hook exploded" in w for w in warnings)
    assert len(warnings) == 3
    assert "Traceback" not in result.stderr
    # the good plugin, and the duplicate plugin's other rule, ran
    assert "GOOD101" in result.stdout and "DUP101" in result.stdout


def test_the_builtin_keeps_a_code_a_plugin_tries_to_take(installed, tmp_path):
    result = run(installed, "rule", "GL001", cwd=tmp_path)
    assert result.returncode == 0
    assert "unreadable-input" in result.stdout and "clash" not in result.stdout


def test_plugins_command_lists_working_and_failed_plugins(installed, tmp_path):
    result = run(installed, "plugins", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "govlint-good:govlint_good 1.0" in out and "GOOD101" in out
    assert "govlint-broken:govlint_broken 1.0  [加载失败: ModuleNotFoundError" in out


@pytest.mark.parametrize("dist, module, source", [
    ("govlint-broken", "govlint_broken", BROKEN_IMPORT),
    ("govlint-duplicate", "govlint_duplicate", DUPLICATE),
    ("govlint-raising", "govlint_raising", RAISING),
])
def test_strict_plugins_exits_2_naming_the_plugin(site, tmp_path, dist, module, source):
    install_fake(site, "govlint-good", "govlint_good", GOOD)
    install_fake(site, dist, module, source)
    result = run(site, "check", str(REPORT), "--strict-plugins", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{dist}:{module}" in result.stderr
    assert "GOOD101" not in result.stdout  # nothing was checked


def test_strict_plugins_from_the_config(site, tmp_path):
    install_fake(site, "govlint-broken", "govlint_broken", BROKEN_IMPORT)
    (tmp_path / ".govlint.yaml").write_text("strict-plugins: true\n", encoding="utf-8")
    assert run(site, "check", str(REPORT), cwd=tmp_path).returncode == 2


def test_without_broken_plugins_there_is_no_warning(site, tmp_path):
    install_fake(site, "govlint-good", "govlint_good", GOOD)
    result = run(site, "check", str(REPORT), "--select", "GOOD101", "--strict-plugins", cwd=tmp_path)
    assert result.returncode == 1 and "govlint: 警告" not in result.stderr
    assert result.stdout.count("GOOD101") == 1


def test_a_rule_that_raises_is_an_internal_error_for_that_file_only(site, tmp_path):
    install_fake(site, "govlint-good", "govlint_good", GOOD)
    install_fake(site, "govlint-crash", "govlint_crash", CRASHING_RULE)
    second = tmp_path / "second.txt"
    second.write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(site, "check", str(REPORT), str(second), "--select", "GOOD101,CRASH101,GL000",
                 "--format", "concise", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    internal = [line for line in lines if " GL000 " in line]
    assert len(internal) == 2  # one per file
    assert all("CRASH101" in line and "govlint-crash:govlint_crash" in line and "ZeroDivisionError" in line
               for line in internal)
    assert sum(" GOOD101 " in line for line in lines) == 2


def test_malformed_entry_points_of_other_packages_do_not_stop_govlint(site, monkeypatch):
    """A broken entry_points.txt anywhere in the environment: one with a govlint section is
    a warning naming the distribution, one of another tool is none of govlint's business."""
    install_fake(site, "govlint-good", "govlint_good", GOOD)
    for dist, text in [("other-tool", "[govlint]\nno equals sign\n[console_scripts]\nbroken line\n"),
                       ("third-tool", "[console_scripts]\nbroken line\n")]:
        info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    from govlint.plugin_host import load_plugins

    registry = load_plugins()
    assert "GOOD101" in registry.rules and "GL201" in registry.rules
    (warning,) = registry.warnings
    assert "other-tool:entry_points.txt" in warning and "无法解析" in warning
    assert not any("third-tool" in info.name for info in registry.plugins)
