"""No step of a check does work that grows faster than its input.

Wall time on a shared machine says little, so these tests count work: the function calls the
interpreter makes (cProfile's call counts, generator resumptions included), for an input of
size n and one of size 4n. Linear work gives a ratio near 4; the quadratic paths these tests
were written for gave about 16 (a label hit tested against every heading, a clause searched
anew for each statement of a long sentence, a sentence looked up again in its whole run for
each completion claim). Work inside one regular-expression call or substring search is not
counted by the profiler: substring searches are counted by a string that tallies what they
pass over, and the patterns that scan whole texts are held to a structural bound (each place
the engine starts from costs at most a fixed amount of work).
"""

from __future__ import annotations

import cProfile
import pstats
import re
from pathlib import Path

import pytest

from govlint import testing
from govlint.document import Document, Paragraph
from govlint.parser.sections import split_headings
from govlint.parser.stream import Stream
from govlint.parser.tables import find_tables
from govlint.report import Report, Section
from govlint.span import Span
from govlint_rules import _common
from govlint_rules.claims import _claims
from govlint_rules.claims.gl502_completion_claim import CompletionClaim
from govlint_rules.dates import _dates

REAL = Path(__file__).resolve().parent / "fixtures" / "corpus"  # copies of ../shared/corpus/real
#: 4x the input may cost at most this many times the work (linear: 4; quadratic: 16)
LINEAR = 5.0


def calls(fn, *args) -> int:
    """How many calls the interpreter makes running ``fn(*args)``: a count of work done."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        fn(*args)
    finally:
        profile.disable()
    return sum(stat[1] for stat in pstats.Stats(profile).stats.values())


def growth(work, n: int) -> float:
    """Work for 4n over work for n, with what a size-0 input costs taken off both."""
    work(1)  # first use compiles patterns and fills caches
    base = work(0)
    return (work(4 * n) - base) / max(1, work(n) - base)


def _document(texts: list[str]) -> Document:
    blocks = [Paragraph(text, Span(i + 1, 1, i + 1, len(text) + 1)) for i, text in enumerate(texts)]
    return Document(path="r.txt", format="text", blocks=blocks)


def _report(texts: list[str], key: str = "overview") -> Report:
    document = _document(texts)
    section = Section(1, key, "一、总体情况", "\n".join(texts), None, list(document.blocks))
    return Report(path="r.txt", format="text", document=document, sections=[section])


# -- the three paths of the robustness issue ------------------------------------------------
def test_label_hits_are_tested_against_the_headings_in_linear_work():
    """Many headings and many table labels: each hit used to scan every heading."""
    def work(k):
        texts = ["一、总体情况", "予以公开 部分公开 不予公开 无法提供 不予处理"] * k
        stream = Stream(_document(texts or ["正文"]), splitter=split_headings)
        return calls(find_tables, stream)

    assert growth(work, 150) <= LINEAR


def test_headings_are_looked_for_beside_many_regions_in_linear_work():
    """Many pieces and many table regions: each piece used to be tested against every region."""
    from govlint.parser.sections import find_headings

    def work(k):
        texts = ["一、总体情况", "正文。", "表格"] * k
        stream = Stream(_document(texts or ["正文"]), splitter=split_headings)
        regions = [(p.start, p.end) for p in stream.pieces if p.text == "表格"]
        return calls(find_headings, stream, regions)

    assert growth(work, 150) <= LINEAR


def test_a_run_of_blank_cells_is_read_once_by_the_heading_candidates():
    """The scan for pieces that may hold a heading: an attempt from a piece break reads that
    piece's leading white space only, never into the next piece, so a long run of blank cells
    (each a break) is read once, not once per break."""
    from govlint.parser.sections import _OPENS_PIECE, heading_candidates

    assert _OPENS_PIECE.match("\x1f \x1f一") is None
    assert _OPENS_PIECE.search("\x1f \x1f  ## 第 一").start(1) == 10
    blank = "\x1f  " * 2000
    assert heading_candidates(blank + "\x1f一、总体情况") == [len(blank) + 1]


def test_a_stream_of_many_cut_pieces_and_its_prose_cost_linear_work():
    """Many pieces a heading cuts, table cells between them, and the prose read around the
    tables: the runs of whole pieces between cuts are taken over once, and prose passes over
    each region's cells at once."""
    from govlint.parser import _prose

    def work(k):
        texts = ["正文。一、总体情况正文", "表格", "12", "表格", "正文。二、主动公开政府信息情况"] * k
        document = _document(texts or ["正文"])
        stream = Stream(document, splitter=split_headings)
        regions = [(stream.starts[i], stream.starts[i] + len(t)) for i, t in enumerate(stream.texts) if t == "表格"]
        regions = [(a, b) for (a, _), (_, b) in zip(regions[::2], regions[1::2])][:3]
        return calls(lambda: Stream(document, splitter=split_headings)) + \
            calls(lambda: list(_prose(stream, 0, len(stream.text), regions)))

    assert growth(work, 150) <= LINEAR


