import re

from govlint.findings import Finding
from govlint.lazy_re import lazy_pattern
from govlint.rule import Rule

from govlint.normalize import YEAR

from .._common import has_content, prose

#: the year in the wrong brackets, the serial number and 号
_NUMBER = (r"(?P<open>[【\[［(（〖])\s*(?P<year>" + YEAR + r")\s*"
           r"(?P<close>[】\]］)）〗])\s*(?P<serial>第?\s*\d{1,5})\s*号")
#: an issuer abbreviation before it
_WRONG = lazy_pattern(r"(?P<issuer>[\u4e00-\u9fff]{2,12}?)\s*" + _NUMBER)
#: what every match of ``_WRONG`` ends with: a run without it is not searched with ``_WRONG``,
#: which tries its issuer at every Chinese character of the prose
_NUMBER_ONLY = lazy_pattern(_NUMBER)


def _brackets(run, match):
    """The fix: each bracket replaced where it stands; the number itself is left as printed."""
    from govlint.fixes import Edit, Fix

    edits = []
    for group, right in (("open", "〔"), ("close", "〕")):
        span = run.span_of(match.start(group), match.end(group))
        if span is None:
            return None
        edits.append(Edit(span, right, match.group(group)))
    return Fix(tuple(edits), message="年份括号改为六角括号〔〕")


class DocumentNumberFormat(Rule):
    """A cited 文号 puts its year in 【】, [], () or （） instead of the hexagonal brackets 〔〕.

    What it checks: document numbers cited in the prose, such as ``国办函【2020】109 号``,
    ``国办公开办函[2021]30号`` or ``国办发(2019)1号``. Court case numbers, whose year legally
    stands in （） before the court code (``（2020）京01行初1号``), are not matched.

    Why it matters: GB/T 9704—2012 《党政机关公文格式》 §7.2.4 prescribes 〔〕 for the year in a
    发文字号; a misprinted number is harder to search and looks careless in a document that
    is itself about publishing government documents correctly.

    Failing example: ``（国办函【2020】109 号）``.

    Passing example: ``（国办函〔2020〕109号）``.
    """

    code = "GL701"
    name = "document-number-format"
    severity = "info"
    summary = "引用的文号年份未使用六角括号〔〕"

    def check(self, report, ctx):
        if not has_content(report):
            return  # GL002 covers a file that is not a report
        seen = set()
        for run in prose(report):
            if not _NUMBER_ONLY.search(run.text):
                continue
            for match in _WRONG.finditer(run.text):
                issuer = match.group("issuer")
                serial = re.sub(r"\s+", "", match.group("serial"))
                correct = f"{issuer}〔{match.group('year')}〕{serial}号"
                if correct in seen:
                    continue
                seen.add(correct)
                printed = match.group()
                yield Finding(f"文号“{printed}”的年份应使用六角括号〔〕，应为“{correct}”",
                              span=run.span_of(match.start(), match.end()), location=f"文号 / {correct}",
                              properties={"expected": correct, "found": printed},
                              fix=_brackets(run, match))
