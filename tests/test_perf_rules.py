"""The rule helpers' shortcuts keep their answers.

Title masking walks from bracket to bracket (the plain per-character loop is the oracle here),
``stated_numbers`` skips sentences without an anchor word (every pattern's match must hold
one) and finds each sentence's clause marks and shifting words once for all its statements
(the plain per-statement search is the oracle), and ``fee_facts`` reuses the facts of the
prose it has just read.
"""

from __future__ import annotations

import re

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


@settings(max_examples=100, deadline=None)
@given(st.lists(words, max_size=12).map("".join))
def test_every_statement_pattern_match_holds_the_word_it_is_gated_on(text):
    assert len(_claims._NEEDS) == len(_claims._PATTERNS)
    for (_, pattern), needs in zip(_claims._PATTERNS, _claims._NEEDS):
        for match in pattern.finditer(text):
            assert needs in match.group(), (pattern.pattern, match.group())


def test_runs_are_asked_for_anchor_words_before_they_are_folded():
    """``fold`` changes no Han ideograph and makes none, and the anchor words (and 申请, which
    a completion claim's sentence holds) are made of them: a run holds one exactly when its
    folded text does."""
    from govlint.normalize import _CHANGED, is_cjk

    assert not any(is_cjk(c) or any(is_cjk(x) for x in folded) for c, folded in _CHANGED.items())
    anchors = _claims._ANCHOR.pattern.split("|") + ["申请"]
    assert all(word and all(is_cjk(c) for c in word) for word in anchors), anchors


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["申请", "申", "请", "均已按时办结", "全部依法答复", "办结率100%", "办结率１００％", "。",
                                 "；", "\n", "（", "(", "受理", "，"]), max_size=10).map("".join),
       st.sampled_from([None, "overview", "requests", "problems"]))
def test_completion_claims_equal_the_plain_search_of_every_sentence(text, section):
    report = _report([text])
    report.sections[0].key = section or "overview"
    plain = []
    if report.sections[0].key in (None, "overview", "requests"):
        folded = _claims.fold(text)
        for sentence in _claims._SENTENCE.finditer(folded):
            match = _claims._COMPLETION.search(sentence.group()) if "申请" in sentence.group() else None
            if match:
                plain.append((sentence.start() + match.start(), sentence.start() + match.end(), sentence.group()))
    found = [(start, end, s_text) for _, start, end, s_text in _claims.completion_claims(report)]
    assert found == plain


#: the per-statement tests as plain searches of the clause before the number
_PLAIN_SHIFTING = re.compile(r"上一?年|去年|上年度|较|比|同比|累计|以来|其中|分别|平均|超过|不足|以上")
_PLAIN_REASON = re.compile(r"因|由于|原因")


def _plain_stated_numbers(text: str, year):
    out = []
    for sentence in _claims._SENTENCE.finditer(_claims.fold(text)):
        s_text = sentence.group()
        if year is not None and {int(y) for y in _claims._YEAR.findall(s_text)} - {year}:
            continue
        for quantity, pattern in _claims._PATTERNS:
            for match in pattern.finditer(s_text):
                gaps = "".join(g for g in (match.groupdict().get("g1"), match.groupdict().get("g2")) if g)
                if _claims._NARROWING.search(gaps):
                    continue
                clause_start = max((m.end() for m in re.finditer(r"[，,；;：:]", s_text[:match.start()])), default=0)
                before = s_text[clause_start:match.start()]
                if _PLAIN_SHIFTING.search(before) or _claims._JOINED.search(before):
                    continue
                if quantity in ("denied", "unable", "not_processed") and _PLAIN_REASON.search(before):
                    continue
                number = _claims.chinese_number(match.group("n"))
                if number is not None:
                    out.append((quantity, number, sentence.start() + match.start(), sentence.start() + match.end()))
    return out


#: a statement: words that may narrow or shift it, an anchor, a number and a unit
_lead = st.lists(st.sampled_from(["，", "：", " ", "\u3000", "及", "以及", "和", "因", "由于", "原因", "较", "同比",
                                  "其中", "上年", "上一年", "去年", "2023年", "2022年", "本年", "共", "了", "三"]),
                 max_size=4).map("".join)
_anchor = st.sampled_from(["受理申请", "收到政府信息公开申请", "上年结转", "结转下年度", "予以公开", "部分公开",
                           "不予公开", "无法提供", "不予处理", "行政复议", "行政诉讼", "", "申请"])
