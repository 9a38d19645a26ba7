from govlint.findings import Finding
from govlint.rule import Rule

from .._common import first_span, has_content, report_year, title_year
from ._dates import dominant_other_year, own_figure_years, sentence_at


def _day(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class YearMismatch(Rule):
    """The title year, the statistical period and the body disagree on the report year.

    What it checks: (1) the year in the title against the statistical period (and the
    period's start against its end); (2) the year the parser settled on against the title's;
    (3) the publication date against the end of the report year (a report cannot be
    published before its year is over); (4) the preamble and section 一 against the report
    year: they must name it at least once when they name a year at all. Years in cited
    titles (《2022年政务公开工作要点》), spans (2019年以来) and comparisons (较2022年) are
    ignored, as are sections 五 and 六, where last year's problems and next year's plans
    are reported on purpose, and the improvements on last year's problems (2022年存在问题的
    改进情况); (5) the year given to the report's own figures anywhere but 五 and 六: a year
    right before 制作、获取政府信息总数, 主动公开政府信息 N 条 or 收到/受理…申请, in a sentence
    that names neither the report year nor a carry-over or comparison (one finding for the
    first such statement).

    Why it matters: 条例第四十九条/第五十条 ask for a report on one calendar year; the period
    is 1月1日 to 12月31日 of that year (DB51/T 2660—2019 §2.1). A report whose title, period
    and body name different years is usually last year's report with the title changed.

    Failing example: title ``2023年政府信息公开工作年度报告``, period ``2022年1月1日至2022年12月31日``.

    Failing example (5): a 2025 report whose section 二 says ``2024年制作、获取政府信息总数467条``.

    Passing example: title 2023, period 2023年1月1日至12月31日, section 一 ``2023年，我县…``,
    section 五 ``针对2022年存在问题…``, section 三 ``受理申请20件，较2022年减少5件``.
    """

    code = "GL601"
    name = "year-mismatch"
    severity = "error"
    summary = "标题年度、统计期限与正文年度不一致"

    def check(self, report, ctx):
        if not has_content(report):
            return  # GL002 covers a file that is not a report
        meta = report.metadata
        titled = title_year(report)
        period = meta.period
        year = report_year(report)
        if period is not None:
            if period.start.year != period.end.year:
                yield Finding(f"统计期限“{_day(period.start)}至{_day(period.end)}”跨越两个年度，应为同一年的1月1日至12月31日",
                              span=period.span, location="报告年度 / 统计期限",
                              properties={"expected": period.end.year, "found": period.start.year})
            elif titled is not None and titled != period.end.year:
                yield Finding(f"标题年度为{titled}年，统计期限为{_day(period.start)}至{_day(period.end)}，年度不一致",
                              span=period.span or meta.title_span, location="报告年度 / 标题与统计期限",
                              properties={"expected": titled, "found": period.end.year})
        period_year = period.end.year if period is not None else None
        if meta.year and titled is not None and meta.year != titled and meta.year != period_year:
            yield Finding(f"标题年度为{titled}年，但报告其他部分表明为{meta.year}年度",
                          span=meta.title_span, location="报告年度 / 标题",
                          properties={"expected": titled, "found": meta.year})
        published = meta.published or (report.document.published if report.document else None)
        if year is not None and published is not None and published.year <= year:
            yield Finding(f"报告年度为{year}年，发布日期{published.isoformat()}却早于该年度结束",
                          span=meta.title_span or first_span(report), location="报告年度 / 发布日期",
                          properties={"expected": f">{year}-12-31", "found": published.isoformat()})
        if year is not None:
            other = dominant_other_year(report, year)
            reported = None
            if other is not None:
                found, (_, run, start, end) = other
                reported = (run, start)
                where = "前言" if run.section is None else "总体情况"
                yield Finding(f"报告年度为{year}年，但{where}中所述年度为{found}年，未提及{year}年",
                              span=run.span_of(start, end), location="报告年度 / 正文",
                              properties={"expected": year, "found": found})
            figures = [m for m in own_figure_years(report, year) if (m[1], m[2]) != reported]
            if figures:
                found, run, start, end = figures[0]
                statement = sentence_at(run.text, start)
                yield Finding(f"报告年度为{year}年，但正文以{found}年陈述本报告的统计数字：“{statement}”",
                              span=run.span_of(start, end), location="报告年度 / 统计数字",
                              properties={"expected": year, "found": found,
                                          "mentions": len(figures)})
