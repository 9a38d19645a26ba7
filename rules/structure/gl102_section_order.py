from govlint.format.sections import KEYS as SECTION_KEYS
from govlint.format.sections import title as section_title
from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._common import SECTION_NUMERALS


def _numeral(number: int) -> str:
    return "一二三四五六七八九十"[number - 1] if 1 <= number <= 10 else str(number)


class SectionOrder(Rule):
    """Sections are misnumbered, out of order or duplicated.

    What it checks: each recognised top-level section carries the numeral the format gives it
    (一 for 总体情况 … 六 for 其他需要报告的事项), appears after the sections that precede it
    in the format, and appears only once.

    Why it matters: the format of 国办公开办函〔2021〕30号 fixes the order and numbering of
    the six parts, and readers, evaluators and tools find the parts by their numbers. A
    misnumbered heading (``七、其他需要报告的事项``) often betrays a section copied from
    another report or a section that was dropped.

    Failing example: ``五、其他需要报告的事项`` after ``五、存在的主要问题及改进情况``.

    Passing example: ``一、`` to ``六、`` in the order of the format.
    """

    code = "GL102"
    name = "section-order"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "章节编号错误、顺序颠倒或重复"

    def check(self, report, ctx):
        seen: set[str] = set()
        highest = -1
        for section in report.sections:
            if section.key not in SECTION_KEYS:
                continue
            index = SECTION_KEYS.index(section.key)
            title = section_title(section.key)
            expected = SECTION_NUMERALS[index]
            location = f"{expected}、{title}"
            if section.key in seen:
                yield Finding(f"第{expected}部分“{title}”重复出现（标题“{section.heading}”）",
                              span=section.span, location=location,
                              properties={"section": section.key, "problem": "duplicate"})
                continue
            seen.add(section.key)
            if section.number and section.number != index + 1:
                yield Finding(f"“{title}”应为第{expected}部分，实际编号为“{_numeral(section.number)}”"
                              f"（标题“{section.heading}”）",
                              span=section.span, location=location,
                              properties={"section": section.key, "problem": "number",
                                          "expected": index + 1, "found": section.number})
            if index < highest:
                yield Finding(f"第{expected}部分“{title}”出现在第{SECTION_NUMERALS[highest]}部分之后，顺序颠倒",
                              span=section.span, location=location,
                              properties={"section": section.key, "problem": "order"})
            highest = max(highest, index)
