"""Hostile PDFs written byte by byte: decompression bombs, huge page trees, endless drawings.

Each builder returns the bytes of a small, valid PDF (objects, cross-reference table and
trailer) whose cost to a reader lies in what it claims or what it inflates to.
"""

from __future__ import annotations

import zlib

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object n is ``objects[n - 1]`` and whose catalog is object 1."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def one_page(content: bytes, page: bytes = PAGE) -> bytes:
    """A one-page PDF; ``content`` is the page's content stream object (object 4)."""
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, content])


def deflated_zeros(size: int) -> bytes:
    """zlib data for ``size`` zero bytes, quick to build: one compressed megabyte ends in a
    full flush (so it stands alone) and is repeated, then the checksum of the whole is added."""
    block = bytes(1024 * 1024)
    whole, rest = divmod(size, len(block))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(bytes(rest)) + compressor.flush()
    checksum = 1
    for _ in range(whole):
        checksum = zlib.adler32(block, checksum)
    checksum = zlib.adler32(bytes(rest), checksum)
    return b"\x78\xda" + piece * whole + last + checksum.to_bytes(4, "big")


def flate_bomb(size: int = 1024 ** 3) -> bytes:
    """One page whose FlateDecode content stream inflates to ``size`` zero bytes."""
    return one_page(stream(deflated_zeros(size), b"/Filter /FlateDecode "))


def segments(count: int) -> bytes:
    """One page drawing ``count`` line segments, each its own path."""
    return one_page(stream(b"0 0 m 1 1 l S\n" * count))


def many_pages(count: int) -> bytes:
    """``count`` distinct empty pages (pdfminer walks a repeated page reference only once)."""
    kids = b" ".join(b"%d 0 R" % (number + 4) for number in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
                      stream(b"")] + [page] * count)


def repeated_kids(count: int) -> bytes:
    """A page tree whose /Kids repeats one page reference ``count`` times."""
    kids = b" ".join([b"3 0 R"] * count)
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
                      PAGE, stream(b"")])
