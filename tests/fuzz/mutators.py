"""Mutators that turn a real report into hostile input, shared by the fuzz test and the campaign.

govlint promises that bad input ends in findings (GL001, GL003, GL205, ...) and never in a
traceback, a hang or GL000. Random bytes rarely get past the first check of a loader, so most
mutators here edit a real report where it matters: its tables, spans, declared charset, numbers,
nesting and line lengths, keeping the rest intact so the input reaches the parser and the rules.

Each mutator is ``mutate(data, rng, fmt) -> bytes``: ``data`` the file's bytes, ``rng`` a
``random.Random`` (the only source of randomness, so a seed reproduces an input), ``fmt`` the
loader format (``text``, ``html``, ``markdown``, ``docx``, ``pdf``). A markup mutator on a
``.docx`` edits ``word/document.xml`` inside the archive. Mutators never import govlint, so the
campaign and the test can share them without the engine in the way.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from typing import Callable

Mutator = Callable[[bytes, random.Random, str], bytes]

SUFFIX_FORMAT = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown",
                 ".docx": "docx", ".pdf": "pdf"}
#: formats whose bytes are text that markup mutators can edit directly
TEXT_FORMATS = ("text", "html", "markdown")

SPAN_VALUES = ["0", "-1", "-99999", "²", "٣", "３", "¹²³", "2²", "1e9", "0x10", " 7 ", "", "+3",
               "4294967297", "9" * 20, "9" * 5000, "1.5", "NaN", "∞", "\u0663\u0663", "3\x00"]
CHARSETS = ["undefined", "idna", "punycode", "base64", "zlib", "rot13", "unicode_escape", "utf-7",
            "utf-16", "utf-32", "utf-16be", "x-user-defined", "gbk", "big5", "shift_jis", "koi8-r",
            "latin1", "hz", "iso-2022-jp", "", "utf-8\x00", "ü", "a" * 300, "uu_codec", "hex",
            "bz2", "mbcs", "cp65001", "replacement", "bogus-charset-\u202e"]
CONTROLS = ["\x1b", "\x07", "\x00", "\x08", "\x0b", "\x0c", "\r", "\x7f", "\x85", "\u2028", "\u2029",
            "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200b", "\ufeff", "\ufffe", "\ufffd",
            "\x1b[31m", "\x1b]0;title\x07", "\ud800".encode("utf-8", "surrogatepass").decode("latin1")]
NESTING_TAGS = ["div", "b", "span", "table", "td", "font", "p", "li", "blockquote"]


# -- helpers --------------------------------------------------------------------------------
def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _pos(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _on_markup(edit: Callable[[str, random.Random, str], str]) -> Mutator:
    """A mutator that edits the text of a report (``word/document.xml`` for a .docx)."""

    def mutate(data: bytes, rng: random.Random, fmt: str) -> bytes:
        if fmt == "docx":
            return _edit_docx(data, lambda xml: _bytes(edit(_text(xml), rng, "html")))
        if fmt not in TEXT_FORMATS:
            return data
        return _bytes(edit(_text(data), rng, fmt))

    mutate.__name__ = edit.__name__.lstrip("_")
    mutate.__doc__ = edit.__doc__
    return mutate


def _edit_docx(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == "word/document.xml":
                    content = edit(content)
                entry = zipfile.ZipInfo(info.filename, info.date_time)  # dated as before: repeatable
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, content)
        return out.getvalue()
    except Exception:  # noqa: BLE001 - zlib.error, BadZipFile, NotImplementedError, ...
        return data  # an archive an earlier mutator broke is left as it is


def _tables(text: str, fmt: str) -> list[tuple[int, int]]:
    """(start, end) of every table: <table>…</table> in markup, runs of |-lines in Markdown,
    runs of lines with two or more tab/space-separated numbers in plain text."""
    if fmt == "html":
        return [(m.start(), m.end()) for m in re.finditer(r"(?is)<(?:w:tbl|table)\b.*?</(?:w:tbl|table)>", text)]
    if fmt == "markdown":
        return [(m.start(), m.end()) for m in re.finditer(r"(?m)(?:^\|.*\n?)+", text)]
    return [(m.start(), m.end()) for m in re.finditer(r"(?m)(?:^.*\d+\s+\d+.*\n?)+", text)]


# -- byte level -----------------------------------------------------------------------------
def byte_flip(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Flip bits, set bytes to 0x00/0xff/0x80, in a few places."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(out))
        out[i] = rng.choice([out[i] ^ (1 << rng.randrange(8)), 0, 0xFF, 0x80, 0xC0, 0xE4])
    return bytes(out)


def truncate(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Cut the file anywhere, often inside a multi-byte character or a tag."""
    return data[: rng.randrange(len(data) + 1)] if data else data


