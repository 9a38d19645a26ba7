"""Findings and severities."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from govlint.record import Frozen, Record, replace
from govlint.span import Span

if TYPE_CHECKING:
    from govlint.reporters.table_view import TableExcerpt


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Related(Frozen):
    """Another place a finding points at: the cell or finding that shares its cause.

    When one cell explains several failures (a （七）总计 cell left at 0 breaks two identities
    of its column), each finding is reported and names the others here, so a reader fixes
    the cell once. ``message`` says what is there (``另见 GL202：…``).
    """

    __slots__ = _fields = ("span", "location", "message")

    def __init__(self, span: Span | None = None, location: str = "", message: str = "") -> None:
        set_ = object.__setattr__
        set_(self, "span", span)
        set_(self, "location", location)
        set_(self, "message", message)

    def to_dict(self) -> dict:
        span = self.span
        return {"message": self.message, "location": self.location,
                "line": span.line if span else None, "column": span.column if span else None,
                "end_line": span.end_line if span else None, "end_column": span.end_column if span else None}


#: a cell of a table by its format keys: (row, column); for 表四 (group, outcome)
CellKey = tuple[str, str]


class Identity(Frozen):
    """An identity between table cells: ``sum(left) relation sum(right)``.

    ``relation`` is ``"="`` (the accounting identities) or ``"<="`` (a bound, as GL206's
    本年制发件数 ≤ 现行有效件数 + 本年废止件数).
    """

    __slots__ = _fields = ("left", "right", "relation")

    def __init__(self, left: tuple[CellKey, ...] = (), right: tuple[CellKey, ...] = (),
                 relation: str = "=") -> None:
        set_ = object.__setattr__
        set_(self, "left", left)
        set_(self, "right", right)
        set_(self, "relation", relation)


class TableCells(Frozen):
    """Which cells of which table a finding is about, declared by the rule as data.

    ``table`` is the table's kind (``table3``); ``identities`` the identities the finding
    states (a finding on one cell has none); ``marked`` the cells shown as wrong. The worker,
    which has the parsed report, turns this into ``Finding.table`` (the values and labels of
    those cells, ``govlint.reporters.table_view``), so a rule names cells and never draws.
    """

    __slots__ = _fields = ("table", "identities", "marked")

    def __init__(self, table: str, identities: tuple[Identity, ...] = (),
                 marked: tuple[CellKey, ...] = ()) -> None:
        set_ = object.__setattr__
        set_(self, "table", table)
        set_(self, "identities", identities)
        set_(self, "marked", marked)


class Finding(Record):
    """One problem found in one file.

    A rule yields findings with at least ``message`` and, where it can, ``span`` (the source
    position) and ``location`` (the logical location, e.g. ``表三 / （七）总计 / 自然人``).
    The engine fills in ``code``, ``name``, ``severity`` and ``path`` from the rule and the
    configuration. ``properties`` carries machine-readable extras (expected, found, ...);
    ``related`` the other places that share the finding's cause (``Related``).
    """

    __slots__ = _fields = ("message", "span", "location", "code", "name", "severity", "path",
                           "properties", "snippet", "root_path", "related", "cells", "table", "fix")

    def __init__(self, message: str, span: Span | None = None, location: str = "", code: str = "",
                 name: str = "", severity: Severity | None = None, path: str = "",
                 properties: dict | None = None, snippet: str = "", root_path: str = "",
                 related: tuple[Related, ...] = (), cells: TableCells | None = None,
                 table: "TableExcerpt | None" = None, fix: object = None) -> None:
        self.message = message
        self.span = span
        self.location = location
        self.code = code
        self.name = name
        self.severity = severity
        self.path = path
        self.properties = {} if properties is None else properties
        #: the source line(s) the span points into, filled by the engine for excerpts
        self.snippet = snippet
        #: the path relative to the project root (set by the engine); fingerprints use it
        self.root_path = root_path
        #: other findings or cells with the same cause (SARIF relatedLocations, "另见" lines)
        self.related = related
        #: the table cells the finding is about, declared by the rule (``TableCells``)
        self.cells = cells
        #: the excerpt of the table those cells make, built in the worker (``to_dict()["table"]``)
        self.table = table
        #: the correction, where the rule knows it exactly (``govlint.fixes.Fix``; ``--fix``)
        self.fix = fix

    @property
    def line(self) -> int:
        return self.span.line if self.span else 1

    @property
    def column(self) -> int:
        return self.span.column if self.span else 1

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.location, self.message)

    def fingerprint(self, location: str | None = None) -> str:
        """Stable identity: path, code and logical location, never line numbers.

        Findings without a logical location fall back to the message, which is stable as
        long as the numbers in it are. ``location`` replaces the finding's own (baselines try
        the earlier spellings of a location with it).
        """
        anchor = (self.location if location is None else location) or self.message
        raw = "\x1f".join(((self.root_path or self.path).replace("\\", "/"), self.code, anchor))
        # surrogatepass: undecodable file names must not crash baselines
        from hashlib import sha256  # only reporters and baselines need it

        return sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        span = self.span
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity) if self.severity else None,
            "message": self.message,
            "line": span.line if span else None,
            "column": span.column if span else None,
            "end_line": span.end_line if span else None,
            "end_column": span.end_column if span else None,
            "location": self.location,
            "fingerprint": self.fingerprint(),
            "properties": self.properties,
            **({"related": [r.to_dict() for r in self.related]} if self.related else {}),
            **({"table": self.table.to_dict()} if self.table is not None else {}),
            **({"fix": self.fix.to_dict()} if self.fix is not None else {}),
        }
