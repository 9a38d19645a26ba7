"""Table recognition on hand-built Documents, in every extraction style a loader may produce."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Cell, Document, Grid, Paragraph
from govlint.format import table3 as format_table3
from govlint.format import table4 as format_table4
from govlint.parser import parse
from govlint.parser.glued import split_runs
from govlint.span import Span

TABLE3_COLUMNS = format_table3.columns()
TABLE3_ROWS_2021 = format_table3.rows("2021")
TABLE4_GROUPS = format_table4.groups()
TABLE4_OUTCOMES = format_table4.outcomes()

ROW_TEXT = {
    "new": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开", "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied.1": "1.属于国家秘密", "denied.2": "2.其他法律行政法规禁止公开",
    "denied.3": "3.危及“三安全一稳定”", "denied.4": "4.保护第三方合法权益",
    "denied.5": "5.属于三类内部事务信息", "denied.6": "6.属于四类过程性信息",
    "denied.7": "7.属于行政执法案卷", "denied.8": "8.属于行政查询事项",
    "unable.1": "1.本机关不掌握相关政府信息", "unable.2": "2.没有现成信息需要另行制作",
    "unable.3": "3.补正后申请内容仍不明确", "not_processed.1": "1.信访举报投诉类申请",
    "not_processed.2": "2.重复申请", "not_processed.3": "3.要求提供公开出版物",
    "not_processed.4": "4.无正当理由大量反复申请", "not_processed.5": "5.要求行政机关确认或重新出具已获取信息",
    "other.1": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.2": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.3": "3.其他", "total": "（七）总计", "carried_forward": "四、结转下年度继续办理",
}
GROUP_BEFORE = {"granted": "三、本年度办理结果", "denied.1": "（三）不予公开", "unable.1": "（四）无法提供",
                "not_processed.1": "（五）不予处理", "other.1": "（六）其他处理"}
HEADER = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
          "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T4_HEADER = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
             "复议后起诉"] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2

counts = st.integers(min_value=0, max_value=999)
table3_values = st.lists(st.lists(counts, min_size=7, max_size=7), min_size=25, max_size=25)
table4_values = st.lists(counts, min_size=15, max_size=15)


def _rows(values):
    """(labels, numbers) per printed row of table 3, group headings on their own rows."""
    for key, nums in zip(TABLE3_ROWS_2021, values):
        labels = [GROUP_BEFORE[key]] if key in GROUP_BEFORE else []
        yield labels + [ROW_TEXT[key]], [str(n) for n in nums]


def _doc(blocks) -> Document:
    return Document(path="t.txt", format="text", blocks=blocks)


def _para(text, line=1):
    return Paragraph(text, Span(line, 1, line, len(text) + 1))


def grid_style(values, t4):
    rows = [[Cell(t) for t in HEADER]]
    for labels, nums in _rows(values):
        rows.append([Cell(t) for t in labels + nums])
    rows4 = [[Cell(t) for t in T4_HEADER], [Cell(str(n)) for n in t4]]
    return _doc([_para("三、收到和处理政府信息公开申请情况"), Grid(rows),
                 _para("四、政府信息公开行政复议、行政诉讼情况"), Grid(rows4), _para("五、存在的主要问题及改进情况")])


def cell_per_line_style(values, t4):
    blocks = [_para("三、收到和处理政府信息公开申请情况")] + [_para(t) for t in HEADER]
    for labels, nums in _rows(values):
        blocks += [_para(t) for t in labels + nums]
    blocks += [_para("四、政府信息公开行政复议、行政诉讼情况")] + [_para(t) for t in T4_HEADER]
    blocks += [_para(str(n)) for n in t4] + [_para("五、存在的主要问题及改进情况")]
    return _doc(blocks)


def row_per_line_style(values, t4, sep=" "):
    blocks = [_para("三、收到和处理政府信息公开申请情况"), _para(sep.join(HEADER))]
    for labels, nums in _rows(values):
        blocks.append(_para(sep.join(labels + nums)))
    blocks += [_para("四、政府信息公开行政复议、行政诉讼情况"), _para(sep.join(T4_HEADER)),
               _para(sep.join(str(n) for n in t4)), _para("五、存在的主要问题及改进情况")]
    return _doc(blocks)


def glued_style(values, t4):
    """Everything on one line with the digits of each row glued, as the Pingtan pages are."""
    text = "三、收到和处理政府信息公开申请情况" + "".join(HEADER)
    for labels, nums in _rows(values):
        text += "".join(labels) + "".join(nums)
    text += "四、政府信息公开行政复议、行政诉讼情况" + "".join(T4_HEADER) + "".join(str(n) for n in t4)
    text += "五、存在的主要问题及改进情况无。"
    return _doc([_para(text)])


def _expected3(values):
    return {(row, col): v for row, nums in zip(TABLE3_ROWS_2021, values) for col, v in zip(TABLE3_COLUMNS, nums)}


def _expected4(t4):
    keys = [(g, o) for g in TABLE4_GROUPS for o in TABLE4_OUTCOMES]
    return dict(zip(keys, t4))


def _found(report, kind):
    table = report.table(kind)
    return {(c.row, c.col): c.value for c in table} if table else {}


@settings(max_examples=40, deadline=None)
@given(table3_values, table4_values)
def test_every_layout_parses_back_to_the_same_values(values, t4):
    for render in (grid_style, cell_per_line_style, row_per_line_style,
                   lambda v, t: row_per_line_style(v, t, " | "), lambda v, t: row_per_line_style(v, t, "\t")):
        report = parse(render(values, t4))
        assert _found(report, "table3") == _expected3(values), render
        assert report.table("table3").complete and report.table("table3").template == "2021"
        assert _found(report, "table4") == _expected4(t4)
        assert [s.key for s in report.sections] == ["requests", "appeals", "problems"]


@settings(max_examples=15, deadline=None)
@given(table3_values, table4_values)
def test_glued_rows_are_read_right_or_reported_never_guessed(values, t4):
    report = parse(glued_style(values, t4))
    table3 = report.table("table3")
    expected = _expected3(values)
    for (row, col), cell in table3.cells.items():
        if cell.values is not None:
            # several readings: the printed value is among the possible ones, nothing is chosen
            assert cell.value is None and expected[(row, col)] in cell.values
        elif not cell.inferred:
            assert cell.value == expected[(row, col)]
    for group in table3.readings:
        printed = tuple(expected[key] for key in group.cells)
        if group.inferred:
            # adopted: the only reading that balances the row's own 总计; when the printed row
            # balances (the narrowing's assumption holds) it is the printed one
            (chosen,) = group.values
            assert sum(chosen[:6]) == chosen[6]
            if sum(printed[:6]) == printed[6]:
                assert chosen == printed
        else:
            assert printed in group.values
    if table3.complete and not table3.unreadable:
        assert set(table3.cells) == set(expected)
    elif table3.complete:
        assert set(table3.cells) < set(expected)   # rows with too many readings are left out
    else:
        assert table3.problems
    table4 = report.table("table4")
    found4 = {key: (c.values or (c.value,)) for key, c in table4.cells.items()}
    assert (not table4.complete) or table4.unreadable or all(v in found4[k] for k, v in _expected4(t4).items())


@settings(max_examples=100, deadline=None)
@given(st.lists(counts, min_size=1, max_size=15))
def test_a_unique_split_is_the_printed_one(cells):
    run = "".join(str(n) for n in cells)
    count, found = split_runs([run], len(cells))
    assert count >= 1                              # the printed cells are always one valid split
    if count == 1:
        assert list(found[0]) == [str(n) for n in cells]


def test_split_rules():
    assert split_runs(["1000001"], 7) == (1, [("1", "0", "0", "0", "0", "0", "1")])
    assert split_runs(["00", "0"], 3)[0] == 1
    assert split_runs(["640020470"], 7)[0] == 2       # 64|0|0|2|0|4|70 or 6|40|0|2|0|4|70 …
    assert split_runs(["000000"], 7)[0] == 0          # too few digits: cannot be split at all
    assert split_runs(["105"], 2) == (1, [("10", "5")])  # 1|05 has a leading zero


def test_other_labels_follow_the_group():
    values = [[0] * 7 for _ in range(25)]
    values[22] = [3, 0, 0, 0, 0, 0, 3]             # （六）3.其他
    report = parse(cell_per_line_style(values, [0] * 15))
    table3 = report.table("table3")
    assert table3.value("other.3", "natural") == 3 and table3.value("other.3", "total") == 3
    assert all(table3.value("other.3", c) == 0 for c in TABLE3_COLUMNS[1:6])


def test_2019_single_other_row_and_missing_rows():
    rows = [[Cell(t) for t in HEADER]]
    for labels, nums in _rows([[1] * 7] * 25):
        rows.append([Cell(t) for t in labels + nums])
    # the 2019 layout: （六）其他处理 carries values itself, no 1–3 rows
    rows = [r for r in rows if not r[0].text.startswith(("（六）", "1.申请人", "2.申请人", "3.其他"))]
    rows.insert(-2, [Cell("（六）其他处理")] + [Cell("2")] * 7)
    table = parse(_doc([Grid(rows)])).table("table3")
    assert table.template == "2019" and table.complete
    assert table.value("other", "natural") == 2 and table.get("other.1", "natural") is None
    # drop （七）总计: the table is incomplete and says which row is missing
    rows = [r for r in rows if r[0].text != "（七）总计"]
    table = parse(_doc([Grid(rows)])).table("table3")
    assert not table.complete and any("（七）总计" in p for p in table.problems)


def test_blank_cells_and_subtotal_column():
    header = HEADER[:5] + ["小计"] + HEADER[5:]
    rows = [[Cell(t) for t in header]]
    for labels, nums in _rows([[1] * 7] * 25):
        rows.append([Cell(t) for t in labels] + [Cell(nums[0]), Cell("5")] + [Cell(n) for n in nums[1:]])
    rows[1] = [Cell(ROW_TEXT["new"]), Cell("")] + [Cell("1")] * 7
    table = parse(_doc([Grid(rows)])).table("table3")
    assert table.value("new", "natural", blank=None) is None and table.get("new", "natural").raw == ""
    assert table.value("granted", "legal_person") == 5
    assert {c for _, c in table.cells} == set(TABLE3_COLUMNS) | {"legal_person"}


def test_table2_2021_2019_and_hybrid():
    v2 = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "1", "0", "9",
          "行政规范性文件", "3", "1", "34", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "5710",
          "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "305", "行政强制", "26",
          "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "3080.699"]
    table = parse(_doc([_para(t) for t in v2])).table("table2")
    assert table.template == "2021" and table.complete
    assert table.value("normative", "in_force") == 34 and table.value("fees", "amount") == Decimal("3080.699")
    assert table.get("licensing", "decisions").location == "表二 / 第二十条第（五）项 / 行政许可 / 本年处理决定数量"
    hybrid = ["规范性文件" if t == "行政规范性文件" else t for t in v2]
    assert parse(_doc([_para(t) for t in hybrid])).table("table2").template == "hybrid"
    v1 = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "0", "0", "0",
          "规范性文件", "1", "1", "11", "第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购",
          "6", "251000元"]
    table = parse(_doc([_para(t) for t in v1])).table("table2")
    assert table.template == "2019"
    assert table.value("procurement", "procurement_amount") == Decimal("251000")
    assert table.get("procurement", "procurement_amount").raw == "251000元"
    labels = {label.text for label in table.labels}
    assert {"本年新制作数量", "第二十条第（九）项", "规范性文件"} <= labels


def test_no_table_no_crash():
    report = parse(_doc([_para("关于开展政务公开培训的通知"), Grid([[Cell("")]]), _para("")]))
    assert report.tables == {} and report.template is None and report.sections == []


def test_digits_with_spaces_inside_a_cell():
    rows = [[Cell(t) for t in HEADER]]
    for labels, nums in _rows([[1] * 7] * 25):
        rows.append([Cell(t) for t in labels + nums])
    rows[1] = [Cell(ROW_TEXT["new"]), Cell("1 234"), *[Cell("0")] * 5, Cell("1 234")]
    table = parse(_doc([Grid(rows)])).table("table3")
    assert table.value("new", "natural") == 1234 and table.value("new", "total") == 1234
    assert table.complete
