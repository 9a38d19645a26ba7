"""The SQLite facts provider answers every question as the in-memory one does."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.corpus.provider import MemoryFacts
from govlint.store.database import Store
from govlint.store.facts import StoreFacts

paths = st.text(alphabet=st.sampled_from("ab/平潭.1"), min_size=1, max_size=6)
records = st.builds(
    lambda path, agency, year, published, extra: {"path": path, "agency": agency, "year": year,
                                                  "published": published, "tables": {"table3": {"x": extra}}},
    paths, st.none() | st.sampled_from(["平潭综合实验区", "公安局", "财政局"]),
    st.none() | st.integers(2015, 2026), st.none() | st.sampled_from(["2024-01-05", "2024-03-01"]),
    st.lists(st.integers(0, 10**12) | st.none(), max_size=3))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=60)
@given(st.lists(records, max_size=12))
def test_store_facts_equal_memory_facts(items):
    store = Store.open_temporary()
    try:
        stored, memory = StoreFacts(store), MemoryFacts()
        for record in items:
            stored.add(record)
            memory.add(record)
        assert list(stored) == list(memory)
        assert len(stored) == len(memory)
        assert stored.agencies() == memory.agencies()
        for agency in memory.agencies() + ["无此机关"]:
            assert stored.by_agency(agency) == memory.by_agency(agency)
        for record in items:
            assert stored.get(record["path"]) == memory.get(record["path"])
    finally:
        store.close()


def test_an_undecodable_file_name_is_kept():
    store = Store.open_temporary()
    try:
        facts = StoreFacts(store)
        facts.add({"path": "报告\udcff.txt", "agency": "甲"})
        assert facts.get("报告\udcff.txt") == {"path": "报告\udcff.txt", "agency": "甲"}
    finally:
        store.close()


def test_two_runs_on_one_store_do_not_see_each_other(tmp_path):
    first, second = Store(tmp_path / "s.sqlite3"), Store(tmp_path / "s.sqlite3")
    try:
        one, two = StoreFacts(first), StoreFacts(second)
        one.add({"path": "a.txt", "agency": "甲"})
        two.add({"path": "b.txt", "agency": "甲"})
        assert [r["path"] for r in one] == ["a.txt"]
        assert [r["path"] for r in two.by_agency("甲")] == ["b.txt"]
    finally:
        first.close()
        second.close()
    third = Store(tmp_path / "s.sqlite3")
    assert third.db.execute("SELECT COUNT(*) FROM run_files").fetchone() == (0,), "finished runs leave nothing"
    third.close()


class SmallSpool(MemoryFacts):
    SPOOL_BYTES = 64  # a record or two in memory, then the temporary file


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=40)
@given(st.lists(records, max_size=12))
def test_memory_facts_answer_alike_before_and_after_the_spool_moves_to_disk(items):
    small, large = SmallSpool(), MemoryFacts()
    for record in items:
        small.add(record)
        large.add(record)
    assert list(small) == list(large) and small.agencies() == large.agencies()
    for record in items:
        assert small.get(record["path"]) == large.get(record["path"])
    if sum(len(repr(r)) for r in items) > 4 * SmallSpool.SPOOL_BYTES:
        assert not hasattr(small._spool, "getbuffer")  # it did move
