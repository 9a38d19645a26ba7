"""Turning bytes into text: BOM, declared charset, GB-family labels mapped to gb18030.

Real report pages are often GBK/GB18030 with a wrong ``charset`` label. Decode strictly
first; when that fails, replace the bad bytes and report GL003 so that nothing is lost
silently.
"""

from __future__ import annotations

import codecs
import re

from govlint.findings import Finding

GB_FAMILY = {"gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb_2312-80", "gb18030", "csgb2312", "ms936", "windows-936", "hz-gb-2312"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def canonical_encoding(label: str | None) -> str | None:
    """The codec to use for a declared label (GB family → gb18030), or None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    if label in GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> tuple[str, list[Finding]]:
    """Decode ``data``; return the text and any GL003 findings."""
    problems: list[Finding] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace"), problems
    wanted = canonical_encoding(declared)
    candidates = [c for c in (wanted, "utf-8", "gb18030") if c]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if declared and wanted and encoding != wanted:
            problems.append(Finding(
                f"声明的字符编码为 {declared}，但文件实际按 {encoding} 才能正确解码",
                code="GL003", properties={"declared": declared, "actual": encoding}))
        return text, problems
    encoding = wanted or "utf-8"
    text = data.decode(encoding, "replace")
    bad = text.count("\ufffd")
    problems.append(Finding(
        f"文件无法按 {encoding} 完整解码，{bad} 处无效字节已替换为 U+FFFD",
        code="GL003", properties={"encoding": encoding, "replaced": bad}))
    return text, problems