_count = st.sampled_from(["12", "3", "三", "0", "", " 5"])
_unit = st.sampled_from(["件", "起", "宗", "件次", "余件", "", "件结转下年"])
_statement = st.tuples(_lead, _anchor, _count, _unit).map("".join)
claim_text = st.lists(_statement, max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(claim_text, st.sampled_from([None, 2023]))
def test_stated_numbers_equal_the_plain_search_per_statement(text, year):
    found = [(s.quantity, s.number, s.start, s.end) for s in _claims.stated_numbers(_report([text]), year)]
    assert found == _plain_stated_numbers(text, year)


@settings(max_examples=200, deadline=None)
@given(claim_text, st.integers(0, 60), st.integers(0, 60))
def test_word_index_answers_as_a_search_of_the_stretch(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    for at, plain in ((_claims._SHIFTING_AT, _PLAIN_SHIFTING), (_claims._REASON_AT, _PLAIN_REASON)):
        assert _claims._Words(at, text).within(a, b) == bool(plain.search(text[a:b]))


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


def _plain_span_of(run: _common.Prose, start: int, end: int):
    span, text = run.span, run.text
    lines = text.split("\n")
    if len(lines) - 1 != span.end_line - span.line:
        return span
    if len(lines) == 1 and span.end_column - span.column != len(text):
        return span
    before = text[:start]
    line = span.line + before.count("\n")
    column = (span.column if "\n" not in before else 1) + len(before.rsplit("\n", 1)[-1])
    inner = text[start:max(end, start + 1)]
    end_line = line + inner.count("\n")
    end_column = 1 + len(inner.rsplit("\n", 1)[-1]) if "\n" in inner else column + len(inner)
    return Span(line, column, end_line, end_column)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "\n", "受理", " "]), max_size=12).map("".join),
       st.integers(1, 5), st.integers(1, 5), st.integers(0, 3), st.integers(0, 14), st.integers(0, 14))
def test_span_of_equals_reading_the_text_up_to_the_stretch(text, line, column, extra, start, end):
    """``span_of`` finds lines with a binary search over the run's line breaks."""
    lines = text.split("\n")
    end_line = line + len(lines) - 1 + (extra == 3)  # sometimes a span the text does not fit
    end_column = (column if len(lines) == 1 else 1) + len(lines[-1]) + (extra == 2)
    run = _common.Prose(text, Span(line, column, end_line, end_column), None)
    assert run.span_of(start, end) == _plain_span_of(run, start, end)


def _plain_own_figure_years(report, year):
    """``own_figure_years`` reading every sentence of every run (no run-level search first)."""
    from govlint_rules.dates import _dates

    out = []
    for run in _common.prose(report):
        if run.section not in _dates._FIGURE_SECTIONS:
            continue
        text = _dates._mask_titles(run.text)
        for sentence in _dates._SENTENCE.finditer(text):
            body = sentence.group()
            if "年" not in body or _dates._OTHER_YEAR_WORDS.search(body):
                continue
            mentions = list(_dates._YEAR.finditer(body))
            if any(int(m.group(1)) == year for m in mentions):
                continue
            for match in mentions:
                if _dates._BEFORE.search(body[max(0, match.start() - 3):match.start()]):
                    continue
                if _dates._AFTER.search(body[match.end() - 1:match.end() + 4]):
                    continue
                if _dates._OWN_FIGURES.match(body, match.end() - 1):
                    start = sentence.start() + match.start()
                    out.append((int(match.group(1)), start, start + len(match.group())))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["2023", "2024", "年", "年度", " ", "\n", "。", "，", "制作、获取政府信息总数", "467条",
                                 "主动公开政府信息", "53", "共受理", "收到", "政府信息公开", "申请", "20件", "《", "》",
                                 "较", "以来", "全县"]), max_size=14).map("".join))
def test_own_figure_years_equal_reading_every_sentence(text):
    from govlint_rules.dates import _dates

    report = _report([text])
    found = [(y, start, end) for y, _, start, end in _dates.own_figure_years(report, 2024)]
    assert found == _plain_own_figure_years(report, 2024)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["2023", "2024", "年", "年度", "以来", "自", "较", "。", "\n", "《", "》", "全年", "工作"]),
                max_size=14).map("".join), st.sampled_from([2023, 2024]))
def test_the_dominant_other_year_equals_the_count_of_every_mention(text, year):
    """``dominant_other_year`` stops at the first mention of the report year: the answer is the
    one counting every mention gives."""
    from collections import Counter

    from govlint_rules.dates import _dates

    report = _report([text])
    mentions = _dates.body_years(report)
    plain = None
    if mentions and not any(y == year for y, *_ in mentions):
        other = Counter(y for y, *_ in mentions).most_common(1)[0][0]
        plain = other, next(m for m in mentions if m[0] == other)
    assert _dates.dominant_other_year(report, year) == plain
