"""Spans worked out on demand are the spans worked out up front.

The parser defers the span of every table cell and label (``govlint.span.deferred_span``):
few are ever read. The oracle is the parser resolving each one as it is placed.
"""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import DeferredCell, DeferredGrid, DeferredParagraph, Grid, LocatedCell, LocatedParagraph
from govlint.parser.sections import split_headings
from govlint.parser.serialize import report_to_dict
from govlint.parser.stream import DeferredPiece, Stream
from govlint.report import (DeferredLabel, DeferredMetadata, DeferredPeriod, DeferredReadings, DeferredSection,
                            DeferredTable, DeferredTableCell, TableCell)
from govlint.span import Span
from govlint.testing import load_document, parse_file


def _reports(fixtures):
    pages = sorted((fixtures / "corpus").iterdir())
    assert len(pages) > 20
    for page in pages:
        yield page, parse_file(page)


def test_deferred_spans_equal_the_eager_ones_on_the_corpus(fixtures, monkeypatch):
    lazy = {page.name: report_to_dict(report) for page, report in _reports(fixtures)}

    def eager(self, resolve, *args):
        fields = type(self).deferred_fields
        values = resolve(*args)
        for field, value in zip(fields, values if len(fields) > 1 else (values,)):
            setattr(self, field, value)
        return self

    for cls in (DeferredTableCell, DeferredLabel, DeferredCell, DeferredParagraph, DeferredPiece, LocatedCell,
                LocatedParagraph, DeferredGrid, DeferredTable, DeferredSection, DeferredPeriod, DeferredMetadata,
                DeferredReadings):
        monkeypatch.setattr(cls, "defer", eager)
        monkeypatch.setattr(cls, "__init__", _eager_init(cls.__init__, eager))
    cells = 0
    for page, report in _reports(fixtures):
        assert report_to_dict(report) == lazy[page.name], page.name
        cells += sum(len(t.cells) for t in report.tables.values())
    assert cells > 1000


def _eager_init(init, eager):
    """A constructor that works out at once what ``where=`` would defer."""
    def __init__(self, *args, where=None, **named):
        init(self, *args, **named)
        if where is not None:
            eager(self, *where)

    return __init__


_DEFERRED = (DeferredTableCell, DeferredLabel, DeferredCell, DeferredParagraph, DeferredPiece, LocatedCell,
             LocatedParagraph, DeferredGrid, DeferredTable, DeferredSection, DeferredPeriod, DeferredMetadata,
             DeferredReadings)
_ANY = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.builds(object))


@pytest.mark.parametrize("cls", [cls for cls in _DEFERRED if cls.deferred_stores], ids=lambda c: c.deferred_name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_constructor_that_stores_the_fields_makes_what_the_record_makes(cls, data):
    # ``stores=True`` claims the record's own __init__ only stores its parameters: the
    # subclass's constructor, storing them itself, must make the same object, deferred or not
    plain = cls.__mro__[1]
    values = [data.draw(_ANY) for _ in plain._fields]
    made, expected = cls(*values), plain(*values)
    assert all(getattr(made, f) is getattr(expected, f) is v for f, v in zip(plain._fields, values))
    settled = tuple(data.draw(_ANY) for _ in cls.deferred_fields)
    late = cls(*values, where=(lambda: settled if len(settled) > 1 else settled[0],))
    for field, value in zip(plain._fields, values):
        want = settled[cls.deferred_fields.index(field)] if field in cls.deferred_fields else value
        assert getattr(late, field) is want
    assert type(copy.copy(late)) is plain


def test_a_deferred_cell_behaves_as_a_plain_one():
    calls = []

    def resolve(start, end):
        calls.append((start, end))
        return Span(1, start, 1, end)

    plain = TableCell("r", "c", 1, "1", Span(1, 3, 1, 5), "表三")
    cell = DeferredTableCell("r", "c", 1, "1", None, "表三").defer(resolve, 3, 5)
    assert cell == plain and plain == cell and isinstance(cell, TableCell)
    assert cell.span == Span(1, 3, 1, 5) and cell.span is cell.span
    assert calls == [(3, 5)]  # worked out once
    for copied in (copy.deepcopy(cell), pickle.loads(pickle.dumps(cell))):
        assert type(copied) is TableCell and copied == plain
    cell.span = None  # an assigned span replaces a deferred one
    assert cell.span is None
    late = DeferredTableCell("r", "c", 1, "1", None, "表三").defer(resolve, 7, 9)
    late.span = Span(2, 1, 2, 2)
    assert late.span == Span(2, 1, 2, 2) and calls == [(3, 5)]


@pytest.mark.parametrize("cls", [DeferredTableCell, DeferredLabel])
def test_unread_spans_are_never_worked_out(cls):
    def resolve(start, end):
        raise AssertionError("read")

    args = ("r", "c", 1, "1") if cls is DeferredTableCell else ("标签", "key")
    obj = cls(*args).defer(resolve, 0, 1)
    assert obj.__class__.__name__ == cls.__mro__[1].__name__
    with pytest.raises(AssertionError):
        obj.span


def test_loader_offsets_give_the_stream_what_spans_gave(fixtures):
    # the HTML loader hands the parser each block's offsets (``at``); without them the stream
    # finds the text from the line/column span, as it does for every other loader
    pages = sorted((fixtures / "corpus").glob("*.html")) + sorted((fixtures / "seeds_html").glob("*.html"))
    assert pages
    for page in pages:
        document = load_document(page)
        fast = Stream(document, splitter=split_headings)
        blocks = [b for b in document.blocks]
        cells = [c for b in blocks if isinstance(b, Grid) for row in b.rows for c in row]
        assert sum(c.at is not None for c in cells) > 10
        for item in blocks + cells:
            if not isinstance(item, Grid):
                item.span = item.span  # resolved now, kept when ``at`` goes
                item.at = None
        plain = Stream(document, splitter=split_headings)
        assert [(p.text, p.start, p.base, p.span) for p in fast.pieces] == \
            [(p.text, p.start, p.base, p.span) for p in plain.pieces], page.name
        assert fast.text == plain.text and fast.split_headings == plain.split_headings
