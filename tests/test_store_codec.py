"""Findings go into the cache as JSON and come back equal, field for field, or are not cached."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.findings import Finding, Related, Severity
from govlint.fixes import Edit, Fix
from govlint.span import Span
from govlint.store import codec

text = st.text(max_size=30)
spans = st.builds(Span, st.integers(1, 10**6), st.integers(1, 10**4), st.integers(1, 10**6), st.integers(1, 10**4))
json_values = st.recursive(st.none() | st.booleans() | st.integers(-2**53, 2**53) | text
                           | st.floats(allow_nan=False, allow_infinity=False),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                           max_leaves=12)
findings = st.builds(
    Finding, message=text.filter(bool), span=st.none() | spans, location=text, code=text, name=text,
    severity=st.none() | st.sampled_from(list(Severity)), path=text,
    properties=st.dictionaries(text, json_values, max_size=5), snippet=text, root_path=text,
    related=st.lists(st.builds(Related, st.none() | spans, text, text), max_size=3).map(tuple),
    fix=st.none() | st.builds(Fix, st.lists(st.builds(Edit, spans, text, text), min_size=1, max_size=3).map(tuple),
                              st.booleans(), text))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(findings, max_size=5))
def test_findings_round_trip_exactly(items):
    assert codec.decode(codec.encode(items)) == items


@pytest.mark.parametrize("properties", [{"pair": (1, 2)}, {"key": {1: "int key"}}, {"x": float("nan")},
                                        {"obj": object()}])
def test_what_json_would_change_is_not_cached(properties):
    with pytest.raises(codec.Uncacheable):
        codec.encode([Finding("消息", properties=properties)])


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(text, json_values, max_size=6))
def test_facts_round_trip(facts):
    assert codec.decode_facts(codec.encode_facts(facts)) == facts
