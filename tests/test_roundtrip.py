"""Round trip through the real loaders: a generated report, rendered as real sources print it,
parses back to the same template, year, sections and table values.

A report is drawn once (template 2019 or 2021, random values, random layout choices) and
rendered as a word-processor HTML page (random header spans, ``<br/>`` inside labels,
``&nbsp;`` blanks, UTF-8 or GB18030 labelled gb2312) and in every text style of the seeds and
the corpus: one cell per line with trailing pipes (seeds 000/001), leading pipes (003),
tab-separated rows (002), cells separated by blank lines (004), the crawler run-on style of the
Pingtan files, and Markdown pipe tables. Each rendering goes through the loader the registry
picks by suffix and through ``govlint.parser.parse``.

The run-on style glues the digits of a row together; there a table may come out incomplete
when a run cannot be split unambiguously, but a value that is read is always the printed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.format import sections as format_sections
from govlint.format import table2 as t2
from govlint.format import table3 as t3
from govlint.format import table4 as t4
from govlint.parser import parse
from govlint.parser.glued import split_runs
from govlint.plugin_host import load_plugins

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------------------------------------
# the report model
# ---------------------------------------------------------------------------------------------
@dataclass
class Model:
    template: str                    # "2019" or "2021"
    year: int
    place: str
    table2: dict                     # (row, col) → int | Decimal
    table3: dict                     # (row, col) → int | None (blank)
    table4: dict                     # (group, outcome) → int
    prose: dict                      # section key → list of sentences before any table
    preamble: str = ""

    @property
    def title(self) -> str:
        return f"{self.place}人民政府{self.year}年政府信息公开工作年度报告"

    @property
    def rows3(self) -> tuple[str, ...]:
        return t3.rows("2019" if self.template == "2019" else "2021")

    @property
    def blocks2(self) -> dict:
        return t2.block_rows("2019" if self.template == "2019" else "2021")

    @property
    def columns2(self) -> dict:
        return t2.block_columns("2019" if self.template == "2019" else "2021")


PLACES = ("壶关县", "大英县", "叶县", "沭阳县", "盘山县", "阿克陶县", "石门县", "临朐县", "德化县", "永和县")
SECTION_HEADINGS = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
PROSE = {
    "overview": (
        "{year}年，我县认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续深化政务公开。",
        "（一）主动公开情况。全年通过政府门户网站主动公开政府信息{n}条。",
        "（二）依申请公开情况。严格按照法定时限答复申请人，依法保障群众知情权。",
        "（三）政府信息管理情况。严格落实信息发布审查制度，确保发布的信息准确、规范。",
        "（四）政府信息公开平台建设情况。优化政府网站栏目设置，提升平台服务功能。",
        "（五）监督保障情况。全年组织培训{m}次，完善考核监督机制。",
    ),
    "proactive": ("{year}年主动公开政府信息{n}条，其中政策文件{m}件。",),
    "requests": ("{year}年共受理政府信息公开申请{n}件，均在法定期限内答复。",),
    "appeals": ("本年度因政府信息公开申请引起的行政复议、行政诉讼情况如下：",),
    "problems": (
        "一是公开内容不够丰富；二是政策解读形式较为单一。",
        "下一步，我县将加强业务培训，不断提升政务公开质量。",
    ),
    "other": (
        "本年度未收取信息处理费。",
        "按照《政府信息公开信息处理费管理办法》规定，本年度未发生收费情况。",
        "无其他需要报告的事项。",
    ),
}

counts = st.one_of(st.integers(0, 9), st.integers(0, 999), st.integers(0, 99999))


@st.composite
def amounts(draw, places=3):
    """A 万元 (or 元) amount as printed: up to ``places`` decimals."""
    return Decimal(draw(st.integers(0, 10 ** 7))).scaleb(-draw(st.integers(0, places)))


@st.composite
def sentences(draw, key, year):
    pool = PROSE[key]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=min(3, len(pool)), unique=True))
    return [s.format(year=year, n=draw(st.integers(1, 5000)), m=draw(st.integers(1, 50))) for s in chosen]


@st.composite
def models(draw, blanks: bool = False, signed: bool = True):
    template = draw(st.sampled_from(("2019", "2021")))
    year = draw(st.integers(2019, 2020) if template == "2019" else st.integers(2021, 2025))
    place = draw(st.sampled_from(PLACES))
    blocks = t2.block_rows("2019" if template == "2019" else "2021")
    columns = t2.block_columns("2019" if template == "2019" else "2021")
    table2 = {}
    for block, rows in blocks.items():
        for row in rows:
            for col in columns[block]:
                if col == "amount":
                    value = draw(amounts(3))
                elif col == "procurement_amount":
                    value = draw(amounts(2))
                elif col == "change" and signed:
                    value = draw(st.integers(-99, 999))
                else:
                    value = draw(counts)
                table2[(row, col)] = value
    rows3 = t3.rows("2019" if template == "2019" else "2021")
    cell = st.one_of(counts, st.none()) if blanks else counts
    table3 = {(row, col): draw(cell) for row in rows3 for col in t3.columns()}
    table4 = {(g, o): draw(counts) for g in t4.groups() for o in t4.outcomes()}
    prose = {}
    for key in format_sections.KEYS:
        optional = key in ("proactive", "requests", "appeals")
        if optional and not draw(st.booleans()):
            prose[key] = []
            continue
        prose[key] = draw(sentences(key, year))
    period = draw(st.sampled_from((
        "本年度报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
        "报告所列数据的统计期限自{y}年1月1日起至12月31日止。",
    ))).format(y=year)
    preamble = (f"根据《中华人民共和国政府信息公开条例》规定，现公布{place}人民政府{year}年政府信息公开工作年度报告。"
                + period)
    return Model(template, year, place, table2, table3, table4, prose, preamble)


# ---------------------------------------------------------------------------------------------
# layout: the tables as a word processor lays them out (origin cells with spans)
# ---------------------------------------------------------------------------------------------
@dataclass
class C:
    """A table cell as the source lays it out; ``\\n`` in ``text`` marks a line break."""

    text: str
    cs: int = 1
    rs: int = 1


@dataclass
class Layout:
    header3: str = "applicants"     # how the table-3 header spans its rows
    label_cols: int = 3             # label columns of table 3
    results: str = "rowspan"        # 三、本年度办理结果: rowspan / repeat / own_row
    groups: str = "rowspan"         # （三）不予公开 …: rowspan / repeat / own_row
    own_fill: str = "cells"         # value cells of an own-row group label: cells / span
    header4: str = "seed"           # table-4 header arrangement
    pad2: str = "span"              # short table-2 rows: one spanning cell / blank cells
    wraps: frozenset = frozenset()  # labels printed with a line break inside
    half: bool = False              # half-width brackets and colons in labels
    yuan: bool = False              # 2019 采购总金额 printed with its unit (251000元)
    chrome: bool = False            # page chrome (breadcrumbs, 发布日期 …) around the report
    cut_new: bool = False           # a text extraction keeps only 本年新 of 本年新<br/>制作数量 (seed 003)


#: where the seeds break header labels (seed 004, seed 000's ``商业<br/>企业``)
WRAPS = {
    "商业企业": "商业\n企业", "科研机构": "科研\n机构", "社会公益组织": "社会公\n益组织",
    "法律服务机构": "法律服\n务机构", "结果维持": "结果\n维持", "结果纠正": "结果\n纠正",
    "其他结果": "其他\n结果", "尚未审结": "尚未\n审结",
    "本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量",   # S15
}
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
GROUP_LABELS = {g: t3.row(g).label for g in ("denied", "unable", "not_processed", "other")}
RESULTS = "三、本年度办理结果"


@st.composite
def layouts(draw, template):
    label_cols = draw(st.integers(1, 3))
    results = draw(st.sampled_from(("rowspan", "repeat", "own_row")) if label_cols >= 2 else st.just("own_row"))
    inner = label_cols - (results != "own_row")
    groups = draw(st.sampled_from(("rowspan", "repeat", "own_row")) if inner >= 2 else st.just("own_row"))
    return Layout(
        header3=draw(st.sampled_from(("applicants", "no_applicants", "total_tall", "note_row"))),
        label_cols=label_cols, results=results, groups=groups,
        own_fill=draw(st.sampled_from(("cells", "span"))),
        header4=draw(st.sampled_from(("seed", "review_tall"))),
        pad2=draw(st.sampled_from(("span", "blanks"))),
        wraps=frozenset(draw(st.lists(st.sampled_from(sorted(WRAPS)), unique=True, max_size=4))),
        half=draw(st.booleans()),
        yuan=template == "2019" and draw(st.booleans()),
        chrome=draw(st.booleans()),
        cut_new=draw(st.booleans()),
    )


def _label(text: str, lay: Layout) -> str:
    if text in lay.wraps:
        text = WRAPS[text]
    if lay.half:
        text = text.replace("（", "(").replace("）", ")").replace("：", ":")
    return text


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def column_label(m: Model, col: str) -> str:
    """The 2019 format prints 处理决定数量 where the 2021 format prints 本年处理决定数量."""
    if col == "decisions" and m.template == "2019":
        return "处理决定数量"
    return t2.label(col)


def table2_rows(m: Model, lay: Layout) -> list[list[C]]:
    width = 1 + max(len(cols) for cols in m.columns2.values())
    out = []
    for block, rows in m.blocks2.items():
        cols = m.columns2[block]
        out.append([C(_label(t2.label(block), lay), cs=width)])

        def fill(cells):
            short = width - 1 - len(cells)
            if not short:
                return cells
            if lay.pad2 == "span":
                return cells[:-1] + [C(cells[-1].text, cs=cells[-1].cs + short)]
            return cells + [C("") for _ in range(short)]

        out.append([C(_label("信息内容", lay))] + fill([C(_label(column_label(m, c), lay)) for c in cols]))
        for row in rows:
            label = "规范性文件" if (row == "normative" and m.template == "2019") else t2.label(row)
            values = []
            for col in cols:
                text = _show(m.table2[(row, col)])
                if col == "procurement_amount" and lay.yuan:
                    text += "元"
                values.append(C(text))
            out.append([C(_label(label, lay))] + fill(values))
    return out


def _blank_values(lay: Layout) -> list[C]:
    return [C("", cs=7)] if lay.own_fill == "span" else [C("") for _ in range(7)]


def table3_rows(m: Model, lay: Layout) -> list[list[C]]:
    L = lay.label_cols
    subs = [C(_label(t3.column_label(c), lay)) for c in t3.LEGAL_PERSON_COLUMNS]
    natural, legal, total = C("自然人"), C("法人或其他组织", cs=5), C("总计")
    if lay.header3 == "applicants":          # seed 000
        head = [[C(NOTE, cs=L, rs=3), C("申请人情况", cs=7)],
                [C("自然人", rs=2), legal, C("总计", rs=2)], subs]
    elif lay.header3 == "no_applicants":
        head = [[C(NOTE, cs=L, rs=2), C("自然人", rs=2), legal, C("总计", rs=2)], subs]
    elif lay.header3 == "total_tall":
        head = [[C(NOTE, cs=L, rs=3), C("申请人情况", cs=6), C("总计", rs=3)],
                [C("自然人", rs=2), legal], subs]
    else:                                    # the note on a row of its own above the header
        head = [[C(NOTE, cs=L + 7)], [C("", cs=L, rs=3), C("申请人情况", cs=7)],
                [C("自然人", rs=2), legal, C("总计", rs=2)], subs]
    del natural, total

    def values(row):
        return [C(_show(m.table3[(row, col)])) for col in t3.columns()]

    top = {"new", "carried_over", "carried_forward"}
    inner = L - (lay.results != "own_row")
    results: list[list[C]] = []
    rows = [r for r in m.rows3 if r not in top]
    by_group: dict[str, list[str]] = {}
    for row in rows:
        group, _, item = row.partition(".")
        if item:
            by_group.setdefault(group, []).append(row)
    for row in rows:
        group, _, item = row.partition(".")
        label = _label(t3.row(row).label, lay)
        if not item:
            results.append([C(label, cs=inner)] + values(row))
            continue
        first = by_group[group][0] == row
        glabel = _label(GROUP_LABELS[group], lay)
        if lay.groups == "own_row":
            if first:
                results.append([C(glabel, cs=inner)] + _blank_values(lay))
            results.append([C(label, cs=inner)] + values(row))
        elif lay.groups == "rowspan":
            lead = [C(glabel, rs=len(by_group[group]))] if first else []
            results.append(lead + [C(label, cs=inner - 1)] + values(row))
        else:
            results.append([C(glabel), C(label, cs=inner - 1)] + values(row))
    if lay.results == "own_row":
        results.insert(0, [C(RESULTS, cs=L)] + _blank_values(lay))
    elif lay.results == "rowspan":
        results[0] = [C(RESULTS, rs=len(results))] + results[0]
    else:
        results = [[C(RESULTS)] + r for r in results]
    body = [[C(_label(t3.row(r).label, lay), cs=L)] + values(r) for r in ("new", "carried_over")]
    body += results
    body.append([C(_label(t3.row("carried_forward").label, lay), cs=L)] + values("carried_forward"))
    return head + body


def table4_rows(m: Model, lay: Layout) -> list[list[C]]:
    leaves = [C(_label(t4.outcome_label(o), lay)) for o in t4.outcomes()]
    tall = [C(c.text, rs=2) for c in leaves]
    values = [C(_show(m.table4[(g, o)])) for g in t4.groups() for o in t4.outcomes()]
    if lay.header4 == "seed":                # seed 000
        return [[C("行政复议", cs=5), C("行政诉讼", cs=10)],
                tall + [C("未经复议直接起诉", cs=5), C("复议后起诉", cs=5)],
                leaves + leaves, values]
    return [[C("行政复议", cs=5, rs=2), C("行政诉讼", cs=10)],
            [C("未经复议直接起诉", cs=5), C("复议后起诉", cs=5)],
            leaves * 3, values]


def plan(m: Model, lay: Layout) -> list[tuple[str, object]]:
    """The report in reading order: ("title"|"para"|"heading", text) and ("table", rows)."""
    items: list[tuple[str, object]] = [("title", m.title)]
    if lay.chrome:
        items.append(("chrome", f"发布日期:{m.year + 1}-02-20"))
    items.append(("para", m.preamble))
    tables = {"proactive": table2_rows, "requests": table3_rows, "appeals": table4_rows}
    for key in format_sections.KEYS:
        items.append(("heading", SECTION_HEADINGS[key]))
        items += [("para", s) for s in m.prose[key]]
        if key in tables:
            items.append(("table", tables[key](m, lay)))
    return items


def expand(rows: list[list[C]]) -> list[list[tuple[C, bool]]]:
    """The grid: every position with its cell and whether it is the cell's origin."""
    grid: dict[tuple[int, int], tuple[C, bool]] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    grid[(r + dr, c + dc)] = (cell, dr == 0 and dc == 0)
            c += cell.cs
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), (C(""), True)) for c in range(width)] for r in range(height)]


