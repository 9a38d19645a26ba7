"""Prose corroborating a reading of table 二: a documented narrowing of the admissible readings.

A report often states in its prose the numbers of its 规章 and 行政规范性文件 row of table 二
("本年度制发行政规范性文件9件，废止7件，现行有效253件") while the table's text extraction glues
the row into one run (``97253``). When exactly one reading of the run agrees with every number
the prose states for that row, that reading is adopted and its cells are marked ``inferred =
"prose"``; with none, or several, nothing is chosen. Like the parser's row-total adoption,
this assumes something the table alone does not say (that the prose and the table agree), so
findings relying on such a cell say so (``_readings.inferred_note``).

Only statements tied to one row and one column with confidence are read: one sentence naming
one of the two rows, the column's word (制发, 废止, 现行有效: the column labels without 本年
and 件数) right before the number and its unit 件, nothing in between that narrows or shifts
the count (其中, 累计, 上年 …), and no other year in the sentence. Section 五 (last year's
problems) is not read. The tables are not changed: ``corroborated`` returns a narrowed copy.
"""

from __future__ import annotations

import re

from govlint.format import table2 as t2
from govlint.lazy_re import lazy_pattern
from govlint.normalize import YEAR_NIAN, fold
from govlint.record import replace

from ._arith import is_blank
from ._common import prose, report_year

#: what a cell adopted this way is marked with (``TableCell.inferred``)
PROSE = "prose"
#: the rows whose numbers prose states: the 2021 format's documents of 第二十条第（一）项
ROWS = ("regulations", "normative")
COLUMNS = ("issued", "repealed", "in_force")
_SENTENCE = lazy_pattern(r"[^。；;！？!?\n]+")
_CLAUSE_MARK = lazy_pattern(r"[，,：:]")
#: words between the column's word and the number, or before it in the clause, that make the
#: number something else than this year's count of the row
_SHIFTING = lazy_pattern(r"其中|累计|上年|去年|上一年|以来|较|同比|历年|此前|以前|分别|平均|超过|不足|以上|以下|约|近")


def _word(col: str) -> str:
    """制发 for 本年制发件数: the column's label as prose says it."""
    label = t2.label(col)
    return label.removeprefix("本年").removesuffix("件数")


def _row_pattern(row: str):
    words = sorted(t2.row(row).aliases, key=len, reverse=True)
    return lazy_pattern("|".join(re.escape(w) for w in words) + r"(?!制度)")


_ROW_WORDS = {row: _row_pattern(row) for row in ROWS}
_STATED = {col: lazy_pattern(re.escape(_word(col)) + r"(?P<gap>[^，。；,;：:\d]{0,16}?)(?<!\d)(?P<n>\d+)\s*件(?!次)(?![余多])")
           for col in COLUMNS}
#: a column's word inside another statement's gap: the number is that column's
_COLUMN_WORDS = lazy_pattern("|".join(re.escape(_word(c)) for c in COLUMNS))


def stated(report) -> dict[str, dict[str, set[int]]]:
    """row → column → the numbers the prose states for that cell of table 二."""
    year = report_year(report)
    out: dict[str, dict[str, set[int]]] = {}
    for run in prose(report):
        if run.section == "problems":
            continue
        text = fold(run.text)
        if not any(_ROW_WORDS[row].search(text) for row in ROWS):
            continue
        for sentence in _SENTENCE.finditer(text):
            s = sentence.group()
            rows = [row for row in ROWS if _ROW_WORDS[row].search(s)]
            if len(rows) != 1:
                continue
            if {int(y) for y in YEAR_NIAN.findall(s)} - {year}:
                continue  # another year is spoken of: comparisons, history
            marks = [0] + [m.end() for m in _CLAUSE_MARK.finditer(s)]
            for col, pattern in _STATED.items():
                for match in pattern.finditer(s):
                    gap = match.group("gap")
                    if _SHIFTING.search(gap) or _COLUMN_WORDS.search(gap):
                        continue
                    clause = max(m for m in marks if m <= match.start())
                    if _SHIFTING.search(s, clause, match.start()):
                        continue
                    out.setdefault(rows[0], {}).setdefault(col, set()).add(int(match.group("n")))
    return out


def _known(table, row, col):
    cell = table.get(row, col)
    if cell is None:
        return None
    return 0 if is_blank(cell) else cell.value


def corroborated(report):
    """Table 二 with each glued 规章/行政规范性文件 row narrowed to the only reading that agrees
    with every number the prose states for it (a copy; the table itself when nothing is
    adopted, None without a table 二)."""
    table = report.table("table2")
    if table is None:
        return None
    groups = {row: table.reading_of(row, col) for row in ROWS for col in COLUMNS if table.reading_of(row, col)}
    if not groups:
        return table
    said = stated(report)
    adopted = {}
    for row, group in groups.items():
        numbers = said.get(row)
        if not numbers or len(group.values) < 2 or any(r != row for r, _ in group.cells):
            continue
        fits = [reading for reading in group.values if _agrees(table, row, numbers, dict(zip(group.cells, reading)))]
        if len(fits) == 1:
            adopted[row] = (group, fits[0])
    if not adopted:
        return table
    cells, readings = dict(table.cells), list(table.readings)
    for group, chosen in adopted.values():
        run = " ".join(group.runs)
        readings[readings.index(group)] = replace(group, values=(chosen,), inferred=PROSE)
        for key, value in zip(group.cells, chosen):
            cells[key] = replace(cells[key], value=value, values=None, inferred=PROSE,
                                 raw=f"{value}（拆分自“{run}”，按唯一与正文所述数字相符的拆分推断）")
    return replace(table, cells=cells, readings=readings)


def _agrees(table, row, numbers, reading) -> bool:
    for col, said in numbers.items():
        key = (row, col)
        value = reading[key] if key in reading else _known(table, row, col)
        if value is None or said != {value}:
            return False
    return True
