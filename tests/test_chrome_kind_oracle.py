"""``chrome.chrome_kind`` tries a pattern only when the text holds a character the pattern
needs: it must answer exactly as trying every pattern does (the plain version below)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.loaders import chrome


def plain_chrome_kind(text: str) -> str | None:
    """Every pattern tried, in order (the function before its substring tests)."""
    if len(text) > chrome.MAX_CHROME_TEXT:
        return None
    if chrome._BREADCRUMB.match(text):
        return "breadcrumb"
    if chrome.is_meta_line(text):
        return "meta"
    if len(text) <= 60 and chrome._FONT_WIDGET.search(text):
        return "font"
    if chrome._FOOTER.search(text):
        return "footer"
    if len(text) <= 40 and chrome._COUNTER.search(text) and not re.search(r"[。，；]", text):
        return "counter"
    if chrome._FILENAME.match(text):
        return "filename"
    words = [w for w in chrome._WIDGET_SEP.split(text) if w]
    if words and len(text) <= 60 and all(w in chrome._WIDGET_WORDS for w in words):
        return "widget"
    return None


# pieces of every pattern, in every case, with the characters around them in real chrome
_PIECES = ["字体", "字号", "大", "中", "小", "【", "】", "[", "]", "（", "(", "：", ":", " ", "  ", "\u3000",
           "ICP", "icp", "Icp", "备", "版权所有", "网站标识码", "公网安备", "Copyright", "COPYRIGHT", "copyright",
           "©", "(c)", "(C)", " 2024", "浏览次数", "访问量", "点击数", "阅读量", "访问人次", "次", "量", "数",
           "12", "。", "，", "report", ".pdf", ".PNG", ".docx", "a.b", ".", "打印", "关闭", "分享", "|", "、",
           "来源", "发布日期", "索引号", "首页", "当前位置", "您的位置", "Ｃ", "ｃ", "K", "ſ", "ı", "报告正文", "2024年"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=14))
def test_chrome_kind_answers_as_every_pattern_tried(pieces):
    text = "".join(pieces)
    assert chrome.chrome_kind(text) == plain_chrome_kind(text)


def test_each_kind_is_still_found():
    # one text of each kind, so that the property above is not satisfied by None alone
    for text, kind in [("当前位置：首页 > 政务公开", "breadcrumb"), ("发布日期：2024-01-02", "meta"), ("字体：【大 中 小】", "font"),
                       ("Copyright 2024 某某市人民政府", "footer"), ("闽ICP备12345678号", "footer"),
                       ("浏览次数12次", "counter"), ("附件1.pdf", "filename"), ("打印 | 关闭", "widget"),
                       ("一、总体情况", None)]:
        assert chrome.chrome_kind(text) == plain_chrome_kind(text) == kind, text
