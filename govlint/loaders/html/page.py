"""From walked blocks to a Document: chrome paragraphs dropped, metadata, title and date read.

Metadata is gathered under the labels the page printed (first value wins) and handed to
``Document.meta`` in the vocabulary of ``govlint.loaders.chrome`` at the end.
"""

from __future__ import annotations

from govlint.document import Paragraph
from govlint.loaders import chrome

# How far from the top a bare title paragraph may stand (pages without <h1> or <title>).
_TITLE_WINDOW = 8


def _remember(labels: dict[str, str], label: str, value: str) -> None:
    value = " ".join(value.split())
    if value and not labels.get(label):
        labels[label] = value


def _harvest_lines(lines: list[str], labels: dict[str, str]) -> None:
    """Metadata from chrome lines: ``LABEL：value`` lines, or a label line then its value line."""
    i = 0
    while i < len(lines):
        line = lines[i]
        label = chrome.label_only(line)
        if label is not None and i + 1 < len(lines) and chrome.is_value(lines[i + 1]):
            _remember(labels, label, lines[i + 1])
            i += 2
            continue
        if chrome.is_meta_line(line):
            for label, value in chrome.meta_pairs(line):
                _remember(labels, label, value)
        i += 1


def drop_chrome(blocks: list, labels: dict[str, str]) -> list:
    """``blocks`` without chrome paragraphs; metadata lines among them go into ``labels``."""
    kinds: list[str | None] = []
    for block in blocks:
        kinds.append(chrome.chrome_kind(block.text) if isinstance(block, Paragraph) else None)
    # A metadata label alone, then its value (``<div>索引号</div><div>…</div>`` layouts).
    for i, block in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if kinds[i] is None and isinstance(block, Paragraph) and isinstance(nxt, Paragraph):
            label = chrome.label_only(block.text)
            if label in chrome.STRONG_LABELS and chrome.is_value(nxt.text) and kinds[i + 1] is None:
                _remember(labels, label, nxt.text)
                kinds[i] = kinds[i + 1] = "meta"
    # Site contact lines count as chrome only when they stand next to a real footer line.
    changed = True
    while changed:
        changed = False
        for i, block in enumerate(blocks):
            if kinds[i] is not None or not isinstance(block, Paragraph):
                continue
            near = (i > 0 and kinds[i - 1] in ("footer", "footer-weak")) or \
                   (i + 1 < len(blocks) and kinds[i + 1] in ("footer", "footer-weak"))
            if near and chrome.weak_footer(block.text):
                kinds[i] = "footer-weak"
                changed = True
    kept = []
    for block, kind in zip(blocks, kinds):
        if kind == "meta":
            for label, value in chrome.meta_pairs(block.text):
                _remember(labels, label, value)
        if kind is None:
            kept.append(block)
    return kept


def assemble(document, builder, title_tag: str | None) -> None:
    """Fill ``document`` (blocks, meta, title, published) from a finished BlockBuilder."""
    labels: dict[str, str] = {}
    for pairs in builder.meta_grids:
        for label, value in pairs:
            _remember(labels, label, value)
    _harvest_lines(builder.harvest, labels)
    blocks = drop_chrome(builder.blocks, labels)
    candidates = [labels.get(label) for label in chrome.TITLE_LABELS]
    candidates += ["".join(run) for run in builder.h1_runs[:1]]
    candidates += builder.chrome_h1[:1]
    candidates.append(title_tag)
    candidates += [b.text for b in blocks[:_TITLE_WINDOW]
                   if isinstance(b, Paragraph) and chrome.looks_like_title(b.text)][:1]
    document.title = chrome.choose_title(c for c in candidates if c)
    document.published = chrome.published_from(labels)
    document.meta.update(chrome.meta_from(labels))
    document.blocks = blocks
