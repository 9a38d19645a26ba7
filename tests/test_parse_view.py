"""``govlint parse``: files that cannot be parsed say why; the terminal view is safe and readable."""

from __future__ import annotations

import json
import os
import shutil
import threading

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from govlint.cli import cli
from govlint.loaders.text import TextLoader

from conftest import FIXTURES

SEED = FIXTURES / "seeds" / "000_db9075ea3fbb176c.txt"
ENV = {"COLUMNS": "80", "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "NO_COLOR": None}


def invoke(*args: str):
    result = CliRunner(env=ENV).invoke(cli, ["parse", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def parse_json(*paths) -> list[dict]:
    return json.loads(invoke(*map(str, paths)))


# -- files that give no report ------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_file_is_an_error(workdir, content):
    (workdir / "empty.txt").write_bytes(content)
    assert parse_json("empty.txt") == [{"path": "empty.txt", "error": "文件为空"}]


def test_binary_file_gives_the_loaders_gl001_message(workdir):
    data = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8
    (workdir / "program.txt").write_bytes(data)
    expected = [p.message for p in TextLoader().load("program.txt", data).problems if p.code == "GL001"]
    assert expected  # the loader flags it
    assert parse_json("program.txt") == [{"path": "program.txt", "error": expected[0]}]


def test_report_next_to_an_unreadable_file_is_still_parsed(workdir):
    shutil.copy(SEED, workdir / "report.txt")
    (workdir / "empty.txt").write_bytes(b"")
    empty, report = parse_json("empty.txt", "report.txt")
    assert empty["error"] == "文件为空"
    assert "error" not in report and report["metadata"]["year"] == 2023
    assert report["tables"]["table3"]["rows"]["new"]["total"] == 20


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_not_read(workdir):
    fifo = workdir / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(parse_json("pipe.txt")), daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # release the blocked open() before failing
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(timeout=5)
        pytest.fail("govlint parse blocked on a FIFO")
    assert outcome == [[{"path": "pipe.txt", "error": "不是普通文件"}]]


def test_file_over_50_mb_is_an_error(workdir):
    big = workdir / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: no 50 MB written to disk
    [entry] = parse_json("big.txt")
    assert set(entry) == {"path", "error"} and entry["error"].startswith("文件过大")


def test_file_of_exactly_50_mb_is_not_refused_for_its_size(workdir):
    big = workdir / "big.txt"
    with open(big, "wb") as handle:
        handle.write(b"x")
        handle.truncate(50 * 1024 * 1024)
    [entry] = parse_json("big.txt")
    assert not entry.get("error", "").startswith("文件过大")


# -- terminal -----------------------------------------------------------------------------------
def test_terminal_prints_paths_with_brackets_as_they_are(workdir):
    (workdir / "a[").mkdir()
    shutil.copy(SEED, workdir / "a[" / "b].txt")
    (workdir / "[bold]empty[red].txt").write_bytes(b"")
    out = invoke("--format", "terminal", "a[/b].txt", "[bold]empty[red].txt")
    assert "a[/b].txt" in out
    assert "[bold]empty[red].txt" in out and "文件为空" in out
    assert "壶关县人民政府2023年政府信息公开工作年度报告" in out


def test_terminal_row_keys_are_whole_at_80_columns(workdir):
    shutil.copy(SEED, workdir / "report.txt")
    out = invoke("--format", "terminal", "report.txt")
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    first_cells = {line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│")}
    for key in ("carried_over", "carried_forward", "litigation_after_review",
                *(f"not_processed.{i}" for i in range(1, 6))):
        assert key in first_cells, key
    assert "…" not in out
