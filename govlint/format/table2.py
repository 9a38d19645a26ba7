"""表二 (主动公开政府信息情况): its blocks, rows and columns in both templates, as records.

Each block reports one item of 条例第二十条 and prints its own column header. The 2019 format
counts documents made and published, and item （九） (政府集中采购); the 2021 format counts
documents issued, repealed and in force, and renamed 规范性文件 to 行政规范性文件.
"""

from __future__ import annotations

from functools import lru_cache

from .records import BOTH, ONLY_2019, ONLY_2021, Block, Column, Row

NAME = "表二"

BLOCKS = (
    Block("art20.1", "第二十条第（一）项", BOTH,
          {"2021": ("issued", "repealed", "in_force"),
           "2019": ("new_made", "new_published", "published_total")}),
    Block("art20.5", "第二十条第（五）项", BOTH,
          {"2021": ("decisions",), "2019": ("last_year_items", "change", "decisions")}),
    Block("art20.6", "第二十条第（六）项", BOTH,
          {"2021": ("decisions",), "2019": ("last_year_items", "change", "decisions")}),
    Block("art20.8", "第二十条第（八）项", BOTH,
          {"2021": ("amount",), "2019": ("last_year_items", "change")}),
    Block("art20.9", "第二十条第（九）项", ONLY_2019,
          {"2019": ("procurement_items", "procurement_amount")}),
)

ROWS = (
    Row("regulations", "规章", ("规章",), block="art20.1"),
    Row("normative", "行政规范性文件", ("行政规范性文件", "规范性文件"), block="art20.1",
        marks=(("行政规范性文件", "2021"),), renamed=("规范性文件",)),
    Row("licensing", "行政许可", ("行政许可",), block="art20.5"),
    Row("other_services", "其他对外管理服务事项", ("其他对外管理服务事项",), ONLY_2019, block="art20.5"),
    Row("penalty", "行政处罚", ("行政处罚",), block="art20.6"),
    Row("coercion", "行政强制", ("行政强制",), block="art20.6"),
    Row("fees", "行政事业性收费", ("行政事业性收费",), block="art20.8"),
    Row("procurement", "政府集中采购", ("政府集中采购",), ONLY_2019, block="art20.9"),
)

COLUMNS = (
    Column("issued", "本年制发件数", ("本年制发件数",), ONLY_2021),
    Column("repealed", "本年废止件数", ("本年废止件数",), ONLY_2021),
    Column("in_force", "现行有效件数", ("现行有效件数",), ONLY_2021),
    # shared: 本年处理决定数量 (2021) / 处理决定数量 (2019)
    Column("decisions", "本年处理决定数量", ("本年处理决定数量", "处理决定数量"),
           marks=(("本年处理决定数量", "2021"), ("处理决定数量", "2019"))),
    Column("amount", "本年收费金额（单位：万元）", ("本年收费金额（单位：万元）", "本年收费金额（万元）", "本年收费金额"),
           ONLY_2021, amount=True),
    Column("new_made", "本年新制作数量", ("本年新制作数量",), ONLY_2019),
    Column("new_published", "本年新公开数量", ("本年新公开数量",), ONLY_2019),
    Column("published_total", "对外公开总数量", ("对外公开总数量",), ONLY_2019),
    Column("last_year_items", "上一年项目数量", ("上一年项目数量",), ONLY_2019),
    Column("change", "本年增/减", ("本年增/减", "本年增减"), ONLY_2019, signed=True),
    Column("procurement_items", "采购项目数量", ("采购项目数量",), ONLY_2019),
    Column("procurement_amount", "采购总金额", ("采购总金额",), ONLY_2019, amount=True),
)
#: a 2019 column header cut by a line wrap (``本年新`` of 本年新制作数量 / 本年新公开数量)
TRUNCATED_NEW = Column("new", "本年新", ("本年新",), ONLY_2019)
#: header texts that carry no column of their own
HEADER_TEXTS = ("信息内容",)

_BLOCKS = {b.key: b for b in BLOCKS}
_ROWS = {r.key: r for r in ROWS}
_COLUMNS = {c.key: c for c in COLUMNS}


def block(key: str) -> Block:
    return _BLOCKS[key]


def row(key: str) -> Row:
    return _ROWS[key]


def column(key: str) -> Column:
    return _COLUMNS[key]


def label(key: str) -> str:
    """The label of a block, row or column key; an unknown key as it is."""
    record = _BLOCKS.get(key) or _ROWS.get(key) or _COLUMNS.get(key)
    return record.label if record is not None else key


@lru_cache(maxsize=None)
def block_columns(template: str) -> dict[str, tuple[str, ...]]:
    """Block key → its column keys in ``template`` (blocks the template prints)."""
    return {b.key: b.columns[template] for b in BLOCKS if template in b.columns}


@lru_cache(maxsize=None)
def block_rows(template: str) -> dict[str, tuple[str, ...]]:
    """Block key → the row keys ``template`` prints in it."""
    out: dict[str, tuple[str, ...]] = {}
    for r in ROWS:
        if template in r.templates:
            out[r.block] = out.get(r.block, ()) + (r.key,)
    return out


@lru_cache(maxsize=None)
def rows(template: str) -> tuple[str, ...]:
    """The row keys ``template`` prints, in printed order."""
    return tuple(r.key for r in ROWS if template in r.templates)


@lru_cache(maxsize=None)
def amount_columns() -> frozenset[str]:
    """Columns holding money (Decimal values); the others are counts."""
    return frozenset(c.key for c in COLUMNS if c.amount)


@lru_cache(maxsize=None)
def signed_columns() -> frozenset[str]:
    """Columns that may be negative."""
    return frozenset(c.key for c in COLUMNS if c.signed)
