"""One finding as an ``<li>``: severity, code and message, where it is (``path:line:col`` and
the logical location), the places that share its cause, and what it points at: the table
excerpt with the wrong cells marked, or else the source line with the span highlighted.

The ``data-`` attributes are what the filters read; the text is what the search box reads.
"""

from __future__ import annotations

from govlint.reporters.html.markup import attr, text
from govlint.reporters.html.table import table_html
from govlint.reporters.statistics import SEVERITY_LABELS, severity_of

#: code points of the source line shown around a span
EXCERPT_WIDTH = 120


def finding_html(f, shown_path: str, source_lines=None) -> str:
    severity = severity_of(f)
    label = SEVERITY_LABELS.get(severity, severity)
    position = f"{shown_path}:{f.line}:{f.column}"
    parts = [
        f"<li class=\"finding sev-{attr(severity)}\" data-severity=\"{attr(severity)}\" data-rule=\"{attr(f.code)}\">",
        f"<p class=head><span class=sev>{text(label)}</span> <code class=rule title=\"{attr(f.name)}\">"
        f"{text(f.code)}</code> <span class=msg>{text(f.message)}</span></p>",
        "<p class=where>",
        f"<span class=loc>位置：{text(f.location)}</span> " if f.location else "",
        f"<code class=pos>{text(position)}</code></p>",
    ]
    related = getattr(f, "related", ())
    if related:
        parts.append("<ul class=related>" + "".join(_related(r) for r in related) + "</ul>")
    table = table_html(getattr(f, "table", None))
    parts.append(table or _source(f, source_lines))
    parts.append("</li>")
    return "".join(parts)


def _related(r) -> str:
    said = r.message or r.location
    label = "" if said.startswith("另见") else "另见："
    where = f" <span class=loc>{text(r.location)}</span>" if r.message and r.location else ""
    line = f"（第 {r.span.line} 行）" if r.span is not None else ""
    return f"<li>{text(label)}{text(said)}{where}{text(line)}</li>"


def _source(f, source_lines) -> str:
    """The source line(s) the span covers, the span in ``<mark>``; "" without a span."""
    if f.span is None:
        return ""
    snippet = f.snippet or (source_lines.around(f.span) if source_lines is not None else "")
    if not snippet:
        return ""
    from govlint.reporters.excerpt import excerpt

    lines = []
    for line in excerpt(snippet, f.span, EXCERPT_WIDTH):
        body = (text(line.text[:line.start]) + f"<mark>{text(line.text[line.start:line.end])}</mark>"
                + text(line.text[line.end:]))
        lines.append(f"<span class=ln>{line.number}</span>{body}")
    return "<pre class=source>" + "\n".join(lines) + "</pre>" if lines else ""


class SourceLines:
    """One file's source lines, read (through ``RunInfo.source``) on the first finding that
    needs them and dropped with the file's section."""

    def __init__(self, source, path: str):
        self.source, self.path, self.lines = source, path, None

    def around(self, span) -> str:
        """The lines from the span's first line (as ``excerpt`` takes them)."""
        if self.lines is None:
            try:
                text_ = self.source(self.path) if self.source is not None else None
            except Exception:  # noqa: BLE001 - an excerpt is a convenience, never a failure
                text_ = None
            self.lines = text_.split("\n") if text_ else []
        return "\n".join(self.lines[span.line - 1:min(span.end_line, span.line + 2)])
