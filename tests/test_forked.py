"""govlint.forked: the forked worker's pipe, buffer and process behave as workers relies on."""

import os
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _echo_twice(conn):
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        conn.send([item, item])


def test_messages_larger_than_a_pipe_buffer_round_trip():
    from govlint import forked

    parent, child = forked.pipe()
    process = forked.Process(_echo_twice, (child,), own=parent)
    child.close()
    big = "表三" * 400_000  # far more than the 64 KiB a pipe holds
    parent.send(big)
    assert forked.wait([parent], 10) == [parent]
    assert parent.recv() == [big, big]
    parent.send(None)
    process.join(10)
    assert process.exitcode == 0
    parent.close()


def _exit_with(code):
    os._exit(code)


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_a_dead_child_is_seen_and_its_exit_code_told(how):
    from govlint import forked

    parent, child = forked.pipe()
    if how == "exit":
        process = forked.Process(_exit_with, (3,), own=parent)
    else:
        process = forked.Process(_echo_twice, (child,), own=parent)
    child.close()
    if how == "kill":
        process.kill()
    assert forked.wait([parent], 10) == [parent]  # a closed pipe reads as ready
    with pytest.raises(EOFError):
        parent.recv()
    process.join(10)
    assert process.exitcode == (3 if how == "exit" else -9)
    assert not process.is_alive()
    parent.close()


def _mark(stage):
    stage[:6] = b"stage\0"


def test_the_shared_buffer_carries_the_childs_writes():
    from govlint import forked

    stage = forked.shared_buffer(16)
    parent, child = forked.pipe()
    process = forked.Process(_mark, (stage,), own=parent)
    process.join(10)
    assert bytes(stage[:]).split(b"\0", 1)[0] == b"stage"
    parent.close()
    child.close()


def test_a_check_imports_no_multiprocessing(tmp_path):
    import subprocess

    for name in ("r.txt", "s.txt"):  # two files: one alone is checked without a worker
        (tmp_path / name).write_text("一、总体情况\n本年度共收到申请 3 件。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", "check", str(tmp_path)],
                          capture_output=True, text=True)
    imported = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert "govlint.forked" in imported  # the worker was made here
    assert not any(m.split(".")[0] == "multiprocessing" for m in imported)


def test_output_written_before_a_fork_is_written_once():
    """A worker forked while the parent holds unwritten output (a replacement worker, mid-run)
    must not write its copy of that output again."""
    import subprocess

    script = ("import sys; sys.stdout.write('once\\n'); from govlint import forked; "
              "parent, child = forked.pipe(); forked.Process(print, (), own=parent).join(10)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as usual
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "once\n\n"  # the parent's line once, then the child's print()
