"""Making finding text safe for the streams and formats reporters write to.

Findings carry text from the checked files (paths, cell labels, snippets), so they may hold
control characters, bidi overrides or lone surrogates (undecodable file names). None of
that may break a line-oriented format, inject terminal escapes or crash a UTF-8 writer.
"""

from __future__ import annotations

import decimal
import enum
import math

# Bidi controls reorder what a terminal shows ("Trojan source"); they are shown, not obeyed.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced, so that it encodes as UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        # surrogateescape restores the original bytes of an undecodable file name first
        raw = text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "surrogatepass")
        return raw.decode("utf-8", "replace")


def _only_escapes(text: str) -> bool:
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in text)


def visible_char(ch: str) -> str:
    """How one character is shown in terminal output: controls become visible symbols."""
    code = ord(ch)
    if ch == "\t":
        return "    "
    if code < 0x20:
        return chr(0x2400 + code)  # ␀…␟ control pictures
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or ch in _BIDI or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ch


def visible(text: str) -> str:
    """``text`` (one line) as shown in terminal output."""
    if text.isprintable():
        return text
    return "".join(visible_char(ch) for ch in text)


def one_line(text: str) -> str:
    """``text`` folded to one line for line-oriented formats: every line break is a space."""
    if not text.isprintable():
        text = " ".join(text.splitlines()) if text else text
        text = "".join(" " if ch == "\t" else visible_char(ch) for ch in text)
    return clean_text(text)


def jsonable(value):
    """``value`` converted to what ``json.dump`` writes; text cleaned of lone surrogates.

    Rules put parsed cell values (int, Decimal) and spans into ``Finding.properties``;
    integral Decimals become JSON integers, others JSON numbers, anything unknown its text.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return str(value)
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        try:
            return jsonable(to_dict())
        except Exception:  # noqa: BLE001 - a broken extra must not lose the whole report
            pass
    return clean_text(str(value))


def safe_write(out, text: str) -> None:
    """Write ``text``; a stream that cannot encode some character gets an escape instead."""
    try:
        out.write(text)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "ascii"
        out.write(text.encode(encoding, "backslashreplace").decode(encoding))


def fingerprint(finding) -> str:
    """``finding.fingerprint()``, also for a path that holds lone surrogates (an undecodable
    file name), which ``Finding.fingerprint`` cannot encode."""
    try:
        return finding.fingerprint()
    except UnicodeEncodeError:
        return finding.with_(path=clean_text(finding.path), code=clean_text(finding.code),
                             location=clean_text(finding.location),
                             message=clean_text(finding.message)).fingerprint()
