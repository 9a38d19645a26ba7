"""Streamed output: each format written file by file says exactly what the plain, whole-run
version of the same format says, and each file's findings are out before the next file is done."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_output_safety import findings as any_finding
from test_sarif import assert_valid, real_rules

from govlint.reporters.base import RunInfo, by_path
from govlint.reporters.json import JsonLinesReporter, JsonReporter, dumps, finding_dict
from govlint.reporters.sanitize import jsonable
from govlint.reporters.sarif import SarifReporter, sarif_document
from govlint.reporters.statistics import Tally, rule_counts, severity_counts, statistics_dict

RULES = real_rules()


def run_of(items):
    """Findings as a run gives them: grouped by path, in path order."""
    return sorted(items, key=lambda f: f.path)


def info(items, statistics):
    return RunInfo(rules=RULES, files=len({f.path for f in items}) + 1, version="0.1.0", statistics=statistics)


def streamed(reporter, items, statistics) -> str:
    out = io.StringIO()
    sink = reporter.open(info(items, statistics), out)
    for group in by_path(items):
        sink.add(group)
    sink.close()
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), max_size=6).map(run_of), statistics=st.booleans())
def test_streamed_json_is_byte_for_byte_the_whole_document(items, statistics):
    doc = {"schema_version": 1, "version": "0.1.0", "files": info(items, statistics).files,
           "findings": [finding_dict(f) for f in items]}
    if statistics:
        doc["statistics"] = statistics_dict(items)
    assert streamed(JsonReporter(), items, statistics) == dumps(jsonable(doc)) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), max_size=6).map(run_of), statistics=st.booleans())
def test_streamed_sarif_parses_to_the_whole_document_and_validates(items, statistics):
    doc = json.loads(streamed(SarifReporter(), items, statistics))
    assert_valid(doc)
    assert doc == json.loads(json.dumps(jsonable(sarif_document(items, info(items, statistics)))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), max_size=6).map(run_of))
def test_json_lines_hold_one_finding_each(items):
    lines = streamed(JsonLinesReporter(), items, False).splitlines()
    assert [json.loads(line) for line in lines] == [json.loads(json.dumps(jsonable(finding_dict(f)))) for f in items]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(any_finding(), max_size=8))
def test_a_tally_counts_what_the_findings_count(items):
    tally = Tally()
    for group in by_path(items):
        tally.add(group)
    assert len(tally) == len(items)
    assert rule_counts(tally) == rule_counts(items)
    assert severity_counts(tally) == severity_counts(items)


def test_each_file_is_written_before_the_next_one_is_checked(workdir, monkeypatch):
    from click.testing import CliRunner

    import govlint.engine
    from govlint.cli import cli

    for name in ("a.txt", "b.txt", "c.txt"):
        (workdir / name).write_text("一、总体情况\n正文。\n", encoding="utf-8")
    events: list[str] = []

    class Watching(govlint.engine.iter_results):
        def __iter__(self):
            for result in super().__iter__():
                events.append(f"checked {result.path}")
                yield result

    class Noting(JsonLinesReporter):
        def open(self, run_info, out):
            sink = super().open(run_info, out)
            add = sink.add

            def add_and_note(group):
                add(group)
                events.append(f"written {group[0].path}")
            sink.add = add_and_note
            return sink

    monkeypatch.setattr(govlint.engine, "iter_results", Watching)
    monkeypatch.setattr("govlint.reporters.json.JsonLinesReporter", Noting)
    result = CliRunner().invoke(cli, ["check", "--format", "jsonl", "--select", "GL101", "."])
    assert events == ["checked a.txt", "written a.txt", "checked b.txt", "written b.txt",
                      "checked c.txt", "written c.txt"]
    assert [json.loads(line)["path"] for line in result.output.splitlines()] == \
        ["a.txt"] * 5 + ["b.txt"] * 5 + ["c.txt"] * 5
