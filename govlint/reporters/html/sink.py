"""The page written as the run goes: the head first, one ``<section>`` per report as soon as
its file is done, the overview and the filters last (see the package docstring)."""

from __future__ import annotations

from hashlib import sha1

from govlint.reporters.base import Sink
from govlint.reporters.html import page
from govlint.reporters.html.finding import SourceLines, finding_html
from govlint.reporters.html.markup import attr, text
from govlint.reporters.html.meta import report_meta
from govlint.reporters.html.overview import Counts, filters_html, overview_html
from govlint.reporters.paths import display_relative
from govlint.reporters.sanitize import safe_write
from govlint.reporters.statistics import summary_line


def section_id(path: str) -> str:
    """A report's anchor, derived from its path alone, so that run-scope findings arriving
    later can link to their report without the page remembering every path."""
    return "r-" + sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class HtmlSink(Sink):
    """``file(path, facts)`` announces a report, ``add`` brings its findings; a group whose
    path is not the announced report's comes from run-scope rules."""

    def __init__(self, reporter, info, out):
        super().__init__(reporter, info, out)
        self.counts = Counts()
        self.pending: tuple[str, dict | None] | None = None
        self.announced = False
        safe_write(out, page.head(info))

    def file(self, path, facts) -> None:
        self._flush()
        self.announced = True
        self.pending = (path, facts)

    def add(self, findings):
        if self.pending is not None and (not findings or findings[0].path == self.pending[0]):
            path, facts = self.pending
            self.pending = None
            self._report(path, facts, findings)
        elif findings and self.announced:
            self._flush()
            self._run_scope(findings)
        elif findings:  # a runner that announces no file: each group is one report
            self._report(findings[0].path, None, findings)

    def close(self):
        self._flush()
        safe_write(self.out, page.tail(overview_html(self.counts, self.info.files), filters_html(self.counts)))

    def _flush(self) -> None:
        """Write the announced report that got no findings."""
        if self.pending is not None:
            path, facts = self.pending
            self.pending = None
            self._report(path, facts, [])

    # -- sections ---------------------------------------------------------------------------
    def _report(self, path: str, facts, findings) -> None:
        meta = report_meta(path, facts)
        self.counts.report(meta)
        self.counts.findings(findings, meta)
        shown = display_relative(path, self.info.root)
        anchor = section_id(path)
        fields = [("文件", f"<code>{text(shown)}</code>"), ("单位", text(meta.agency_name)), ("年度", text(meta.year))]
        fields += [(label, text(value)) for label, value in
                   (("模板", meta.template), ("发布日期", meta.published)) if value]
        parts = [
            f"<section class=report id={anchor} data-agency=\"{attr(meta.agency)}\" data-year=\"{attr(meta.year)}\">",
            f"<h2><a href=\"#{anchor}\">{text(meta.title or shown)}</a></h2><dl class=meta>",
            "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in fields),
            "</dl>",
        ]
        if findings:
            parts.append(f"<p class=summary>{text(summary_line(1, findings).split('，', 1)[1])}</p>")
            parts.append(self._findings(path, shown, findings))
        else:
            parts.append("<p class=clean>未发现问题</p>")
        parts.append("</section>\n")
        safe_write(self.out, "".join(parts))

    def _run_scope(self, findings) -> None:
        self.counts.findings(findings)
        path = findings[0].path
        shown = display_relative(path, self.info.root)
        anchor = section_id(path)
        safe_write(self.out, (
            f"<section class=\"report run-scope\" data-for={anchor}><h2>跨报告检查："
            f"<a href=\"#{anchor}\">{text(shown)}</a></h2>" + self._findings(path, shown, findings) + "</section>\n"))

    def _findings(self, path, shown, findings) -> str:
        lines = SourceLines(self.info.source, path)
        return "<ol class=findings>" + "".join(finding_html(f, shown, lines) for f in findings) + "</ol>"
