"""The dask executor prints exactly what a serial local run prints, on a two-worker LocalCluster."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govlint.cli import cli

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture
def reports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(CORPUS, tmp_path / "reports")
    for example in EXAMPLES.glob("*.*"):
        if example.suffix in (".txt", ".html"):
            shutil.copy(example, tmp_path / "reports")
    return tmp_path / "reports"


def run(*args):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--exit-zero", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_dask_on_two_workers_prints_what_a_serial_run_prints(cluster, reports):
    serial = run("--no-cache", "--jobs", "1", "reports")
    assert len(json.loads(serial)["findings"]) > 10
    assert run("--no-cache", "--executor", "dask", "--scheduler", cluster.scheduler_address, "reports") == serial
    assert len(cluster.scheduler_info["workers"]) == 2


def test_dask_fills_the_cache_and_a_warm_run_needs_no_cluster(cluster, reports, monkeypatch):
    cold = run("--executor", "dask", "--scheduler", cluster.scheduler_address, "reports")
    monkeypatch.setattr("govlint_dask.executor._connect", lambda options: pytest.fail("a warm run connected"))
    assert run("--executor", "dask", "--scheduler", cluster.scheduler_address, "reports") == cold


def test_without_a_scheduler_a_local_cluster_is_started(reports):
    files = sorted(reports.glob("2019_*"))[:3]
    names = [str(p.relative_to(reports.parent)) for p in files]
    assert run("--no-cache", "--executor", "dask", "--jobs", "2", *names) == run("--no-cache", *names)


def test_a_failed_task_costs_its_batch_only(cluster, reports, monkeypatch):
    """A batch whose task raises on the worker is GL000 for each of its files; the rest is checked."""
    from govlint_dask import executor

    serial = json.loads(run("--no-cache", "reports"))["findings"]
    def submit_failing_first(client, func, paths, settings, cwd, pure):
        if paths == first:
            return real_submit(client, _raise, pure=False)
        return real_submit(client, func, paths, settings, cwd, pure=pure)

    files = sorted(str(p) for p in reports.iterdir())
    first = files[:executor.BATCH]
    from distributed import Client

    real_submit = Client.submit
    monkeypatch.setattr(Client, "submit", lambda self, func, *args, **kw:
                        submit_failing_first(self, func, *args, **kw) if func is not _raise
                        else real_submit(self, func, *args, **kw))
    found = json.loads(run("--no-cache", "--executor", "dask", "--scheduler", cluster.scheduler_address,
                           "reports"))["findings"]
    lost = {f["path"] for f in found if f["code"] == "GL000"}
    assert len(lost) == min(executor.BATCH, len(files))
    assert [f for f in found if f["path"] not in lost] == [f for f in serial if f["path"] not in lost]


def _raise():
    raise RuntimeError("worker lost")