@pytest.mark.parametrize("statement", ["本年受理政府信息公开申请5件，", "予以公开3件，不予公开1件，因不掌握无法提供2件，"])
def test_statements_of_one_long_sentence_cost_linear_work(statement):
    """One sentence full of statements: each used to search the sentence up to itself."""
    def work(k):
        report = _report([statement * k + "。"])
        return calls(_claims.stated_numbers, report, None)

    assert growth(work, 150) <= LINEAR


def test_completion_claims_of_one_long_run_cost_linear_work():
    """A long run of excepted completion claims: each used to look its sentence up again."""
    table = testing.parse_file(REAL / "2024_pingtan_jsp.txt").table("table3")
    table.cells[("carried_forward", "total")].value = 1  # the rule reads the claims only then

    def work(k):
        report = _report(["申请均已办结，其余结转下年度；" * k + "正文。"])
        report.tables = {"table3": table}
        assert len(list(_claims.completion_claims(report))) == k
        return calls(lambda: list(CompletionClaim().check(report, None)))

    assert growth(work, 150) <= LINEAR


class _Searched(str):
    """A string that counts the characters its substring searches pass over (left to right,
    up to the match or the end): the work of ``in`` and ``find``, which no profiler sees."""

    passed = 0

    def _count(self, sub: str, start: int) -> int:
        at = str.find(self, sub, start)
        _Searched.passed += (len(self) if at == -1 else at) - start + len(sub)
        return at

    def find(self, sub, start=0, *end):
        assert not end
        return self._count(sub, start)

    def __contains__(self, sub) -> bool:
        return self._count(sub, 0) != -1


def test_a_preamble_of_many_blocks_costs_linear_search_work():
    """Many paragraphs before the first heading: each used to be searched for in the whole
    preamble, from its start."""
    def work(k):
        texts = [f"前言第{i}段，本机关依法公开政府信息。" for i in range(k)]
        document = _document(texts)
        section = Section(1, "overview", "一、总体情况", "正文", Span(k + 1, 1, k + 1, 7), [])
        report = Report(path="r.txt", format="text", document=document, sections=[section],
                        preamble=_Searched("\n".join(texts)))
        _Searched.passed = 0
        assert len(_common.prose(report)) == k + 1
        return _Searched.passed

    assert growth(work, 200) <= LINEAR


class _Read(str):
    """A string that counts the characters handed out by slicing, splitting and counting."""

    read = 0

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        _Read.read += len(part)
        return part

    def split(self, *args):
        _Read.read += len(self)
        return str.split(self, *args)


def test_spans_of_many_findings_in_one_run_cost_linear_work():
    """A long run with a finding every few characters: each span used to read the run up to it."""
    def work(k):
        text = _Read("受理申请12件，\n" * k)
        run = _common.Prose(text, Span(1, 1, k + 1, 1), None)
        _Read.read = 0
        spans = [run.span_of(9 * i, 9 * i + 6) for i in range(k)]
        assert spans[-1] == Span(k, 1, k, 7) if k else not spans
        return _Read.read + k

    assert growth(work, 200) <= LINEAR


def _widest(pattern: re.Pattern) -> int:
    """The most characters a match can span (``re``'s own parser computes it)."""
    parser = getattr(re, "_parser", None)
    if parser is None:  # Python < 3.11
        import sre_parse as parser
    return parser.parse(pattern.pattern).getwidth()[1]


def test_the_period_span_costs_bounded_work_per_start():
    """A long white-space run: the pattern used to retry its leading ``\\s*`` from every
    character of it. With every gap bounded, one start costs a bounded amount of work, so a
    search is linear in the text."""
    assert _widest(_dates._PERIOD_SPAN) <= 300


def test_no_statement_pattern_starts_inside_a_digit_run():
    """A long run of digits: a pattern that starts with the number used to be retried from
    every digit, rescanning the rest of the run each time."""
    text = "12件结转下年度" + "上年结转12件" + "受理申请12件"
    for _, pattern in _claims._PATTERNS:
        assert pattern.match(text, 1) is None
        assert all(m.start("n") == 0 or not text[m.start("n") - 1].isdigit() for m in pattern.finditer(text))


