"""The 2008–2018 format (reports under the 2007 条例), as records: what marks such a report.

Before 国办公开办函〔2019〕60号, reports followed 条例（2007年）第三十二条 and appended one
statistical table (附表 政府信息公开情况统计表) with the columns 指标名称 (or 统计指标) | 单位 |
数量 (or 统计数) and rows counting items (主动公开政府信息数, 收到申请数, 同意公开答复数,
行政复议数量, 依申请公开信息收取的费用 …). None of its rows is a row of tables 二, 三 or 四,
so the checks of the 2019/2021 template mean nothing for such a report.

These records only recognise the format; govlint does not check its arithmetic. Labels are
normalised (``govlint.normalize.normalize``).
"""

from __future__ import annotations

from .records import Column, Row

#: the value ``Report.template`` takes for a report in this format
PRE2019 = "pre2019"
_ONLY = frozenset({PRE2019})
NAME = "政府信息公开情况统计表"

#: the label column of the 附表 (its wording varies by province and year)
LABEL_COLUMN = Column("indicator", "指标名称", ("指标名称", "统计指标"), _ONLY)
#: the unit column (条, 件, 次, 个, 人, 万元), which no table of the 2019/2021 format has
UNIT_COLUMN = Column("unit", "单位", ("单位", "计量单位"), _ONLY)

#: rows only this format prints, one wording per row (sub-items such as 当面申请数 are left out:
#: a few distinctive rows are enough to recognise the table)
ROWS = (
    Row("proactive", "主动公开政府信息数", ("主动公开政府信息数",), _ONLY),
    Row("normative_made", "制发规范性文件总数", ("制发规范性文件总数",), _ONLY),
    Row("received", "收到申请数", ("收到申请数",), _ONLY),
    Row("concluded", "申请办结数", ("申请办结数",), _ONLY),
    Row("answered", "申请答复数", ("申请答复数",), _ONLY),
    Row("already_public", "属于已主动公开范围数", ("属于已主动公开范围数",), _ONLY),
    Row("granted", "同意公开答复数", ("同意公开答复数",), _ONLY),
    Row("partial", "同意部分公开答复数", ("同意部分公开答复数",), _ONLY),
    Row("denied", "不同意公开答复数", ("不同意公开答复数",), _ONLY),
    Row("not_ours", "不属于本行政机关公开数", ("不属于本行政机关公开数",), _ONLY),
    Row("nonexistent", "申请信息不存在数", ("申请信息不存在数",), _ONLY),
    Row("review", "行政复议数量", ("行政复议数量",), _ONLY),
    Row("litigation", "行政诉讼数量", ("行政诉讼数量",), _ONLY),
    Row("complaints", "举报投诉数量", ("举报投诉数量",), _ONLY),
    Row("fees", "依申请公开信息收取的费用", ("依申请公开信息收取的费用",), _ONLY),
    Row("fees_section", "收费及减免情况", ("收费及减免情况", "收费和减免情况"), _ONLY),
    Row("budget", "政府信息公开专项经费", ("政府信息公开专项经费",), _ONLY),
)


def row_labels() -> tuple[str, ...]:
    """Every wording of the rows above."""
    return tuple(alias for row in ROWS for alias in row.aliases)


def column_labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The wordings of the label column and of the unit column."""
    return LABEL_COLUMN.aliases, UNIT_COLUMN.aliases
