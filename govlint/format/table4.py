"""表四 (政府信息公开行政复议、行政诉讼情况): its groups and outcomes, as records.

Three groups (行政复议; 行政诉讼 split into 未经复议直接起诉 and 复议后起诉), each with four outcomes
and their 总计. Both templates print the same table.
"""

from __future__ import annotations

from functools import lru_cache

from .records import HEADING, Column, Row

NAME = "表四"

GROUPS = (
    Row("review", "行政复议", ("行政复议",)),
    Row("litigation", "行政诉讼", ("行政诉讼",), HEADING),
    Row("litigation_direct", "行政诉讼 / 未经复议直接起诉", ("未经复议直接起诉", "直接起诉"), group="litigation"),
    Row("litigation_after_review", "行政诉讼 / 复议后起诉", ("复议后起诉",), group="litigation"),
)
OUTCOMES = (
    Column("upheld", "结果维持", ("结果维持",)),
    Column("corrected", "结果纠正", ("结果纠正",)),
    Column("other", "其他结果", ("其他结果",)),
    Column("pending", "尚未审结", ("尚未审结",)),
    Column("total", "总计", ("总计", "合计")),
)

_GROUPS = {g.key: g for g in GROUPS}
_OUTCOMES = {o.key: o for o in OUTCOMES}


def group(key: str) -> Row:
    return _GROUPS[key]


def outcome(key: str) -> Column:
    return _OUTCOMES[key]


@lru_cache(maxsize=None)
def groups() -> tuple[str, ...]:
    """The three groups that carry cells, in printed order."""
    return tuple(g.key for g in GROUPS if g.templates)


@lru_cache(maxsize=None)
def outcomes() -> tuple[str, ...]:
    """The five outcome columns of every group, in printed order (总计 last)."""
    return tuple(o.key for o in OUTCOMES)


@lru_cache(maxsize=None)
def parts() -> tuple[str, ...]:
    """The four outcomes that add up to 总计."""
    return tuple(o.key for o in OUTCOMES if o.key != "total")


@lru_cache(maxsize=None)
def header_characters() -> frozenset[str]:
    """Every character of the group and outcome wordings: what a header cut into pieces and
    glued again by an extraction (维持纠正结果审结…) is made of."""
    return frozenset("".join(a for item in GROUPS + OUTCOMES for a in item.aliases))


def group_label(key: str) -> str:
    record = _GROUPS.get(key)
    return record.label if record is not None else key


def outcome_label(key: str) -> str:
    record = _OUTCOMES.get(key)
    return record.label if record is not None else key
