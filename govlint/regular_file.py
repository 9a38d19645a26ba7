"""Reading a small file that the user named: only a regular file, and only up to a limit.

A config or baseline path can name anything: a FIFO blocks the run forever on ``open``,
``/dev/zero`` never ends, a 100 MB file is read whole before anyone looks at it. So the path
is checked with ``stat`` before it is opened, opened without blocking, checked again on the
open descriptor (the path may have changed in between), and read no further than one byte
past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """The file was not read; ``str()`` says why, in words ready to follow ``path: ``."""


def read_regular_file(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes, or ``FileRefused``.

    ``what`` names the file in the messages (配置文件, 基线文件).
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise FileRefused(_not_regular(what))
        # O_NONBLOCK: if the path became a FIFO since the stat, open returns instead of waiting
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused(f"{what}不存在") from None
    except OSError as exc:
        raise FileRefused(f"无法读取{what}: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused(_not_regular(what))
        try:
            data = read_at_most(handle, limit, status.st_size)
        except OSError as exc:
            raise FileRefused(f"无法读取{what}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise FileRefused(f"{what}过大（上限 {_size(limit)}），未读取")
    return data


def read_at_most(handle, limit: int, size: int | None = None) -> bytes:
    """Up to ``limit + 1`` bytes of the open file ``handle`` (one past the limit tells an
    oversize file from one at the limit).

    ``handle.read(limit + 1)`` allocates all ``limit + 1`` bytes before reading (50 MB for a
    report, then shrunk to what was read): 0.15 ms a file, five times the read itself. So the
    file's size (``size``, from a ``stat`` already made, else ``fstat``) bounds the first read,
    and the read goes on, up to the limit, only when the file turned out longer than that."""
    if size is None:
        size = os.fstat(handle.fileno()).st_size
    want = min(size, limit) + 1
    data = handle.read(want)
    if len(data) == want and want <= limit:
        data += handle.read(limit + 1 - want)
    return data


def _not_regular(what: str) -> str:
    return f"{what}不是普通文件（设备、管道或目录），未读取"


def _size(limit: int) -> str:
    mib = 1024 * 1024
    return f"{limit // mib} MB" if limit % mib == 0 else f"{limit} 字节"
