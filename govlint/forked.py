"""A worker process made with ``os.fork`` and its pipes: what ``workers`` needs of
``multiprocessing``, without what importing it costs.

A one-file ``govlint check`` forks one worker, and ``multiprocessing`` made that fork cost
about as much as importing lxml: its connection module pulls in socket, selectors, tempfile
(and through it shutil, bz2, lzma, random), a shared ``Array`` pulls in ctypes and its heap.
All ``workers`` needs is a forked process, pickles passed over a pipe, a small shared buffer
and a way to wait on several pipes, and the operating system gives each of those directly:
``os.fork``, ``os.pipe`` with length-prefixed pickles, an anonymous shared ``mmap``,
``select``. Where there is no ``os.fork`` (Windows), ``workers`` spawns with
``multiprocessing`` instead.

The objects keep the names and the behaviour ``workers`` relies on from ``multiprocessing``:
``send``/``recv``/``close`` (``EOFError`` when the other side is gone), ``wait``,
``kill``/``join``/``is_alive``/``exitcode`` (negative for a signal).
"""

from __future__ import annotations

import os
import pickle
import select
import sys
import time

_HEADER = 8  # bytes of the length before each pickle


class Channel:
    """One side of a two-way pipe carrying pickles."""

    def __init__(self, read_fd: int, write_fd: int):
        self._read, self._write = read_fd, write_fd

    def fileno(self) -> int:
        """What ``wait`` watches: the end this side reads from."""
        return self._read

    def send(self, obj) -> None:
        if self._write < 0:
            raise ValueError("channel is closed")
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
        while view:
            view = view[os.write(self._write, view):]

    def recv(self):
        if self._read < 0:
            raise OSError("channel is closed")
        size = int.from_bytes(self._exactly(_HEADER), "little")
        return pickle.loads(self._exactly(size))

    def _exactly(self, size: int) -> bytes:
        chunks, left = [], size
        while left:
            chunk = os.read(self._read, min(left, 1 << 20))
            if not chunk:
                raise EOFError("the other side closed the pipe")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        for fd in (self._read, self._write):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._read = self._write = -1


def pipe() -> tuple[Channel, Channel]:
    """Two connected channels: (the parent's side, the child's side)."""
    down_r, down_w = os.pipe()  # parent → child
    up_r, up_w = os.pipe()      # child → parent
    return Channel(up_r, down_w), Channel(down_r, up_w)


def shared_buffer(size: int):
    """``size`` bytes that a parent and the children it forks afterwards all see."""
    import mmap

    return mmap.mmap(-1, size)


def wait(channels: list, timeout: float | None = None) -> list:
    """The channels that have something to read (or whose other side is gone)."""
    by_fd = {c.fileno(): c for c in channels}
    if not by_fd:
        return []
    poll = select.poll()
    for fd in by_fd:
        poll.register(fd, select.POLLIN)
    events = poll.poll(None if timeout is None else max(0, int(timeout * 1000 + 0.999)))
    return [by_fd[fd] for fd, _ in events]


def _flush_std_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # None, closed, or a broken pipe
            pass


def _detach_stdin() -> None:
    """The child reads nothing from the terminal: its stdin is the null device."""
    try:
        if sys.stdin is not None:
            sys.stdin.close()
        sys.stdin = open(os.devnull)
    except (OSError, ValueError):
        pass


class Process:
    """``target(*args)`` run in a forked child; ``own`` is the parent's side of the child's
    channel, closed in the child at once."""

    def __init__(self, target, args: tuple, own: Channel):
        self.exitcode: int | None = None
        _flush_std_streams()  # else the child holds a copy of unwritten output and writes it again
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            own.close()
            code = 0
            try:
                _detach_stdin()
                target(*args)
            except SystemExit as exc:
                code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # noqa: BLE001 - a crash is told on stderr and in the exit code
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                _flush_std_streams()
                os._exit(code)

    def _reap(self, block: bool) -> None:
        if self.exitcode is not None:
            return
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.exitcode = -1
            return
        if pid:
            self.exitcode = os.waitstatus_to_exitcode(status)

    def is_alive(self) -> bool:
        self._reap(block=False)
        return self.exitcode is None

    def join(self, timeout: float | None = None) -> None:
        if timeout is None:
            self._reap(block=True)
            return
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(delay)
            delay = min(delay * 2, 0.05)

    def kill(self) -> None:
        if self.exitcode is None:
            import signal

            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
