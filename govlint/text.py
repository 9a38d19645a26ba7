"""Label normalisation: the one way govlint compares printed labels with the templates.

Two levels:

- ``fold(text)`` maps characters one to one (so offsets stay valid): full-width digits and
  Latin letters to ASCII, half-width brackets and colons to full-width, every kind of double
  quote to ``"``, the full-width full stop ``．`` to ``.``, slashes and dashes to one form.
- ``normalize(text)`` is ``fold`` without whitespace: the form in which ``govlint.domain``
  writes its labels, so ``商业 企业``, ``(一) 予以公开`` and ``（一）予以公开`` compare equal.
"""

from __future__ import annotations

import re
from datetime import date

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
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """One-to-one character folding; ``len(fold(t)) == len(t)`` always."""
    return text.translate(_FOLD)


def normalize(text: str) -> str:
    """A label as the templates in ``govlint.domain`` write it: folded, no whitespace."""
    return _SPACE.sub("", text.translate(_FOLD))


def strip_space(text: str) -> str:
    """Whitespace removed, nothing else changed (for labels kept as printed)."""
    return _SPACE.sub("", text)


#: Chinese numerals of section and group numbers
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """``一`` → 1, ``十`` → 10, ``十二`` → 12, ``二十`` → 20; None if not a numeral up to 99."""
    if not text:
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _NUMERALS.get(tens, None) if tens else 1
        low = _NUMERALS.get(units, None) if units else 0
        if high is None or low is None:
            return None
        return high * 10 + low
    if len(text) == 1:
        return _NUMERALS.get(text)
    return None


#: a date as reports print it: ``2024-02-20``, ``2024/2/20``, ``2024.02.20``, ``2024年2月20日``
DATE_PATTERN = r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_DATE_RE = re.compile(DATE_PATTERN)


def find_date(text: str) -> date | None:
    """The first valid date in ``text``, or None."""
    for match in _DATE_RE.finditer(text):
        try:
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            continue
    return None
