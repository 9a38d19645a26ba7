"""govlint.regex_cache: a pattern built from stored code is the pattern re.compile makes."""

import importlib
import re

import pytest

from govlint import regex_cache

SAMPLE = ("一、总体情况\n（七）总计 1 2 3\n2023年度收到政府信息公开申请 12 件，收取信息处理费 0 元。"
          "<!-- govlint: disable=GL201 -->\n发布日期：2024-01-15 浏览次数: 99 \x1f 本年新收政府信息公开申请数量")


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """The module with no table loaded, storing under ``tmp_path``."""
    import govlint.entry_points

    monkeypatch.setattr(govlint.entry_points, "CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_table", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    return tmp_path


def _every_pattern() -> list[tuple]:
    """(source, flags) of every lazy pattern of govlint and its rule pack, and the label sets."""
    import pkgutil

    import govlint
    import govlint_rules
    from govlint.lazy_re import LazyPattern
    from govlint.parser import labels

    found = []
    for package in (govlint, govlint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                items = value if isinstance(value, tuple) else (value,)
                for item in items:
                    item = item[1] if isinstance(item, tuple) and len(item) == 2 else item
                    if isinstance(item, LazyPattern):
                        found.append((item.pattern, item._flags))
    for make in (labels.table2_labels, labels.table3_labels, labels.table4_labels):
        found.append((make()._regex.pattern, 0))
    return found


def test_stored_patterns_match_as_compiled_ones(fresh_cache):
    patterns = _every_pattern()
    assert len(patterns) > 50
    for source, flags in patterns:  # first run: compiled and stored
        regex_cache.compile(source, flags)
    regex_cache.save()
    regex_cache._table = None  # a later run: read from the file
    for source, flags in patterns:
        built, plain = regex_cache.compile(source, flags), re.compile(source, flags)
        assert (built.pattern, built.flags, built.groups, built.groupindex) == \
               (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        text = SAMPLE.encode("utf-8") if isinstance(source, bytes) else SAMPLE
        assert [m.span() for m in built.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert not regex_cache._new  # every one came from the file


def test_a_damaged_file_means_compiling_as_usual(fresh_cache):
    regex_cache.compile(r"(?P<n>\d+)件")
    regex_cache.save()
    for path in fresh_cache.iterdir():
        path.write_bytes(b"\x00not marshal")
    regex_cache._table = None
    pattern = regex_cache.compile(r"(?P<n>\d+)件")
    assert pattern.search("共 12件").group("n") == "12"
