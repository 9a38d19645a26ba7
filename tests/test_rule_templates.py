"""A rule's ``templates``: the engine runs it only on reports in a format it was written for."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule
from govlint.testing import lint_text

CASES = Path(__file__).parent / "rules" / "cases" / "reports"
PRE2019 = (CASES / "pre2019_2017.txt").read_text(encoding="utf-8")
CLEAN = (CASES / "clean_2023.md").read_text(encoding="utf-8")


class Modern(Rule):
    """Says hello to every report of the 2019/2021 format."""

    code = "XT101"
    name = "modern-hello"
    severity = "warning"
    summary = "hello"
    templates = TEMPLATES

    def check(self, report, ctx):
        yield Finding("hello")


class Any(Modern):
    """Says hello to every report."""

    code = "XT102"
    name = "any-hello"
    templates = ()


def _codes(text, format="text"):
    return sorted(f.code for f in lint_text(text, format=format, rules=[Modern(), Any()], select=["XT"]))


def test_a_rule_for_the_2019_2021_format_is_skipped_on_a_pre_2019_report():
    assert _codes(PRE2019) == ["XT102"]


def test_it_runs_on_a_2021_report():
    assert _codes(CLEAN, "markdown") == ["XT101", "XT102"]


def test_unknown_and_hybrid_formats_are_checked_by_rules_for_2019_or_2021():
    rule = Modern()
    assert rule.applies_to(SimpleNamespace(template=None))
    assert rule.applies_to(SimpleNamespace(template="hybrid"))
    assert rule.applies_to(SimpleNamespace(template="2019"))
    assert not rule.applies_to(SimpleNamespace(template="pre2019"))
    assert Any().applies_to(SimpleNamespace(template="pre2019"))
