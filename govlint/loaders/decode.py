"""Turning bytes into text: BOM, declared charset, GB-family labels mapped to gb18030.

Real report pages are often GBK/GB18030 with a wrong ``charset`` label. Decode strictly
first; when that fails, replace the bad bytes and report GL003 so that nothing is lost
silently. Bytes that are clearly not text (NUL bytes, image or archive magic) give GL001.

A declared label is honoured only if it names a page charset (``PAGE_CHARSETS``): Python
knows codecs that are no page encoding at all (``base64``, ``zlib``, ``undefined``, which
raises on any input, ``idna``, ``punycode``, ``unicode_escape``), and a page declaring one of
them gets GL003 and detection, as for an unknown label.
"""

from __future__ import annotations

import codecs
import re

from govlint.findings import Finding
from govlint.lazy_re import lazy_pattern

GB_FAMILY = {"gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb_2312-80", "gb18030", "csgb2312",
             "ms936", "windows-936", "gb_2312", "chinese", "csgbk", "iso-ir-58", "x-euc-cn",
             "csiso58gb231280", "gb-18030"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# <meta charset=...>, <meta http-equiv content="...; charset=..."> and <?xml ... encoding=...?>
_DECLARED = lazy_pattern(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']\s*([A-Za-z0-9_\-:.]+)""", re.I)
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "PNG 图片"), (b"\xff\xd8\xff", "JPEG 图片"), (b"GIF87a", "GIF 图片"),
          (b"GIF89a", "GIF 图片"), (b"%PDF-", "PDF 文档"), (b"PK\x03\x04", "ZIP 压缩包（或 docx 等 Office 文档）"),
          (b"\x1f\x8b", "gzip 压缩数据"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文档"),
          (b"RIFF", "RIFF 媒体文件"), (b"\x7fELF", "可执行文件"))
_SNIFF = 8192
#: Python's names of the encodings browsers decode pages with (WHATWG Encoding Standard),
#: plus ASCII and Latin-1, which Python names apart from windows-1252
PAGE_CHARSETS = frozenset(
    ["utf-8", "ascii", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874",
     "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "euc_jp", "iso2022_jp", "shift_jis",
     "cp932", "euc_kr", "cp949", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
    + [f"iso8859-{n}" for n in range(1, 17) if n != 12] + [f"cp{n}" for n in range(1250, 1259)])


def canonical_encoding(label: str | None) -> str | None:
    """The codec to use for a declared label (GB family → gb18030), or None if it is unknown
    or no page charset (see ``PAGE_CHARSETS``)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in GB_FAMILY:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return info.name if info.name in PAGE_CHARSETS and info._is_text_encoding else None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 8 KB, as written (not normalised)."""
    match = _DECLARED.search(data[:_SNIFF])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is not text (a short Chinese description), or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:_SNIFF]:
        return "含 NUL 字节的二进制数据"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: NULs on one parity only and a clean decode."""
    head = data[:_SNIFF]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 4 and even == 0:
        encoding = "utf-16-le"
    elif even > len(head) // 4 and odd == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if "\x00" not in text else None


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Finding]]:
    """Decode ``data``; return the text and any GL001/GL003 findings (``decode_page``)."""
    text, problems, _ = decode_page(data, path, declared)
    return text, problems


def decode_page(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Finding], str | None]:
    """Decode ``data``; return the text, any GL001/GL003 findings, and the codec that decoded
    all of ``data`` strictly (None when bytes were skipped or replaced, or nothing was read).

    Order: BOM; then UTF-8 if the bytes are valid UTF-8 with non-ASCII content (valid
    UTF-8 is never an accident, while a GB label on UTF-8 bytes would decode strictly into
    mojibake); then the declared charset (GB family → gb18030); then gb18030. A strict
    decode that needed a charset other than the declared one is GL003; if nothing decodes
    strictly, the candidate with fewest replacements wins and GL003 says how many.
    """
    problems: list[Finding] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace"), problems, None
    kind = binary_kind(data)
    if kind is not None:
        text = _utf16_without_bom(data) if "NUL" in kind else None
        if text is not None:
            return text, problems, None
        problems.append(Finding(f"文件不是文本（{kind}），无法作为报告读取", code="GL001",
                                properties={"kind": kind}))
        return "", problems, None

    wanted = canonical_encoding(declared)
    if declared and wanted is None:
        problems.append(Finding(f"声明的字符编码 {declared} 无法识别，已自行判断编码", code="GL003",
                                properties={"declared": declared}))
    elif wanted and wanted.startswith(("utf-16", "utf-32")):
        wanted = None  # a page without BOM cannot be UTF-16; browsers ignore such labels too

    if data.isascii():
        return data.decode("ascii"), problems, "ascii"

    candidates = ["utf-8"] + [c for c in (wanted, "gb18030") if c and c != "utf-8"]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if wanted and encoding != wanted:
            problems.append(Finding(
                f"声明的字符编码为 {declared}，但文件实际按 {encoding} 才能正确解码",
                code="GL003", properties={"declared": declared, "actual": encoding}))
        return text, problems, encoding

    best_text, best_encoding, best_bad = "", "utf-8", -1
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding, "replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best_bad < 0 or bad < best_bad:
            best_text, best_encoding, best_bad = text, encoding, bad
    problems.append(Finding(
        f"文件无法按 {best_encoding} 完整解码，{best_bad} 处无效字节已替换为 U+FFFD",
        code="GL003", properties={"encoding": best_encoding, "replaced": best_bad,
                                  "declared": declared}))
    return best_text, problems, None
