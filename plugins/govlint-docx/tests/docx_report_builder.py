"""Writes filled annual reports as .docx with python-docx, laid out like the 2021 template
(merged header cells included), so the loader can be tested on known values."""

from __future__ import annotations

from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4

TABLE3_COLUMNS = format_table3.columns()
TABLE3_ROWS_2021 = format_table3.rows("2021")
TABLE3_ROW_LABELS = {row.key: row.label for row in format_table3.ROWS}
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

TABLE3_GROUPS = {"denied": "（三）不予公开", "unable": "（四）无法提供",
                 "not_processed": "（五）不予处理", "other": "（六）其他处理"}
TABLE4_LEAVES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

#: 表二 as printed: (block heading, column headers, [(row label, values)])
Table2 = list[tuple[str, list[str], list[tuple[str, list[str]]]]]


def _merge(table, r0, c0, r1, c1, text):
    cell = table.cell(r0, c0).merge(table.cell(r1, c1))
    cell.text = text
    return cell


def _table2(document, blocks: Table2):
    rows = sum(2 + len(items) for _, _, items in blocks)
    table = document.add_table(rows=rows, cols=4)
    table.style = "Table Grid"
    r = 0
    for heading, columns, items in blocks:
        _merge(table, r, 0, r, 3, heading)
        table.cell(r + 1, 0).text = "信息内容"
        if len(columns) == 1:
            _merge(table, r + 1, 1, r + 1, 3, columns[0])
        else:
            for c, text in enumerate(columns, 1):
                table.cell(r + 1, c).text = text
        for i, (label, values) in enumerate(items, r + 2):
            table.cell(i, 0).text = label
            if len(values) == 1:
                _merge(table, i, 1, i, 3, values[0])
            else:
                for c, text in enumerate(values, 1):
                    table.cell(i, c).text = text
        r += 2 + len(items)


def _table3(document, values: dict[tuple[str, str], str]):
    table = document.add_table(rows=3 + len(TABLE3_ROWS_2021), cols=10)
    table.style = "Table Grid"
    _merge(table, 0, 0, 2, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    _merge(table, 0, 3, 0, 9, "申请人情况")
    _merge(table, 1, 3, 2, 3, "自然人")
    _merge(table, 1, 4, 1, 8, "法人或其他组织")
    _merge(table, 1, 9, 2, 9, "总计")
    for c, text in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], 4):
        table.cell(2, c).text = text
    first = {}
    for i, key in enumerate(TABLE3_ROWS_2021, 3):
        group = key.split(".")[0]
        if "." in key:
            table.cell(i, 2).text = TABLE3_ROW_LABELS[key]
            first.setdefault(group, i)
        elif key in ("new", "carried_over", "carried_forward"):
            _merge(table, i, 0, i, 2, TABLE3_ROW_LABELS[key])
        else:
            _merge(table, i, 1, i, 2, TABLE3_ROW_LABELS[key])
        for c, col in enumerate(TABLE3_COLUMNS, 3):
            table.cell(i, c).text = values.get((key, col), "")
    for group, label in TABLE3_GROUPS.items():
        last = max(i for i, key in enumerate(TABLE3_ROWS_2021, 3) if key.startswith(group + "."))
        _merge(table, first[group], 1, last, 1, label)
    results = [i for i, key in enumerate(TABLE3_ROWS_2021, 3) if key not in ("new", "carried_over", "carried_forward")]
    _merge(table, results[0], 0, results[-1], 0, "三、本年度办理结果")


def _table4(document, values: dict[tuple[str, str], str]):
    table = document.add_table(rows=4, cols=15)
    table.style = "Table Grid"
    _merge(table, 0, 0, 0, 4, "行政复议")
    _merge(table, 0, 5, 0, 14, "行政诉讼")
    for c, text in enumerate(TABLE4_LEAVES):
        _merge(table, 1, c, 2, c, text)
    _merge(table, 1, 5, 1, 9, "未经复议直接起诉")
    _merge(table, 1, 10, 1, 14, "复议后起诉")
    for c in range(5, 15):
        table.cell(2, c).text = TABLE4_LEAVES[(c - 5) % 5]
    for g, group in enumerate(TABLE4_GROUPS):
        for o, outcome in enumerate(TABLE4_OUTCOMES):
            table.cell(3, g * 5 + o).text = values.get((group, outcome), "")


def build_report(path, *, title: str, preamble: str, table2: Table2,
                 table3: dict[tuple[str, str], str], table4: dict[tuple[str, str], str],
                 texts: dict[str, str] | None = None) -> None:
    """Write a report: title, preamble, the six sections, the three tables in place."""
    import docx

    texts = texts or {}
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(preamble)
    headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    for n, heading in enumerate(headings, 1):
        document.add_heading(heading, level=2)
        if n == 2:
            _table2(document, table2)
        elif n == 3:
            _table3(document, table3)
        elif n == 4:
            _table4(document, table4)
        document.add_paragraph(texts.get(heading[0], f"{heading[2:]}的文字说明。"))
    document.save(str(path))
