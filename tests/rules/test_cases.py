"""The example tests of the built-in rules: one YAML case file per code, in cases/.

Each case is a report (inline, or a fixture edited by ``replace``) and every finding of the
selected codes expected on it; ``govlint.testing.check_case`` runs it through the real loader,
parser and engine, as ``govlint check`` would. Which tests cover GL201? cases/GL201.yaml.
Property tests (test_rules_properties.py) and the seed and corpus tests stay apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.testing import check_case, load_cases
from govlint_rules import all_rules

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in load_cases(path):
            yield pytest.param(case, id=f"{case['code']}: {case['name']}")


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case):
    check_case(case)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_has_a_failing_and_a_passing_case(rule):
    path = CASES / f"{rule.code}.yaml"
    assert path.exists(), f"no case file {path.name} for {rule.code}"
    cases = load_cases(path)
    assert all(case["code"] == rule.code for case in cases)
    assert any(any(e.get("code", rule.code) == rule.code for e in case.get("expect") or ()) for case in cases), \
        f"{path.name} has no failing case"
    assert any(not case.get("expect") for case in cases), f"{path.name} has no passing case"


def test_a_case_fails_on_a_wrong_field_a_missing_finding_or_an_edit_that_misses():
    case = {"code": "GL002", "name": "notice", "text": "关于开展政务公开培训的通知\n", "expect": [{"location": "全文"}]}
    check_case(case)
    with pytest.raises(AssertionError, match="location = '全文', expected '正文'"):
        check_case(dict(case, expect=[{"location": "正文"}]))
    with pytest.raises(AssertionError, match="expected 0 findings, got 1"):
        check_case(dict(case, expect=[]))
    with pytest.raises(AssertionError, match="properties\\['x'\\]"):
        check_case(dict(case, expect=[{"properties": {"x": 1}}]))
    with pytest.raises(ValueError, match="does not occur"):
        check_case(dict(case, replace=[["通报", "通知"]]))
