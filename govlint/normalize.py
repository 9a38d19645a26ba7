"""The one text toolkit: label normalisation, years and dates, Chinese numerals, titles.

Every comparison of a printed label with the format (``govlint.format``) goes through
``normalize``; offsets into the printed text stay valid through ``fold``.

Decisions, taken once (they used to differ between three normalisers):

- ``fold(text)`` maps characters one to one (``len(fold(t)) == len(t)``): full-width digits
  and Latin letters to ASCII (``１`` → ``1``); half-width brackets, colons, commas and
  semicolons to full-width (``(`` → ``（``); every kind of double quote to ASCII ``"`` and of
  single quote to ``'`` (quote marks fold *to ASCII*, never to curly quotes: reports mix
  both, and the ASCII form is what a keyboard gives); ``．`` to ``.``; slashes and dashes to one
  form; ``〈〉`` to ``<>``; odd spaces (ideographic, no-break, zero-width, BOM) to a space.
- ``normalize(text)`` is ``fold`` without whitespace: the form the format records are written
  in, so ``商业 企业``, ``(一) 予以公开`` and ``（一）予以公开`` compare equal.
  ``危及“三安全一稳定” (１)`` → ``危及"三安全一稳定"（1）``.

Two predicates that used to share the name ``is_cjk``: ``is_cjk`` is a Han ideograph (what a
heading's words are made of); ``is_wide`` is any character of CJK text, punctuation or a
full-width form, between which a wrapped line is joined without a space.
"""

from __future__ import annotations

from datetime import date

from govlint.lazy_re import lazy_pattern

_MAP: dict[int, str] = {}
# full-width ASCII range (！ to ～) → ASCII, except the brackets and colon we want full-width
for _code in range(0xFF01, 0xFF5F):
    _MAP[_code] = chr(_code - 0xFEE0)
_MAP.update({
    ord("("): "（", ord(")"): "）", 0xFF08: "（", 0xFF09: "）",
    ord(":"): "：", 0xFF1A: "：",
    ord(","): "，", 0xFF0C: "，",
    ord(";"): "；", 0xFF1B: "；",
    ord("“"): '"', ord("”"): '"', 0xFF02: '"', ord("„"): '"', ord("″"): '"',
    ord("‘"): "'", ord("’"): "'", 0xFF07: "'",
    ord("．"): ".", ord("。"): "。",
    ord("／"): "/", ord("－"): "-", ord("—"): "-", ord("–"): "-", ord("―"): "-",
    ord("〈"): "<", ord("〉"): ">",
    0x3000: " ", 0xA0: " ", 0x200B: " ", 0xFEFF: " ",
})
_FOLD = str.maketrans(_MAP)
#: the characters ``fold`` changes (the map also holds some that stay as they are, such as ``，``)
_CHANGED = {chr(code): text for code, text in _MAP.items() if chr(code) != text}
_FOLDABLE = lazy_pattern("[" + "".join(f"\\U{ord(c):08x}" for c in sorted(_CHANGED)) + "]")


def _folded(match) -> str:
    return _CHANGED[match.group()]


def fold(text: str) -> str:
    """One-to-one character folding; ``len(fold(t)) == len(t)`` always.

    The same as ``text.translate`` with the map, which costs a dictionary lookup per
    character (about 1.8 ms for a report's 5,000 characters of prose): a scan for the few
    characters that change, each replaced, costs a twentieth of that."""
    return _FOLDABLE.sub(_folded, text)


def normalize(text: str) -> str:
    """A label as the format records write it: folded, no whitespace."""
    return "".join(fold(text).split())


def strip_space(text: str) -> str:
    """Whitespace removed, nothing else changed (for labels kept as printed)."""
    return "".join(text.split())  # str.split and re's \s know the same whitespace


# --- characters -------------------------------------------------------------------------

