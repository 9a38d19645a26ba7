"""Where chrome stands in a text extraction: crawler headers, metadata lines, breadcrumbs, footers.

Chrome is not part of the report: it is read into ``Document.title``, ``published`` and
``meta`` and dropped from the blocks. What is chrome, and the labels and keys of metadata,
is ``govlint.loaders.chrome``'s business; this module finds it in the lines of a text. Two
shapes occur:

* a crawler header, ``key: value`` lines up to a ``==== 正文 ====`` line (the Pingtan files);
* page chrome at the top of a seed: ``当前位置:…``, ``字体大小:【大】【中】【小】`` and the
  metadata table flattened into lines such as ``索引号:… | 发布日期:2024-02-20 |`` or
  ``文 号 | 〔〕号 | 发布日期 | 2023-01-09 15:47 |``.
"""

from __future__ import annotations

import re
from datetime import date

from govlint.lazy_re import lazy_pattern
from govlint.loaders.chrome import (
    IMAGE_NAME, LABELS, TEXT_WIDGET_LABELS, VOCABULARY, meta_from, published_from, text_footer, title_from,
)
from govlint.loaders.text.common import SPACES

_BODY_MARK = lazy_pattern(r"^\s*=+\s*正\s*文\s*=+\s*$")
#: ``key: value`` after the leading whitespace. The whitespace is cut in Python, and the value
#: taken whole and stripped there: ``^\s*([^:：|]{1,12}?)\s*[:：]\s*(.*?)\s*$`` gives the
#: same answers but backtracks cubically on a long run of spaces (2,000 took 5 s)
_KV_LINE = lazy_pattern(r"([^:：|]{1,12}?)\s*[:：](.*)")
_HEADER_SCAN = 40


def key_value(line: str) -> tuple[str, str] | None:
    """The key and value of a ``key: value`` line (a key of at most 12 characters), else None."""
    body = line.lstrip()
    match = _KV_LINE.match(body)
    if match:
        return match.group(1), match.group(2).strip()
    if body[:1] in (":", "：") and len(body) < len(line):
        # a colon after whitespace only: the key is the last whitespace character
        return line[len(line) - len(body) - 1], body[1:].strip()
    return None


def _key(text: str) -> str:
    return "".join(text.split())


class Chrome:
    """What the chrome said: the first value under each metadata label.

    Labels outside the vocabulary (a crawler's own header keys) are not kept.
    """

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}

    def put(self, raw_label: str, value: str) -> None:
        value = value.strip(SPACES + "|")
        label = _key(raw_label)
        if value and label in VOCABULARY:
            self.labels.setdefault(label, value)

    @property
    def meta(self) -> dict[str, str]:
        return meta_from(self.labels)

    @property
    def title(self) -> str | None:
        return title_from(self.labels)

    @property
    def published(self) -> date | None:
        return published_from(self.labels)


def crawler_header(lines: list[str], chrome: Chrome) -> int:
    """If the file opens with a crawler header, read it and return the first body line."""
    for index, line in enumerate(lines[:_HEADER_SCAN]):
        if _BODY_MARK.match(line):
            pairs = [pair for pair in map(key_value, lines[:index]) if pair]
            if not pairs:
                return 0
            for key, value in pairs:
                chrome.put(key, value)
            return index + 1
    return 0


def _known(segment: str) -> bool:
    return _key(segment) in VOCABULARY


def _pairs_in(segment: str):
    """``key:value`` pairs in a chrome segment; several may share one segment."""
    positions = []
    for key in LABELS:
        for match in re.finditer(re.escape(key) + r"\s*[:：]", segment):
            if not any(a <= match.start() < b for a, b, _ in positions):
                positions.append((match.start(), match.end(), key))
    positions.sort()
    for i, (_, end, key) in enumerate(positions):
        stop = positions[i + 1][0] if i + 1 < len(positions) else len(segment)
        yield key, segment[end:stop]


def chrome_line(line: str, chrome: Chrome) -> bool:
    """Whether ``line`` is page chrome; if so, record what it says."""
    stripped = line.strip(SPACES)
    if not stripped:
        return False
    compact = _key(stripped)
    if compact.startswith(TEXT_WIDGET_LABELS) or compact.startswith("【大】") or IMAGE_NAME.match(stripped):
        return True
    if "|" in stripped:
        segments = [s.strip(SPACES) for s in stripped.split("|")]
        segments = [s for s in segments if s]
        if not segments:
            return False
        first = segments[0]
        keyed = _known(first) or any(_known(re.split("[:：]", s, 1)[0]) for s in segments if re.search("[:：]", s))
        if not keyed:
            return False
        i = 0
        while i < len(segments):
            seg = segments[i]
            if _known(seg):
                value = segments[i + 1] if i + 1 < len(segments) and not _known(segments[i + 1]) else ""
                chrome.put(seg, value)
                i += 2 if value else 1
                continue
            for key, value in _pairs_in(seg):
                chrome.put(key, value)
            i += 1
        return True
    pair = key_value(stripped)
    if pair and _known(pair[0]):
        for key, value in _pairs_in(stripped):
            chrome.put(key, value)
        return True
    return False


def footer_line(line: str) -> bool:
    return text_footer(line.strip(SPACES))


def looks_like_body(line: str) -> bool:
    """The first line of the report proper ends the zone where top chrome may appear."""
    stripped = line.strip(SPACES)
    if not stripped:
        return False
    if len(stripped) > 150 or "。" in stripped:
        return True
    from govlint.loaders.text.common import TOP_NUMERAL

    return TOP_NUMERAL.match(stripped) is not None
