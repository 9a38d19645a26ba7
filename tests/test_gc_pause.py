"""The cycle collector pauses while one file is checked (the report model is acyclic) and
resumes after it, in whatever state the caller left it."""

from __future__ import annotations

import gc
import weakref

import pytest

from govlint.engine import Checker, Settings
from govlint.findings import Finding
from govlint.gc_pause import collector_paused
from govlint.plugin_host import load_plugins
from govlint.rule import Rule
from govlint.selection import Selection

class _Node:
    """An object that can be watched with a weak reference."""


REPORT = "一、总体情况\n本机关全年主动公开政府信息12条。\n二、主动公开政府信息情况\n见下表。\n"


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_the_collector_is_off_inside_and_restored_after_even_on_an_error(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # a caller that switched it off keeps it off


def test_a_file_is_checked_with_the_collector_paused_and_cycles_are_collected_after(tmp_path, collector_on):
    seen, left = [], []

    class Probe(Rule):
        """Notes whether the collector runs during the check, and leaves a cycle behind."""

        code = "TS010"
        name = "probe"
        severity = "info"
        summary = "probe"

        def check(self, report, ctx):
            seen.append(gc.isenabled())
            node = _Node()
            node.itself = node  # garbage only the collector frees
            left.append(weakref.ref(node))
            yield Finding("probe", location="x")

    registry = load_plugins()
    registry.rules["TS010"] = Probe()
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = Checker(registry, Settings(selection=Selection(select=("TS010",)))).check_file(str(tmp_path / "r.txt"))
    assert [f.code for f in result.findings] == ["TS010"] and seen == [False]
    assert gc.isenabled()
    gc.collect()
    assert left[0]() is None  # the cycle left behind is collected once the collector runs again