# ---------------------------------------------------------------------------------------------
# renderers
# ---------------------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


TD = '<td{span} width="{w}" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">'
SPAN = '<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">{}</span></p>'


def render_html(items, encoding: str, headings: str) -> bytes:
    title = items[0][1]
    out = [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}" />',
        f"<title>{_esc(title)}_政府信息公开</title>", "</head>", "<body>",
        '<div class="position">当前位置:<a href="/">首页</a>&gt;<a href="#">政府信息公开年报</a></div>',
        '<div class="main">',
    ]
    for kind, value in items:
        if kind == "chrome":
            # seed 000: the 政务公开 metadata table above the report
            cells = ["索引号:000014349/2024-11355", "", "发文字号:", value, "标题:" + title, ""]
            out.insert(out.index('<div class="main">') + 1, '<div class="xxgk_meta"><table border="1"><tbody>' + "".join(
                f"<tr><td>{_esc(a)}</td><td>{_esc(b)}</td></tr>" for a, b in zip(cells[::2], cells[1::2]))
                + "</tbody></table></div>")
        elif kind == "title":
            out.append(f'<p class="MsoNormal" align="center"><b><span style="font-size:22.0pt">{_esc(value)}</span></b></p>')
        elif kind == "heading":
            if headings == "h":
                out.append(f"<h3>{_esc(value)}</h3>")
            else:
                out.append('<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-size:16.0pt;'
                           f'font-family:黑体">{_esc(value)}</span></b></p>')
        elif kind == "para":
            out.append(f'<p class="MsoNormal" style="text-indent:32.0pt"><span style="font-size:16.0pt">{_esc(value)}</span></p>')
        else:
            out.append('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
                       'style="border-collapse:collapse;border:none">')
            out.append("<tbody>")
            for row in value:
                out.append("<tr>")
                for cell in row:
                    span = (f' rowspan="{cell.rs}"' if cell.rs > 1 else "") + (f' colspan="{cell.cs}"' if cell.cs > 1 else "")
                    text = "<br/>".join(_esc(part) for part in cell.text.split("\n")) if cell.text else "&nbsp;"
                    out.append(TD.format(span=span, w=60 * cell.cs) + "\n" + SPAN.format(text) + "\n</td>")
                out.append("</tr>")
            out.append("</tbody>")
            out.append("</table>")
    out += ["</div>", '<div class="footer"><p>主办单位：县人民政府办公室&nbsp;&nbsp;联系电话：0355-8666188</p></div>',
            "</body>", "</html>"]
    html = "\n".join(out)
    codec = "utf-8" if encoding == "utf-8" else "gb18030"
    return html.encode(codec)


