"""The entry points of installed distributions: what importlib.metadata says, and the cache
that spares later runs importing it.

Distributions are throwaway ``*.dist-info`` directories on a temporary ``sys.path`` entry;
the cache goes to a temporary directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govlint import entry_points

HOUR_AGO = time.time_ns() - 3600 * 1_000_000_000


def add_dist(site: Path, name: str, entry_points_txt: str, version: str = "1.0") -> None:
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points_txt, encoding="utf-8")


def settle(path: Path) -> None:
    """Make a directory look as if nothing had been installed in it for an hour."""
    os.utime(path, ns=(HOUR_AGO, HOUR_AGO))


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    monkeypatch.setattr(entry_points, "CACHE_DIR", str(tmp_path / "cache"))
    return path


def asked(monkeypatch) -> list[str]:
    """Records each time importlib.metadata is asked."""
    calls: list[str] = []
    real = entry_points.read_metadata

    def counting(group):
        calls.append(group)
        return real(group)

    monkeypatch.setattr(entry_points, "read_metadata", counting)
    return calls


@pytest.mark.parametrize("group", ["govlint", "console_scripts", "pytest11"])
def test_same_entry_points_as_importlib_metadata_first_read_and_then_cached(site, monkeypatch, group):
    from importlib.metadata import entry_points as metadata_entry_points

    add_dist(site, "good-plugin", "[govlint]\ngood = good_plugin\n[console_scripts]\ngood = good_plugin:main\n")
    add_dist(site, "Dup_Plugin", "[govlint]\ndup = dup_plugin.hooks:Plugin.instance\n[pytest11]\ndup = dup_plugin\n",
             version="2.0")
    later = site.parent / "later"  # a second, shadowed copy of the same distribution further down the path
    later.mkdir()
    add_dist(later, "dup-plugin", "[govlint]\nold = dup_plugin\n", version="1.0")
    monkeypatch.syspath_prepend(str(later))
    monkeypatch.syspath_prepend(str(site))
    settle(site), settle(later)
    expected = [(ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in metadata_entry_points(group=group)]
    calls = asked(monkeypatch)

    for _ in range(2):
        found = entry_points.installed(group)
        assert [(ep.name, ep.value, ep.dist, ep.version) for ep in found] == expected
    assert calls == [group]  # the second answer came from the cache


def test_a_settled_environment_never_imports_importlib_metadata(site, tmp_path):
    add_dist(site, "good-plugin", "[govlint]\ngood = good_plugin\n")
    work = tmp_path / "work"  # the probe's sys.path[0]
    work.mkdir()
    settle(site), settle(work)
    probe = ("import sys; from govlint.entry_points import installed; "
             "print('good' in [ep.name for ep in installed('govlint')], 'importlib.metadata' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(site), XDG_CACHE_HOME=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=work, env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs == [["True", "True"], ["True", "False"]]  # found both times; imported the first time only


def test_installing_a_package_changes_the_answer(site, monkeypatch):
    add_dist(site, "first-plugin", "[govlint]\nfirst = first_plugin\n")
    settle(site)
    assert [ep.name for ep in entry_points.installed("govlint") if ep.dist.endswith("-plugin")] == ["first"]
    add_dist(site, "second-plugin", "[govlint]\nsecond = second_plugin\n")  # changes the directory's time
    assert sorted(ep.name for ep in entry_points.installed("govlint") if ep.dist.endswith("-plugin")) \
        == ["first", "second"]


def test_a_directory_changed_just_now_is_not_cached(site, monkeypatch):
    add_dist(site, "fresh-plugin", "[govlint]\nfresh = fresh_plugin\n")  # the directory's time is now
    calls = asked(monkeypatch)
    entry_points.installed("govlint")
    entry_points.installed("govlint")
    assert len(calls) == 2


def test_another_distribution_finder_turns_the_cache_off(site, monkeypatch):
    class Finder:
        def find_spec(self, *args):
            return None

        def find_distributions(self, *args, **kwargs):
            return iter(())

    add_dist(site, "good-plugin", "[govlint]\ngood = good_plugin\n")
    settle(site)
    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    calls = asked(monkeypatch)
    entry_points.installed("govlint")
    entry_points.installed("govlint")
    assert len(calls) == 2


def test_a_broken_govlint_section_fails_on_load_and_is_not_cached(site, monkeypatch):
    add_dist(site, "other-tool", "[govlint]\nno equals sign\n")
    add_dist(site, "third-tool", "[console_scripts]\nbroken line\n")
    add_dist(site, "odd-plugin", "[govlint]\nodd = not a module path!\n")
    add_dist(site, "binary-tool", "")
    (site / "binary_tool-1.0.dist-info" / "entry_points.txt").write_bytes(b"[govlint]\nx = \xff\xfe\n")
    settle(site)
    calls = asked(monkeypatch)
    found = {ep.dist: ep for ep in entry_points.installed("govlint")}
    entry_points.installed("govlint")
    assert len(calls) == 2
    assert "third-tool" not in found  # another tool's broken section is not govlint's business
    assert "binary-tool" not in found  # undecodable: nothing to say, and no reason to stop
    for dist, message in [("other-tool", "entry_points.txt 无法解析"), ("odd-plugin", "malformed entry point")]:
        with pytest.raises(ValueError, match=message):
            found[dist].load()


def test_a_torn_cache_file_is_read_again(site, monkeypatch):
    add_dist(site, "good-plugin", "[govlint]\ngood = good_plugin\n")
    settle(site)
    entry_points.installed("govlint")
    (cache_file,) = Path(entry_points.CACHE_DIR).iterdir()
    cache_file.write_text('[{"key": ', encoding="utf-8")
    calls = asked(monkeypatch)
    assert "good" in [ep.name for ep in entry_points.installed("govlint")]
    assert len(calls) == 1


def test_load_imports_the_module_and_resolves_the_attribute():
    ep = entry_points.EntryPoint("x", "os.path:join", "os.path", "join", "dist", "1.0")
    assert ep.load() is os.path.join


def test_the_cache_folder_keeps_only_the_newest_files(site, monkeypatch):
    """Throwaway environments cannot grow the folder: a write removes the oldest beyond MAX_FILES,
    and nothing but govlint's own cache files."""
    folder = Path(entry_points.CACHE_DIR)
    folder.mkdir()
    monkeypatch.setattr(entry_points, "MAX_FILES", 5)
    for i in range(8):
        for name in (f"entry_points-{i:08x}.json", f"regex-{i:08x}.marshal"):
            (folder / name).write_text("[]")
            os.utime(folder / name, ns=(HOUR_AGO + i, HOUR_AGO + i))
    (folder / "notes.txt").write_text("not ours")
    add_dist(site, "good-plugin", "[govlint]\ngood = good_plugin\n")
    settle(site)
    first = entry_points.installed("govlint")
    kept = sorted(p.name for p in folder.iterdir())
    mine = Path(entry_points._cache_path()).name
    assert kept == sorted([mine, "notes.txt", "entry_points-00000007.json", "regex-00000007.marshal",
                           "entry_points-00000006.json", "regex-00000006.marshal"])
    calls = asked(monkeypatch)
    assert entry_points.installed("govlint") == first and "good" in [ep.name for ep in first]
    assert calls == []  # the answer written with the pruning is read back
