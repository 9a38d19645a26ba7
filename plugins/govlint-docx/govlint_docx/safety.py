"""Archive checks made before any XML of a .docx is parsed.

A .docx is a zip archive. A crafted one can expand to gigabytes (a zip bomb) or hold
thousands of members; both are refused from the central directory alone, before a single
member is decompressed.
"""

from __future__ import annotations

import io
import zipfile

MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 1000
REQUIRED_MEMBER = "word/document.xml"


def archive_problem(data: bytes, max_uncompressed: int = MAX_UNCOMPRESSED,
                    max_members: int = MAX_MEMBERS) -> str | None:
    """A Chinese description of why ``data`` must not be opened, or None if it is safe."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "不是有效的 Word 文档（.docx 应为 zip 压缩包，文件已损坏或格式不符）"
    if len(members) > max_members:
        return f"Word 文档包含 {len(members)} 个压缩成员，超过上限 {max_members}，疑似恶意文件，未打开"
    total = sum(member.file_size for member in members)
    if total > max_uncompressed:
        return (f"Word 文档解压后共 {total} 字节，超过上限 {max_uncompressed} 字节，"
                "疑似压缩炸弹，未打开")
    if REQUIRED_MEMBER not in {member.filename for member in members}:
        return "压缩包中没有 word/document.xml，不是 Word 文档"
    return None
