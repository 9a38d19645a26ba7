"""The per-report shortcuts of the rules answer as the plain ways they replace.

Each shortcut is checked against its oracle: ``fold`` against translating every character;
``identity``'s one-pass sum over plain cells against the evaluation over readings; table 三's
failing identities, derived once per report for GL201, GL202, GL203 and GL207, against the
identities evaluated anew; GL702's walk between 《 and 》 against reading every character;
the gates of GL701 and GL301 against the searches they spare. And the facts: none are
extracted when nothing reads them, and a record without the corpus part is the whole record
less that part.
"""

from __future__ import annotations

import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.engine import Checker, Settings
from govlint.format import table3 as t3
from govlint.normalize import _FOLD, _MAP, fold
from govlint.plugin_host import load_plugins
from govlint.report import Readings, Table, TableCell
from govlint.selection import Selection
from govlint_rules import _arith
from govlint_rules.tables import _related
from govlint_rules.template import _template
from govlint_rules.wording import gl701_document_number_format as gl701
from govlint_rules.wording import gl702_misquoted_title as gl702


# -- fold ---------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(chr(c) for c in _MAP) + list("a中，。 \n\\]^-")), max_size=40).map("".join))
def test_fold_equals_translating_every_character(text):
    assert fold(text) == text.translate(_FOLD)


# -- identities ---------------------------------------------------------------------------------
ROWS, COLS = ("new", "carried_over", "total"), _arith.TABLE3_COLUMNS[:3]
#: what a cell may be: a number, a blank mark, text, absent, or cut from a glued run
kinds = st.sampled_from(["n", "n", "n", "blank", "dash", "text", "absent", "glued"])


@st.composite
def tables(draw):
    table = Table(kind="table3")
    for row in ROWS:
        glued = []
        for col in COLS:
            kind = draw(kinds)
            if kind == "n":
                value = draw(st.integers(0, 9))
                table.cells[(row, col)] = TableCell(row, col, value, str(value))
            elif kind in ("blank", "dash", "text"):
                raw = {"blank": " ", "dash": "-", "text": "若干"}[kind]
                table.cells[(row, col)] = TableCell(row, col, None, raw)
            elif kind == "glued":
                glued.append(col)
        if glued:
            readings = tuple(draw(st.lists(st.tuples(*[st.integers(0, 9) for _ in glued]), min_size=2, max_size=4,
                                           unique=True)))
            for i, col in enumerate(glued):
                values = tuple(sorted({r[i] for r in readings}))
                table.cells[(row, col)] = TableCell(row, col, None, "", values=values)
            table.readings.append(Readings(("run",), tuple((row, col) for col in glued), readings, len(readings)))
    return table


keys = st.lists(st.tuples(st.sampled_from(ROWS), st.sampled_from(COLS)), min_size=1, max_size=4, unique=True)


@settings(max_examples=400, deadline=None)
@given(tables(), keys, keys)
def test_identity_equals_its_evaluation_over_readings(table, left, right):
    assert _arith.identity(table, "k", left, right) == _arith.identity_over_readings(table, "k", left, right)


def _table3_report(path="r.txt"):
    from govlint.testing import parse_file

    from conftest import FIXTURES

    return parse_file(FIXTURES / "corpus" / "2019_pingtan_gaj.html")


def test_table3_identities_are_evaluated_once_per_report_and_as_the_plain_ones(monkeypatch):
    report = _table3_report()
    table = report.table("table3")
    # the shared view's answer is the plain one's
    plain = {"GL201": list(_arith.table3_balance(table)), "GL202": list(_arith.table3_results(table)),
             "GL203": list(_arith.table3_applicants(table))}
    report.views.clear()
    found = _related.failures(report)
    assert {code: list(mismatches) for code, (mismatches, _) in found.items()} == plain
    for code in ("GL201", "GL202"):
        assert list(found[code][1]) == _arith.misassigned_pairs(table, plain[code])
    # and is derived once although four rules read it
    calls = []
    plain_balance = _arith.table3_balance
    monkeypatch.setattr(_related, "table3_balance", lambda t, *grid: calls.append(t) or plain_balance(t, *grid))
    report.views.clear()
    registry = load_plugins()
    context = Checker(registry, Settings()).context
    for code in ("GL201", "GL202", "GL203", "GL207"):
        list(registry.rules[code].check(report, context) or ())
    assert len(calls) == 1


_FULL_ROWS = t3.rows("2021") + ("other",)
#: what a cell may be: mostly numbers (so that identities hold), sometimes the cases that stop
#: the one pass (blank marks count as 0, text and glued cells do not)
_full_kinds = st.sampled_from(["n"] * 12 + ["blank", "dash", "text", "absent", "glued"])


