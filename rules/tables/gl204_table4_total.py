from govlint.findings import Finding, Identity, TableCells
from govlint.format import location
from govlint.format import table4 as t4
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from .._arith import TABLE4_PARTS, table4_groups
from .._common import cell_span, fmt, plain, shown
from .._readings import glued_clause, inferred_note, readings_properties, unaffected_note, values_text


class Table4Total(Rule):
    """In some group of table 四, 总计 differs from 维持 + 纠正 + 其他 + 尚未审结.

    What it checks: for each of the three groups (行政复议; 行政诉讼 未经复议直接起诉;
    行政诉讼 复议后起诉), that 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Blank
    cells count as 0; one finding per failing group; a group missing a cell (GL104) is not
    checked. The 15 numbers glued into one run are checked over every reading; a group is
    reported only when no reading balances it.
    No identity between the groups is assumed.

    Why it matters: every case is either decided (维持, 纠正, 其他) or pending, so the total is
    the sum of the four (table layout of 国办公开办函〔2021〕30号). A wrong total misstates how
    many 复议 and 诉讼 the agency faced.

    Failing example: 行政复议 结果纠正=1 and 总计=0 → ``表四“行政复议”：结果维持+结果纠正+
    其他结果+尚未审结=1，总计=0，相差 1``.

    Passing example: 结果纠正=1 and 总计=1.
    """

    code = "GL204"
    name = "table4-total"
    severity = "error"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "表四某组：总计≠结果维持+结果纠正+其他结果+尚未审结"

    def check(self, report, ctx):
        table = report.table("table4")
        if table is None:
            return
        for m in table4_groups(table):
            label = t4.group_label(m.key)
            parts = "+".join(t4.outcome_label(o) for o in TABLE4_PARTS)
            total = t4.outcome_label("total")
            if m.glued and None in (m.expected, m.found):
                message = (f"表四“{label}”：{glued_clause(table, m.glued)}，{parts}（{values_text(m.left)}）"
                           f"都不等于{total}（{values_text(m.right)}）")
            else:
                message = f"表四“{label}”：{parts}={fmt(m.expected)}，{total}={shown(m)}，相差 {fmt(abs(m.difference))}"
            yield Finding(
                message + unaffected_note(table, m) + inferred_note(m.inferred),
                span=cell_span(table, m.key, "total"), location=location("table4", m.key),
                properties={"group": m.key, "expected": plain(m.expected), "found": plain(m.found),
                            "difference": plain(m.difference), "blank": m.blank, **readings_properties(m)},
                cells=TableCells("table4", (Identity(m.left_cells, m.right_cells),), marked=((m.key, "total"),)))
