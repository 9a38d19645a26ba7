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


# -- the compact path list ---------------------------------------------------------------------
from hypothesis import given, strategies as st  # noqa: E402

from govlint.discovery import PathList  # noqa: E402

_NAMES = st.text(st.sampled_from("ab报告.x_-"), min_size=1, max_size=6)
_GROUPS = st.lists(st.one_of(st.tuples(st.sampled_from(["", "/", "a/", "a/b/", "报/"]), st.lists(_NAMES, max_size=5)),
                             st.tuples(st.none(), st.lists(_NAMES, min_size=1, max_size=3))), max_size=6)


@given(_GROUPS, st.data())
def test_a_path_list_behaves_as_the_list_of_its_paths(groups, data):
    paths, plain = PathList(), []
    for prefix, names in groups:
        if prefix is None:  # files named on the command line, gathered into one group
            for name in names:
                paths.add_file(name)
            plain += names
        else:
            paths.add_prefixed(prefix, names)
            plain += [prefix + name for name in names]
    paths.finish()
    assert len(paths) == len(plain) and list(paths) == plain
    assert [paths[i] for i in range(-len(plain), len(plain))] == plain + plain
    start, stop = data.draw(st.integers(-8, 8)), data.draw(st.integers(-8, 8))
    assert paths[start:stop] == plain[start:stop] and paths[::2] == plain[::2]
    with pytest.raises(IndexError):
        paths[len(plain)]


def _plain_unique(paths, suffixes):
    """The plain selection the compact one must equal: every path, then real paths deduplicated."""
    out = []
    for given_path in paths:
        if os.path.isdir(given_path):
            for dirpath, dirnames, filenames in os.walk(given_path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                out += [os.path.join(dirpath, n) for n in sorted(filenames) if Path(n).suffix in suffixes]
        else:
            out.append(given_path)
    seen, unique = set(), []
    for file in out:
        if os.path.realpath(file) not in seen:
            seen.add(os.path.realpath(file))
            unique.append(file)
    return unique


@pytest.mark.parametrize("given_paths", [["."], ["r"], ["r", "r/a"], ["r/a", "r"], ["r/a/x.txt", "r", "./r/a/x.txt"],
                                         ["r/b/link.txt", "."], ["r/b"]])
def test_files_reached_twice_are_checked_once_where_they_come_first(tmp_path, given_paths):
    for name in ("r/a/x.txt", "r/a/y.txt", "r/b/z.txt", "r/c/w.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("报告", encoding="utf-8")
    (tmp_path / "r/b/link.txt").symlink_to(tmp_path / "r/a/y.txt")  # a link to a file also walked
    (tmp_path / "r/b/alias.txt").symlink_to(tmp_path / "r/c/w.md")  # another name, another suffix
    (tmp_path / "r/d").symlink_to(tmp_path / "r/a", target_is_directory=True)  # not walked into
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        selected = list(discover(given_paths, SUFFIXES, Selection(root=tmp_path, respect_gitignore=False)))
        assert selected == _plain_unique(given_paths, SUFFIXES)
    finally:
        os.chdir(old)
    assert len(selected) == len({os.path.realpath(tmp_path / f) for f in selected})


def test_a_walk_keeps_no_string_per_path(tmp_path):
    """A million paths as ``str`` objects would hold 150-200 MB for the whole run."""
    folders = [tmp_path / f"d{i:02d}" for i in range(20)]
    for folder in folders:
        folder.mkdir()
        for k in range(100):
            (folder / f"2023_report_{k:03d}.html").write_bytes(b"")
    paths = discover([str(tmp_path)], SUFFIXES, Selection(root=tmp_path))
    assert len(paths) == 2000 and paths[1999].endswith(os.path.join("d19", "2023_report_099.html"))
    held = sum(sys.getsizeof(part) for part in paths._prefixes + paths._blobs + paths._starts)
    assert held < 2000 * 40 < sum(sys.getsizeof(p) for p in list(paths))


def test_the_per_folder_matcher_decides_as_the_per_path_one(repo):
    """``files_in`` (the walk's fast path) against ``_Ignored.__call__`` (the plain one), for every
    file of a repository with nested .gitignore files, negations and a root that is not the top."""
    from govlint.discovery import _Ignored

    (repo / "reports" / ".gitignore").write_text("*.md\n!keep.md\narchive/20*.txt\n", encoding="utf-8")
    for name in ("reports/keep.md", "reports/drop.md", "reports/archive/2020.txt", "x..html", ".dot.txt"):
        (repo / name).write_text("报告", encoding="utf-8")
    for root in (repo, repo / "reports", repo.parent / "elsewhere"):
        for extra in ((), ("*.txt", "!reports/2023.txt"), ("archive",)):
            matcher = _Ignored(Selection(root=root, extend_exclude=extra))
            for dirpath, _dirs, files in os.walk(repo):
                fast = matcher.files_in(dirpath)
                for name in files:
                    assert fast(name) == matcher(Path(dirpath) / name, False), (root, extra, dirpath, name)
