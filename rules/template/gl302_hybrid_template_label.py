from govlint.format import location
from govlint.format.templates import current_labels, hybrid_labels
from govlint.findings import Finding
from govlint.format.records import TEMPLATES
from govlint.rule import Rule

from ._template import bare


class HybridTemplateLabel(Rule):
    """A 2019-format label inside an otherwise 2021-format table.

    What it checks: in a 表二 that has the 2021 columns (本年制发件数, 本年废止件数, 现行有效件数,
    本年处理决定数量, 本年收费金额), a row label that the 2021 format renamed: ``规范性文件``
    instead of ``行政规范性文件``. One finding per label. Tables entirely in the 2019 format are
    GL301's.

    Why it matters: 国办公开办函〔2021〕30号 renamed the row to match 条例第二十条 and the
    terminology of 行政规范性文件 management; a mixed table shows that an old template was
    patched by hand, and other old rows may be left over.

    Failing example: a 表二 with ``本年制发件数 | 本年废止件数 | 现行有效件数`` and the row
    ``规范性文件``.

    Passing example: the same columns with the row ``行政规范性文件``.
    """

    code = "GL302"
    name = "hybrid-template-label"
    severity = "warning"
    templates = TEMPLATES  # the 2019/2021 format only
    summary = "2021年版表格中混用2019年版标签（如“规范性文件”应为“行政规范性文件”）"

    def check(self, report, ctx):
        table = report.table("table2")
        if table is None:
            return
        labels = table.labels  # a label's span is worked out on demand: read for a finding only
        printed = [bare(label.text) for label in labels]
        renamed = hybrid_labels()
        modern = table.template in ("2021", "hybrid") or any(
            label in current_labels() and label not in renamed.values() for label in printed)
        if not modern:
            return
        seen = set()
        for printed_label, label in zip(labels, printed):
            if label in renamed and label not in seen:
                seen.add(label)
                text, span = printed_label.text, printed_label.span
                correct = renamed[label]
                from govlint.fixes import replace  # imported with the first finding, which carries a fix
                yield Finding(f"表二为2021年版格式，但行标签为2019年版的“{label}”，应为“{correct}”",
                              span=span or table.span, location=location("table2", label),
                              properties={"expected": correct, "found": label},
                              fix=replace(span, text, text.replace(label, correct, 1), f"改为“{correct}”"))
