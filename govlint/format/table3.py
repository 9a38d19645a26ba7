"""表三 (收到和处理政府信息公开申请情况): its rows and applicant columns, as records.

The 2021 format splits （六）其他处理 into three sub-items; the 2019 format prints it as a single
row. Both print the same other rows; the result rows (（一） to （六）) add up to （七）总计.
Labels are normalised (``govlint.normalize.normalize``): no whitespace, full-width brackets.
"""

from __future__ import annotations

from functools import lru_cache

from .records import HEADING, ONLY_2019, ONLY_2021, Column, Row

NAME = "表三"

ROWS = (
    Row("new", "一、本年新收政府信息公开申请数量", ("本年新收政府信息公开申请数量", "本年新收政府信息公开申请"),
        numbering="一", short="本年新收"),
    Row("carried_over", "二、上年结转政府信息公开申请数量", ("上年结转政府信息公开申请数量", "上年结转政府信息公开申请"),
        numbering="二", short="上年结转"),
    Row("results", "三、本年度办理结果", ("本年度办理结果",), HEADING, numbering="三"),
    Row("granted", "（一）予以公开", ("予以公开",), numbering="（一）", sums_to_total=True),
    Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ("部分公开",),
        numbering="（二）", sums_to_total=True),
    Row("denied", "（三）不予公开", ("不予公开",), HEADING, numbering="（三）"),
    Row("denied.1", "1.属于国家秘密", ("属于国家秘密",), group="denied", sums_to_total=True),
    Row("denied.2", "2.其他法律行政法规禁止公开",
        ("其他法律行政法规禁止公开", "其他法律和行政法规禁止公开", "其他法律、行政法规禁止公开"),
        group="denied", sums_to_total=True),
    Row("denied.3", "3.危及“三安全一稳定”", ('危及"三安全一稳定"', "危及三安全一稳定", "危及'三安全一稳定'"),
        group="denied", sums_to_total=True),
    Row("denied.4", "4.保护第三方合法权益", ("保护第三方合法权益",), group="denied", sums_to_total=True),
    Row("denied.5", "5.属于三类内部事务信息", ("属于三类内部事务信息",), group="denied", sums_to_total=True),
    Row("denied.6", "6.属于四类过程性信息", ("属于四类过程性信息",), group="denied", sums_to_total=True),
    Row("denied.7", "7.属于行政执法案卷", ("属于行政执法案卷",), group="denied", sums_to_total=True),
    Row("denied.8", "8.属于行政查询事项", ("属于行政查询事项",), group="denied", sums_to_total=True),
    Row("unable", "（四）无法提供", ("无法提供",), HEADING, numbering="（四）"),
    Row("unable.1", "1.本机关不掌握相关政府信息", ("本机关不掌握相关政府信息",), group="unable", sums_to_total=True),
    Row("unable.2", "2.没有现成信息需要另行制作", ("没有现成信息需要另行制作",), group="unable", sums_to_total=True),
    Row("unable.3", "3.补正后申请内容仍不明确", ("补正后申请内容仍不明确",), group="unable", sums_to_total=True),
    Row("not_processed", "（五）不予处理", ("不予处理",), HEADING, numbering="（五）"),
    Row("not_processed.1", "1.信访举报投诉类申请", ("信访举报投诉类申请",), group="not_processed",
        sums_to_total=True),
    Row("not_processed.2", "2.重复申请", ("重复申请",), group="not_processed", sums_to_total=True),
    Row("not_processed.3", "3.要求提供公开出版物", ("要求提供公开出版物",), group="not_processed",
        sums_to_total=True),
    Row("not_processed.4", "4.无正当理由大量反复申请", ("无正当理由大量反复申请",), group="not_processed",
        sums_to_total=True),
    Row("not_processed.5", "5.要求行政机关确认或重新出具已获取信息", ("要求行政机关确认或重新出具已获取信息",),
        group="not_processed", sums_to_total=True),
    # the 2019 format prints （六）as one row with cells; the 2021 format as a heading of three
    Row("other", "（六）其他处理", ("其他处理",), ONLY_2019, numbering="（六）", sums_to_total=True),
    Row("other.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请",
         "申请人无正当理由逾期不补正"),
        ONLY_2021, group="other", sums_to_total=True),
    Row("other.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
         "申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请",
         "申请人逾期未按收费通知要求缴纳费用"),
        ONLY_2021, group="other", sums_to_total=True, short="逾期未按收费通知要求缴纳费用"),
    Row("other.3", "3.其他", ("其他",), ONLY_2021, group="other", sums_to_total=True),
    Row("total", "（七）总计", ("总计",), numbering="（七）"),
    Row("carried_forward", "四、结转下年度继续办理", ("结转下年度继续办理",), numbering="四", short="结转下年度"),
)

