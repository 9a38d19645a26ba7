"""Fuzzing: mutated real reports end in findings, never in a traceback, a hang or GL000.

Hypothesis picks a real report from tests/fixtures/fuzz (a plain-text, an HTML, a Markdown and
a Word report) and 1–3 mutators from ``fuzz.mutators`` (byte flips, truncation, duplicated and
nested tables, absurd spans, wrong charsets, huge numbers, control characters, deep nesting,
very long lines, BOMs and UTF-16), and runs the result through the real engine with every
installed plugin. The examples are derandomised so CI sees the same inputs on every run and
stays at about a minute; the hand-run campaign (``python tests/fuzz/campaign.py``) explores
far more with the same mutators.

The time guard only turns a hang into a failure naming the input; how the work grows with
the input is measured by counting in the perf tests, not here.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.harness import Outcome, check_bytes, checker, findings_problems
from fuzz.mutators import MUTATORS, SUFFIX_FORMAT, TEXT_FORMATS, applicable, mutate

SEEDS = sorted(p for p in (Path(__file__).parent / "fixtures" / "fuzz").iterdir()
               if p.suffix.lower() in SUFFIX_FORMAT)
#: seconds one input may take before it counts as a hang (the engine's own limit is 10 s for a
#: small file; this is generous because CI machines are shared)
HANG_SECONDS = 30.0
EXAMPLES = int(os.environ.get("GOVLINT_FUZZ_EXAMPLES", "150"))

_checker = None


def shared_checker():
    global _checker
    if _checker is None:
        _checker = checker()
    return _checker


@st.composite
def hostile_inputs(draw):
    seed = draw(st.sampled_from(SEEDS))
    fmt = SUFFIX_FORMAT[seed.suffix.lower()]
    names = draw(st.lists(st.sampled_from(applicable(fmt)), min_size=1, max_size=3))
    salt = draw(st.integers(0, 2**32 - 1))
    data, _ = mutate(seed.read_bytes(), fmt, random.Random(salt), names)
    return seed, names, salt, data


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_inputs())
def test_a_mutated_report_ends_in_findings(case):
    seed, names, salt, data = case
    outcome = check_bytes(shared_checker(), data, seed.suffix, HANG_SECONDS)
    where = f"{seed.name} + {'+'.join(names)} (salt {salt}, {len(data)} bytes)"
    assert not outcome.problems, f"{where}:\n" + "\n".join(f"{k}: {d}" for k, d in outcome.problems)
    assert all(f.path for f in outcome.findings), where


# -- the machinery itself ----------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(MUTATORS))
def test_each_mutator_changes_a_report_it_applies_to_and_repeats_with_its_seed(name):
    changed = 0
    for seed in SEEDS:
        fmt = SUFFIX_FORMAT[seed.suffix.lower()]
        if name not in applicable(fmt):
            continue
        data = seed.read_bytes()
        outs = [MUTATORS[name](data, random.Random(s), fmt) for s in range(6)]
        assert outs[:3] == [MUTATORS[name](data, random.Random(s), fmt) for s in range(3)]
        changed += sum(out != data for out in outs)
    assert changed, f"{name} never changed any seed report"


def test_every_seed_format_is_present():
    assert {SUFFIX_FORMAT[p.suffix.lower()] for p in SEEDS} >= set(TEXT_FORMATS) | {"docx"}


def test_the_guard_turns_a_hang_into_a_timeout_naming_no_finding():
    class Endless:
        def check_file(self, path):
            while True:
                pass

    outcome = check_bytes(Endless(), b"x", ".txt", 0.2)
    assert [k for k, _ in outcome.problems] == ["timeout"] and outcome.seconds < 5


def test_an_escaping_exception_and_a_gl000_are_both_problems():
    from govlint.engine import FileResult
    from govlint.findings import Finding, Severity

    class Raising:
        def check_file(self, path):
            raise IndexError("odd markup")

    class Contained:
        def check_file(self, path):
            return FileResult(path, [Finding("规则 X 运行出错", code="GL000", severity=Severity.ERROR)])

    assert check_bytes(Raising(), b"x", ".txt", 5).kinds == ["exception"]
    assert check_bytes(Contained(), b"x", ".txt", 5).kinds == ["gl000"]
    assert [k for k, _ in findings_problems([Finding("m", code="gl-1", severity=Severity.ERROR)])] == ["invalid"]
    assert Outcome(0.0).kinds == []
