"""Text from positioned characters.

PDF text has no spaces of its own between Chinese characters and digits (``2024年``); the
visual gap comes from the layout. Lines are rebuilt from the characters, with a space only
between two Latin letters or digits that are visibly apart.
"""

from __future__ import annotations

import re

from govlint.api import is_wide, join_pieces

_ITEM = re.compile(r"^\s*(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+\s*[.．、])")
_NUMBER = re.compile(r"^[\s\d.,，%+\-]*$")


def line_text(chars) -> str:
    """The text of one line of characters, sorted left to right."""
    out = []
    previous = None
    for char in sorted(chars, key=lambda c: c["x0"]):
        text = char["text"]
        if previous is not None and text.strip() and out and not out[-1].isspace():
            gap = char["x0"] - previous["x1"]
            if gap > 0.25 * char.get("size", 10) and not (is_wide(out[-1][-1]) or is_wide(text[0])):
                out.append(" ")
        out.append(text)
        previous = char
    return "".join(out).strip()


def group_lines(chars, tolerance: float = 3.0):
    """Characters grouped into lines (top to bottom), each a list of characters."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if not char["text"].strip():
            continue
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def block_text(chars) -> str:
    """The text of a table cell: its lines joined as one (a wrapped label is one label)."""
    return join_pieces([line_text(line) for line in group_lines(chars)])


def starts_item(text: str) -> bool:
    return bool(_ITEM.match(text))


def is_number(text: str) -> bool:
    return bool(text.strip()) and bool(_NUMBER.match(text))
