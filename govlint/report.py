"""The Report: what govlint understood of an annual report.

Built by the report parser from a Document; read by the rules. Plain dataclasses, so a rule
author can explore a report in a REPL (``govlint parse --format json`` prints the same).

Canonical keys (stable; rules and JSON output use them):

- sections: ``overview`` (一、总体情况), ``proactive`` (二、主动公开政府信息情况),
  ``requests`` (三、收到和处理政府信息公开申请情况), ``appeals`` (四、行政复议、行政诉讼情况),
  ``problems`` (五、存在的主要问题及改进情况), ``other`` (六、其他需要报告的事项);
- tables: ``table2``, ``table3``, ``table4``; their row, column and group keys are listed in
  ``govlint.format``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Iterator, Union

from govlint.document import Document
from govlint.record import Record
from govlint.span import Span, deferred_span

Number = Union[int, Decimal]

SECTION_KEYS = ("overview", "proactive", "requests", "appeals", "problems", "other")


class TableCell(Record):
    """One numeric cell of a recognised statistical table.

    ``value`` is an ``int`` for counts, a ``Decimal`` for amounts (万元), or ``None`` when the
    cell is blank or not a number (``raw`` keeps the text as printed). ``location`` is the
    logical location shown to users, e.g. ``表三 / 一、本年新收政府信息公开申请数量 / 自然人``.

    A cell cut out of a glued digit run that can be split several ways has ``value`` None and
    ``values`` the sorted tuple of its possible values (the row's ``Readings`` links it to the
    other cells of the run); a cell with one possible value is simply known (``values`` None).
    ``inferred`` names the narrowing that chose ``value`` when the source alone does not fix
    it: ``"row-total"``, the only reading of the run that balances the row's own 总计.
    """

    __slots__ = _fields = ("row", "col", "value", "raw", "span", "location", "values", "inferred")

    def __init__(self, row: str, col: str, value: Number | None, raw: str, span: Span | None = None,
                 location: str = "", values: tuple[Number, ...] | None = None,
                 inferred: str | None = None) -> None:
        self.row = row
        self.col = col
        self.value = value
        self.raw = raw
        self.span = span
        self.location = location
        self.values = values
        self.inferred = inferred


class Readings(Record):
    """The ways a row's glued digit runs can be cut into the row's cells.

    Cells of one row are linked: choosing one cell's value constrains the others, so a check
    that needs several cells of the row evaluates them reading by reading; cells of different
    rows are independent. ``cells`` are the (row, col) keys the runs fill, in order;
    ``values`` holds one tuple per reading, aligned with ``cells``; ``count`` is the number of
    readings the source allows (``len(values)`` unless ``inferred`` narrowed them to one).
    """

    __slots__ = _fields = ("runs", "cells", "values", "count", "span", "inferred")

    def __init__(self, runs: tuple[str, ...], cells: tuple[tuple[str, str], ...],
                 values: tuple[tuple[Number, ...], ...], count: int, span: Span | None = None,
                 inferred: str | None = None) -> None:
        self.runs = runs
        self.cells = cells
        self.values = values
        self.count = count
        self.span = span
        self.inferred = inferred

    def index(self, row: str, col: str) -> int | None:
        try:
            return self.cells.index((row, col))
        except ValueError:
            return None


class Label(Record):
    """A row or column label of a table as printed (used by the template rules)."""

    __slots__ = _fields = ("text", "key", "span")

    def __init__(self, text: str, key: str | None, span: Span | None = None) -> None:
        self.text = text
        self.key = key
        self.span = span


#: a cell and a label whose span the parser works out only when something reads it
DeferredTableCell = deferred_span(TableCell, "DeferredTableCell", stores=True)
DeferredLabel = deferred_span(Label, "DeferredLabel", stores=True)
#: likewise a row's readings (its span is the run of glued digits)
DeferredReadings = deferred_span(Readings, "DeferredReadings")


class Table(Record):
    """A statistical table (表二, 表三 or 表四) recognised against the templates.

    ``complete`` is False when the published table lacks a required row, column or cell;
    ``problems`` says which (GL104). Rules check every identity whose cells are present.
    ``readings`` holds the rows whose glued digits can be cut several ways (GL105 lists them;
    checks run over their readings); ``unreadable`` the rows whose digits allow more than
    ``govlint.parser.glued.MAX_READINGS`` cuts, whose cells are left out.
    For table 4, ``row`` is the group key and ``col`` the outcome key.
    """

    __slots__ = _fields = ("kind", "template", "complete", "problems", "cells", "labels", "span",
                           "readings", "unreadable")

    def __init__(self, kind: str, template: str | None = None, complete: bool = True,
                 problems: list[str] | None = None,
                 cells: dict[tuple[str, str], TableCell] | None = None,
                 labels: list[Label] | None = None, span: Span | None = None,
                 readings: list[Readings] | None = None, unreadable: list[str] | None = None) -> None:
        self.kind = kind
        self.template = template
        self.complete = complete
        self.problems = [] if problems is None else problems
        self.cells = {} if cells is None else cells
        self.labels = [] if labels is None else labels
        self.span = span
        self.readings = [] if readings is None else readings
        self.unreadable = [] if unreadable is None else unreadable

    def reading_of(self, row: str, col: str) -> Readings | None:
        """The readings a cell belongs to, when it was cut from a run with several readings."""
        for group in self.readings:
            if (row, col) in group.cells:
                return group
        return None

    def get(self, row: str, col: str) -> TableCell | None:
        """The cell, or None when the report lacks it. A key the format does not have raises
        ``govlint.format.UnknownCellKey`` naming the valid keys (checked only on a miss, so a
        lookup that finds its cell costs nothing more)."""
        cell = self.cells.get((row, col))
        if cell is None:
            from govlint.format import check_cell_key

            check_cell_key(self.kind, row, col)
        return cell

    def value(self, row: str, col: str, blank: Number | None = 0) -> Number | None:
        """The cell's value, ``blank`` for a blank or missing cell, None when it has several
        possible values (``values`` gives them). An unknown key raises, as in ``get``."""
        cell = self.get(row, col)
        if cell is not None and cell.values is not None:
            return None
        if cell is None or cell.value is None:
            return blank
        return cell.value

    def values(self, row: str, col: str) -> tuple[Number, ...]:
        """Every value the cell can have: one for a known cell, several for a cell cut from a
        glued run with several readings, none for a blank or missing cell."""
        cell = self.get(row, col)
        if cell is None:
            return ()
        if cell.values is not None:
            return tuple(cell.values)
        return () if cell.value is None else (cell.value,)

    def rows(self) -> list[str]:
        seen: dict[str, None] = {}
        for row, _ in self.cells:
            seen.setdefault(row, None)
        return list(seen)

    def __iter__(self) -> Iterator[TableCell]:
        return iter(self.cells.values())


class Section(Record):
    """A top-level section 一 to 六 as printed.

    ``number`` is the numeral printed before the heading (1 for 一); ``key`` the canonical
    section it was recognised as; ``text`` the prose of the section (tables excluded).
    """

    __slots__ = _fields = ("number", "key", "heading", "text", "span", "paragraphs")

    def __init__(self, number: int, key: str, heading: str, text: str = "", span: Span | None = None,
                 paragraphs: list | None = None) -> None:
        self.number = number
        self.key = key
        self.heading = heading
        self.text = text
        self.span = span
        self.paragraphs = [] if paragraphs is None else paragraphs


class Period(Record):
    __slots__ = _fields = ("start", "end", "span")

    def __init__(self, start: date, end: date, span: Span | None = None) -> None:
        self.start = start
        self.end = end
        self.span = span


class Metadata(Record):
    __slots__ = _fields = ("title", "agency", "year", "published", "period", "title_span")

    def __init__(self, title: str | None = None, agency: str | None = None, year: int | None = None,
                 published: date | None = None, period: Period | None = None,
                 title_span: Span | None = None) -> None:
        self.title = title
        self.agency = agency
        self.year = year
        self.published = published
        self.period = period
        self.title_span = title_span


#: a table, section, period and metadata whose spans the parser works out when read: a report
#: whose findings read no position never asks the loader where its text was
DeferredTable = deferred_span(Table, "DeferredTable")
DeferredSection = deferred_span(Section, "DeferredSection")
DeferredPeriod = deferred_span(Period, "DeferredPeriod")
DeferredMetadata = deferred_span(Metadata, "DeferredMetadata", ("title_span",))


class Report(Record):
    """A parsed annual report.

    ``template`` is ``"2021"``, ``"2019"``, ``"hybrid"``, ``"pre2019"`` (the 2008–2018 format,
    ``govlint.format.pre2019``: the 2019/2021 template rules skip it) or None (no table recognised).
    ``document`` is the Document the report was parsed from, for rules that need the text
    blocks with their positions.
    """

    #: ``views`` is not among the fields: not shown, compared, copied or pickled
    _fields = ("path", "format", "document", "metadata", "sections", "tables", "template", "preamble")
    __slots__ = _fields + ("views",)

    def __init__(self, path: str, format: str, document: Document, metadata: Metadata | None = None,
                 sections: list[Section] | None = None, tables: dict[str, Table] | None = None,
                 template: str | None = None, preamble: str = "", views: dict | None = None) -> None:
        self.path = path
        self.format = format
        self.document = document
        self.metadata = Metadata() if metadata is None else metadata
        self.sections = [] if sections is None else sections
        self.tables = {} if tables is None else tables
        self.template = template
        self.preamble = preamble
        #: views derived from the report by ``view`` (not part of the report's data)
        self.views = {} if views is None else views

    def view(self, name: str, build):
        """``build(self)``, computed once per report and kept under ``name``.

        Several rules read the same derived view (the prose runs, the fee statements): each
        would otherwise derive it again. A parsed report is not changed afterwards, so the
        first answer stays right.
        """
        try:
            return self.views[name]
        except KeyError:
            value = self.views[name] = build(self)
            return value

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def table(self, kind: str) -> Table | None:
        return self.tables.get(kind)

    @property
    def text(self) -> str:
        """The report's prose: preamble and every section's text."""
        return "\n".join([self.preamble] + [f"{s.heading}\n{s.text}" for s in self.sections])
