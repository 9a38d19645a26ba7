"""Shared by the table recognisers: turning values and label hits into a ``Table``.

Cells cut from a row with several readings are linked through the row's ``Readings``, built
in ``finish`` once every cell of the row is placed; a recogniser may then narrow them
(``narrow``: table 三 adopts the only reading that balances the row's own 总计).
"""

from __future__ import annotations

from govlint.format.location import location as cell_location
from govlint.format.location import row_locations
from govlint.parser.values import Unseparable, Value, number
from govlint.report import DeferredLabel, DeferredReadings, DeferredTable, DeferredTableCell
from govlint.normalize import strip_space


class TableBuilder:
    def __init__(self, kind: str, stream):
        self.stream = stream
        self.table = DeferredTable(kind=kind)
        self.start: int | None = None
        self.end: int | None = None
        #: a hook ``narrow(table, readings)`` run on each row's readings when the table is done
        self.narrow = None
        self._glued: dict[int, tuple] = {}   # id(Glued) → (Glued, [(key, amount)])

    def label(self, hit, key):
        start, end = hit.start, hit.end
        stream = self.stream
        # the label as printed, without white space (piece breaks are white space too); built
        # slot by slot as ``DeferredLabel(text, key, where=(stream.span, start, end))`` builds it
        label = object.__new__(DeferredLabel)
        label.text, label.key, label._where = strip_space(stream.raw[start:end]), key, (stream.span, start, end)
        self.table.labels.append(label)
        if self.start is None or start < self.start:
            self.start = start
        if self.end is None or end > self.end:
            self.end = end

    def cell(self, row: str, col: str, value: Value, location: str, amount: bool = False):
        start, end = value.start, value.end
        stream = self.stream
        raw = stream.raw[start:end]
        values = None
        if value.options is not None:
            parsed = None
            values = tuple(sorted({_reading_number(t, amount) for t in value.options}))
            raw = f"{value.split_from}（拆分不唯一：{'、'.join(value.options)}）"
        elif value.kind == "num":
            parsed = number(value.text, amount)
            if value.split_from is not None:
                raw = f"{value.text}（拆分自“{value.split_from}”）"
        else:
            parsed = None
        self.table.cells[(row, col)] = DeferredTableCell(row, col, parsed, raw.strip(), None, location,
                                                         values).defer(stream.span, start, end)
        if value.glued is not None:
            self._glued.setdefault(id(value.glued), (value.glued, []))[1].append(((row, col), amount))
        if self.start is None or start < self.start:
            self.start = start
        if self.end is None or end > self.end:
            self.end = end

    def row(self, row: str, columns, values, amounts=()):
        """Place a row's values in ``columns`` (``amounts``: the columns holding amounts).

        ``cell`` for each, with what every cell of the row shares looked up once: a report
        places a few hundred cells, and a value read as printed (no cut, no readings) needs
        no more than its text, its number and its deferred span.
        """
        kind, cells = self.table.kind, self.table.cells
        raw_text, span = self.stream.raw, self.stream.span
        start, end = self.start, self.end
        for col, value in zip(columns, values):
            amount = col in amounts
            if value.options is not None or value.glued is not None or value.split_from is not None:
                self.cell(row, col, value, cell_location(kind, row, col), amount)
                start, end = self.start, self.end
                continue
            a, b = value.start, value.end
            parsed = number(value.text, amount) if value.kind == "num" else None
            cells[(row, col)] = DeferredTableCell(row, col, parsed, raw_text[a:b].strip(), None,
                                                  cell_location(kind, row, col), None, where=(span, a, b))
            if start is None or a < start:
                start = a
            if end is None or b > end:
                end = b
        self.start, self.end = start, end

    def counts(self, row: str, columns, cells, amounts=()):
        """``row`` for a row of counts and blank cells as ``values.count_cells`` reads it
        (folded digits, "" for a blank cell), one per column, without a value token per cell.

        Each cell is built slot by slot, as ``DeferredTableCell(row, col, value, raw, None,
        location, None, where=(stream.span, a, b))`` builds it (``tests/test_table_builder.py``
        holds the two equal): the commonest object of a parsed report, a constructor call
        costs it more than all its fields."""
        kind = self.table.kind
        table_cells, raw_text, span = self.table.cells, self.stream.raw, self.stream.span
        start, end = self.start, self.end
        new = object.__new__
        for col, (a, digits), location in zip(columns, cells, row_locations(kind, row, tuple(columns))):
            b = a + len(digits)
            cell = table_cells[(row, col)] = new(DeferredTableCell)
            cell.row, cell.col, cell.raw, cell.location = row, col, raw_text[a:b].strip(), location
            cell.value = number(digits, col in amounts) if digits else None
            cell.values = cell.inferred = None
            cell._where = (span, a, b)
            if start is None or a < start:
                start = a
            if end is None or b > end:
                end = b
        self.start, self.end = start, end

    def problem(self, message: str, reason: str | None = None):
        """Record what the published table lacks; a ``reason`` that is ``Unseparable`` is about
        the extraction instead (GL105), and leaves the table complete."""
        if isinstance(reason, Unseparable):
            if message not in self.table.unreadable:
                self.table.unreadable.append(message)
            return
        self.table.complete = False
        if message not in self.table.problems:
            self.table.problems.append(message)

    def finish(self) -> Table:
        if self.start is not None:
            self.table.defer(self.stream.span, self.start, self.end)
        for glued, placed in self._glued.values():
            keys = tuple(key for key, _ in placed)
            values = tuple(tuple(_reading_number(text, amount) for text, (_, amount) in zip(reading, placed))
                           for reading in glued.readings)
            group = DeferredReadings(glued.runs, keys, values, len(values)).defer(
                self.stream.span, glued.start, glued.end)
            self.table.readings.append(group)
            if self.narrow is not None:
                self.narrow(self.table, group)
        self._glued = {}
        return self.table


def _reading_number(text: str, amount: bool):
    """A reading's cell as a number: a blank mark among the runs (``-``) counts as 0."""
    parsed = number(text, amount)
    return 0 if parsed is None else parsed
