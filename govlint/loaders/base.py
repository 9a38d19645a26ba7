"""The loader interface, and the bounds on what a loader reads of one file (GL006)."""

from __future__ import annotations

from govlint.document import Document

#: grid positions a table may fill: the cells past them are not read (GL006), so that a hostile
#: file costs what a sane one does (a 5 MB line of ``| 1 `` is over a million cells, some 700
#: bytes of model each; a real table 三 has about 300)
MAX_CELLS = 200_000
#: paragraphs and tables an HTML page may hold: the walk stops before the next (GL006), so that a
#: page of a million ``<p>`` costs what its first ones cost (a report has a few hundred)
MAX_BLOCKS = 200_000
#: lines a text or Markdown file may hold: the lines past them are not read (GL006), so that a
#: file of millions of one-character lines costs what a report costs (a report has a few
#: thousand lines; each line read costs its string, a block and a place in the parser's stream)
MAX_LINES = 200_000
#: markup an HTML page may hold: lxml reads the page up to the "<" past this many (GL006), since
#: lxml's tree costs about 300 bytes an element before the walk can stop (a 5 MB page of ``<br>``
#: held 330 MB, a 50 MB one would hold 3 GB); a report has a few thousand tags
MAX_TAGS = 500_000
_CHUNK = 1 << 20


def nth(text, char, n: int, chunk: int = _CHUNK) -> int | None:
    """The offset of the ``n``-th ``char`` (n >= 1) in ``text`` (a str, or bytes with a bytes
    ``char``), None when it holds fewer: one pass of ``count`` a chunk at a time, then halving the
    chunk that holds it (no Python step per occurrence)."""
    size, seen, start = len(text), 0, 0
    while start < size:
        end = min(size, start + chunk)
        here = text.count(char, start, end)
        if seen + here >= n:
            need = n - seen  # the need-th occurrence in [start, end): the smallest end holding it
            while end - start > 1:
                mid = (start + end) // 2
                below = text.count(char, start, mid)
                if below >= need:
                    end = mid
                else:
                    start, need = mid, need - below
            return start
        seen += here
        start = end
    return None


def read_lines(text: str) -> tuple[list[str], int]:
    """The first ``MAX_LINES`` lines of ``text`` (split at line feeds) and how many lines follow them,
    0 when those are blank: nothing there to check (the rest is never split: the file's own size
    bounds the one string it is)."""
    lines = text.split("\n", MAX_LINES)
    if len(lines) <= MAX_LINES:
        return lines, 0
    rest = lines.pop()
    return lines, (rest.count("\n") + 1 if not rest.isspace() and rest else 0)


def _partly_read(what: str, line: int | None, column: int = 1, **properties):
    """GL006: ``what`` was cut at a bound, pointing at ``line`` (none when unknown)."""
    from govlint.findings import Finding
    from govlint.span import Span

    return Finding(f"{what}，其中内容未检查", code="GL006", span=Span.point(line, column) if line else None,
                   properties=properties)


def cut_lines(left_out: int):
    """GL006 for a file whose lines past ``MAX_LINES`` were not read; it points at the first."""
    return _partly_read(f"文件超过 {MAX_LINES} 行，其后的 {left_out} 行未读取", MAX_LINES + 1,
                        limit=MAX_LINES, left_out=left_out)


def cut_blocks(line: int | None):
    """GL006 for a page whose paragraphs and tables past ``MAX_BLOCKS`` were not read; it points
    at the first of them."""
    return _partly_read(f"页面超过 {MAX_BLOCKS} 个段落和表格，其后的内容未读取", line, limit=MAX_BLOCKS)


def cut_markup(line: int, column: int):
    """GL006 for a page read only up to the "<" past ``MAX_TAGS`` of them, at (``line``, ``column``)."""
    return _partly_read(f"页面超过 {MAX_TAGS} 个标签，从此处起的内容未读取", line, column, limit=MAX_TAGS)


def cut_table(line: int | None, left_out: int, spans: bool = False):
    """GL006 for a table whose cells past ``MAX_CELLS`` grid positions were not read (``spans``:
    counted with its row and column spans laid out)."""
    what = "表格展开合并单元格后" if spans else "表格"
    return _partly_read(f"{what}超过 {MAX_CELLS} 格，其后的 {left_out} 个单元格未读取", line,
                        limit=MAX_CELLS, left_out=left_out)


class Loader:
    """Turns the bytes of a file into a Document.

    ``suffixes`` are the file endings the loader claims (lower case, with the dot);
    ``sniff(head)`` may claim files by content when the suffix says nothing. ``load`` must
    not raise for bad input: it returns a Document whose ``problems`` say what is wrong
    (GL001 for unreadable input, GL003 for encoding trouble).
    """

    name: str = ""
    suffixes: tuple[str, ...] = ()
    plugin: str = ""
    #: the file is text whose bytes ``--fix`` may rewrite in place (not Word or PDF)
    fixable: bool = False

    def sniff(self, head: bytes) -> bool:
        return False

    def load(self, path: str, data: bytes) -> Document:  # pragma: no cover - interface
        raise NotImplementedError

    def source_text(self, path: str, data: bytes) -> str:
        """The text that the spans of this file's findings point into (``Document.source``).

        Findings carry spans, not text; a reporter that shows an excerpt asks for the text
        again when it prints. Loaders of text formats override this with their decoding
        alone; the default loads the file again.
        """
        return self.load(path, data).source
