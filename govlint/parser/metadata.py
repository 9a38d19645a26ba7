"""Title, agency, report year, publication date and statistical period."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from datetime import date

from govlint.lazy_re import lazy_pattern
from govlint.normalize import DATE_PATTERN, TITLE_PREFIX, YEAR, YEAR_NIAN, clean_title, fold
from govlint.report import DeferredMetadata, DeferredPeriod, Metadata

_YEAR = YEAR_NIAN
_TITLE_WORDS = lazy_pattern(r"年度报告|年报|工作报告")
_TITLE_PREFIX = TITLE_PREFIX
_DATE = DATE_PATTERN
_DATE_RE = lazy_pattern(_DATE)
_PUBLISHED = lazy_pattern(r"(?:发布日期|发布时间|公开日期|公开时间|发布于|(?<![成文印])时间)\s*[:：|｜]?\s*[|｜]?\s*" + _DATE)
_DATE_LINE = lazy_pattern(r"^\s*[（(]?\s*" + _DATE + r"\s*[)）]?\s*$")
_SIGNATURE = lazy_pattern(r"(?:^|\s)" + _DATE + r"\s*$")
_PERIOD = lazy_pattern(
    r"统计(?:期限|周期|时限|区间|时间|范围|期间|期)?[^。；\d]{0,12}?"
    rf"(?P<y1>{YEAR})\s*年\s*(?P<m1>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*日\s*(?:起)?\s*"
    rf"(?:至|到|-|~)\s*(?:(?P<y2>{YEAR})\s*年\s*)?(?P<m2>\d{{1,2}})\s*月\s*(?P<d2>\d{{1,2}})\s*日"
)
_AGENCY_BEFORE_YEAR = lazy_pattern(rf"^(?P<agency>.*?)(?:关于报送|关于印发|关于)?{YEAR}\s*年")
_AGENCY_AFTER_YEAR = lazy_pattern(rf"^{YEAR}\s*年度?(?P<agency>.+?)(?:政府信息公开|政务公开|信息公开)")


def _make_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


def _title_candidate(text: str) -> str | None:
    if "当前位置" in text or ">" in text or "。" in text or len(text) > 120:
        return None
    for part in re.split(r"[|｜]|(?<=[:：])", text):
        part = _TITLE_PREFIX.sub("", part.strip()).strip(" :：")
        if _TITLE_WORDS.search(part) and _YEAR.search(part) and "公开" in part and len(part) <= 80:
            return part
    return None


def agency_of(title: str) -> str | None:
    squeezed = re.sub(r"\s+", "", title)
    match = _AGENCY_BEFORE_YEAR.match(squeezed)
    agency = match.group("agency") if match else None
    if not agency:
        match = _AGENCY_AFTER_YEAR.match(squeezed)
        agency = match.group("agency") if match else None
    if agency:
        agency = agency.strip("《》“”\"'：:，, ")
    return agency or None


def extract(document, stream, first_heading: int | None, preamble: str, body_text: str) -> Metadata:
    meta = DeferredMetadata()
    top_end = first_heading if first_heading is not None else len(stream.text)
    top = stream.texts[:min(60, bisect_left(stream.starts, top_end))]
    # title
    if document.title and document.title.strip():
        meta.title = clean_title(document.title)
    else:
        for text in top:
            found = _title_candidate(text)
            if found:
                meta.title = found
                break
    if meta.title:
        at = stream.raw.find(meta.title)
        if at != -1:
            meta.defer(stream.span, at, at + len(meta.title))
        meta.agency = agency_of(meta.title)
    # statistical period
    match = _PERIOD.search(stream.text)
    if match:
        start = _make_date(match["y1"], match["m1"], match["d1"])
        end = _make_date(match["y2"] or match["y1"], match["m2"], match["d2"])
        if start and end:
            meta.period = DeferredPeriod(start, end).defer(stream.span, match.start(), match.end())
    # report year
    title_year = _YEAR.search(meta.title or "")
    if title_year:
        meta.year = int(title_year.group(1))
    elif meta.period is not None:
        meta.year = meta.period.start.year
    else:
        meta.year = _body_year(preamble, body_text)
    # publication date
    meta.published = document.published or _published(stream, top)
    return meta


def _body_year(preamble: str, body: str) -> int | None:
    text = fold(preamble + "\n" + body)
    match = re.search(rf"({YEAR})\s*年度", text)
    if match:
        return int(match.group(1))
    years = Counter(int(m.group(1)) for m in _YEAR.finditer(text))
    if years:
        return years.most_common(1)[0][0]
    return None


def _published(stream, top) -> date | None:
    for text in top:
        match = _PUBLISHED.search(fold(text))
        if match:
            found = _make_date(match["y"], match["m"], match["d"])
            if found:
                return found
    for text in top[:15]:
        match = _DATE_LINE.match(fold(text))
        if match:
            found = _make_date(match["y"], match["m"], match["d"])
            if found:
                return found
    for text in reversed(stream.texts[-8:]):
        text = fold(text).strip()
        match = _SIGNATURE.search(text) if len(text) < 400 or text.endswith("日") else None
        if match and "年" in match.group():
            found = _make_date(match["y"], match["m"], match["d"])
            if found:
                return found
    return None
