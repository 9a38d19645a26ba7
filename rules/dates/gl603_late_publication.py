from datetime import date

from govlint.findings import Finding, Severity
from govlint.lazy_re import lazy_pattern
from govlint.rule import Rule

from govlint.normalize import YEAR_NIAN, normalize

from .._common import first_span, has_content, report_year

KINDS = ("government", "department", "township")
KIND_NAMES = {"government": "县级以上人民政府本级年度报告", "department": "政府部门年度报告",
              "township": "乡镇（街道）年度报告"}
#: reports for 2018 and earlier fell under 条例（2007年）第三十一条: every agency by 3月31日
LAST_YEAR_2007_RULES = 2018
OLD_DEADLINE = (3, 31)
_DEADLINE = lazy_pattern(r"^(\d{1,2})-(\d{1,2})$")
#: agency names by kind (``infer_kind``)
_TOWNSHIP = lazy_pattern(r"(乡|镇)人民政府|街道办事处|(乡|镇|街道|苏木)(党委|政府|办事处)?$")
_DEPARTMENT = lazy_pattern(r"(局|委|委员会|办|办公室|办公厅|厅|中心|院|所|站|队|馆|部|处|署|会|社|台|集团|公司)$")
_AREA = lazy_pattern(r"(省|市|县|区|州|盟|旗|自治区|自治州|自治县|实验区|新区|开发区)$")
_YEAR_IN_TITLE = YEAR_NIAN


def agency_name(report) -> str:
    """The agency as printed: the parser's, else the title up to the year."""
    meta = report.metadata
    if meta.agency:
        return meta.agency
    title = meta.title or ""
    match = _YEAR_IN_TITLE.search(title)
    return title[:match.start()] if match else ""


def infer_kind(name: str) -> str | None:
    """government / department / township from an agency name, None when unclear."""
    n = normalize(name or "")
    if not n:
        return None
    if _TOWNSHIP.search(n):
        return "township"
    if n.endswith("人民政府"):
        return "government"
    if _DEPARTMENT.search(n):
        return "department"
    if _AREA.search(n):
        return "government"  # an area's own summary report, published for its government
    return None


class LatePublication(Rule):
    """The report was published after the deadline for its kind of agency.

    What it checks: the publication date (page metadata such as ``发布日期``) against a
    deadline in the year after the report year. The agency kind is inferred from the title or
    agency name, and can be set with the ``agency-kind`` option:

    - ``government``: a 县级以上人民政府's own report (the title names the 人民政府 itself, or
      only the area, e.g. ``壶关县人民政府2023年…``): 3月31日 (条例第四十九条);
    - ``department``: a department of a 人民政府 (局, 委, 办, 中心, …, also 人民政府办公室):
      1月31日 (条例第四十九条);
    - ``township``: a 乡镇人民政府 or 街道办事处: 3月31日 by default. 第四十九条 does not name
      townships; local notices set their deadlines (怀化, for instance, had county
      departments and townships compiled by 2月20日), and the county government's report,
      which includes theirs, is due by 3月31日, so the latest date the statute allows is the
      default and provinces can tighten it.

    When the kind cannot be inferred the most lenient configured deadline is used. Reports
    without a publication date are not checked. Reports for 2018 and earlier were due by
    3月31日 whatever the agency (条例（2007年）第三十一条); the options do not apply to them.

    Why it matters: the deadlines are statutory (条例第四十九条); late publication is one of
    the failures a supervising office reports (第四十七条).

    Failing example: a 局's 2023 report published 2024-02-20.

    Passing example: ``壶关县人民政府2023年政府信息公开工作年度报告`` published 2024-02-20 (a
    government's own report: due 2024-03-31).

    Options: ``agency-kind`` (``auto``, ``government``, ``department``, ``township``; default
    ``auto``), ``deadline-government`` (default ``"03-31"``), ``deadline-department``
    (default ``"01-31"``), ``deadline-township`` (default ``"03-31"``); deadlines are
    ``MM-DD`` in the year after the report year. Example in ``.govlint.yaml``::

        options:
          agency-kind: department
          deadline-township: "02-20"
    """

    code = "GL603"
    name = "late-publication"
    severity = "warning"
    summary = "发布日期晚于法定期限（部门1月31日，县级以上人民政府本级报告3月31日，可配置）"
    options = {"agency-kind": "auto", "deadline-government": "03-31",
               "deadline-department": "01-31", "deadline-township": "03-31"}

    def validate_option(self, key, value):
        if key == "agency-kind" and str(value).strip() not in KINDS + ("auto",):
            return "应为 auto、government、department 或 township"
        if key.startswith("deadline-") and _parse_deadline(value) is None:
            return "应为 MM-DD（如 03-31）"
        return None

    def check(self, report, ctx):
        deadlines, errors = {}, []
        for kind in KINDS:
            key = f"deadline-{kind}"
            raw = str(ctx.option(key, self.options[key]))
            deadlines[kind] = _parse_deadline(raw)
            if deadlines[kind] is None:
                errors.append(f"选项 {key} 的值“{raw}”无效，应为 MM-DD（如 03-31）")
        chosen = str(ctx.option("agency-kind", "auto") or "auto").strip()
        if chosen not in KINDS + ("auto",):
            errors.append(f"选项 agency-kind 的值“{chosen}”无效，应为 auto、government、department 或 township")
        if errors:
            yield Finding("；".join(errors) + "，未检查发布期限", location="配置 / GL603",
                          severity=Severity.WARNING, properties={"problem": "option"})
            return
        if not has_content(report):
            return  # GL002 covers a file that is not a report
        meta = report.metadata
        published = meta.published or (report.document.published if report.document else None)
        year = report_year(report)
        if published is None or year is None:
            return
        kind = chosen if chosen != "auto" else infer_kind(agency_name(report))
        if year <= LAST_YEAR_2007_RULES:
            month, day = OLD_DEADLINE
            what = "条例（2007年）第三十一条，各级行政机关"
        elif kind is None:
            month, day = max(deadlines.values())
            what = "机关类型无法判断，按最宽的期限"
        else:
            month, day = deadlines[kind]
            what = KIND_NAMES[kind]
        try:
            deadline = date(year + 1, month, day)
        except ValueError:  # 02-29 in a common year
            deadline = date(year + 1, month, 28)
        if published <= deadline:
            return
        late = (published - deadline).days
        yield Finding(f"发布日期 {published.isoformat()} 晚于期限 {deadline.isoformat()}（{what}：次年{month}月{day}日前），"
                      f"逾期 {late} 天",
                      span=meta.title_span or first_span(report), location="发布日期",
                      properties={"expected": deadline.isoformat(), "found": published.isoformat(),
                                  "kind": kind, "days_late": late})


def _parse_deadline(raw) -> tuple[int, int] | None:
    """``"03-31"`` → (3, 31); None when it is not a real month-day (02-29 allowed)."""
    match = _DEADLINE.match(str(raw).strip())
    if not match:
        return None
    month_day = (int(match.group(1)), int(match.group(2)))
    try:
        date(2000, *month_day)  # a leap year
    except ValueError:
        return None
    return month_day
