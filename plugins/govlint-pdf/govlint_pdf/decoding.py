"""Stream decoding with a bound on the bytes actually produced.

pdfminer decodes a stream in one call (``zlib.decompress``, ``lzwdecode``, ``rldecode``)
and keeps the result, so a 1 MB FlateDecode stream of zeros becomes 1 GiB in memory before
anyone can look at its length; its fallback for damaged Flate data is quadratic, and its
RunLength decoder builds a list of ints (8 bytes per decoded byte). pdfminer has no hook for
this, so while a PDF is loaded under ``bounded(budget)`` these module-level names in
``pdfminer.pdftypes`` are routed through decoders that inflate chunk by chunk and charge
every produced byte to a ``DecodeBudget``: one stream may not exceed ``per_stream`` bytes,
nor all streams of the document ``total``. CCITTFax, an image filter the loader never
needs, is refused. Outside ``bounded`` they behave as pdfminer's own, so the patch does not
reach other users of pdfminer in the process.
"""

from __future__ import annotations

import io
import logging
import zlib
from contextlib import contextmanager

MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_DECODED_BYTES = 128 * 1024 * 1024
_CHUNK = 1024 * 1024
_log = logging.getLogger("pdfminer.pdftypes")  # where pdfminer logs this warning


class DecodeLimitExceeded(Exception):
    """A stream (or the document) decoded past its budget; the message is the GL001 text."""


class DecodeBudget:
    """Bytes still allowed: per stream and for the whole document. Once exceeded, stays so."""

    def __init__(self, per_stream: int = MAX_STREAM_BYTES, total: int = MAX_DECODED_BYTES):
        self.per_stream = per_stream
        self.total = total
        self.left = total
        self.exceeded: str | None = None

    def meter(self) -> "_Meter":
        return _Meter(self)

    def refuse(self, message: str):
        self.exceeded = self.exceeded or message
        raise DecodeLimitExceeded(self.exceeded)


class _Meter:
    """Counts one stream's output as it is produced."""

    def __init__(self, budget: DecodeBudget):
        self.budget = budget
        self.produced = 0

    def charge(self, size: int) -> None:
        budget = self.budget
        if budget.exceeded:
            raise DecodeLimitExceeded(budget.exceeded)
        self.produced += size
        budget.left -= size
        if self.produced > budget.per_stream:
            budget.refuse(f"PDF 中有数据流解压后超过上限 {_mb(budget.per_stream)}，疑似压缩炸弹，未检查")
        if budget.left < 0:
            budget.refuse(f"PDF 的数据流解压后合计超过上限 {_mb(budget.total)}，疑似压缩炸弹，未检查")


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size} 字节"


_active: DecodeBudget | None = None


@contextmanager
def bounded(budget: DecodeBudget):
    """Decode every pdfminer stream against ``budget`` inside the block."""
    global _active
    _install()
    previous, _active = _active, budget
    try:
        yield budget
    finally:
        _active = previous


def _inflate(meter: _Meter, inflater, data: bytes) -> list[bytes]:
    """Feed ``data`` to a zlib decompressobj, taking at most one chunk of output at a time."""
    out = []
    while True:
        piece = inflater.decompress(data, _CHUNK)
        meter.charge(len(piece))
        out.append(piece)
        data = inflater.unconsumed_tail
        if inflater.eof or (not data and len(piece) < _CHUNK):
            return out


def flate_decode(data: bytes) -> bytes:
    """``zlib.decompress(data)``, bounded: truncated data raises zlib.error as it does."""
    inflater = zlib.decompressobj()
    out = _inflate(_active.meter(), inflater, data)
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return b"".join(out)


def flate_decode_damaged(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted``, bounded and linear.

    Like pdfminer: an error in the last three bytes (the checksum) keeps what was decoded,
    an earlier error propagates; pdfminer feeds byte by byte, which is quadratic.
    """
    inflater = zlib.decompressobj()
    meter = _active.meter()
    body, tail = data[:max(len(data) - 3, 0)], data[max(len(data) - 3, 0):]
    out = _inflate(meter, inflater, body)
    try:
        for byte in tail:
            out.extend(_inflate(meter, inflater, bytes([byte])))
    except zlib.error:
        _log.warning("Data-loss while decompressing corrupted data")
    return b"".join(out)


def lzw_decode(data: bytes) -> bytes:
    """pdfminer's ``lzwdecode``, stopping once the output passes the budget."""
    from pdfminer.lzw import LZWDecoder

    meter = _active.meter()
    out = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        meter.charge(len(piece))
        out.append(piece)
    return b"".join(out)


def run_length_decode(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5) into a bytearray, charged run by run."""
    meter = _active.meter()
    out = bytearray()
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            run = data[at + 1:at + 2 + length]
            if len(run) < length + 1:
                raise ValueError("RunLengthDecode: truncated literal run")
            at += 2 + length
        else:
            if at + 1 >= len(data):
                raise ValueError("RunLengthDecode: truncated repeated run")
            run = data[at + 1:at + 2] * (257 - length)
            at += 2
        meter.charge(len(run))
        out += run
    return bytes(out)


def fax_decode(data: bytes, params) -> bytes:
    """CCITTFax is an image filter, and the loader never decodes images; on a content, form,
    font or CMap stream it only serves an attack (pdfminer allocates a list of ``Columns``
    ints per line and spends a Python step per pixel), so it is refused."""
    _active.refuse("PDF 中有以 CCITTFax 图像压缩编码的非图像数据流，无法安全解码，未检查")


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    def decompress(self, data, *args, **kwargs):
        if _active is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        return flate_decode(data)

    def __getattr__(self, name):
        return getattr(zlib, name)


def _unless_active(bounded_version, original):
    def decode(data, *args):
        return (bounded_version if _active is not None else original)(data, *args)

    decode.__name__ = original.__name__
    decode.__doc__ = bounded_version.__doc__
    return decode


def _install() -> None:
    from pdfminer import pdftypes

    if isinstance(pdftypes.zlib, _BoundedZlib):
        return
    pdftypes.zlib = _BoundedZlib()
    pdftypes.decompress_corrupted = _unless_active(flate_decode_damaged, pdftypes.decompress_corrupted)
    pdftypes.lzwdecode = _unless_active(lzw_decode, pdftypes.lzwdecode)
    pdftypes.rldecode = _unless_active(run_length_decode, pdftypes.rldecode)
    pdftypes.ccittfaxdecode = _unless_active(fax_decode, pdftypes.ccittfaxdecode)
