"""Excel workbook output (``--format xlsx``): the form in which supervising offices exchange results.

Three sheets, each with a frozen header row, a filter on every column and column widths that
fit Chinese text (a wide character counts two):

- 问题清单: one row per finding: file, agency, year, the table, row and column the finding's
  logical location names (``govlint.format.location_parts``), code, rule, severity, message,
  the expected and found values (``properties["expected"]``, ``["found"]``), the identity
  with its numbers (the table excerpt, ``Finding.table``), the source position and the whole
  location;
- 按规则汇总: per rule and severity, the number of findings and of files they are in;
- 按单位汇总: per agency, its reports, their years and the findings per severity.

Why it is written this way:

- memory stays flat: XlsxWriter's ``constant_memory`` mode writes each row to a temporary file
  as soon as the next one starts, and the two summaries are built from counts (a few per rule
  and agency), never from kept findings;
- report text never becomes a formula, a link or a number: every text cell is written with
  ``write_string`` and the workbook's conversions are off, so a message or a title starting
  with ``=``, ``+``, ``-`` or ``@`` stays the text it is. Control and bidi characters are
  shown as the terminal shows them (``sanitize.keep_lines``); line breaks are kept;
- XlsxWriter is optional (``pip install 'govlint[xlsx]'``): ``missing()`` tells the command
  line, before any file is checked or any output file created, what to install.

The agency and year of a finding come from the facts the command line hands over before each
file's findings (``Sink.file(path, facts)``); one small entry per file is kept so that
findings of run-scope rules, which arrive after every file, are named too.
"""

from __future__ import annotations

import json
from collections import Counter

from govlint.reporters.base import Reporter, Sink
from govlint.reporters.statistics import SEVERITY_LABELS, Tally, rule_counts, severity_of

#: the most rows a worksheet holds (Excel's limit); a longer list goes on in 问题清单（2）…
MAX_ROWS = 1_048_576
#: the longest text a cell holds (Excel's limit)
MAX_CELL_TEXT = 32_767
#: widths (in characters of a narrow font) a column never goes below or beyond
MIN_WIDTH, MAX_WIDTH = 6, 60
_NOT_XML = {0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD}
#: the agency of a file whose facts name none
UNKNOWN_AGENCY = "（未识别单位）"

FINDINGS_SHEET, RULES_SHEET, AGENCIES_SHEET = "问题清单", "按规则汇总", "按单位汇总"
FINDING_HEADER = ("文件", "单位", "年度", "表", "行", "列", "代码", "规则", "级别", "问题", "应为", "实为",
                  "等式", "源位置", "位置")
RULE_HEADER = ("代码", "规则", "级别", "问题数", "文件数", "说明")
AGENCY_HEADER = ("单位", "报告数", "年度", "问题数", *SEVERITY_LABELS.values())
#: columns whose text wraps (messages may hold line breaks) instead of widening the column
WRAPPED = frozenset({"问题", "等式", "说明"})


class XlsxReporter(Reporter):
    name = "xlsx"
    summary = "Excel workbook: 问题清单, 按规则汇总, 按单位汇总 (needs govlint[xlsx]; use --output)"
    #: writes bytes: the command line opens the output in binary mode and refuses a terminal
    binary = True

    def missing(self) -> str | None:
        from importlib.util import find_spec

        if find_spec("xlsxwriter") is None:
            return "xlsx 格式需要 XlsxWriter，请安装：pip install 'govlint[xlsx]'"
        return None

    def open(self, info, out):
        return XlsxSink(self, info, out)


class Sheet:
    """A worksheet written row by row, its column widths measured on the way."""

    def __init__(self, book, name: str, header, formats):
        self.book, self.name, self.header, self.formats = book, name, tuple(header), formats
        self.wrap = formats["wrap"]
        self.wrapped = frozenset(i for i, title in enumerate(self.header) if title in WRAPPED)
        self.part = 1
        self._start(name)

    def _start(self, name: str) -> None:
        from govlint.normalize import display_width

        self.sheet = self.book.add_worksheet(name)
        self.row = 0
        self.widths = [display_width(h) for h in self.header]
        for col, title in enumerate(self.header):
            self.sheet.write_string(0, col, title, self.formats["header"])
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def add(self, values) -> None:
        if self.row >= MAX_ROWS:
            self._finish()
            self.part += 1
            self._start(f"{self.name}（{self.part}）")
        for col, value in enumerate(values):
            style = self.wrap if col in self.wrapped else None
            self.widths[col] = max(self.widths[col], _write(self.sheet, self.row, col, value, style))
        self.row += 1

    def _finish(self) -> None:
        sheet, last = self.sheet, len(self.header) - 1
        sheet.autofilter(0, 0, max(self.row - 1, 0), last)
        for col, width in enumerate(self.widths):
            sheet.set_column(col, col, min(max(width, MIN_WIDTH), MAX_WIDTH) + 2,
                             self.wrap if col in self.wrapped else None)

    def close(self) -> None:
        self._finish()


