"""Hand-built Report objects for the rule tests: consistent by default, changed by dicts.

``make_report()`` gives a consistent 2021 (or 2019) report with all six sections and the three
tables; keyword arguments replace what a test is about::

    report = make_report(table3={("new", "natural"): 9})        # one cell changed
    report = make_report(year=2019, sections=drop("problems"))
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from govlint.document import Document, Paragraph
from govlint.format import sections as format_sections
from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint.report import Label, Metadata, Period, Report, Section, Table, TableCell
from govlint.rule import RuleContext
from govlint.span import Span

SECTION_KEYS = format_sections.KEYS
SECTION_TITLES = {key: format_sections.title(key) for key in SECTION_KEYS}
TABLE3_APPLICANT_COLUMNS = format_table3.applicant_columns()
TABLE3_COLUMNS = format_table3.columns()
TABLE3_RESULT_ROWS_2019 = format_table3.result_rows("2019")
TABLE3_RESULT_ROWS_2021 = format_table3.result_rows("2021")
TABLE3_ROWS_2019 = format_table3.rows("2019")
TABLE3_ROWS_2021 = format_table3.rows("2021")
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

NUMERALS = "一二三四五六"

#: a small consistent table 3: per applicant column, results and carry-over
DEFAULT_T3 = {
    "natural": {"new": 18, "carried_over": 2, "granted": 6, "partial": 3, "unable.1": 5,
                "not_processed.2": 1, "carried_forward": 3},
    "commercial": {"new": 2, "granted": 1, "denied.3": 1},
}


def cell(kind, row, col, value, line=100, column=1) -> TableCell:
    raw = "" if value is None else str(value)
    return TableCell(row, col, value, raw, Span(line, column, line, column + max(1, len(raw))),
                     f"{kind} / {row} / {col}")


def table3_cells(values: dict[str, dict[str, int]] | None = None, template: str = "2021") -> dict:
    """Cells of a consistent table 3 from ``{column: {row: n}}`` for the applicant columns.

    Rows left out are 0; （七）总计 and the 总计 column are computed.
    """
    values = DEFAULT_T3 if values is None else values
    rows = TABLE3_ROWS_2021 if template == "2021" else TABLE3_ROWS_2019
    results = TABLE3_RESULT_ROWS_2021 if template == "2021" else TABLE3_RESULT_ROWS_2019
    grid: dict[tuple[str, str], int] = {}
    for col in TABLE3_APPLICANT_COLUMNS:
        given = values.get(col, {})
        for row in rows:
            grid[(row, col)] = given.get(row, 0)
        grid[("total", col)] = sum(grid[(r, col)] for r in results)
        # keep 一 + 二 = （七） + 四 by adjusting 四 when the caller did not balance it
        grid[("carried_forward", col)] = grid[("new", col)] + grid[("carried_over", col)] - grid[("total", col)]
    for row in rows:
        grid[(row, "total")] = sum(grid[(row, c)] for c in TABLE3_APPLICANT_COLUMNS)
    return grid


def table4_cells(values: dict[str, dict[str, int]] | None = None) -> dict:
    values = values or {"review": {"upheld": 1, "corrected": 1}, "litigation_direct": {"pending": 1}}
    grid = {}
    for group in TABLE4_GROUPS:
        given = values.get(group, {})
        for outcome in TABLE4_OUTCOMES[:-1]:
            grid[(group, outcome)] = given.get(outcome, 0)
        grid[(group, "total")] = sum(grid[(group, o)] for o in TABLE4_OUTCOMES[:-1])
    return grid


TABLE2_2021 = {
    ("regulations", "issued"): 0, ("regulations", "repealed"): 0, ("regulations", "in_force"): 0,
    ("normative", "issued"): 3, ("normative", "repealed"): 1, ("normative", "in_force"): 34,
    ("licensing", "decisions"): 5710, ("penalty", "decisions"): 305,
    ("coercion", "decisions"): 26, ("fees", "amount"): Decimal("3080.699"),
}

TABLE2_2021_LABELS = ("第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                      "规章", "行政规范性文件", "第二十条第（五）项", "本年处理决定数量", "行政许可",
                      "第二十条第（六）项", "行政处罚", "行政强制", "第二十条第（八）项",
                      "本年收费金额（单位：万元）", "行政事业性收费")
TABLE2_2019_LABELS = ("第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
                      "规章", "规范性文件", "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量",
                      "行政许可", "其他对外管理服务事项", "第二十条第（六）项", "行政处罚", "行政强制",
                      "第二十条第（八）项", "行政事业性收费", "第二十条第（九）项", "采购项目数量",
                      "采购总金额", "政府集中采购")


def make_table(kind: str, grid: dict, template: str = "2021", labels=(), complete: bool = True,
               first_line: int = 100) -> Table:
    table = Table(kind=kind, template=template, complete=complete,
                  span=Span(first_line - 1, 1, first_line + len(grid), 2))
    for i, ((row, col), value) in enumerate(grid.items()):
        table.cells[(row, col)] = cell(kind, row, col, value, line=first_line + i)
    table.labels = [Label(text, None, Span(first_line - 1, 1, first_line - 1, 1 + len(text))) for text in labels]
    return table


def section_texts(year: int) -> dict[str, str]:
    return {
        "overview": f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "proactive": "",
        "requests": "",
        "appeals": "",
        "problems": f"{year}年存在的问题：公开内容不够全面。针对{year - 1}年存在的问题，已完成整改。{year + 1}年将加强培训。",
        "other": f"{year}年度本机关未收取信息处理费。" if year >= 2021 else "无。",
    }


def make_report(year: int = 2023, *, template: str | None = None, sections=None, texts=None,
                preamble: str | None = None, title: str | None = None, published=None,
                period=True, table2=None, table3=None, table4=None, t3_values=None,
                t4_values=None, tables=None, metadata_year=True) -> Report:
    """A consistent report of ``year``; arguments change what a test is about.

    ``table3``/``table4``/``table2`` are dicts of cells to override ({(row, col): value}); pass
    ``tables`` to give the tables dict outright. ``sections`` is the list of section keys (or
    (number, key) pairs) in printed order.
    """
    template = template or ("2021" if year >= 2021 else "2019")
    title = title if title is not None else f"某某县人民政府{year}年政府信息公开工作年度报告"
    published = published if published is not None else date(year + 1, 1, 20)
    doc = Document(path="report.txt", format="text")
    meta = Metadata(title=title or None, agency="某某县人民政府", year=year if metadata_year else None,
                    published=published or None, title_span=Span(1, 1, 1, 1 + len(title or " ")))
    if period is True:
        meta.period = Period(date(year, 1, 1), date(year, 12, 31), Span(2, 1, 2, 30))
    elif period:
        meta.period = period
    if preamble is None:
        preamble = (f"本报告根据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据的统计期限"
                    f"自{year}年1月1日起至{year}年12月31日止。") if period else "本报告根据条例编制。"
    report = Report(path="report.txt", format="text", document=doc, metadata=meta, preamble=preamble,
                    template=template)
    body = section_texts(year)
    body.update(texts or {})
    keys = list(SECTION_KEYS) if sections is None else list(sections)
    line = 10
    for entry in keys:
        number, key = entry if isinstance(entry, tuple) else (SECTION_KEYS.index(entry) + 1, entry)
        heading = f"{NUMERALS[number - 1] if number <= 6 else '七'}、{SECTION_TITLES[key]}"
        text = body.get(key, "")
        paragraphs = [Paragraph(t, Span(line + 1 + i, 1, line + 1 + i, 1 + len(t)))
                      for i, t in enumerate(text.split("\n")) if t]
        report.sections.append(Section(number, key, heading, text, Span(line, 1, line, 1 + len(heading)),
                                       paragraphs))
        line += 20
    if tables is not None:
        report.tables = tables
    else:
        grid2 = dict(TABLE2_2021)
        grid2.update(table2 or {})
        labels2 = TABLE2_2021_LABELS if template == "2021" else TABLE2_2019_LABELS
        report.tables["table2"] = make_table("table2", grid2, template, labels2, first_line=200)
        grid3 = table3_cells(t3_values, template if template in ("2021", "2019") else "2021")
        grid3.update(table3 or {})
        report.tables["table3"] = make_table("table3", grid3, template, first_line=300)
        grid4 = table4_cells(t4_values)
        grid4.update(table4 or {})
        report.tables["table4"] = make_table("table4", grid4, template, first_line=400)
    return report


def drop(key: str) -> list[str]:
    return [k for k in SECTION_KEYS if k != key]


def run_rule(rule_cls, report, **options):
    """The findings of one rule on one report, with the rule's default options."""
    rule = rule_cls()
    ctx = RuleContext(options={**rule.options, **options})
    findings = list(rule.check(report, ctx) or ())
    for finding in findings:
        finding.code = finding.code or rule.code
    return findings


def run_all(report, **options):
    """Every built-in rule on one report: [(code, finding)], severities resolved."""
    from govlint_rules import all_rules

    out = []
    for rule in all_rules():
        ctx = RuleContext(options={**rule.options, **options})
        for finding in rule.check(report, ctx) or ():
            finding.code = finding.code or rule.code
            if finding.severity is None:
                finding.severity = rule.default_severity
            out.append(finding)
    return out


__all__ = ["TABLE3_COLUMNS", "cell", "drop", "make_report", "make_table", "run_all", "run_rule",
           "table3_cells", "table4_cells"]
