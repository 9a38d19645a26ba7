from __future__ import annotations

from datetime import date

from govlint.api import Finding, Rule
from govlint.lazy_re import lazy_pattern

_MONTH_DAY = lazy_pattern(r"^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$")


class LocalDeadline(Rule):
    """The report was published after the province's own deadline.

    Why it matters: the national rule (条例第四十九条) allows departments until 1月31日 and
    governments until 3月31日, but a province may require its agencies to publish earlier
    so that it can compile its own report in time. This rule checks the local deadline,
    set as ``options: {pv-deadline: "01-20"}`` (month and day in the year after the
    report year). Reports without a publication date or report year are not checked.

    Failing example: a 2023 report published 2024-01-25 with ``pv-deadline: "01-20"``.

    Passing example: the same report published 2024-01-18.
    """

    code = "PV101"
    name = "local-deadline"
    severity = "warning"
    summary = "发布日期晚于本省规定的发布期限"
    # a province's own requirements: run only where a config selects PV
    default_enabled = False

    def check(self, report, ctx):
        meta = report.metadata
        if meta.published is None or meta.year is None:
            return
        raw = ctx.option("pv-deadline", "01-20")
        match = _MONTH_DAY.match(str(raw))
        try:
            deadline = date(meta.year + 1, int(match.group(1)), int(match.group(2))) if match else None
        except ValueError:
            deadline = None
        if deadline is None:
            yield Finding(f"配置选项 pv-deadline 的值 {raw!r} 无效，应为“月-日”（如 01-20）",
                          location="配置 / pv-deadline")
            return
        if meta.published > deadline:
            late = (meta.published - deadline).days
            yield Finding(
                f"发布日期 {meta.published.isoformat()} 晚于本省规定的发布期限 {deadline.isoformat()}"
                f"（{meta.year} 年度报告，逾期 {late} 天）",
                span=meta.title_span, location="元数据 / 发布日期",
                properties={"published": meta.published.isoformat(), "deadline": deadline.isoformat()},
            )
