from __future__ import annotations

from govlint.api import Finding, Paragraph, Rule, Span

DEFAULT_WORDING = {
    "政府信息公开年度报告": "政府信息公开工作年度报告",
    "政府信息公开处理费": "政府信息公开信息处理费",
}


def _occurrences(text: str, bad: str, good: str):
    """Start offsets of ``bad`` in ``text`` that are not part of an occurrence of ``good``."""
    covered = set()
    start = text.find(good) if good else -1
    while start != -1:
        covered.update(range(start, start + len(good)))
        start = text.find(good, start + 1)
    start = text.find(bad)
    while start != -1:
        if start not in covered:
            yield start
        start = text.find(bad, start + len(bad))


class PreferredWording(Rule):
    """The report uses a wording the province asks to replace.

    Why it matters: the province's 公开办 publishes a list of preferred terms so that the
    reports of all its agencies read alike and cite names correctly (for example the full
    title 政府信息公开工作年度报告, or 信息处理费 as named in 国办函〔2020〕109号).

    Option: ``pv-wording``, a mapping from the discouraged wording to the preferred one.
    The report's paragraphs and its title (also when the title is page chrome) are checked;
    an occurrence that is part of the preferred wording itself is not reported.

    Failing example: 本机关2023年政府信息公开年度报告 (expected 政府信息公开工作年度报告).

    Passing example: 本机关2023年政府信息公开工作年度报告.
    """

    code = "PV301"
    name = "preferred-wording"
    severity = "info"
    summary = "使用了本省建议替换的用语"
    # a province's own requirements: run only where a config selects PV
    default_enabled = False
    options = {"pv-wording": dict(DEFAULT_WORDING)}

    def check(self, report, ctx):
        wording = ctx.option("pv-wording", DEFAULT_WORDING)
        source_lines = report.document.source.split("\n") if report.document.source else []
        counts: dict[str, int] = {}
        paragraphs = list(report.document.paragraphs())
        title = report.metadata.title
        # Page chrome (a 标题: line, <title>) is not among the paragraphs; the title still counts.
        if title and not any(title in p.text for p in paragraphs):
            paragraphs.insert(0, Paragraph(title, span=report.metadata.title_span))
        for paragraph in paragraphs:
            for bad, good in wording.items():
                for offset in _occurrences(paragraph.text, str(bad), str(good)):
                    counts[bad] = counts.get(bad, 0) + 1
                    yield Finding(
                        f"建议将“{bad}”改为“{good}”",
                        span=_locate(paragraph, offset, str(bad), source_lines),
                        location=f"用语 / {bad} / 第{counts[bad]}处",
                        properties={"found": str(bad), "preferred": str(good)},
                    )


def _locate(paragraph, offset: int, phrase: str, lines: list[str]) -> Span | None:
    """The phrase's exact position when the paragraph sits on one source line, else the paragraph's."""
    span = paragraph.span
    if span is None or span.line != span.end_line or span.line > len(lines):
        return span
    line = lines[span.line - 1]
    column = span.column - 1 + offset
    if line[column:column + len(phrase)] != phrase:
        # The loader re-spaced the text: search from where the paragraph starts.
        column = line.find(phrase, max(0, span.column - 1))
    if column == -1:
        return span
    return Span(span.line, column + 1, span.line, column + 1 + len(phrase))