def _origins(rows):
    return [[cell for cell in row] for row in rows]


def render_pipes_trailing(items, ends: list[int], one_line: bool) -> str:
    """Seeds 000/001: a cell per line ending in `` |``; a row ends in ``| ||`` or a ``|||`` line."""
    lines = []
    k = 0
    for kind, value in items:
        if kind == "chrome":
            # seed 000: breadcrumbs and the metadata table as pipe lines, above the title
            lines[:0] = ["当前位置:首页>政府信息公开年报>县政府信息公开年报", "字体大小:【大】 【中】 【小】",
                         "索引号:000014349/2024-11355 | |", f"发文字号: | {value} |", f"标题:{items[0][1]} | |"]
            continue
        if kind != "table":
            lines.append(value)
            continue
        for row in value:
            end = ends[k % len(ends)]
            k += 1
            texts = [c.text.replace("\n", " ") for c in row]
            if one_line and all(re.fullmatch(r"-?[\d.]+元?", t) for t in texts):
                lines.append(" | ".join(texts) + " |")
                continue
            for t in texts[:-1]:
                lines.append(f"{t} |")
            if end < 0:                     # seed 001: the row end on a line of its own
                lines.append(f"{texts[-1]} |")
                lines.append("|" * -end)
            else:
                lines.append(f"{texts[-1]} |" + (" " + "|" * end if end else ""))
    return "\n".join(lines) + "\n"


