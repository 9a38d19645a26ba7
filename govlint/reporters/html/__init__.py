"""``--format html``: one self-contained Chinese page that a supervising office can open offline.

The page is written as the run goes: each report's section as soon as that file is done, then,
once every file is in, the overview (counts per severity, rule, agency and year, a chart) and
the filter bar, which the stylesheet shows above the reports (``order`` in a flex column). So
memory holds counts, never findings, and a run of 10,000 reports streams like any other format.
Everything is inline (stylesheet, script, SVG chart) and the page's Content-Security-Policy
forbids every request, so it opens the same from a USB stick on an offline machine. Without
scripts every section is still there and readable; the script only adds the filters and the
search box. docs/output.md explains the layout and why it is one page.
"""

from __future__ import annotations

from govlint.reporters.base import Reporter


class HtmlReporter(Reporter):
    name = "html"
    summary = "one self-contained Chinese HTML page: overview, chart, filters, each report's tables"

    def open(self, info, out):
        from govlint.reporters.html.sink import HtmlSink

        return HtmlSink(self, info, out)
