"""The same real report page, marked up as other sites and editors mark it up, gives the same
findings (code and message; positions move with the markup).

Each rendering is one a browser shows as the same page: minified or indented source, CRLF line
ends, upper-case tags and attributes, optional end tags left out, ``<th>`` for ``<td>``, cells
wrapped in inline elements, comments and ``&nbsp;`` in cells, tables inside wrappers, a form or
an explicit ``<tbody>``, a script that writes a table of its own. A finding that appears or goes
away with one of them is a finding about the markup, not about the report.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from govlint.testing import lint_text

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted((FIXTURES / "corpus").glob("*.html")) + sorted((FIXTURES / "seeds_html").glob("*.html"))


def _sub(pattern: str, repl, flags: int = re.I):
    return lambda page: re.sub(pattern, repl, page, flags=flags)


RENDERINGS = {
    "minified": _sub(r">\s*\n\s*<", "><"),
    "one line": _sub(r"\s*\n\s*", " "),
    "indented": lambda page: page.replace("\n", "\n    "),
    "crlf": lambda page: page.replace("\r\n", "\n").replace("\n", "\r\n"),
    "upper-case tags": _sub(r"<(/?)([a-z][a-z0-9]*)", lambda m: f"<{m.group(1)}{m.group(2).upper()}"),
    "upper-case span attributes": _sub(r"\b(rowspan|colspan)=", lambda m: m.group(1).upper() + "="),
    "single-quoted attributes": _sub(r'="([^"<>]*)"', r"='\1'", 0),
    "td and tr end tags left out": _sub(r"</t[dr]>", ""),
    "th for td": _sub(r"<(/?)td\b", r"<\1th"),
    "td attributes on the next line": _sub(r"<td(\s)", r"<td\n\1"),
    "colspan=1 on every cell": _sub(r"<td(?![^>]*colspan)", '<td colspan="1"'),
    "cells wrapped in span and font": _sub(r"(<td[^>]*>)(.*?)(</td>)", r"\1<span><font>\2</font></span>\3",
                                           re.I | re.S),
    "cells wrapped in b and i": lambda page: re.sub(r"(?i)(<td[^>]*>)", r"\1<b><i>", page).replace(
        "</td>", "</i></b></td>"),
    "a comment opening each cell": _sub(r"(<td[^>]*>)", r"\1<!-- c -->"),
    "nbsp opening each cell": _sub(r"(<td[^>]*>)", r"\1&nbsp;"),
    "div for p": _sub(r"<(/?)p\b", r"<\1div"),
    "tables in two divs": lambda page: re.sub(r"(?i)<table", '<div class="x"><div>\n<table', page).replace(
        "</table>", "</table>\n</div></div>"),
    "explicit tbody": lambda page: re.sub(r"(?i)(<table[^>]*>)", r"\1<tbody>", page).replace(
        "</table>", "</tbody></table>"),
    "body in a form": lambda page: re.sub(r"(?i)(<body[^>]*>)", r'\1<form id="form1" method="post">',
                                          page).replace("</body>", "</form></body>"),
    "a script writing a table": _sub(
        r"(<body[^>]*>)",
        r'\1<script>var t="<table><tr><td>本年新收政府信息公开申请数量</td><td>99</td></tr></table>";</script>'),
    "xhtml br": _sub(r"<br\s*>", "<br/>"),
}


@lru_cache(maxsize=None)
def _page(path: Path) -> tuple[str, str]:
    """The page's text and the encoding its bytes are in (written back in it)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


@lru_cache(maxsize=None)
def _said(text: str, encoding: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((f.code, f.message) for f in lint_text(text.encode(encoding), format="html")))


def test_the_pages_have_findings_to_keep():
    """Most pages have findings that a rendering could lose; the clean ones (2024_pingtan_jsp,
    seed 000) could gain some."""
    assert len(PAGES) >= 6
    assert sum(bool(_said(*_page(path))) for path in PAGES) >= 4
    assert any(code in ("GL201", "GL202", "GL203") for path in PAGES for code, _ in _said(*_page(path)))


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_every_rendering_changes_some_page(rendering):
    assert any(RENDERINGS[rendering](_page(path)[0]) != _page(path)[0] for path in PAGES)


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_rendering_keeps_the_findings(path, rendering):
    text, encoding = _page(path)
    rendered = RENDERINGS[rendering](text)
    assert _said(rendered, encoding) == _said(text, encoding)
