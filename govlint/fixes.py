"""Fixes: the exact text a finding's correction replaces, checked and applied byte for byte.

A rule that knows the correction (``【2020】`` → ``〔2020〕``, a misquoted title, a renamed row
label) attaches a ``Fix`` to its finding: one or more ``Edit``s, each a span of the decoded
source, the text the rule expects there (``old``) and the replacement. ``safe`` fixes keep
what the report states and are applied by ``--fix``; unsafe ones change a statement (writing
0 into a blank cell) and need ``--unsafe-fixes``.

The engine keeps a fix only where it can be applied exactly (``usable``): the source at each
span, normalised, must equal ``old`` — so a span with a tag or an entity inside it (text that
the page splits into pieces) gets no fix — and the loader must read a text format. Applying
(``apply``) splices the replacement bytes into the file in its own encoding: every other byte,
the encoding (a GBK page stays GBK) and the line endings are unchanged; a file whose bytes do
not decode back to the very text the spans point into gets no fix at all. Edits that overlap
an earlier one wait for the next pass (``govlint check --fix`` re-checks and repeats).
"""

from __future__ import annotations

import codecs

from govlint.record import Frozen
from govlint.span import LineIndex, Span

#: how many check-and-fix passes a file gets before govlint stops (overlapping fixes)
MAX_PASSES = 10


class Edit(Frozen):
    """Replace the source text at ``span`` (which reads ``old``) with ``text``."""

    __slots__ = _fields = ("span", "text", "old")

    def __init__(self, span: Span, text: str, old: str) -> None:
        set_ = object.__setattr__
        set_(self, "span", span)
        set_(self, "text", text)
        set_(self, "old", old)

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "old": self.old, "replacement": self.text}


class Fix(Frozen):
    """A finding's correction: its edits, applied together or not at all."""

    __slots__ = _fields = ("edits", "safe", "message")

    def __init__(self, edits: tuple[Edit, ...], safe: bool = True, message: str = "") -> None:
        set_ = object.__setattr__
        set_(self, "edits", edits)
        set_(self, "safe", safe)
        set_(self, "message", message)

    def to_dict(self) -> dict:
        return {"safe": self.safe, "message": self.message, "edits": [e.to_dict() for e in self.edits]}


def replace(span: Span | None, old: str, new: str, message: str = "", safe: bool = True) -> Fix | None:
    """The one-edit fix a rule usually needs (None without a span)."""
    if span is None or old == new:
        return None
    return Fix((Edit(span, new, old),), safe, message or f"将“{old}”改为“{new}”")


def offsets(source: str, edits, lines: LineIndex | None = None) -> list[tuple[int, int, Edit]] | None:
    """(start, end, edit) character offsets of each edit, or None if a span is out of range.
    ``lines``: the line starts of ``source`` (the document's, when at hand)."""
    lines = lines or LineIndex(source)
    out = []
    for edit in edits:
        start = lines.offset(edit.span.line, edit.span.column)
        end = lines.offset(edit.span.end_line, edit.span.end_column)
        if start is None or end is None or end < start:
            return None
        out.append((start, end, edit))
    return out


def usable(fix: Fix, source: str, lines: LineIndex | None = None) -> bool:
    """Whether every edit's span reads exactly what the rule expects (normalised)."""
    from govlint.normalize import normalize

    found = offsets(source, fix.edits, lines)
    if not found:
        return False
    for start, end, edit in found:
        printed = source[start:end]
        if printed == edit.old:
            continue
        # a normalised match is enough (full-width digits, quote forms), unless markup or an
        # entity stands inside: then the text is not contiguous in the source
        if "<" in printed or "&" in printed or normalize(printed) != normalize(edit.old):
            return False
    return True


def keep_usable(findings, source: str, lines: LineIndex | None = None) -> None:
    """Drop the fixes that cannot be applied exactly to ``source`` (in place); ``lines``: its
    line starts, the document's table when the caller has it."""
    for finding in findings:
        if finding.fix is not None:
            lines = lines or LineIndex(source)
            if not usable(finding.fix, source, lines):
                finding.fix = None


def encoding_of(data: bytes, source: str) -> tuple[str, int] | None:
    """(codec, BOM length) under which ``data`` decodes to exactly ``source``; None when no
    stateless codec reproduces it (then nothing in the file can be spliced safely)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            candidates, skip = [name], len(bom)
            break
    else:
        candidates, skip = ["utf-8", "gb18030", "big5", "cp1252", "latin-1"], 0
    body = data[skip:]
    for name in candidates:
        try:
            if body.decode(name) == source:
                return name, skip
        except UnicodeDecodeError:
            continue
    return None


def apply(data: bytes, source: str, fixes) -> tuple[bytes, list]:
    """``data`` with the given fixes applied (each whole, in span order, skipping one that
    overlaps a fix already taken), and the fixes applied. Bytes outside the edits are kept."""
    found = encoding_of(data, source)
    if found is None:
        return data, []
    codec, skip = found
    lines = LineIndex(source)
    taken: list[tuple[int, int, Edit]] = []
    applied = []
    ordered = []
    for fix in fixes:
        places = offsets(source, fix.edits, lines)
        if places:
            ordered.append((min(s for s, _, _ in places), places, fix))
    ordered.sort(key=lambda item: (item[0], [e.to_dict() for _, _, e in item[1]]))
    for _, places, fix in ordered:
        if any(s < te and ts < e or (s == e == ts) for s, e, _ in places for ts, te, _ in taken):
            continue  # overlaps an edit already taken: the next pass will see it again
        taken.extend(places)
        applied.append(fix)
    # one pass from the start: each stretch between edits is copied as the original bytes
    pieces, char_pos, byte_pos = [data[:skip]], 0, skip
    for start, end, edit in sorted(taken, key=lambda t: t[0]):
        gap = len(source[char_pos:start].encode(codec))
        pieces.append(data[byte_pos:byte_pos + gap])
        byte_pos += gap + len(source[start:end].encode(codec))
        pieces.append(edit.text.encode(codec))
        char_pos = end
    pieces.append(data[byte_pos:])
    return b"".join(pieces), applied
