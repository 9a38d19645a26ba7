"""``TableBuilder.counts`` builds its cells slot by slot: they are the cells the constructor builds.

The parser's commonest object is a table cell read from a row of counts; ``counts`` fills its
slots directly instead of calling ``DeferredTableCell(...)``. Every field must be set, and a
cell must equal (its span included, once read) the one the constructor gives for the same row.
"""

from __future__ import annotations

from govlint.format.location import row_locations
from govlint.parser.builder import TableBuilder
from govlint.parser.values import number
from govlint.report import DeferredTableCell, TableCell
from govlint.span import Span


class _Stream:
    """What the builder reads of a stream: the raw text and the span of an offset range."""

    raw = " 12\x1f\x1f3\x1f0\x1f 7 "

    @staticmethod
    def span(start, end):
        return Span(1, start + 1, 1, end + 1)


def test_counts_builds_the_cells_the_constructor_builds():
    stream = _Stream()
    builder = TableBuilder("table3", stream)
    columns = ["natural", "commercial", "research", "social", "legal"]
    cells = [(1, "12"), (4, ""), (5, "3"), (7, "0"), (10, "7")]
    builder.counts("new", columns, cells, amounts=("research",))
    locations = row_locations("table3", "new", tuple(columns))
    for (a, digits), col, location in zip(cells, columns, locations):
        b = a + len(digits)
        got = builder.table.cells[("new", col)]
        want = DeferredTableCell("new", col, number(digits, col == "research") if digits else None,
                                 stream.raw[a:b].strip(), None, location, None, where=(stream.span, a, b))
        assert type(got) is DeferredTableCell
        for field in TableCell._fields:  # every slot set, to the constructor's value
            assert getattr(got, field) == getattr(want, field), field
        assert got.span == stream.span(a, b)
    assert [cell.value for cell in builder.table.cells.values()] == [12, None, 3, 0, 7]
    assert (builder.start, builder.end) == (1, 11)


def test_label_builds_the_label_the_constructor_builds():
    from govlint.parser.labels import Hit
    from govlint.report import DeferredLabel, Label

    stream = _Stream()
    builder = TableBuilder("table3", stream)
    builder.label(Hit("row", "new", 0, 3), "new")
    got = builder.table.labels[0]
    want = DeferredLabel("12", "new", where=(stream.span, 0, 3))
    assert type(got) is DeferredLabel
    for field in Label._fields:
        assert getattr(got, field) == getattr(want, field), field
    assert (builder.start, builder.end) == (0, 3)
