"""Years and dates in a report: title year, body years, statistical-period statements."""

from __future__ import annotations

from collections import Counter

from govlint.lazy_re import lazy_pattern
from govlint.normalize import YEAR

from .._common import Prose, mask_titles, prose

_YEAR = lazy_pattern(rf"(?<![0-9])({YEAR})\s*年(?!代)")
#: a year that only dates a start, a comparison or a span is not "the year of the report"
_BEFORE = lazy_pattern(r"(自|从|截至|截止|较|比|与|同|和|及|至|到|、)\s*$")
_AFTER = lazy_pattern(r"^\s*年?(以来|起|至今|开始|底前|之前|以前|前|后|度?至|到|、|和|及|与|同期"
                    r"|度?(?:工作)?(?:中)?(?:存在|问题|改进|整改))")
_PERIOD_WORDS = lazy_pattern(r"统计(期限|时限|期间|区间|周期|时段|范围|时间|年度)")
#: at most this much white space between the parts of a printed date
_GAP = r"\s{0,20}"
#: "2024年1月1日至2024年12月31日". Only whether it occurs is asked, so the pattern starts at the
#: year (a leading optional "自" and white space would be retried from every character of a long
#: white-space run: quadratic), and every gap is bounded, so that each start position costs at
#: most a fixed amount of work whatever the text around it.
_PERIOD_SPAN = lazy_pattern(rf"{YEAR}{_GAP}年{_GAP}0?1{_GAP}月{_GAP}0?1{_GAP}日[^。；\n]{{0,8}}(至|到|—|-|～|~)"
                          rf"{_GAP}(?:{YEAR}{_GAP}年{_GAP})?12{_GAP}月{_GAP}31{_GAP}日")


def _mask_titles(text: str) -> str:
    return mask_titles(text)


def body_years(report) -> list[tuple[int, Prose, int, int]]:
    """Years the preamble and section 一 speak of as the year being reported.

    Years inside cited titles, years that start a span (2019年以来, 自2020年) and years of
    comparisons (较2022年) are left out; so are sections 五 and 六 (last year's problems, next
    year's plans).
    """
    return list(_body_years(report))


def _body_years(report):
    """``body_years`` one by one, in reading order."""
    for run in prose(report):
        if run.section not in (None, "overview"):
            continue
        if "年" not in run.text:
            continue  # every year mention ends with 年
        text = _mask_titles(run.text)
        for match in _YEAR.finditer(text):
            if _BEFORE.search(text[max(0, match.start() - 3):match.start()]):
                continue
            if _AFTER.search(text[match.end() - 1:match.end() + 4]):
                continue
            yield int(match.group(1)), run, match.start(), match.end()


#: a year right before what the tables count: the report's own figures
#: (2024年制作、获取政府信息总数467条; 2024年共受理政府信息公开申请20件; 2024年主动公开政府信息53条)
_OWN_FIGURES_AT = (r"年度?[^，。；,;\d]{0,8}?(?:制作、?获取政府信息总数|主动公开政府信息\s*\d"
                   r"|(?:收到|受理|新收|接收)[^，。；,;\d]{0,12}申请)")
_OWN_FIGURES = lazy_pattern(r"\s*" + _OWN_FIGURES_AT)
#: the same anywhere in a run: a run where it is not found has no sentence with such a year
#: (a match inside a sentence is one in the run), and its sentences are not read
_ANY_OWN_FIGURES = lazy_pattern(_OWN_FIGURES_AT)
#: sentences about carry-over or comparisons name other years on purpose
_OTHER_YEAR_WORDS = lazy_pattern(r"结转|较|同比|相比|增长|减少|下降|上升|持平")
_SENTENCE = lazy_pattern(r"[^。；;！？!?\n]+")
#: sections where the report's own figures are stated (五 and 六 look back and ahead)
_FIGURE_SECTIONS = (None, "overview", "proactive", "requests", "appeals")


def own_figure_years(report, year: int) -> list[tuple[int, Prose, int, int]]:
    """Years other than ``year`` given to the report's own figures, in any section but 五/六.

    A year counts when it stands right before a quantity the tables report (制作、获取政府信息
    总数, 主动公开政府信息 N 条, 收到/受理…申请) and the sentence names neither the report
    year, nor a carry-over, nor a comparison (较2024年, 同比增长): "2024年制作、获取政府信息总数
    467条" in a 2025 report is last year's figure, or this year's under the wrong year.
    """
    out = []
    for run in prose(report):
        if run.section not in _FIGURE_SECTIONS:
            continue
        if "年" not in run.text:
            continue  # every year mention ends with 年
        text = _mask_titles(run.text)
        if not _ANY_OWN_FIGURES.search(text):
            continue
        for sentence in _SENTENCE.finditer(text):
            body = sentence.group()
            if "年" not in body or _OTHER_YEAR_WORDS.search(body):
                continue
            mentions = list(_YEAR.finditer(body))
            if any(int(m.group(1)) == year for m in mentions):
                continue
            for match in mentions:
                found = int(match.group(1))
                if _BEFORE.search(body[max(0, match.start() - 3):match.start()]):
                    continue
                if _AFTER.search(body[match.end() - 1:match.end() + 4]):
                    continue
                if _OWN_FIGURES.match(body, match.end() - 1):
                    start = sentence.start() + match.start()
                    out.append((found, run, start, start + len(match.group())))
    return out


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds ``offset``, trimmed."""
    for sentence in _SENTENCE.finditer(text):
        if sentence.start() <= offset < sentence.end():
            return sentence.group().strip()
    return ""


def dominant_other_year(report, year: int):
    """(other year, first mention) when the body never names ``year`` but names another.
    Most reports name their year early: the mentions after the first that does are not read."""
    mentions = []
    for mention in _body_years(report):
        if mention[0] == year:
            return None
        mentions.append(mention)
    if not mentions:
        return None
    counts = Counter(y for y, *_ in mentions)
    other, _ = counts.most_common(1)[0]
    first = next(m for m in mentions if m[0] == other)
    return other, first


def states_period(report) -> bool:
    """Whether any prose (or the page text) states the statistical period."""
    if report.metadata.period is not None:
        return True
    texts = [report.text]
    document = report.document
    if document is not None:
        texts.extend(p.text for p in document.paragraphs())
    for text in texts:
        if _PERIOD_WORDS.search(text) or _PERIOD_SPAN.search(text):
            return True
    return False