def render_pipes_leading(items, ends: list[int], cut_new: bool = False) -> str:
    """Seed 003: ``| first cell``, each cell followed by a ``|`` line, rows padded with ``||||``;
    the extraction may keep only the first line of ``本年新<br/>制作数量``."""
    lines = []
    k = 0
    for kind, value in items:
        if kind == "chrome":
            lines.append(value.replace("发布日期:", "发布时间:") + " 浏览次数:14")
            continue
        if kind != "table":
            lines.append(value)
            continue
        for row in value:
            texts = [c.text.split("\n")[0] if (cut_new and c.text.startswith("本年新\n")) else c.text.replace("\n", "")
                     for c in row]
            lines.append(f"| {texts[0]}")
            lines.append("|")
            for t in texts[1:]:
                lines.append(t)
                lines.append("|")
            end = ends[k % len(ends)]
            k += 1
            if end:
                lines.append("|" * end)
    return "\n".join(lines) + "\n"


def render_tabs(items, shifts: list[bool], trailing: list[bool]) -> str:
    """Seed 002: a row per line, cells between tabs, spanned positions empty; some rows shift
    their cells left (the label where the spanned columns were) as extractions do."""
    lines = []
    k = 0
    for kind, value in items:
        if kind == "chrome":
            lines += [value, ""]
            continue
        if kind != "table":
            lines += [value, ""]
            continue
        for row in expand(value):
            texts = [cell.text.replace("\n", " ") if origin else "" for cell, origin in row]
            shift, trail = shifts[k % len(shifts)], trailing[k % len(trailing)]
            k += 1
            if shift:
                lead = 0
                while lead < len(texts) - 1 and texts[lead] == "":
                    lead += 1
                texts = texts[lead:] + [""] * lead
            line = "\t".join(texts)
            lines.append(line if trail else line.rstrip("\t"))
        lines.append("")
    return "\n".join(lines) + "\n"