@st.composite
def full_tables(draw):
    """A table 三 with every row of the 2021 layout (and the 2019 single （六）), each cell a
    small number or one of the cases above; in half the tables every number is 0, so that the
    identities over plain cells hold and the grid decides them."""
    table = Table(kind="table3")
    top = draw(st.sampled_from([0, 2]))
    for row in _FULL_ROWS:
        glued = []
        for col in _arith.TABLE3_COLUMNS:
            kind = draw(_full_kinds)
            if kind == "n":
                value = draw(st.integers(0, top))
                table.cells[(row, col)] = TableCell(row, col, value, str(value))
            elif kind in ("blank", "dash", "text"):
                table.cells[(row, col)] = TableCell(row, col, None, {"blank": " ", "dash": "-", "text": "若干"}[kind])
            elif kind == "glued":
                glued.append(col)
        if glued:
            readings = tuple(draw(st.lists(st.tuples(*[st.integers(0, 2) for _ in glued]), min_size=2, max_size=3,
                                           unique=True)))
            for i, col in enumerate(glued):
                table.cells[(row, col)] = TableCell(row, col, None, "", values=tuple(sorted({r[i] for r in readings})))
            table.readings.append(Readings(("run",), tuple((row, col) for col in glued), readings, len(readings)))
    return table


@settings(max_examples=300, deadline=None)
@given(full_tables(), st.sampled_from(["2021", "2019"]))
def test_identities_decided_over_the_plain_grid_equal_the_identities_read_cell_by_cell(table, template):
    layout = (t3.rows(template), t3.result_rows(template))
    grid = _arith.plain_grid(table, layout[0])
    assert list(_arith.table3_balance(table, grid)) == list(_arith.table3_balance(table))
    assert list(_arith.table3_results(table, layout, grid)) == list(_arith.table3_results(table, layout))
    assert list(_arith.table3_applicants(table, layout, grid)) == list(_arith.table3_applicants(table, layout))


# -- GL702 and the gates of GL701 and GL301 -----------------------------------------------------
def _plain_titles(text: str):
    """GL702's walk as it was: every character read."""
    stack = []
    for i, ch in enumerate(text):
        if ch == "《" and not stack:
            stack.append(i)
        elif ch == "》" and stack:
            start = stack.pop()
            yield start + 1, i, text[start + 1:i]
            inner = text[start + 1:i]
            depth, begin = 0, 0
            for j, c in enumerate(inner):
                if c in gl702._INNER_OPEN:
                    if depth == 0:
                        begin = j + 1
                    depth += 1
                elif c in gl702._INNER_CLOSE and depth:
                    depth -= 1
                    if depth == 0:
                        yield start + 1 + begin, start + 1 + j, inner[begin:j]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["《", "》", "〈", "〉", "<", "条例", "a", "》》", "《《"]), max_size=20).map("".join))
def test_titles_equal_the_character_loop(text):
    assert list(gl702.titles(text)) == list(_plain_titles(text))
    if "《" not in text:  # GL702 skips such a run unread
        assert not list(gl702.titles(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["国办发", "某", "（", "(", "【", "2021", "〔", "）", "]", "】", "第", "12", "号", " ",
                                 "，"]), max_size=14).map("".join))
def test_a_text_without_a_misbracketed_number_has_no_gl701_match(text):
    if gl701._NUMBER_ONLY.search(text) is None:
        assert gl701._WRONG.search(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(_template._markers()[0]) + ["政府", "数量", "0", "本年", "（一）"]),
                max_size=5).map("".join))
def test_the_marker_gate_finds_a_label_exactly_when_one_of_its_markers_is_in_it(label):
    inside, _whole, _shortest, any_marker = _template._markers()
    assert bool(any_marker.search(label)) == any(m in label for m in inside)


# -- facts --------------------------------------------------------------------------------------
def _checker(facts: bool, corpus: bool) -> Checker:
    selection = Selection(select=("ALL",), ignore=() if corpus else ("GL8",), extend_select=())
    return Checker(load_plugins(), Settings(selection=selection, facts=facts, sketch=False))


def test_facts_are_extracted_only_when_read(fixtures, monkeypatch):
    from govlint.corpus import facts as facts_mod

    page = str(fixtures / "corpus" / "2024_pingtan_jsp.html")
    extracted = []
    plain = facts_mod.extract
    monkeypatch.setattr(facts_mod, "extract", lambda *a, **k: extracted.append(k) or plain(*a, **k))
    nothing = _checker(facts=False, corpus=False).check_file(page)
    assert nothing.facts is None and extracted == []
    meta = _checker(facts=True, corpus=False).check_file(page).facts
    whole = _checker(facts=False, corpus=True).check_file(page).facts
    assert not set(facts_mod.CORPUS_ONLY) & set(meta)
    assert {k: v for k, v in whole.items() if k not in facts_mod.CORPUS_ONLY} == meta
    assert whole["tables"] and whole["agency"] and meta["year"] == whole["year"]
    # what a worker sends back without facts is its findings alone
    assert len(pickle.dumps(nothing)) < len(pickle.dumps(whole.get("tables")))
    assert nothing.findings == _checker(facts=False, corpus=True).check_file(page).findings


