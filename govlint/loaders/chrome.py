"""Page chrome and metadata: what a report page carries around the report, and what it tells us.

The one place that recognises chrome, for every loader. Breadcrumbs, font-size and share
widgets, site headers and footers and view counters are dropped from the Document; metadata
boxes and lines (``索引号``, ``发布日期`` …) are dropped too, but their values are kept: the
title, the publication date and the rest go into ``Document.title``, ``Document.published``
and ``Document.meta``. The HTML loader meets chrome as elements and small tables, the text
loader as lines at the top and bottom of an extraction (``govlint.loaders.text.chrome_lines``
reads those lines, with the patterns of the last section here).

``Document.meta`` has one vocabulary, whatever the loader and whatever label the page printed
(``VOCABULARY``, label → key):

==================  ==================================================================
key                 labels as printed
==================  ==================================================================
title               标题 (and a Word file's core properties)
name                名称, 文件名称, 信息名称
published           发布日期, 发布时间, 公开日期, 公开时间, 日期, 时间
written             成文日期, 成文时间
created             生成日期 (and a Word file's core properties)
modified            (a Word file's core properties only)
effective           生效日期
collected           采集时间
index_number        索引号
document_number     文号, 发文字号
publisher           发布机构, 单位
issuer              发文机关, 发文单位
agency              所属机构
source              信息来源, 来源
author              作者
editor              责任编辑, 编辑
category            主题分类, 组配分类, 信息分类, 所属主题, 分类
genre               体裁分类
keywords            主题词, 关键词
disclosure          公开方式, 公开形式
disclosure_scope    公开范围
validity            有效性, 时效
column              栏目
url                 原文链接
local_path          本地目录
views               浏览次数, 访问次数, 访问量, 点击数, 阅读次数
attachment          文件下载, 附件
==================  ==================================================================

When a page prints two labels of one key, the label listed first wins. Formats with
metadata of their own fill the same keys (the Word loader: ``title``, ``created``,
``modified``). ``Document.meta`` is what the loader saw; the report's metadata as the parser
reads it (``Report.metadata``, in ``govlint parse`` output) is a separate thing.

Every text rule here looks at a short block as a whole (a paragraph of the report is long
or does not start with these words), so report prose is never dropped for containing,
say, ``联系电话``.
"""

from __future__ import annotations

import re
from datetime import date

from govlint.lazy_re import lazy_pattern
from govlint.normalize import clean_title
from govlint.normalize import find_date as parse_date

# -- the metadata vocabulary -------------------------------------------------------------
#: (label as printed, key in ``Document.meta``, strong); a strong label is printed only by
#: metadata boxes, so two of them make a table or block a metadata box; weak ones (来源,
#: 日期 …) are printed elsewhere too. Labels of one key stand in the order they win.
_VOCABULARY = (
    ("标题", "title", True), ("名称", "name", True), ("文件名称", "name", True), ("信息名称", "name", True),
    ("发布日期", "published", True), ("发布时间", "published", True), ("公开日期", "published", True),
    ("公开时间", "published", True), ("日期", "published", False), ("时间", "published", False),
    ("成文日期", "written", True), ("成文时间", "written", True), ("生成日期", "created", True),
    ("生效日期", "effective", True), ("采集时间", "collected", True),
    ("索引号", "index_number", True), ("文号", "document_number", True), ("发文字号", "document_number", True),
    ("发布机构", "publisher", True), ("单位", "publisher", False), ("发文机关", "issuer", True),
    ("发文单位", "issuer", True), ("所属机构", "agency", True),
    ("信息来源", "source", True), ("来源", "source", False), ("作者", "author", False),
    ("责任编辑", "editor", False), ("编辑", "editor", False),
    ("主题分类", "category", True), ("组配分类", "category", True), ("信息分类", "category", True),
    ("所属主题", "category", True), ("分类", "category", False), ("体裁分类", "genre", True),
    ("主题词", "keywords", True), ("关键词", "keywords", True),
    ("公开方式", "disclosure", True), ("公开形式", "disclosure", True), ("公开范围", "disclosure_scope", True),
    ("有效性", "validity", True), ("时效", "validity", True),
    ("栏目", "column", False), ("原文链接", "url", False), ("本地目录", "local_path", False),
    ("浏览次数", "views", False), ("访问次数", "views", False), ("访问量", "views", False),
    ("点击数", "views", False), ("阅读次数", "views", False),
    ("文件下载", "attachment", False), ("附件", "attachment", False),
)
#: label as printed (whitespace removed) → key in ``Document.meta``
VOCABULARY = {label: key for label, key, _ in _VOCABULARY}
STRONG_LABELS = tuple(label for label, _, strong in _VOCABULARY if strong)
TITLE_LABELS = tuple(label for label, key, _ in _VOCABULARY if key in ("title", "name"))
DATE_LABELS = tuple(label for label, key, _ in _VOCABULARY if key == "published")
#: longest first, so that 发布时间 wins over 时间
LABELS = tuple(sorted(VOCABULARY, key=len, reverse=True))


