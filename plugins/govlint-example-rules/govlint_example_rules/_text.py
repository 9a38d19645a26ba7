"""Small text helpers shared by the rules of this pack."""

from __future__ import annotations

from govlint.lazy_re import lazy_pattern

_SPACE = lazy_pattern(r"\s+")


def squeeze(text: str) -> str:
    """Drop all whitespace: extractions break Chinese phrases with spaces and line ends."""
    return _SPACE.sub("", text)
