"""One metadata vocabulary for every loader (``govlint.loaders.chrome``)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from govlint.loaders import chrome
from govlint.loaders.html import HtmlLoader
from govlint.loaders.text import TextLoader

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = sorted(p for folder in ("seeds", "seeds_html", "corpus") for p in (FIXTURES / folder).iterdir()
                 if p.suffix in (".html", ".txt"))
#: keys a format's own metadata fills (Word core properties), with no label on a page
FORMAT_KEYS = {"created", "modified"}


def _documented() -> dict[str, list[str]]:
    """The key → labels table of the module docstring."""
    rows = {}
    for line in chrome.__doc__.splitlines():
        match = re.fullmatch(r"([a-z_]+) {2,}(.*)", line)
        if match and match.group(1) != "key":
            labels = re.sub(r"\(.*?\)", "", match.group(2))
            rows[match.group(1)] = [label.strip() for label in labels.split(",") if label.strip()]
    return rows


def test_docstring_documents_the_vocabulary():
    documented = _documented()
    expected: dict[str, list[str]] = {}
    for label, key in chrome.VOCABULARY.items():
        expected.setdefault(key, []).append(label)
    assert {k: sorted(v) for k, v in documented.items() if v} == {k: sorted(v) for k, v in expected.items()}
    assert {k for k, v in documented.items() if not v} == FORMAT_KEYS - set(expected)


def _load(path: Path):
    loader = HtmlLoader() if path.suffix == ".html" else TextLoader()
    return loader.load(str(path), path.read_bytes())


def test_every_loader_fills_meta_with_documented_keys():
    keys = set(_documented())
    seen: set[str] = set()
    for path in REPORTS:
        meta = _load(path).meta
        assert set(meta) <= keys, (path.name, set(meta) - keys)
        seen |= set(meta)
    # the fixtures exercise both loaders' metadata, not an empty dict
    assert {"title", "published", "index_number", "publisher"} <= seen


def test_html_box_and_text_line_give_the_same_meta():
    html = """<html><body><table>
<tr><td>索引号：</td><td>1234/2024-01</td><td>发布机构：</td><td>某县政府办</td></tr>
<tr><td>发布日期：</td><td>2024-01-30</td><td>成文日期：</td><td>2024-01-29</td></tr></table>
<p>一、总体情况</p><p>本机关全年主动公开政府信息若干条。</p></body></html>"""
    text = ("索引号:1234/2024-01 | 发布机构:某县政府办 | 发布日期:2024-01-30 | 成文日期:2024-01-29 |\n"
            "一、总体情况\n本机关全年主动公开政府信息若干条。\n")
    from_html = HtmlLoader().load("a.html", html.encode("utf-8"))
    from_text = TextLoader().load("a.txt", text.encode("utf-8"))
    expected = {"index_number": "1234/2024-01", "publisher": "某县政府办", "published": "2024-01-30",
                "written": "2024-01-29"}
    assert from_html.meta == expected
    assert from_text.meta == expected
    assert from_html.published == from_text.published == date(2024, 1, 30)


@pytest.mark.parametrize("labels, published", [
    # the first date label in DATE_LABELS order that holds a date, whatever the page order
    ({"时间": "2024-02-01", "发布日期": "2024-01-30"}, date(2024, 1, 30)),
    ({"发布日期": "见附件", "公开日期": "2024-01-31"}, date(2024, 1, 31)),
    ({"浏览次数": "12"}, None),
])
def test_published_from_label_order(labels, published):
    assert chrome.published_from(labels) == published


def test_meta_from_prefers_the_label_listed_first():
    meta = chrome.meta_from({"时间": "2024-02-01 08:00", "发布日期": "2024-01-30", "栏目": "年报"})
    assert meta == {"published": "2024-01-30", "column": "年报"}
