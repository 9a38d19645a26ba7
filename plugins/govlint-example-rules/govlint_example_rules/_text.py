"""Small text helpers shared by the rules of this pack."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Drop all whitespace: extractions break Chinese phrases with spaces and line ends."""
    return _SPACE.sub("", text)
