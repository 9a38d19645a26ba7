"""The report parser: Document → Report (placeholder until table recognition lands)."""

from __future__ import annotations

import re

from govlint.document import Paragraph
from govlint.domain import CHINESE_NUMERALS, SECTION_KEYS, SECTION_TITLES
from govlint.report import Metadata, Report, Section

_HEADING = re.compile(r"^\s*([一二三四五六七八九十])\s*、\s*(.+)$")


def parse(document) -> Report:
    report = Report(path=document.path, format=document.format, document=document,
                    metadata=Metadata(title=document.title, published=document.published))
    current = None
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            continue
        match = _HEADING.match(block.text)
        if match:
            for key in SECTION_KEYS:
                if SECTION_TITLES[key][:4] in match.group(2):
                    current = Section(CHINESE_NUMERALS.index(match.group(1)) + 1, key,
                                      block.text.strip(), span=block.span)
                    report.sections.append(current)
                    break
            else:
                match = None
        if not match and current is not None:
            current.text += block.text + "\n"
    return report
