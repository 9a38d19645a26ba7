"""The result cache: a warm run parses nothing and prints what a cold and an uncached run print;
a changed file, setting or plugin is checked again; a bad cache is a warning, never a crash."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlint.cli import cli
from govlint.executors.local import LocalExecutor

from conftest import FIXTURES, govlint_cmd

CORPUS = FIXTURES / "corpus"


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


#: a few reports of each kind (HTML, text, Markdown; consecutive years of one agency): enough for
#: every path through the cache, few enough that the tests that run govlint often stay quick
SAMPLE = ("2019_pingtan_gaj.html", "2019_pingtan_gaj.txt", "2020_pingtan_gaj.txt", "2024_shanghai_kw.md",
          "2019_pingtan.txt", "2020_pingtan.txt", "2023_shuyang_fgj.html")


@pytest.fixture
def corpus(workdir) -> Path:
    target = workdir / "reports"
    target.mkdir()
    for name in SAMPLE:
        shutil.copy(CORPUS / name, target)
    return target


@pytest.fixture
def whole_corpus(workdir) -> Path:
    target = workdir / "reports"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def checked(monkeypatch) -> list:
    """The paths the executor is asked to check, run by run."""
    runs: list[list[str]] = []
    real = LocalExecutor.check

    def spy(self, paths, checker, options):
        runs.append(sorted(os.path.basename(p) for p in paths))
        return real(self, paths, checker, options)

    monkeypatch.setattr(LocalExecutor, "check", spy)
    return runs


def json_run(*args):
    result = invoke("check", "--format", "json", "--exit-zero", *args)
    assert result.exit_code == 0, result.output
    return result


def test_cold_warm_and_uncached_runs_print_the_same(whole_corpus, checked, monkeypatch):
    corpus = whole_corpus
    cold = json_run("reports").stdout
    assert len(checked[-1]) == len(list(corpus.iterdir()))
    assert json.loads(cold)["findings"], "the corpus has findings to cache"

    def no_parsing(document):
        raise AssertionError("a warm run parsed a report")

    with monkeypatch.context() as patch:
        patch.setattr("govlint.parser.parse", no_parsing)
        warm = json_run("reports").stdout
    assert len(checked) == 1, "the executor is not even started"
    assert warm == cold
    assert json_run("--no-cache", "reports").stdout == cold


def test_every_field_of_a_finding_survives_the_cache(corpus):
    """JSON output compares what reporters see; the codec test covers the other fields."""
    cold = json_run("--format", "sarif", "reports").stdout
    assert json_run("--format", "sarif", "reports").stdout == cold
    assert json_run("--format", "concise", "reports").stdout == json_run("--no-cache", "--format", "concise",
                                                                           "reports").stdout


def test_a_changed_file_is_checked_again(corpus, checked):
    json_run("reports")
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n本报告中出现的错误请指正。\n", encoding="utf-8")
    warm = json_run("reports").stdout
    assert checked[-1] == [target.name]
    assert warm == json_run("--no-cache", "reports").stdout


def test_settings_and_local_plugins_are_part_of_the_key(corpus, checked, local_plugin):
    json_run("--select", "TS001", "reports")
    json_run("--select", "TS001", "reports")
    assert len(checked) == 1
    json_run("--select", "TS001,GL2", "reports")
    assert len(checked[-1]) == len(list(corpus.iterdir()))
    local_plugin.write_text(local_plugin.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    json_run("--select", "TS001", "reports")
    assert len(checked[-1]) == len(list(corpus.iterdir()))


def test_cache_lives_next_to_the_config_with_a_gitignore(workdir, monkeypatch):
    monkeypatch.delenv("GOVLINT_CACHE_DIR")
    (workdir / ".govlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    sub = workdir / "sub"
    sub.mkdir()
    shutil.copy(CORPUS / "2019_pingtan.txt", sub)
    monkeypatch.chdir(sub)
    json_run("2019_pingtan.txt")
    cache = workdir / ".govlint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (cache / "govlint.sqlite3").is_file()
    assert not (sub / ".govlint_cache").exists()


def test_without_config_the_cache_is_in_the_working_directory(workdir, monkeypatch):
    monkeypatch.delenv("GOVLINT_CACHE_DIR")
    shutil.copy(CORPUS / "2019_pingtan.txt", workdir)
    json_run("2019_pingtan.txt")
    assert (workdir / ".govlint_cache" / "govlint.sqlite3").is_file()


def test_no_cache_writes_no_cache(workdir, monkeypatch, private_cache):
    shutil.copy(CORPUS / "2019_pingtan.txt", workdir)
    json_run("--no-cache", "2019_pingtan.txt")
    assert not any(private_cache.iterdir())


def test_unwritable_location_turns_the_cache_off_with_one_warning(corpus):
    blocker = corpus.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    expected = json_run("--no-cache", "reports").stdout
    result = json_run("--cache-dir", str(blocker / "cache"), "reports")
    assert result.stdout == expected
    warnings = [line for line in result.stderr.splitlines() if "警告" in line]
    assert len(warnings) == 1 and "缓存" in warnings[0]


@pytest.mark.parametrize("content", [b"not a database at all" * 100, "sqlite"])
def test_corrupt_or_foreign_cache_file_is_ignored_with_a_warning(corpus, private_cache, content):
    database = private_cache / "govlint.sqlite3"
    if content == "sqlite":  # another program's database
        with sqlite3.connect(database) as db:
            db.execute("CREATE TABLE notes (text TEXT)")
            db.execute("INSERT INTO notes VALUES ('mine')")
    else:
        database.write_bytes(content)
    before = database.read_bytes()
    expected = json_run("--no-cache", "reports").stdout
    for _ in range(2):
        result = json_run("reports")
        assert result.stdout == expected
        warnings = [line for line in result.stderr.splitlines() if "警告" in line]
        assert len(warnings) == 1 and "已忽略" in warnings[0]
    assert database.read_bytes() == before, "someone else's file is left as it was"


def test_a_store_of_another_schema_is_rebuilt(corpus, private_cache):
    json_run("reports")
    database = private_cache / "govlint.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE meta SET value='0' WHERE key='schema'")
    result = json_run("reports")
    assert "警告" not in result.stderr
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() != ("0",)


def test_two_processes_on_one_cache_do_not_corrupt_it(corpus, private_cache):
    """Two runs at once on the same cache, each over half the files and then all of them."""
    expected = json_run("--no-cache", "reports").stdout
    command = govlint_cmd() + ["check", "--format", "json", "--exit-zero", "reports"]
    env = dict(os.environ, GOVLINT_CACHE_DIR=str(private_cache))
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=corpus.parent)
            for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for (out, err), run in zip(outputs, runs):
        assert run.returncode == 0, err.decode()
        assert out.decode() == expected
        assert b"\xe8\xad\xa6\xe5\x91\x8a" not in err  # 警告
    with sqlite3.connect(private_cache / "govlint.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT COUNT(*) FROM run_files").fetchone() == (0,)
    assert json_run("reports").stdout == expected


def test_unknown_executor_is_a_usage_error(corpus):
    result = invoke("check", "--executor", "nowhere", "reports")
    assert result.exit_code == 2 and "nowhere" in result.output and "local" in result.output


def test_a_plugin_adds_an_executor(workdir, corpus):
    (workdir / "serial.py").write_text('''
from govlint.api import Executor, hookimpl


class InProcess(Executor):
    name = "in-process"

    def check(self, paths, checker, options):
        return (checker.check_file(path) for path in paths)


@hookimpl
def govlint_register_executors(register):
    register(InProcess())
''', encoding="utf-8")
    (workdir / ".govlint.yaml").write_text("plugins: [serial.py]\n", encoding="utf-8")
    expected = json_run("--no-cache", "reports").stdout
    assert json_run("--no-cache", "--executor", "in-process", "reports").stdout == expected


def test_run_scope_rules_see_exactly_this_runs_files(corpus, checked, local_plugin):
    """TS003 counts the files of the run: a warm run over fewer files counts fewer, although the
    store still holds the others' results."""
    everything = json_run("--select", "TS003", "reports").stdout
    assert "本次共 %d 份报告" % len(list(corpus.iterdir())) in everything
    assert json_run("--select", "TS003", "reports").stdout == everything
    assert json_run("--no-cache", "--select", "TS003", "reports").stdout == everything
    two = sorted(str(p.relative_to(corpus.parent)) for p in corpus.iterdir())[:2]
    assert "本次共 2 份报告" in json_run("--select", "TS003", *two).stdout