def render_blank_lines(items) -> str:
    """Seed 004: every cell (and every piece of a wrapped label) on its own line, blank lines
    between; empty cells vanish."""
    parts = []
    for kind, value in items:
        if kind == "chrome":
            parts.insert(0, "37-top_img.png")
            parts.append(value.replace("发布日期:", "发布时间:") + " 浏览次数:14")
            continue
        if kind != "table":
            parts.append(value)
            continue
        for row in value:
            for cell in row:
                parts += [p for p in cell.text.split("\n") if p]
    return "\n\n".join(parts) + "\n"


def render_markdown(items, repeat: bool, hashes: bool = False) -> str:
    """Markdown pipe tables (PDF conversions): one grid row per line, spanned positions blank
    or repeated, the first row as the header; title and headings plain or as ``#`` lines."""
    lines = []
    for kind, value in items:
        if kind == "chrome":
            continue
        if kind in ("title", "heading") and hashes:
            lines += [("# " if kind == "title" else "## ") + value, ""]
            continue
        if kind != "table":
            lines += [value, ""]
            continue
        grid = expand(value)
        for i, row in enumerate(grid):
            texts = [cell.text.replace("\n", "") if (origin or repeat) else "" for cell, origin in row]
            lines.append("| " + " | ".join(texts) + " |")
            if i == 0:
                lines.append("|" + "---|" * len(row))
        lines.append("")
    return "\n".join(lines) + "\n"


