"""Making finding text safe for the streams and formats reporters write to.

Findings carry text from the checked files (paths, cell labels, snippets), so they may hold
control characters, bidi overrides or lone surrogates (undecodable file names). None of
that may break a line-oriented format, inject terminal escapes or workflow commands, reorder
what a reader sees, or crash a UTF-8 writer. The characters no reporter writes raw
(``UNSAFE``): C0 controls, DEL, C1 controls (with U+0085 NEL), the line and paragraph
separators U+2028/U+2029, bidi controls, invisible characters (zero-width space and joiners,
U+2060, U+FEFF, the tag characters U+E0000–U+E007F), and lone surrogates. How each format shows them
is one convention per format, documented in docs/output.md:

- text formats (terminal, concise, github, statistics): ``visible_char``: a C0 control
  becomes its control picture (ESC → ␛, BEL → ␇), DEL → ␡, anything else → U+FFFD;
- JSON formats (json, sarif): ``json_safe`` writes them as ``\\uXXXX`` escapes, so the
  parsed values are exactly the finding's text.
"""

from __future__ import annotations

import decimal
import enum
import math

from govlint.lazy_re import lazy_pattern

# Bidi controls reorder what a terminal shows ("Trojan source"); they are shown, not obeyed.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters hide text or make two strings that look alike differ (zero-width space,
# joiners, word joiner, BOM, and the tag characters U+E0000–U+E007F): shown, not kept invisible.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: every character that no reporter writes raw (see the module docstring)
UNSAFE = lazy_pattern("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                      "\u200b-\u200d\u2060\ufeff\U000e0000-\U000e007f\ud800-\udfff]")
#: the unsafe characters ``json.dumps`` leaves raw (it escapes C0; lone surrogates are cleaned)
_JSON_RAW = lazy_pattern("[\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                         "\u200b-\u200d\u2060\ufeff\U000e0000-\U000e007f]")


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
    if 0x80 <= code < 0xA0 or code in (0x2028, 0x2029) or ch in _BIDI or 0xD800 <= code <= 0xDFFF \
            or ch in _INVISIBLE or 0xE0000 <= code <= 0xE007F:
        return "\ufffd"
    return ch


def visible(text: str) -> str:
    """``text`` (one line) as shown in terminal output."""
    if text.isprintable():  # every UNSAFE character is unprintable: the common case is quick
        return text
    return "".join(visible_char(ch) for ch in text)


def one_line(text: str) -> str:
    """``text`` folded to one line for line-oriented formats: every line break is a space."""
    if not text.isprintable():
        # splitlines() knows every line break: CR, LF, VT, FF, FS/GS/RS, NEL, U+2028, U+2029
        text = " ".join(text.splitlines()) if text else text
        text = "".join(" " if ch == "\t" else visible_char(ch) for ch in text)
    return clean_text(text)


def keep_lines(text: str) -> str:
    """``text`` with CR and LF kept (a format that escapes them itself) and every other
    unsafe character shown as ``visible_char`` does; a tab is a space."""
    text = clean_text(text)
    if text.isprintable():
        return text
    return "".join(ch if ch in "\r\n" else " " if ch == "\t" else visible_char(ch) for ch in text)


def json_safe(text: str) -> str:
    """JSON text with every unsafe character that ``json.dumps(ensure_ascii=False)`` leaves
    raw (DEL, C1, U+2028/U+2029, bidi controls) written as a ``\\uXXXX`` escape.

    Safe on the whole document: JSON's own syntax is ASCII, so these can only occur inside
    strings, where the escape stands for the same character.
    """
    return _JSON_RAW.sub(_json_escape, text)


def _json_escape(match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: JSON escapes it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


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
