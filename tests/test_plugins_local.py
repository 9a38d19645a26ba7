"""Repo-local plugins: a .py file named under ``plugins:`` in .govlint.yaml, end to end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govlint.testing import codes, lint_file

FIXTURES = Path(__file__).parent / "fixtures" / "plugins"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A publishing repository: a report, a plugin under tools/, a config naming it."""
    (tmp_path / "tools").mkdir()
    shutil.copy(FIXTURES / "local_rules.py", tmp_path / "tools" / "local_rules.py")
    shutil.copy(FIXTURES / "report.txt", tmp_path / "report.txt")
    return tmp_path


def govlint(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "govlint", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)


def write_config(repo: Path, text: str) -> None:
    (repo / ".govlint.yaml").write_text(text, encoding="utf-8")


def test_local_plugin_rule_runs_with_its_option(repo):
    write_config(repo, "plugins: [tools/local_rules.py]\noptions:\n  local-agency: 另一局\n")
    result = govlint(repo, "check", "report.txt", "--select", "LOC101", "--format", "concise")
    assert result.returncode == 1, result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith("report.txt:1:1: error LOC101 ") and "另一局" in line


def test_local_plugin_passes_when_the_option_matches(repo):
    write_config(repo, "plugins: [tools/local_rules.py]\noptions:\n  local-agency: 示例局\n")
    result = govlint(repo, "check", "report.txt", "--select", "LOC101")
    assert result.returncode == 0, result.stdout + result.stderr


def test_local_plugin_is_listed(repo):
    write_config(repo, "plugins: [tools/local_rules.py]\n")
    result = govlint(repo, "plugins")
    assert result.returncode == 0
    assert str(repo / "tools" / "local_rules.py") in result.stdout and "LOC101" in result.stdout


def test_without_the_config_entry_the_file_is_not_loaded(repo):
    result = govlint(repo, "rule", "LOC101")
    assert result.returncode == 2


def test_a_local_plugin_that_fails_to_import_is_a_warning(repo):
    (repo / "tools" / "broken.py").write_text("raise RuntimeError('local plugin exploded')\n", encoding="utf-8")
    write_config(repo, "plugins: [tools/broken.py, tools/local_rules.py]\noptions:\n  local-agency: 另一局\n")
    result = govlint(repo, "check", "report.txt", "--select", "LOC101", "--format", "concise")
    assert result.returncode == 1
    assert "broken.py" in result.stderr and "local plugin exploded" in result.stderr
    assert "LOC101" in result.stdout
    assert govlint(repo, "check", "report.txt", "--strict-plugins").returncode == 2


def test_missing_plugin_file_is_a_config_error_with_position(repo):
    write_config(repo, "select: [ALL]\nplugins:\n  - tools/nope.py\n")
    result = govlint(repo, "check", "report.txt")
    assert result.returncode == 2
    assert ".govlint.yaml:3:" in result.stderr and "nope.py" in result.stderr


def test_testing_helper_loads_local_plugins(repo):
    found = lint_file(repo / "report.txt", plugins=[repo / "tools" / "local_rules.py"],
                      select=["LOC101"], options={"local-agency": "另一局"})
    assert codes(found) == ["LOC101"]
    assert lint_file(repo / "report.txt", plugins=[repo / "tools" / "local_rules.py"],
                     select=["LOC101"], options={"local-agency": "示例局"}) == []
