"""The rule helpers' shortcuts keep their answers.

Title masking walks from bracket to bracket (the plain per-character loop is the oracle here),
``stated_numbers`` skips sentences without an anchor word (every pattern's match must hold
one), and ``fee_facts`` reuses the facts of the prose it has just read.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.document import Document, Paragraph
from govlint.report import Report, Section
from govlint.span import Span
from govlint_rules import _common
from govlint_rules.claims import _claims
from govlint_rules.fees import _fees


def _plain_mask(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        out.append("＿" if depth and ch not in "《》" else ch)
    return "".join(out)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["《", "》", "条例", "a", " ", "2021年", "》》", "《《"]), max_size=20).map("".join))
def test_mask_titles_equals_the_character_loop(text):
    masked = _common.mask_titles(text)
    assert masked == _plain_mask(text)
    assert len(masked) == len(text)


words = st.sampled_from(["受理", "收到", "申请", "政府信息公开", "上年", "结转", "下年度", "予以公开", "不予公开",
                         "部分公开", "无法提供", "不予处理", "行政复议", "行政诉讼", "件", "起", "宗", "共", "12", "三",
                         "，", "了", "其中", "本年"])


@settings(max_examples=100, deadline=None)
@given(st.lists(words, max_size=12).map("".join))
def test_every_statement_pattern_match_holds_an_anchor(text):
    for _, pattern in _claims._PATTERNS:
        for match in pattern.finditer(text):
            assert _claims._ANCHOR.search(match.group()), (pattern.pattern, match.group())


def _report(sentences: list[str]) -> Report:
    paragraphs = [Paragraph(text, Span(i + 1, 1, i + 1, len(text) + 1)) for i, text in enumerate(sentences)]
    doc = Document(path="r.txt", format="text", blocks=list(paragraphs))
    section = Section(1, "overview", "一、总体情况", "\n".join(sentences), None, paragraphs)
    return Report(path="r.txt", format="text", document=doc, sections=[section])


def test_fee_facts_follow_the_prose():
    charged = _report(["本年度收取信息处理费100元。"])
    free = _report(["本年度未收取信息处理费。"])
    first = _fees.fee_facts(charged)
    assert [amount for amount, _ in first.collected] == [100]
    assert _fees.fee_facts(charged) is first  # the same prose again: the facts just read
    assert _fees.fee_facts(free).collected == [] and _fees.fee_facts(free).denials
    again = _fees.fee_facts(_report(["本年度收取信息处理费100元。"]))
    assert [amount for amount, _ in again.collected] == [100]