def is_cjk(ch: str) -> bool:
    """A Han ideograph (CJK Unified Ideographs and Extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_wide(ch: str) -> bool:
    """A character of CJK text: ideographs, kana, CJK punctuation, full-width forms."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def display_width(text: str) -> int:
    """How many columns ``text`` takes in a fixed-width grid (a spreadsheet column, a
    terminal): a wide character counts two. A multi-line text is as wide as its widest line."""
    return max((sum(2 if is_wide(ch) else 1 for ch in line) for line in text.splitlines()), default=0)


# --- numbers ----------------------------------------------------------------------------
_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}


#: the most digits a count or amount in a report can have; longer runs are not read as numbers
MAX_DIGITS = 15


def chinese_number(text: str) -> int | None:
    """``一`` → 1, ``十`` → 10, ``十二`` → 12, ``二十`` → 20, ``两`` → 2, ``12`` → 12;
    None if not a number up to 99."""
    if not text:
        return None
    if text.isdigit():
        # a run longer than any count is no number (and int() refuses past 4,300 digits)
        return int(text) if len(text) <= MAX_DIGITS else None
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _NUMERALS.get(tens) if tens else 1
        low = _NUMERALS.get(units) if units else 0
        if high is None or low is None:
            return None
        return high * 10 + low
    if len(text) == 1:
        return _NUMERALS.get(text)
    return None


# --- years and dates --------------------------------------------------------------------
#: a year of this century or the last (pattern source, to build larger patterns)
YEAR = r"(?:19|20)\d{2}"
#: a year as prose writes it: ``2023年`` (group 1 is the year)
YEAR_NIAN = lazy_pattern(rf"({YEAR})\s*年")
#: a date as reports print it: ``2024-02-20``, ``2024/2/20``, ``2024.02.20``, ``2024年2月20日``
DATE_PATTERN = rf"(?P<y>{YEAR})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})\s*日?"
_DATE_RE = lazy_pattern(DATE_PATTERN)


def first_year(text: str) -> int | None:
    """The first ``YYYY年`` in ``text``, or None."""
    match = YEAR_NIAN.search(text or "")
    return int(match.group(1)) if match else None


def find_date(text: str) -> date | None:
    """The first valid date in ``text``, or None."""
    for match in _DATE_RE.finditer(text):
        try:
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            continue
    return None


# --- titles -----------------------------------------------------------------------------
#: a site name after the report words: ``…年度报告_政府信息公开年报_某网站``, ``…年报 - 某网站``
_SITE_SUFFIX = lazy_pattern(r"(报告|年报)\s*(?:[_|｜]|\s[-—–]+\s|[-—–]+)\s*\S.*$")
_SITE_SPLIT = lazy_pattern(r"\s*[_|｜]\s*")
_REPORT_CUT = lazy_pattern(r"^(.*?(?:年度报告|年报|工作报告)(?:的函)?)\s*[_|｜]"
                           r"|^(.*?(?:年度报告|年报)(?:的函)?)\s*[-–—]")
#: a field name before the title on a page (``标题：``, ``文件名称｜``)
TITLE_PREFIX = lazy_pattern(r"^(?:标\s*题|名\s*称|主\s*题\s*词|文件名称)\s*[:：|｜]?\s*")


def clean_title(raw: str | None) -> str | None:
    """A title without the site name after it and the field name before it:
    ``标题：某县2023年度报告_政府信息公开_某网站`` → ``某县2023年度报告``; None when nothing is left."""
    if not raw:
        return None
    title = TITLE_PREFIX.sub("", " ".join(raw.split()))
    cut = _SITE_SUFFIX.search(title)
    if cut:
        title = title[:cut.start() + len(cut.group(1))]
    elif _SITE_SPLIT.search(title):
        title = _SITE_SPLIT.split(title)[0]
    match = _REPORT_CUT.match(title)
    if match:
        title = (match.group(1) or match.group(2)).strip()
    return TITLE_PREFIX.sub("", title).strip() or None
