from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from ._claims import QUANTITY_LABELS, stated_numbers, table_values
from .._common import fmt, plain, report_year
from .._readings import glued_clause, inferred_note, values_text


class TextTableMismatch(Rule):
    """A number the prose states about a table quantity differs from the table.

    What it checks: statements such as 受理/收到/新收…申请 N 件, 上年结转 N 件, 结转下年度 N 件,
    予以公开 N 件, 部分公开, 不予公开, 无法提供, 不予处理 N 件, 行政复议 N 件, 行政诉讼 N 件,
    compared with 表三 (总计 column) and 表四. A statement is read only when it is tied to the
    quantity with confidence: the label right before the number, no narrowing word in
    between (其中, 自然人, 网上 …), no other year, comparison or approximation (较上年, 累计,
    20余件) in the sentence; "受理 N 件" is accepted as either 一 or 一+二. A combined count
    ("予以公开及部分公开258件") is compared with （一）+（二）; a count given for a reason "and
    others" ("因本机关不掌握等原因无法提供265件") with the whole group, while a count for one
    reason named alone is not read. An outcome of 表四 (结果维持 N 件) is not its group's total.
    Section 五 (last year's problems) is not read. Each statement needs only the rows it is
    compared with: a row the table lacks stops that comparison, not the others. Cells of a
    glued digit run are compared over every reading, and a statement is reported only when no
    reading gives its number ("无论如何拆分…", with the candidate values). When the 总计
    column and the applicant columns disagree, or "受理" may count the carried-over
    applications too, the number must match none of them, and the message names each.

    Why it matters: the prose and the tables are two views of the same year; 条例第五十条
    requires the report to state them, and a reader trusts whichever she reads. A mismatch
    usually means one was copied from last year's report.

    Failing example: "2023年共受理政府信息公开申请25件" while 表三 一、本年新收 总计 = 20.

    Passing example: the same sentence with 20, or "主动公开政府信息12800余条" (not a table
    quantity; not read).
    """

    code = "GL501"
    name = "text-table-mismatch"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "正文所述数字与统计表不一致"

    def check(self, report, ctx):
        seen = set()
        for statement in stated_numbers(report, report_year(report)):
            readings = table_values(report, statement.quantity)
            if readings is None or any(statement.number in r.sums.values for r in readings):
                continue
            key = (statement.quantity, statement.number)
            if key in seen:
                continue
            seen.add(key)
            yield self._finding(report, statement, readings)

    @staticmethod
    def _finding(report, statement, readings):
        short, where = QUANTITY_LABELS[statement.quantity]
        table = report.table("table4" if statement.quantity in ("review", "litigation") else "table3")
        n = statement.number
        first = readings[0].sums
        if readings[0].what:
            where += f"（{readings[0].what}）"
        if first.single is not None:
            said = f"{where}为 {fmt(first.single)}，相差 {fmt(abs(n - first.single))}"
        else:
            said = f"{where}{glued_clause(table, first.glued)}都不是 {n}（可能为 {values_text(sorted(first.values))}）"
        shown, also, inferred = [first.values], [], list(first.inferred)
        for reading in readings[1:]:
            inferred += [c for c in reading.sums.inferred if c not in inferred]
            if reading.sums.values in shown:
                continue  # the same number said once
            shown.append(reading.sums.values)
            also.append(f"{reading.what}空白（按 0 计）" if reading.blank
                        else f"{reading.what}为 {values_text(sorted(reading.sums.values))}")
        others = f"；{'，'.join(also)}，也{'都' if len(also) > 1 else ''}不相符" if also else ""
        accepted = sorted({v for r in readings for v in r.sums.values})
        return Finding(
            f"正文称“{statement.text.strip()}”（{n}），而{said}{others}" + inferred_note(inferred),
            span=statement.span, location=f"正文 / {short}",
            properties={"quantity": statement.quantity,
                        "expected": plain(first.single) if first.single is not None else [plain(v) for v in sorted(first.values)[:50]],
                        "found": n, "accepted": [plain(v) for v in accepted[:50]]})