CRAWLER_HEADER = """标题: {title}
发布时间: {next}-01-13 08:38
文号: 
发布机构: 
栏目: 政府信息公开年报
原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/{next}01/t{next}0113_80600.htm
本地目录: zwgk/zfxxgk/zfxxgknb/{next}01/80600_{title}
页面链接与图片详见 links.tsv(同目录)
==================== 正文 ====================
"""


def render_runon(items, year: int, spaces: list[bool]) -> str:
    """The Pingtan crawler files: a ``key: value`` header, then the whole body on one line,
    labels glued to each other and the digits of a row glued (or split by a space)."""
    body = []
    k = 0
    for kind, value in items:
        if kind == "chrome":
            continue                 # the crawler header says it
        if kind == "title":
            body.append(value + " ")
        elif kind != "table":
            body.append(value)
        else:
            out = " "
            for row in value:
                prev_num = False
                for cell in row:
                    text = cell.text.replace("\n", "")
                    if not text:
                        continue
                    num = bool(re.fullmatch(r"-?[\d.]+元?", text))
                    if num and prev_num and spaces[k % len(spaces)]:
                        out += " "
                    k += 1
                    out += text
                    prev_num = num
            body.append(out + " ")
    return CRAWLER_HEADER.format(title=items[0][1], next=year + 1) + "".join(body) + "\n"


# ---------------------------------------------------------------------------------------------
# loading and checking
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def registry():
    return load_plugins()


def load_and_parse(name: str, data: bytes):
    loader = registry().loader_for(name, data[:512])
    assert loader is not None, name
    return parse(loader.load(name, data))


def expected2(m: Model) -> dict:
    return dict(m.table2)


def expected4(m: Model) -> dict:
    return dict(m.table4)


def found(report, kind) -> dict:
    table = report.table(kind)
    return {(c.row, c.col): c.value for c in table} if table else {}


def check_meta(report, m: Model, where: str):
    assert report.template == m.template, (where, report.template, {k: t.problems for k, t in report.tables.items()})
    assert report.metadata.year == m.year, where
    assert [(s.number, s.key) for s in report.sections] == list(enumerate(format_sections.KEYS, 1)), (
        where, [(s.number, s.key, s.heading) for s in report.sections])
    period = report.metadata.period
    assert period is not None and (period.start.year, period.end.year) == (m.year, m.year), where
    assert (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31), where


def check_exact(report, m: Model, where: str):
    check_meta(report, m, where)
    for kind, want in (("table2", expected2(m)), ("table3", dict(m.table3)), ("table4", expected4(m))):
        table = report.table(kind)
        assert table is not None, (where, kind)
        assert table.complete, (where, kind, table.problems)
        got = found(report, kind)
        assert got == want, (where, kind, {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v})
        for key, value in want.items():
            # an amount keeps its exact decimals; a count is an int, never a Decimal
            assert type(got[key]) is type(value) or value is None, (where, kind, key, got[key])


def _row_name(kind: str, row: str) -> str:
    if kind == "table3":
        return t3.row(row).label
    if kind == "table2":
        return t2.label(row) if row != "normative" else "规范性文件"
    return ""


