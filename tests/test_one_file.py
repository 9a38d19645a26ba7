"""A one-file check runs in the main process (``workers.check_in_process``): the same findings as
a worker gives, the same GL000 at the time limit, no process forked; and the interval timer
that bounds it nests with an enclosing one."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from govlint import workers
from govlint.engine import Checker, Settings, iter_results, lost_result, time_limit_for
from govlint.selection import Selection
from govlint.time_limit import TimeLimitExceeded, time_limit
from test_engine_containment import BODY, PLUGIN

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted([*(ROOT / "examples").iterdir(), *(ROOT / "tests" / "fixtures" / "corpus").iterdir()])
posix_only = pytest.mark.skipif(not hasattr(signal, "setitimer") or not hasattr(os, "fork"),
                                reason="needs interval timers and os.fork")


def _dicts(result):
    return [f.to_dict() for f in result.findings]


@posix_only
def test_in_process_gives_exactly_the_findings_of_a_worker():
    """The oracle: every example and corpus report, checked here and in a worker."""
    from govlint.testing import registry

    checker = Checker(registry(), Settings(selection=Selection(select=("ALL",))))
    paths = [os.path.relpath(p) for p in REPORTS if p.suffix in checker.registry.suffixes]
    assert len(paths) > 20
    limit = time_limit_for(checker.settings)
    lost = lambda *args: lost_result(checker, *args)  # noqa: E731
    in_workers = list(workers.check_in_workers(paths, checker, 1, limit, lost))
    assert sum(len(result.findings) for result in in_workers) > 50  # the comparison has substance
    for path, forked in zip(paths, in_workers):
        here = workers.check_in_process(path, checker, limit(path), lost)
        assert (here.path, _dicts(here)) == (forked.path, _dicts(forked))


@pytest.fixture()
def hostile(tmp_path, monkeypatch):
    from govlint.plugin_host import load_plugins

    plugin = tmp_path / "hostile_plugin.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def checker(timeout=None):
        settings = Settings(selection=Selection(select=("HX",)), root=str(tmp_path), plugins=(str(plugin),),
                            timeout=timeout)
        return Checker(load_plugins([str(plugin)]), settings)
    return tmp_path, checker


@posix_only
def test_one_file_is_checked_without_a_worker(hostile, monkeypatch):
    base, checker = hostile
    (base / "r.txt").write_text("0\n" + BODY, encoding="utf-8")
    (base / "s.txt").write_text("1\n" + BODY, encoding="utf-8")
    forked = list(workers.check_in_workers(["r.txt"], checker(), 1, lambda path: 10.0, None))

    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started")
    monkeypatch.setattr(workers, "check_in_workers", no_worker)
    [here] = list(iter_results(["r.txt"], checker()))
    assert _dicts(here) == _dicts(forked[0]) and [f.code for f in here.findings] == ["HX001"]
    with pytest.raises(AssertionError, match="a worker was started"):  # more files: workers, as before
        list(iter_results(["r.txt", "s.txt"], checker()))


@posix_only
def test_one_file_past_its_limit_is_the_workers_gl000(hostile):
    base, checker = hostile
    (base / "r.txt").write_text("LOOP\n" + BODY, encoding="utf-8")
    started = time.monotonic()
    [here] = list(iter_results(["r.txt"], checker(timeout=1.0)))
    assert time.monotonic() - started < 30  # a hang guard, not a speed claim
    [forked] = list(workers.check_in_workers(["r.txt"], checker(timeout=1.0), 1, lambda path: 1.0,
                                             lambda *lost: lost_result(checker(), *lost)))
    assert _dicts(here) == _dicts(forked)
    assert [f.code for f in here.findings] == ["GL000"]
    assert "检查超时" in here.findings[0].message and "规则 HX001" in here.findings[0].message
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left behind


@posix_only
def test_the_cli_reports_a_one_file_time_out(hostile):
    base, _checker = hostile
    (base / ".govlint.yaml").write_text("plugins: [hostile_plugin.py]\nselect: [HX]\n", encoding="utf-8")
    (base / "r.txt").write_text("LOOP\n" + BODY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "concise", "--timeout", "1", "r.txt"],
                          cwd=base, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "GL000" in proc.stdout and "检查超时" in proc.stdout and "HX001" in proc.stdout
    assert "Traceback" not in proc.stderr


@posix_only
def test_off_the_main_thread_one_file_goes_to_a_worker(hostile, monkeypatch):
    base, checker = hostile
    (base / "r.txt").write_text("0\n" + BODY, encoding="utf-8")
    used = []
    real = workers.check_in_workers
    monkeypatch.setattr(workers, "check_in_workers", lambda *args, **kwargs: used.append(1) or real(*args, **kwargs))
    found = []
    thread = threading.Thread(target=lambda: found.extend(iter_results(["r.txt"], checker())))
    thread.start()
    thread.join(120)
    [one] = found
    assert used == [1] and [f.code for f in one.findings] == ["HX001"]


# -- nested limits ----------------------------------------------------------------------------------
class Outer(BaseException):
    pass


@posix_only
def test_an_inner_limit_gives_the_enclosing_one_back():
    with pytest.raises(Outer):
        with time_limit(1.0, error=Outer):
            with time_limit(0.2):
                pass
            left, _ = signal.getitimer(signal.ITIMER_REAL)
            assert 0 < left <= 1.0
            time.sleep(5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@posix_only
def test_an_enclosing_limit_that_ends_first_stays_in_charge():
    with pytest.raises(Outer):
        with time_limit(0.3, error=Outer):
            with time_limit(30.0):
                time.sleep(5)


@posix_only
def test_an_inner_limit_fires_inside_an_enclosing_one():
    with time_limit(30.0, error=Outer):
        with pytest.raises(TimeLimitExceeded):
            with time_limit(0.2):
                time.sleep(5)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30.0
