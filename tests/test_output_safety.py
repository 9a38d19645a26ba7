"""No reporter writes a control, separator or bidi character raw (docs/output.md, "Unsafe
characters").

Report text and file names reach messages, locations, snippets and paths, so ESC (terminal
escapes), BEL, U+0085 and U+2028 (line breaks to some readers) and bidi overrides (text
shown reordered) could reach a terminal, a CI log or a JSON consumer. Each format has one
convention; these tests hold every format to it, for arbitrary text and for a real run.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_sarif import assert_valid, real_rules

from govlint.cli import cli
from govlint.findings import Finding, Severity
from govlint.reporters.base import RunInfo
from govlint.reporters.concise import ConciseReporter
from govlint.reporters.github import GithubReporter
from govlint.reporters.json import JsonReporter
from govlint.reporters.sarif import SarifReporter
from govlint.reporters.terminal import TerminalReporter
from govlint.span import Span

CLEAN = Path(__file__).parent / "rules" / "cases" / "reports" / "clean_2023.md"
#: C0 (with TAB, CR, LF), DEL, C1 (with NEL), the separators, every bidi control and the
#: invisible characters (zero-width space and joiners, word joiner, BOM, tag characters)
UNSAFE = ([chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
          + list("\u2028\u2029\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
          + list("\u200b\u200c\u200d\u2060\ufeff") + [chr(0xE0001), chr(0xE0041), chr(0xE007F)])
RAW = re.compile("[" + re.escape("".join(UNSAFE)) + "]")
#: SGR colour codes: the only escapes a coloured terminal report may contain
SGR = re.compile(r"\x1b\[[0-9;]*m")

TEXT = st.text(st.sampled_from(UNSAFE) | st.characters(blacklist_categories=("Cs",)) | st.sampled_from("表三 %:,"),
               max_size=30)


@st.composite
def findings(draw):
    line = draw(st.integers(1, 40))
    span = draw(st.none() | st.builds(Span, st.just(line), st.integers(1, 60), st.integers(line, line + 2),
                                      st.integers(1, 60)))
    return Finding(draw(TEXT), span=span, location=draw(TEXT), code=draw(TEXT | st.just("GL201")),
                   name=draw(TEXT), severity=draw(st.sampled_from(list(Severity))),
                   path=draw(TEXT.filter(lambda s: s.strip())), snippet=draw(TEXT),
                   properties=draw(st.dictionaries(TEXT, TEXT, max_size=2)))


def written(reporter, items, **changes) -> str:
    out = io.StringIO()
    reporter.write(items, RunInfo(rules=real_rules(), files=len(items), version="0.1.0", **changes), out)
    return out.getvalue()


def raw_in_lines(text: str) -> set[str]:
    """Unsafe characters other than the LF that ends each line."""
    return set(RAW.findall(text)) - {"\n"}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(findings(), min_size=1, max_size=4), statistics=st.booleans())
def test_no_format_writes_an_unsafe_character_raw(items, statistics):
    for reporter in (ConciseReporter(), GithubReporter()):
        text = written(reporter, items, statistics=statistics)
        assert not raw_in_lines(text)
        if isinstance(reporter, GithubReporter) or not statistics:
            assert text.count("\n") == len(items)  # one line per finding, whatever the text

    plain = written(TerminalReporter(), items, statistics=statistics, color=False)
    assert not raw_in_lines(plain)

    for reporter in (JsonReporter(), SarifReporter()):
        text = written(reporter, items, statistics=statistics)
        assert not raw_in_lines(text)
        doc = json.loads(text)  # still JSON, and the escapes stand for the exact text
        if isinstance(reporter, JsonReporter):
            got = [(d["message"], d["location"], d["path"], d["code"]) for d in doc["findings"]]
            assert got == [(f.message, f.location, f.path, f.code) for f in items]
        else:
            assert_valid(doc)
            assert [r["ruleId"] for r in doc["runs"][0]["results"]] == [f.code or "GL000" for f in items]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(findings(), min_size=1, max_size=3))
def test_a_coloured_terminal_writes_only_colour_escapes(items):
    class TTY(io.StringIO):
        def isatty(self):
            return True

    out = TTY()
    TerminalReporter().write(items, RunInfo(rules=real_rules(), files=1, color=True), out)
    assert not raw_in_lines(SGR.sub("", out.getvalue()))


# -- through a real run ----------------------------------------------------------------------------
#: a 受理 claim that the table contradicts (GL501 quotes it), with escapes that clear the screen and BEL
STATEMENT = "受理\x1b[H\x1b[J\x07政府信息公开申请25件"
HOSTILE_CLAIM = "2023年共" + STATEMENT
HOSTILE_NAME = "年报\x1b[31m红\x07\u2028\x85\u202e.md"


@pytest.fixture
def hostile_report(workdir) -> Path:
    text = CLEAN.read_text(encoding="utf-8")
    claim = "2023年共受理政府信息公开申请20件"
    assert claim in text
    path = workdir / HOSTILE_NAME
    path.write_text(text.replace(claim, HOSTILE_CLAIM), encoding="utf-8")
    shutil.copy(CLEAN, workdir / "clean.md")
    return path


def check(fmt: str) -> str:
    # --statistics in the text formats prints the counts alone; the findings are what is tested
    statistics = [] if fmt in ("terminal", "concise") else ["--statistics"]
    result = CliRunner().invoke(cli, ["check", "--format", fmt, "--no-color", *statistics, "."],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["terminal", "concise", "github", "json", "sarif"])
def test_esc_and_bel_in_report_text_and_file_name_never_reach_the_output(hostile_report, fmt):
    out = check(fmt)
    assert not raw_in_lines(out)
    if fmt in ("json", "sarif"):
        doc = json.loads(out)
        if fmt == "sarif":
            assert_valid(doc)
            results = doc["runs"][0]["results"]
            messages = [r["message"]["text"] for r in results if r["ruleId"] == "GL501"]
        else:
            messages = [f["message"] for f in doc["findings"] if f["code"] == "GL501"]
            assert {f["path"] for f in doc["findings"]} == {HOSTILE_NAME}
        assert any(STATEMENT in m for m in messages)  # escaped on the wire, exact when parsed
    else:
        # the text formats show the claim with visible symbols, and the name likewise
        assert "受理␛[H␛[J␇政府信息公开申请25件" in out
        assert "年报␛[31m红␇" in out


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_govlint_parse_writes_no_unsafe_character_raw(hostile_report, fmt):
    result = CliRunner().invoke(cli, ["parse", "--format", fmt, HOSTILE_NAME], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not raw_in_lines(result.output)
    if fmt == "json":
        assert json.loads(result.output)[0]["path"] == HOSTILE_NAME  # exact once parsed
    else:
        assert "年报␛[31m红␇" in result.output