def check_never_wrong(report, m: Model, where: str):
    """Run-on text: every value read is the printed one; a table that lost a row says which."""
    check_meta(report, m, where)
    for kind, want in (("table2", expected2(m)), ("table3", dict(m.table3)), ("table4", expected4(m))):
        table = report.table(kind)
        assert table is not None, (where, kind)
        # a cell with several readings lists the printed value among its possible ones
        glued = {(c.row, c.col): c.values for c in table if c.values is not None}
        assert all(want.get(k) in v for k, v in glued.items()), (where, kind, glued)
        # a reading adopted because it alone balances its row's 总计 assumes that 总计 is right,
        # which a random model need not be: such cells are not compared (test_parser_tables checks them)
        inferred = {(c.row, c.col) for c in table if c.inferred}
        glued.update({k: (want.get(k),) for k in inferred})
        got = {k: v for k, v in found(report, kind).items() if k not in glued}
        wrong = {k: (v, want.get(k)) for k, v in got.items() if k not in want or want[k] != v}
        assert not wrong, (where, kind, wrong, table.problems)
        if table.complete:
            if not table.unreadable:
                assert set(got) | set(glued) == set(want), (where, kind, table.problems)
            continue
        assert table.problems, (where, kind)
        for row in {r for r, _ in want} - {r for r, _ in got}:
            name = _row_name(kind, row)
            assert any(name in p for p in table.problems), (where, kind, row, table.problems)


# ---------------------------------------------------------------------------------------------
# the properties
# ---------------------------------------------------------------------------------------------
@settings(max_examples=60, **SETTINGS)
@given(st.data())
def test_html_pages_parse_back(data):
    m = data.draw(models(blanks=True))
    lay = data.draw(layouts(m.template))
    encoding = data.draw(st.sampled_from(("utf-8", "gb2312")))
    headings = data.draw(st.sampled_from(("p", "h")))
    page = render_html(plan(m, lay), encoding, headings)
    report = load_and_parse("report.html", page)
    check_exact(report, m, f"html {encoding} {lay}")


@settings(max_examples=60, **SETTINGS)
@given(st.data())
def test_text_extractions_parse_back(data):
    m = data.draw(models())
    lay = data.draw(layouts(m.template))
    items = plan(m, lay)
    ends = data.draw(st.lists(st.integers(-9, 9), min_size=1, max_size=8))
    flags = data.draw(st.lists(st.booleans(), min_size=1, max_size=8))
    styles = {
        "trailing pipes": render_pipes_trailing(items, ends, data.draw(st.booleans())),
        "leading pipes": render_pipes_leading(items, [abs(e) for e in ends], lay.cut_new),
        "tabs": render_tabs(items, flags, flags[::-1]),
        "blank lines": render_blank_lines(items),
    }
    encoding = data.draw(st.sampled_from(("utf-8", "utf-8-sig", "gb18030")))
    for style, text in styles.items():
        report = load_and_parse("report.txt", text.encode(encoding))
        check_exact(report, m, f"{style} {encoding} {lay}")


@settings(max_examples=60, **SETTINGS)
@given(st.data())
def test_markdown_tables_parse_back(data):
    m = data.draw(models(blanks=True))
    lay = data.draw(layouts(m.template))
    text = render_markdown(plan(m, lay), data.draw(st.booleans()), data.draw(st.booleans()))
    report = load_and_parse("report.md", text.encode("utf-8"))
    check_exact(report, m, f"markdown {lay}")


@settings(max_examples=60, **SETTINGS)
@given(st.data())
def test_runon_crawler_text_reads_right_or_says_incomplete(data):
    m = data.draw(models())
    lay = data.draw(layouts(m.template))
    spaces = data.draw(st.lists(st.booleans(), min_size=1, max_size=12))
    text = render_runon(plan(m, lay), m.year, spaces)
    report = load_and_parse("report.txt", text.encode("utf-8"))
    check_never_wrong(report, m, f"run-on {lay}")


# ---------------------------------------------------------------------------------------------
# regressions the properties found (smallest forms)
# ---------------------------------------------------------------------------------------------
def sample_model(template: str = "2021", blank: tuple = ()) -> Model:
    """A fixed report whose every count is different, so a shifted value cannot go unnoticed."""
    rows3 = t3.rows("2019" if template == "2019" else "2021")
    table3 = {(row, col): (None if (row, col) in blank else 10 * i + j + 1)
              for i, row in enumerate(rows3) for j, col in enumerate(t3.columns())}
    blocks = t2.block_rows("2019" if template == "2019" else "2021")
    columns = t2.block_columns("2019" if template == "2019" else "2021")
    table2 = {}
    for block, rows in blocks.items():
        for row in rows:
            for col in columns[block]:
                table2[(row, col)] = (Decimal("3080.699") if col in t2.amount_columns()
                                      else 500 + len(table2))
    table4 = {(g, o): 900 + i for i, (g, o) in enumerate(
        (g, o) for g in t4.groups() for o in t4.outcomes())}
    year = 2020 if template == "2019" else 2023
    prose = {key: [PROSE[key][0].format(year=year, n=12, m=3)] for key in format_sections.KEYS}
    preamble = f"本年度报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    return Model(template, year, "壶关县", table2, table3, table4, prose, preamble)