def meta_from(labels: dict[str, str]) -> dict[str, str]:
    """``Document.meta`` from the values found under each printed label."""
    meta: dict[str, str] = {}
    for label, key, _ in _VOCABULARY:
        value = labels.get(label)
        if value and key not in meta:
            meta[key] = value
    return meta


def published_from(labels: dict[str, str]) -> date | None:
    """The publication date: the first date label, in ``DATE_LABELS`` order, that holds a date."""
    for label in DATE_LABELS:
        if label in labels:
            found = parse_date(labels[label])
            if found:
                return found
    return None


def title_from(labels: dict[str, str]) -> str | None:
    """The title the metadata names, if any (``标题`` before ``名称`` …)."""
    return next((labels[label] for label in TITLE_LABELS if labels.get(label)), None)


# -- metadata boxes and lines -------------------------------------------------------------
_LABEL_ALT = "|".join(map(re.escape, LABELS))
_LABEL_AT_START = lazy_pattern(rf"^[\s【\[]*({_LABEL_ALT})\s*[】\]]?\s*[:：|｜]")
_PAIR = lazy_pattern(rf"(?:^|(?<=[\s|｜【\[]))({_LABEL_ALT})\s*[】\]]?\s*[:：|｜]\s*")
_LABEL_ONLY = lazy_pattern(rf"^\s*({_LABEL_ALT})\s*[:：]?\s*$")

MAX_CHROME_TEXT = 200
#: a metadata box is a small table
MAX_META_ROWS = 15


def meta_pairs(text: str) -> list[tuple[str, str]]:
    """``LABEL：value`` pairs in a metadata line (``来源：X 时间：2020-01-17 08:18``)."""
    matches = list(_PAIR.finditer(text))
    pairs = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end():end].strip(" \t\u3000\xa0|｜【】[]")
        pairs.append((match.group(1), value))
    return pairs


def is_meta_line(text: str) -> bool:
    return len(text) <= MAX_CHROME_TEXT and bool(_LABEL_AT_START.match(text))


def label_only(text: str) -> str | None:
    """The label when a cell holds just a metadata label (``索引号`` or ``发布日期：``)."""
    match = _LABEL_ONLY.match(text)
    return match.group(1) if match else None


def is_value(text: str) -> bool:
    """Whether a line can be the value after a label line (not a label or pair itself)."""
    return label_only(text) is None and not _LABEL_AT_START.match(text) and len(text) <= 100


def grid_meta(texts_by_row: list[list[str]]) -> list[tuple[str, str]] | None:
    """(label, value) pairs when a small table is a metadata box, else None."""
    if len(texts_by_row) > MAX_META_ROWS:
        return None
    # Every label found is part of a cell's text: without two strong labels there, no box
    # (one substring test per strong label instead of a pattern per cell).
    joined = "\0".join("\0".join(row) for row in texts_by_row)
    if sum(label in joined for label in STRONG_LABELS) < 2:
        return None
    pairs: list[tuple[str, str]] = []
    for row in texts_by_row:
        i = 0
        while i < len(row):
            label = label_only(row[i])
            if label is not None:
                value = row[i + 1] if i + 1 < len(row) and is_value(row[i + 1]) else ""
                pairs.append((label, value.strip()))
                i += 2 if value else 1
                continue
            if is_meta_line(row[i]):
                pairs.extend(meta_pairs(row[i]))
            i += 1
    strong = {k for k, _ in pairs if k in STRONG_LABELS}
    return pairs if len(strong) >= 2 else None



# -- titles -------------------------------------------------------------------------------
def looks_like_title(text: str) -> bool:
    return ("报告" in text or "年报" in text) and len(text) <= 80


def choose_title(candidates) -> str | None:
    """The first candidate that looks like a report title, else the first at all."""
    cleaned = [t for t in (clean_title(c) for c in candidates) if t]
    for title in cleaned:
        if looks_like_title(title):
            return title
    return cleaned[0] if cleaned else None


# -- chrome blocks ------------------------------------------------------------------------
#: what a breadcrumb line opens with
BREADCRUMB_WORDS = ("当前位置", "您的位置", "您现在的位置", "您当前的位置", "所在位置", "当前所在位置")
_BREADCRUMB = lazy_pattern(r"^\s*(?:" + "|".join(BREADCRUMB_WORDS) + r")\s*[:：]?")
_FONT_WIDGET = lazy_pattern(r"(?:字体|字号)\s*[:：]?\s*[【\[（(]?\s*[大小]|[【\[]\s*大\s*[】\]]\s*[【\[]\s*中|字体大小|字号大小")
_FOOTER = lazy_pattern(r"ICP\s*备|版权所有|网站标识码|公网安备|Copyright|©|\(c\)\s*\d{4}", re.I)
_FOOTER_WEAK = lazy_pattern(r"主办单位|承办单位|技术支持|联系电话|联系我们|网站地图|地址\s*[:：]|邮编|邮政编码|电子邮箱|传真"
                            r"|建议使用|分辨率|浏览器"
                            r"|网站声明|隐私|运维|纠错|^\s*\d{3,4}-\d{7,8}")
