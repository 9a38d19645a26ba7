"""Page chrome of text extractions: crawler headers, metadata lines, breadcrumbs, footers.

Chrome is not part of the report: it is read into ``Document.title``, ``published`` and
``meta`` and dropped from the blocks. Two shapes occur:

* a crawler header, ``key: value`` lines up to a ``==== 正文 ====`` line (the Pingtan files);
* page chrome at the top of a seed: ``当前位置:…``, ``字体大小:【大】【中】【小】`` and the
  metadata table flattened into lines such as ``索引号:… | 发布日期:2024-02-20 |`` or
  ``文 号 | 〔〕号 | 发布日期 | 2023-01-09 15:47 |``.
"""

from __future__ import annotations

import re
from datetime import date

from govlint.loaders.text_common import SPACES
from govlint.normalize import find_date as parse_date

#: chrome keys (whitespace removed) → the key used in ``Document.meta``
META_KEYS = {
    "标题": "title", "名称": "name", "发布时间": "published", "发布日期": "published",
    "文号": "document_number", "发文字号": "document_number", "发布机构": "publisher",
    "发文机关": "issuer", "发文单位": "issuer", "栏目": "column", "原文链接": "url",
    "索引号": "index_number", "成文日期": "written", "成文时间": "written",
    "主题分类": "category", "主题词": "keywords", "来源": "source", "信息来源": "source",
    "本地目录": "local_path", "浏览次数": "views", "访问次数": "views", "点击数": "views",
    "生效日期": "effective", "有效性": "validity", "公开方式": "disclosure",
    "公开范围": "disclosure_scope", "所属机构": "agency", "体裁分类": "genre", "组配分类": "category",
}
#: keys of breadcrumb and widget lines that carry nothing worth keeping
WIDGET_KEYS = ("当前位置", "您当前的位置", "您现在的位置", "字体大小", "字号")

_BODY_MARK = re.compile(r"^\s*=+\s*正\s*文\s*=+\s*$")
_KV_LINE = re.compile(r"^\s*([^:：|]{1,12}?)\s*[:：]\s*(.*?)\s*$")
_IMAGE = re.compile(r"^[\w\-.]+\.(?:png|jpe?g|gif|bmp|webp)$", re.I)
_FOOTER_START = ("主办单位", "承办单位", "版权所有", "网站标识码", "网站地图")
_HEADER_SCAN = 40
#: the run-on breadcrumb of the Pingtan pages ends with "相关链接：" (and a stray "-->")
_RUNON_CHROME_END = re.compile(r"相关链接\s*[:：]\s*(?:-->)?")


def _key(text: str) -> str:
    return "".join(text.split())



class Chrome:
    """What the chrome said: metadata pairs in order of appearance."""

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}

    def put(self, raw_key: str, value: str) -> None:
        value = value.strip(SPACES + "|")
        if not value:
            return
        key = META_KEYS.get(_key(raw_key), _key(raw_key))
        self.meta.setdefault(key, value)

    @property
    def title(self) -> str | None:
        return self.meta.get("title") or self.meta.get("name")

    @property
    def published(self) -> date | None:
        value = self.meta.get("published")
        return parse_date(value) if value else None


def crawler_header(lines: list[str], chrome: Chrome) -> int:
    """If the file opens with a crawler header, read it and return the first body line."""
    for index, line in enumerate(lines[:_HEADER_SCAN]):
        if _BODY_MARK.match(line):
            if not any(_KV_LINE.match(previous) for previous in lines[:index]):
                return 0
            for previous in lines[:index]:
                match = _KV_LINE.match(previous)
                if match:
                    chrome.put(match.group(1), match.group(2))
            return index + 1
    return 0


def _known(segment: str) -> bool:
    return _key(segment) in META_KEYS


def _pairs_in(segment: str):
    """``key:value`` pairs in a chrome segment; several may share one segment."""
    positions = []
    for key in sorted(META_KEYS, key=len, reverse=True):
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
    if compact.startswith(WIDGET_KEYS) or compact.startswith("【大】") or _IMAGE.match(stripped):
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
    match = _KV_LINE.match(stripped)
    if match and _known(match.group(1)):
        for key, value in _pairs_in(stripped):
            chrome.put(key, value)
        return True
    return False


def footer_line(line: str) -> bool:
    stripped = line.strip(SPACES)
    if not stripped or len(stripped) > 200:
        return False
    return (stripped.startswith(_FOOTER_START) or "ICP备" in stripped or "公网安备" in stripped
            or (stripped[-1:] in "gGfFpP" and _IMAGE.match(stripped) is not None))


def runon_chrome_end(line: str) -> int:
    """End of a breadcrumb-and-widgets prefix run into the first body line, or 0."""
    if not _key(line[:40]).startswith(WIDGET_KEYS):
        return 0
    match = _RUNON_CHROME_END.search(line, 0, 600)
    if match:
        return match.end()
    return len(line) if len(line) < 200 else 0


def looks_like_body(line: str) -> bool:
    """The first line of the report proper ends the zone where top chrome may appear."""
    stripped = line.strip(SPACES)
    if not stripped:
        return False
    if len(stripped) > 150 or "。" in stripped:
        return True
    from govlint.loaders.text_common import TOP_NUMERAL

    return TOP_NUMERAL.match(stripped) is not None
