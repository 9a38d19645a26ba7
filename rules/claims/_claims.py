"""Numbers the prose states about table quantities (GL501) and completion claims (GL502).

Only statements tied to a quantity with confidence are read: a verb or label of the table
right before the number, the unit 件 (起 for cases), and nothing in between that narrows or
shifts the count (其中, 自然人, 上年, 较, 累计, an approximate 余 …). Anything else is left
alone: a missed statement costs less than a false alarm.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from govlint.format import table3 as t3
from govlint.format import table4 as t4
from govlint.lazy_re import lazy_pattern
from govlint.normalize import YEAR_NIAN, chinese_number, fold
from govlint.record import Frozen

from .._arith import TABLE3_APPLICANT_COLUMNS, achievable, is_blank
from .._common import Prose, prose

#: a number starts where its digits start: a pattern that begins with the number would otherwise
#: be retried from every digit of a long digit run, rescanning the rest of the run each time
_NUM = r"(?P<n>(?<!\d)\d+|[零〇一二两三四五六七八九十]{1,3})"
_UNIT = r"\s*(?:件|起|宗)(?!次)(?![余多])"


def _gap(name: str, width: int) -> str:
    return r"(?P<%s>[^，。；,;：:\d]{0,%d}?)" % (name, width)


def _alias(key: str) -> str:
    """The canonical wording of a table-三 row or table-四 group, as prose repeats it."""
    record = t3.row(key) if key in t3.ROWS_BY_KEY else t4.group(key)
    return record.aliases[0]


def _word(key: str) -> str:
    """``_alias`` as a regular expression."""
    return re.escape(_alias(key))


#: (quantity, pattern); the number is group ``n``, the words around the anchor ``g1``/``g2``
_PATTERNS = (
    ("new", lazy_pattern(r"(?:受理|收到|新收|接收|接到|共收)" + _gap("g1", 16) + r"申请" + _gap("g2", 6) + _NUM + _UNIT)),
    ("carried_over", lazy_pattern(r"上一?年度?结转" + _gap("g1", 12) + _NUM + _UNIT)),
    ("carried_forward", lazy_pattern(r"结转(?:至|到|为)?下一?年度?" + _gap("g1", 10) + _NUM + _UNIT)),
    ("carried_forward", lazy_pattern(_NUM + r"\s*件(?P<g1>[^，。；,;\d]{0,4})结转(?:至|到)?下一?年")),
    # "予以公开及部分公开258件": the two rows together
    ("granted_partial", lazy_pattern(r"(?<![不])" + _word("granted") + r"\s*(?:及|和|与|、|以及)\s*" + _word("partial")
                                   + _gap("g1", 4) + _NUM + _UNIT)),
    ("granted", lazy_pattern(r"(?<![不])" + _word("granted") + _gap("g1", 4) + _NUM + _UNIT)),
    ("partial", lazy_pattern(_word("partial") + _gap("g1", 4) + _NUM + _UNIT)),
    ("denied", lazy_pattern(_word("denied") + _gap("g1", 4) + _NUM + _UNIT)),
    ("unable", lazy_pattern(_word("unable") + _gap("g1", 4) + _NUM + _UNIT)),
    ("not_processed", lazy_pattern(_word("not_processed") + _gap("g1", 4) + _NUM + _UNIT)),
    ("review", lazy_pattern(_word("review") + _gap("g1", 6) + _NUM + _UNIT)),
    ("litigation", lazy_pattern(_word("litigation") + _gap("g1", 6) + _NUM + _UNIT)),
)
#: for each of ``_PATTERNS``, a word every match of it holds: a sentence without it is not
#: searched with that pattern
_NEEDS = ("申请", "结转", "结转", "结转", _alias("granted"), _alias("granted"), _alias("partial"), _alias("denied"),
          _alias("unable"), _alias("not_processed"), _alias("review"), _alias("litigation"))
#: every pattern's match holds one of these words: a sentence without any is skipped whole.
#: They are Han ideographs, which ``fold`` leaves as they are and makes from nothing else, so a
#: run is asked before it is folded
_ANCHOR = lazy_pattern("|".join(["受理", "收到", "新收", "接收", "接到", "共收", "结转"] + [
    _word(key) for key in ("granted", "partial", "denied", "unable", "not_processed", "review", "litigation")]))
#: words between the anchor and the number that make the number something else
_NARROWING = lazy_pattern(r"自然人|法人|企业|组织|个人|其中|网上|网络|信函|当面|线上|线下|邮寄|传真|邮件|电话"
                        r"|上年|去年|结转|同比|较|比|累计|人次|平均|诉讼|复议|以上|以下|超过|不足|维持|纠正|审结|"
                        + "|".join(re.escape(t4.outcome_label(key)) for key in t4.parts()))
#: words before the anchor (same clause) that shift the number to another period or subset
_SHIFTING_WORDS = ("上一年", "上年", "去年", "上年度", "较", "比", "同比", "累计", "以来", "其中", "分别", "平均",
                   "超过", "不足", "以上")
#: the anchor is the second of two quantities ("予以公开及部分公开258件"): a combined count
_JOINED = lazy_pattern(r"(及|和|与|、|或|以及)\s*$")
#: the result groups whose sub-items are reasons
_GROUPS = ("denied", "unable", "not_processed")
#: a count narrowed to some reasons of a group
_REASON_WORDS = ("因", "由于", "原因")
#: ... unless the reason named stands for all of them ("因本机关不掌握等原因无法提供265件")
_ALL_REASONS = lazy_pattern(r"等(?:原因|理由|情形|情况)?\s*$")
#: how far before the number a reason is looked for, to quote it (keeps the search bounded)
_REASON_REACH = 40
#: what ends a clause inside a sentence
_CLAUSE_MARK = lazy_pattern(r"[，,；;：:]")
_YEAR = YEAR_NIAN
_CLAUSE = lazy_pattern(r"[^，。；,;！？!?\n]+")
_SENTENCE = lazy_pattern(r"[^。；;！？!?\n]+")


def _quantity_labels() -> dict[str, tuple[str, str]]:
    """quantity → (its short name, where the tables print it), from the format records."""
    out = {}
    for key in ("new", "carried_over", "carried_forward", "granted", "partial"):
        row = t3.row(key)
        short = row.name + "申请" if key in ("new", "carried_over") else row.name
        out[key] = (short, t3.NAME + row.numbered)
    granted, partial = t3.row("granted"), t3.row("partial")
    out["granted_partial"] = (f"{granted.name}及{partial.name}",
                              f"{t3.NAME}{granted.numbered}+{partial.numbered}")
    for key in ("denied", "unable", "not_processed"):
        row = t3.row(key)
        out[key] = (row.name, f"{t3.NAME}{row.label}（1–{len(t3.items(key))}项合计）")
    total = t4.outcome_label("total")
    review, litigation = t4.group("review"), t4.group("litigation")
    out["review"] = (review.name, f"{t4.NAME}{review.label}{total}")
    parts = "+".join(t4.group(g).name for g in t4.groups() if t4.group(g).group == "litigation")
    out["litigation"] = (litigation.name, f"{t4.NAME}{litigation.label}{total}（{parts}）")
    return out


QUANTITY_LABELS = _quantity_labels()


class Statement(Frozen):
    __slots__ = _fields = ("quantity", "number", "prose", "start", "end")

    def __init__(self, quantity: str, number: int, prose: Prose, start: int, end: int) -> None:
        set_ = object.__setattr__
        set_(self, "quantity", quantity)
        set_(self, "number", number)
        set_(self, "prose", prose)
        set_(self, "start", start)
        set_(self, "end", end)

    @property
    def text(self) -> str:
        return self.prose.text[self.start:self.end]

    @property
    def span(self):
        return self.prose.span_of(self.start, self.end)


def _texts(report):
    """Prose where counts of this year are stated: everything but 五 (last year's problems)."""
    return [run for run in prose(report) if run.section != "problems"]


def _occurrences(words):
    """A pattern finding, at every position, the shortest of ``words`` that starts there."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len))
    return lazy_pattern(f"(?=({alternatives}))")


_SHIFTING_AT = _occurrences(_SHIFTING_WORDS)
_REASON_AT = _occurrences(_REASON_WORDS)


class _Words:
    """Where some words occur in one sentence, for asking whether a stretch of it holds one.

    Every statement asks this of its clause up to the number; searching each stretch anew
    made a long sentence full of statements quadratic. The occurrences are found once, and the
    smallest end from each occurrence onwards answers a stretch with one binary search.
    """

    def __init__(self, at, text: str):
        found = [(m.start(), m.end(1)) for m in at.finditer(text)]
        self._starts = [a for a, _ in found]
        self._reach = list(accumulate((b for _, b in reversed(found)), min))[::-1]

    def within(self, start: int, end: int) -> bool:
        """Whether one of the words lies wholly inside ``text[start:end]``."""
        i = bisect_left(self._starts, start)
        return i < len(self._starts) and self._reach[i] <= end


class _Sentence:
    """One sentence's clause marks and shifting words, found once for all its statements."""

    def __init__(self, text: str):
        self.text = text
        self.marks = [m.end() for m in _CLAUSE_MARK.finditer(text)]
        self.shifting = _Words(_SHIFTING_AT, text)
        self.reasons = _Words(_REASON_AT, text)

    def clause_start(self, at: int) -> int:
        """Where the clause holding ``text[at]`` starts (after the last mark before it)."""
        i = bisect_right(self.marks, at)
        return self.marks[i - 1] if i else 0

    def joined(self, start: int, at: int) -> bool:
        """Whether ``text[start:at]`` ends with a conjunction (white space after it allowed)."""
        text, end = self.text, at
        while end > start and text[end - 1].isspace():
            end -= 1
        return bool(_JOINED.search(text[max(start, end - 2):at]))


def stated_numbers(report, year: int | None) -> list[Statement]:
    out: list[Statement] = []
    for run in _texts(report):
        if not _ANCHOR.search(run.text):
            continue
        text = fold(run.text)
        for sentence in _SENTENCE.finditer(text):
            s_start = sentence.start()
            s_text = sentence.group()
            if not _ANCHOR.search(s_text):
                continue
            years = {int(y) for y in _YEAR.findall(s_text)}
            if year is not None and years - {year}:
                continue  # the sentence speaks of another year too: comparisons, history
            words = None
            for (quantity, pattern), needs in zip(_PATTERNS, _NEEDS):
                if needs not in s_text:
                    continue
                for match in pattern.finditer(s_text):
                    gaps = "".join(g for g in (match.groupdict().get("g1"), match.groupdict().get("g2")) if g)
                    if _NARROWING.search(gaps):
                        continue
                    if words is None:
                        words = _Sentence(s_text)
                    at = match.start()
                    clause_start = words.clause_start(at)
                    if words.shifting.within(clause_start, at) or words.joined(clause_start, at):
                        continue
                    reason = quantity in _GROUPS and words.reasons.within(clause_start, at)
                    if reason and not _ALL_REASONS.search(s_text, max(clause_start, at - 6), at):
                        continue  # "因本机关不掌握相关政府信息无法提供3件": one reason of several
                    number = chinese_number(match.group("n"))
                    if number is None:
                        continue
                    # a statement by reason is quoted with its reason (因…等原因无法提供265件)
                    start = at
                    if reason:
                        reach = max(clause_start, at - _REASON_REACH)
                        first = _REASON_AT.search(s_text, reach, at)
                        start = first.start() if first else at
                    out.append(Statement(quantity, number, run, s_start + start, s_start + match.end()))
    return out


class Reading(Frozen):
    """One number of the tables a stated quantity may be: what it is, in words, and the values
    it can take over the readings of glued cells (``_arith.Sums``)."""

    __slots__ = _fields = ("what", "sums", "blank")

    def __init__(self, what: str, sums: object, blank: bool = False) -> None:
        set_ = object.__setattr__
        set_(self, "what", what)
        set_(self, "sums", sums)
        # the 总计 cells are blank (counted as 0)
        set_(self, "blank", blank)


def _row_sets(quantity: str) -> list[tuple[str, list[str]]]:
    """(what, rows of 表三 added up) for each number a stated quantity may be."""
    if quantity == "new":  # "受理N件": the new ones, or all handled (new and carried over)
        return [("", ["new"]), (f"{t3.row('new').name}与{t3.row('carried_over').name}之和", ["new", "carried_over"])]
    if quantity == "granted_partial":
        return [("", ["granted", "partial"])]
    if quantity in _GROUPS:
        return [("", list(t3.items(quantity)))]
    return [("", [quantity])]


def table_values(report, quantity: str) -> list[Reading] | None:
    """The table numbers a stated quantity may equal, the first the one the table prints for
    it; None when one of them cannot be evaluated (a row the table lacks, a cell holding text):
    a statement is compared only when every number it may mean is known, over readings."""
    if quantity in ("review", "litigation"):
        table = report.table("table4")
        if table is None:
            return None
        if quantity == "review":
            cells = [("review", "total")]
        else:
            cells = [("litigation_direct", "total"), ("litigation_after_review", "total")]
        sums = achievable(table, [(cell, 1) for cell in cells])
        return None if sums is None else [Reading("", sums)]
    table = report.table("table3")
    if table is None:
        return None
    out: list[Reading] = []
    for what, rows in _row_sets(quantity):
        printed = achievable(table, [((row, "total"), 1) for row in rows])
        # when the 总计 column disagrees with the applicant columns (GL203 reports it), the
        # prose may follow either; only a number matching neither is a mismatch
        summed = achievable(table, [((row, col), 1) for row in rows for col in TABLE3_APPLICANT_COLUMNS])
        if printed is None or summed is None:
            return None
        # a 总计 column left blank is no printed 0: the applicant columns come first then
        blank = all(is_blank(table.get(row, "total")) for row in rows)
        applicants = f"{what}（按各类申请人之和）" if what else "各类申请人之和"
        printed_what = f"{what}的总计列" if what else "总计列"
        pair = [Reading(applicants, summed), Reading(printed_what, printed, True)] if blank else \
            [Reading(what, printed), Reading(applicants, summed)]
        out.extend(pair)
    return out


#: how the claim qualifies the handling: in time, by law, as required (按要求, 按规定时限和要求)
_HOW = (r"(?:在法定期限内|在规定(?:期限|时限)内|按期|按时|依法|及时"
        r"|按照?(?:要求|规定|法定(?:期限|时限)|规定(?:期限|时限)|时限)(?:和要求)?)")
#: a verb of completion ("按照规定办理" alone says how, not that every one was finished)
_DONE = r"(?:办结|答复完毕|予以答复|作出答复|答复|办理完毕|办理完成|办理完结|处理完毕|处理完成)"
_COMPLETION = lazy_pattern(
    r"(?:全部|均已?|都已?|全部已|均予以|一律)" + _HOW + r"?(?:全部)?" + _DONE
    + r"|办结率(?:达到?|为)?\s*100\s*[%％]")


def completion_claims(report):
    """(prose run, start, end, sentence) of sentences claiming every application was handled.

    The sentence comes along so that a rule need not look for it again in the whole run
    (once per claim, that made a long run full of claims quadratic).
    """
    for run in _texts(report):
        if run.section not in (None, "overview", "requests") or "申请" not in run.text:
            continue  # (``fold`` changes no ideograph)
        text = fold(run.text)
        for sentence in _SENTENCE.finditer(text):
            s_text = sentence.group()
            if "申请" not in s_text:
                continue
            match = _COMPLETION.search(s_text)
            if match:
                yield run, sentence.start() + match.start(), sentence.start() + match.end(), s_text