def test_results_label_repeated_on_every_row_with_group_labels_on_their_own_rows():
    # 三、本年度办理结果 printed again on each row, （三）不予公开 on a row of its own with empty
    # cells: the repeated heading once closed the group's row and its empty cells became values
    for template in ("2019", "2021"):
        m = sample_model(template)
        for fill in ("cells", "span"):
            lay = Layout(label_cols=2, results="repeat", groups="own_row", own_fill=fill)
            report = load_and_parse("report.html", render_html(plan(m, lay), "utf-8", "p"))
            check_exact(report, m, f"{template} {fill}")


def test_markdown_merged_label_cells_are_not_blank_values():
    # ``| （一）予以公开 |  | 5 | … |  |``: the empty cell a merged label leaves in a Markdown grid
    # once counted as the row's first value, shifting every value right by one
    m = sample_model("2021", blank=(("granted", "total"), ("total", "natural"), ("denied.1", "other")))
    lay = Layout(label_cols=3, results="repeat", groups="rowspan")
    report = load_and_parse("report.md", render_markdown(plan(m, lay), repeat=False).encode("utf-8"))
    check_exact(report, m, "markdown")
    assert report.table("table3").get("granted", "total").raw == ""


def test_blank_table4_row_is_fifteen_blank_cells():
    # the blank 2021 Word template prints table 4's data row with 15 empty cells: a complete
    # table of blanks (GL205 says so as info), not "未找到表四的数值行"
    m = sample_model("2021")
    m.table4 = {key: None for key in m.table4}
    page = render_html(plan(m, Layout()), "utf-8", "p")
    report = load_and_parse("report.html", page)
    check_exact(report, m, "blank table 4")
    # a row one cell short is not that row: still reported, never guessed
    short = page.decode("utf-8").replace(TD.format(span="", w=60) + "\n" + SPAN.format("&nbsp;") + "\n</td>", "", 1)
    table4 = load_and_parse("report.html", short.encode("utf-8")).table("table4")
    assert not table4.complete and table4.problems == ["未找到表四的数值行"]


def test_glued_run_with_a_minus_is_never_split_as_if_the_sign_began_a_cell():
    # 2019's 本年增/减 may be negative: ``行政强制107-35436`` is 107, -35, 436 (or 10, 7, -35436 …);
    # the signed run once counted as one fixed cell, so 107 was cut into 10 and 7
    m = sample_model("2019")
    m.table2.update({("coercion", "last_year_items"): 107, ("coercion", "change"): -35,
                     ("coercion", "decisions"): 436})
    report = load_and_parse("report.txt", render_runon(plan(m, Layout()), m.year, [False]).encode("utf-8"))
    check_never_wrong(report, m, "run-on")
    table2 = report.table("table2")
    # several readings (107, -35, 436 or 10, 7, -35436 …): the row keeps them, none is chosen
    assert table2.get("coercion", "decisions").value is None
    assert 436 in table2.get("coercion", "decisions").values
    assert split_runs(["10", "-5"], 3) == (1, [("1", "0"), ("-5",)])
    assert split_runs(["-305"], 2) == (1, [("-30", "5")])


def test_blank_cells_on_both_sides_of_a_row_are_not_guessed():
    # ``label | | | 1 | 2 | 3 | 4 | 5 | 6 | |``: whether the first or the last of the seven cells is
    # the blank one depends on blanks the text cannot place; the row was read as (blank, 1 … 6)
    from govlint.parser.values import SEP, read_gap, take
    text = SEP + SEP.join(["", "", "1", "2", "3", "4", "5", "6", "", ""])
    values, reason = take(read_gap(text, 0, len(text)), 7)
    assert values is None and "空白单元格" in reason
    # blanks only inside the row, or padding on one side only: read as printed
    text = SEP + SEP.join(["1", "", "3", "4", "5", "6", "7", "", ""])
    values, _ = take(read_gap(text, 0, len(text)), 7)
    assert [v.text for v in values] == ["1", "", "3", "4", "5", "6", "7"]