def _write(sheet, row: int, col: int, value, style=None) -> int:
    """Write one cell: numbers as numbers, everything else as a string. Returns its width."""
    from decimal import Decimal

    from govlint.normalize import display_width
    from govlint.reporters.sanitize import keep_lines

    if value is None or value == "":
        return 0
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        if number == number and abs(number) != float("inf"):
            sheet.write_number(row, col, number, style)
            return len(str(value))
    if not isinstance(value, str):
        from govlint.reporters.sanitize import jsonable

        value = json.dumps(jsonable(value), ensure_ascii=False)
    # U+FFFE and U+FFFF are no XML characters: a workbook holding one would not open
    text = keep_lines(value).replace("\r\n", "\n").replace("\r", "\n").translate(_NOT_XML)
    if len(text) > MAX_CELL_TEXT:
        text = text[:MAX_CELL_TEXT - 1] + "…"
    sheet.write_string(row, col, text, style)
    return display_width(text)


def _identity(finding) -> str:
    """The identity the finding states with the table's numbers (``Finding.table``, the table
    excerpt), e.g. ``本年新收 8 + 上年结转 0 = 8 ≠ （七）总计 0 + 结转下年度 0 = 0``; empty without."""
    excerpt = getattr(finding, "table", None)
    if excerpt is None:
        return ""
    return getattr(excerpt, "identity", "") or ""


class XlsxSink(Sink):
    """The workbook in the making: 问题清单 grows file by file; the summaries are written from
    counts when the run ends."""

    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        import xlsxwriter

        self.book = xlsxwriter.Workbook(out, {
            "constant_memory": True,
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        })
        self.formats = {
            "header": self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1}),
            "wrap": self.book.add_format({"text_wrap": True, "valign": "top"}),
        }
        self.findings_sheet = Sheet(self.book, FINDINGS_SHEET, FINDING_HEADER, self.formats)
        #: path → (agency key, agency name, year): one entry per file, shared tuples
        self.files: dict[str, tuple] = {}
        self._facts: dict[tuple, tuple] = {}
        self.tally = Tally()
        self.rule_files: Counter = Counter()
        self.agencies: dict[str | None, dict] = {}

    def file(self, path: str, facts: dict | None) -> None:
        facts = facts or {}
        year = facts.get("year")
        entry = (facts.get("agency"), facts.get("agency_name") or facts.get("agency"),
                 year if isinstance(year, int) else None)
        entry = self._facts.setdefault(entry, entry)
        self.files[path] = entry
        agency = self._agency(entry)
        agency["reports"] += 1
        if entry[2] is not None:
            agency["years"].add(entry[2])

    def _agency(self, entry) -> dict:
        key, name, _year = entry
        agency = self.agencies.get(key)
        if agency is None:
            agency = self.agencies[key] = {"name": name or UNKNOWN_AGENCY, "reports": 0, "years": set(),
                                           "severities": Counter()}
        return agency

    def add(self, findings) -> None:
        from govlint.format import location_parts

        if not findings:
            return
        self.tally.add(findings)
        self.rule_files.update({(f.code, f.name, severity_of(f)) for f in findings})
        for f in findings:
            entry = self.files.get(f.path, (None, None, None))
            severity = severity_of(f)
            self._agency(entry)["severities"][severity] += 1
            table, row, column = location_parts(f.location)
            span = f.span
            props = f.properties if isinstance(f.properties, dict) else {}
            self.findings_sheet.add((
                f.path, entry[1], entry[2], table, row, column, f.code, f.name,
                SEVERITY_LABELS.get(severity, severity), f.message, props.get("expected"), props.get("found"),
                _identity(f), f"{span.line}:{span.column}" if span else "", f.location,
            ))

    def close(self) -> None:
        self.findings_sheet.close()
        rules = Sheet(self.book, RULES_SHEET, RULE_HEADER, self.formats)
        for code, name, severity, count in rule_counts(self.tally):
            rule = self.info.rules.get(code)
            rules.add((code, name, SEVERITY_LABELS.get(severity, severity), count,
                       self.rule_files[(code, name, severity)], rule.summary if rule is not None else ""))
        rules.close()
        agencies = Sheet(self.book, AGENCIES_SHEET, AGENCY_HEADER, self.formats)
        order = sorted(self.agencies.values(),
                       key=lambda a: (-sum(a["severities"].values()), a["name"] == UNKNOWN_AGENCY, a["name"]))
        for a in order:
            counts = a["severities"]
            agencies.add((a["name"], a["reports"], "、".join(str(y) for y in sorted(a["years"])),
                          sum(counts.values()), *(counts.get(key, 0) for key in SEVERITY_LABELS)))
        agencies.close()
        self.book.close()
