"""Writing dataset rows: CSV for spreadsheets, JSON Lines for scripts, one row at a time.

Nothing is kept between rows, so a province's reports stream through in flat memory: the
caller parses a file, writes its row, and drops the report before the next file.

CSV is UTF-8 with a byte-order mark (without it, Excel reads UTF-8 as the local code page and
shows 乱码), a header row of the column names, ``\\r\\n`` line ends (RFC 4180). A cell with
several possible values is written as the values joined by ``|`` (``2|23|230``). Text from the
report that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return) is written with a leading ``'``, and control and bidi characters are shown
as the terminal shows them (``sanitize.one_line``).

JSON Lines writes each row as one JSON object, keys in column order: numbers as numbers, a
blank as null, several possible values as a list.
"""

from __future__ import annotations

from decimal import Decimal

#: first characters that make a spreadsheet read a CSV cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: how possible values are joined in one CSV cell
READINGS_SEPARATOR = "|"


def _number_text(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value)


def csv_value(value) -> str:
    """How one value is written in CSV."""
    from govlint.reporters.sanitize import one_line

    if value is None:
        return ""
    if isinstance(value, list):
        return READINGS_SEPARATOR.join(_number_text(v) for v in value)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _number_text(value)
    text = one_line(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


class CsvWriter:
    """CSV rows to a binary stream (the BOM and the encoding are the writer's, not the stream's)."""

    def __init__(self, out, columns):
        import csv
        import io

        self.columns = tuple(columns)
        self.out = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
        self.writer = csv.writer(self.out, lineterminator="\r\n")
        self.writer.writerow(self.columns)

    def add(self, row: dict) -> None:
        self.writer.writerow([csv_value(row.get(c)) for c in self.columns])

    def close(self) -> None:
        self.out.flush()
        self.out.detach()  # the caller owns the stream


class JsonLinesWriter:
    """One compact JSON object per row, to a binary stream, UTF-8."""

    def __init__(self, out, columns):
        self.out, self.columns = out, tuple(columns)

    def add(self, row: dict) -> None:
        from govlint.reporters.json import dumps
        from govlint.reporters.sanitize import jsonable

        line = dumps(jsonable({c: row.get(c) for c in self.columns}), indent=None)
        self.out.write(line.encode("utf-8") + b"\n")

    def close(self) -> None:
        self.out.flush()


WRITERS = {"csv": CsvWriter, "jsonl": JsonLinesWriter}


def export(files, registry, out, fmt: str, max_size: int | None = None, agencies: dict | None = None) -> int:
    """Parse ``files`` one at a time and write each one's row to ``out`` (binary) as soon as it
    is read; ``agencies`` is the config's (names of one agency). Returns the number of rows."""
    from govlint.corpus.agency import alias_map
    from govlint.engine import DEFAULT_MAX_FILE_SIZE, display_path
    from govlint.export.columns import all_columns
    from govlint.export.rows import error_row, report_row
    from govlint.parse_view import load_report

    aliases = alias_map(agencies)
    writer = WRITERS[fmt](out, all_columns())
    count = 0
    for path in files:
        shown = display_path(path)
        report, failure, _problems = load_report(path, shown, registry, max_size or DEFAULT_MAX_FILE_SIZE)
        if report is None:
            writer.add(error_row(shown, failure["error"]))
        else:
            writer.add(report_row(report, aliases))
        count += 1
    writer.close()
    return count
