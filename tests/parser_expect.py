"""Helpers for the parser's exactness tests: expected tables written as plain text grids.

The grids are typed in from the report files by hand; ``grid`` only turns the text into a
dict so a test can compare it with what the parser found (``table_values``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
T4_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


def _value(text: str):
    if text == "_":
        return None
    if "." in text:
        return Decimal(text)
    return int(text)


def grid(text: str, columns=T3_COLUMNS) -> dict:
    """``row v1 v2 …`` lines → {(row, col): value}; ``_`` is a blank cell."""
    out = {}
    for line in text.strip().splitlines():
        row, *values = line.split()
        assert len(values) == len(columns), line
        for col, value in zip(columns, values):
            out[(row, col)] = _value(value)
    return out


def table4(text: str) -> dict:
    """Three lines ``group v1 … v5`` in the order 复议, 直接起诉, 复议后起诉."""
    return grid(text, T4_OUTCOMES)


def table2(text: str) -> dict:
    """``row col=value col=value`` lines."""
    out = {}
    for line in text.strip().splitlines():
        row, *pairs = line.split()
        for pair in pairs:
            col, _, value = pair.partition("=")
            out[(row, col)] = _value(value)
    return out


def table_values(table) -> dict:
    return {(cell.row, cell.col): cell.value for cell in table}


def load(path: Path):
    """The Document of a fixture file through the built-in loader for its suffix."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in (".html", ".htm"):
        from govlint.loaders.html import HtmlLoader as Loader
    elif suffix == ".md":
        from govlint.loaders.markdown import MarkdownLoader as Loader
    else:
        from govlint.loaders.text import TextLoader as Loader
    return Loader().load(str(path), data)


def parse_file(path: Path):
    from govlint.parser import parse

    return parse(load(path))


ZERO_T3_2021 = """
new              0 0 0 0 0 0 0
carried_over     0 0 0 0 0 0 0
granted          0 0 0 0 0 0 0
partial          0 0 0 0 0 0 0
denied.1         0 0 0 0 0 0 0
denied.2         0 0 0 0 0 0 0
denied.3         0 0 0 0 0 0 0
denied.4         0 0 0 0 0 0 0
denied.5         0 0 0 0 0 0 0
denied.6         0 0 0 0 0 0 0
denied.7         0 0 0 0 0 0 0
denied.8         0 0 0 0 0 0 0
unable.1         0 0 0 0 0 0 0
unable.2         0 0 0 0 0 0 0
unable.3         0 0 0 0 0 0 0
not_processed.1  0 0 0 0 0 0 0
not_processed.2  0 0 0 0 0 0 0
not_processed.3  0 0 0 0 0 0 0
not_processed.4  0 0 0 0 0 0 0
not_processed.5  0 0 0 0 0 0 0
other.1          0 0 0 0 0 0 0
other.2          0 0 0 0 0 0 0
other.3          0 0 0 0 0 0 0
total            0 0 0 0 0 0 0
carried_forward  0 0 0 0 0 0 0
"""

ZERO_T3_2019 = """
new              0 0 0 0 0 0 0
carried_over     0 0 0 0 0 0 0
granted          0 0 0 0 0 0 0
partial          0 0 0 0 0 0 0
denied.1         0 0 0 0 0 0 0
denied.2         0 0 0 0 0 0 0
denied.3         0 0 0 0 0 0 0
denied.4         0 0 0 0 0 0 0
denied.5         0 0 0 0 0 0 0
denied.6         0 0 0 0 0 0 0
denied.7         0 0 0 0 0 0 0
denied.8         0 0 0 0 0 0 0
unable.1         0 0 0 0 0 0 0
unable.2         0 0 0 0 0 0 0
unable.3         0 0 0 0 0 0 0
not_processed.1  0 0 0 0 0 0 0
not_processed.2  0 0 0 0 0 0 0
not_processed.3  0 0 0 0 0 0 0
not_processed.4  0 0 0 0 0 0 0
not_processed.5  0 0 0 0 0 0 0
other            0 0 0 0 0 0 0
total            0 0 0 0 0 0 0
carried_forward  0 0 0 0 0 0 0
"""

ZERO_T4 = """
review                   0 0 0 0 0
litigation_direct        0 0 0 0 0
litigation_after_review  0 0 0 0 0
"""


def with_rows(base: str, changes: str, columns=T3_COLUMNS) -> dict:
    """``base`` grid with the rows of ``changes`` replaced (both typed as text)."""
    out = grid(base, columns)
    out.update(grid(changes, columns))
    return out
