"""The text toolkit (govlint/normalize.py): one normalisation for every label comparison."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint import normalize as toolkit
from govlint.normalize import (
    YEAR_NIAN, chinese_number, clean_title, find_date, first_year, fold, is_cjk, is_wide, normalize,
)


def test_the_input_the_three_old_normalisers_disagreed_on():
    # curly quotes fold to ASCII, the half-width bracket becomes full-width, the digit ASCII
    assert normalize("危及“三安全一稳定” (１)") == '危及"三安全一稳定"（1）'


@pytest.mark.parametrize("printed", ["危及“三安全一稳定”", '危及"三安全一稳定"', "危及＂三安全一稳定＂",
                                     "危及 “三安全 一稳定”"])
def test_every_quote_style_compares_equal(printed):
    assert normalize(printed) == normalize('危及"三安全一稳定"')


def test_fold_keeps_offsets():
    for text in ("（１）ａ:“x”", "商业\u3000企业", "本年增／减", "第二十条第(一)项"):
        assert len(fold(text)) == len(text)
    assert fold("（１）ａ:“x”") == '（1）a："x"'


#: characters the table maps (to themselves or not), Chinese text, and anything else
_FOLDED = st.sampled_from(sorted(map(chr, toolkit._MAP)))
_TEXT = st.lists(st.one_of(_FOLDED, st.sampled_from("中文本年予以公开，。（）12 \x1f\n"), st.characters()),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fold_translates_as_the_whole_table_would(text):
    # the fast path (only the characters that change are replaced) against the plain one,
    # on short texts and on one as long as a report's
    long = text + "中文" * 200 + text
    for sample in (text, long):
        assert fold(sample) == sample.translate(toolkit._FOLD)
        assert normalize(sample) == "".join(sample.translate(toolkit._FOLD).split())


def test_normalize_drops_whitespace_and_unifies_brackets():
    assert normalize("(一) 予以公开") == normalize("（一）予以公开") == "（一）予以公开"
    assert normalize("商业 企业") == "商业企业"
    assert normalize("本年增／减") == "本年增/减"
    assert normalize("本年收费金额(单位:万元)") == "本年收费金额（单位：万元）"


@pytest.mark.parametrize("text,number", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),
                                         ("两", 2), ("〇", 0), ("12", 12), ("甲", None), ("一二", None),
                                         ("", None), ("十甲", None)])
def test_chinese_number(text, number):
    assert chinese_number(text) == number


def test_is_cjk_is_an_ideograph_and_is_wide_any_cjk_text():
    assert is_cjk("表") and is_cjk("\u3400")
    assert not is_cjk("，") and not is_cjk("（") and not is_cjk("a")
    assert is_wide("表") and is_wide("，") and is_wide("（") and is_wide("\u3000")
    assert not is_wide("a") and not is_wide("1")


def test_years_and_dates():
    assert first_year("某县2023年政府信息公开工作年度报告") == 2023
    assert first_year("第1998号") is None and first_year("") is None
    assert [m.group(1) for m in YEAR_NIAN.finditer("2022年与2023 年")] == ["2022", "2023"]
    assert find_date("发布日期：2024-02-30，更新于2024年3月1日") == date(2024, 3, 1)
    assert find_date("2024/2/20") == date(2024, 2, 20) and find_date("无日期") is None


@pytest.mark.parametrize("raw,title", [
    ("某县2023年政府信息公开工作年度报告_政府信息公开年报_某县人民政府", "某县2023年政府信息公开工作年度报告"),
    ("某局2023年度政府信息公开工作年报 - 某市政府网", "某局2023年度政府信息公开工作年报"),
    ("标题：某县2023年政府信息公开工作年度报告", "某县2023年政府信息公开工作年度报告"),
    ("标题｜某县2023年政府信息公开工作年度报告", "某县2023年政府信息公开工作年度报告"),
    ("  某县  2023年度报告 ", "某县 2023年度报告"),
    ("", None),
    (None, None),
])
def test_clean_title(raw, title):
    assert clean_title(raw) == title
