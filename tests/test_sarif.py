"""SARIF output: valid against the OASIS 2.1.0 schema and shaped for GitHub code scanning."""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.findings import Finding, Severity
from govlint.plugin_host import load_plugins
from govlint.reporters.base import RunInfo
from govlint.reporters.sarif import FINGERPRINT_KEY, SarifReporter
from govlint.reporters.terminal import TerminalReporter
from govlint.rule import CODE_RE
from govlint.span import Span

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
SEED = Path(__file__).parent / "fixtures" / "seeds" / "003_8d709f72cafe127b.txt"


@functools.lru_cache(maxsize=1)
def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@functools.lru_cache(maxsize=1)
def real_rules() -> dict:
    return dict(load_plugins().rules)


def assert_valid(doc: dict) -> None:
    errors = sorted(validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def sarif(findings, root=".", **changes) -> dict:
    info = RunInfo(rules=changes.pop("rules", real_rules()), files=changes.pop("files", 2), root=root,
                   version=changes.pop("version", "0.1.0"), **changes)
    out = io.StringIO()
    SarifReporter().write(findings, info, out)
    doc = json.loads(out.getvalue())
    assert_valid(doc)
    return doc


def fixed_findings() -> list[Finding]:
    return [
        Finding("表三“自然人”列：第一项+第二项=8，第三项+第四项=0", span=Span(4, 5, 4, 6),
                location="表三 / 一、本年新收政府信息公开申请数量 / 自然人", code="GL201",
                name="table3-balance", severity=Severity.ERROR, path="报告 2023/年报#1?.html",
                properties={"expected": 8, "found": 0}),
        Finding("文件为空", code="GL001", name="unreadable-input", severity=Severity.ERROR, path="空 文件.txt"),
        Finding("旧模板列", span=Span(2, 1, 3, 4), location="表二", code="GL301", name="outdated-template",
                severity=Severity.INFO, path="100%.html"),
        Finding("插件已卸载", span=Span(1, 1, 1, 2), code="XJ901", name="gone", severity=Severity.WARNING,
                path="a.html"),
    ]


def test_fixed_findings_validate_and_carry_what_code_scanning_needs():
    doc = sarif(fixed_findings())
    assert doc["version"] == "2.1.0" and doc["$schema"].startswith("https://")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "govlint" and driver["version"] == "0.1.0"
    assert driver["semanticVersion"] == "0.1.0" and urlsplit(driver["informationUri"]).scheme == "https"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path(os.getcwd()).as_uri() + "/"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and set(real_rules()) <= set(ids) and "XJ901" in ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert len(rule["fullDescription"]["text"]) <= 1024
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    gl201 = driver["rules"][ids.index("GL201")]
    assert gl201["name"] == "table3-balance"
    assert gl201["help"]["text"].endswith(real_rules()["GL201"].docs)
    assert gl201["defaultConfiguration"]["level"] == "error"

    results = run["results"]
    for f, result in zip(fixed_findings(), results):
        assert result["ruleId"] == f.code and driver["rules"][result["ruleIndex"]]["id"] == f.code
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: f.fingerprint()}
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and unquote(artifact["uri"]) == f.path
    first, empty, multiline, unknown = results
    assert [r["level"] for r in results] == ["error", "error", "note", "warning"]
    loc = first["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == \
        "%E6%8A%A5%E5%91%8A%202023/%E5%B9%B4%E6%8A%A5%231%3F.html"
    assert loc["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 5, "endLine": 4, "endColumn": 6}
    assert loc["logicalLocations"] == [{"name": "自然人",
                                        "fullyQualifiedName": "表三 / 一、本年新收政府信息公开申请数量 / 自然人"}]
    assert first["message"]["text"] == \
        "表三“自然人”列：第一项+第二项=8，第三项+第四项=0（位置：表三 / 一、本年新收政府信息公开申请数量 / 自然人）"
    assert first["properties"] == {"expected": 8, "found": 0}
    # no span: a region with the first line only, no logical location, no properties
    assert empty["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert "logicalLocations" not in empty["locations"][0] and "properties" not in empty
    assert empty["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E7%A9%BA%20%E6%96%87%E4%BB%B6.txt"
    assert multiline["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "100%25.html"
    assert multiline["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 2, "startColumn": 1, "endLine": 3, "endColumn": 4}
    # a code no loaded rule declares still gets a (minimal) rule entry
    assert "未在本次运行中加载" in driver["rules"][unknown["ruleIndex"]]["help"]["text"]


def test_fingerprint_ignores_line_numbers():
    f = fixed_findings()[0]
    moved = f.with_(span=Span(40, 2, 40, 3))
    a, b = (sarif([x])["runs"][0]["results"][0]["partialFingerprints"] for x in (f, moved))
    assert a == b
    other_cell = f.with_(location="表三 / 一、本年新收政府信息公开申请数量 / 法人或其他组织")
    assert sarif([other_cell])["runs"][0]["results"][0]["partialFingerprints"] != a


def test_file_outside_the_root_gets_an_absolute_file_uri(tmp_path):
    root = tmp_path / "仓库"
    root.mkdir()
    outside = tmp_path / "别处" / "年报 1.html"
    doc = sarif([Finding("x", code="GL001", severity=Severity.ERROR, path=str(outside))], root=str(root))
    artifact = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in artifact and artifact["uri"] == outside.as_uri()
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.as_uri() + "/"


def test_inverted_spans_and_undecodable_names_still_validate():
    odd = [Finding("倒置", span=Span(3, 9, 3, 2), code="GL205", severity=Severity.ERROR, path="bad\udcff名.html"),
           Finding("零", span=Span(0, 0, 0, 0), code="", severity=None, path="z.html")]
    results = sarif(odd)["runs"][0]["results"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] >= region["startColumn"] == 9
    # the undecodable byte keeps its value, percent-encoded
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("bad%FF")
    assert results[1]["ruleId"] == "GL000" and results[1]["level"] == "error"


def test_statistics_go_into_run_properties():
    run = sarif(fixed_findings(), statistics=True)["runs"][0]
    assert run["properties"]["files"] == 2
    assert run["properties"]["statistics"]["severities"] == {"error": 2, "warning": 1, "info": 1}


def test_cli_sarif_on_a_real_report_validates(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from govlint.cli import cli

    folder = tmp_path / "年报 目录"
    folder.mkdir()
    shutil.copy(SEED, folder / "2020 年报#1.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()
    out = runner.invoke(cli, ["check", "--format", "sarif", "年报 目录"])
    assert out.exit_code in (0, 1), out.output
    doc = json.loads(out.output)
    assert_valid(doc)
    plain = json.loads(runner.invoke(cli, ["check", "--format", "json", "年报 目录"]).output)
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [f["code"] for f in plain["findings"]]
    assert [r["partialFingerprints"][FINGERPRINT_KEY] for r in results] == \
        [f["fingerprint"] for f in plain["findings"]]
    for r in results:
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
            "%E5%B9%B4%E6%8A%A5%20%E7%9B%AE%E5%BD%95/2020%20%E5%B9%B4%E6%8A%A5%231.txt"


# -- property: any finding yields a valid document ------------------------------------------
NAME_CHARS = st.sampled_from(list("ab年报表三 #%?:,;&=+@!~'[]()（）") + ["𠀀", "😀", "é", "\u3000"])
SEGMENT = st.text(NAME_CHARS, min_size=1, max_size=8).filter(lambda s: s.strip() not in ("", ".", ".."))
PATHS = st.lists(SEGMENT, min_size=1, max_size=3).map("/".join)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | \
    st.text(st.sampled_from(list("表三自然人（七）总计 /\n\r\t%#?𠀀😀\x00\x1b")), max_size=30)
CODES = st.from_regex(CODE_RE.pattern, fullmatch=True) | st.sampled_from(["GL201", "GL101", "GL001"]) | TEXT


@st.composite
def findings(draw):
    line = draw(st.integers(1, 500))
    span = draw(st.none() | st.builds(Span, st.just(line), st.integers(1, 400),
                                      st.integers(line, line + 3), st.integers(1, 400)))
    return Finding(draw(TEXT), span=span, location=draw(TEXT), code=draw(CODES), name=draw(TEXT),
                   severity=draw(st.sampled_from(list(Severity))), path=draw(PATHS),
                   properties=draw(st.dictionaries(TEXT, TEXT | st.integers(), max_size=2)),
                   snippet=draw(TEXT))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(findings(), max_size=6))
def test_every_sarif_document_validates_and_round_trips(items):
    doc = sarif(items)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert len(run["results"]) == len(items)
    for f, result in zip(items, run["results"]):
        assert result["partialFingerprints"][FINGERPRINT_KEY] == f.fingerprint()
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert unquote(uri) == os.path.normpath(f.path)
        # nothing in a file name may read as a scheme, query or fragment
        parts = urlsplit(uri)
        assert (parts.scheme, parts.query, parts.fragment) == ("", "", "")
        assert physical["region"]["startLine"] >= 1
        if f.location:
            assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == f.location
    out = io.StringIO()
    TerminalReporter().write(items, RunInfo(rules=real_rules(), files=1, color=False), out)
    assert "\x1b" not in out.getvalue()
