"""Statements on the 信息处理费 in a report's prose (domain notes §5), shared by GL401–GL403.

Statements are found by meaning: 信息处理费, 处理费, 收费通知, 对…申请收费, or a citation of
国办函〔2020〕109号 together with 收费/收取. The bare word 收费 is never enough, because 表二's
第二十条第（八）项 行政事业性收费 (the agency's ordinary fees) uses it too. Titles in 《》 are
masked before matching, so citing 《政府信息公开信息处理费管理办法》 is not itself a statement.
"""

from __future__ import annotations

from decimal import Decimal

from govlint.lazy_re import lazy_pattern
from govlint.normalize import MAX_DIGITS
from govlint.format import table2 as t2
from govlint.format.fees import FEE_NEGATIONS, FEE_NOTICE_NEGATIONS, FEE_STATEMENT_PATTERNS
from govlint.record import Record

from .._common import Prose, mask_titles, prose

#: 表二's row of 行政事业性收费 (administrative fees, not the 信息处理费)
_TABLE2_FEES = t2.row("fees").label
_TERM = lazy_pattern("|".join(f"(?:{p})" for p in FEE_STATEMENT_PATTERNS))
_DENY = lazy_pattern("|".join(f"(?:{p})" for p in FEE_NEGATIONS))
_DENY_NOTICE = lazy_pattern("|".join(f"(?:{p})" for p in FEE_NOTICE_NEGATIONS))
_DIRECT_VERB = lazy_pattern(r"收取|收费|征收|收缴")
_CITES_109 = lazy_pattern(r"109\s*号|信息处理费管理办法|处理费管理办法")
_CHARGE_WORD = lazy_pattern(r"收费|收取|费用")
_SENTENCE = lazy_pattern(r"[^。！？!?\n]+")
_CLAUSE = lazy_pattern(r"[^，；,;]+")
#: at most MAX_DIGITS digits before the point: a longer run is no count or amount (and int() refuses
#: past 4,300 digits); every pattern has a non-digit before the number, so none is cut short
_NUMBER = rf"(\d{{1,{MAX_DIGITS}}}(?:\.\d+)?)(?!\d)"
_NOTICE_COUNT = (
    lazy_pattern(r"收费通知(?:书)?[^，。；,;\d]{0,6}?" + _NUMBER + r"\s*(?:件|份|次)"),
    lazy_pattern(r"(?:发出|发送|送达|开具|下发)了?\s*" + _NUMBER + r"\s*(?:件|份|次)[^，。；,;]{0,4}收费通知"),
)
_AMOUNT = (
    lazy_pattern(r"(?:收取|收缴|实收|征收|收到)[^，。；,;\d]{0,12}?" + _NUMBER + r"\s*(万元|元)"),
    lazy_pattern(r"处理费[^，。；,;\d]{0,6}?" + _NUMBER + r"\s*(万元|元)"),
)
_NOTICE_AMOUNT = lazy_pattern(r"总金额|应收|通知金额")
_BREAKDOWN = lazy_pattern(r"其中|按件|按量|分别")


def _mask_titles(text: str) -> str:
    """Replace what is inside 《》 (nested 〈〉/<> included) by placeholders, keeping offsets.

    表二's 行政事业性收费 is masked too, so that no pattern can take it for a fee statement.
    """
    fees = _TABLE2_FEES
    return mask_titles(text.replace(fees, "＿" * len(fees)))


class FeeClause(Record):
    __slots__ = _fields = ("prose", "start", "end", "text")

    def __init__(self, prose: Prose, start: int, end: int, text: str) -> None:
        self.prose = prose
        self.start = start
        self.end = end
        self.text = text

    @property
    def span(self):
        return self.prose.span_of(self.start, self.end)

    @property
    def section(self):
        return self.prose.section


class FeeFacts(Record):
    __slots__ = _fields = ("statements", "denials", "notice_denials", "collected", "notices", "totals")

    def __init__(self, statements: list[FeeClause] | None = None,
                 denials: list[FeeClause] | None = None, notice_denials: list[FeeClause] | None = None,
                 collected: list[tuple[Decimal, FeeClause]] | None = None,
                 notices: list[tuple[int, FeeClause]] | None = None,
                 totals: list[tuple[Decimal, FeeClause]] | None = None) -> None:
        # sentences
        self.statements = [] if statements is None else statements
        # nothing charged
        self.denials = [] if denials is None else denials
        self.notice_denials = [] if notice_denials is None else notice_denials
        # amounts > 0, in 元
        self.collected = [] if collected is None else collected
        # counts > 0
        self.notices = [] if notices is None else notices
        # amounts not a breakdown
        self.totals = [] if totals is None else totals


def _yuan(number: str, unit: str) -> Decimal:
    amount = Decimal(number)
    return amount * 10000 if unit == "万元" else amount


def fee_facts(report) -> FeeFacts:
    """The fee statements of the report's prose, read once per report (GL401, GL402 and GL403
    each ask for them)."""
    return report.view("fee-facts", lambda rep: _read_facts(prose(rep)))


def _read_facts(runs) -> FeeFacts:
    facts = FeeFacts()
    for run in runs:
        text = run.text
        # every match of ``_TERM`` or ``_CITES_109`` holds one of these (masking only blanks
        # characters out): most runs are skipped before they are masked or searched
        if "费" not in text and "收取" not in text and "109" not in text:
            continue
        masked = _mask_titles(text)
        if not (_TERM.search(masked) or _CITES_109.search(run.text)):
            continue  # a sentence is read only for one of these: a run with neither has none
        for sentence in _SENTENCE.finditer(masked):
            s_text = sentence.group()
            original = run.text[sentence.start():sentence.end()]
            if not (_TERM.search(s_text) or (_CITES_109.search(original) and _CHARGE_WORD.search(s_text))):
                continue
            facts.statements.append(FeeClause(run, sentence.start(), sentence.end(), original.strip()))
            for clause in _CLAUSE.finditer(s_text):
                _read_clause(facts, run, sentence.start() + clause.start(), clause.group())
    return facts


def _read_clause(facts: FeeFacts, run: Prose, start: int, text: str) -> None:
    item = FeeClause(run, start, start + len(text), run.text[start:start + len(text)].strip())
    has_term = bool(_TERM.search(text))
    if _DENY_NOTICE.search(text):
        facts.notice_denials.append(item)
    for pattern in _NOTICE_COUNT:
        match = pattern.search(text)
        if match:
            count = int(Decimal(match.group(1)))
            if count > 0:
                facts.notices.append((count, item))
            else:
                facts.notice_denials.append(item)
            break
    amount = None
    if not _NOTICE_AMOUNT.search(text) or "实际收取" in text:
        for pattern in _AMOUNT:
            match = pattern.search(text)
            if match:
                amount = _yuan(match.group(1), match.group(2))
                break
    if amount is not None and amount > 0:
        facts.collected.append((amount, item))
        if not _BREAKDOWN.search(text):
            facts.totals.append((amount, item))
        return
    deny = _DENY.search(text)
    if amount == 0 or (deny and (has_term or _DIRECT_VERB.search(deny.group()))):
        if "收费通知" not in text or _DIRECT_VERB.search(text.replace("收费通知", "")):
            facts.denials.append(item)