# -- whole checks over the growth shapes ------------------------------------------------------
def _grow(shape: str, fmt: str, k: int) -> str:
    """A real report with ``k`` units of one growth shape added (``copies``: k // 40 more copies
    of its body)."""
    unit = {
        "headings": "一、总体情况\n本年度受理政府信息公开申请5件。\n（一）主动公开\n予以公开 部分公开 不予公开 无法提供\n",
        "table": "（一）予以公开 1 0 0 0 0 0 1\n",
        "prose": "2024年共受理政府信息公开申请5件，均已答复及办结。其中包括行政规范性文件13件。",
        "claims": "本年受理政府信息公开申请5件，予以公开3件，不予公开1件，无法提供2件，申请均已办结，其余结转，",
        "copies": None,
    }[shape]
    base = (REAL / {"text": "2019_pingtan.txt", "markdown": "2024_shanghai_kw.md",
                    "html": "2019_shanghai_bgt.html"}[fmt]).read_text(encoding="utf-8")
    end = base.rfind("</body>") if fmt == "html" and "</body>" in base else len(base)
    if unit is None:
        start = base.find(">", base.find("<body")) + 1 if end < len(base) else 0
        return base[:start] + base[start:end] * (k // 40 + 1) + base[end:]
    if shape == "table" and fmt == "markdown":
        unit = "| （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    if fmt == "html":
        if shape == "table":
            row = "<tr>" + "".join(f"<td>{cell}</td>" for cell in unit.split()) + "</tr>"
            body = f"<table>{row * k}</table>"
        elif shape == "headings":
            body = "".join(f"<p>{line}</p>" for line in (unit * k).splitlines())
        else:
            body = f"<p>{unit * k}</p>"
        return base[:end] + body + base[end:]
    return base + "\n" + unit * k


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("shape", ["headings", "table", "prose", "claims", "copies"])
def test_a_whole_check_costs_linear_work(fmt, shape):
    """Loader, parser and every rule over a report grown four ways (issue 9's shapes)."""
    reg = testing.registry()
    checker = testing._checker(reg, None, None)
    suffix = testing._suffix(reg, fmt)

    def work(k):
        if shape == "copies":
            k += 4  # a size-0 input is one copy
        with testing._TempReport(_grow(shape, fmt, k), suffix) as path:
            return calls(checker.check_file, path)

    assert growth(work, 40) <= LINEAR


@pytest.mark.parametrize("shape", ["headings", "table", "prose", "copies"])
def test_the_html_position_replay_costs_linear_work(shape):
    """Positions found on demand: reading the last span replays every note once, in order
    (no note answered twice, no markup scanned twice), however the page grew."""
    from govlint.loaders.html import load_html

    def work(k):
        if shape == "copies":
            k += 4
        document = load_html("r.html", _grow(shape, "html", k).encode("utf-8"))
        items = [c for b in document.blocks for c in (b.rows[-1] if hasattr(b, "rows") else [b])]
        last = items[-1]

        def read():
            for item in reversed(items):  # the last first: one replay, then answers kept
                item.span

        count = calls(read)
        assert last.span is not None
        return count

    assert growth(work, 40) <= LINEAR


@pytest.mark.parametrize("unit", [
    "<tr><!-- a comment stops the one-match cell lookup --><td title='1<2'>{k}</td><td>x</td></tr>\n",
    # text segments far apart: the tags between are counted, under the step limit and past it
    "<p>{k}" + "<i title='<<'></i>" * 150 + "y</p>\n",
    "<p>{k}" + "<b></b>" * 401 + "y</p>\n",
])
def test_the_html_replay_slow_paths_cost_linear_work(unit):
    """Pages that send the replay off its one-match paths: a cell start tag after a comment
    is found by walking the markup match by match, and a text segment hundreds of tags away
    is reached (or given up on) only after counting them."""
    from govlint.loaders.html import load_html

    def work(k):
        body = "".join(unit.format(k=i) for i in range(k))
        if unit.startswith("<tr>"):
            body = f"<table>{body}</table>"
        document = load_html("r.html", f"<html><body><p>表</p>{body}</body></html>".encode())
        items = [c for b in document.blocks for c in (b.rows[-1] if hasattr(b, "rows") else [b])]

        def read():
            for item in reversed(items):
                item.span

        return calls(read)

    assert growth(work, 10) <= LINEAR


class _Scanned(str):
    """A source that counts the characters its bounded searches pass over (``find`` with an
    end, up to the match or the end)."""

    passed = 0

    def find(self, sub, start=0, end=None):
        end = len(self) if end is None else end
        at = str.find(self, sub, start, end)
        _Scanned.passed += (end if at == -1 else at) - start
        return at


def test_the_html_replay_first_tries_cost_linear_work(monkeypatch):
    """``locate`` first tries to find a piece past the markup after the last place known to be
    outside markup (one match of ``_REST``), without the run scan. Pieces that are never found,
    each on a line past the runs scanned so far, must not send every try over the same long
    run again: the place moves up to the cursor's run when a try fails."""
    from govlint.loaders.html import source as html_source

    rest = html_source._REST.compiled()

    class Rest:
        @staticmethod
        def match(source, pos):
            found = rest.match(source, pos)
            _Scanned.passed += found.end() - pos
            return found

    monkeypatch.setattr(html_source, "_REST", Rest())

    def work(k):
        source = _Scanned("a" + "<b>\n" * k + "<i>z</i>\n" * (20 * k))
        locator = html_source.SourceLocator(source)
        locator.lines.append(1)
        locator.texts.append("a")
        for j in range(k):
            locator.lines.append(k + 2 + 20 * j)  # each past the runs its walk scanned
            locator.texts.append("q")  # never found
        _Scanned.passed = 0
        locator.force()
        assert locator.found[0] == (0, 1) and locator.found[1:] == [None] * k
        return _Scanned.passed + k

    assert growth(work, 100) <= LINEAR
