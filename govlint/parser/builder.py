"""Shared by the table recognisers: turning values and label hits into a ``Table``."""

from __future__ import annotations

from govlint.parser.values import Value, number
from govlint.report import Label, Table, TableCell
from govlint.normalize import strip_space


class TableBuilder:
    def __init__(self, kind: str, stream):
        self.stream = stream
        self.table = Table(kind=kind)
        self.start: int | None = None
        self.end: int | None = None

    def label(self, hit, key):
        start, end = hit.start, hit.end
        text = strip_space(self.stream.raw[start:end].replace("\x1f", ""))
        self.table.labels.append(Label(text, key, self.stream.span(start, end)))
        self._extend(start, end)

    def cell(self, row: str, col: str, value: Value, location: str, amount: bool = False):
        start, end = value.start, value.end
        stream = self.stream
        raw = stream.raw[start:end]
        if value.kind == "num":
            parsed = number(value.text, amount)
            if value.split_from is not None:
                raw = f"{value.text}（拆分自“{value.split_from}”）"
        else:
            parsed = None
        self.table.cells[(row, col)] = TableCell(row, col, parsed, raw.strip(), stream.span(start, end), location)
        if self.start is None or start < self.start:
            self.start = start
        if self.end is None or end > self.end:
            self.end = end

    def problem(self, message: str):
        self.table.complete = False
        if message not in self.table.problems:
            self.table.problems.append(message)

    def _extend(self, start, end):
        self.start = start if self.start is None else min(self.start, start)
        self.end = end if self.end is None else max(self.end, end)

    def finish(self) -> Table:
        if self.start is not None:
            self.table.span = self.stream.span(self.start, self.end)
        return self.table
