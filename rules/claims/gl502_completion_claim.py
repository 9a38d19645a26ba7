from govlint.findings import Finding
from govlint.format import table3 as t3
from govlint.format.records import TEMPLATES
from govlint.lazy_re import lazy_pattern
from govlint.rule import Rule

from .._arith import TABLE3_APPLICANT_COLUMNS, achievable, at_least, is_blank
from .._common import fmt, plain
from .._readings import glued_clause, inferred_note, values_text
from ._claims import completion_claims


#: a sentence that itself mentions applications left for next year, or the rest of them
#: applications carried over from last year (上年结转) are no mention of next year's
_LAST_YEAR = lazy_pattern(r"上一?年度?结转")
_EXCEPTED = lazy_pattern(r"下一?年|顺延|继续办理|结转|其余|其他|剩余|另有")


def carried_forward(table):
    """(``Sums`` of the applications 表三 carries over to next year, what they were read from),
    when every reading carries some over; (None, "") otherwise or when the row does not say.

    Read from that row alone: the other rows may be missing or unreadable, the claim needs this
    row only. The printed 总计 and the sum of the applicant columns must both show some (when
    both can be read); a blank 总计 is not a printed 0, so the applicant columns decide then.
    """
    if table is None:
        return None, ""
    row = "carried_forward"
    cell = table.get(row, "total")
    summed = None
    if all(table.get(row, col) is not None for col in TABLE3_APPLICANT_COLUMNS):
        summed = achievable(table, [((row, col), 1) for col in TABLE3_APPLICANT_COLUMNS])
        if summed is not None and min(summed.values) < 1:
            return None, ""  # some reading of the applicant columns carries nothing over
    if cell is None or is_blank(cell):
        return summed, ("各类申请人之和（总计列空白）" if summed is not None else "")
    printed = at_least(table, [((row, "total"), 1)], 1)
    if printed is None:
        return None, ""
    if summed is not None and min(summed.values) < min(printed.values):
        return summed, "各类申请人之和"
    return printed, "总计"


class CompletionClaim(Rule):
    """The prose says every application was handled, while 表三 carries some over to next year.

    What it checks: claims such as 全部办结, 均已办结, 均已按期答复, 均在法定期限内答复,
    办结率100% in the preamble or sections 一 and 三, in a sentence about applications,
    while 表三 四、结转下年度继续办理 (总计) is above 0. "均已按照规定办理" is not a claim that
    all were finished and is not read. The number carried over is read from its own row, even
    when other rows of 表三 are missing or unreadable; when its 总计 is blank, the applicant
    columns give it. A row glued into one digit run is read over its readings: the claim is
    reported only when every reading carries some application over ("无论如何拆分…").

    Why it matters: an application carried over to the next year is by definition not
    finished; the claim overstates the agency's performance (条例第三十三条 sets the answer
    period; 国办公开办函〔2021〕30号 table identity 一+二=三+四).

    Failing example: "所有申请均已按期答复" with 结转下年度继续办理 = 1.

    A sentence that itself mentions the carried-over applications ("答复3050件（另有103件顺延到
    下年度答复），均在法定期限内予以答复") is not a claim about all of them.

    Passing example: the same sentence with 结转 0, or "1件结转下年度继续办理，其余均已办结".
    """

    code = "GL502"
    name = "completion-claim"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "正文称申请全部办结，但表三有结转下年度继续办理的申请"

    def check(self, report, ctx):
        table = report.table("table3")
        pending, where = carried_forward(table)
        if pending is None:
            return
        if pending.glued:
            number = f"{glued_clause(table, pending.glued)}都大于 0（可能为 {values_text(sorted(pending.values))}）"
        else:
            number = f"为 {fmt(pending.single)}"
        for run, start, end, sentence in completion_claims(report):
            if _EXCEPTED.search(_LAST_YEAR.sub("", sentence)):
                continue  # "另有103件顺延到下年度答复，其余均已办结": not a claim about all
            claim = run.text[start:end]
            yield Finding(f"正文称申请“{claim}”，但表三“{t3.row('carried_forward').label}”行{where}{number}"
                          + inferred_note(pending.inferred),
                          span=run.span_of(start, end), location="正文 / 办结情况",
                          properties={"expected": 0, "found": plain(min(pending.values)), "claim": claim})
            return
