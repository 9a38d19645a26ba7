from govlint.corpus.facts import span
from govlint.findings import Finding, Severity
from govlint.format import location
from govlint.rule import Rule

from .._arith import _combine
from .._common import plain
from .._readings import values_text
from ._corpus import cell_values, publications

TABLES = ("table3", "table4")


class SummaryMismatch(Rule):
    """A summary report's tables 三 and 四 are not the sum of its parts' reports.

    What it checks: config ``summaries: {PARENT AGENCY: [CHILD AGENCY, …]}`` declares that a
    parent's report sums its children's (a county's report over its towns, a 区's over its
    片区). For each report of a parent agency, with the same year's report of every child in
    the run, each cell of tables 三 and 四 printed by the parent must equal the sum of the
    children's same cell. Names in config are normalised like agency keys (``govlint parse``
    shows them). Cells of glued digit runs are checked over every reading: a cell is reported
    only when no reading of the parent and the children makes the sum hold; a cell that a
    child does not print, or prints as text, is not checked. When children are missing from
    the run, the parent gets one info finding naming them and no cell is compared.

    Why it matters: a summary report that does not add up tells the public and the
    supervising office different numbers than the reports it claims to summarise.

    Failing example: parent 表三 新收 总计 5, children 2 and 2 → ``表三 / 一、本年新收… / 总计：
    汇总报告为 5，下级机关（2 份报告）之和为 4``.

    Passing example: parent 4, children 2 and 2; or no ``summaries`` in the config.
    """

    code = "GL804"
    name = "summary-mismatch"
    severity = "warning"
    scope = "run"
    summary = "汇总报告的表三、表四与所汇总机关报告之和不一致（需配置 summaries）"

    def check_run(self, facts, ctx):
        for parent_key, child_keys in sorted(ctx.summaries.items()):
            children = {key: _by_year(facts.by_agency(key)) for key in child_keys}
            for year, parent in sorted(_by_year(facts.by_agency(parent_key)).items()):
                missing = [key for key in child_keys if year not in children[key]]
                if missing:
                    yield Finding(f"汇总报告：本次检查中没有下级机关 {'、'.join(missing)} 的 {year} 年度报告，"
                                  f"未核对表三、表四的汇总", path=parent["path"], location="表三",
                                  severity=Severity.INFO, span=span(parent, "table3"),
                                  properties={"missing": missing, "year": year})
                    continue
                parts = [children[key][year] for key in child_keys]
                for kind in TABLES:
                    yield from self._cells(parent, parts, kind)

    def _cells(self, parent, parts, kind):
        cells = ((parent.get("tables") or {}).get(kind) or {}).get("cells", {})
        for row, cols in cells.items():
            for col in cols:
                own = cell_values(parent, kind, [((row, col), 1)])
                total = _sum(parts, kind, row, col)
                if own is None or total is None or own.values & total:
                    continue
                glued = own.glued or any(isinstance(_raw(p, kind, row, col), list) for p in parts)
                message = (f"{location(kind, row, col)}：汇总报告为 {values_text(sorted(own.values))}，"
                           f"下级机关（{len(parts)} 份报告）之和为 {values_text(sorted(total))}"
                           + ("（已考虑粘连数字的每种拆分）" if glued else ""))
                yield Finding(message, path=parent["path"], location=location(kind, row, col),
                              span=span(parent, kind, row, col),
                              properties={"table": kind, "row": row, "column": col, "found": plain(own.single),
                                          "sum": plain(next(iter(total))) if len(total) == 1 else None,
                                          "children": [p["path"] for p in parts], "readings": bool(glued)})


def _by_year(records) -> dict:
    """year → the agency's publication for it (the latest when there are several)."""
    out = {}
    for record in publications(records):
        if record.get("year"):
            out[record["year"]] = record
    return out


def _raw(record, kind, row, col):
    return (((record.get("tables") or {}).get(kind) or {}).get("cells", {}).get(row) or {}).get(col)


def _sum(parts, kind, row, col):
    sums = {0}
    for part in parts:
        values = cell_values(part, kind, [((row, col), 1)])
        if values is None:
            return None
        sums = _combine(sums, set(values.values))
        if sums is None:
            return None
    return sums
