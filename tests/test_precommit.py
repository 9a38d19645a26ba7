"""The pre-commit hooks, run for real by pre-commit against a commit of this checkout.

pre-commit clones this repository at HEAD and pip-installs govlint into its own
environment, so only committed files count. The environment is built once per test run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_db9075ea3fbb176c.txt"
# 一、本年新收 自然人 20 → 25 breaks 一 + 二 = 三（七） + 四 for that column
BROKEN = ("一、本年新收政府信息公开申请数量 |\n20 |", "一、本年新收政府信息公开申请数量 |\n25 |")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def _pre_commit() -> list[str]:
    found = Path(sys.executable).with_name("pre-commit")
    return [str(found)] if found.exists() else [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def publishing_repo(tmp_path_factory):
    """A git repository with a report and a .pre-commit-config.yaml pointing at this checkout."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    head = _git("rev-parse", "HEAD", cwd=ROOT)
    repo = tmp_path_factory.mktemp("publisher")
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: govlint\n  - id: govlint-sarif\n",
        encoding="utf-8")
    # The arithmetic and structure rules decide this test, not style warnings.
    (repo / ".govlint.yaml").write_text("select: [GL0, GL1, GL2]\n", encoding="utf-8")
    (repo / "reports").mkdir()
    shutil.copy(SEED, repo / "reports" / "2023.txt")
    _git("add", ".", cwd=repo)
    return repo


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    home = repo.parent / "pre-commit-home"  # shared by the module's tests: one install
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    for key in ("GITHUB_ACTIONS", "PRE_COMMIT", "VIRTUAL_ENV"):
        env.pop(key, None)
    return subprocess.run([*_pre_commit(), "run", *args, "--all-files", "--color=never"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900)


def test_hook_passes_on_a_clean_report(publishing_repo):
    result = _run(publishing_repo, "govlint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "govlint" in result.stdout and "Passed" in result.stdout


def test_hook_fails_on_a_broken_cross_sum(publishing_repo):
    report = publishing_repo / "reports" / "2023.txt"
    clean = report.read_text(encoding="utf-8")
    assert BROKEN[0] in clean
    report.write_text(clean.replace(BROKEN[0], BROKEN[1], 1), encoding="utf-8")
    try:
        result = _run(publishing_repo, "govlint")
    finally:
        report.write_text(clean, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    # concise lines: path:line:col: CODE message
    lines = [line for line in result.stdout.splitlines() if " GL201 " in line]
    assert lines and all(line.startswith("reports/2023.txt:") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_manual_sarif_hook_writes_a_sarif_file(publishing_repo):
    target = publishing_repo / "govlint.sarif"
    target.unlink(missing_ok=True)
    everything = _run(publishing_repo)  # an ordinary run: the manual hook stays out of it
    assert "govlint (SARIF)" not in everything.stdout and not target.exists()
    result = _run(publishing_repo, "govlint-sarif", "--hook-stage", "manual")
    assert result.returncode == 0, result.stdout + result.stderr
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["tool"]["driver"]["name"] == "govlint"


def test_hook_leaves_the_repositorys_own_readme_alone(publishing_repo):
    """README.md, CHANGELOG and the like match the hook's suffixes but are no reports."""
    extra = {
        "README.md": "# 年度报告\n\n本仓库发布本机关的政府信息公开工作年度报告。\n",
        "docs/CHANGELOG.md": "# Changes\n\n- 2023 年度报告\n",
        "LICENSE.txt": "All rights reserved.\n",
    }
    for name, text in extra.items():
        (publishing_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (publishing_repo / name).write_text(text, encoding="utf-8")
    _git("add", *extra, cwd=publishing_repo)
    try:
        # govlint itself would call the README GL002: the hook's exclude is what keeps it out
        direct = subprocess.run([str(Path(sys.executable).with_name("govlint")), "check",
                                 "--format=concise", "README.md"], cwd=publishing_repo,
                                capture_output=True, text=True)
        assert direct.returncode == 1 and "GL002" in direct.stdout, direct.stdout + direct.stderr
        result = _run(publishing_repo, "govlint")
    finally:
        _git("rm", "-q", "--cached", *extra, cwd=publishing_repo)
        for name in extra:
            (publishing_repo / name).unlink()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout and "GL002" not in result.stdout


def _readme_snippet() -> str:
    """The .pre-commit-config.yaml block of the README's pre-commit section, as written."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## In a repository that publishes reports"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the README's pre-commit section has no yaml block"
    return block.group(1)


def test_the_readmes_snippet_works_as_written(tmp_path):
    """Exactly the README's snippet, with only the repository URL replaced by a clone of this
    repository: its rev must name a commit the history really has."""
    import re

    snippet = _readme_snippet()
    rev = re.search(r"^\s*rev:\s*(\S+)", snippet, re.M).group(1)
    clone = tmp_path / "govlint-clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    # the rev exists in the clone (a released commit of the history, not a branch that moves)
    assert _git("rev-parse", "--verify", f"{rev}^{{commit}}", cwd=clone)
    config = re.sub(r"^(\s*-\s*repo:\s*)\S+", lambda m: m.group(1) + str(clone), snippet, count=1, flags=re.M)
    assert config.replace(str(clone), "URL") == re.sub(
        r"^(\s*-\s*repo:\s*)\S+", lambda m: m.group(1) + "URL", snippet, count=1, flags=re.M)
    repo = tmp_path / "publisher"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / ".govlint.yaml").write_text("select: [GL0, GL1, GL2]\n", encoding="utf-8")
    (repo / "reports").mkdir()
    shutil.copy(SEED, repo / "reports" / "2023.txt")
    _git("add", ".", cwd=repo)
    clean = _run(repo, "govlint")
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
    report = repo / "reports" / "2023.txt"
    report.write_text(report.read_text(encoding="utf-8").replace(BROKEN[0], BROKEN[1], 1), encoding="utf-8")
    broken = _run(repo, "govlint")
    assert broken.returncode == 1 and " GL201 " in broken.stdout, broken.stdout + broken.stderr
