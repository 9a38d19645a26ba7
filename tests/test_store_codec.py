"""Findings go into the cache as JSON and come back equal, field for field, or are not cached."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.findings import Finding, Identity, Related, Severity, TableCells
from govlint.fixes import Edit, Fix
from govlint.span import Span
from govlint.store import codec

text = st.text(max_size=30)
spans = st.builds(Span, st.integers(1, 10**6), st.integers(1, 10**4), st.integers(1, 10**6), st.integers(1, 10**4))
json_values = st.recursive(st.none() | st.booleans() | st.integers(-2**53, 2**53) | text
                           | st.floats(allow_nan=False, allow_infinity=False),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                           max_leaves=12)
cell_keys = st.lists(st.tuples(text, text), max_size=2).map(tuple)
identities = st.builds(Identity, cell_keys, cell_keys, st.sampled_from(["=", "<="]))
findings = st.builds(
    Finding, message=text.filter(bool), span=st.none() | spans, location=text, code=text, name=text,
    severity=st.none() | st.sampled_from(list(Severity)), path=text,
    properties=st.dictionaries(text, json_values, max_size=5), snippet=text, root_path=text,
    related=st.lists(st.builds(Related, st.none() | spans, text, text), max_size=3).map(tuple),
    fix=st.none() | st.builds(Fix, st.lists(st.builds(Edit, spans, text, text), min_size=1, max_size=3).map(tuple),
                              st.booleans(), text),
    cells=st.none() | st.builds(TableCells, text, st.lists(identities, max_size=2).map(tuple)))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(findings, max_size=5))
def test_findings_round_trip_exactly(items):
    assert codec.decode(codec.encode(items)) == items


def test_tuples_decimals_and_tag_like_keys_come_back_as_they_were():
    from decimal import Decimal

    items = [Finding("消息", properties={"pair": (1, Decimal("2.50")), "$": "tag", "nested": [{"$": "tuple"}]})]
    assert codec.decode(codec.encode(items)) == items


def test_a_real_table_excerpt_round_trips(tmp_path):
    """The findings of a real report, with the excerpts the worker draws, survive the cache."""
    from govlint.engine import Checker, Settings
    from govlint.plugin_host import load_plugins

    from conftest import FIXTURES

    result = Checker(load_plugins(entry_points=False), Settings()).check_file(str(FIXTURES / "corpus" / "2019_shanghai_bgt.html"))
    assert any(f.table is not None for f in result.findings), "the report has findings on table cells"
    assert codec.decode(codec.encode(result.findings)) == result.findings


@pytest.mark.parametrize("properties", [{"key": {1: "int key"}}, {"x": float("nan")}, {"obj": object()}])
def test_what_json_would_change_is_not_cached(properties):
    with pytest.raises(codec.Uncacheable):
        codec.encode([Finding("消息", properties=properties)])


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(text, json_values, max_size=6))
def test_facts_round_trip(facts):
    assert codec.decode_facts(codec.encode_facts(facts)) == facts