def test_a_cached_result_records_what_its_facts_hold():
    """A record without the corpus part (or with no facts) never answers a run that needs more."""
    from govlint.store.keys import run_key

    checkers = [_checker(facts, corpus) for facts, corpus in ((False, False), (True, False), (True, True))]
    assert [c.facts for c in checkers] == [None, "meta", "corpus"]
    assert len({run_key(c) for c in checkers}) == 3
    assert run_key(_checker(True, False)) == run_key(checkers[1])


def test_the_command_line_extracts_facts_for_a_reporter_that_shows_them(workdir, monkeypatch):
    import shutil

    from click.testing import CliRunner

    from conftest import FIXTURES
    from govlint.cli import cli
    from govlint.reporters import base

    shutil.copy(FIXTURES / "corpus" / "2021_pingtan_czj.txt", workdir / "a.txt")
    seen = {}
    for fmt in ("json", "html"):
        calls = []
        monkeypatch.setattr(base.Sink, "file", lambda self, path, facts: calls.append(facts))
        if fmt == "html":
            from govlint.reporters.html import sink as html_sink

            monkeypatch.setattr(html_sink.HtmlSink, "file", lambda self, path, facts: calls.append(facts))
        CliRunner().invoke(cli, ["check", "--no-cache", "--ignore", "GL8", "--format", fmt, "-o",
                                 str(workdir / f"out.{fmt}"), "a.txt"], catch_exceptions=False)
        seen[fmt] = calls
    assert seen["json"] == [None]
    assert seen["html"][0]["year"] == 2021 and "tables" not in seen["html"][0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["信息", "处理费", "收费", "申请", "对", "109", "号", "办法", "费用", "。", "！", "\n",
                                 "，", "《", "》", "行政事业性收费", "0元"]), max_size=16).map("".join))
def test_a_run_without_a_fee_word_has_no_fee_sentence(text):
    """``_read_facts`` skips a run in which neither the fee terms nor a citation of the fee rules
    occur: no sentence of it could have been read."""
    from govlint_rules.fees import _fees

    masked = _fees._mask_titles(text)
    if _fees._TERM.search(masked) or _fees._CITES_109.search(text):
        return
    for sentence in _fees._SENTENCE.finditer(masked):
        original = text[sentence.start():sentence.end()]
        assert not (_fees._TERM.search(sentence.group())
                    or (_fees._CITES_109.search(original) and _fees._CHARGE_WORD.search(sentence.group())))


def _plain_outdated_markers(report):
    """GL301's markers as they were found: every label and every non-blank grid cell looked at."""
    found = {}
    places = [(label.text, label) for kind in ("table2", "table3") if report.table(kind) is not None
              for label in report.table(kind).labels]
    places += [(cell.text, cell) for grid in report.document.grids() for cell in grid.cells()
               if cell.text and cell.text.strip()]
    for text, where in places:
        for marker in _template._markers_in(text):
            found.setdefault(marker, where)
    return found


def test_outdated_markers_look_at_each_printed_text_once_and_answer_as_every_cell_read(fixtures):
    from govlint.testing import parse_file

    for page in ("2019_pingtan_gaj.html", "2022_pingtan_htp.html", "2023_shuyang_fgj.html", "2019_shanghai_bgt.html",
                 "2019_pingtan_gaj.txt"):
        report = parse_file(fixtures / "corpus" / page)
        plain = _plain_outdated_markers(report)
        found = dict(_template.outdated_markers(report))
        assert all(found[marker] is where for marker, where in plain.items())
        assert set(found) - set(plain) <= {m for m in found if m.endswith("子项）")}  # the single （六） row
        texts = [text for text, _ in _template.printed_labels(report)]
        assert len(texts) == len(set(texts))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["信息", "处理", "费", "收", "取", "收取", "收费", "申请人", "向", "对", "申请", "109", "10",
                                 "9", "号", " ", "办法", "管理", "《", "》", "，", "。", "行政事业性收费"]),
                max_size=14).map("".join))
def test_a_run_without_the_fee_gate_words_matches_no_fee_pattern(text):
    """``_read_facts`` skips a run holding none of 费, 收取 and 109 unread: neither the fee
    terms (over the masked text) nor a citation of the fee rules could match in it."""
    from govlint_rules.fees import _fees

    if "费" in text or "收取" in text or "109" in text:
        return
    assert not _fees._TERM.search(_fees._mask_titles(text)) and not _fees._CITES_109.search(text)
