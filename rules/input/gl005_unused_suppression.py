from govlint.rule import Rule


class UnusedSuppression(Rule):
    """A suppression directive that suppressed nothing in this file (off by default).

    Why it matters: a directive left behind after the report was corrected would silently
    hide the same mistake next year. Enable it with ``--report-unused-suppressions`` (or
    select GL005). Codes whose rules did not run (not selected, or rules that compare reports
    with each other) are not called unused. A directive cannot hide this finding itself.

    Failing example: ``<!-- govlint: disable=GL203 -->`` in a report whose table 三 rows all
    add up → 抑制指令“…”没有抑制任何 GL203 问题，可以删除.

    Passing example: the same directive in a report where a GL203 finding is suppressed by it.
    """

    code = "GL005"
    name = "unused-suppression"
    severity = "info"
    summary = "抑制指令没有抑制任何问题（默认关闭）"
    default_enabled = False
