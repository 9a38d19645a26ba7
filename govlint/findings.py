"""Findings and severities."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

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


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding points at: the cell or finding that shares its cause.

    When one cell explains several failures (a （七）总计 cell left at 0 breaks two identities
    of its column), each finding is reported and names the others here, so a reader fixes
    the cell once. ``message`` says what is there (``另见 GL202：…``).
    """

    span: Span | None = None
    location: str = ""
    message: str = ""

    def to_dict(self) -> dict:
        span = self.span
        return {"message": self.message, "location": self.location,
                "line": span.line if span else None, "column": span.column if span else None,
                "end_line": span.end_line if span else None, "end_column": span.end_column if span else None}


#: a cell of a table by its format keys: (row, column); for 表四 (group, outcome)
CellKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Identity:
    """An identity between table cells: ``sum(left) relation sum(right)``.

    ``relation`` is ``"="`` (the accounting identities) or ``"<="`` (a bound, as GL206's
    本年制发件数 ≤ 现行有效件数 + 本年废止件数).
    """

    left: tuple[CellKey, ...] = ()
    right: tuple[CellKey, ...] = ()
    relation: str = "="


@dataclass(frozen=True, slots=True)
class TableCells:
    """Which cells of which table a finding is about, declared by the rule as data.

    ``table`` is the table's kind (``table3``); ``identities`` the identities the finding
    states (a finding on one cell has none); ``marked`` the cells shown as wrong. The worker,
    which has the parsed report, turns this into ``Finding.table`` (the values and labels of
    those cells, ``govlint.reporters.table_view``), so a rule names cells and never draws.
    """

    table: str
    identities: tuple[Identity, ...] = ()
    marked: tuple[CellKey, ...] = ()


@dataclass(slots=True)
class Finding:
    """One problem found in one file.

    A rule yields findings with at least ``message`` and, where it can, ``span`` (the source
    position) and ``location`` (the logical location, e.g. ``表三 / （七）总计 / 自然人``).
    The engine fills in ``code``, ``name``, ``severity`` and ``path`` from the rule and the
    configuration. ``properties`` carries machine-readable extras (expected, found, ...);
    ``related`` the other places that share the finding's cause (``Related``).
    """

    message: str
    span: Span | None = None
    location: str = ""
    code: str = ""
    name: str = ""
    severity: Severity | None = None
    path: str = ""
    properties: dict = field(default_factory=dict)
    #: the source line(s) the span points into, filled by the engine for excerpts
    snippet: str = ""
    #: the path relative to the project root (set by the engine); fingerprints use it
    root_path: str = ""
    #: other findings or cells with the same cause (SARIF relatedLocations, "另见" lines)
    related: tuple[Related, ...] = ()
    #: the table cells the finding is about, declared by the rule (``TableCells``)
    cells: TableCells | None = None
    #: the excerpt of the table those cells make, built in the worker (``to_dict()["table"]``)
    table: "TableExcerpt | None" = None
    #: the correction, where the rule knows it exactly (``govlint.fixes.Fix``; ``--fix``)
    fix: object = None

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
