"""Each file's nearest config; pyproject.toml's [tool.govlint]; run-wide keys; --show-settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govlint.testing import run_cli

SEED = Path(__file__).parent / "fixtures" / "seeds" / "003_8d709f72cafe127b.txt"  # GL201, GL202, GL204


@pytest.fixture
def workspaces(tmp_path):
    (tmp_path / "ws1" / "reports").mkdir(parents=True)
    (tmp_path / "ws2").mkdir()
    shutil.copy(SEED, tmp_path / "ws1" / "reports" / "x.txt")
    shutil.copy(SEED, tmp_path / "ws2" / "y.txt")
    (tmp_path / ".govlint.yaml").write_text("select: [GL20]\n", encoding="utf-8")
    (tmp_path / "ws1" / ".govlint.yaml").write_text("select: [GL20]\nignore: [GL201]\n", encoding="utf-8")
    return tmp_path


def codes(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        path, _, rest = line.partition(":")
        out.setdefault(path, set()).add(rest.split()[2])
    return out


def test_each_file_uses_the_config_nearest_to_it(workspaces):
    result = run_cli("check", ".", "-f", "concise", "-q", cwd=workspaces)
    assert codes(result) == {"ws1/reports/x.txt": {"GL202", "GL204"}, "ws2/y.txt": {"GL201", "GL202", "GL204"}}
    # the same from inside another workspace, and for the file named directly
    inside = run_cli("check", "../ws1/reports/x.txt", "-f", "concise", "-q", cwd=workspaces / "ws2")
    assert codes(inside) == {"../ws1/reports/x.txt": {"GL202", "GL204"}}


def test_config_option_applies_one_config_to_every_file(workspaces):
    result = run_cli("check", ".", "-f", "concise", "-q", "--config", ".govlint.yaml", cwd=workspaces)
    assert codes(result)["ws1/reports/x.txt"] == {"GL201", "GL202", "GL204"}


def test_pyproject_with_a_govlint_table_is_a_config_and_one_without_is_skipped(workspaces):
    (workspaces / "ws2" / "pyproject.toml").write_text('[tool.govlint]\nselect = ["GL20"]\nignore = ["GL202"]\n',
                                                       encoding="utf-8")
    (workspaces / "ws1" / "reports" / "pyproject.toml").write_text('[tool.black]\nline-length = 99\n',
                                                                   encoding="utf-8")
    result = run_cli("check", ".", "-f", "concise", "-q", cwd=workspaces)
    assert codes(result) == {"ws1/reports/x.txt": {"GL202", "GL204"}, "ws2/y.txt": {"GL201", "GL204"}}


def test_unknown_keys_in_pyproject_stop_the_run_with_their_position(workspaces):
    (workspaces / "ws2" / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.govlint]\nselct = ["GL2"]\n',
                                                       encoding="utf-8")
    result = run_cli("check", ".", cwd=workspaces)
    assert result.returncode == 2
    assert "ws2/pyproject.toml:5:1: 未知的配置项 'selct'" in result.stderr


def test_run_wide_keys_in_a_nested_config_are_an_error_with_their_position(workspaces):
    (workspaces / "ws1" / ".govlint.yaml").write_text("ignore: [GL201]\nplugins: []\n", encoding="utf-8")
    result = run_cli("check", ".", cwd=workspaces)
    assert result.returncode == 2
    assert "ws1/.govlint.yaml:2:1: 'plugins' 对整次运行生效" in result.stderr
    # the same config is the run's own config when govlint runs from its folder: allowed there
    assert run_cli("check", ".", "-q", cwd=workspaces / "ws1").returncode == 1


def test_show_settings_names_the_source_of_each_key(workspaces):
    result = run_cli("check", "--show-settings", "ws1/reports/x.txt", cwd=workspaces)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ws1/reports/x.txt"
    assert str(workspaces / "ws1" / ".govlint.yaml") in lines[1]
    ignore = next(line for line in lines if line.strip().startswith("ignore ="))
    assert "GL201" in ignore and ".govlint.yaml:2:1" in ignore
    fail_on = next(line for line in lines if line.strip().startswith("fail-on ="))
    assert fail_on.endswith("默认值")


def test_the_folder_cache_finds_what_the_plain_lookup_finds(workspaces, monkeypatch):
    """``Configs.for_file`` remembers each folder as written; every spelling of a path must still
    get the config the uncached lookup gives (``nearest`` of the path's parent)."""
    from govlint.config import load_config
    from govlint.nearest_config import Configs

    monkeypatch.chdir(workspaces / "ws1")
    run = load_config(workspaces / "ws1" / ".govlint.yaml")
    configs = Configs(run, explicit=False)
    spellings = ["reports/x.txt", "./reports/x.txt", "reports//x.txt", "reports/./x.txt", "reports/../reports/x.txt",
                 "../ws2/y.txt", "../ws2/./y.txt", "x.txt", "./x.txt", "reports/", "reports/.", "..", ".",
                 str(workspaces / "ws2" / "y.txt"), str(workspaces / "ws1" / "reports" / "x.txt")]
    for path in spellings * 2:  # the second round is answered from the cache
        plain = Configs(run, explicit=False)
        expected = plain.nearest(Path(path).parent if Path(path).name else Path(path))
        got = configs.for_file(path)
        assert (got.path and Path(got.path).resolve()) == (expected or Path(run.path).resolve()), path
