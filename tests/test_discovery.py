"""File selection: default excludes, exclude patterns, .gitignore, force-exclude, standard input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govlint.discovery import DEFAULT_EXCLUDE, Selection, discover
from govlint.testing import run_cli

SEED = Path(__file__).parent / "fixtures" / "seeds" / "003_8d709f72cafe127b.txt"
SUFFIXES = {".txt", ".md", ".html"}


@pytest.fixture
def repo(tmp_path):
    """A repository with reports, build output, an egg-info, docs and a .gitignore."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    files = ["reports/2023.txt", "reports/archive/2019.txt", "build/lib/copy.txt",
             "pkg.egg-info/PKG-INFO.txt", "node_modules/x/readme.md", "docs/guide.md",
             "scratch/notes.txt", "scratch/keep.txt", ".hidden/a.txt"]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("报告", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("scratch/*\n!scratch/keep.txt\n", encoding="utf-8")
    return tmp_path


def found(repo, paths=(".",), **selection) -> list[str]:
    old = os.getcwd()
    os.chdir(repo)
    try:
        files = discover(list(paths), SUFFIXES, Selection(root=repo, **selection))
    finally:
        os.chdir(old)
    return sorted(Path(f).as_posix().removeprefix("./") for f in files)


def test_defaults_skip_build_output_and_gitignored_files(repo):
    assert found(repo) == ["docs/guide.md", "reports/2023.txt", "reports/archive/2019.txt",
                           "scratch/keep.txt"]


def test_gitignore_can_be_switched_off_and_exclude_replaces_the_defaults(repo):
    assert "scratch/notes.txt" in found(repo, respect_gitignore=False)
    replaced = found(repo, exclude=("reports",), respect_gitignore=False)
    assert "build/lib/copy.txt" in replaced and not any(f.startswith("reports/") for f in replaced)


def test_extend_exclude_adds_patterns_including_nested_globs(repo):
    assert found(repo, extend_exclude=("docs", "reports/archive/*.txt")) == ["reports/2023.txt",
                                                                            "scratch/keep.txt"]


def test_a_named_file_is_checked_unless_force_exclude(repo):
    assert found(repo, ["build/lib/copy.txt"]) == ["build/lib/copy.txt"]
    assert found(repo, ["build/lib/copy.txt"], force_exclude=True) == []
    assert found(repo, ["scratch/notes.txt"], force_exclude=True) == []


def test_defaults_are_documented_patterns():
    assert "build" in DEFAULT_EXCLUDE and "*.egg-info" in DEFAULT_EXCLUDE


def test_show_files_and_config_keys(repo):
    (repo / ".govlint.yaml").write_text("extend-exclude: [docs]\n", encoding="utf-8")
    result = run_cli("check", ".", "--show-files", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["reports/2023.txt", "reports/archive/2019.txt",
                                          "scratch/keep.txt"]
    (repo / ".govlint.yaml").write_text("extend-exclude: 3\n", encoding="utf-8")
    bad = run_cli("check", ".", "--show-files", cwd=repo)
    assert bad.returncode == 2 and ".govlint.yaml:1:" in bad.stderr


def test_standard_input_with_a_name_uses_its_loader_and_per_file_ignores(tmp_path):
    data = SEED.read_bytes()
    (tmp_path / ".govlint.yaml").write_text('per-file-ignores: {"reports/*.txt": [GL202]}\n',
                                            encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    run = subprocess.run([sys.executable, "-m", "govlint", "check", "-", "--stdin-filename",
                          "reports/2023.txt", "-f", "concise", "--select", "GL20"],
                         input=data, capture_output=True, cwd=tmp_path, env=env)
    lines = run.stdout.decode("utf-8").splitlines()
    assert run.returncode == 1
    assert lines and all(line.startswith("reports/2023.txt:") for line in lines)
    assert any(" GL201 " in line for line in lines) and not any(" GL202 " in line for line in lines)
    # without a name: shown as "-", read as a text extraction
    run = subprocess.run([sys.executable, "-m", "govlint", "check", "-", "-f", "concise", "--select",
                          "GL204"], input=data, capture_output=True, cwd=tmp_path, env=env)
    assert run.stdout.decode("utf-8").startswith("-:605:1: error GL204 ")