def splice(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Copy a stretch of the file to another place, or drop one."""
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 4096))
    if rng.random() < 0.3:
        return data[:a] + data[b:]
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] * rng.randint(1, 20) + data[at:]


def boms(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Byte-order marks and UTF-16/32: re-encoded, declared but not re-encoded, doubled."""
    if fmt not in TEXT_FORMATS:
        return data
    text = _text(data).lstrip("\ufeff")
    choice = rng.randrange(7)
    if choice == 0:
        return b"\xef\xbb\xbf" * rng.randint(1, 3) + data
    if choice == 1:
        return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]), "surrogatepass")
    if choice == 2:
        return rng.choice([b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]) + data  # BOM lies
    if choice == 3:
        return text.encode("gb18030", "replace")
    if choice == 4:
        half = len(data) // 2
        return data[:half] + text[len(text) // 2:].encode("utf-16-le", "surrogatepass")  # mixed
    if choice == 5:
        return b"\xef\xbb\xbf" + text.encode("gb18030", "replace")  # BOM says UTF-8, body is GB
    return text.encode("utf-16-le", "surrogatepass")  # UTF-16 without a BOM


# -- markup level ---------------------------------------------------------------------------
def _duplicate_table(text: str, rng: random.Random, fmt: str) -> str:
    """Repeat a table (up to 30 times), or all of them."""
    tables = _tables(text, fmt)
    if not tables:
        return text
    start, end = rng.choice(tables)
    copies = text[start:end] * rng.randint(2, 30)
    return text[:start] + copies + text[end:]


def _nest_table(text: str, rng: random.Random, fmt: str) -> str:
    """Put a table inside one of its own cells (or inside another table's cell), a few levels."""
    tables = _tables(text, fmt)
    if not tables:
        return text
    start, end = rng.choice(tables)
    table = text[start:end]
    if fmt != "html":
        inner = "\n".join("> " * rng.randint(1, 5) + line for line in table.split("\n"))
        return text[:end] + "\n" + inner + text[end:]
    cells = [m.end() for m in re.finditer(r"(?i)<(?:td|w:tc)\b[^>]*>", table)]
    if not cells:
        return text
    nested = table
    for _ in range(rng.randint(1, 4)):
        at = rng.choice([m.end() for m in re.finditer(r"(?i)<(?:td|w:tc)\b[^>]*>", nested)] or [0])
        nested = nested[:at] + table + nested[at:]
    return text[:start] + nested + text[end:]


def _absurd_span(text: str, rng: random.Random, fmt: str) -> str:
    """rowspan/colspan huge, zero, negative, non-ASCII digits, garbage; added where absent."""
    value = rng.choice(SPAN_VALUES)
    attr = rng.choice(["rowspan", "colspan"])
    spans = list(re.finditer(r'(?i)(rowspan|colspan)\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]*)', text))
    if spans and rng.random() < 0.6:
        chosen = rng.sample(spans, rng.randint(1, min(len(spans), 5)))
        for m in sorted(chosen, key=lambda m: m.start(), reverse=True):  # offsets stay valid
            text = text[: m.start()] + f'{m.group(1)}="{value}"' + text[m.end():]
        return text
    cells = list(re.finditer(r"(?i)<(td|th)\b", text))
    if cells:
        m = rng.choice(cells)
        return text[: m.end()] + f' {attr}="{value}"' + text[m.end():]
    if "w:tc>" in text or "<w:tcPr>" in text:  # Word: gridSpan / vMerge
        return re.sub(r"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{value}"/>', text, count=rng.randint(1, 9))
    return text


def _wrong_charset(text: str, rng: random.Random, fmt: str) -> str:
    """Declare a charset that is unknown, not a text encoding, or wrong for the bytes."""
    charset = rng.choice(CHARSETS)
    meta = rng.choice([f'<meta charset="{charset}">',
                       f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
                       f"<?xml version=\"1.0\" encoding=\"{charset}\"?>"])
    found = re.search(r'(?i)charset\s*=\s*["\']?([^"\'\s;>]*)', text)
    if found and rng.random() < 0.5:
        return text[: found.start(1)] + charset + text[found.end(1):]
    head = re.search(r"(?i)<head[^>]*>", text)
    at = head.end() if head else (0 if rng.random() < 0.5 else _pos(rng, text))
    return text[:at] + meta + text[at:]


def _huge_number(text: str, rng: random.Random, fmt: str) -> str:
    """Replace numbers in cells and prose with thousands of digits, or odd number forms."""
    digits = rng.choice([16, 300, 4300, 4301, 5000, 20000])
    value = rng.choice(["9" * digits, "1" + "0" * digits, "-" + "9" * digits, "0." + "9" * digits,
                        "9" * digits + ".5", "1e999999", "1" + "，000" * (digits // 4),
                        "１" * min(digits, 5000), "一" + "万" * min(digits, 3000), "九" * min(digits, 5000),
                        "1" + "\u00a0000" * 50, "٣" * 50, "NaN", "inf"])
    numbers = list(re.finditer(r"\d+", text))
    if not numbers:
        return text[:_pos(rng, text)] + value + text[_pos(rng, text):]
    chosen = rng.sample(numbers, min(len(numbers), rng.randint(1, 3)))
    for m in sorted(chosen, key=lambda m: m.start(), reverse=True):
        text = text[: m.start()] + value + text[m.end():]
    return text


def _control_chars(text: str, rng: random.Random, fmt: str) -> str:
    """Insert ESC, BEL, NUL, U+2028/2029, U+0085, bidi overrides, BOMs inside the text."""
    for _ in range(rng.randint(1, 30)):
        at = _pos(rng, text)
        text = text[:at] + rng.choice(CONTROLS) * rng.randint(1, 3) + text[at:]
    return text


def _deep_nesting(text: str, rng: random.Random, fmt: str) -> str:
    """Wrap a stretch in thousands of nested tags (or blockquote / list markers in Markdown)."""
    depth = rng.choice([100, 1000, 5000, 20000])
    at = _pos(rng, text)
    if fmt == "markdown":
        return text[:at] + "\n" + rng.choice([">", "- ", "  "]) * depth + "深" + "\n" + text[at:]
    if fmt == "text":
        return text[:at] + "（" * depth + "深" + "）" * rng.choice([0, depth]) + text[at:]
    tag = rng.choice(NESTING_TAGS)
    close = f"</{tag}>" * depth if rng.random() < 0.5 else ""
    return text[:at] + f"<{tag}>" * depth + "深" + close + text[at:]


def _long_line(text: str, rng: random.Random, fmt: str) -> str:
    """A very long line: repeated prose, claims, whitespace or a label, with no line break."""
    size = rng.choice([2_000, 10_000, 10_000, 40_000, 40_000, 150_000])
    piece = rng.choice(["本机关共受理政府信息公开申请20件，", "　", " ", "\t", "一、", "2023年",
                        "收到", "a", "<b>x</b>", "| 1 ", "。", "\u00a0"])
    line = piece * max(1, size // len(piece.encode("utf-8")))
    at = _pos(rng, text)
    return text[:at] + line + text[at:]


def _break_tags(text: str, rng: random.Random, fmt: str) -> str:
    """Drop closing tags, open comments/CDATA/scripts, insert stray cells and odd entities."""
    for _ in range(rng.randint(1, 10)):
        at = _pos(rng, text)
        text = text[:at] + rng.choice(["<td>", "</tr>", "<tr>", "</table>", "<table>", "<!--", "<![CDATA[",
                                       "<script>", "</td></td>", "&#0;", "&#x110000;", "&#99999999999;",
                                       "&nbsp;" * 50, "<br/>" * 20, "<?php", "<w:tc>", "]]>", "-->",
                                       "<td rowspan=2 colspan=>", "<th colspan=3>"]) + text[at:]
    if rng.random() < 0.5:
        text = re.sub(r"(?i)</(td|tr|table|p|div)>", "", text, count=rng.randint(1, 200))
    return text


def _shuffle_lines(text: str, rng: random.Random, fmt: str) -> str:
    """Delete, duplicate or swap lines (headings and table rows out of order)."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 20)):
        if not lines:
            break
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        op = rng.randrange(3)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


duplicate_table = _on_markup(_duplicate_table)
nest_table = _on_markup(_nest_table)
absurd_span = _on_markup(_absurd_span)
wrong_charset = _on_markup(_wrong_charset)
huge_number = _on_markup(_huge_number)
control_chars = _on_markup(_control_chars)
deep_nesting = _on_markup(_deep_nesting)
long_line = _on_markup(_long_line)
break_tags = _on_markup(_break_tags)
shuffle_lines = _on_markup(_shuffle_lines)


def docx_zip(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Damage a .docx at the archive level: an unsupported compression method or version, a
    missing or duplicated document.xml, a lying size field."""
    if fmt != "docx" or len(data) < 30:
        return data
    out = bytearray(data)
    headers = [m.start() for m in re.finditer(rb"PK\x03\x04|PK\x01\x02", data)]
    if not headers:
        return data
    h = rng.choice(headers)
    central = data[h:h + 4] == b"PK\x01\x02"
    choice = rng.randrange(4)
    if choice == 0:  # compression method
        at = h + (10 if central else 8)
        out[at:at + 2] = rng.choice([b"\x63\x00", b"\x0e\x00", b"\x0c\x00", b"\xff\xff"])
    elif choice == 1:  # version needed to extract
        at = h + (6 if central else 4)
        out[at:at + 2] = rng.choice([b"\x3f\x00", b"\xff\x00", b"\x00\x00"])
    elif choice == 2:  # sizes claimed
        at = h + (20 if central else 18)
        out[at:at + 8] = rng.choice([b"\x00" * 8, b"\xff" * 8, b"\x10\x00\x00\x00" * 2])
    else:  # name of document.xml
        return data.replace(b"word/document.xml", rng.choice([b"word/documenx.xml", b"word/document.xmm"]))
    return bytes(out)


#: formats each mutator changes (others pass through unchanged)
ONLY = {"boms": TEXT_FORMATS, "docx_zip": ("docx",)}

MUTATORS: dict[str, Mutator] = {
    f.__name__: f for f in (
        byte_flip, truncate, splice, boms, duplicate_table, nest_table, absurd_span, wrong_charset,
        huge_number, control_chars, deep_nesting, long_line, break_tags, shuffle_lines, docx_zip)
}


def mutate(data: bytes, fmt: str, rng: random.Random, names: list[str] | None = None,
           max_size: int = 4 * 1024 * 1024) -> tuple[bytes, list[str]]:
    """Apply ``names`` (or 1–3 mutators drawn from ``rng``) in turn; returns the bytes and the
    names applied. The result is cut at ``max_size`` so stacked mutators stay affordable."""
    if names is None:
        usable = applicable(fmt)
        names = [rng.choice(usable) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
    for name in names:
        data = MUTATORS[name](data, rng, fmt)[:max_size]
    return data, names


def applicable(fmt: str) -> list[str]:
    """The mutators that change a file of format ``fmt``, by name."""
    everything = TEXT_FORMATS + ("docx",)
    return sorted(name for name in MUTATORS
                  if fmt in ONLY.get(name, everything) or name in ("byte_flip", "truncate", "splice"))