#: the applicant columns, in printed order (the six applicants, then 总计)
COLUMNS = (
    Column("natural", "自然人", ("自然人",)),
    Column("commercial", "商业企业", ("商业企业",)),
    Column("research", "科研机构", ("科研机构",)),
    Column("social", "社会公益组织", ("社会公益组织",)),
    Column("legal", "法律服务机构", ("法律服务机构",)),
    Column("other", "其他", ("其他",)),
    Column("total", "总计", ("总计", "合计")),
)
#: a 法人或其他组织 subtotal column some reports add; never one of the seven
LEGAL_PERSON_SUBTOTAL = Column("legal_person", "法人或其他组织小计", ("小计",))
#: the five columns under 法人或其他组织
LEGAL_PERSON_COLUMNS = ("commercial", "research", "social", "legal", "other")
#: header texts that carry no column of their own
HEADER_TEXTS = ("申请人情况", "法人或其他组织")

_ROWS = {row.key: row for row in ROWS}
ROWS_BY_KEY = _ROWS
_COLUMNS = {col.key: col for col in COLUMNS + (LEGAL_PERSON_SUBTOTAL,)}


def row(key: str) -> Row:
    return _ROWS[key]


def column(key: str) -> Column:
    return _COLUMNS[key]


@lru_cache(maxsize=None)
def rows(template: str = "2021") -> tuple[str, ...]:
    """The keys of the rows that carry cells in ``template``, in printed order."""
    return tuple(r.key for r in ROWS if template in r.templates)


@lru_cache(maxsize=None)
def result_rows(template: str = "2021") -> tuple[str, ...]:
    """The rows of ``template`` that add up to （七）总计."""
    return tuple(r.key for r in ROWS if template in r.templates and r.sums_to_total)


@lru_cache(maxsize=None)
def all_rows() -> tuple[str, ...]:
    """Every row key that carries cells in some template, in printed order."""
    return tuple(r.key for r in ROWS if r.templates)


@lru_cache(maxsize=None)
def groups() -> tuple[str, ...]:
    """The keys of the rows whose sub-items are numbered 1., 2., …"""
    return tuple(dict.fromkeys(r.group for r in ROWS if r.group))


@lru_cache(maxsize=None)
def items(group: str) -> tuple[str, ...]:
    """The sub-items of ``group`` (``denied`` → ``denied.1`` … ``denied.8``)."""
    return tuple(r.key for r in ROWS if r.group == group)


@lru_cache(maxsize=None)
def columns() -> tuple[str, ...]:
    """The seven column keys, in printed order."""
    return tuple(c.key for c in COLUMNS)


@lru_cache(maxsize=None)
def applicant_columns() -> tuple[str, ...]:
    """The six applicant columns that add up to 总计."""
    return tuple(c.key for c in COLUMNS if c.key != "total")


def row_label(key: str) -> str:
    """``denied.3`` → ``（三）不予公开 / 3.危及“三安全一稳定”``; an unknown key as it is."""
    record = _ROWS.get(key)
    if record is None:
        group, _, item = key.partition(".")
        return f"{_ROWS[group].label} / {item}" if item and group in _ROWS else key
    if record.group:
        return f"{_ROWS[record.group].label} / {record.label}"
    return record.label


def column_label(key: str) -> str:
    record = _COLUMNS.get(key)
    return record.label if record is not None else key
