"""Plugin API safety: a mistyped cell key fails loudly; a missing cell is still None."""

from __future__ import annotations

import pytest

from govlint.format import UnknownCellKey, cell_keys
from govlint.report import Table, TableCell


def _table() -> Table:
    table = Table(kind="table3")
    table.cells[("new", "natural")] = TableCell("new", "natural", 8, "8")
    table.cells[("new", "total")] = TableCell("new", "total", None, "", values=(8, 80))
    return table


@pytest.mark.parametrize("row, col, named", [("new", "totl", "totl"), ("nwe", "total", "nwe")])
def test_a_mistyped_key_raises_and_names_the_valid_keys(row, col, named):
    table = _table()
    for lookup in (table.get, table.value, table.values):
        with pytest.raises(UnknownCellKey) as raised:
            lookup(row, col)
        message = str(raised.value)
        assert named in message
        # the valid keys of the mistyped part are listed, so the author sees the right spelling
        valid = cell_keys("table3")[1 if col == "totl" else 0]
        assert all(key in message for key in valid)
    assert isinstance(raised.value, KeyError)


def test_a_valid_key_the_report_lacks_is_none_not_an_error():
    table = _table()
    assert table.get("carried_over", "natural") is None
    assert table.value("carried_over", "natural") == 0
    assert table.value("carried_over", "natural", blank=None) is None
    assert table.values("carried_over", "natural") == ()


def test_a_glued_cell_has_no_single_value_but_its_possible_values():
    table = _table()
    assert table.value("new", "total") is None
    assert table.values("new", "total") == (8, 80)
    assert table.values("new", "natural") == (8,)


def test_every_format_kind_lists_its_keys_and_others_are_not_checked():
    for kind in ("table2", "table3", "table4"):
        rows, cols = cell_keys(kind)
        assert rows and cols
    plugin_table = Table(kind="my_plugin_table")
    assert plugin_table.get("anything", "at all") is None
