"""The plain way to locate text and cell tags in HTML source, the oracle of the fast one.

The whole markup is scanned first, one ``_MARKUP`` match per tag, comment or raw-text
element; every lookup steps from segment to segment (the text between two matches), finding
its place again by bisection at each step, as the locator was first written. The fast
``SourceLocator`` skips whole runs of markup and blanks with one match and counts markup only
near the step limit; both must give the same answer to every question, give-ups included.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from contextlib import contextmanager

from govlint.loaders.html import source as html_source


class PlainLocator(html_source.SourceLocator):
    """``locate`` and ``locate_cell`` over a list of every markup match."""

    def __init__(self, source: str, scan_all: bool = False, line_index=None):
        super().__init__(source, line_index=line_index)
        spans = [m.span() for m in html_source._MARKUP.finditer(source)]
        self._mstarts = [a for a, _ in spans]
        self._mends = [b for _, b in spans]
        self._cells = [span for span in spans if html_source._CELL_TAG.match(source, span[0])]

    def reach(self, stop):
        """The notes answered one at a time: an element's line moves the cursor up to its
        start, then ``locate`` or ``locate_cell`` answers (the fast locator writes both out in
        one loop)."""
        found, line_starts = self.found, self.line_index.starts()  # all of them: the plain way
        for k in range(len(found), stop):
            text = self.texts[k]
            if text is None:
                found.append(self.locate_cell())
                continue
            line = self.lines[k]
            if line and 1 <= line <= len(line_starts):
                self.cursor = max(self.cursor, line_starts[line - 1])
            found.append(self.locate(text))
        return found

    def locate(self, text):
        text = text.strip()
        if not text:
            return None
        source, pos, nonblank = self.source, self.cursor, 0
        for _ in range(html_source._MAX_STEPS):
            i = bisect_right(self._mstarts, pos) - 1
            if i >= 0 and self._mends[i] > pos:
                pos = self._mends[i]
            if pos >= len(source):
                return None
            j = bisect_left(self._mstarts, pos)
            seg_end = self._mstarts[j] if j < len(self._mstarts) else len(source)
            start = self._skip_blank(pos, seg_end)
            if start < seg_end:
                if source.startswith(text, start):
                    self.cursor = start + len(text)
                    return start, self.cursor
                if source[start] == text[0] or source[start] == "&":
                    end = self._rstrip_blank(start, seg_end)
                    self.cursor = max(end, start + 1)
                    return start, self.cursor
                nonblank += 1
                if nonblank >= html_source._MAX_SEGMENTS:
                    return None
            pos = seg_end
        return None

    def locate_cell(self):
        i = bisect_left([a for a, _ in self._cells], self.cursor)
        if i >= len(self._cells):
            return None
        start, end = self._cells[i]
        self.cursor = end
        return start, end


@contextmanager
def plain_loading():
    """``load_html`` locating with ``PlainLocator`` (use with ``eager=True``)."""
    saved = html_source.SourceLocator
    html_source.SourceLocator = PlainLocator
    try:
        yield
    finally:
        html_source.SourceLocator = saved
