"""Suppression comments inside a report.

In HTML and Markdown: ``<!-- govlint: disable=GL203,GL204 -->`` or ``<!-- govlint: disable -->``.
In text formats the same directive stands on a line of its own: ``govlint: disable=GL203``.
Codes are separated by commas or spaces.
A directive applies to the whole file; codes may be prefixes (``GL2``).
"""

from __future__ import annotations

import re

from govlint.lazy_re import lazy_pattern

_DIRECTIVE = lazy_pattern(
    r"(?:<!--\s*govlint:\s*disable(?:\s*=\s*(?P<a>[A-Za-z0-9_,\s]*?))?\s*-->)"
    r"|(?:^[ \t]*(?:#|//)?[ \t]*govlint:\s*disable(?:\s*=\s*(?P<b>[A-Za-z0-9_, \t]*))?[ \t]*\r?$)",
    re.MULTILINE,
)

ALL = "ALL"


def directives(source: str) -> set[str]:
    """The codes (or prefixes) disabled in ``source``; ``{"ALL"}`` disables everything."""
    if "govlint:" not in source:
        return set()
    disabled: set[str] = set()
    for match in _DIRECTIVE.finditer(source):
        codes = match.group("a") if match.group("a") is not None else match.group("b")
        if codes is None or not codes.strip():
            disabled.add(ALL)
        else:
            # commas or spaces between codes: both are what people write
            disabled.update(c.upper() for c in re.split(r"[,\s]+", codes) if c)
    return disabled


def is_suppressed(code: str, disabled: set[str]) -> bool:
    return bool(disabled) and (ALL in disabled or any(code.startswith(p) for p in disabled))
