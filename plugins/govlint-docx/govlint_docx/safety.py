"""Archive checks made before any XML of a .docx is parsed.

A .docx is a zip archive. A crafted one can expand to gigabytes (a zip bomb), hold
thousands of members, or claim a compression method or zip version that ``zipfile`` cannot
read. The central directory is checked first (member count, claimed sizes, methods), but it
is only a claim: a forged directory can state 10 kB for a member that inflates to 300 MB,
and ``zipfile.ZipFile.read`` inflates a whole deflate member in one call whatever it claims.
So every member is then read through a bounded stream (small chunks, counted as they are
inflated) and the archive handed to python-docx is rewritten from those checked bytes,
stored uncompressed: python-docx never decompresses anything itself.
"""

from __future__ import annotations

import io
import zipfile
import zlib

MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 1000
REQUIRED_MEMBER = "word/document.xml"
READ_CHUNK = 64 * 1024
# Office Open XML packages use only these two (ISO/IEC 29500-2, annex C); zipfile inflates
# bzip2 and lzma members a whole compressed chunk at a time, without an output bound.
OPC_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_NOT_A_ZIP = "不是有效的 Word 文档（.docx 应为 zip 压缩包，文件已损坏或格式不符）"


class UnsafeArchive(Exception):
    """Why a .docx must not be opened; the message is the GL001 text."""


def archive_problem(data: bytes, max_uncompressed: int = MAX_UNCOMPRESSED,
                    max_members: int = MAX_MEMBERS) -> str | None:
    """A Chinese description of why ``data`` must not be opened, or None if it is safe."""
    try:
        checked_package(data, max_uncompressed, max_members)
    except UnsafeArchive as exc:
        return str(exc)
    return None


def checked_package(data: bytes, max_uncompressed: int = MAX_UNCOMPRESSED,
                    max_members: int = MAX_MEMBERS) -> bytes:
    """``data`` rewritten as a stored zip of the bytes actually inflated, within the limits.

    Raises UnsafeArchive with the GL001 message when the directory or the members are
    refused.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = _checked_directory(archive.infolist(), max_uncompressed, max_members)
            contents = _inflate_all(archive, members, max_uncompressed)
    except NotImplementedError as exc:
        # zipfile's own words for a version or feature it lacks, e.g. "zip file version 9.9"
        raise UnsafeArchive(f"Word 文档的 zip 格式版本或功能不受支持（zipfile：{exc}），无法打开") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, ValueError,
            EOFError, RuntimeError):
        raise UnsafeArchive(_NOT_A_ZIP) from None
    return _stored(members, contents)


def _checked_directory(infos: list[zipfile.ZipInfo], max_uncompressed: int,
                       max_members: int) -> list[zipfile.ZipInfo]:
    """The members to read (the last of a repeated name, as zipfile looks names up)."""
    if len(infos) > max_members:
        raise UnsafeArchive(f"Word 文档包含 {len(infos)} 个压缩成员，超过上限 {max_members}，疑似恶意文件，未打开")
    total = sum(info.file_size for info in infos)
    if total > max_uncompressed:
        raise UnsafeArchive(f"Word 文档解压后共 {total} 字节，超过上限 {max_uncompressed} 字节，"
                            "疑似压缩炸弹，未打开")
    by_name = {info.filename: info for info in infos}
    if REQUIRED_MEMBER not in by_name:
        raise UnsafeArchive("压缩包中没有 word/document.xml，不是 Word 文档")
    for info in by_name.values():
        if info.compress_type not in OPC_METHODS:
            raise UnsafeArchive(f"Word 文档的压缩成员 {info.filename} 使用了不支持的压缩方式"
                                f"（编号 {info.compress_type}；Word 文档只用存储或 deflate），无法打开")
        if info.flag_bits & 0x1:
            raise UnsafeArchive(f"Word 文档的压缩成员 {info.filename} 已加密，无法打开")
    return list(by_name.values())


def _inflate_all(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo],
                 max_uncompressed: int) -> list[bytes]:
    """Each member's bytes, read in chunks and counted against one budget as they inflate."""
    left = max_uncompressed
    contents = []
    for info in members:
        chunks = []
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(READ_CHUNK):
                    left -= len(chunk)
                    if left < 0:
                        raise UnsafeArchive(f"Word 文档实际解压超过上限 {max_uncompressed} 字节"
                                            "（压缩包目录少报了大小），疑似压缩炸弹，未打开")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            # zipfile stops at the claimed size, so an understated member ends in a bad CRC
            raise UnsafeArchive(f"Word 文档的压缩成员 {info.filename} 已损坏或与压缩包目录记载的大小、"
                                "校验和不符，无法打开") from None
        contents.append(b"".join(chunks))
    return contents


def _stored(members: list[zipfile.ZipInfo], contents: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for info, content in zip(members, contents):
            out.writestr(zipfile.ZipInfo(info.filename), content)
    return buffer.getvalue()
