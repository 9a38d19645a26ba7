"""What a person sees in a terminal: captures of ``govlint check --format terminal``, kept as
expected output in tests/fixtures/terminal/.

Each case is a few real reports (a text extraction, a Word-exported HTML page, a report on one
line, a table of glued digits) at 100 and 160 columns. ``CASE-WIDTH.txt`` is the plain output:
it is compared with the reporter's output (always) and with what tmux shows in a pane of that
width (``capture-pane -J``: wrapped lines joined), so CJK widths and the drawn tables are
checked as a terminal lays them out. ``CASE-WIDTH.ansi`` is the same run in colour as tmux
shows it (``capture-pane -e``). The tmux tests are skipped, saying so, where tmux is missing
(.ci/run installs it).

After a deliberate change of the terminal layout, look at the new output, then update the
files with::

    GOVLINT_UPDATE_CAPTURES=1 .venv/bin/pytest tests/test_terminal_captures.py

and review ``git diff tests/fixtures/terminal`` before committing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "terminal"
CASES = {
    "text-extraction": ["examples/003_8d709f72cafe127b.txt"],
    "word-export": ["tests/fixtures/corpus/2022_pingtan_htp.html"],
    "one-line-html": ["tests/fixtures/corpus/2019_shanghai_bgt.html"],
    "glued-digits": ["tests/fixtures/corpus/2024_pingtan_shs.txt"],
}
WIDTHS = (100, 160)
UPDATE = bool(os.environ.get("GOVLINT_UPDATE_CAPTURES"))


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "PRE_COMMIT")}
    env.update(TERM="xterm-256color", **extra)
    return env


def _tidy(text: str) -> str:
    """Trailing spaces and blank lines at the end carry nothing a reader sees."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _compare(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"{path.name} missing: run GOVLINT_UPDATE_CAPTURES=1 pytest {Path(__file__).name}"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs (see the module docstring to update it)"


def _plain(files: list[str], width: int) -> str:
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "terminal", "--no-color", *files],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          env=_env(COLUMNS=str(width)), timeout=300)
    assert proc.returncode == 1, proc.stderr
    return _tidy(proc.stdout)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_plain_output_matches_the_capture(case, width):
    _compare(EXPECTED / f"{case}-{width}.txt", _plain(CASES[case], width))


def _tmux(files: list[str], width: int, colour: bool) -> str:
    """Runs govlint in a detached tmux pane ``width`` columns wide and returns what the pane
    shows, scrollback included, wrapped lines joined (with colour codes when ``colour``)."""
    server = f"govlint-test-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", server, "-f", os.devnull]
    flag = "" if colour else " --no-color"
    command = (f"cd {_quote(str(ROOT))} && {_quote(sys.executable)} -m govlint check --format terminal{flag} "
               f"{' '.join(files)}; tmux -L {server} wait-for -S done; sleep 60")
    env = _env()
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", str(width), "-y", "50", "-s", "capture",
                        "env", "TERM=xterm-256color", "sh", "-c", command], check=True, env=env, timeout=30)
        subprocess.run([*tmux, "wait-for", "done"], check=True, env=env, timeout=300)
        shown = subprocess.run([*tmux, "capture-pane", "-p", "-J", *(["-e"] if colour else []), "-S", "-",
                                "-E", "-", "-t", "capture"], check=True, env=env, capture_output=True,
                               timeout=30).stdout.decode("utf-8")
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, capture_output=True, timeout=30)
    return _tidy(shown)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


@needs_tmux
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_terminal_shows_the_plain_capture(case, width):
    path = EXPECTED / f"{case}-{width}.txt"
    shown = _tmux(CASES[case], width, colour=False)
    if UPDATE:
        assert shown == _plain(CASES[case], width), "tmux shows something else than govlint writes"
    _compare(path, shown)


@needs_tmux
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_terminal_shows_the_colour_capture(case, width):
    _compare(EXPECTED / f"{case}-{width}.ansi", _tmux(CASES[case], width, colour=True))
