"""A UTF-8 page is parsed from its own bytes; the tree is the one its decoded text gives.

``load_html`` hands libxml2 the page's bytes, told they are UTF-8, when they decoded strictly
as UTF-8 (or ASCII) with no BOM and no XML declaration, instead of the decoded ``str``
(which lxml would convert first). The plain way, parsing the ``str``, is the oracle: the same
elements, text, tails and source lines, whatever charset the page declares.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govlint.loaders.html import load_html, parse_tree

_PARTS = st.sampled_from([
    "<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>", "<br>", "<span class='a'>", "</span>",
    '<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    '<meta charset="utf-16">', '<meta charset="iso-8859-1">', '<meta charset="big5">', '<meta charset="shift_jis">',
    "<script>var a='<p>';</script>", "<style>p{}</style>", "<!-- 注释 -->", "<!DOCTYPE html>", "<?php x ?>",
    "政府信息公开", "收到申请数", "12", "二〇二三年", "&nbsp;", "&#12288;", "&amp;", "&bogus;", "&#xD800;",
    "\n", "\r\n", "\r", "\t", "\x0c", " ", "\u3000", "\u00a0", "\ufeff", "\u0085", "\u009f", "\u2028",
    "\ufffe", "\uffff", "\U0001f600", "\U00020000", "\x01", "\x7f", "é", "<", ">", "&", '"', "'",
    "<html>", "<head>", "</head>", "<body>", "</body>", "<title>标题</title>", "<o:p></o:p>", "<td colspan=2>",
])
_PAGES = st.lists(_PARTS, max_size=50).map("".join)


def _tree(root):
    """Everything the walk reads of a tree: each node's tag, text, tail and line, in order."""
    if root is None:
        return None
    return [(str(el.tag), el.text, el.tail, el.sourceline, dict(el.attrib)) for el in root.iter()]


@settings(max_examples=300, deadline=None)
@given(_PAGES)
@example('<meta charset="gb2312"><p>政府信息公开</p>')
@example("\ufffe<p>\uffff</p>\x01")
@example("<p>a\rb\r\nc</p>")
def test_the_bytes_give_the_tree_of_the_text(page):
    data = page.encode("utf-8")
    assert _tree(parse_tree(page, data)) == _tree(parse_tree(page))


@settings(max_examples=100, deadline=None)
@given(_PAGES)
def test_a_loaded_utf8_page_is_read_as_its_text_is(page):
    data = ("<html><body>" + page + "</body></html>").encode("utf-8")
    doc = load_html("page.html", data)
    plain = _plain_load(data)
    assert _blocks(doc) == _blocks(plain)
    assert doc.meta == plain.meta


def _blocks(doc):
    """Each block's text (a grid's cells' texts), heading flag and span."""
    out = []
    for block in doc.blocks:
        if hasattr(block, "rows"):
            out.append([[(c.text, c.span) for c in row] for row in block.rows])
        else:
            out.append((block.text, block.heading, block.span))
    return out


def _plain_load(data: bytes):
    """``load_html`` parsing the decoded text, as it did before (the oracle)."""
    import govlint.loaders.html as html

    saved = html.parse_tree
    html.parse_tree = lambda text, utf8=None: saved(text)
    try:
        return html.load_html("page.html", data)
    finally:
        html.parse_tree = saved


def test_the_real_utf8_pages_are_parsed_from_their_bytes(fixtures, monkeypatch):
    import govlint.loaders.html as html

    given_bytes = []
    saved = html.parse_tree
    monkeypatch.setattr(html, "parse_tree", lambda text, utf8=None: given_bytes.append(utf8 is not None) or saved(text, utf8))
    pages = sorted((fixtures / "corpus").glob("*.html"))
    for page in pages:
        data = page.read_bytes()
        html.load_html(page.name, data)
        try:
            data.decode("utf-8")
            utf8 = not data.startswith(b"\xef\xbb\xbf") and not data.lstrip().startswith(b"<?xml")
        except UnicodeDecodeError:
            utf8 = False
        assert given_bytes[-1] == utf8, page.name
    assert any(given_bytes) and pages
