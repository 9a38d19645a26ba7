"""Text from a report, made safe for HTML: escaped, and shown rather than obeyed.

Everything a report or its file name supplies passes through ``text`` (element content) or
``attr`` (attribute values, one line). Both first apply the convention of the text formats
(``govlint.reporters.sanitize``): controls become visible symbols and bidi controls U+FFFD, so
nothing can reorder what a reader sees; then ``html.escape`` with quotes, so nothing can open
a tag or leave an attribute.
"""

from __future__ import annotations

from html import escape

from govlint.reporters.sanitize import keep_lines, one_line


def text(value) -> str:
    """``value`` as element content (line breaks kept: the stylesheet preserves them where wanted)."""
    return escape(keep_lines("" if value is None else str(value)), quote=True)


def attr(value) -> str:
    """``value`` as an attribute value, folded to one line."""
    return escape(one_line("" if value is None else str(value)), quote=True)
