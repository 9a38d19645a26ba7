"""Baseline files: a bad one is exit 2 naming the file, never a traceback, a hang or a run wasted."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govlint.baseline import MAX_BASELINE_BYTES, BaselineError, read_baseline, write_baseline
from govlint.cli import cli
from govlint.findings import Finding

REPORT = "一、总体情况\n"


def _check_with_baseline(workdir, baseline: str):
    (workdir / "r.txt").write_text(REPORT, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", "--format", "concise", "--baseline", baseline, "r.txt"])


def _valid(findings: dict) -> str:
    return json.dumps({"govlint-baseline": 1, "findings": findings})


@pytest.mark.parametrize("text, words", [
    pytest.param("[" * 5000 + "]" * 5000, "嵌套过深", id="deep-array"),
    pytest.param('{"a":' * 5000 + "1" + "}" * 5000, "嵌套过深", id="deep-object"),
    pytest.param(_valid({"fp": {"path": "r.txt", "code": [[[["GL201"]]]]}}), "记录格式不对", id="deep-entry"),
    pytest.param(_valid({"fp": "GL201"}), "记录格式不对", id="entry-not-a-mapping"),
    pytest.param('{"govlint-baseline": 1, "findings": {', "无法读取基线文件", id="truncated"),
    pytest.param('{"govlint-baseline": ' + "9" * 5000 + "}", "无法读取基线文件", id="huge-integer"),
    pytest.param('{"govlint-baseline": 2, "findings": {}}', "不是 govlint 基线文件", id="other-version"),
])
def test_malformed_baseline_is_a_usage_error_naming_the_file(workdir, text, words):
    (workdir / "base.json").write_text(text, encoding="utf-8")
    result = _check_with_baseline(workdir, "base.json")
    assert result.exit_code == 2, result.output
    assert "base.json: " in result.output and words in result.output


def test_baseline_over_the_size_limit_is_not_read(workdir):
    path = workdir / "base.json"
    with open(path, "wb") as handle:  # sparse: larger than the limit, without taking the disk
        handle.write(_valid({}).encode())
        handle.truncate(MAX_BASELINE_BYTES + 1)
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert str(info.value) == f"{path}: 基线文件过大（上限 {MAX_BASELINE_BYTES // (1024 * 1024)} MB），未读取"


def test_written_baseline_reads_back(workdir):
    findings = [Finding("m", code="GL201", path="r.txt", location="表三 / 总计"),
                Finding("n", code="GL603", path="r.txt")]
    assert write_baseline(workdir / "base.json", findings) == 2
    assert read_baseline(workdir / "base.json") == {f.fingerprint() for f in findings}


def test_bad_baseline_stops_the_run_before_any_file_is_checked(workdir, monkeypatch):
    import govlint.engine

    def no_run(*args, **kwargs):
        raise AssertionError("files were checked before the baseline was read")

    monkeypatch.setattr(govlint.engine, "run", no_run)
    (workdir / ".govlint.yaml").write_text("baseline: missing.json\n", encoding="utf-8")
    result = _check_with_baseline(workdir, "missing.json")
    assert result.exit_code == 2 and "missing.json: 基线文件不存在" in result.output


# -- not regular files: a real process, with a deadline, so a regression fails instead of hanging --
def _run_with_deadline(workdir, baseline: str):
    (workdir / "r.txt").write_text(REPORT, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "govlint", "check", "--baseline", baseline, "r.txt"],
                          cwd=workdir, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_baseline_that_is_a_fifo_is_refused_without_blocking(workdir):
    os.mkfifo(workdir / "base.json")
    proc = _run_with_deadline(workdir, "base.json")
    assert proc.returncode == 2 and "base.json: 基线文件不是普通文件" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_baseline_that_is_a_device_is_refused_without_reading(workdir):
    proc = _run_with_deadline(workdir, "/dev/zero")
    assert proc.returncode == 2 and "/dev/zero: 基线文件不是普通文件" in proc.stderr
    assert "Traceback" not in proc.stderr
