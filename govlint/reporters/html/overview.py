"""The overview and the filter bar, written once every file is in, from counts only.

``Counts`` is all the page keeps while it streams: findings per (rule, severity) as the other
reporters keep them (``Tally``), and per agency and per year the number of reports and of
findings per severity. Findings of run-scope rules (which compare reports with each other)
arrive after every report's section, without their report's facts; they are counted per rule
and severity, and per agency and year under a row of their own rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govlint.reporters.html.markup import attr, text
from govlint.reporters.statistics import SEVERITY_LABELS, Tally, rule_counts, severity_counts, severity_of

SEVERITIES = tuple(SEVERITY_LABELS)
#: agencies listed before the rest are folded into a <details>
TOP_AGENCIES = 30
RUN_SCOPE = "（跨报告检查）"


@dataclass
class Group:
    """One agency's or one year's reports and findings per severity."""

    name: str
    reports: int = 0
    severities: dict = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))

    @property
    def findings(self) -> int:
        return sum(self.severities.values())


class Counts:
    def __init__(self):
        self.tally = Tally()
        self.reports = 0
        self.agencies: dict[str, Group] = {}
        self.years: dict[str, Group] = {}

    def report(self, meta) -> None:
        self.reports += 1
        self._group(self.agencies, meta.agency, meta.agency_name).reports += 1
        self._group(self.years, meta.year, meta.year).reports += 1

    def findings(self, findings, meta=None) -> None:
        """Count ``findings`` of the report ``meta`` (None: run-scope findings)."""
        self.tally.add(findings)
        if meta is None:
            agency = self._group(self.agencies, RUN_SCOPE, RUN_SCOPE)
            year = self._group(self.years, RUN_SCOPE, RUN_SCOPE)
        else:
            agency = self._group(self.agencies, meta.agency, meta.agency_name)
            year = self._group(self.years, meta.year, meta.year)
        for f in findings:
            severity = severity_of(f)
            for group in (agency, year):
                group.severities[severity] = group.severities.get(severity, 0) + 1

    @staticmethod
    def _group(groups, key, name) -> Group:
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(name)
        return group


def overview_html(counts: Counts, files: int) -> str:
    totals = severity_counts(counts.tally)
    rules = rule_counts(counts.tally)
    cards = [("报告", max(files, counts.reports), "reports"), ("问题", len(counts.tally), "findings")]
    cards += [(SEVERITY_LABELS[s], totals[s], f"sev-{s}") for s in SEVERITIES]
    parts = ["<section id=overview aria-labelledby=overview-h><h2 id=overview-h>概览</h2><dl class=cards>"]
    parts += [f"<div class={cls}><dt>{label}</dt><dd>{value}</dd></div>" for label, value, cls in cards]
    parts.append("</dl>")
    if rules:
        parts.append("<h3>按规则</h3><div class=by-rule>" + rule_chart(rules) + _rule_table(rules) + "</div>")
    parts.append("<h3>按单位</h3>" + _group_table(counts.agencies, "单位", "agency", TOP_AGENCIES))
    parts.append("<h3>按年度</h3>" + _group_table(counts.years, "年度", "year", None, by_key=True))
    parts.append("</section>")
    return "".join(parts)


def rule_chart(rules) -> str:
    """A horizontal bar per rule (inline SVG, no script): length proportional to its count."""
    bar_h, gap, label_w, width = 18, 6, 70, 420
    top = max(count for *_rest, count in rules)
    height = len(rules) * (bar_h + gap) + gap
    bars = []
    for i, (code, name, severity, count) in enumerate(rules):
        y = gap + i * (bar_h + gap)
        length = max(2, round((width - label_w - 60) * count / top))
        bars.append(
            f"<g><title>{text(code)} {text(name)}：{count}</title>"
            f"<text x=0 y={y + 13} class=label>{text(code)}</text>"
            f"<rect x={label_w} y={y} width={length} height={bar_h} class=\"bar sev-{attr(severity)}\"></rect>"
            f"<text x={label_w + length + 6} y={y + 13} class=count>{count}</text></g>")
    return (f"<svg class=chart role=img aria-labelledby=chart-t viewBox=\"0 0 {width} {height}\" "
            f"width={width} height={height} xmlns=\"http://www.w3.org/2000/svg\">"
            f"<title id=chart-t>各规则的问题数量</title>{''.join(bars)}</svg>")


def _rule_table(rules) -> str:
    rows = "".join(
        f"<tr><td><span class=set data-set=rule data-value=\"{attr(code)}\">{text(code)}</span></td>"
        f"<td>{text(name)}</td><td class=sev-{attr(sev)}>{text(SEVERITY_LABELS.get(sev, sev))}</td>"
        f"<td class=num>{count}</td></tr>"
        for code, name, sev, count in rules)
    return ("<table class=counts><thead><tr><th>规则</th><th>名称</th><th>级别</th><th>数量</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _group_table(groups: dict, title: str, key: str, top: int | None, by_key: bool = False) -> str:
    if by_key:
        items = sorted(groups.items(), key=lambda kv: (kv[0] == RUN_SCOPE, kv[0]))
    else:
        items = sorted(groups.items(), key=lambda kv: (kv[0] == RUN_SCOPE, -kv[1].findings, kv[1].name))
    head = ("<thead><tr><th>" + title + "</th><th>报告</th><th>问题</th>"
            + "".join(f"<th>{SEVERITY_LABELS[s]}</th>" for s in SEVERITIES) + "</tr></thead>")

    def row(value, group) -> str:
        name = text(group.name)
        cell = name if value == RUN_SCOPE else f"<span class=set data-set={key} data-value=\"{attr(value)}\">{name}</span>"
        return (f"<tr><td>{cell}</td><td class=num>{group.reports}</td><td class=num>{group.findings}</td>"
                + "".join(f"<td class=num>{group.severities.get(s, 0)}</td>" for s in SEVERITIES) + "</tr>")

    shown = items if top is None else items[:top]
    table = f"<table class=counts>{head}<tbody>{''.join(row(k, g) for k, g in shown)}</tbody></table>"
    rest = [] if top is None else items[top:]
    if rest:
        table += (f"<details><summary>其余 {len(rest)} 个{title}</summary><table class=counts>{head}<tbody>"
                  + "".join(row(k, g) for k, g in rest) + "</tbody></table></details>")
    return table


def filters_html(counts: Counts) -> str:
    """The filter bar: hidden until the script shows it (it does nothing without the script)."""
    rules = sorted({(code, name) for code, name, _s, _k in rule_counts(counts.tally)})
    agencies = sorted(((k, g) for k, g in counts.agencies.items() if k != RUN_SCOPE), key=lambda kv: kv[1].name)
    years = sorted(k for k in counts.years if k != RUN_SCOPE)

    def select(name, label, options) -> str:
        opts = "".join(f"<option value=\"{attr(value)}\">{text(shown)}</option>" for value, shown in options)
        return f"<label>{label} <select name={name}><option value=\"\">全部</option>{opts}</select></label>"

    return ("<form id=filters role=search hidden>"
            + select("severity", "级别", [(s, SEVERITY_LABELS[s]) for s in SEVERITIES])
            + select("rule", "规则", [(code, f"{code} {name}") for code, name in rules])
            + select("agency", "单位", [(k, f"{g.name}（{g.reports}）") for k, g in agencies])
            + select("year", "年度", [(y, y) for y in years])
            + "<label>搜索 <input type=search name=q placeholder=\"消息、位置、单位或文件名\"></label>"
            + "<button type=reset>清除筛选</button><output id=shown aria-live=polite></output></form>"
            + "<noscript><p class=note>筛选和搜索需要启用脚本；所有报告和问题都已完整列在下方。</p></noscript>")
