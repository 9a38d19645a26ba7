"""Page chrome: what a report page carries around the report, and what it tells us.

Breadcrumbs, font-size and share widgets, site headers and footers and view counters are
dropped from the Document; metadata boxes (``索引号``, ``发布日期`` …) are dropped too, but
their values are kept: the title, the publication date and the rest go into
``Document.title``, ``Document.published`` and ``Document.meta``.

Every text rule here looks at a short block as a whole (a paragraph of the report is long
or does not start with these words), so report prose is never dropped for containing,
say, ``联系电话``.
"""

from __future__ import annotations

import re
from datetime import date

from govlint.normalize import clean_title
from govlint.normalize import find_date as parse_date

# -- metadata -----------------------------------------------------------------------------
TITLE_KEYS = ("标题", "名称", "文件名称", "信息名称")
DATE_KEYS = ("发布日期", "发布时间", "公开日期", "公开时间", "日期", "时间")
# Keys that only a metadata box uses; two of them make a table or block a metadata box.
STRONG_KEYS = ("索引号", "发布机构", "发文机关", "发文单位", "所属机构", "信息来源", "发布日期", "发布时间",
               "公开日期", "公开时间", "成文日期", "成文时间", "生成日期", "生效日期", "文号", "发文字号",
               "主题分类", "体裁分类", "组配分类", "公开方式", "公开范围", "公开形式", "有效性", "时效",
               "标题", "名称", "文件名称", "信息名称", "主题词", "关键词", "采集时间", "所属主题", "信息分类")
WEAK_KEYS = ("来源", "单位", "分类", "作者", "责任编辑", "编辑", "日期", "时间", "浏览次数", "访问量",
             "点击数", "阅读次数", "文件下载", "附件")
META_KEYS = tuple(sorted(set(STRONG_KEYS + WEAK_KEYS), key=len, reverse=True))
_KEY_ALT = "|".join(map(re.escape, META_KEYS))
_KEY_AT_START = re.compile(rf"^[\s【\[]*({_KEY_ALT})\s*[】\]]?\s*[:：|｜]")
_PAIR = re.compile(rf"(?:^|(?<=[\s|｜【\[]))({_KEY_ALT})\s*[】\]]?\s*[:：|｜]\s*")
_KEY_ONLY = re.compile(rf"^\s*({_KEY_ALT})\s*[:：]?\s*$")

MAX_CHROME_TEXT = 200
#: a metadata box is a small table
MAX_META_ROWS = 15


def meta_pairs(text: str) -> list[tuple[str, str]]:
    """``KEY：value`` pairs in a metadata line (``来源：X 时间：2020-01-17 08:18``)."""
    matches = list(_PAIR.finditer(text))
    pairs = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end():end].strip(" \t\u3000\xa0|｜【】[]")
        pairs.append((match.group(1), value))
    return pairs


def is_meta_line(text: str) -> bool:
    return len(text) <= MAX_CHROME_TEXT and bool(_KEY_AT_START.match(text))


def key_only(text: str) -> str | None:
    """The key when a cell holds just a metadata label (``索引号`` or ``发布日期：``)."""
    match = _KEY_ONLY.match(text)
    return match.group(1) if match else None


def is_value(text: str) -> bool:
    """Whether a line can be the value after a label line (not a label or pair itself)."""
    return key_only(text) is None and not _KEY_AT_START.match(text) and len(text) <= 100


def grid_meta(texts_by_row: list[list[str]]) -> list[tuple[str, str]] | None:
    """Key/value pairs when a small table is a metadata box, else None."""
    if len(texts_by_row) > MAX_META_ROWS:
        return None
    pairs: list[tuple[str, str]] = []
    for row in texts_by_row:
        i = 0
        while i < len(row):
            key = key_only(row[i])
            if key is not None:
                value = row[i + 1] if i + 1 < len(row) and is_value(row[i + 1]) else ""
                pairs.append((key, value.strip()))
                i += 2 if value else 1
                continue
            if is_meta_line(row[i]):
                pairs.extend(meta_pairs(row[i]))
            i += 1
    strong = {k for k, _ in pairs if k in STRONG_KEYS}
    return pairs if len(strong) >= 2 else None



def published_from(meta: dict[str, str]) -> date | None:
    for key in DATE_KEYS:
        if key in meta:
            found = parse_date(meta[key])
            if found:
                return found
    return None


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
_BREADCRUMB = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置|当前所在位置)\s*[:：]?")
_FONT_WIDGET = re.compile(r"(?:字体|字号)\s*[:：]?\s*[【\[（(]?\s*[大小]|[【\[]\s*大\s*[】\]]\s*[【\[]\s*中|字体大小|字号大小")
_FOOTER = re.compile(r"ICP\s*备|版权所有|网站标识码|公网安备|Copyright|©|\(c\)\s*\d{4}", re.I)
_FOOTER_WEAK = re.compile(r"主办单位|承办单位|技术支持|联系电话|联系我们|网站地图|地址\s*[:：]|邮编|邮政编码|电子邮箱|传真"
                          r"|建议使用|分辨率|浏览器"
                          r"|网站声明|隐私|运维|纠错|^\s*\d{3,4}-\d{7,8}")
_COUNTER = re.compile(r"(?:浏览次数|访问量|阅读次数|点击数|访问次数|浏览量|阅读量|点击量|访问人次)\s*[:：]?\s*\d*")
_FILENAME = re.compile(r"^\S+\.(?:png|jpe?g|gif|bmp|webp|tiff?|pdf|docx?|xlsx?|wps|ofd|zip|rar|7z)$", re.I)
_WIDGET_WORDS = {
    "打印", "打印本页", "打印此页", "打印页面", "关闭", "关闭窗口", "关闭本页", "分享", "分享到", "收藏", "加入收藏",
    "返回", "返回顶部", "返回首页", "返回列表", "微信", "微博", "QQ空间", "QQ", "新浪微博", "扫一扫",
    "扫一扫在手机上查看当前页面", "扫一扫在手机打开当前页", "全真版", "文字版", "文件下载", "附件下载", "附件",
    "相关链接", "相关文件", "相关阅读", "上一篇", "下一篇", "繁體版", "繁体版", "简体版", "无障碍", "适老化",
    "智能问答", "首页", "English", "大", "中", "小", "字体", "字号", "【", "】", "默认", "放大", "缩小",
    "我要纠错", "纠错", "评论", "来源", "来源：",
}
_WIDGET_SEP = re.compile(r"[\s|｜/、【】\[\]()（）:：·•]+")

CLASS_TOKENS = {"header", "head", "nav", "navbar", "menu", "footer", "foot", "breadcrumb", "breadcrumbs",
                "crumb", "crumbs", "position", "location", "share", "bdshare", "qrcode", "ewm", "sidebar",
                "toolbar", "copyright", "dqwz", "weizhi", "fenxiang", "bdsharebuttonbox"}
_CLASS_SPLIT = re.compile(r"[-_\s]+")


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
    if len(text) <= 60 and _FONT_WIDGET.search(text):
        return "font"
    if _FOOTER.search(text):
        return "footer"
    if len(text) <= 40 and _COUNTER.search(text) and not re.search(r"[。，；]", text):
        return "counter"
    if _FILENAME.match(text):
        return "filename"
    words = [w for w in _WIDGET_SEP.split(text) if w]
    if words and len(text) <= 60 and all(w in _WIDGET_WORDS for w in words):
        return "widget"
    return None


def weak_footer(text: str) -> bool:
    """Site contact lines: chrome only next to a real footer line."""
    return len(text) <= 100 and bool(_FOOTER_WEAK.search(text))
