from govlint.findings import Finding
from govlint.format import table3 as t3
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import checkable, value
import re

from ._claims import completion_claims, sentence_of
from .._common import fmt, plain


#: a sentence that itself mentions applications left for next year, or the rest of them
_EXCEPTED = re.compile(r"下一?年|顺延|继续办理|结转|其余|其他|剩余|另有")


class CompletionClaim(Rule):
    """The prose says every application was handled, while 表三 carries some over to next year.

    What it checks: claims such as 全部办结, 均已办结, 均已按期答复, 均在法定期限内答复,
    办结率100% in the preamble or sections 一 and 三, in a sentence about applications,
    while 表三 四、结转下年度继续办理 (总计) is above 0. "均已按照规定办理" is not a claim that
    all were finished and is not read. Incomplete tables (GL104) are skipped.

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
        if not checkable(table):
            return
        pending = value(table, "carried_forward", "total")
        if not pending:
            return
        for run, start, end in completion_claims(report):
            if _EXCEPTED.search(sentence_of(run.text, start)):
                continue  # "另有103件顺延到下年度答复，其余均已办结": not a claim about all
            claim = run.text[start:end]
            yield Finding(f"正文称申请“{claim}”，但表三{t3.row('carried_forward').label}总计为 {fmt(pending)}",
                          span=run.span_of(start, end), location="正文 / 办结情况",
                          properties={"expected": 0, "found": plain(pending), "claim": claim})
            return
