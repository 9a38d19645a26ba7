from govlint.findings import Finding, Identity, TableCells
from govlint.format import location
from govlint.format.table3 import column_label
from govlint.rule import Rule

from .._common import cell_span, fmt
from .._readings import glued_clause, inferred_note, values_text
from ._related import failures

_IDENTITIES = (
    ("GL201", "第一项+第二项与第三项（七）总计+第四项"),
    ("GL202", "（七）总计与第三项（一）至（六）各项之和"),
)


class Table3MisassignedApplicant(Rule):
    """Two applicant columns of table 三 fail the same identity by +k and −k while 总计 balances.

    What it checks: the column identities of GL201 (一 + 二 = （七）总计 + 四) and GL202
    (（七）总计 = the result items). When exactly two applicant columns fail one of them, by
    +k and −k, and the 总计 column balances, one finding replaces the pair's two GL201 (or
    GL202) findings: k applications appear to be counted in the wrong applicant column. Over
    glued cells the two differences must cancel under every reading (k may then depend on the
    reading, and the finding lists what it can be, "无论如何拆分…"), and the 总计 column must
    balance under some reading.

    Why it matters: the most common cause of such a pair is one application recorded under
    商业企业 in one row and under 自然人 in another; naming both columns tells the office
    where to look, where two separate balance errors would suggest two mistakes.

    Failing example: 自然人 一=10, 结果=9; 商业企业 一=0, 结果=1; 总计 一=10, 结果=10 →
    ``表三“自然人”列与“商业企业”列：…似有 1 件申请计入了错误的申请人列``.

    Passing example: 自然人 一=10, 结果=10; 商业企业 一=0, 结果=0.
    """

    code = "GL207"
    name = "table3-misassigned-applicant"
    severity = "error"
    summary = "表三两个申请人列的勾稽差额一正一负、总计列平衡：申请似计入了错误的申请人列"

    def check(self, report, ctx):
        table = report.table("table3")
        if table is None:
            return
        found = failures(report)
        for replaced, identity in _IDENTITIES:
            failing, pairs = found[replaced]
            by_column = {m.key: m for m in failing}
            for plus, minus, k in pairs:
                a, b = column_label(plus), column_label(minus)
                n = fmt(k.single) if k.single is not None else "k"
                glued = f"（{glued_clause(table, k.glued)}，k 可能为 {values_text(sorted(k.values))}）" \
                    if k.single is None else ""
                yield Finding(
                    f"表三“{a}”列与“{b}”列：{identity}分别相差 +{n} 和 −{n}{glued}，而总计列平衡，"
                    f"似有 {n} 件申请计入了错误的申请人列（“{a}”列多计、“{b}”列少计，或相反）"
                    + inferred_note(k.inferred),
                    span=cell_span(table, "total", plus),
                    location=f"{location('table3', column=plus)}、{column_label(minus)}",
                    properties={"identity": replaced, "columns": [plus, minus],
                                "difference": k.single if k.single is not None else sorted(k.values)},
                    cells=TableCells("table3", tuple(Identity(by_column[c].left_cells, by_column[c].right_cells)
                                                     for c in (plus, minus)),
                                     marked=(("total", plus), ("total", minus))))
