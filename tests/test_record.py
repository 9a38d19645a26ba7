"""Records (``govlint.record``) keep what the dataclasses they replace gave: a repr, equality
and (frozen) hashing over the fields, assignment refused on a frozen one, ``replace``, copies
and pickles; and every record's hand-written ``__init__`` takes exactly its fields, in order."""

import copy
import dataclasses
import importlib
import inspect
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.record import Frozen, Record, as_dict, replace
from govlint.span import Span

#: the modules whose records a check creates
MODULES = ("govlint.config", "govlint.config_keys", "govlint.discovery", "govlint.document", "govlint.engine",
           "govlint.entry_points", "govlint.executors", "govlint.findings", "govlint.fixes", "govlint.format.records",
           "govlint.parser.labels", "govlint.parser.sections", "govlint.parser.stream", "govlint.parser.values",
           "govlint.plugin_host", "govlint.report", "govlint.reporters.base", "govlint.reporters.table_view",
           "govlint.rule", "govlint.selection", "govlint.span", "govlint.suppressions", "govlint_rules._arith",
           "govlint_rules._common", "govlint_rules.claims._claims", "govlint_rules.fees._fees")


def records() -> list[type]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        found += [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, Record)
                  and c.__module__ == name and "_fields" in vars(c)]
    return found


@pytest.mark.parametrize("cls", records(), ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_init_takes_the_fields_in_order(cls):
    params = [p for p in inspect.signature(cls.__init__).parameters.values()][1:]
    assert [p.name for p in params][:len(cls._fields)] == list(cls._fields)
    assert set(cls._fields) <= set(cls.__slots__)
    assert not dataclasses.is_dataclass(cls)


ints = st.integers(min_value=1, max_value=10**6)


@given(a=st.tuples(ints, ints, ints, ints), b=st.tuples(ints, ints, ints, ints))
def test_a_frozen_record_compares_and_hashes_by_its_fields(a, b):
    x, y = Span(*a), Span(*b)
    assert (x == y) is (a == b)
    if a == b:
        assert hash(x) == hash(y)
    assert repr(x) == "Span(line={}, column={}, end_line={}, end_column={})".format(*a)
    assert pickle.loads(pickle.dumps(x)) == x and copy.deepcopy(x) == x
    assert replace(x, line=b[0]) == Span(b[0], *a[1:])
    assert as_dict(x) == dict(zip(("line", "column", "end_line", "end_column"), a))


def test_a_frozen_record_refuses_assignment_as_a_frozen_dataclass_does():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Span(1, 1, 1, 2).line = 3
    with pytest.raises(TypeError):
        replace(Span(1, 1, 1, 2), row=3)


def test_a_mutable_record_is_unhashable_and_equal_only_to_its_own_class():
    from govlint.findings import Finding

    class Other(Record):
        __slots__ = _fields = ("message",)

        def __init__(self, message):
            self.message = message

    f = Finding("问题", code="GL201", properties={"a": 1})
    assert f == Finding("问题", code="GL201", properties={"a": 1}) and f != Other("问题")
    assert f.with_(code="GL202").code == "GL202" and f.code == "GL201"
    with pytest.raises(TypeError):
        hash(f)
    assert pickle.loads(pickle.dumps(f)) == f
    assert issubclass(Span, Frozen)