_COUNTER = lazy_pattern(r"(?:浏览次数|访问量|阅读次数|点击数|访问次数|浏览量|阅读量|点击量|访问人次)\s*[:：]?\s*\d*")
_FILENAME = lazy_pattern(r"^\S+\.(?:png|jpe?g|gif|bmp|webp|tiff?|pdf|docx?|xlsx?|wps|ofd|zip|rar|7z)$", re.I)
_WIDGET_WORDS = {
    "打印", "打印本页", "打印此页", "打印页面", "关闭", "关闭窗口", "关闭本页", "分享", "分享到", "收藏", "加入收藏",
    "返回", "返回顶部", "返回首页", "返回列表", "微信", "微博", "QQ空间", "QQ", "新浪微博", "扫一扫",
    "扫一扫在手机上查看当前页面", "扫一扫在手机打开当前页", "全真版", "文字版", "文件下载", "附件下载", "附件",
    "相关链接", "相关文件", "相关阅读", "上一篇", "下一篇", "繁體版", "繁体版", "简体版", "无障碍", "适老化",
    "智能问答", "首页", "English", "大", "中", "小", "字体", "字号", "【", "】", "默认", "放大", "缩小",
    "我要纠错", "纠错", "评论", "来源", "来源：",
}
_WIDGET_SEP = lazy_pattern(r"[\s|｜/、【】\[\]()（）:：·•]+")

CLASS_TOKENS = {"header", "head", "nav", "navbar", "menu", "footer", "foot", "breadcrumb", "breadcrumbs",
                "crumb", "crumbs", "position", "location", "share", "bdshare", "qrcode", "ewm", "sidebar",
                "toolbar", "copyright", "dqwz", "weizhi", "fenxiang", "bdsharebuttonbox"}
_CLASS_SPLIT = lazy_pattern(r"[-_\s]+")


def chrome_class(value: str | None) -> bool:
    """Whether a ``class`` or ``id`` value names page chrome (``header-t``, ``share_box`` …)."""
    if not value:
        return False
    for token in _CLASS_SPLIT.split(value.lower()):
        if token in CLASS_TOKENS or (token.endswith("nav") and len(token) <= 12):
            return True
    return False


def chrome_kind(text: str) -> str | None:
    """What kind of chrome a short block is (None: report content)."""
    if len(text) > MAX_CHROME_TEXT:
        return None
    if _BREADCRUMB.match(text):
        return "breadcrumb"
    if is_meta_line(text):
        return "meta"
    # Each search below is tried only when the text holds a character its pattern cannot match
    # without (most blocks are report prose: a few substring tests instead of a regex scan).
    short = len(text) <= 60
    if short and ("字" in text or "【" in text or "[" in text) and _FONT_WIDGET.search(text):
        return "font"
    if ("备" in text or "版权所有" in text or "网站标识码" in text or "©" in text or "c" in text
            or "C" in text) and _FOOTER.search(text):
        return "footer"
    if (len(text) <= 40 and ("次" in text or "量" in text or "数" in text) and _COUNTER.search(text)
            and not re.search(r"[。，；]", text)):
        return "counter"
    if "." in text and _FILENAME.match(text):
        return "filename"
    if short:
        words = [w for w in _WIDGET_SEP.split(text) if w]
        if words and all(w in _WIDGET_WORDS for w in words):
            return "widget"
    return None


def weak_footer(text: str) -> bool:
    """Site contact lines: chrome only next to a real footer line."""
    return len(text) <= 100 and bool(_FOOTER_WEAK.search(text))


# -- chrome lines of plain-text extractions -----------------------------------------------
#: what a breadcrumb or widget line of an extraction opens with; such a line holds nothing to keep
TEXT_WIDGET_LABELS = BREADCRUMB_WORDS + ("字体大小", "字号")
_TEXT_FOOTER_START = ("主办单位", "承办单位", "版权所有", "网站标识码", "网站地图")
IMAGE_NAME = lazy_pattern(r"^[\w\-.]+\.(?:png|jpe?g|gif|bmp|webp)$", re.I)
#: the run-on breadcrumb of the Pingtan pages ends with "相关链接：" (and a stray "-->")
_RUNON_CHROME_END = lazy_pattern(r"相关链接\s*[:：]\s*(?:-->)?")


def text_footer(stripped: str) -> bool:
    """Whether a line of an extraction (stripped) is a site footer line."""
    if not stripped or len(stripped) > 200:
        return False
    return (stripped.startswith(_TEXT_FOOTER_START) or "ICP备" in stripped or "公网安备" in stripped
            or (stripped[-1:] in "gGfFpP" and IMAGE_NAME.match(stripped) is not None))


def runon_chrome_end(line: str) -> int:
    """End of a breadcrumb-and-widgets prefix run into the first body line, or 0."""
    if not "".join(line[:40].split()).startswith(TEXT_WIDGET_LABELS):
        return 0
    match = _RUNON_CHROME_END.search(line, 0, 600)
    if match:
        return match.end()
    return len(line) if len(line) < 200 else 0
