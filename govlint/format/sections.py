"""The six sections of a report, as records: number, canonical title, accepted headings.

Heading patterns are regular expressions over normalised text (``govlint.normalize``), matched
in full, so they may also be found inside a run of text that an extraction glued together
(``…。二、主动公开政府信息情况第二十条…``). Keywords are the looser test for a short line that
starts with a section numeral: every word of one tuple must occur in it (sub-headings such as
``一主动公开情况`` fail it).
"""

from __future__ import annotations

from .records import Section

SECTIONS = (
    Section("overview", 1, "总体情况", (r"总体情况", r"概述", r"总体工作情况"),
            (("总体情况",), ("概述",))),
    Section("proactive", 2, "主动公开政府信息情况", (r"(?:行政机关)?主动公开政府信息(?:的)?(?:工作)?情况",),
            (("主动公开", "政府信息"),)),
    Section("requests", 3, "收到和处理政府信息公开申请情况",
            (r"(?:收到|受理)(?:和|及|与|、)?处理政府信息公开申请(?:的)?情况",
             r"依申请公开政府信息(?:的)?情况"),
            (("收到", "申请"), ("处理", "公开申请"), ("依申请公开", "政府信息"))),
    Section("appeals", 4, "政府信息公开行政复议、行政诉讼情况",
            (r"(?:政府信息公开)?(?:的)?行政复议(?:、|和|及|与|,|，)?(?:行政)?诉讼(?:的)?情况",
             r"因政府信息公开(?:工作|申请)?(?:被)?申请行政复议(?:、|和|及|与|，)?提起行政诉讼(?:的)?情况"),
            (("复议", "诉讼"),)),
    Section("problems", 5, "存在的主要问题及改进情况",
            (r"(?:政府信息公开工作)?存在的?主要问题(?:及|和|与|、)(?:其)?改进(?:的)?(?:情况|措施)",),
            (("问题", "改进"), ("主要问题",))),
    Section("other", 6, "其他需要报告的事项", (r"其他需要报告的?事项",),
            (("其他", "报告"), ("其他", "事项"))),
)

#: canonical section keys, in printed order
KEYS = tuple(s.key for s in SECTIONS)
_BY_KEY = {s.key: s for s in SECTIONS}


def section(key: str) -> Section:
    return _BY_KEY[key]


def title(key: str) -> str:
    """The canonical heading text of a section in the 2021 format (without its numeral)."""
    return _BY_KEY[key].title
