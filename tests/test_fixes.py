"""Fixes: exact, byte-preserving, re-checked; offered only where the text is contiguous."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.fixes import Edit, Fix, apply, encoding_of
from govlint.span import Span
from govlint.testing import lint_text, run_cli

FIXTURES = Path(__file__).parent / "fixtures"
FIXABLE = ["GL701", "GL702", "GL302"]
HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
WRONG_TITLE = "《国务院办公厅关于印发〈政府信息公开处理费管理办法〉的通知》"
RIGHT_TITLE = "《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》"


def keys(findings):
    return {(f.code, f.location) for f in findings}


@pytest.mark.parametrize("name", ["examples/2023_shuyang_fgj.html", "examples/001_94a61b35bf8fd14e.txt",
                                  "tests/fixtures/corpus/2024_shanghai_kw.md",
                                  "tests/fixtures/corpus/2021_pingtan_jjp.txt"])
def test_fix_then_recheck_finds_none_of_the_fixed_findings(tmp_path, name):
    source = Path(__file__).parent.parent / name
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    before = run_cli("check", copy.name, "-f", "json", "-q", "--select", ",".join(FIXABLE), cwd=tmp_path)
    import json

    fixable = {(f["code"], f["location"]) for f in json.loads(before.stdout)["findings"] if "fix" in f}
    assert fixable, "the fixture has fixable findings"
    fixed = run_cli("check", copy.name, "--fix", "-f", "json", "-q", "--select", ",".join(FIXABLE), cwd=tmp_path)
    after = {(f["code"], f["location"]) for f in json.loads(fixed.stdout)["findings"]}
    assert not fixable & after
    assert "已修复" in fixed.stderr
    # every byte outside the edits is kept: the diff touches only the fixed lines
    old, new = source.read_bytes(), copy.read_bytes()
    assert old != new and old.count(b"\n") == new.count(b"\n") and old.count(b"\r") == new.count(b"\r")


def test_a_gbk_file_with_crlf_stays_gbk_with_crlf(tmp_path):
    text = (HEAD + f"依据国办函【2020】109号和{WRONG_TITLE}执行。\n").replace("\n", "\r\n")
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode("gbk"))
    result = run_cli("check", "r.txt", "--fix", "--select", "GL7", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    data = path.read_bytes()
    assert data == text.replace("【", "〔").replace("】", "〕").replace(WRONG_TITLE, RIGHT_TITLE).encode("gbk")


def test_diff_writes_nothing_and_exits_1_when_something_would_change(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(HEAD + "依据国办函【2020】109号。\n", encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("check", "r.txt", "--diff", "--select", "GL7", cwd=tmp_path)
    assert result.returncode == 1
    assert "-依据国办函【2020】109号。" in result.stdout and "+依据国办函〔2020〕109号。" in result.stdout
    assert path.read_bytes() == before
    clean = run_cli("check", "r.txt", "--diff", "--select", "GL2", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == ""


def test_no_fix_where_markup_splits_the_text():
    page = ("<html><body><p>一、总体情况</p><p>依据《国务院办公厅关于印发〈政府信息公开处<b>理</b>费管理办法〉的通知》"
            "和《国务院办公厅关于印发&lt;政府信息公开处理费管理办法&gt;的通知》执行。</p></body></html>")
    found = lint_text(page, format="html", select=["GL702"])
    assert found and all(f.fix is None for f in found)


def test_fixes_in_json_and_sarif(tmp_path):
    import json

    from test_sarif import assert_valid

    (tmp_path / "r.txt").write_text(HEAD + "依据国办函【2020】109号。\n", encoding="utf-8")
    doc = json.loads(run_cli("check", "r.txt", "-f", "json", "--select", "GL701", cwd=tmp_path).stdout)
    [finding] = doc["findings"]
    assert finding["fix"]["safe"] is True
    assert [e["replacement"] for e in finding["fix"]["edits"]] == ["〔", "〕"]
    sarif = json.loads(run_cli("check", "r.txt", "-f", "sarif", "--select", "GL701", cwd=tmp_path).stdout)
    assert_valid(sarif)
    replacements = sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert [r["insertedContent"]["text"] for r in replacements] == ["〔", "〕"]


def test_overlapping_fixes_wait_for_the_next_pass_in_a_fixed_order():
    source = "abcdef"
    one = Fix((Edit(Span(1, 2, 1, 4), "XY", "bc"),))
    two = Fix((Edit(Span(1, 3, 1, 5), "Z", "cd"),))
    for order in ([one, two], [two, one]):
        data, applied = apply(source.encode(), source, order)
        assert data == b"aXYdef" and applied == [one]


@settings(max_examples=60, deadline=None)
@given(brackets=st.lists(st.sampled_from(["【】", "[]", "［］", "()", "（）"]), min_size=1, max_size=4),
       codec=st.sampled_from(["utf-8", "gb18030"]), newline=st.sampled_from(["\n", "\r\n"]))
def test_fixed_documents_have_no_fixable_finding_left_and_keep_every_other_character(brackets, codec, newline):
    lines = [f"依据国办函{o}20{20 + i}{c}{100 + i}号执行。" for i, (o, c) in enumerate(brackets)]
    text = (HEAD + "\n".join(lines) + "\n").replace("\n", newline)
    data = text.encode(codec)
    assert encoding_of(data, text) is not None
    findings = lint_text(text, format="text", select=["GL701"])
    assert len(findings) == len(brackets) and all(f.fix for f in findings)
    fixed, applied = apply(data, text, [f.fix for f in findings])
    assert len(applied) == len(findings)
    # every character but the brackets is where it was
    new_text = fixed.decode(codec)
    assert len(new_text) == len(text)
    assert [a for a, b in zip(text, new_text) if a != b] and all(
        b in "〔〕" for a, b in zip(text, new_text) if a != b)
    assert lint_text(new_text, format="text", select=["GL701"]) == []


def test_unsafe_fixes_only_on_request(tmp_path):
    lines = (FIXTURES / "seeds" / "003_8d709f72cafe127b.txt").read_text(encoding="utf-8").split("\n")
    assert lines[604] == "0"  # a table 四 cell
    lines[604] = "-"
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = path.read_bytes()
    safe = run_cli("check", "r.txt", "--fix", "--select", "GL205", cwd=tmp_path)
    assert path.read_bytes() == before and "没有可自动修复的问题" in safe.stderr
    unsafe = run_cli("check", "r.txt", "--fix", "--unsafe-fixes", "--select", "GL205", cwd=tmp_path)
    assert "已修复 1 个问题" in unsafe.stderr
    assert path.read_text(encoding="utf-8").split("\n")[604] == "0"
